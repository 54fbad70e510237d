package segment

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"github.com/cnplan/cnplan/dict"
)

// minF1 is the least word-level F1 of Cut against gse with its full
// dictionary: what pruning (internal/gendict -min) and the domain words may
// cost together.
const minF1 = 0.98

// fullSegmenter returns a Segmenter over gse's full simplified dictionary,
// loaded the way gse loads it (LoadDictStr), after the domain words when
// withDomain is set.
func fullSegmenter(t *testing.T, withDomain bool) *Segmenter {
	t.Helper()
	if _, err := Default(); err != nil { // builds gse's HMM model
		t.Fatal(err)
	}
	s := &Segmenter{}
	g := &s.gse
	g.NotLoadHMM, g.SkipLog = true, true
	g.Dict = gse.NewDict()
	g.Init()
	if withDomain {
		for _, rec := range dict.Records(domainVocab) {
			g.AddToken(rec[0], defaultDomainFreq, rec[len(rec)-1])
		}
	}
	n := g.Dict.NumTokens()
	if err := g.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	if g.Dict.NumTokens() == n {
		// Built with -tags ne: gse embeds no dictionary; read its file.
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			t.Skipf("gse's dictionary is neither embedded nor found with go list: %v", err)
		}
		data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh", "s_1.txt"))
		if err != nil {
			t.Skip(err)
		}
		if err := g.LoadDictStr(string(data)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

type span struct{ start, end int }

// spanCounts counts the tokens of got, of want and of both (same span).
func spanCounts(got, want []Token) (nGot, nWant, nBoth int) {
	spans := make(map[span]bool, len(want))
	for _, w := range want {
		spans[span{w.Start, w.End}] = true
	}
	for _, g := range got {
		if spans[span{g.Start, g.End}] {
			nBoth++
		}
	}
	return len(got), len(want), nBoth
}

func f1(nGot, nWant, nBoth int) float64 {
	if nGot+nWant == 0 {
		return 1
	}
	return 2 * float64(nBoth) / float64(nGot+nWant)
}

// TestF1AgainstFullDictionary compares Cut (pruned dictionary and domain
// words) with gse's full dictionary on the corpus, token spans against
// token spans, both in the same mode (DAG and HMM). It fails when the pruning
// threshold or the domain words move the cut too far from gse's own.
func TestF1AgainstFullDictionary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary (2 s, 200 MB)")
	}
	pruned := defaultSegmenter(t)
	docs := corpus(t)
	for _, ref := range []struct {
		name       string
		withDomain bool
		assert     bool
	}{
		{"gse's full dictionary", false, true},
		{"gse's full dictionary after the domain words (pruning only)", true, false},
	} {
		if !ref.assert && !testing.Verbose() {
			continue // one more full dictionary to load, for a figure only -v shows
		}
		full := fullSegmenter(t, ref.withDomain)
		var got, want, both int
		for _, d := range docs {
			g, w, b := spanCounts(pruned.Cut(d.Simplified), full.Cut(d.Simplified))
			t.Logf("  %s: F1 %.4f (%d tokens, %d in the reference, %d the same)", d.Name, f1(g, w, b), g, w, b)
			got, want, both = got+g, want+w, both+b
		}
		score := f1(got, want, both)
		t.Logf("F1 against %s: %.4f (%d tokens, %d in the reference, %d the same)", ref.name, score, got, want, both)
		if ref.assert && score < minF1 {
			t.Errorf("F1 against %s is %.4f, under %.2f", ref.name, score, minF1)
		}
	}
}
