package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// vocab is every word list the target recogniser reads, compiled once.
type vocab struct {
	units         []string          // longest first
	unitsByFirst  wordList          // units, by first rune
	perUnits      wordList          // the words after "/" in a compound unit: a measure word or a time (吨/年, 元/月, 人/天)
	unitClass     map[string]string // unit → count, time, money, rate, other
	countNouns    []string
	afterBound    map[string]string // bound words written after a number → comparator
	afterWords    []string          // afterBound's words, longest first
	cues          map[string][]string
	scope         wordList    // scope words (全市, 我省), longest first
	synonyms      [][2]string // variant → canonical, longest variant first
	trimHead      wordList
	keepHead      wordList // words that start as a head word does but are kept (有效)
	trimTail      wordList
	postTail      []string        // trimmed only from a phrase after the number
	verbs         wordList        // action verbs before a count
	having        []string        // 共有, 拥有: the indicator starts after them
	predicates    map[string]bool // verbs that open a counted noun's predicate
	predicateList wordList        // longest first
	verbLead      wordList        // adverbs and verbs that join a predicate before it (基本, 提质), longest first
	notPredicate  wordList        // words ending in a one-character predicate that are not one (发达)
	// looseBounds are the strong bound words that set a comparator from
	// a few words before the number: word, comparator.
	looseBounds [][2]string

	headerRoles     map[string]string // table header cell → column role
	attributes      map[string]bool   // 预期性, 约束性 …
	periods         map[string][2]int // 十三五 → 2016, 2020
	periodNames     []string          // 十三五 …, longest first
	periodNameRunes [][]rune          // periodNames as runes
	periodLastRunes []rune            // their last runes, each once

	fused         [][3]string    // fused_pairs.txt: 城乡 → 城镇, 农村
	frameCues     []frameCue     // time_frames.txt, longest word first
	openingCues   map[rune][]int // the frameCues that open a paragraph ("both"), by first rune, in order
	yearlyDocKind []string       // title endings of documents about one year (工作报告, 方案 …)
}

// frameCue is a word that sets a stretch of text's time (time_frames.txt).
type frameCue struct {
	mode, year string
	where      string // head, both (also opening a paragraph), clause
	word       string
}

var compiledVocab = dict.NewCompiled(buildVocab)

func loadVocab() *vocab { return compiledVocab.Get() }

