// Package document reads one input into the value that flows through
// cnplan's pipeline: the decoded original text, and the normalised views of
// it that the recognisers match against, each with its offset map back to
// the original.
package document

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/clean"
	"github.com/cnplan/cnplan/pkg/decode"
	"github.com/cnplan/cnplan/pkg/input"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

// Options control reading.
type Options struct {
	Encoding string // force an encoding instead of detecting one
	KeepAll  bool   // keep page junk (no cleaning)
	// MaxSize is the largest input read, in bytes; 0 means
	// input.DefaultMaxSize. Larger inputs are refused, never read whole.
	MaxSize int64
	// Timeout is the budget for reading and extracting one document in
	// a batch (pkg/batch enforces it); 0 means none.
	Timeout time.Duration
}

// Document is one decoded input.
type Document struct {
	File     string // path as given ("-" for standard input)
	Encoding string
	Format   string // text, html, docx, pdf
	Script   string // simplified or traditional
	// Original is the text as decoded from the file's bytes (BOM removed,
	// line ends kept as CR LF, CR or LF); all spans are rune offsets into it.
	Original string
	Lines    textview.Lines
	// Body is the normalised text without page junk and with page breaks
	// joined: what the recognisers read.
	Body    *textview.View
	Dropped int // junk lines dropped
	Joined  int // page-break artefacts joined
	// full is the whole text normalised, kept when cleaning changed
	// nothing (it is then Body) or the text is small; see Full.
	full *textview.View

	// quoteIndex[k] is the byte offset in Original of rune k×quoteStep,
	// for quoting spans: a []rune of the whole text cost 4 bytes a rune,
	// this one byte (records quote the original hundreds of
	// thousands of times a megabyte).
	quoteIndex []int32
	runeCount  int
	valid      bool // Original is valid UTF-8 (decoding leaves no invalid bytes)
	hasCR      bool // Original has a CR: quotes turn line ends into '\n'
}

// quoteStep is how many runes apart quoteIndex's entries are: a quote
// decodes at most this many runes to find each of its ends.
const quoteStep = 4

// keepFullUpTo is the largest text whose full normalised view a document
// keeps: below it the copy costs less than normalising it again (5% of
// extraction time on the corpus), above it memory matters more.
const keepFullUpTo = 4 << 20

// Error is a failure to read one input; its message names the file.
type Error struct {
	File string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.File, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Read loads a file ("-" reads stdin).
func Read(path string, stdin io.Reader, opt Options) (*Document, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = input.ReadAll(stdin, opt.MaxSize)
	} else {
		data, err = input.ReadFile(path, opt.MaxSize)
	}
	if err != nil {
		return nil, &Error{path, cleanOSError(err)}
	}
	return FromBytes(path, data, opt)
}

// cleanOSError drops the path that os errors repeat ("open x: no such
// file") since Error already names the file.
func cleanOSError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// FromBytes decodes data read from name.
func FromBytes(name string, data []byte, opt Options) (*Document, error) {
	res, err := decode.Bytes(filepath.Base(name), data, opt.Encoding)
	if err != nil {
		return nil, &Error{name, err}
	}
	if strings.TrimSpace(res.Text) == "" {
		return nil, &Error{name, fmt.Errorf("no text (empty or whitespace only)")}
	}
	return FromText(name, res.Text, res.Encoding, res.Format, opt)
}

// FromText builds a document from already decoded text.
func FromText(name, text, encoding, format string, opt Options) (*Document, error) {
	d := &Document{File: name, Encoding: encoding, Format: format, Original: text}
	d.indexRunes()
	d.Lines = textview.NewLines(text)
	d.Script = normalize.DetectScript(text)
	full, err := d.normalised()
	if err != nil {
		return nil, &Error{name, err}
	}
	cleaned, err := clean.Clean(full, opt.KeepAll)
	if err != nil {
		return nil, &Error{name, err}
	}
	d.Body, d.Dropped, d.Joined = cleaned.View, cleaned.Dropped, cleaned.Joined
	if d.Body == full || len(text) <= keepFullUpTo {
		d.full = full
	}
	return d, nil
}

func (d *Document) normalised() (*textview.View, error) {
	decoded := textview.IdentityOf(d.Original, d.runeCount) // the runes are counted
	if d.hasCR {
		decoded = textview.Decoded(d.Original)
	}
	return normalize.View(decoded, d.Script)
}

// Full returns the whole text normalised, page junk included (for
// metadata, which may sit in page chrome such as a sharing site's file
// name line). In a document over keepFullUpTo bytes whose cleaning
// dropped lines it is normalised anew on each call (a pass at about a
// gigabyte a second), so that a large document does not hold a third
// copy of its text while it is extracted: hold it only as long as needed.
func (d *Document) Full() *textview.View {
	if d.full != nil {
		return d.full
	}
	full, err := d.normalised()
	if err != nil {
		return d.Body // normalising worked when the document was read
	}
	return full
}

// indexRunes records the byte offset of every quoteStep-th rune.
func (d *Document) indexRunes() {
	n := 0
	d.valid = true
	d.quoteIndex = make([]int32, 0, len(d.Original)/quoteStep+1) // bytes ≥ runes
	for i := 0; i < len(d.Original); n++ {
		if n%quoteStep == 0 {
			d.quoteIndex = append(d.quoteIndex, int32(i))
		}
		r, size := textview.DecodeRune(d.Original, i)
		if r == utf8.RuneError && size == 1 {
			d.valid = false
		}
		i += size
	}
	d.runeCount = n
	d.hasCR = strings.IndexByte(d.Original, '\r') >= 0
}

// byteOffset returns the byte offset in Original of rune r (0 ≤ r ≤ the
// rune count).
func (d *Document) byteOffset(r int) int {
	if r >= d.runeCount {
		return len(d.Original)
	}
	b := int(d.quoteIndex[r/quoteStep])
	for k := r % quoteStep; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(d.Original[b:])
		b += size
	}
	return b
}

// Quote returns the original text of rune span [start, end), its line
// breaks written as '\n' whatever the file used.
func (d *Document) Quote(start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > d.runeCount {
		end = d.runeCount
	}
	if start >= end {
		return ""
	}
	// A copy, so that a record does not keep the whole document alive;
	// invalid bytes (decoding never leaves any) read as U+FFFD each.
	q := d.Original[d.byteOffset(start):d.byteOffset(end)]
	if !d.valid && !utf8.ValidString(q) {
		q = string([]rune(q))
	} else {
		q = strings.Clone(q)
	}
	if d.hasCR && strings.IndexByte(q, '\r') >= 0 {
		q = strings.ReplaceAll(strings.ReplaceAll(q, "\r\n", "\n"), "\r", "\n")
	}
	return q
}
