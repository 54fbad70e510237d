package extract

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/width"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
)

func lf(s string) string { return lineBreak.ReplaceAllString(s, "\n") }

// lineBreak is how a text file may end a line: CR LF is one break.
var lineBreak = regexp.MustCompile("\r\n|\r|\n")

// spanText returns runes [start, end) of text and the 1-based line of start,
// counted here on its own rather than by textview.Lines.
func spanText(runes []rune, start, end int) (string, int) {
	prefix := string(runes[:start])
	return string(runes[start:end]), 1 + len(lineBreak.FindAllStringIndex(prefix, -1))
}

// holdsNumber reports whether quote writes v: its digits in order
// (width-folded; a page number that a PDF conversion left inside the
// number, "1\n8、5个" for 15, may stand between them) or, for a number
// written in Chinese numerals (两个, 十项), a numeral.
func holdsNumber(quote string, v float64) bool {
	if strings.ContainsAny(quote, "〇零一二两三四五六七八九十百千万亿") {
		return true
	}
	q := width.Fold.String(quote)
	digits := strconv.FormatFloat(v, 'f', -1, 64)
	i := 0
	for _, r := range q {
		if i < len(digits) && byte(r) == digits[i] && r < 0x80 {
			i++
		}
	}
	return i == len(digits)
}

// TestProvenanceOnEveryContainer is issue 15's property: for every corpus
// document written with LF, CR LF or CR line ends, with a BOM, in UTF-16
// or GB18030, every record's span in the decoded original holds what the
// record says (the number, the deadline words, the bodies) and its line is
// the line that holds the span's start.
func TestProvenanceOnEveryContainer(t *testing.T) {
	enc := func(e encoding.Encoding, bom string) func(string) []byte {
		return func(s string) []byte {
			b, err := e.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return append([]byte(bom), b...)
		}
	}
	variants := []containerVariant{
		{"lf", func(s string) []byte { return []byte(lf(s)) }},
		{"crlf", func(s string) []byte { return []byte(strings.ReplaceAll(lf(s), "\n", "\r\n")) }},
		{"cr", func(s string) []byte { return []byte(strings.ReplaceAll(lf(s), "\n", "\r")) }},
		{"as-saved", func(s string) []byte { return []byte(s) }}, // 30 and 32 are CR LF, 32 mixed
		{"bom-crlf", func(s string) []byte { return []byte("\ufeff" + strings.ReplaceAll(lf(s), "\n", "\r\n")) }},
		{"utf16le-bom", enc(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "\xff\xfe")},
		{"utf16be-crlf", func(s string) []byte {
			return enc(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "\xfe\xff")(strings.ReplaceAll(lf(s), "\n", "\r\n"))
		}},
		{"gb18030-crlf", func(s string) []byte {
			return enc(simplifiedchinese.GB18030, "")(strings.ReplaceAll(lf(s), "\n", "\r\n"))
		}},
	}
	for _, c := range corpus.All(t) {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			provenanceHolds(t, c, variants)
		})
	}
}

type containerVariant struct {
	name string
	make func(string) []byte
}

func provenanceHolds(t *testing.T, c corpus.Doc, variants []containerVariant) {
	var ref record.Document
	for vi, v := range variants {
		d, err := document.FromBytes(c.Name, v.make(c.Original), document.Options{})
		if err != nil {
			t.Fatalf("%s %s: %v", c.Name, v.name, err)
		}
		doc := Extract(d)
		if vi == 0 {
			ref = doc
			if len(doc.Targets)+len(doc.Deadlines)+len(doc.Units) == 0 {
				t.Fatalf("%s: no records", c.Name)
			}
		} else if len(doc.Targets) != len(ref.Targets) || len(doc.Deadlines) != len(ref.Deadlines) || len(doc.Units) != len(ref.Units) {
			t.Errorf("%s %s: %d/%d/%d records, LF gives %d/%d/%d", c.Name, v.name,
				len(doc.Targets), len(doc.Deadlines), len(doc.Units), len(ref.Targets), len(ref.Deadlines), len(ref.Units))
			continue
		}
		runes := []rune(d.Original)
		check := func(kind string, i int, src record.Source, holds func(string) bool) {
			if src.Span[0] < 0 || src.Span[1] > len(runes) || src.Span[0] >= src.Span[1] {
				t.Errorf("%s %s: %s %d: span %v outside the text (%d runes)", c.Name, v.name, kind, i, src.Span, len(runes))
				return
			}
			quote, line := spanText(runes, src.Span[0], src.Span[1])
			if !holds(normalize.ToSimplified(quote)) {
				t.Errorf("%s %s: %s %d: span %v holds %q", c.Name, v.name, kind, i, src.Span, quote)
			}
			if line != src.Line {
				t.Errorf("%s %s: %s %d: line %d, the span starts on line %d", c.Name, v.name, kind, i, src.Line, line)
			}
		}
		for i, r := range doc.Targets {
			check("target", i, r.Source, func(q string) bool { return holdsNumber(q, r.Value) })
		}
		for i, r := range doc.Deadlines {
			check("deadline", i, r.Source, func(q string) bool { return strings.Contains(lf(q), normalize.ToSimplified(r.Text)) })
		}
		for i, r := range doc.Units {
			check("unit", i, r.Source, func(q string) bool {
				for _, u := range r.Units {
					if !strings.Contains(q, normalize.ToSimplified(u)) {
						return false
					}
				}
				return true
			})
		}
	}
}
