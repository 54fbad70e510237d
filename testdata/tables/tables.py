#!/usr/bin/env python3
"""Writes the text containers of the two test tables (make.sh runs it):
001.html from the indicator table of testdata/corpus/001 (one cell per
line there) with its 领域 cells merged by rowspan, and a tab-separated
.tsv.txt of each HTML table (a merged cell written once, on its first row,
as a spreadsheet copies it)."""
import glob, html, re
from html.parser import HTMLParser

ATTRS = {"预期性", "约束性", "控制性"}

def table_001():
    path = glob.glob("../corpus/001_*.txt")[0]
    cells = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
    i = cells.index("领域")
    header, cells = cells[i:i + 5], cells[i + 5:]
    rows, row = [], []
    for c in cells:
        row.append(c)
        if c in ATTRS:
            rows.append(row)
            row = []
        elif len(row) > 5:
            break
    groups = []  # [group, [rows without group]]
    for r in rows:
        if len(r) == 5:
            groups.append([r[0], [r[1:]]])
        else:
            groups[-1][1].append(r)
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
           '<style>body{font-family:"WenQuanYi Zen Hei",sans-serif;font-size:10.5pt} table{border-collapse:collapse} td,th{border:1px solid #000;padding:3px 6px}</style></head>',
           '<body>\n<p>安康市“十四五”卫生健康事业发展规划</p>',
           '<p>（四）主要指标。到2025年，全市人均期望寿命达到77.3岁。</p>',
           '<table width="100%">',
           "<tr>" + "".join("<th>%s</th>" % html.escape(h) for h in header) + "</tr>"]
    for g, rs in groups:
        for k, r in enumerate(rs):
            lead = '<td rowspan="%d">%s</td>' % (len(rs), html.escape(g)) if k == 0 else ""
            out.append("<tr>" + lead + "".join("<td>%s</td>" % html.escape(c) for c in r) + "</tr>")
    out += ["</table>", "<p>二、指导思想</p>", "<p>坚持以人民为中心的发展思想。</p>", "</body></html>", ""]
    open("001.html", "w", encoding="utf-8").write("\n".join(out))

class Grid(HTMLParser):
    """The rows of an HTML table, a rowspan cell kept on its first row."""
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.before, self.after, self.where = [], None, [], [], "before"
        self.spans = {}  # column → rows still covered by a rowspan above
    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
            self.col = 0
        elif tag in ("td", "th"):
            while self.spans.get(self.col, 0) > 0:
                self.spans[self.col] -= 1
                self.rows[-1].append("")
                self.col += 1
            span = int(dict(attrs).get("rowspan", "1"))
            if span > 1:
                self.spans[self.col] = span - 1
            self.cell = ""
        elif tag == "table":
            self.where = "table"
        elif tag == "p":
            self.cell = None
            self.para = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self.cell.strip())
            self.cell = None
            self.col += 1
        elif tag == "tr":
            while self.spans.get(self.col, 0) > 0:
                self.spans[self.col] -= 1
                self.rows[-1].append("")
                self.col += 1
        elif tag == "table":
            self.where = "after"
        elif tag == "p":
            (self.before if self.where == "before" else self.after).append(self.para.strip())
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif hasattr(self, "para"):
            self.para += data

def tsv(name):
    g = Grid()
    g.feed(open(name + ".html", encoding="utf-8").read())
    lines = g.before + ["\t".join(r) for r in g.rows] + g.after
    open(name + ".tsv.txt", "w", encoding="utf-8").write("\n".join(lines) + "\n")

table_001()
tsv("own")
tsv("001")
