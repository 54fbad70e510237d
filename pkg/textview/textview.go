// Package textview holds a text derived from a document's decoded original
// (cleaned, joined, normalised) together with the map that takes every rune
// of it back to the rune it came from in the original. All spans that cnplan
// reports are rune offsets into the original, [start, end).
package textview

import "unicode/utf8"

// View is a derived text and its offset map.
type View struct {
	Text string
	// Orig[i] is the original rune offset of the view's i-th rune;
	// Orig[len] is one past the last mapped rune, so spans ending at the
	// view's end map cleanly.
	Orig []int32
	// runeStarts caches the byte offset of every rune, for RuneIndex.
	runeStarts []int32
}

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

// View finishes the builder.
func (b *Builder) View() *View {
	orig := append(b.orig, b.end)
	return &View{Text: string(b.buf), Orig: orig}
}

// Identity returns a view of s that maps every rune onto itself.
func Identity(s string) *View {
	var b Builder
	b.Grow(len(s), len(s))
	i := 0
	for _, r := range s {
		b.Add(r, i)
		i++
	}
	return b.View()
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

// RuneIndex converts a byte offset in Text to a rune offset.
func (v *View) RuneIndex(byteOff int) int {
	if v.runeStarts == nil {
		v.runeStarts = make([]int32, 0, len(v.Orig))
		for i := range v.Text {
			v.runeStarts = append(v.runeStarts, int32(i))
		}
	}
	lo, hi := 0, len(v.runeStarts)
	for lo < hi {
		m := (lo + hi) / 2
		if int(v.runeStarts[m]) < byteOff {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
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
