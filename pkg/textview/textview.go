// Package textview holds a text derived from a document's decoded original
// (cleaned, joined, normalised) together with the map that takes every rune
// of it back to the rune it came from in the original. All spans that cnplan
// reports are rune offsets into the original, [start, end).
package textview

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// View is a derived text and its offset map.
type View struct {
	Text string
	// The map, as runs: view runes [runs[k].at, runs[k+1].at) stand for
	// the original runes from runs[k].orig on, one for one. A text
	// derived by dropping lines or joining breaks has a run per cut, so
	// the map costs its cuts, not its length (an offset per rune cost
	// four bytes a rune, for every view of every document).
	runs []run
	n    int   // the view's length in runes
	end  int32 // the original offset one past the last mapped rune

	// The text decoded once, on first use, and shared by every stage
	// that reads the view (see Chars).
	runes []rune
	// byteAt[k] is the byte offset of rune k×indexStep: RuneIndex and
	// ByteOffset walk at most indexStep runes from it.
	byteAt []int32
	valid  bool  // the text is valid UTF-8: rune sizes can be read from runes
	lines  []int // rune offsets where lines start (see LineStarts)
}

// run is one stretch of the map: the view rune at maps to orig.
type run struct{ at, orig int32 }

// indexStep is how many runes apart the entries of View.byteAt are: a
// byte of index per rune, where an offset for every rune cost four, and
// a lookup walks at most three runes (extraction asks for the text of
// spans hundreds of thousands of times a megabyte).
const indexStep = 4

// Builder appends runes with their original offsets.
type Builder struct {
	buf  []byte
	runs []run
	n    int32
	end  int32
}

// Add appends r, which stands for the original rune at offset orig.
func (b *Builder) Add(r rune, orig int) {
	b.buf = utf8.AppendRune(b.buf, r)
	if k := len(b.runs) - 1; k < 0 || b.runs[k].orig+(b.n-b.runs[k].at) != int32(orig) {
		b.runs = append(b.runs, run{b.n, int32(orig)})
	}
	b.n++
	b.end = int32(orig) + 1
}

// AddString appends s, whose runes stand for the original runes from
// offset orig on, one for one: a bulk Add. It returns how many runes it
// added.
func (b *Builder) AddString(s string, orig int) int {
	n, valid := CountRunes(s)
	if !valid {
		for _, r := range s { // invalid bytes become U+FFFD, as Add writes them
			b.Add(r, orig)
			orig++
		}
		return n
	}
	b.AddValid(s, n, orig)
	return n
}

// AddValid is AddString for a string the caller knows to be valid UTF-8
// of runes runes (a cleaner that counted its lines already).
func (b *Builder) AddValid(s string, runes, orig int) {
	if runes == 0 {
		return
	}
	b.buf = append(b.buf, s...)
	if k := len(b.runs) - 1; k < 0 || b.runs[k].orig+(b.n-b.runs[k].at) != int32(orig) {
		b.runs = append(b.runs, run{b.n, int32(orig)})
	}
	b.n += int32(runes)
	b.end = int32(orig + runes)
}

// SetEnd sets the original offset that the view's end maps to (after
// the last rune added, by default one past its original).
func (b *Builder) SetEnd(orig int) { b.end = int32(orig) }

// Grow makes room for about bytes more bytes of text, so that building a
// view of a large text does not copy it over and over.
func (b *Builder) Grow(bytes int) {
	if cap(b.buf)-len(b.buf) < bytes {
		b.buf = append(make([]byte, 0, len(b.buf)+bytes), b.buf...)
	}
}

// Len is the number of runes added so far.
func (b *Builder) Len() int { return int(b.n) }

