package decode

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// FuzzBytes checks that no input makes Bytes panic, and that whatever it
// returns is UTF-8 with \n line ends. Seeds are the openings of the corpus in
// several encodings, plus the files under testdata/fuzz/FuzzBytes.
func FuzzBytes(f *testing.F) {
	for _, doc := range corpus(f) {
		head := string([]rune(doc)[:200])
		f.Add("a.txt", []byte(head), "")
		f.Add("a.txt", encode(f, simplifiedchinese.GB18030, head), "")
		f.Add("", encode(f, utf16le, head), "")
		f.Add("a.html", []byte("<html><body><table><tr><td>"+head+"</td></tr></table>"), "gbk")
	}
	f.Add("a.docx", makeZip(f, [2]string{"word/document.xml", docxBody}), "")
	f.Add("a.pdf", makePDF("BT /F1 12 Tf 72 760 Td (2025) Tj ET"), "")
	f.Fuzz(func(t *testing.T, name string, data []byte, forced string) {
		if isPDFInput(name, data) {
			t.Skip("PDF readers are fuzzed on their own (a reader or pdftotext run per input would make this target crawl)")
		}
		got, err := Bytes(name, data, forced)
		if err != nil {
			return
		}
		// Plain text keeps the file's line ends; the containers whose text
		// cnplan builds (HTML, DOCX, PDF) break lines with LF alone.
		if !utf8.ValidString(got.Text) || (got.Format != "text" && strings.Contains(got.Text, "\r")) {
			t.Errorf("%q: text not UTF-8, or a built text with CR: %q", got.Format, got.Text)
		}
	})
}

// FuzzDocx feeds the Word reader alone: no panic, a bounded text (the
// 64 MiB limit on word/document.xml holds), UTF-8 out. Seeds: a valid
// document, a table, a zip without the document.
func FuzzDocx(f *testing.F) {
	f.Add(makeZip(f, [2]string{"word/document.xml", docxBody}))
	f.Add(makeZip(f, [2]string{"word/document.xml", `<w:document xmlns:w="x"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>95%</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`}))
	f.Add(makeZip(f, [2]string{"word/styles.xml", "<w:styles/>"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeDocx(data)
		if err != nil {
			return
		}
		if !utf8.ValidString(got.Text) || len(got.Text) > 2*docxLimit {
			t.Errorf("docx text of %d bytes, valid UTF-8 %v", len(got.Text), utf8.ValidString(got.Text))
		}
	})
}

// FuzzHTML feeds the page reader alone: no panic, UTF-8 text.
func FuzzHTML(f *testing.F) {
	f.Add("<html><head><title>通知</title></head><body><p>到2025年</p><table><tr><td>95%</td></tr></table></body></html>")
	f.Add("<html><body>" + strings.Repeat("<div>", 50) + "深")
	f.Add("<script>var a='<p>';</script><p>x</p><!-- <p> -->")
	f.Fuzz(func(t *testing.T, page string) {
		if text := htmlText(page); !utf8.ValidString(text) && utf8.ValidString(page) {
			t.Errorf("invalid UTF-8 out of a valid page: %q", text)
		}
	})
}

// isPDFInput says whether Bytes would hand data to a PDF reader.
func isPDFInput(name string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(name), ".pdf") || bytes.HasPrefix(data, []byte("%PDF-"))
}

// FuzzPDF feeds the PDF reader alone (PDFium under wazero, a pooled
// instance per input): no input may panic, hang the run or come back as
// text that is not UTF-8. Seeds are a small text PDF and the hostile
// shapes of TestPDFHostile's kind.
func FuzzPDF(f *testing.F) {
	f.Add(makePDF("BT /F1 12 Tf 72 760 Td (2025) Tj ET"))
	f.Add(makePDF("BT /F1 12 Tf 72 760 Td (95%) Tj ET"))
	f.Add([]byte("%PDF-1.4\nxref\n3000000000 1\n0000000000 65535 f \ntrailer\n<< /Size 3000000001 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"))
	f.Add([]byte("%PDF-1.7\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodePDF(data)
		if err == nil && !utf8.ValidString(got.Text) {
			t.Errorf("text not UTF-8: %q", got.Text)
		}
	})
}
