package number

import (
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// wordSet is a vocabulary looked up by exact string, longest first.
type wordSet struct {
	words  map[string]string // word → its value (a comparator, or "")
	maxLen int               // in runes
}

func (w *wordSet) add(word, val string) {
	if w.words == nil {
		w.words = map[string]string{}
	}
	w.words[word] = val
	if n := utf8.RuneCountInString(word); n > w.maxLen {
		w.maxLen = n
	}
}

// prefixAt returns the longest word that rs[p:] starts with.
func (w *wordSet) prefixAt(rs []rune, p int) (string, string, bool) {
	for l := min(w.maxLen, len(rs)-p); l >= 1; l-- {
		s := string(rs[p : p+l])
		if v, ok := w.words[s]; ok {
			return s, v, true
		}
	}
	return "", "", false
}

// suffixAt returns the longest word that rs[:p] ends with, starting no
// earlier than floor.
func (w *wordSet) suffixAt(rs []rune, p, floor int) (string, string, bool) {
	for l := min(w.maxLen, p-floor); l >= 1; l-- {
		s := string(rs[p-l : p])
		if v, ok := w.words[s]; ok {
			return s, v, true
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
	for s := max(0, b-w.maxLen); s <= a; s++ {
		for e := b; e <= len(rs) && e-s <= w.maxLen; e++ {
			if _, ok := w.words[string(rs[s:e])]; ok {
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
