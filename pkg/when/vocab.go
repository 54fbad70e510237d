package when

import (
	"fmt"
	"strconv"

	"github.com/cnplan/cnplan/dict"
)

// The words this package matches all come from dict/deadlines.txt; this
// file turns its records into lookup tables, once.

// wordSet maps words to values and finds the longest word at or before a
// rune position.
type wordSet[T any] struct {
	m   map[string]T
	max int // longest word, in runes
	// The first and last runes of the words. at and endingAt look up no
	// length at a position whose rune begins (ends) no word: Find tries
	// every position of a document, and building a string for each length
	// at each one was a fifth of extraction time on a 1.7 MB document.
	first, last map[rune]bool
}

func (w *wordSet[T]) add(word string, val T) {
	if w.m == nil {
		w.m = map[string]T{}
		w.first, w.last = map[rune]bool{}, map[rune]bool{}
	}
	w.m[word] = val
	rs := []rune(word)
	if len(rs) > w.max {
		w.max = len(rs)
	}
	if len(rs) > 0 {
		w.first[rs[0]] = true
		w.last[rs[len(rs)-1]] = true
	}
}

// at returns the longest word that starts at rs[i].
func (w *wordSet[T]) at(rs []rune, i int) (val T, n int, ok bool) {
	if i >= len(rs) || !w.first[rs[i]] {
		return val, 0, false
	}
	for l := min(w.max, len(rs)-i); l > 0; l-- {
		if v, hit := w.m[string(rs[i:i+l])]; hit {
			return v, l, true
		}
	}
	return val, 0, false
}

// endingAt returns the longest word that ends just before rs[i].
func (w *wordSet[T]) endingAt(rs []rune, i int) (val T, n int, ok bool) {
	if i <= 0 || i > len(rs) || !w.last[rs[i-1]] {
		return val, 0, false
	}
	for l := min(w.max, i); l > 0; l-- {
		if v, hit := w.m[string(rs[i-l:i])]; hit {
			return v, l, true
		}
	}
	return val, 0, false
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
	prefix     wordSet[string] // text, cue, not
	after      wordSet[string] // by, not
	yearPart   wordSet[span]
	monthPart  wordSet[span]
	mark       wordSet[string] // year, month, day
	relYear    wordSet[relWord]
	bare       wordSet[bool]
	notBefore  map[rune]bool
	relMonth   wordSet[int]
	relDay     wordSet[int]
	shift      wordSet[shiftWord]
	blur       []string
	plan       wordSet[plan]
	planEnd    wordSet[bool] // true: only after a quoted name
	planRel    wordSet[bool]
	quote      map[rune]rune
	title      map[rune]rune
	rangeSep   map[rune]bool
	numeral    map[rune]int
	ahead      wordSet[bool]
	within     wordSet[bool]
	every      wordSet[bool]
	background []string
	nameJoint  map[rune]bool
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
	v := &vocab{
		notBefore: map[rune]bool{},
		quote:     map[rune]rune{},
		title:     map[rune]rune{},
		rangeSep:  map[rune]bool{},
		numeral:   map[rune]int{},
		nameJoint: map[rune]bool{},
	}
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
			v.notBefore[first] = true
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
			v.nameJoint[first] = true
		case "background":
			v.background = append(v.background, word)
		case "quote", "title":
			closer := []rune(arg(2))
			if len(closer) == 0 {
				return nil, fmt.Errorf("deadlines: %s %s: no closing mark", kind, word)
			}
			if kind == "quote" {
				v.quote[first] = closer[0]
			} else {
				v.title[first] = closer[0]
			}
		case "range":
			v.rangeSep[first] = true
		case "numeral":
			n, err := num(2)
			if err != nil {
				return nil, err
			}
			v.numeral[first] = n
		default:
			return nil, fmt.Errorf("deadlines: unknown kind %q", kind)
		}
	}
	return v, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isNumeral: an ASCII digit or a Chinese numeral from the vocabulary.
func (v *vocab) isNumeral(r rune) bool {
	_, ok := v.numeral[r]
	return ok || isDigit(r)
}

// digitValue is the value of a single digit, ASCII or Chinese (not 十).
func (v *vocab) digitValue(r rune) (int, bool) {
	if isDigit(r) {
		return int(r - '0'), true
	}
	n, ok := v.numeral[r]
	if !ok || n > 9 {
		return 0, false
	}
	return n, true
}
