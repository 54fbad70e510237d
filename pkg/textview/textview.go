// Package textview holds a text derived from a document's decoded original
// (cleaned, joined, normalised) together with the map that takes every rune
// of it back to the rune it came from in the original. All spans that cnplan
// reports are rune offsets into the original, [start, end).
package textview

import (
	"unicode/utf8"
	"unsafe"
)

// View is a derived text and its offset map.
type View struct {
	Text string
	// Orig[i] is the original rune offset of the view's i-th rune;
	// Orig[len] is one past the last mapped rune, so spans ending at the
	// view's end map cleanly.
	Orig []int32

	// The text decoded once, on first use, and shared by every stage
	// that reads the view (see Runes).
	runes []rune
	// byteAt[k] is the byte offset of rune k×indexStep: RuneIndex and
	// ByteOffset walk at most indexStep runes from it. A sixteenth of a
	// byte per rune, where an offset per rune cost four.
	byteAt []int32
}

// indexStep is how many runes apart the entries of View.byteAt are.
const indexStep = 64

// Builder appends runes with their original offsets.
type Builder struct {
	buf  []byte
	orig []int32
	end  int32
}

// Add appends r, which stands for the original rune at offset orig.
func (b *Builder) Add(r rune, orig int) {
	b.buf = utf8.AppendRune(b.buf, r)
	b.orig = append(b.orig, int32(orig))
	b.end = int32(orig) + 1
}

// Grow makes room for about runes more runes taking bytes more bytes, so
// that building a view of a large text does not copy it over and over.
func (b *Builder) Grow(runes, bytes int) {
	if cap(b.orig)-len(b.orig) < runes {
		b.orig = append(make([]int32, 0, len(b.orig)+runes+1), b.orig...)
	}
	if cap(b.buf)-len(b.buf) < bytes {
		b.buf = append(make([]byte, 0, len(b.buf)+bytes), b.buf...)
	}
}

// Len is the number of runes added so far.
func (b *Builder) Len() int { return len(b.orig) }

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
	if len(b.orig) == 0 {
		return
	}
	_, size := utf8.DecodeLastRune(b.buf)
	b.buf = b.buf[:len(b.buf)-size]
	b.orig = b.orig[:len(b.orig)-1]
}

// View finishes the builder: the view takes over its buffers (the text
// is not copied), so the builder must not be used after.
func (b *Builder) View() *View {
	orig := append(b.orig, b.end)
	text := unsafe.String(unsafe.SliceData(b.buf), len(b.buf))
	b.buf, b.orig = nil, nil
	return &View{Text: text, Orig: orig}
}

// Identity returns a view of s that maps every rune onto itself. It
// shares s and sizes its map by runes, not bytes (a Chinese text has a
// third as many runes as bytes).
func Identity(s string) *View {
	orig := make([]int32, utf8.RuneCountInString(s)+1)
	for i := range orig {
		orig[i] = int32(i)
	}
	return &View{Text: s, Orig: orig}
}

// Runes is the view's length in runes.
func (v *View) Runes() int { return len(v.Orig) - 1 }

// Span maps a view span [start, end) to the original text. An empty span
// maps to an empty span at its start.
func (v *View) Span(start, end int) (int, int) {
	n := v.Runes()
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
		o := int(v.Orig[start])
		return o, o
	}
	return int(v.Orig[start]), int(v.Orig[end-1]) + 1
}

// Map composes two views: outer was derived from inner's Text, and inner
// from the original. The result maps outer's runes to the original.
func Map(outer, inner *View) *View {
	orig := make([]int32, len(outer.Orig))
	for i, o := range outer.Orig {
		if int(o) < len(inner.Orig) {
			orig[i] = inner.Orig[o]
		} else {
			orig[i] = inner.Orig[len(inner.Orig)-1]
		}
	}
	return &View{Text: outer.Text, Orig: orig}
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
	for i, r := range v.Text {
		if len(v.runes)%indexStep == 0 {
			v.byteAt = append(v.byteAt, int32(i))
		}
		v.runes = append(v.runes, r)
	}
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
		_, size := utf8.DecodeRuneInString(v.Text[b:]) // an invalid byte is one rune
		b += size
		r++
	}
	return r
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
		_, size := utf8.DecodeRuneInString(v.Text[b:])
		b += size
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
	i := 0
	prevCR := false
	for _, r := range s {
		i++
		switch {
		case r == '\r':
			starts = append(starts, i)
			prevCR = true
		case r == '\n' && prevCR:
			starts[len(starts)-1] = i // CR LF: the line starts after the LF
			prevCR = false
		case r == '\n':
			starts = append(starts, i)
		default:
			prevCR = false
		}
	}
	return starts
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
