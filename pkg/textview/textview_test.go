package textview

import "testing"

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
