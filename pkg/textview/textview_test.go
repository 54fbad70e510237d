package textview

import (
	"testing"
	"unicode/utf8"
)

func TestBuilderSpanAndLines(t *testing.T) {
	orig := "一、目标\n5、低于90%"
	// Drop "\n5、" as the cleaner does for a page artefact.
	var b Builder
	i := 0
	for _, r := range orig {
		if i < 4 || i > 6 {
			b.Add(r, i)
		}
		i++
	}
	v := b.View()
	if v.Text != "一、目标低于90%" {
		t.Fatalf("text %q", v.Text)
	}
	s, e := v.Span(2, 6) // 目标低于
	if s != 2 || e != 9 {
		t.Fatalf("span = [%d,%d), want [2,9)", s, e)
	}
	if s, e := v.Span(v.Runes(), v.Runes()); s != e {
		t.Fatalf("empty span at end maps to [%d,%d)", s, e)
	}
	lines := NewLines(orig)
	if got := lines.Line(7); got != 2 {
		t.Fatalf("line of offset 7 = %d, want 2", got)
	}
	if got := lines.Line(0); got != 1 {
		t.Fatalf("line of offset 0 = %d, want 1", got)
	}
	if got := v.RuneIndex(len("一、")); got != 2 {
		t.Fatalf("RuneIndex = %d", got)
	}
}

func TestMapComposes(t *testing.T) {
	inner := Identity("ab\ncd")
	var b Builder
	b.Add('c', 3)
	b.Add('d', 4)
	outer := b.View()
	m := Map(outer, inner)
	if s, e := m.Span(0, 2); s != 3 || e != 5 {
		t.Fatalf("composed span [%d,%d)", s, e)
	}
}

// Chars, RuneIndex and ByteOffset agree with a plain decoding on a text
// longer than the index step, with ASCII, Han and a 4-byte rune mixed.
func TestRuneIndexAndByteOffset(t *testing.T) {
	var s string
	for i := 0; i < 50; i++ {
		s += "到2025年,人均预期寿命达到77.3岁𠀀。\n"
	}
	v := Identity(s)
	rs := []rune(s)
	if got := v.Chars(); string(got) != s || len(got) != len(rs) {
		t.Fatalf("Chars: %d runes, want %d", len(got), len(rs))
	}
	b := 0
	for r, c := range rs {
		if got := v.RuneIndex(b); got != r {
			t.Fatalf("RuneIndex(%d) = %d, want %d", b, got, r)
		}
		if got := v.ByteOffset(r); got != b {
			t.Fatalf("ByteOffset(%d) = %d, want %d", r, got, b)
		}
		for _, n := range []int{1, 7, 40} {
			if got, want := v.Substring(r, r+n), string(rs[r:min(r+n, len(rs))]); got != want {
				t.Fatalf("Substring(%d, %d) = %q, want %q", r, r+n, got, want)
			}
		}
		b += len(string(c))
	}
	if v.RuneIndex(len(s)) != len(rs) || v.ByteOffset(len(rs)) != len(s) {
		t.Fatal("ends do not map to ends")
	}
	// A byte inside a rune maps to the next rune.
	if got := v.RuneIndex(1 + len("到2025")); got != 6 {
		t.Fatalf("inside 年: %d, want 6", got)
	}
}

// The run-length map gives, rune for rune, the offsets a plain per-rune
// map gives, through dropped stretches, DropLast, CR LF folding and
// composition with Map: checked on random cuts of a real-looking text.
func TestRunMapMatchesPerRuneMap(t *testing.T) {
	text := ""
	for i := 0; i < 40; i++ {
		text += "到2025年,人均预期寿命达到77.3岁。\r\n(责任单位:市卫生健康委)\n"
	}
	seed := uint32(7)
	rnd := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for trial := 0; trial < 50; trial++ {
		inner := Decoded(text)
		// The per-rune truth for inner.
		var innerOrig []int
		{
			i, prevCR := 0, false
			for _, r := range text {
				switch {
				case r == '\n' && prevCR:
					prevCR = false
				default:
					innerOrig = append(innerOrig, i)
					prevCR = r == '\r'
				}
				i++
			}
		}
		// outer: drop random stretches of inner, sometimes DropLast.
		var b Builder
		var want []int
		i := 0
		for _, r := range inner.Text {
			if rnd(10) < 3 {
				i++
				continue
			}
			b.Add(r, i)
			want = append(want, innerOrig[i])
			if rnd(20) == 0 {
				b.DropLast()
				want = want[:len(want)-1]
			}
			i++
		}
		outer := b.View()
		got := Map(outer, inner)
		if got.Runes() != len(want) {
			t.Fatalf("trial %d: %d runes, want %d", trial, got.Runes(), len(want))
		}
		for k, w := range want {
			if o := got.Origin(k); o != w {
				t.Fatalf("trial %d: rune %d maps to %d, want %d", trial, k, o, w)
			}
		}
	}
}