func buildVocab() *vocab {
	v := vocab{unitClass: map[string]string{}, afterBound: map[string]string{}, cues: map[string][]string{}}
	var predicates, verbLead, notPredicate []string
	for _, r := range dict.Records("units") {
		v.units = append(v.units, r[0])
		class := "count"
		if len(r) > 1 {
			class = r[1]
		}
		v.unitClass[r[0]] = class
	}
	v.units = dict.LongestFirst(v.units)
	v.unitsByFirst = newWordList(v.units)
	v.perUnits = newWordList(append(append([]string{}, v.units...), "年", "月", "日", "天", "周"))
	v.countNouns = dict.LongestFirst(dict.Words("count_nouns"))
	for _, r := range dict.Records("bounds") {
		if len(r) >= 3 && r[2] == "after" {
			v.afterBound[r[0]] = r[1]
		}
	}
	for w := range v.afterBound {
		v.afterWords = append(v.afterWords, w)
	}
	sort.Strings(v.afterWords) // deterministic among words of one length
	v.afterWords = dict.LongestFirst(v.afterWords)
	for _, r := range dict.Records("loose_bounds") {
		if len(r) >= 2 {
			v.looseBounds = append(v.looseBounds, [2]string{r[0], r[1]})
		}
	}
	for _, r := range dict.Records("kind_cues") {
		if len(r) >= 2 {
			v.cues[r[0]] = append(v.cues[r[0]], r[1])
		}
	}
	v.scope = newWordList(dict.LongestFirst(dict.Words("scope_words")))
	for _, r := range dict.Records("indicator_synonyms") {
		for _, variant := range r[1:] {
			v.synonyms = append(v.synonyms, [2]string{variant, r[0]})
		}
	}
	sort.SliceStable(v.synonyms, func(i, j int) bool { return len(v.synonyms[i][0]) > len(v.synonyms[j][0]) })
	trim := dict.Grouped("indicator_trim")
	v.trimHead, v.keepHead, v.trimTail = newWordList(dict.LongestFirst(trim["head"])), newWordList(trim["keep"]), newWordList(dict.LongestFirst(trim["tail"]))
	v.verbs = newWordList(trim["verb"])
	v.postTail, v.having = dict.LongestFirst(trim["posttail"]), trim["having"]
	v.predicates = map[string]bool{}
	for _, r := range dict.Records("predicate_verbs") {
		if len(r) > 1 && r[1] == "word" {
			notPredicate = append(notPredicate, r[0])
			continue
		}
		if len(r) > 1 && r[1] == "lead" {
			verbLead = append(verbLead, r[0])
			continue
		}
		v.predicates[r[0]] = true
		predicates = append(predicates, r[0])
	}
	v.predicateList, v.verbLead = newWordList(dict.LongestFirst(predicates)), newWordList(dict.LongestFirst(verbLead))
	v.notPredicate = newWordList(notPredicate)
	v.headerRoles = map[string]string{}
	for _, rec := range dict.Records("table_headers") {
		if len(rec) >= 2 {
			v.headerRoles[rec[1]] = rec[0]
		}
	}
	v.attributes = map[string]bool{}
	for _, w := range dict.Words("attributes") {
		v.attributes[w] = true
	}
	v.periods = map[string][2]int{}
	var names []string
	for _, r := range dict.Records("five_year_plans") {
		if len(r) < 3 || r[0] == "" {
			continue
		}
		a, _ := strconv.Atoi(r[1])
		b, _ := strconv.Atoi(r[2])
		v.periods[r[0]] = [2]int{a, b}
		names = append(names, r[0])
	}
	v.periodNames = dict.LongestFirst(names)
	for _, name := range v.periodNames {
		rs := []rune(name)
		v.periodNameRunes = append(v.periodNameRunes, rs)
		if last := rs[len(rs)-1]; !slices.Contains(v.periodLastRunes, last) {
			v.periodLastRunes = append(v.periodLastRunes, last)
		}
	}
	for _, r := range dict.Records("time_frames") {
		if len(r) >= 4 {
			v.frameCues = append(v.frameCues, frameCue{mode: r[0], year: r[1], where: r[2], word: r[3]})
		}
	}
	sort.SliceStable(v.frameCues, func(i, j int) bool { return len(v.frameCues[i].word) > len(v.frameCues[j].word) })
	v.openingCues = map[rune][]int{}
	for i, c := range v.frameCues {
		if c.where == "both" {
			first, _ := utf8.DecodeRuneInString(c.word)
			v.openingCues[first] = append(v.openingCues[first], i)
		}
	}
	v.yearlyDocKind = dict.Words("yearly_doc_kinds")
	for _, r := range dict.Records("fused_pairs") {
		if len(r) >= 3 {
			v.fused = append(v.fused, [3]string{r[0], r[1], r[2]})
		}
	}
	return &v
}

// prefixIn returns the longest word of words that s starts with.
// isPeriodLastRune says whether r ends a five-year plan's name (五): asked
// of every rune of a document, so a loop without a call.
func (v *vocab) isPeriodLastRune(r rune) bool {
	for _, last := range v.periodLastRunes {
		if r == last {
			return true
		}
	}
	return false
}

// wordList is a vocabulary list indexed by the first and the last rune of
// its words, each group in the list's order, so that a lookup tries only
// the words that can match and finds the one prefixIn (suffixIn) finds
// in the whole list.
type wordList struct {
	byFirst, byLast map[rune][]string
}

func newWordList(words []string) wordList {
	l := wordList{byFirst: map[rune][]string{}, byLast: map[rune][]string{}}
	for _, w := range words {
		if w == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		l.byFirst[first] = append(l.byFirst[first], w)
		l.byLast[last] = append(l.byLast[last], w)
	}
	return l
}

// prefixIn returns the first word of the list that s starts with.
func (l wordList) prefixIn(s string) string { return prefixIn(s, l.startingLike(s)) }

// suffixIn returns the first word of the list that s ends with.
func (l wordList) suffixIn(s string) string { return suffixIn(s, l.endingLike(s)) }

// startingLike returns the words that start with s's first rune, in order.
func (l wordList) startingLike(s string) []string {
	r, _ := utf8.DecodeRuneInString(s)
	return l.byFirst[r]
}

// endingLike returns the words that end with s's last rune, in order.
func (l wordList) endingLike(s string) []string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return l.byLast[r]
}

func prefixIn(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// hasCue says whether s holds any cue word of kind.
func (v *vocab) hasCue(kind, s string) bool {
	for _, w := range v.cues[kind] {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
