package decode

import (
	"errors"
	"testing"

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

// The PDF test is in ASCII: a CJK text layer needs an embedded CID font
// and a ToUnicode map, too much to write by hand here.
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
	if _, err := Bytes("x.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), ""); !errors.Is(err, ErrPDFNoText) {
		t.Errorf("truncated: %v", err)
	}
	if _, err := Bytes("x.pdf", []byte("到2025年"), ""); !errors.Is(err, ErrNotPDF) {
		t.Errorf("not a PDF: %v", err)
	}
}
