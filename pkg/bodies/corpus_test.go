package bodies

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/eval"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

// goldUnit is a gold record of the project's annotation format.
type goldUnit = eval.Gold

// crudeNormalise gives text as the normalise stage does (width folding and,
// for a traditional document, t2s; rune for rune), without cleaning.
func crudeNormalise(t *testing.T, text string) string {
	v, err := normalize.View(textview.Identity(text), normalize.DetectScript(text))
	if err != nil {
		t.Fatal(err)
	}
	return v.Text
}

// TestCorpus runs Find on every whole document and scores it against the
// gold unit records: a predicted clause matches a gold record when its span
// overlaps the first occurrence of the gold quote, and each canonical name
// counts on its own, compared after aliases.
func TestCorpus(t *testing.T) {
	// The nine documents: the recogniser alone. They are also scored end
	// to end in pkg/extract.
	docs, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(docs) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var tp, nPred, nGold int
	for _, path := range docs {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		orig := string(raw)
		gold := readGold(t, filepath.Join("../../testdata/gold", filepath.Base(path)+".jsonl"))
		got := Find(crudeNormalise(t, orig))

		type name struct {
			clause int
			canon  string
			used   bool
		}
		var pred []name
		for i, c := range got {
			for _, cn := range c.Canonical {
				pred = append(pred, name{clause: i, canon: canonOf(cn)})
			}
		}
		docTP, docGold := 0, 0
		for _, g := range gold {
			idx := strings.Index(orig, g.Quote)
			if idx < 0 {
				t.Errorf("%s: quote %q not in document", path, g.Quote)
				continue
			}
			gs := utf8.RuneCountInString(orig[:idx])
			ge := gs + utf8.RuneCountInString(g.Quote)
			for _, gc := range g.Canonical {
				docGold++
				for k := range pred {
					c := got[pred[k].clause]
					if pred[k].used || c.End <= gs || ge <= c.Start || pred[k].canon != canonOf(gc) {
						continue
					}
					pred[k].used = true
					docTP++
					break
				}
			}
		}
		for _, p := range pred {
			if !p.used {
				c := got[p.clause]
				t.Logf("%s: unmatched %s (%s) at %d", filepath.Base(path), p.canon, c.Role, c.Start)
			}
		}
		t.Logf("%s: predicted %d names, gold %d, matched %d", filepath.Base(path), len(pred), docGold, docTP)
		tp += docTP
		nPred += len(pred)
		nGold += docGold
	}
	p, r := ratio(tp, nPred), ratio(tp, nGold)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("units: P %.3f R %.3f F1 %.3f (matched %d, predicted %d, gold %d)", p, r, f1, tp, nPred, nGold)
	// Measured 0.998 on the nine documents (issue 8).
	if f1 < 0.97 {
		t.Errorf("unit F1 %.3f < 0.97", f1)
	}
}

func canonOf(name string) string {
	c, _ := Canonical(name)
	return c
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// readGold reads the gold file's unit records.
func readGold(t *testing.T, path string) []goldUnit {
	t.Helper()
	all, err := eval.LoadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldUnit
	for _, g := range all {
		if g.Type == "unit" {
			out = append(out, g)
		}
	}
	return out
}

// BenchmarkFind measures Find on every corpus document, as the pipeline
// hands them on (normalised).
func BenchmarkFind(b *testing.B) {
	docs := corpus.All(b)
	size := 0
	for _, d := range docs {
		size += len(d.Normalised)
	}
	Find(docs[0].Normalised) // compile the vocabulary outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Find(d.Normalised)
		}
	}
}

// BenchmarkFindRunes is BenchmarkFind on the documents already decoded, as
// the pipeline hands them on.
func BenchmarkFindRunes(b *testing.B) {
	docs := corpus.All(b)
	size := 0
	var texts [][]rune
	for _, d := range docs {
		size += len(d.Normalised)
		texts = append(texts, []rune(d.Normalised))
	}
	FindRunes(texts[0]) // compile the vocabulary outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, rs := range texts {
			FindRunes(rs)
		}
	}
}
