package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

// TestBakeoff scores Cut on the SIGHAN 2005 bakeoff test sets, as
// bench/bakeoff does for the command, and fails when word F1 falls under
// the floors below (what README reports, less 0.004 of slack) or under
// jieba's. The data is not redistributable, so it is not in the
// repository: set CNPLAN_BAKEOFF to an icwb2-data directory to run it.
func TestBakeoff(t *testing.T) {
	dir := os.Getenv("CNPLAN_BAKEOFF")
	if dir == "" {
		t.Skip("set CNPLAN_BAKEOFF to an icwb2-data directory (github.com/yuikns/icwb2-data) to score the bakeoff")
	}
	s := defaultSegmenter(t)
	for _, c := range []struct {
		name, test, gold string
		floor, jieba     float64
	}{
		{"pku", "testing/pku_test.utf8", "gold/pku_test_gold.utf8", 0.865, 0.818},
		{"msr", "testing/msr_test.utf8", "gold/msr_test_gold.utf8", 0.866, 0.813},
		{"as", "testing/as_test.utf8", "gold/as_testing_gold.utf8", 0.848, 0.739},
		{"cityu", "testing/cityu_test.utf8", "gold/cityu_test_gold.utf8", 0.833, 0.742},
	} {
		test, err := os.ReadFile(filepath.Join(dir, c.test))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(filepath.Join(dir, c.gold))
		if err != nil {
			t.Fatal(err)
		}
		text := strings.TrimPrefix(string(test), "\ufeff")
		v, err := normalize.View(textview.Identity(text), normalize.DetectScript(text))
		if err != nil {
			t.Fatal(err)
		}
		// Spans count characters other than white space.
		var got []span
		at, runes := 0, []rune(text)
		next := 0 // rune offset in text up to which at is counted
		for _, tok := range s.Cut(v.Text) {
			for ; next < tok.Start; next++ {
				if !unicode.IsSpace(runes[next]) {
					at++
				}
			}
			n := utf8.RuneCountInString(strings.Join(strings.Fields(string(runes[tok.Start:tok.End])), ""))
			got = append(got, span{at, at + n})
			at += n
			next = tok.End
		}
		want := map[span]bool{}
		goldAt := 0
		for _, w := range strings.Fields(strings.TrimPrefix(string(gold), "\ufeff")) {
			n := utf8.RuneCountInString(w)
			want[span{goldAt, goldAt + n}] = true
			goldAt += n
		}
		if goldAt != at {
			t.Fatalf("%s: %d characters cut, %d in the gold", c.name, at, goldAt)
		}
		right := 0
		for _, sp := range got {
			if want[sp] {
				right++
			}
		}
		f := f1(len(got), len(want), right)
		t.Logf("%s: F1 %.4f (%d words, %d in the gold, %d right); jieba %.3f", c.name, f, len(got), len(want), right, c.jieba)
		if f < c.floor || f <= c.jieba {
			t.Errorf("%s: F1 %.4f, under %.3f or jieba's %.3f", c.name, f, c.floor, c.jieba)
		}
	}
}

type span struct{ start, end int }

func f1(nGot, nWant, nBoth int) float64 {
	if nGot+nWant == 0 {
		return 1
	}
	return 2 * float64(nBoth) / float64(nGot+nWant)
}
