package number

import (
	"slices"

	"github.com/cnplan/cnplan/dict"
)

// wordSet is a vocabulary looked up by exact runes, longest first. The
// words are indexed by their first and by their last rune, so a lookup
// compares runes with runes and most positions cost one bit test.
type wordSet struct {
	words  map[string]int // word → its index in entries
	maxLen int            // in runes

	entries []wordEntry
	// byFirst and byLast hold, per rune, the entries that start (end)
	// with it, longest first; firstBits and lastBits say which BMP runes
	// have any.
	byFirst, byLast     map[rune][]int32
	firstBits, lastBits runeBits
}

type wordEntry struct {
	word  string
	runes []rune
	val   string // a comparator, or ""
}

// runeBits is a set of runes of the Basic Multilingual Plane.
type runeBits [0x10000 / 64]uint64

func (b *runeBits) add(r rune) {
	if u := uint32(r); u < 0x10000 {
		b[u>>6] |= 1 << (u & 63)
	}
}

// mayHold says whether r can be in the set: always true outside the BMP.
func (b *runeBits) mayHold(r rune) bool {
	u := uint32(r)
	return u >= 0x10000 || b[u>>6]&(1<<(u&63)) != 0
}

func (w *wordSet) add(word, val string) {
	if w.words == nil {
		w.words = map[string]int{}
		w.byFirst, w.byLast = map[rune][]int32{}, map[rune][]int32{}
	}
	if k, ok := w.words[word]; ok {
		w.entries[k].val = val
		return
	}
	rs := []rune(word)
	if len(rs) == 0 || string(rs) != word {
		return // an empty word, or one no text's runes can spell (invalid UTF-8)
	}
	k := len(w.entries)
	w.words[word] = k
	w.entries = append(w.entries, wordEntry{word: word, runes: rs, val: val})
	w.byFirst[rs[0]] = w.insertLongestFirst(w.byFirst[rs[0]], k)
	w.byLast[rs[len(rs)-1]] = w.insertLongestFirst(w.byLast[rs[len(rs)-1]], k)
	w.firstBits.add(rs[0])
	w.lastBits.add(rs[len(rs)-1])
	if len(rs) > w.maxLen {
		w.maxLen = len(rs)
	}
}

// insertLongestFirst adds entry k to list, keeping the longest words first.
func (w *wordSet) insertLongestFirst(list []int32, k int) []int32 {
	n := len(w.entries[k].runes)
	i := 0
	for i < len(list) && len(w.entries[list[i]].runes) >= n {
		i++
	}
	return slices.Insert(list, i, int32(k))
}

// prefixAt returns the longest word that rs[p:] starts with.
func (w *wordSet) prefixAt(rs []rune, p int) (string, string, bool) {
	if p < 0 || p >= len(rs) || !w.firstBits.mayHold(rs[p]) {
		return "", "", false
	}
	for _, k := range w.byFirst[rs[p]] {
		e := &w.entries[k]
		if hasRunes(rs, p, e.runes) {
			return e.word, e.val, true
		}
	}
	return "", "", false
}

// suffixAt returns the longest word that rs[:p] ends with, starting no
// earlier than floor.
func (w *wordSet) suffixAt(rs []rune, p, floor int) (string, string, bool) {
	if p-1 < max(floor, 0) || p > len(rs) || !w.lastBits.mayHold(rs[p-1]) {
		return "", "", false
	}
	for _, k := range w.byLast[rs[p-1]] {
		e := &w.entries[k]
		if n := len(e.runes); p-n >= floor && hasRunes(rs, p-n, e.runes) {
			return e.word, e.val, true
		}
	}
	return "", "", false
}

// covers says whether some word spans all of rs[a:b], reaching outside it
// (统一 covers the 一 of 统一, 十四五 covers 十四) or matching it exactly (两两).
func (w *wordSet) covers(rs []rune, a, b int) bool {
	if b-a > w.maxLen {
		return false
	}
	for s := max(0, b-w.maxLen); s <= a && s < len(rs); s++ {
		if !w.firstBits.mayHold(rs[s]) {
			continue
		}
		for _, k := range w.byFirst[rs[s]] {
			e := &w.entries[k]
			if s+len(e.runes) < b {
				break // the rest are shorter still
			}
			if hasRunes(rs, s, e.runes) {
				return true
			}
		}
	}
	return false
}

// vocab is every word list the recogniser reads, compiled once from dict/.
type vocab struct {
	before  wordSet // bound words before a number → comparator
	after   wordSet // bound words after a number → comparator
	between wordSet // range connectors
	stop    wordSet // words whose numerals are not numbers
	measure wordSet // words that make a lone Chinese numeral a count
}

var compiled = dict.NewCompiled(buildVocab)

// loadVocab returns dict/bounds.txt and dict/numeral_stopwords.txt (and
// what a user added to them with dict.Extend), compiled.
func loadVocab() *vocab { return compiled.Get() }

func buildVocab() *vocab {
	var v vocab
	for _, r := range dict.Records("bounds") {
		if len(r) < 3 {
			continue
		}
		switch r[2] {
		case "before":
			v.before.add(r[0], r[1])
		case "after":
			v.after.add(r[0], r[1])
		case "between":
			v.between.add(r[0], r[1])
		}
	}
	for _, r := range dict.Records("numeral_stopwords") {
		if len(r) < 2 {
			continue
		}
		switch r[1] {
		case "stop":
			v.stop.add(r[0], "")
		case "measure":
			v.measure.add(r[0], "")
		}
	}
	return &v
}

// strength orders comparators when a number has a bound word on each side:
// an inequality says more than "about", which says more than a plain value.
// 控制在X以下 is <=, 约X左右 is ~, 达到90%以上 is >=.
func strength(c string) int {
	switch c {
	case ">=", "<=", ">", "<":
		return 3
	case "~":
		return 2
	case "=":
		return 1
	}
	return 0
}

// combine picks the comparator of a number with bound words on both sides;
// on a tie the word after wins, since it closes the phrase.
func combine(before, after string) string {
	if strength(after) >= strength(before) {
		return after
	}
	return before
}

// isInequality says whether a comparator is a real bound, one that makes
// a lone Chinese numeral after it a number (不少于三, 超过十).
func isInequality(c string) bool { return strength(c) == 3 }
