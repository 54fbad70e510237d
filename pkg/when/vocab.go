package when

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// The words this package matches all come from dict/deadlines.txt; this
// file turns its records into lookup tables, once.

// wordSet maps words to values and finds the longest word at or before a
// rune position.
type wordSet[T any] struct {
	m map[string]T
	// The words as runes, by their first and by their last rune, longest
	// first. Find tries every position of a document: a position whose rune
	// begins (ends) no word costs one bit test, and elsewhere runes are
	// compared with runes (building a string for each length at each
	// position was a fifth of extraction time on a 1.7 MB document).
	words           []wordEntry[T]
	index           map[string]int // word → its entry
	byFirst, byLast runeMap[[]int] // entries, longest first
	first, last     runeSet
}

type wordEntry[T any] struct {
	rs  []rune
	val T
}

func (w *wordSet[T]) add(word string, val T) {
	if w.m == nil {
		w.m = map[string]T{}
		w.index = map[string]int{}
	}
	w.m[word] = val
	rs := []rune(word)
	if k, seen := w.index[word]; seen {
		w.words[k].val = val
		return
	}
	// A string built from runes is valid UTF-8: a word that is not can
	// never be found in a text, as before.
	if len(rs) == 0 || !utf8.ValidString(word) {
		return
	}
	k := len(w.words)
	w.words = append(w.words, wordEntry[T]{rs: rs, val: val})
	w.index[word] = k
	byFirst, _ := w.byFirst.get(rs[0])
	w.byFirst.set(rs[0], w.insertLongestFirst(byFirst, k))
	byLast, _ := w.byLast.get(rs[len(rs)-1])
	w.byLast.set(rs[len(rs)-1], w.insertLongestFirst(byLast, k))
	w.first.add(rs[0])
	w.last.add(rs[len(rs)-1])
}

func (w *wordSet[T]) insertLongestFirst(list []int, k int) []int {
	at := len(list)
	for at > 0 && len(w.words[list[at-1]].rs) < len(w.words[k].rs) {
		at--
	}
	return slices.Insert(list, at, k)
}

// at returns the longest word that starts at rs[i].
func (w *wordSet[T]) at(rs []rune, i int) (val T, n int, ok bool) {
	if i < 0 || i >= len(rs) || !w.first.has(rs[i]) {
		return val, 0, false
	}
	list, _ := w.byFirst.get(rs[i])
	for _, k := range list {
		e := &w.words[k]
		if len(e.rs) <= len(rs)-i && slices.Equal(e.rs, rs[i:i+len(e.rs)]) {
			return e.val, len(e.rs), true
		}
	}
	return val, 0, false
}

// endingAt returns the longest word that ends just before rs[i].
func (w *wordSet[T]) endingAt(rs []rune, i int) (val T, n int, ok bool) {
	if i <= 0 || i > len(rs) || !w.last.has(rs[i-1]) {
		return val, 0, false
	}
	list, _ := w.byLast.get(rs[i-1])
	for _, k := range list {
		e := &w.words[k]
		if len(e.rs) <= i && slices.Equal(e.rs, rs[i-len(e.rs):i]) {
			return e.val, len(e.rs), true
		}
	}
	return val, 0, false
}

// runeSet is a set of runes as a bitset, as long as its largest rune needs
// (the vocabulary's are below 0xFFFF): membership costs one bit test, not
// a map probe.
type runeSet struct{ bits []uint64 }

func (s *runeSet) add(r rune) {
	if r < 0 {
		return
	}
	k := int(r >> 6)
	if k >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, k+1-len(s.bits))...)
	}
	s.bits[k] |= 1 << (uint(r) & 63)
}

// runeMap maps a few runes to values: its keys sorted, found by binary
// search, which costs less than hashing at each probe.
type runeMap[V any] struct {
	keys []rune
	vals []V
}

func (m *runeMap[V]) set(r rune, val V) {
	i, found := slices.BinarySearch(m.keys, r)
	if found {
		m.vals[i] = val
		return
	}
	m.keys = slices.Insert(m.keys, i, r)
	m.vals = slices.Insert(m.vals, i, val)
}

func (m *runeMap[V]) get(r rune) (val V, ok bool) {
	i, found := slices.BinarySearch(m.keys, r)
	if !found {
		return val, false
	}
	return m.vals[i], true
}

func (s *runeSet) union(o *runeSet) {
	if len(o.bits) > len(s.bits) {
		s.bits = append(s.bits, make([]uint64, len(o.bits)-len(s.bits))...)
	}
	for k, b := range o.bits {
		s.bits[k] |= b
	}
}

func (s *runeSet) has(r rune) bool {
	k := uint(r) >> 6
	return k < uint(len(s.bits)) && s.bits[k]&(1<<(uint(r)&63)) != 0
}

// exact reports whether s is one of the words.
func (w *wordSet[T]) exact(s string) (T, bool) {
	v, ok := w.m[s]
	return v, ok
}

// span is a part of a year (months) or of a month (days).
type span struct {
	from, to int
	end      bool // "the end of": the period shrinks to its last day
}

type relWord struct {
	off  int
	find bool // Find reports it as a deadline on its own
}

type shiftWord struct {
	unit string // day, month, year
	sign int
}

type plan struct{ first, last int }

