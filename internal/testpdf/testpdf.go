// Package testpdf writes small PDFs for tests without a PDF library: the
// objects are text and the cross-reference table is their byte offsets.
package testpdf

import (
	"fmt"
	"strings"
)

// Build writes a PDF of the given objects, numbered from 1; object 1 must
// be the catalog.
func Build(objects ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return []byte(b.String())
}

// Stream is a content stream object holding content.
func Stream(content string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// CJK writes a one-page PDF showing lines of any Unicode text the way
// server-side generators write Chinese: a Type0 font with Identity-H
// encoding whose glyph ids (CIDs) are meaningless without the font's
// ToUnicode map. The font itself is not embedded (a reader needs only the
// map for text). Each line is drawn 20 points below the last.
func CJK(lines ...string) []byte {
	cids := map[rune]int{}
	var order []rune
	var content strings.Builder
	for i, line := range lines {
		fmt.Fprintf(&content, "BT /F1 12 Tf 72 %d Td <", 780-20*i)
		for _, r := range line {
			id, ok := cids[r]
			if !ok {
				id = len(order) + 1
				cids[r] = id
				order = append(order, r)
			}
			fmt.Fprintf(&content, "%04X", id)
		}
		content.WriteString("> Tj ET\n")
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for start := 0; start < len(order); start += 100 {
		chunk := order[start:min(start+100, len(order))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for i, r := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <", start+i+1)
			for _, u := range utf16(r) {
				fmt.Fprintf(&cmap, "%04X", u)
			}
			cmap.WriteString(">\n")
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end")
	return Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		Stream(content.String()),
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>",
		Stream(cmap.String()),
		"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
	)
}

// Garbled writes a one-page PDF whose text layer is mojibake, as from a
// font with no Unicode map: the GBK bytes of text shown through a Latin
// font, so a reader decodes them as Latin-1 letters.
func Garbled(gbk []byte) []byte {
	var hex strings.Builder
	for _, c := range gbk {
		fmt.Fprintf(&hex, "%02X", c)
	}
	return Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		Stream("BT /F1 12 Tf 72 760 Td <"+hex.String()+"> Tj ET"),
	)
}

func utf16(r rune) []rune {
	if r < 0x10000 {
		return []rune{r}
	}
	r -= 0x10000
	return []rune{0xD800 + r>>10, 0xDC00 + r&0x3FF}
}
