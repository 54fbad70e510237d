package number

import "unicode/utf8"

// Ranges: 10-20所, 4—6只, 2至3个, 60%—80%, 3-5万, 二至三, 10000与20000之间.
// The connectors are the "between" records of dict/bounds.txt; X与Y之间 and
// X和Y之间 are read here. Both ends are closed, as plans mean them
// (10-20所 includes 20).

var zhijian = []rune("之间")

// rangeFrom reads the second end of a range after the number c. first
// says whether c is a number on its own; a lone Chinese numeral is one end
// of a range when the other end is a number (一到五个) or both are lone
// numerals (二至三).
func (s *scanner) rangeFrom(c *core, first bool) (core, int, bool) {
	rs := s.rs
	n := len(rs)
	if c.kind == kPair || c.lead0 || (!first && c.kind != kSingle) {
		return core{}, 0, false
	}
	// 由X到Y, 从X至Y: a change from a baseline, not a range.
	if c.start > 0 && (rs[c.start-1] == '由' || rs[c.start-1] == '从') {
		return core{}, 0, false
	}
	// 2021-11-16: the middle of a date is no end of a range.
	if c.start > 1 && isASCIIDigit(rs[c.start]) && isASCIIDigit(rs[c.start-2]) {
		if _, _, ok := s.v.between.suffixAt(rs, c.start, c.start-1); ok {
			return core{}, 0, false
		}
	}
	p := c.end
	spaced := false
	if p < n && rs[p] == ' ' {
		p++
		spaced = true
	}
	w, _, ok := s.v.between.prefixAt(rs, p)
	between := false // X与Y之间
	if !ok {
		if spaced || p >= n || (rs[p] != '与' && rs[p] != '和') {
			return core{}, 0, false
		}
		w, between = string(rs[p]), true
	}
	// A space may stand around a dash or a tilde (20 - 100), not around 至.
	ascii := len(w) == 1
	if spaced && !ascii {
		return core{}, 0, false
	}
	q := p + utf8.RuneCountInString(w)
	if spaced && q < n && rs[q] == ' ' {
		q++
	}
	if q >= n || !mayStart(rs, q) || (isASCIIDigit(rs[q]) && isASCIILetter(rs[q-1])) {
		return core{}, 0, false
	}
	second, ok := s.readCore(q)
	if !ok || second.kind == kPair || second.lead0 {
		return core{}, 0, false
	}
	if !s.accept(&second, false, "") {
		if second.kind != kSingle || c.kind != kSingle || second.capital || c.capital {
			return core{}, 0, false
		}
	}
	if second.chinese && s.stopped(&second, q, false) {
		return core{}, 0, false
	}
	// Both ends in the same terms: 60%—80%, 3-5万; 60%-80 is not a range.
	if (c.pct != "" && c.pct != second.pct) || (c.per != "" && c.per != second.per) ||
		(c.mult != "" && c.mult != second.mult) {
		return core{}, 0, false
	}
	if !(c.value < second.value) {
		return core{}, 0, false // 2021-11-16 is a date; 20-10 is not a range
	}
	end := second.end
	if end+1 < n && rs[end] == rs[p] && isASCIIDigit(rs[end+1]) {
		return core{}, 0, false // 2021-01-16: a date
	}
	if between {
		switch {
		case hasRunes(rs, end, zhijian):
			end += 2
		case end < n && rs[end] == '间':
			end++
		default:
			return core{}, 0, false
		}
	}
	return second, end, true
}
