package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
)

// yearMark is a year that the text sets as the time of what follows:
// "2019年," opening a paragraph, a line "2020年", "“十三五”期间".
type yearMark struct {
	pos  int
	year int
	// paragraph: the mark opens a paragraph (or is a line of its own) and
	// governs what follows; a mark inside a paragraph governs only its
	// sentence ("近年来…。2022年,全市三孩生育登记3905例").
	paragraph bool
}

// A year opens a stretch of text ("2019年,按照…", a line "2020年",
// "截至2020年底,全市…") when it stands at a text, sentence or item start
// and is followed by a pause or a scope word. Read by hand, not with a
// regular expression: it runs at every 年 of every document.
var (
	yearLeads   = []string{"截止到", "截至", "截止"}
	yearParts   = []string{"年底", "年末", "全年", "底", "末"}
	periodWords = []string{"期间", "时期", "以来"} // two runes each (findYearMarks)
	yearFollows = []string{",", " ", "\t", "\n", "以来", "我市", "全市", "全省"}
)

// yearOpening returns the year whose 年 is at byte i of text, if it opens
// a stretch of text, and the byte offset of its digits; clause says it
// opens a clause after a comma instead ("与2013年峰值相比，2015年工业炸药
// 产量减少70万吨"), which the caller takes only for a past year.
func yearOpening(text string, i int) (year, at int, clause, ok bool) {
	d := i - 4
	if d < 0 || (d > 0 && text[d-1] >= '0' && text[d-1] <= '9') {
		return 0, 0, false, false
	}
	for k := d; k < i; k++ {
		if text[k] < '0' || text[k] > '9' {
			return 0, 0, false, false
		}
	}
	y, _ := strconv.Atoi(text[d:i])
	before := text[:d]
	// "2012～2015年,年均增长…": a span of years speaks of its last one.
	for _, sep := range []string{"～", "~", "—", "-", "–", "至", "到"} {
		if b := strings.TrimSuffix(before, sep); b != before && len(b) >= 4 && strings.Trim(b[len(b)-4:], "0123456789") == "" {
			before = b[:len(b)-4]
			break
		}
	}
	for _, w := range yearLeads {
		if strings.HasSuffix(before, w) {
			before = strings.TrimSuffix(before, w)
			break
		}
	}
	before = strings.TrimRight(before, " \t\u00a0")
	r, _ := utf8.DecodeLastRuneInString(before)
	if r == ',' && !strings.HasPrefix(text[i+len("年"):], "底前") && !strings.HasPrefix(text[i+len("年"):], "前") {
		return y, d, true, true
	}
	if before != "" && !strings.ContainsRune("。\n;●■", r) {
		return 0, 0, false, false
	}
	after := text[i+len("年"):]
	for _, w := range yearParts {
		if strings.HasPrefix(after, w) {
			after = after[len(w):]
			break
		}
	}
	if after != "" && prefixIn(after, yearFollows) == "" {
		return 0, 0, false, false
	}
	return y, d, false, true
}