type vocab struct {
	prefix    wordSet[string] // text, cue, not
	after     wordSet[string] // by, not
	yearPart  wordSet[span]
	monthPart wordSet[span]
	mark      wordSet[string] // year, month, day
	relYear   wordSet[relWord]
	bare      wordSet[bool]
	notBefore runeSet
	relMonth  wordSet[int]
	relDay    wordSet[int]
	shift     wordSet[shiftWord]
	blur      []string
	plan      wordSet[plan]
	planEnd   wordSet[bool] // true: only after a quoted name
	planRel   wordSet[bool]
	quote     runeMap[rune] // opening mark → closing mark
	quoteOpen runeSet       // the keys of quote
	title     runeMap[rune]
	titleOpen runeSet // the keys of title
	rangeSep  runeSet
	numeral   runeMap[int]
	numerals  runeSet // the keys of numeral
	// starts holds every rune a candidate can begin with (a quote, a
	// digit, a numeral, the first rune of a word candidateAt reads): at
	// any other position Find moves on after one bit test.
	starts     runeSet
	ahead      wordSet[bool]
	within     wordSet[bool]
	every      wordSet[bool]
	background []string
	nameJoint  runeSet
}

// compiled is dict/deadlines.txt compiled, rebuilt after dict.Extend.
var compiled = dict.NewCompiled(func() *vocab {
	// The five-year plans are shared with pkg/meta and pkg/extract.
	recs := dict.Records("deadlines")
	for _, r := range dict.Records("five_year_plans") {
		recs = append(recs, append([]string{"plan"}, r...))
	}
	v, err := compile(recs)
	if err != nil {
		// A user's malformed record: fall back to the built-in words
		// rather than stop. The built-in file is part of the build.
		builtin := dict.Builtin("deadlines")
		for _, r := range dict.Builtin("five_year_plans") {
			builtin = append(builtin, append([]string{"plan"}, r...))
		}
		if v, err = compile(builtin); err != nil {
			panic(err)
		}
	}
	return v
})

func load() *vocab { return compiled.Get() }

func compile(recs [][]string) (*vocab, error) {
	v := &vocab{}
	for _, r := range recs {
		if len(r) < 2 {
			return nil, fmt.Errorf("deadlines: record %q has no word", r)
		}
		kind, word := r[0], r[1]
		arg := func(k int) string {
			if k < len(r) {
				return r[k]
			}
			return ""
		}
		num := func(k int) (int, error) {
			n, err := strconv.Atoi(arg(k))
			if err != nil {
				return 0, fmt.Errorf("deadlines: %s %s: field %d: %v", kind, word, k+1, err)
			}
			return n, nil
		}
		first := []rune(word)[0]
		switch kind {
		case "prefix":
			v.prefix.add(word, arg(2))
		case "after":
			v.after.add(word, arg(2))
		case "yearpart", "monthpart":
			from, err := num(2)
			if err != nil {
				return nil, err
			}
			to, err := num(3)
			if err != nil {
				return nil, err
			}
			s := span{from: from, to: to, end: arg(4) == "end"}
			if kind == "yearpart" {
				v.yearPart.add(word, s)
			} else {
				v.monthPart.add(word, s)
			}
		case "mark":
			v.mark.add(word, arg(2))
		case "relyear":
			off, err := num(2)
			if err != nil {
				return nil, err
			}
			v.relYear.add(word, relWord{off: off, find: arg(3) == "find"})
		case "bare":
			v.bare.add(word, true)
		case "notbefore":
			v.notBefore.add(first)
		case "relmonth", "relday":
			off, err := num(2)
			if err != nil {
				return nil, err
			}
			if kind == "relmonth" {
				v.relMonth.add(word, off)
			} else {
				v.relDay.add(word, off)
			}
		case "shift":
			sign, err := num(3)
			if err != nil {
				return nil, err
			}
			v.shift.add(word, shiftWord{unit: arg(2), sign: sign})
		case "blur":
			v.blur = append(v.blur, word)
		case "plan":
			a, err := num(2)
			if err != nil {
				return nil, err
			}
			b, err := num(3)
			if err != nil {
				return nil, err
			}
			v.plan.add(word, plan{a, b})
		case "planend":
			v.planEnd.add(word, arg(2) == "quoted")
		case "planrel":
			v.planRel.add(word, true)
		case "ahead":
			v.ahead.add(word, true)
		case "within":
			v.within.add(word, true)
		case "every":
			v.every.add(word, true)
		case "namejoint":
			v.nameJoint.add(first)
		case "background":
			v.background = append(v.background, word)
		case "quote", "title":
			closer := []rune(arg(2))
			if len(closer) == 0 {
				return nil, fmt.Errorf("deadlines: %s %s: no closing mark", kind, word)
			}
			if kind == "quote" {
				v.quote.set(first, closer[0])
				v.quoteOpen.add(first)
			} else {
				v.title.set(first, closer[0])
				v.titleOpen.add(first)
			}
		case "range":
			v.rangeSep.add(first)
		case "numeral":
			n, err := num(2)
			if err != nil {
				return nil, err
			}
			v.numeral.set(first, n)
			v.numerals.add(first)
		default:
			return nil, fmt.Errorf("deadlines: unknown kind %q", kind)
		}
	}
	v.starts.union(&v.quoteOpen)
	for r := '0'; r <= '9'; r++ {
		v.starts.add(r)
	}
	v.starts.union(&v.numerals)
	for _, first := range []*runeSet{&v.plan.first, &v.planRel.first, &v.relYear.first, &v.relMonth.first,
		&v.ahead.first, &v.yearPart.first, &v.bare.first} {
		v.starts.union(first)
	}
	return v, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isNumeral: an ASCII digit or a Chinese numeral from the vocabulary.
func (v *vocab) isNumeral(r rune) bool {
	return isDigit(r) || v.numerals.has(r)
}

// digitValue is the value of a single digit, ASCII or Chinese (not 十).
func (v *vocab) digitValue(r rune) (int, bool) {
	if isDigit(r) {
		return int(r - '0'), true
	}
	n, ok := v.numeral.get(r)
	if !ok || n > 9 {
		return 0, false
	}
	return n, true
}
