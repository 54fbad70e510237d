package dict

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEveryVocabularyParses(t *testing.T) {
	names := Names()
	if len(names) < 20 {
		t.Fatalf("only %d vocabularies: %v", len(names), names)
	}
	for _, n := range names {
		for _, r := range Records(n) {
			if len(r) == 0 || r[0] == "" {
				t.Fatalf("%s: empty record", n)
			}
		}
	}
}

func TestExtendAndCompiled(t *testing.T) {
	defer Reset()
	builds := 0
	units := NewCompiled(func() int { builds++; return len(Records("units")) })
	before := units.Get()
	units.Get()
	if builds != 1 {
		t.Fatalf("built %d times without a change", builds)
	}
	path := filepath.Join(t.TempDir(), "my.txt")
	os.WriteFile(path, []byte("# mine\n[units]\n人日\tcount\n\n[bodies]\n县卫健局\t县卫生健康局\n"), 0o644)
	if err := Extend(path); err != nil {
		t.Fatal(err)
	}
	if got := units.Get(); got != before+1 || builds != 2 {
		t.Fatalf("after Extend: %d units (was %d), %d builds", got, before, builds)
	}
	last := Records("units")[len(Records("units"))-1]
	if last[0] != "人日" || last[1] != "count" {
		t.Fatalf("user record %v", last)
	}
	Reset()
	if got := units.Get(); got != before {
		t.Fatalf("after Reset: %d units, want %d", got, before)
	}
}

func TestExtendErrorsNameTheLine(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]string{
		"市财政局\n":                 "my.txt:1: record before any [vocabulary] heading",
		"[nosuch]\nx\n":          "my.txt:1: unknown vocabulary [nosuch]",
		"# ok\n[bodies]\n市财政局\n": "",
	} {
		path := filepath.Join(dir, "my.txt")
		os.WriteFile(path, []byte(body), 0o644)
		err := Extend(path)
		Reset()
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", body, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", body, err, want)
		}
	}
	if err := Extend(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("a missing file gave no error")
	}
}

// Grouped gives a KIND WORD vocabulary's words by kind, in file order.
func TestGrouped(t *testing.T) {
	g := Grouped("body_generic")
	if w := g["word"]; len(w) < 3 || w[0] != "政府" || w[1] != "党委" || w[2] != "各级党委" {
		t.Fatalf("body_generic words: %q", w[:min(3, len(w))])
	}
	trim := Grouped("indicator_trim")
	want := map[string][]string{}
	for _, r := range Records("indicator_trim") {
		want[r[0]] = append(want[r[0]], r[1])
	}
	if len(trim) != len(want) || len(trim["head"]) == 0 {
		t.Fatalf("indicator_trim: %d kinds, want %d", len(trim), len(want))
	}
	for kind, words := range want {
		if strings.Join(trim[kind], "|") != strings.Join(words, "|") {
			t.Errorf("indicator_trim %s: %q, want %q", kind, trim[kind], words)
		}
	}
}
