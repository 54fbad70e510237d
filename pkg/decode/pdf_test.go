package decode

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/cnplan/cnplan/internal/testpdf"
)

// makePDF writes a one-page PDF whose content stream is content, with
// Helvetica as font F1.
func makePDF(content string) []byte {
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		testpdf.Stream(content),
	)
}

func TestPDF(t *testing.T) {
	content := "BT /F1 12 Tf 72 760 Td (Health plan 2021-2025) Tj ET\n" +
		"BT /F1 12 Tf 72 740 Td (Beds per 1000 people: 7.5 by 2025) Tj ET"
	for _, name := range []string{"plan.pdf", ""} {
		got, err := Bytes(name, makePDF(content), "")
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if want := "Health plan 2021-2025\nBeds per 1000 people: 7.5 by 2025\n"; got.Format != "pdf" || got.Text != want {
			t.Errorf("%q: format %q text %q", name, got.Format, got.Text)
		}
	}

	// A scan: a page with no text operators.
	_, err := Bytes("scan.pdf", makePDF("0 0 595 842 re f"), "")
	if !errors.Is(err, ErrPDFNoText) {
		t.Errorf("scan: %v", err)
	}
	// A PDF cut off after its header, and not a PDF at all.
	if _, err := Bytes("x.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), ""); !errors.Is(err, ErrPDFUnreadable) {
		t.Errorf("truncated: %v", err)
	}
	if _, err := Bytes("x.pdf", []byte("到2025年"), ""); !errors.Is(err, ErrNotPDF) {
		t.Errorf("not a PDF: %v", err)
	}
}

// PDFs of one table made by three producers give the characters of their
// source, and its prose lines as they are: Chromium's print-to-PDF and
// LibreOffice (testdata/tables/make.sh: TrueType CID fonts, Identity-H,
// subset) and a Go writer of the kind servers use (a Type0 font known
// only through its ToUnicode map).
func TestPDFProducers(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "tables")
	src, err := File(filepath.Join(dir, "own.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	var prose []string
	for _, line := range strings.Split(src.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.Contains(line, "\t") && !strings.HasPrefix(line, "注") {
			prose = append(prose, line)
		}
	}
	if len(prose) != 5 {
		t.Fatalf("source prose lines %q", prose)
	}
	goWriter := testpdf.CJK(strings.Split(strings.TrimSpace(src.Text), "\n")...)
	for _, tc := range []struct {
		producer string
		data     []byte
	}{
		{"chromium", readFile(t, filepath.Join(dir, "own-chromium.pdf"))},
		{"libreoffice", readFile(t, filepath.Join(dir, "own-libreoffice.pdf"))},
		{"go writer", goWriter},
	} {
		got, err := Bytes("own.pdf", tc.data, "")
		if err != nil {
			t.Errorf("%s: %v", tc.producer, err)
			continue
		}
		if a, b := sortedRunes(src.Text), sortedRunes(got.Text); a != b {
			t.Errorf("%s: characters differ from the source:\n%s\n%s", tc.producer, a, b)
		}
		lines := strings.Split(got.Text, "\n")
		for _, p := range prose {
			if !slices.Contains(lines, p) {
				t.Errorf("%s: line %q missing from\n%s", tc.producer, p, got.Text)
			}
		}
	}
}

// A text layer of mojibake (GBK bytes through a Latin font) is an error,
// not a source of records.
func TestPDFGarbled(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("到2025年，全市人均预期寿命达到78岁，孕产妇死亡率控制在11/10万以下。"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Bytes("garbled.pdf", testpdf.Garbled(gbk), "")
	if !errors.Is(err, ErrPDFGarbled) || !strings.Contains(err.Error(), "Unicode map") {
		t.Errorf("garbled: %v", err)
	}
	for _, ok := range []string{"安康市“十四五”卫生健康事业发展规划 ≤11 ‰ ①", "Health plan 2021–2025 © Müller"} {
		if share, pass := garbledShare(ok); !pass {
			t.Errorf("%q judged garbled (%.2f)", ok, share)
		}
	}
	for _, bad := range []string{"l  o ) ´  ö * F ëé T", "\ue000\ue001\ue002 2025", "��年��"} {
		if _, pass := garbledShare(bad); pass {
			t.Errorf("%q judged clean", bad)
		}
	}
}

// Hostile PDFs (issue 14) end as one error each: PDFium runs in a
// memory-capped WebAssembly sandbox, and these are the shapes that killed
// or hung the previous Go reader.
func TestPDFHostile(t *testing.T) {
	catalog := "<< /Type /Catalog /Pages 2 0 R >>"
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
	sizeHuge := strings.Replace(string(testpdf.Build(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page)), "/Size 4", "/Size 3000000000", 1)
	predictor := testpdf.Build(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		"<< /Length 8 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 100000000000 >> >>\nstream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream")
	for name, data := range map[string][]byte{
		"xref at object 3e9": []byte("%PDF-1.4\nxref\n3000000000 1\n0000000000 65535 f \ntrailer\n<< /Size 3000000001 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"),
		"/Size 3e9":          []byte(sizeHuge),
		"predictor columns":  predictor,
		"page tree loop":     testpdf.Build(catalog, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
		"/Count 2147483647":  testpdf.Build(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>", page),
	} {
		res, err := Bytes("hostile.pdf", data, "")
		if err == nil {
			t.Errorf("%s: no error, text %q", name, res.Text)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sortedRunes lists the non-space characters of s in order, so that texts
// with the same characters in another order compare equal.
func sortedRunes(s string) string {
	var rs []rune
	for _, r := range s {
		if !strings.ContainsRune(" \t\n\u3000\u00a0", r) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}

// Runs level with each other make a line; wide gaps are cell boundaries,
// a font change inside a sentence is not, a spread-out heading is one word.
func TestLayoutLines(t *testing.T) {
	runs := []textRun{
		{"规", 100, 112, 800, 788}, {"划", 150, 162, 800, 788}, {"目", 200, 212, 800, 788}, {"标", 250, 262, 800, 788},
		{"到", 72, 84, 760, 748}, {"2025", 84, 108, 759, 749}, {"年达到", 108, 144, 760, 748},
		{"健康水平", 36, 84, 720, 708}, {"人均预期寿命 ", 88, 160, 734, 722}, {"77.3 ", 260, 284, 733, 723}, {"预期性", 392, 428, 734, 722},
		{"婴儿死亡率", 88, 148, 714, 702}, {"4.5", 260, 276, 713, 703},
	}
	got := strings.Join(layoutLines(runs), "\n")
	want := "规划目标\n到2025年达到\n人均预期寿命\t77.3\t预期性\n健康水平\t婴儿死亡率\t4.5"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
