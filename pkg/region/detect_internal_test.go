package region

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeAt compares decodeAt with utf8.DecodeRuneInString on every
// three-byte sequence led by 0xE0–0xEF, cut short too, and on ASCII.
func TestDecodeAt(t *testing.T) {
	buf := make([]byte, 3)
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := 0; c1 < 256; c1++ {
			for c2 := 0; c2 < 256; c2++ {
				buf[0], buf[1], buf[2] = byte(c), byte(c1), byte(c2)
				for n := 1; n <= 3; n++ {
					s := string(buf[:n])
					r, size := decodeAt(s, 0)
					wr, wsize := utf8.DecodeRuneInString(s)
					if r != wr || size != wsize {
						t.Fatalf("decodeAt(% x) = %U, %d; want %U, %d", s, r, size, wr, wsize)
					}
				}
			}
		}
	}
	for _, s := range []string{"a", "\x00", "\x7f", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xff", "\x80"} {
		r, size := decodeAt(s, 0)
		if wr, wsize := utf8.DecodeRuneInString(s); r != wr || size != wsize {
			t.Errorf("decodeAt(% x) = %U, %d; want %U, %d", s, r, size, wr, wsize)
		}
	}
}
