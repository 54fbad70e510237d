package normalize

import (
	"testing"
	"unicode"
)

// TestIsHan: the bit set agrees with unicode.Han.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("%U: isHan %v", r, isHan(r))
		}
	}
}

// TestFoldRuneTable: the folded forms read once are what the width tables
// say, for every rune.
func TestFoldRuneTable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		want := r
		if r >= 0x3000 && r <= 0xFFEF {
			want = foldRuneWidth(r)
		}
		if got := FoldRune(r); got != want {
			t.Fatalf("%U: FoldRune %U, want %U", r, got, want)
		}
	}
}
