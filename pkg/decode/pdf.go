package decode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

var (
	ErrPDFNoText = errors.New("pdf: no text layer (scanned?)")
	ErrNotPDF    = errors.New("pdf: not a PDF file")
	// ErrPDFUnreadable wraps PDFium's own reason ("incorrect format",
	// "out of memory", a time limit).
	ErrPDFUnreadable = errors.New("pdf: cannot read")
	// ErrPDFGarbled: the text layer is there but does not decode to
	// Chinese or ASCII prose (fonts without a Unicode map).
	ErrPDFGarbled = errors.New("pdf: text layer is garbled")
)

// Limits of one PDF read. PDFium runs as WebAssembly, so a hostile file
// (an xref at object 3e9, a page tree holding itself) can at worst use up
// its sandbox's memory or its time, and becomes an error either way.
const (
	pdfMemoryPages = 8192 // 64 KiB pages: 512 MiB per PDFium instance
	pdfTimeLimit   = 60 * time.Second
	pdfMaxPages    = 5000
)

// decodePDF takes the text layer of a PDF with PDFium (Google's PDF
// engine, the one Chrome uses), compiled to WebAssembly and run in pure Go
// by wazero: it applies the ToUnicode maps of the CID fonts Chinese PDFs
// embed. Where PDFium fails or gives garbled text, poppler's pdftotext is
// tried when it is on PATH. Text that is still garbled is an error rather
// than a source of records.
func decodePDF(data []byte) (Result, error) {
	// Readers accept the header anywhere in the first KiB; some servers
	// prepend junk.
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return Result{}, ErrNotPDF
	}
	text, err := pdfiumText(data)
	if err == nil {
		err = checkPDFText(text)
	}
	if err != nil {
		if alt := pdfTextPoppler(data); alt != "" && checkPDFText(alt) == nil {
			text, err = alt, nil
		}
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Text: normalizeNewlines(text), Format: "pdf"}, nil
}

// checkPDFText says whether a text layer is usable: not empty, and not
// made of the characters that a font without a Unicode map decodes to.
func checkPDFText(text string) error {
	if strings.TrimSpace(text) == "" {
		return ErrPDFNoText
	}
	if share, ok := garbledShare(text); !ok {
		return fmt.Errorf("%w (%.0f%% of its characters are private-use, replacement or Latin-1 symbols: a font without a Unicode map)", ErrPDFGarbled, share*100)
	}
	return nil
}

// garbledShare returns the share of suspicious characters among the
// non-space ones and whether the text passes. Chinese prose is Han,
// ASCII, CJK and full-width punctuation and a few symbols (≤ ‰ ①);
// mojibake is private-use code points, U+FFFD, C0/C1 controls and the
// Latin-1 and Latin Extended letters that single-byte codes map to.
func garbledShare(text string) (float64, bool) {
	total, bad, han := 0, 0, 0
	for _, r := range text {
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u3000' || r == '\u00a0':
			continue
		case r >= 0xE000 && r <= 0xF8FF, r == 0xFFFD, r < 0x20, r >= 0x7F && r < 0xA0:
			bad++
		case r >= 0xA0 && r <= 0x24F && r != '×' && r != '·' && r != '°' && r != '±' && r != '÷':
			bad++
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
			han++
		}
		total++
	}
	if total == 0 {
		return 0, true
	}
	share := float64(bad) / float64(total)
	// A few odd symbols are normal (a © line, a German name); mojibake is
	// most of the text. Chinese text has little room for them.
	limit := 0.15
	if han > 0 {
		limit = 0.05
	}
	return share, share <= limit
}

var (
	pdfiumOnce sync.Once
	pdfiumPool pdfium.Pool
	pdfiumErr  error
)

// pdfiumStart compiles the PDFium module once per process. Compiling
// takes seconds (about 10 s on a busy 2-core machine), so the compiled
// code is cached under the user's cache directory and later processes
// start in about 0.2 s.
func pdfiumStart() (pdfium.Pool, error) {
	pdfiumOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages).
			WithCloseOnContextDone(true)
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "cnplan", "pdfium-wazero")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		workers := min(runtime.GOMAXPROCS(0), 4)
		pdfiumPool, pdfiumErr = webassembly.Init(webassembly.Config{
			MinIdle: 0, MaxIdle: workers, MaxTotal: workers,
			RuntimeConfig: rc,
			// No file system: documents are passed as bytes.
			FSConfig: wazero.NewFSConfig(),
			Stdout:   io.Discard, Stderr: io.Discard,
		})
	})
	return pdfiumPool, pdfiumErr
}

// pdfiumText returns the text of every page, one visual line a line, the
// cells of a table row separated by tabs (see layoutLines).
func pdfiumText(data []byte) (string, error) {
	pool, err := pdfiumStart()
	if err != nil {
		return "", fmt.Errorf("%w: PDFium did not start: %v", ErrPDFUnreadable, err)
	}
	inst, err := pool.GetInstance(10 * time.Minute)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrPDFUnreadable, err)
	}
	// A file that keeps PDFium busy past the limit is killed with its
	// instance; the pool makes a fresh one for the next document.
	timer := time.AfterFunc(pdfTimeLimit, func() { _ = inst.Kill() })
	text, err := readPages(inst, data)
	if !timer.Stop() {
		return "", fmt.Errorf("%w: PDFium stopped after %s", ErrPDFUnreadable, pdfTimeLimit)
	}
	_ = inst.Close()
	return text, err
}

func readPages(inst pdfium.Pdfium, data []byte) (text string, err error) {
	// A trap inside the module (its memory limit) surfaces as a panic in
	// some calls; it is this document's error, not the run's.
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: %v", ErrPDFUnreadable, r)
		}
	}()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", fmt.Errorf("%w: %s", ErrPDFUnreadable, pdfiumReason(err))
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return "", fmt.Errorf("%w: %s", ErrPDFUnreadable, pdfiumReason(err))
	}
	if count.PageCount > pdfMaxPages {
		return "", fmt.Errorf("%w: %d pages (limit %d)", ErrPDFUnreadable, count.PageCount, pdfMaxPages)
	}
	var b strings.Builder
	for i := 0; i < count.PageCount; i++ {
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeRects})
		if err != nil {
			continue // one bad page; the others may still be read
		}
		runs := make([]textRun, 0, len(st.Rects))
		for _, r := range st.Rects {
			p := r.PointPosition
			runs = append(runs, textRun{text: r.Text, left: p.Left, right: p.Right, top: p.Top, bottom: p.Bottom})
		}
		for _, line := range layoutLines(runs) {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}

// pdfiumReason drops the error code go-pdfium puts before PDFium's reason
// ("3: incorrect format").
func pdfiumReason(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i > 0 && strings.Trim(msg[:i], "0123456789") == "" {
		msg = msg[i+2:]
	}
	return msg
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
