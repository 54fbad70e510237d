package decode

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// TestCountJunk: countJunk counts as a range over the text with
// isJunkRune does, on the corpus and on random bytes.
func TestCountJunk(t *testing.T) {
	slow := func(s string) (total, bad int) {
		for _, r := range s {
			total++
			if isJunkRune(r) {
				bad++
			}
		}
		return total, bad
	}
	var inputs []string
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"\ufffd", "\xef\xbf", "\xff", "\x00", "\x7f", "\u0085", "\u00a0", "\t", "\n", "中", "a", "\xed\xa0\x80", "\xe0\x80\x80", "\U0001F600", "\xf0\x9f"}
	for i := 0; i < 5000; i++ {
		var b []byte
		for j := 0; j < rng.Intn(12); j++ {
			if rng.Intn(3) == 0 {
				b = append(b, byte(rng.Intn(256)))
			} else {
				b = append(b, pieces[rng.Intn(len(pieces))]...)
			}
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		gt, gb := countJunk(s)
		wt, wb := slow(s)
		if gt != wt || gb != wb {
			t.Fatalf("%q: %d/%d runes/junk, want %d/%d", s, gt, gb, wt, wb)
		}
	}
}