// findYearMarks lists the years the body sets as context, in order. Only
// years up to the document's own count: later ones are deadlines.
func (x *extractor) findYearMarks() []yearMark {
	v := loadVocab()
	view := x.doc.Body
	text := view.Text
	var marks []yearMark
	docTime := x.docYear
	if docTime == 0 && x.isPlan {
		docTime = x.period.Start
	}
	// "十三五"期间: a plan's name, an optional closing quote, a word of time.
	type periodMark struct {
		name int // index in v.periodNames
		mark yearMark
	}
	var found []periodMark
	// One pass over the runes: a year is four digits before 年, a plan's
	// name ends with one of their last runes (all end in 五).
	rs := x.runes
	for i, r := range rs {
		if r == '年' && i >= 4 && rs[i-1] >= '0' && rs[i-1] <= '9' {
			b := view.ByteOffset(i)
			y, at, clause, ok := yearOpening(text, b)
			if !ok || y < 1949 || (x.docYear > 0 && y > x.docYear) || (clause && (docTime == 0 || y >= docTime)) {
				continue
			}
			pos := view.RuneIndex(at)
			marks = append(marks, yearMark{pos, y, !clause && x.opensParagraph(pos)})
			continue
		}
		if !v.isPeriodLastRune(r) {
			continue
		}
		for n, name := range v.periodNameRunes {
			p := v.periods[v.periodNames[n]]
			start := i + 1 - len(name)
			if start < 0 || !slices.Equal(rs[start:i+1], name) || (x.docYear > 0 && p[1] >= x.docYear) {
				continue // not this name; or the current plan's period, whose figures are targets
			}
			j := i + 1 // past closing quotes
			for j < len(rs) && (rs[j] == '”' || rs[j] == '"') {
				j++
			}
			if prefixIn(x.text(j, j+2), periodWords) == "" { // the words are two runes long
				continue
			}
			found = append(found, periodMark{n, yearMark{start, p[1], x.opensParagraph(start)}})
		}
	}
	// In the order of names, then of places, as marks of one place keep it.
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		return a.name < b.name || a.name == b.name && a.mark.pos < b.mark.pos
	})
	for _, f := range found {
		marks = append(marks, f.mark)
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].pos < marks[j].pos })
	return marks
}

// opensParagraph says whether only spaces, quotes or bullets stand between
// the line start and pos.
func (x *extractor) opensParagraph(pos int) bool {
	for i := pos - 1; i >= 0; i-- {
		switch r := x.runes[i]; {
		case r == '\n':
			return true
		case r == ' ' || r == '\t' || r == '\u00a0' || strings.ContainsRune("“\"●■◆(截至止到", r):
		default:
			return false
		}
	}
	return true
}

// contextYear returns the year that governs pos and where it is named: a
// mark in its sentence, else the last paragraph-opening mark before it in
// its level-1 section; 0 when none.
func (x *extractor) contextYear(pos int, s span) (year, at int) {
	floor := 0
	for i := x.secs.at(pos); i >= 0; i-- {
		if x.secs.hs[i].level == 1 {
			floor = x.secs.hs[i].start
			break
		}
	}
	for i := sort.Search(len(x.years), func(i int) bool { return x.years[i].pos >= pos }) - 1; i >= 0; i-- {
		m := x.years[i]
		if m.pos < floor {
			break
		}
		if m.pos >= s.start || m.paragraph {
			return m.year, m.pos
		}
	}
	return 0, 0
}

// governingDeadline returns the deadline that governs pos: the last one
// before it in its paragraph, else the first one after it in its sentence.
func (x *extractor) governingDeadline(pos int, s span) *deadlineSpan {
	para := x.lineStart(pos)
	if x.deadlinesSorted {
		// Those ending by pos are the first k, and those of them
		// starting in the paragraph the last of these.
		for i := x.deadlinesEndingBy(pos) - 1; i >= 0 && x.deadlines[i].start >= para; i-- {
			if x.deadlines[i].d.Year > 0 {
				return &x.deadlines[i]
			}
		}
		for i := x.deadlinesStartingBefore(pos); i < len(x.deadlines) && x.deadlines[i].end <= s.end; i++ {
			if x.deadlines[i].d.Year > 0 {
				return &x.deadlines[i]
			}
		}
		return nil
	}
	var best *deadlineSpan
	for i := range x.deadlines {
		d := &x.deadlines[i]
		if d.end <= pos && d.start >= para && d.d.Year > 0 {
			best = d
		}
	}
	if best != nil {
		return best
	}
	for i := range x.deadlines {
		d := &x.deadlines[i]
		if d.start >= pos && d.end <= s.end && d.d.Year > 0 {
			return d
		}
	}
	return nil
}