// Last returns the last rune added, or 0.
func (b *Builder) Last() rune {
	r, _ := utf8.DecodeLastRune(b.buf)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// DropLast removes the last rune added (a page break being joined).
func (b *Builder) DropLast() {
	if b.n == 0 {
		return
	}
	_, size := utf8.DecodeLastRune(b.buf)
	b.buf = b.buf[:len(b.buf)-size]
	b.n--
	if k := len(b.runs) - 1; b.runs[k].at == b.n {
		b.runs = b.runs[:k]
	}
}

// View finishes the builder: the view takes over its buffers (the text
// is not copied), so the builder must not be used after.
func (b *Builder) View() *View {
	text := unsafe.String(unsafe.SliceData(b.buf), len(b.buf))
	v := &View{Text: text, runs: b.runs, n: int(b.n), end: b.end}
	b.buf, b.runs = nil, nil
	return v
}

// Identity returns a view of s that maps every rune onto itself. It
// shares s; its map is one run.
func Identity(s string) *View {
	n, _ := CountRunes(s)
	return IdentityOf(s, n)
}

// IdentityOf is Identity for a text whose rune count is known.
func IdentityOf(s string, runes int) *View {
	return &View{Text: s, runs: []run{{0, 0}}, n: runes, end: int32(runes)}
}

// Retext returns a view of text, which must have as many runes as v's
// text and stand for it rune for rune (width folded, converted to
// simplified): it shares v's map.
func (v *View) Retext(text string) *View {
	return &View{Text: text, runs: v.runs, n: v.n, end: v.end}
}

// Runes is the view's length in runes.
func (v *View) Runes() int { return v.n }

// Origin returns the original offset of the view's i-th rune; for i at
// or past the view's end, the offset one past the last mapped rune.
func (v *View) Origin(i int) int {
	if i >= v.n {
		return int(v.end)
	}
	if i < 0 {
		i = 0
	}
	// The last run starting at or before i.
	lo, hi := 0, len(v.runs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(v.runs[m].at) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	r := v.runs[lo-1]
	return int(r.orig) + i - int(r.at)
}

// Span maps a view span [start, end) to the original text. An empty span
// maps to an empty span at its start.
func (v *View) Span(start, end int) (int, int) {
	n := v.n
	if start < 0 {
		start = 0
	}
	if end > n {
		end = n
	}
	if start >= end {
		if start > n {
			start = n
		}
		o := v.Origin(start)
		return o, o
	}
	return v.Origin(start), v.Origin(end-1) + 1
}

// Map composes two views: outer was derived from inner's Text, and inner
// from the original. The result maps outer's runes to the original. It
// walks the two maps' runs together: its cost is their number.
func Map(outer, inner *View) *View {
	var runs []run
	add := func(at, orig int32) {
		if k := len(runs) - 1; k >= 0 && runs[k].orig+(at-runs[k].at) == orig {
			return // continues the run before
		}
		runs = append(runs, run{at, orig})
	}
	k := 0 // inner's run holding the current inner offset
	for i, r := range outer.runs {
		stop := int32(outer.n)
		if i+1 < len(outer.runs) {
			stop = outer.runs[i+1].at
		}
		// outer runes [r.at, stop) stand for inner runes from r.orig on.
		for at := r.at; at < stop; {
			o := r.orig + (at - r.at)
			if int(o) >= inner.n {
				add(at, inner.end) // past inner's end: its end (as before)
				at++
				continue
			}
			for k+1 < len(inner.runs) && inner.runs[k+1].at <= o {
				k++
			}
			for k > 0 && inner.runs[k].at > o {
				k-- // outer maps need not be increasing
			}
			in := inner.runs[k]
			add(at, in.orig+(o-in.at))
			// The stretch that stays inside inner's run k.
			next := int32(inner.n)
			if k+1 < len(inner.runs) {
				next = inner.runs[k+1].at
			}
			at += min(stop-at, next-o)
		}
	}
	return &View{Text: outer.Text, runs: runs, n: outer.n, end: int32(inner.Origin(int(outer.end)))}
}

// Chars returns the view's text as runes. It is decoded once, on the
// first call, and the same slice is returned to every caller after:
// the stages read it and must not change it. A view is read by one
// goroutine at a time (one document, one worker).
func (v *View) Chars() []rune {
	if v.runes == nil {
		v.index()
	}
	return v.runes
}

// index decodes the text into runes and records every indexStep-th
// rune's byte offset, in one pass.
func (v *View) index() {
	n := v.Runes()
	v.runes = make([]rune, 0, n)
	v.byteAt = make([]int32, 0, n/indexStep+1)
	v.valid = true
	for i := 0; i < len(v.Text); {
		if len(v.runes)%indexStep == 0 {
			v.byteAt = append(v.byteAt, int32(i))
		}
		s := v.Text
		if c := s[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// DecodeRune's three-byte case written out: this loop runs
			// once a rune of every document.
			v.runes = append(v.runes, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, size := DecodeRune(v.Text, i)
		if r == utf8.RuneError && size == 1 {
			v.valid = false
		}
		v.runes = append(v.runes, r)
		i += size
	}
}

// runeSize is the byte length of the view's rune i, which starts at
// byte b: read from the runes when the text is valid UTF-8, else decoded
// (an invalid byte is a rune of one byte).
func (v *View) runeSize(i, b int) int {
	if v.valid {
		return utf8.RuneLen(v.runes[i])
	}
	_, size := utf8.DecodeRuneInString(v.Text[b:])
	return size
}

// RuneIndex converts a byte offset in Text to a rune offset: the rune
// that starts at it, or the first after it when it falls inside one.
func (v *View) RuneIndex(byteOff int) int {
	if v.runes == nil {
		v.index()
	}
	if byteOff >= len(v.Text) {
		return len(v.runes)
	}
	// The last indexed rune at or before byteOff, then a walk.
	lo, hi := 0, len(v.byteAt)
	for lo < hi {
		m := (lo + hi) / 2
		if int(v.byteAt[m]) <= byteOff {
			lo = m + 1
		} else {
			hi = m
		}
	}
	k := max(lo-1, 0)
	r, b := k*indexStep, int(v.byteAt[k])
	for b < byteOff {
		b += v.runeSize(r, b)
		r++
	}
	return r
}

// LineStarts returns the rune offsets at which the view's lines start
// (the first is 0; a line ends with '\n'), found once from the runes and
// shared: callers must not change it.
func (v *View) LineStarts() []int {
	if v.lines == nil {
		v.lines = make([]int, 1, strings.Count(v.Text, "\n")+1)
		for i, r := range v.Chars() {
			if r == '\n' {
				v.lines = append(v.lines, i+1)
			}
		}
	}
	return v.lines
}

// Line returns line k of the view (0-based, see LineStarts) with its
// '\n', and the rune offset it starts at.
func (v *View) Line(k int) (text string, start int) {
	ls := v.LineStarts()
	end := v.n
	if k+1 < len(ls) {
		end = ls[k+1]
	}
	return v.Text[v.ByteOffset(ls[k]):v.ByteOffset(end)], ls[k]
}

// Slice returns the text of view runes [start, end). Before the view is
// indexed it walks from the text's start instead of decoding the whole
// text, so a view read only near its start (a title) is never indexed.
func (v *View) Slice(start, end int) string {
	if v.runes != nil {
		return v.Substring(start, end)
	}
	from, to, r := len(v.Text), len(v.Text), 0
	for b := range v.Text {
		if r == start {
			from = b
		}
		if r == end {
			to = b
			break
		}
		r++
	}
	return v.Text[min(from, to):to]
}

// Substring returns the text of view runes [start, end) as a substring of
// Text (no copy), through the index.
func (v *View) Substring(start, end int) string {
	start, end = max(start, 0), min(end, v.n)
	if start >= end {
		return ""
	}
	b := v.ByteOffset(start)
	if end-start > indexStep {
		return v.Text[b:v.ByteOffset(end)]
	}
	e := b
	for i := start; i < end; i++ {
		e += v.runeSize(i, e)
	}
	return v.Text[b:e]
}

// ByteOffset converts a rune offset (0 ≤ r ≤ the rune count) to a byte
// offset in Text.
func (v *View) ByteOffset(r int) int {
	if v.runes == nil {
		v.index()
	}
	if r >= len(v.runes) {
		return len(v.Text)
	}
	k := r / indexStep
	b := int(v.byteAt[k])
	for i := k * indexStep; i < r; i++ {
		b += v.runeSize(i, b)
	}
	return b
}

// Lines indexes the line starts of an original text, to turn rune offsets
// into 1-based line numbers.
type Lines []int

// NewLines records where each line of s starts, in runes. A line ends at
// LF, at CR LF (one break) or at a lone CR, so line numbers mean what an
// editor shows whatever system wrote the file.
func NewLines(s string) Lines {
	starts := Lines{0}
	ends := "\n"
	if strings.IndexByte(s, '\r') >= 0 {
		ends = "\r\n"
	}
	runes := 0 // runes before s[b:]
	for b := 0; ; {
		i := strings.IndexAny(s[b:], ends) // one byte: a vector search
		if i < 0 {
			return starts
		}
		n, _ := CountRunes(s[b : b+i])
		runes += n + 1
		b += i + 1
		if s[b-1] == '\r' && b < len(s) && s[b] == '\n' {
			runes++ // CR LF: one break, the line starts after the LF
			b++
		}
		starts = append(starts, runes)
	}
}

// Line returns the 1-based line number holding rune offset off.
func (l Lines) Line(off int) int {
	lo, hi := 0, len(l)
	for lo < hi {
		m := (lo + hi) / 2
		if l[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// CountRunes counts the runes of s as utf8.RuneCountInString does (an
// invalid byte is one rune) and says whether s is valid UTF-8. Chinese
// text is mostly three-byte runes, read here without a call.
func CountRunes(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3 // as in DecodeRune, without the call
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return utf8.RuneCountInString(s), false
			}
			i += size
		}
	}
	return n, true
}

// DecodeRune decodes the rune at s[i:] as utf8.DecodeRuneInString does,
// Chinese text's three-byte runes without a call.
func DecodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	// E1–EC and EE–EF lead three-byte runes whose second byte may be any
	// continuation byte (E0 and ED restrict it).
	if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}