// Slice gives the same text indexed or not.
func TestSlice(t *testing.T) {
	s := "关于印发《安康市“十四五”卫生健康事业发展规划》的通知\n正文"
	for _, c := range [][2]int{{0, 2}, {5, 9}, {26, 29}, {28, 30}, {30, 30}} {
		want := string([]rune(s)[c[0]:c[1]])
		if got := Identity(s).Slice(c[0], c[1]); got != want {
			t.Errorf("unindexed Slice%v = %q, want %q", c, got, want)
		}
		v := Identity(s)
		v.Chars()
		if got := v.Slice(c[0], c[1]); got != want {
			t.Errorf("indexed Slice%v = %q, want %q", c, got, want)
		}
		if got := v.Substring(c[0], c[1]); got != want {
			t.Errorf("Substring%v = %q, want %q", c, got, want)
		}
	}
}

// A text with invalid bytes (each one rune) and a real U+FFFD indexes
// the same as a plain decoding.
func TestIndexInvalidUTF8(t *testing.T) {
	s := "达到\xff95%\uFFFD以上\xe4\xb8目标"
	for i := 0; i < 3; i++ {
		s += s
	}
	v := Identity(s)
	b := 0
	for r := range []rune(s) {
		if got := v.ByteOffset(r); got != b {
			t.Fatalf("ByteOffset(%d) = %d, want %d", r, got, b)
		}
		if got := v.RuneIndex(b); got != r {
			t.Fatalf("RuneIndex(%d) = %d, want %d", b, got, r)
		}
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
}

// Line starts: LF, CR LF and a lone CR each end one line, wherever they
// fall (a CR last, a CR before a CR LF, empty lines).
func TestNewLinesLineEnds(t *testing.T) {
	for s, want := range map[string][]int{
		"一\n二\r\n三\r四":    {0, 2, 5, 7},
		"\r\r\n\n":        {0, 1, 3, 4},
		"目标\r":            {0, 3},
		"无换行":             {0},
		"a\r\n\r\nb\n\rc": {0, 3, 5, 7, 8},
	} {
		got := NewLines(s)
		if len(got) != len(want) {
			t.Errorf("%q: %v, want %v", s, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%q: %v, want %v", s, got, want)
				break
			}
		}
	}
}

// CountRunes counts as utf8.RuneCountInString does and tells valid text
// from invalid, on Chinese, ASCII, four-byte runes, surrogates encoded in
// UTF-8 (ED A0 80, invalid), overlong forms and cut-off runes.
func TestCountRunes(t *testing.T) {
	for _, s := range []string{
		"", "abc", "到2025年达到95%以上", "𠀀字", "\uFFFD", "\xed\xa0\x80", "\xe0\x80\xaf",
		"目标\xe4\xb8", "\xff达到", "\xc3", "a\xe4b", "中\xef\xbf\xbd文",
	} {
		n, valid := CountRunes(s)
		if n != utf8.RuneCountInString(s) || valid != utf8.ValidString(s) {
			t.Errorf("%q: %d, %v; want %d, %v", s, n, valid, utf8.RuneCountInString(s), utf8.ValidString(s))
		}
	}
}

// DecodeRune agrees with utf8.DecodeRuneInString on every lead byte with
// every second and third byte, and at a text's end.
func TestDecodeRune(t *testing.T) {
	buf := []byte{0, 0, 0, 'x'}
	for a := 0x80; a < 0x100; a++ {
		for b := 0; b < 0x100; b++ {
			for _, c := range []int{0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				buf[0], buf[1], buf[2] = byte(a), byte(b), byte(c)
				for _, s := range []string{string(buf), string(buf[:2]), string(buf[:1])} {
					r, n := DecodeRune(s, 0)
					wr, wn := utf8.DecodeRuneInString(s)
					if r != wr || n != wn {
						t.Fatalf("% x: %U %d, want %U %d", s, r, n, wr, wn)
					}
				}
			}
		}
	}
}

// Lines of a view: their starts in runes and their text, the last one
// with or without a line end.
func TestLines(t *testing.T) {
	for s, want := range map[string][]string{
		"一、目标\n到2025年。\n": {"一、目标\n", "到2025年。\n", ""},
		"无换行":             {"无换行"},
		"\n\n末行":          {"\n", "\n", "末行"},
	} {
		v := Identity(s)
		starts := v.LineStarts()
		if len(starts) != len(want) {
			t.Fatalf("%q: %d lines, want %d", s, len(starts), len(want))
		}
		pos := 0
		for k, w := range want {
			line, start := v.Line(k)
			if line != w || start != pos {
				t.Errorf("%q line %d = %q at %d, want %q at %d", s, k, line, start, w, pos)
			}
			pos += utf8.RuneCountInString(w)
		}
	}
}
