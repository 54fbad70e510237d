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
