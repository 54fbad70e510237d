// Package words counts the words of documents and picks each document's
// keywords by TF-IDF, so that a reader can see what plans stress and
// compare two cities' plans. It works on pkg/segment's tokens of the
// normalised text, so a traditional document's words count with the same
// words written in simplified characters.
package words

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/pkg/segment"
)

// Term is a word kept for counting, with its part of speech.
type Term struct {
	Text string
	Pos  string
}

// Filter says which tokens count as words.
type Filter struct {
	KeepStop    bool     // keep the stop words of dict/stop_words.txt
	KeepNumbers bool     // keep numbers (2025, 3.2, 90%)
	MinLen      int      // least length in characters (0 or 1: every word)
	POS         []string // parts of speech to keep; a one-letter tag keeps its family (n: n, nr, ns, nt, nz …)
}

// stopWords is the stop-word set, rebuilt when a --dict file extends it.
var stopWords = dict.NewCompiled(func() map[string]bool {
	set := map[string]bool{}
	for _, w := range dict.Words("stop_words") {
		set[w] = true
	}
	return set
})

// Terms returns the tokens that count as words under f, in order.
// Punctuation and symbols never count.
func (f Filter) Terms(tokens []segment.Token) []Term {
	stop := stopWords.Get()
	terms := make([]Term, 0, len(tokens)/2)
	for _, t := range tokens {
		if !hasLetterOrDigit(t.Text) {
			continue
		}
		if !f.KeepNumbers && isNumber(t.Text) {
			continue
		}
		if !f.KeepStop && stop[t.Text] {
			continue
		}
		if f.MinLen > 1 && runeCount(t.Text) < f.MinLen {
			continue
		}
		if len(f.POS) > 0 && !posMatches(f.POS, t.Pos) {
			continue
		}
		terms = append(terms, Term{t.Text, t.Pos})
	}
	return terms
}

func posMatches(want []string, pos string) bool {
	for _, w := range want {
		if pos == w || len(w) == 1 && strings.HasPrefix(pos, w) {
			return true
		}
	}
	return false
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isNumber says whether s is written with digits and number signs only
// (2025, 3.2, 90%, 2025年 is a date and counts as one too).
func isNumber(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case r == '.' || r == '%' || r == '年' || r == '月' || r == '日':
		default:
			return false
		}
	}
	return digits
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Count is how often a word occurs.
type Count struct {
	Word  string  `json:"word"`
	Pos   string  `json:"pos"`   // its commonest part of speech
	Count int     `json:"count"` // occurrences
	Docs  int     `json:"docs"`  // documents it occurs in
	Share float64 `json:"share"` // count per 1,000 words counted
}

// Counts counts the words of one or more documents together, commonest
// first (ties in byte order of the word), leaving out words seen fewer
// than minCount times.
func Counts(docs [][]Term, minCount int) []Count {
	type tally struct {
		count, docs, lastDoc int
		pos                  map[string]int
	}
	tallies := map[string]*tally{}
	total := 0
	for d, terms := range docs {
		for _, t := range terms {
			c := tallies[t.Text]
			if c == nil {
				c = &tally{pos: map[string]int{}, lastDoc: -1}
				tallies[t.Text] = c
			}
			c.count++
			c.pos[t.Pos]++
			if c.lastDoc != d {
				c.docs++
				c.lastDoc = d
			}
			total++
		}
	}
	counts := make([]Count, 0, len(tallies))
	for w, c := range tallies {
		if c.count < minCount {
			continue
		}
		counts = append(counts, Count{Word: w, Pos: commonest(c.pos), Count: c.count, Docs: c.docs,
			Share: round(1000 * float64(c.count) / float64(total))})
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Count != counts[j].Count {
			return counts[i].Count > counts[j].Count
		}
		return counts[i].Word < counts[j].Word
	})
	return counts
}

// commonest returns the most frequent key, the first in byte order on a tie.
func commonest(m map[string]int) string {
	best, n := "", -1
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

// round keeps four decimals, so that output does not show float noise.
func round(v float64) float64 { return math.Round(v*1e4) / 1e4 }
