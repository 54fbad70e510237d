// Package when finds deadlines in plan documents — "到2025年", "2021年底前",
// "“十四五”末", "2023年3月", "今年" — and reads dates into the periods they
// name.
//
// Input is normalised text (half-width digits and punctuation, simplified
// characters). Offsets are rune offsets into it. Every word matched comes
// from dict/deadlines.txt.
package when

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/normalize"
)

// Context is what a document says about its own time.
type Context struct {
	DocYear int // year the document was issued (0 unknown): 今年, 年底前, 明年 resolve against it
	// PlanStart, PlanEnd: the plan period if known (e.g. 2021, 2025), for
	// "规划期末"; PlanStart also tells past years from deadlines when
	// DocYear is unknown. 0 when unknown.
	PlanStart, PlanEnd int
	// Title is the document's own title (normalised), "" when unknown. A
	// line that is the title holds no deadline ("2026年四川省人民政府工作报告"),
	// except the plan's own period after its name ("行动计划(2021—2023年)":
	// when the plan ends). A title with one year names the year a yearly
	// plan or report is for: a month written without a year ("5月底完成")
	// falls in it.
	Title string
}

// Deadline is one deadline expression.
type Deadline struct {
	Text       string // as written: "到2025年", "2021年底前", "“十四五”末", "2023年3月", "今年", "到2025年年底"
	Start, End int    // rune span of Text
	Date       string // ISO last day: 2025-12-31, 2023-03-31; "" when it cannot be resolved
	Year       int    // the year of Date (0 when unresolved)
	// Period: a five-year plan named by its period ("“十四五”期间"), or the
	// years ahead inside a sentence ("一方面,未来五年国家在…"). In a review
	// or background section it describes the setting, not a due date;
	// InBackground tells such sections by their headings.
	Period bool
}

type candKind int

const (
	kindDate    candKind = iota // "2025年", "今年", "2023年3月"
	kindPlan                    // "“十四五”末"
	kindPlanRel                 // "规划期末"
	kindBare                    // "年底前", "年内"
	kindAhead                   // "今后五年", "未来五年"
	kindWithin                  // "5年内" after an "X年起N年内"
	kindPart                    // "二季度", "上半年" with no year written
)

type candidate struct {
	kind       candKind
	start, end int  // with any "前"/"以前", without prefixes
	e          expr // kindDate
	year       int  // kindPlan
	by         bool // ends in "前", "以前", "内"…
	not        bool // ends in "起", "以来"…: not a deadline
	since      bool // ends in "起", "开始": a start year (not ends past it)
	years      int  // kindAhead, kindWithin: the number of years
	part       span // kindPart
}

// frame is what Find knows of the document while it reads it.
type frame struct {
	ctx        Context
	titles     []runeSpan // inside 《…》, ascending
	titleLines []runeSpan // the lines that are the document's title, ascending
	yearOf     int        // the year of a date written without one (0 unknown)
	since      int        // the last start year read ("2020年起"), 0 none
	sinceAt    int        // where it was read
	spanFrom   int        // the start year of the last "X年起N年内", 0 none

	formulaLine runeSpan // the line inFormula last read
	isFormula   bool     // whether it holds =
	sinceEndOf  int      // the sinceAt whose sentence end sinceEnd is, -1 none
	sinceEnd    int
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
	return FindRunes([]rune(text), ctx)
}

// FindRunes is Find on text already decoded ([]rune(text)), for a caller
// that holds the runes; offsets are the same. rs is not modified.
func FindRunes(rs []rune, ctx Context) []Deadline {
	v := load()
	f := &frame{ctx: ctx, titles: v.titleSpans(rs), titleLines: titleLineSpans(rs, ctx.Title), sinceEndOf: -1}
	f.yearOf = v.titleYear(ctx.Title)
	if f.yearOf == 0 {
		f.yearOf = ctx.DocYear
	}
	var out []Deadline
	for i := 0; i < len(rs); {
		if !v.starts.has(rs[i]) {
			i++ // no candidate begins with this rune
			continue
		}
		c, ok := v.candidateAt(rs, i)
		if !ok {
			i++
			continue
		}
		if c.since {
			if d, end, ok := v.sinceSpan(rs, c, f); ok {
				out = append(out, d)
				i = end
				continue
			}
		}
		if d, keep := v.judge(rs, c, f); keep {
			out = append(out, d)
		}
		i = max(c.end, i+1)
	}
	return out
}

