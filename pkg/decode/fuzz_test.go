package decode

import (
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
