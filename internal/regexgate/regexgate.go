// Package regexgate finds, from a regular expression's syntax, the runes
// a match must start (or end) with, so that callers try the expression
// only on text that begins with one of them: one rune comparison instead
// of a run of the matcher, on every line or sentence of a document.
package regexgate

import (
	"regexp/syntax"
	"slices"
)

// AnchoredRunes returns the runes a match of pattern can start with when
// the pattern is anchored at the start of the text (fromEnd: the runes it
// can end with when anchored at the end), or nil when it is not anchored,
// can match the empty string, or can start with too many runes to list.
func AnchoredRunes(pattern string, fromEnd bool) []rune {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil
	}
	anchor, rest := re.Sub[0], re.Sub[1:]
	if fromEnd {
		anchor, rest = re.Sub[len(re.Sub)-1], re.Sub[:len(re.Sub)-1]
	}
	if anchor.Op != syntax.OpBeginText && !fromEnd || anchor.Op != syntax.OpEndText && fromEnd {
		return nil
	}
	set, nullable, ok := edgeRunes(&syntax.Regexp{Op: syntax.OpConcat, Sub: rest}, fromEnd)
	if !ok || nullable || len(set) == 0 {
		return nil
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// maxEdgeRunes bounds a listed set: a pattern that can start with more
// runes than this (\S, .) gets no rune filter.
const maxEdgeRunes = 64

// edgeRunes lists the runes a match of re can start with (fromEnd: end
// with), whether re can match the empty string, and false when the runes
// cannot be listed.
func edgeRunes(re *syntax.Regexp, fromEnd bool) (set []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		if fromEnd {
			return []rune{re.Rune[len(re.Rune)-1]}, false, true
		}
		return []rune{re.Rune[0]}, false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) >= maxEdgeRunes {
					return nil, false, false
				}
				set = append(set, r)
			}
		}
		return set, false, true
	case syntax.OpCapture:
		return edgeRunes(re.Sub[0], fromEnd)
	case syntax.OpStar, syntax.OpQuest:
		set, _, ok = edgeRunes(re.Sub[0], fromEnd)
		return set, true, ok
	case syntax.OpPlus:
		return edgeRunes(re.Sub[0], fromEnd)
	case syntax.OpRepeat:
		set, nullable, ok = edgeRunes(re.Sub[0], fromEnd)
		return set, nullable || re.Min == 0, ok
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, ok := edgeRunes(sub, fromEnd)
			if !ok {
				return nil, false, false
			}
			set, nullable = append(set, s...), nullable || n
		}
		return set, nullable, true
	case syntax.OpConcat:
		for k := range re.Sub {
			sub := re.Sub[k]
			if fromEnd {
				sub = re.Sub[len(re.Sub)-1-k]
			}
			s, n, ok := edgeRunes(sub, fromEnd)
			if !ok {
				return nil, false, false
			}
			set = append(set, s...)
			if !n {
				return set, false, true
			}
		}
		return set, true, true
	}
	return nil, false, false
}