// sinceSpan reads a start year and what follows it: "2012年起5年内" is a
// deadline, the span's last year (2016-12-31), and it makes a later bare
// "5年内" count from 2012; "2020年起,每年1月底前" makes the yearly date start
// in 2020. It returns the deadline and where reading resumes.
func (v *vocab) sinceSpan(rs []rune, c candidate, f *frame) (d Deadline, resume int, ok bool) {
	if c.kind != kindDate || !c.e.hasYear || c.e.rel != nil || c.e.short {
		return d, 0, false
	}
	year := c.e.year
	f.since, f.sinceAt = year, c.start
	_, n, _ := v.after.at(rs, c.end)
	j := c.end + n
	if j < len(rs) && rs[j] == ',' {
		j++
	}
	years, end, hit := v.yearsWithin(rs, j)
	if !hit {
		return d, 0, false
	}
	f.spanFrom = year
	start := c.start
	if role, m, hit := v.prefix.endingAt(rs, start); hit && role == "not" {
		start -= m // 从2012年起5年内
	}
	last := year + years - 1
	return Deadline{Text: string(rs[start:end]), Start: start, End: end, Year: last,
		Date: fmt.Sprintf("%04d-12-31", last)}, end, true
}

// yearsWithin reads "N年内" (N a number of years) at rs[j].
func (v *vocab) yearsWithin(rs []rune, j int) (years, end int, ok bool) {
	n, k, hit := v.readSmall(rs, j)
	if !hit || n < 1 {
		return 0, 0, false
	}
	if kind, m, hit := v.mark.at(rs, j+k); !hit || kind != "year" {
		return 0, 0, false
	} else {
		k += m
	}
	_, m, hit := v.within.at(rs, j+k)
	if !hit {
		return 0, 0, false
	}
	return n, j + k + m, true
}

// runeSpan is the runes [start, end).
type runeSpan struct{ start, end int }

// covers reports whether one of spans (ascending, disjoint) holds rune i.
func covers(spans []runeSpan, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].end > i })
	return k < len(spans) && spans[k].start <= i
}

// titleLineSpans gives the lines whose text, less spaces around it, is the
// title.
func titleLineSpans(rs []rune, title string) []runeSpan {
	title = strings.TrimSpace(title)
	if title == "" || !utf8.ValidString(title) {
		return nil // runes spell valid UTF-8 only: no line equals it
	}
	want := []rune(title)
	n := len(want)
	var out []runeSpan
	for a := 0; a < len(rs); {
		b := a
		for b < len(rs) && rs[b] != '\n' {
			b++
		}
		// only lines of about the title's length are compared (indent, CR)
		if b-a >= n && b-a <= n+titlePad && slices.Equal(trimSpaceRunes(rs[a:b]), want) {
			out = append(out, runeSpan{a, b})
		}
		a = b + 1
	}
	return out
}

