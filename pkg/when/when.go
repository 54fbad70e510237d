// Package when finds deadlines in plan documents — "到2025年", "2021年底前",
// "“十四五”末", "2023年3月", "今年" — and reads dates into the periods they
// name.
//
// Input is normalised text (half-width digits and punctuation, simplified
// characters). Offsets are rune offsets into it. Every word matched comes
// from dict/deadlines.txt.
package when

import (
	"time"
)

// Context is what a document says about its own time.
type Context struct {
	DocYear int // year the document was issued (0 unknown): 今年, 年底前, 明年 resolve against it
	// PlanStart, PlanEnd: the plan period if known (e.g. 2021, 2025), for
	// "规划期末"; PlanStart also tells past years from deadlines when
	// DocYear is unknown. 0 when unknown.
	PlanStart, PlanEnd int
}

// Deadline is one deadline expression.
type Deadline struct {
	Text       string // as written: "到2025年", "2021年底前", "“十四五”末", "2023年3月", "今年", "到2025年年底"
	Start, End int    // rune span of Text
	Date       string // ISO last day: 2025-12-31, 2023-03-31; "" when it cannot be resolved
	Year       int    // the year of Date (0 when unresolved)
}

type candKind int

const (
	kindDate    candKind = iota // "2025年", "今年", "2023年3月"
	kindPlan                    // "“十四五”末"
	kindPlanRel                 // "规划期末"
	kindBare                    // "年底前", "年内"
)

type candidate struct {
	kind       candKind
	start, end int  // with any "前"/"以前", without prefixes
	e          expr // kindDate
	year       int  // kindPlan
	by         bool // ends in "前", "以前", "内"…
	not        bool // ends in "起", "以来"…: not a deadline
}

// Find returns the deadline expressions in text, left to right.
//
// A date is a deadline unless it is inside a title (《…2021年重点工作任务》),
// is one end of a span (2023—2025年), is a full date with a day and nothing
// that makes it due (signature and publication lines: 2021年11月15日,
// 2020年04月15日09:53), is a baseline or a start (较2015年末, 从2021年起,
// 今年以来), or lies before the document's year (2019年,…完成了; "十三五"
// 期间 in a 2021 plan). A five-year plan's name counts when its end or
// period is meant ("十四五"末, "十四五"期间), not when it names a plan
// ("十四五"卫生健康事业发展规划) or an era ("十四五"时期是…).
func Find(text string, ctx Context) []Deadline {
	v := load()
	rs := []rune(text)
	inTitle := v.titleMask(rs)
	var out []Deadline
	for i := 0; i < len(rs); {
		c, ok := v.candidateAt(rs, i)
		if !ok {
			i++
			continue
		}
		if d, keep := v.judge(rs, c, ctx, inTitle); keep {
			out = append(out, d)
		}
		i = max(c.end, i+1)
	}
	return out
}

// candidateAt reads whatever may be a deadline at rs[i].
func (v *vocab) candidateAt(rs []rune, i int) (c candidate, ok bool) {
	// a five-year plan, maybe quoted: “十四五”末
	j := i
	closer, quoted := v.quote[rs[j]]
	if quoted {
		j++
	}
	if p, n, hit := v.plan.at(rs, j); hit {
		j += n
		if quoted {
			if j >= len(rs) || rs[j] != closer {
				return c, false
			}
			j++
		}
		if _, n, hit := v.planEnd.at(rs, j); hit {
			c = candidate{kind: kindPlan, start: i, end: j + n, year: p.last}
			return v.withAfter(rs, c), true
		}
		return c, false
	}
	if quoted {
		return c, false
	}
	if _, n, hit := v.planRel.at(rs, i); hit {
		return v.withAfter(rs, candidate{kind: kindPlanRel, start: i, end: i + n}), true
	}
	// a date: not in the middle of a number ("20232025年")
	if i == 0 || !v.isNumeral(rs[i-1]) {
		if e, hit := v.scanDate(rs, i, false); hit && (e.hasYear || e.month > 0) {
			return v.withAfter(rs, candidate{kind: kindDate, start: i, end: e.end, e: e}), true
		}
	}
	if _, n, hit := v.bare.at(rs, i); hit {
		if i > 0 && (v.notBefore[rs[i-1]] || v.isNumeral(rs[i-1])) {
			return c, false // "三年内", "每年底"
		}
		return v.withAfter(rs, candidate{kind: kindBare, start: i, end: i + n}), true
	}
	return c, false
}

