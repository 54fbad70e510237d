// Package hostile builds the worst-case inputs a batch must survive: shapes
// that once made extraction quadratic in time, memory or output (a whole
// file that is one sentence, one line of thousands of clauses, a table of
// a hundred thousand cells). Tests build them small and assert by counts
// and sizes; bench/ builds them at full size and reports time, memory and
// output per input byte.
package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Shape is one generated input: its file name (the extension chooses the
// reader) and a builder for about n bytes of it.
type Shape struct {
	Name     string
	FullSize int // the size the issue names, in bytes (or items where noted)
	Build    func(n int) []byte
}

// Shapes are the hostile inputs of issue 14, each with the size at which
// it once stalled or bloated a batch.
var Shapes = []Shape{
	{"percentages.txt", 90 << 10, Percentages},
	{"deadline_clauses.txt", 3000 * len("到2025年底前完成第1000项任务，"), DeadlineClauses},
	{"numbers_sentence.txt", 200000 * len("123456，"), NumbersSentence},
	{"clauses_line.txt", 100000 * len("推进第10000项工作，"), ClausesLine},
	{"cells.docx", 100000, TableCells},
	{"one_line.txt", 200 << 20, OneLine},
}

// repeatTo writes item(i) for i = 0, 1, … until n bytes are written.
func repeatTo(n int, item func(b *bytes.Buffer, i int)) []byte {
	var b bytes.Buffer
	b.Grow(n + 64)
	for i := 0; b.Len() < n; i++ {
		item(&b, i)
	}
	return b.Bytes()
}

// Percentages is text of percentage targets without a full stop: the whole
// file is one sentence (a flattened table or a page without 。).
func Percentages(n int) []byte {
	return repeatTo(n, func(b *bytes.Buffer, i int) {
		fmt.Fprintf(b, "第%d项指标覆盖率达到%d.%d%%，", i, 60+i%40, i%10)
	})
}

// DeadlineClauses is one line of deadline clauses.
func DeadlineClauses(n int) []byte {
	return repeatTo(n, func(b *bytes.Buffer, i int) {
		fmt.Fprintf(b, "到%d年底前完成第%d项任务，", 2021+i%10, i)
	})
}

// NumbersSentence is one sentence of bare numbers.
func NumbersSentence(n int) []byte {
	return repeatTo(n, func(b *bytes.Buffer, i int) {
		fmt.Fprintf(b, "%d，", 100000+i%900000)
	})
}

// ClausesLine is one line of short clauses with no figure in them.
func ClausesLine(n int) []byte {
	return repeatTo(n, func(b *bytes.Buffer, i int) {
		fmt.Fprintf(b, "推进第%d项工作，", i%100000)
	})
}

// TableCells is a DOCX holding one table of n cells, ten to a row, each a
// percentage: after decoding, n/10 tab-separated lines.
func TableCells(n int) []byte {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>`)
	for i := 0; i < n; {
		doc.WriteString("<w:tr>")
		for c := 0; c < 10 && i < n; c, i = c+1, i+1 {
			fmt.Fprintf(&doc, "<w:tc><w:p><w:r><w:t>%d%%</w:t></w:r></w:p></w:tc>", i%100)
		}
		doc.WriteString("</w:tr>")
	}
	doc.WriteString(`</w:tbl></w:body></w:document>`)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(doc.String()))
	zw.Close()
	return buf.Bytes()
}

// OneLine is a long document whose line breaks were lost: prose with a
// target sentence every 100 sentences, all on one line.
func OneLine(n int) []byte {
	filler := "坚持以人民为中心的发展思想，全面推进健康中国建设，持续深化医药卫生体制改革。"
	block := strings.Repeat(filler, 99) + "到2025年，全市儿童健康管理率达到95%以上。"
	return bytes.Repeat([]byte(block), n/len(block)+1)
}