// trimSpaceRunes is strings.TrimSpace on runes.
func trimSpaceRunes(rs []rune) []rune {
	for len(rs) > 0 && unicode.IsSpace(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// titlePad bounds the indentation and line end around a title line.
const titlePad = 8

// titleYear is the year a yearly document is for: the one year its title
// names ("包头市2022年数字政府建设考评办法"), 0 when it names none, several or
// a span.
func (v *vocab) titleYear(title string) int {
	rs := []rune(title)
	if a, _ := v.planPeriod(rs); a > 0 {
		return 0
	}
	year := 0
	for i := range rs {
		if i > 0 && isDigit(rs[i-1]) {
			continue
		}
		if y, _, _, ok := v.readYear(rs, i, false); ok {
			if year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	return year
}

// candidateAt reads whatever may be a deadline at rs[i].
func (v *vocab) candidateAt(rs []rune, i int) (c candidate, ok bool) {
	// a five-year plan, maybe quoted: “十四五”末
	j := i
	closer, quoted := v.quote.get(rs[j])
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
		if onlyQuoted, n, hit := v.planEnd.at(rs, j); hit && (!onlyQuoted || quoted && namesPeriod(rs, i, j+n)) {
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
	// a date, or N年内: not in the middle of a number ("20232025年")
	if i == 0 || !v.isNumeral(rs[i-1]) {
		if e, hit := v.scanDate(rs, i, false); hit && (e.hasYear || e.month > 0) {
			return v.withAfter(rs, candidate{kind: kindDate, start: i, end: e.end, e: e}), true
		}
		if v.isNumeral(rs[i]) {
			if years, end, ok := v.yearsWithin(rs, i); ok {
				return candidate{kind: kindWithin, start: i, end: end, years: years, by: true}, true
			}
		}
	}
	if _, n, hit := v.ahead.at(rs, i); hit {
		if years, k, ok := v.readSmall(rs, i+n); ok && years >= 1 {
			if kind, m, ok := v.mark.at(rs, i+n+k); ok && kind == "year" {
				return v.withAfter(rs, candidate{kind: kindAhead, start: i, end: i + n + k + m, years: years}), true
			}
		}
	}
	if p, n, hit := v.yearPart.at(rs, i); hit && !p.end && (i == 0 || !v.isNumeral(rs[i-1]) && !v.notBefore.has(rs[i-1])) {
		return v.withAfter(rs, candidate{kind: kindPart, start: i, end: i + n, part: p}), true
	}
	if _, n, hit := v.bare.at(rs, i); hit {
		if i > 0 && (v.notBefore.has(rs[i-1]) || v.isNumeral(rs[i-1])) {
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
		case "since":
			c.not, c.since = true, true
		}
	}
	return c
}

// judge decides whether a candidate is a deadline and resolves it.
func (v *vocab) judge(rs []rune, c candidate, f *frame) (d Deadline, keep bool) {
	ctx := f.ctx
	if c.kind == kindDate && c.e.hasYear && c.e.rel == nil && v.inRange(rs, c) {
		if from, ok := v.ownPeriod(rs, c, ctx); ok && !c.not {
			return Deadline{Text: string(rs[from:c.end]), Start: from, End: c.end, Year: ctx.PlanEnd,
				Date: fmt.Sprintf("%04d-12-31", ctx.PlanEnd)}, true
		}
		return d, false
	}
	if c.not || covers(f.titles, c.start) {
		return d, false
	}
	if c.kind == kindDate && c.e.rel != nil && f.inFormula(rs, c.start) {
		return d, false // 年度考评分值=(本年度上半年考评分值+…)÷2: a term, not a deadline
	}
	if c.kind == kindDate && c.e.rel == nil && covers(f.titleLines, c.start) {
		return d, false // the year a title names; a headline's 今年 is the news's year
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
		case !e.hasYear && (e.day > 0 || e.hasMRel) && !c.by:
			return d, false // 4月14日,…会议召开: an event, not a deadline
		case !e.hasYear && !c.by && e.part == nil && !cued && !opensClause(rs, c.start):
			return d, false // 打造“新十二月市”: a name, not a month
		}
		b := base
		if !e.hasYear {
			// 5月底完成 in a yearly plan: that year; 每年1月底前 after 2020年起:
			// first due in 2020.
			y := f.yearOf
			if _, _, every := v.every.endingAt(rs, c.start); every && f.since > 0 && f.sinceSentence(rs, c.start) {
				y = f.since
			}
			if y == 0 {
				break // no year to read it in: found, not resolved
			}
			b = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		} else if e.rel != nil && ctx.DocYear == 0 {
			break // 今年 with no document year: found, not resolved
		}
		_, l, ok := e.resolve(b)
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
	case kindAhead:
		// 今后五年 in a 2026 report: 2026–2030
		from := ctx.DocYear
		if from == 0 {
			from = ctx.PlanStart
		}
		if from > 0 {
			year = from + c.years - 1
		}
	case kindPart:
		// 二季度完成, 上半年前: in a yearly plan, that year's quarter; not
		// a term of a formula (年度分值=(上半年分值+下半年分值)÷2).
		if !c.by && !cued && !opensClause(rs, c.start) || f.inFormula(rs, c.start) || f.yearOf == 0 {
			return d, false
		}
		year = f.yearOf
		last = time.Date(year, time.Month(c.part.to)+1, 0, 0, 0, 0, 0, time.UTC)
	case kindWithin:
		if f.spanFrom == 0 {
			return d, false // 三年内: a duration, no start year to count from
		}
		year = f.spanFrom + c.years - 1
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
	// A span of years ahead that opens its paragraph ("未来五年,为适应…")
	// frames what follows even in a background section; inside a sentence
	// there ("一方面,未来五年国家在…持续投入") it is a forecast.
	period := c.kind == kindPlan || c.kind == kindAhead && start > 0 && rs[start-1] != '\n'
	d = Deadline{Text: string(rs[start:c.end]), Start: start, End: c.end, Year: year, Period: period}
	if year > 0 {
		d.Date = last.Format("2006-01-02")
	}
	return d, true
}

// ownPeriod says whether the span of years ending at c is the plan's own
// period written after its name ("安徽省工业互联网创新发展行动计划(2021-2023年)",
// in the notice's title, in 《》 or on the title line): the plan runs until
// its last day. It returns where the span starts. Another plan's period
// ("《健康中国行动(2019-2030年)》") is not the document's deadline.
func (v *vocab) ownPeriod(rs []rune, c candidate, ctx Context) (from int, ok bool) {
	if ctx.PlanEnd == 0 || c.e.year != ctx.PlanEnd || ctx.Title == "" {
		return 0, false
	}
	from = c.start - 1 // the separator
	if from-4 < 0 {
		return 0, false
	}
	k := from
	if kind, n, hit := v.mark.endingAt(rs, k); hit && kind == "year" {
		k -= n
	}
	y := 0
	for _, r := range rs[k-4 : k] {
		if !isDigit(r) {
			return 0, false
		}
		y = y*10 + int(r-'0')
	}
	from = k - 4
	if y != ctx.PlanStart || from < 2 || rs[from-1] != '(' || c.end >= len(rs) || rs[c.end] != ')' {
		return 0, false
	}
	if r := rs[from-2]; r == '\n' || r == '\r' {
		return 0, false // a title wrapped before its period: the period is the title's
	}
	// the name before the bracket is the title's: all of it, or back to
	// where the title's own name starts (after 关于印发, a joint 和)
	name := strings.SplitN(ctx.Title, "(", 2)[0]
	nrs := []rune(name)
	a, k2 := from-1, len(nrs)
	for a > 0 && k2 > 0 && rs[a-1] == nrs[k2-1] {
		a, k2 = a-1, k2-1
	}
	whole := k2 == 0
	ownStart := (a == 0 || !isHan(rs[a-1])) && (k2 == 0 || v.nameJoint.has(nrs[k2-1]) || !isHan(nrs[k2-1]))
	if from-1-a < 2 || !(whole || ownStart) {
		return 0, false
	}
	return from, true
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
}

// namesPeriod says whether a quoted plan's 时期 at rs[start:end] sets its
// period: as the time of its clause, followed by a break or a quote
// ("“十三五”时期,面对…", "明确了“十五五”时期“经济增长…”等重要目标"), or heading
// a short line, a table's title or cell ("“十三五”时期民爆行业发展主要目标",
// "“十三五”时期零发生"). Inside running text it qualifies a noun
// ("规划推进“十四五”时期临床专科能力建设").
func namesPeriod(rs []rune, start, end int) bool {
	if end >= len(rs) {
		return true
	}
	switch rs[end] {
	case ',', '。', ';', ':', '“', '"', '\n', '\r', ' ':
		return true
	}
	// the line's ends are looked for no further than a short line
	// reaches, so a page-long line costs no more than a short one
	a, b := start, end
	for a > 0 && rs[a-1] != '\n' {
		if a--; b-a > shortLine {
			return false
		}
	}
	for b < len(rs) && rs[b] != '\n' && rs[b] != '\r' {
		if b++; b-a > shortLine {
			return false
		}
	}
	return b-a <= shortLine
}

// shortLine is the longest line that is a heading or a table cell.
const shortLine = 40

// opensClause: rs[i] starts a clause ("(12月取得明显成效", ",6月份完成").
func opensClause(rs []rune, i int) bool {
	if i == 0 {
		return true
	}
	switch rs[i-1] {
	case '(', ',', '。', ';', ':', '、', '\n', ' ', '\t':
		return true
	}
	return false
}

// inFormula: the line at i is a formula (it holds =). The last line read
// is kept: candidates come left to right, so each line is read once, not
// once per candidate on it.
func (f *frame) inFormula(rs []rune, i int) bool {
	if i < f.formulaLine.start || i >= f.formulaLine.end {
		a, b := i, i
		for a > 0 && rs[a-1] != '\n' {
			a--
		}
		for b < len(rs) && rs[b] != '\n' {
			b++
		}
		f.formulaLine = runeSpan{a, b}
		f.isFormula = slices.Contains(rs[a:b], '=')
	}
	return f.isFormula
}

// sinceSentence: no sentence end or line break between the last start year
// read and b. Where the start year's sentence ends is found once.
func (f *frame) sinceSentence(rs []rune, b int) bool {
	if f.sinceEndOf != f.sinceAt {
		f.sinceEndOf, f.sinceEnd = f.sinceAt, len(rs)
		for k := f.sinceAt; k < len(rs); k++ {
			if r := rs[k]; r == '。' || r == '\n' || r == '!' || r == '?' {
				f.sinceEnd = k
				break
			}
		}
	}
	return f.sinceEnd >= b
}

// InBackground says whether a heading path (pkg/extract's "一、发展背景 >
// (二)面临形势") opens a review of the past or the setting, where a plan's
// period ("“十四五”期间,我省将…") sets no deadline.
// The path may be quoted from a traditional original (面臨的形勢): it is
// compared simplified.
func InBackground(path string) bool {
	path = normalize.ToSimplified(path)
	for _, w := range load().background {
		if strings.Contains(path, w) {
			return true
		}
	}
	return false
}

// inRange says whether a year is one end of a span: "2023—2025年",
// "2021年至2025年" — a plan's period, not a deadline.
func (v *vocab) inRange(rs []rune, c candidate) bool {
	// left: YYYY[年]<sep> before it
	if k := c.start - 1; k >= 0 && v.rangeSep.has(rs[k]) {
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
	if k := c.e.end; k+1 < len(rs) && v.rangeSep.has(rs[k]) && v.isNumeral(rs[k+1]) {
		return true
	}
	return false
}

// titleSpans gives the titles (《…》) closed on the line they open on.
func (v *vocab) titleSpans(rs []rune) []runeSpan {
	var out []runeSpan
	open := -1
	var closer rune
	openers := v.titleOpen // a local copy stays in registers
	for i, r := range rs {
		switch {
		case r == '\n':
			open = -1
		case open < 0:
			if openers.has(r) {
				open = i
				closer, _ = v.title.get(r)
			}
		case r == closer:
			out = append(out, runeSpan{open, i + 1})
			open = -1
		}
	}
	return out
}