// withAfter takes in a following "前", "以前", "内" (by) or notes a "起",
// "以来" (not).
func (v *vocab) withAfter(rs []rune, c candidate) candidate {
	if role, n, hit := v.after.at(rs, c.end); hit {
		switch role {
		case "by":
			c.by = true
			c.end += n
		case "not":
			c.not = true
		}
	}
	return c
}

// judge decides whether a candidate is a deadline and resolves it.
func (v *vocab) judge(rs []rune, c candidate, ctx Context, inTitle []bool) (d Deadline, keep bool) {
	if c.not || inTitle[c.start] {
		return d, false
	}
	if c.kind == kindDate && c.e.hasYear && c.e.rel == nil && v.inRange(rs, c) {
		return d, false
	}
	start := c.start
	cued := false
	for k := 0; k < 2; k++ { // "力争到2025年": 到 (text), then 力争 (cue)
		role, n, hit := v.prefix.endingAt(rs, start)
		if !hit {
			break
		}
		if role == "not" {
			return d, false
		}
		cued = true
		if role != "text" {
			break
		}
		start -= n
	}
	year := 0
	base := time.Date(max(ctx.DocYear, 1), 1, 1, 0, 0, 0, 0, time.UTC)
	var last time.Time
	switch c.kind {
	case kindDate:
		e := c.e
		switch {
		case e.rel != nil && (!e.rel.find || e.rel.off < 0):
			return d, false // 去年, 当年: not the document's deadline
		case e.day > 0 && !cued && !c.by:
			return d, false // a dated line: 2021年11月15日, 2020年04月15日09:53
		case !e.hasYear && !c.by:
			return d, false // 4月14日,…会议召开: an event, not a deadline
		}
		if (e.rel != nil || !e.hasYear) && ctx.DocYear == 0 {
			break // 今年 with no document year: found, not resolved
		}
		_, l, ok := e.resolve(base)
		if !ok {
			return d, false
		}
		last, year = l, l.Year()
	case kindPlan:
		year = c.year
	case kindPlanRel:
		year = ctx.PlanEnd
	case kindBare:
		year = ctx.DocYear
	}
	if year > 0 && last.IsZero() {
		last = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	ref := ctx.DocYear
	if ref == 0 {
		ref = ctx.PlanStart
	}
	if year > 0 && ref > 0 && year < ref {
		return d, false // the past: 2019年,…完成了; "十三五"期间 in a 2021 plan
	}
	d = Deadline{Text: string(rs[start:c.end]), Start: start, End: c.end, Year: year}
	if year > 0 {
		d.Date = last.Format("2006-01-02")
	}
	return d, true
}

// inRange says whether a year is one end of a span: "2023—2025年",
// "2021年至2025年" — a plan's period, not a deadline.
func (v *vocab) inRange(rs []rune, c candidate) bool {
	// left: YYYY[年]<sep> before it
	if k := c.start - 1; k >= 0 && v.rangeSep[rs[k]] {
		k--
		if k >= 0 {
			if kind, n, hit := v.mark.endingAt(rs, k+1); hit && kind == "year" {
				k -= n
			}
		}
		if k >= 3 && isDigit(rs[k]) && isDigit(rs[k-1]) && isDigit(rs[k-2]) && isDigit(rs[k-3]) {
			return true
		}
	}
	// right: <sep>YYYY after it
	if k := c.e.end; k+1 < len(rs) && v.rangeSep[rs[k]] && v.isNumeral(rs[k+1]) {
		return true
	}
	return false
}

// titleMask marks the runes inside a title (《…》) closed on the same line.
func (v *vocab) titleMask(rs []rune) []bool {
	mask := make([]bool, len(rs)+1)
	open := -1
	var closer rune
	for i, r := range rs {
		switch {
		case r == '\n':
			open = -1
		case open < 0:
			if cl, ok := v.title[r]; ok {
				open, closer = i, cl
			}
		case r == closer:
			for k := open; k <= i; k++ {
				mask[k] = true
			}
			open = -1
		}
	}
	return mask
}
