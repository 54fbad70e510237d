package decode

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags break the line before and after them, as a browser lays them
// out. td and th are not here: cells of one row stay on one line, separated
// by a tab, so a target table keeps its rows.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "dd": true, "details": true,
	"dialog": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "html": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "tfoot": true, "thead": true, "title": true, "tr": true,
	"ul": true,
}

// hiddenTags hold text no reader sees.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "noembed": true, "noframes": true,
}

// htmlText returns the visible text of a page, one block per line. It
// walks tokens rather than a parsed tree: no recursion, so a page nested
// ten thousand deep (some CMS exports are) costs no stack, and no quadratic
// scope checks in the tree builder.
func htmlText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var w textWriter
	w.atLineStart = true
	var (
		hidden, pre     int
		inHead, inTitle bool
		cells           = []int{0} // cells seen in the current row, per open table
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: a string reader has no other error
		}
		switch tt {
		case html.TextToken:
			text := string(z.Text())
			switch {
			case hidden > 0:
			case inHead && !inTitle:
			case pre > 0:
				w.writePre(text)
			default:
				w.writeFlow(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			nameBytes, _ := z.TagName()
			name := string(nameBytes)
			selfClosing := tt == html.SelfClosingTagToken
			switch {
			case hiddenTags[name]:
				if !selfClosing {
					hidden++
				}
				continue
			case name == "head":
				inHead = !selfClosing
			case name == "body":
				inHead = false
			case name == "title":
				inTitle = !selfClosing
			case name == "br":
				w.newline()
				continue
			case name == "pre" && !selfClosing:
				pre++
			case name == "table" && !selfClosing:
				cells = append(cells, 0)
			case name == "tr":
				cells[len(cells)-1] = 0
			case name == "td" || name == "th":
				if cells[len(cells)-1] > 0 {
					w.tab()
				}
				cells[len(cells)-1]++
			}
			if blockTags[name] {
				w.breakLine()
			}
		case html.EndTagToken:
			nameBytes, _ := z.TagName()
			name := string(nameBytes)
			switch {
			case hiddenTags[name]:
				if hidden > 0 {
					hidden--
				}
				continue
			case name == "head":
				inHead = false
			case name == "title":
				inTitle = false
			case name == "pre":
				if pre > 0 {
					pre--
				}
			case name == "table":
				if len(cells) > 1 {
					cells = cells[:len(cells)-1]
				}
			case name == "br": // </br> is a <br> to browsers
				w.newline()
				continue
			}
			if blockTags[name] {
				w.breakLine()
			}
		}
	}
	return tidyLines(w.b.String())
}

// textWriter collapses white space as a browser does: runs of spaces and
// newlines in the source become one space, and none at the start of a line
// or cell.
type textWriter struct {
	b            strings.Builder
	atLineStart  bool // nothing but a tab written since the last newline
	pendingSpace bool
}

func (w *textWriter) writeFlow(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			w.pendingSpace = true
			continue
		}
		if w.pendingSpace && !w.atLineStart {
			w.b.WriteByte(' ')
		}
		w.pendingSpace = false
		w.atLineStart = false
		w.b.WriteRune(r)
	}
}

// writePre keeps the text of <pre> as it is.
func (w *textWriter) writePre(s string) {
	if s == "" {
		return
	}
	if w.pendingSpace && !w.atLineStart {
		w.b.WriteByte(' ')
	}
	w.pendingSpace = false
	w.b.WriteString(s)
	w.atLineStart = strings.HasSuffix(s, "\n")
}

func (w *textWriter) newline() {
	w.b.WriteByte('\n')
	w.atLineStart = true
	w.pendingSpace = false
}

// breakLine starts a new line unless one was just started, so nested
// blocks (<div><div><p>) give one break, not three.
func (w *textWriter) breakLine() {
	if !w.atLineStart {
		w.newline()
	}
}

func (w *textWriter) tab() {
	w.b.WriteByte('\t')
	w.atLineStart = true // a cell's leading spaces are not text either
	w.pendingSpace = false
}

// tidyLines trims spaces at the ends of lines, turns runs of blank lines into
// one and drops blank lines at both ends.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, line := range lines {
		line = strings.Trim(line, " ")
		if strings.Trim(line, "\t") == "" {
			line = ""
		}
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}