// kindYear decides whether a figure is a goal or a reported one, for
// which year, and what said so. A deadline governing its clause decides
// first; then a year its sentence names; then the innermost time frame
// (frame.go), unless a year-opening paragraph stands nearer; then a plan's
// own period; news reports read their cue words.
func (x *extractor) kindYear(pos int, s span) (kind string, year int, deadline, from string) {
	v := loadVocab()
	clauseStart := x.clauseStart(pos)
	clause := x.text(clauseStart, x.clauseEnd(pos))
	yearly := x.yearly(pos, s)
	docTime := x.frames.docTime
	// 去年全省地区生产总值增长6%: the clause's own relative year, unless a
	// deadline stands in that clause too.
	d := x.governingDeadline(pos, s)
	if c, ok := x.frames.clauseCue(v, x.text(clauseStart, pos)); ok && (d == nil || d.start < clauseStart) {
		if c.mode == modeReview {
			return record.KindActual, c.year, "", "year"
		}
		return record.KindTarget, c.year, "", "year"
	}
	if d != nil {
		k := record.KindTarget
		if docTime > 0 && d.d.Year < docTime {
			k = record.KindActual
		}
		if yearly {
			return k, 0, x.quote(d.start, d.end), "deadline"
		}
		return k, d.d.Year, x.quote(d.start, d.end), "deadline"
	}
	ctxYear, markAt := x.contextYear(pos, s)
	past := ctxYear > 0 && docTime > 0 && ctxYear < docTime
	fr := x.frames.at(x, pos)
	framed := fr.mode != "" && fr.year > 0
	// A year named in the sentence, or opening a paragraph inside the
	// frame, is nearer than the frame.
	marked := ctxYear > 0 && (!framed || markAt >= s.start || markAt > fr.start)
	src := "frame"
	if fr.doc {
		src = "document"
	}
	switch {
	case framed && !marked && fr.mode == modeReview:
		return record.KindActual, fr.year, "", src
	case framed && !marked && v.hasCue("actual_in_plan", clause):
		// 在现有…62项“一站式”便民服务的基础上: where a plan starts from.
		return record.KindActual, fr.year, "", "cue"
	case framed && !marked && yearly:
		return record.KindTarget, 0, "", src
	case framed && !marked:
		return record.KindTarget, fr.year, "", src
	case framed && past:
		return record.KindActual, ctxYear, "", "year"
	case framed:
		return record.KindTarget, ctxYear, "", "year"
	}
	switch {
	case past:
		return record.KindActual, ctxYear, "", "year"
	case v.hasCue("actual", clause) && !v.hasCue("target", clause):
		return record.KindActual, ctxYear, "", "cue"
	case ctxYear == 0 && x.sentenceCue(s, "target", &x.facts(s).targetCue):
		if yearly {
			return record.KindTarget, 0, "", "cue"
		}
		return record.KindTarget, x.docYear, "", "cue"
	}
	return record.KindActual, ctxYear, "", "cue"
}

// yearly says whether a figure recurs every year, and so has no year:
// 每年 before it in its sentence ("每年选派10名…,选派100名…") — but a rate's
// 每人每年 only in its own clause ("财政补助标准每人每年不低于670元", not the
// next clause's "报销比例提高5个百分点").
func (x *extractor) yearly(pos int, s span) bool {
	f := x.facts(s)
	if f.plainYear >= 0 && f.plainYear+1 < pos {
		return true
	}
	// The last rate's 每年 before pos, if it is in pos's clause.
	i := sort.SearchInts(f.rateYears, pos-1) - 1
	return i >= 0 && f.rateYears[i] >= x.clauseStart(pos)
}

// proseTargets appends to out the targets of every sentence outside the
// tables; those naming nothing they measure are counted, not kept.
func (x *extractor) proseTargets(tables []table, out []record.Target) (_ []record.Target, unnamed int) {
	sents := x.sentences
	first := 0 // tables before it end before the sentence (both are in order)
	for _, s := range sents {
		x.checkBudget()
		for first < len(tables) && tables[first].end <= s.start {
			first++
		}
		if inTables(tables[first:], s) {
			continue
		}
		for _, c := range x.candidates(s) {
			x.mentionEnds = append(x.mentionEnds, c.end)
			if c.merged {
				continue
			}
			if t := x.target(c, s); t.Indicator != "" {
				out = append(out, t)
			} else {
				unnamed++
			}
		}
	}
	return out, unnamed
}

