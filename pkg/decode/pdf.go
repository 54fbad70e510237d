package decode

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

var (
	ErrPDFNoText = errors.New("pdf: no text layer (scanned?)")
	ErrNotPDF    = errors.New("pdf: not a PDF file")
)

// decodePDF takes the text layer of a PDF: first with a pure-Go reader, so
// cnplan needs nothing installed, then with poppler's pdftotext when it is
// on PATH, since it reads far more of the CJK fonts government PDFs embed.
func decodePDF(data []byte) (Result, error) {
	// Readers accept the header anywhere in the first KiB; some servers
	// prepend junk.
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return Result{}, ErrNotPDF
	}
	text := pdfTextGo(data)
	if strings.TrimSpace(text) == "" {
		text = pdfTextPoppler(data)
	}
	if strings.TrimSpace(text) == "" {
		return Result{}, ErrPDFNoText
	}
	return Result{Text: normalizeNewlines(text), Format: "pdf"}, nil
}

// pdfTextGo returns "" for any PDF the reader cannot handle. It panics on
// some malformed files (its own Page and Value code does), so the panic is
// caught here: one bad download must not end a run over a directory.
func pdfTextGo(data []byte) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	var b strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		s, err := p.GetPlainText(nil)
		if err != nil {
			continue
		}
		b.WriteString(strings.TrimLeft(s, "\n"))
		b.WriteByte('\n')
	}
	return b.String()
}

func pdfTextPoppler(data []byte) string {
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return ""
	}
	f, err := os.CreateTemp("", "cnplan-*.pdf")
	if err != nil {
		return ""
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err != nil || cerr != nil {
		return ""
	}
	// A hostile PDF can keep pdftotext busy; a real notice takes seconds.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", f.Name(), "-").Output()
	if err != nil {
		return ""
	}
	return string(out)
}
