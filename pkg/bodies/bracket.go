package bodies

import "sort"

// maxBracket bounds a national-style bracket: (农业农村部、工业和信息化部负责).
const maxBracket = 200

// bracketClauses finds national-style brackets that close on a role phrase:
// (农业农村部、工业和信息化部负责), (国家卫生健康委牵头,财政部配合) — the latter
// gives two clauses, each spanning its own part. Brackets that open with a
// label belong to labelClauses.
func (v *vocab) bracketClauses(rs []rune, taken []Clause) []Clause {
	var out []Clause
	inTaken := newSpans(taken)
	n := len(rs)
	for a := 0; a < n; a++ {
		if rs[a] != '(' {
			continue
		}
		b := matchClose(rs, a)
		if b < 0 || inTaken.contains(a) {
			continue
		}
		var partsBuf [8][2]int
		parts := splitParts(partsBuf[:0], rs, a+1, b)
		var got []Clause
		for k, pt := range parts {
			s := skipSpaces(rs, pt[0], pt[1])
			e := pt[1]
			for e > s && isSpace(rs[e-1]) {
				e--
			}
			items, q := v.parseList(rs, s, e, true)
			if len(items) == 0 {
				continue
			}
			q = skipAny(rs, q, e, v.between)
			role := ""
			for _, ph := range v.roles {
				if hasAt(rs, q, e, ph.text) && q+len(ph.text) == e {
					role = ph.role
					break
				}
			}
			if role == "" {
				continue
			}
			c := Clause{Role: role, Start: s, End: e}
			if k == 0 {
				c.Start = a
			}
			if k == len(parts)-1 {
				c.End = b + 1
			}
			c.addAll(items)
			got = append(got, c)
		}
		out = append(out, got...)
	}
	return out
}

// matchClose returns the bracket closing the one at a, or -1 when the
// bracket runs past maxBracket runes, a 。 or a line break.
func matchClose(rs []rune, a int) int {
	depth := 0
	for p := a; p < len(rs) && p <= a+maxBracket; p++ {
		switch rs[p] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return p
			}
		case '。', '\n', '\r':
			return -1
		}
	}
	return -1
}

// splitParts appends to parts the pieces of rs[a:b] split at , and ;
// outside inner brackets.
func splitParts(parts [][2]int, rs []rune, a, b int) [][2]int {
	depth := 0
	s := a
	for p := a; p < b; p++ {
		switch rs[p] {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';':
			if depth == 0 {
				parts = append(parts, [2]int{s, p})
				s = p + 1
			}
		}
	}
	return append(parts, [2]int{s, b})
}

// spans tells whether a position lies inside any of a set of clauses
// ([Start, End)) by binary search, where a loop over the clauses for each
// bracket and sentence was quadratic in the size of a document.
type spans struct {
	starts []int // the clauses' Starts, ascending
	maxEnd []int // maxEnd[k]: the furthest End of the clauses of starts[:k+1]
}

func newSpans(cs []Clause) spans {
	byStart := make([][2]int, len(cs))
	for k, c := range cs {
		byStart[k] = [2]int{c.Start, c.End}
	}
	sort.Slice(byStart, func(i, j int) bool { return byStart[i][0] < byStart[j][0] })
	s := spans{starts: make([]int, len(cs)), maxEnd: make([]int, len(cs))}
	for k, c := range byStart {
		s.starts[k], s.maxEnd[k] = c[0], c[1]
		if k > 0 {
			s.maxEnd[k] = max(c[1], s.maxEnd[k-1])
		}
	}
	return s
}

// contains reports whether some clause has Start <= p < End.
func (s spans) contains(p int) bool {
	k := sort.SearchInts(s.starts, p+1) - 1 // the last clause starting at or before p
	return k >= 0 && s.maxEnd[k] > p
}
