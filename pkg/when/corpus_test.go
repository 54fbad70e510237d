package when

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/liuzl/gocc"
	"golang.org/x/text/width"
)

// The corpus test runs Find over whole documents, with a Context guessed by
// DocContext, and scores it against the hand-made gold deadlines the way the
// project's scorer does: a gold deadline is found when a Deadline's span
// overlaps the first occurrence of its quote and the dates agree.

const (
	corpusDir = "../../testdata/corpus"
	goldDir   = "../../../shared/gold"
)

var t2s = func() func(string) string {
	cc, err := gocc.New("t2s")
	if err != nil {
		panic(err)
	}
	return func(s string) string {
		out, err := cc.Convert(s)
		if err != nil {
			return s
		}
		return out
	}
}()

// normalizeCrude folds widths and, for a document whose Han characters
// change under t2s, converts it to simplified: what the real pipeline's
// normalize stage does, without its offset map.
func normalizeCrude(doc string) (string, func(string) string) {
	f := func(s string) string { return width.Fold.String(s) }
	folded := f(doc)
	conv := t2s(folded)
	han, changed := 0, 0
	a, b := []rune(folded), []rune(conv)
	if len(a) == len(b) {
		for i, r := range a {
			if unicode.Is(unicode.Han, r) {
				han++
				if b[i] != r {
					changed++
				}
			}
		}
	}
	if han > 0 && changed*20 > han { // over 5% of Han characters are traditional
		return conv, func(s string) string { return t2s(f(s)) }
	}
	return folded, f
}

type goldDeadline struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Date  string `json:"date"`
	Quote string `json:"quote"`
}

func readGold(t *testing.T, path string) []goldDeadline {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldDeadline
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var g goldDeadline
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if g.Type == "deadline" {
			out = append(out, g)
		}
	}
	return out
}

func runeIndex(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return len([]rune(s[:i]))
}

func TestCorpus(t *testing.T) {
	docs, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(docs) == 0 {
		t.Skip("no corpus")
	}
	var tp, fp, fn int
	for _, path := range docs {
		name := filepath.Base(path)
		goldPath := filepath.Join(goldDir, name+".jsonl")
		if _, err := os.Stat(goldPath); err != nil {
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, norm := normalizeCrude(string(raw))
		ctx := DocContext(text)
		found := Find(text, ctx)
		gold := readGold(t, goldPath)
		used := make([]bool, len(found))
		for _, g := range gold {
			q := norm(g.Quote)
			at := runeIndex(text, q)
			if at < 0 {
				t.Errorf("%s: gold quote %q not in the normalised text", name, g.Quote)
				fn++
				continue
			}
			end := at + len([]rune(q))
			hit := false
			for k, d := range found {
				if !used[k] && d.Start < end && at < d.End && d.Date == g.Date {
					used[k], hit = true, true
					break
				}
			}
			if hit {
				tp++
			} else {
				fn++
				t.Logf("%s: missed %q (%s) at %q", name, g.Text, g.Date, g.Quote)
			}
		}
		for k, d := range found {
			if !used[k] {
				fp++
				rs := []rune(text)
				ctxt := string(rs[max(0, d.Start-12):min(len(rs), d.End+12)])
				t.Logf("%s: extra %q (%s) in %q", name, d.Text, d.Date, ctxt)
			}
		}
		t.Logf("%s: context %+v, %d found, %d gold", name, ctx, len(found), len(gold))
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("deadlines: tp %d fp %d fn %d  precision %.3f recall %.3f F1 %.3f", tp, fp, fn, p, r, f1)
	if r < 0.9 {
		t.Errorf("recall %.3f < 0.9", r)
	}
	if p < 0.8 {
		t.Errorf("precision %.3f < 0.8", p)
	}
}
