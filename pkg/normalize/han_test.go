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