// inTables says whether a table of tables (in order of start) holds s.
func inTables(tables []table, s span) bool {
	for _, t := range tables {
		if t.start > s.start {
			break
		}
		if s.end <= t.end {
			return true
		}
	}
	return false
}

func (x *extractor) target(c *candidate, s span) record.Target {
	kind, year, deadline, from := x.kindYear(c.q.NumStart, s)
	start := min(c.indStart, c.q.Start)
	if c.indEnd <= c.indStart {
		start = c.q.Start
	}
	indicator, key := x.indicator(c)
	t := record.Target{
		// Cloned: a record must not hold a piece of the document's text
		// (it would keep the whole text alive while it waits its turn).
		Indicator:    strings.Clone(indicator),
		IndicatorKey: indicatorKey(key),
		Value:        c.q.Value,
		Unit:         x.unitAsWritten(c),
		Comparator:   c.comparator,
		Kind:         kind,
		Deadline:     deadline,
		YearFrom:     from,
		Baseline:     c.baseline,
		BaselineYear: c.baselineYear,
		Section:      x.secs.path(c.q.Start),
		Text:         x.boundedQuote(s, start, max(c.end, c.indEnd)),
		Source:       x.source(start, max(c.end, c.indEnd)),
	}
	if c.q.IsRange {
		vm := c.q.ValueMax
		t.ValueMax = &vm
	}
	if year > 0 {
		t.Year = &year
	}
	return t
}

// indicator returns the candidate's indicator as written and in the
// normalised text. A count before its noun and verb ("20家医院设置老年病科")
// reads verb phrase + 的 + noun (设置老年病科的医院), and a share of them
// adds 比例, as plans name such indicators.
func (x *extractor) indicator(c *candidate) (asWritten, normalised string) {
	if c.indEnd <= c.indStart {
		return "", ""
	}
	if c.fusedAs != "" {
		return x.quote(c.indStart, c.fused.start) + c.fusedAs + x.quote(c.fused.end, c.indEnd) + c.indSuffix,
			string(x.runes[c.indStart:c.fused.start]) + c.fusedAs + string(x.runes[c.fused.end:c.indEnd]) + c.indSuffix
	}
	if c.vpStart <= c.indStart || c.vpStart >= c.indEnd {
		return c.indPrefix + x.quote(c.indStart, c.indEnd) + c.indSuffix, normalize.ToSimplified(c.indPrefix) + string(x.runes[c.indStart:c.indEnd]) + c.indSuffix
	}
	dropLe := func(s string) string { return strings.Replace(s, "了", "", 1) }
	vp, np := x.quote(c.vpStart, c.indEnd), x.quote(c.indStart, c.vpStart)
	vpN, npN := string(x.runes[c.vpStart:c.indEnd]), string(x.runes[c.indStart:c.vpStart])
	ratio := ""
	if c.unit == "%" {
		ratio = "比例"
	}
	return dropLe(vp) + "的" + np + ratio, dropLe(vpN) + "的" + npN + ratio
}

// indicatorKey makes the key that lines an indicator up across documents:
// simplified and half-width, scope words and a bracketed unit dropped,
// synonyms folded to their canonical form.
func indicatorKey(s string) string {
	v := loadVocab()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(normalize.FoldRune(r))
	}
	k := normalize.ToSimplified(b.String())
	k = strings.TrimSpace(k)
	if m := unitSuffixIn(k); m != nil && isUnitWord(k[m[2]:m[3]]) {
		k = k[:m[0]]
	}
	for {
		w := v.scope.prefixIn(k)
		if w == "" || w == k {
			break
		}
		k = strings.TrimPrefix(k, w)
	}
	for _, syn := range v.synonyms {
		// A variant inside its canonical form (…医师 in …医师数) is
		// already folded when the key holds the canonical form.
		if strings.Contains(k, syn[0]) && !(strings.Contains(syn[1], syn[0]) && strings.Contains(k, syn[1])) {
			k = strings.Replace(k, syn[0], syn[1], 1)
			break
		}
	}
	return k
}
