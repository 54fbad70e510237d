// Package bodies finds who a plan makes responsible for its tasks: the
// bodies named in 责任单位 lists, in national-style brackets and as the
// subjects of sentences that give them a task.
//
// Input is normalised text (half-width punctuation and digits, simplified
// characters); every offset is a rune offset into it. Vocabulary — bodies
// and their aliases, list labels, role phrases, task verbs, localities,
// name endings, generic mentions — lives in dict/bodies.txt and
// dict/body_*.txt and is compiled once, on first use.
package bodies

import "sort"

// Roles of a clause.
const (
	Responsible = "responsible" // 责任单位, …负责
	Lead        = "lead"        // 牵头单位, …牵头
	Support     = "support"     // 配合单位, 参与单位, 协助单位
)

// Clause is one statement of who is responsible.
type Clause struct {
	Units     []string // bodies as written, split: 市发展改革委, 市已生健康委
	Canonical []string // same order, repaired and aliased: 市卫生健康委
	Role      string   // Responsible, Lead or Support
	Start     int      // rune span of the clause as it stands
	End       int
	UnitSpans [][2]int // rune span of each unit as written

	firstLeads bool // the first unit is marked as the lead: 市发展改革委(牵头)、…
}

// Find returns the responsibility clauses of text, in order of Start.
func Find(text string) []Clause {
	return find(foldWidth([]rune(text)))
}

// FindRunes is Find on text already decoded to runes, which it does not
// change: offsets are indexes into rs.
func FindRunes(rs []rune) []Clause {
	if needsFold(rs) {
		rs = foldWidth(append([]rune(nil), rs...))
	}
	return find(rs)
}

func find(rs []rune) []Clause {
	v := load()
	labelled := v.labelClauses(rs)
	out := labelled
	out = append(out, v.bracketClauses(rs, labelled)...)
	taken := out[:len(out):len(out)] // what appending to out leaves unchanged
	out = append(out, v.sentenceClauses(rs, taken)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	trimOverlaps(rs, out)
	return v.splitLeads(rs, out)
}

// splitLeads splits a clause whose bracket notes that its first body leads
// (首位为牵头部门), or whose first body is marked so (市发展改革委(牵头)、…): the first body becomes a lead clause, the others keep
// the clause's role.
func (v *vocab) splitLeads(rs []rune, cs []Clause) []Clause {
	if len(cs) == 0 {
		return nil
	}
	splits := 0
	for _, c := range cs {
		if v.leadsFirst(rs, c) {
			splits++
		}
	}
	if splits == 0 {
		return cs
	}
	out := make([]Clause, 0, len(cs)+splits)
	for _, c := range cs {
		if !v.leadsFirst(rs, c) {
			out = append(out, c)
			continue
		}
		lead := Clause{Role: Lead, Start: c.Start, End: c.UnitSpans[0][1],
			Units: c.Units[:1], Canonical: c.Canonical[:1], UnitSpans: c.UnitSpans[:1]}
		rest := Clause{Role: c.Role, Start: c.UnitSpans[1][0], End: c.End,
			Units: c.Units[1:], Canonical: c.Canonical[1:], UnitSpans: c.UnitSpans[1:]}
		out = append(out, lead, rest)
	}
	return out
}

// leadsFirst: c is split by splitLeads.
func (v *vocab) leadsFirst(rs []rune, c Clause) bool {
	return len(c.Units) >= 2 && c.Role != Lead && (c.firstLeads || v.hasLeadNote(rs, c))
}

// hasLeadNote: a lead note stands after the clause's last body, before its
// bracket closes.
func (v *vocab) hasLeadNote(rs []rune, c Clause) bool {
	from := c.UnitSpans[len(c.UnitSpans)-1][1]
	for p := from; p < len(rs) && p < from+maxNoteGap; p++ {
		if rs[p] == ')' || rs[p] == '。' || rs[p] == '\n' {
			return false
		}
		for _, n := range v.notes {
			if hasAt(rs, p, len(rs), n) {
				return true
			}
		}
	}
	return false
}

// maxNoteGap bounds the distance from a list's last body to its note.
const maxNoteGap = 16

// trimOverlaps ends a clause where the next one starts: a sentence clause
// runs to the end of its sentence, but 市卫生健康委牵头,市财政局配合 is two.
func trimOverlaps(rs []rune, cs []Clause) {
	for i := 0; i+1 < len(cs); i++ {
		next := cs[i+1].Start
		if cs[i].End <= next {
			continue
		}
		end := next
		for end > cs[i].Start && isSoftEnd(rs[end-1]) {
			end--
		}
		last := cs[i].Start
		if n := len(cs[i].UnitSpans); n > 0 {
			last = cs[i].UnitSpans[n-1][1]
		}
		if end < last {
			end = last
		}
		cs[i].End = end
	}
}

func isSoftEnd(r rune) bool {
	switch r {
	case ',', ' ', '\t', '、':
		return true
	}
	return false
}

// addAll adds items, making room for them at once.
func (c *Clause) addAll(items []item) {
	if len(c.Units) == 0 && len(items) > 0 {
		c.Units = make([]string, 0, len(items))
		c.Canonical = make([]string, 0, len(items))
		c.UnitSpans = make([][2]int, 0, len(items))
	}
	for _, it := range items {
		c.add(it)
	}
}

func (c *Clause) add(it item) {
	if it.lead && len(c.Units) == 0 {
		c.firstLeads = true
	}
	c.Units = append(c.Units, it.written)
	c.Canonical = append(c.Canonical, it.canon)
	c.UnitSpans = append(c.UnitSpans, [2]int{it.start, it.end})
}

// needsFold reports whether foldWidth would change rs.
func needsFold(rs []rune) bool {
	for _, r := range rs {
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 {
			return true
		}
	}
	return false
}

// foldWidth maps full-width ASCII forms and the ideographic space to their
// half-width runes, one for one, so offsets are unchanged. The caller has
// normally done this already; the recognisers only look at half-width.
func foldWidth(rs []rune) []rune {
	for i, r := range rs {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			rs[i] = r - 0xFEE0
		case r == 0x3000:
			rs[i] = ' '
		}
	}
	return rs
}
