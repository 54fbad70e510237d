package normalize

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liuzl/gocc"
)

// TestT2STableMatchesGocc: the indexed dictionaries convert as gocc does,
// on the corpus, its traditional rendering (s2t), every key, and random
// runs of keys, pieces of keys and other characters.
func TestT2STableMatchesGocc(t *testing.T) {
	cc, err := converter()
	if err != nil || t2sFast == nil {
		t.Fatal("no table", err)
	}
	var keys []string
	for _, g := range t2sFast.chain {
		for _, d := range g {
			for _, l := range d.byFirst {
				for _, e := range l {
					keys = append(keys, e.key)
				}
			}
		}
	}
	s2t, _ := gocc.New("s2t")
	var inputs []string
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		inputs = append(inputs, string(b))
		tr, _ := s2t.Convert(string(b))
		inputs = append(inputs, tr)
		inputs = append(inputs, strings.Split(tr, "\n")...)
	}
	rng := rand.New(rand.NewSource(3))
	others := []string{"a", "。", "的", "中", "国", "\n", " ", "乾", "燥", "著"}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for j := 0; j < 1+rng.Intn(8); j++ {
			if rng.Intn(3) == 0 {
				b.WriteString(others[rng.Intn(len(others))])
			} else {
				k := keys[rng.Intn(len(keys))]
				if rng.Intn(4) == 0 {
					rs := []rune(k)
					k = string(rs[:1+rng.Intn(len(rs))])
				}
				b.WriteString(k)
			}
		}
		inputs = append(inputs, b.String())
	}
	inputs = append(inputs, keys...)
	for _, in := range inputs {
		want, err := cc.Convert(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := t2sFast.convert(in); got != want {
			t.Fatalf("%q: %q, gocc %q", in, got, want)
		}
	}
}
