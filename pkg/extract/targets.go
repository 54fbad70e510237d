package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/number"
)

// candidate is a number in a sentence that may be a target, with what the
// recogniser worked out about it. Offsets are runes in the body view.
type candidate struct {
	q          number.Quantity // offsets shifted to the view
	unit       string
	unitClass  string
	comparator string
	end        int // end of number, unit and trailing bound word
	indStart   int // indicator span
	indEnd     int
	indSuffix  string // words appended to the indicator (增长)
	indPrefix  string // the subject carried from the clause before (…占地区生产总值比重)
	vpStart    int    // >indStart: the indicator reads verb phrase + 的 + noun (see reorder)
	measure    span   // where the measure word of the unit stands
	// fused, fusedAs: a word of the indicator that fuses two items
	// (城乡) and the item this figure takes (城镇 or 农村).
	fused        span
	fusedAs      string
	baseline     *float64
	baselineYear *int
	merged       bool // consumed as another candidate's baseline
}

// isClauseBreak ends the stretch of text an indicator can come from.
func isClauseBreak(r rune) bool {
	switch r {
	case ',', ';', ':', '。', '!', '?', '\n', '●', '■', '◆', '★', '】', '【':
		return true
	}
	return false
}

// candidates finds the numbers of sentence s that are targets.
func (x *extractor) candidates(s span) []*candidate {
	v := loadVocab()
	x.quantities = number.AppendScanRunes(x.quantities[:0], x.runes[s.start:s.end])
	qs := x.quantities
	// The sentence's candidates live in one buffer, reused from sentence
	// to sentence: a candidate is done with once its target is made.
	if cap(x.candBuf) < len(qs) {
		x.candBuf = make([]candidate, len(qs))
	}
	out := x.candOut[:0]
	x.mentionEnds = x.mentionEnds[:0]
	for i, q := range qs {
		x.checkBudget()
		q.Start += s.start
		q.End += s.start
		q.NumStart += s.start
		q.NumEnd += s.start
		c := &x.candBuf[i]
		*c = candidate{q: q, end: q.End}
		x.readUnit(c, v)
		if x.notTarget(c, s, v) {
			// A date ends the text an indicator may come from; an age
			// inside a name (3岁以下婴幼儿托位数) or a count of kinds
			// (项目11类46个) does not.
			// Nor does a grade or a name (危险等级为1.1级的工房现场操作人员,
			// 5G基站, 1+X证书).
			grade := c.unitClass == "grade" || strings.HasPrefix(x.rest(c.end, 1), "级") ||
				startsWithAny(x.rest(c.q.NumEnd, 1), "级甲乙+GgAaKkX")
			if c.unitClass != "time" && c.unitClass != "kind" && !grade {
				x.mentionEnds = append(x.mentionEnds, x.skipDate(c.end))
			}
			continue
		}
		x.mentionEnds = append(x.mentionEnds, c.end)
		out = append(out, c)
	}
	x.mergeBaselines(out)
	var prev *candidate
	for _, c := range out {
		if c.merged {
			continue
		}
		x.findIndicator(c, s, v, prev)
		prev = c
	}
	x.distributeLists(out)
	x.candOut = out
	return out
}

// skipDate moves past the date words after a number that is a date
// (2015年末), so that an indicator does not start inside them.
func (x *extractor) skipDate(pos int) int {
	for pos < len(x.runes) && strings.ContainsRune("年月日号末底", x.runes[pos]) {
		pos++
	}
	return pos
}

// readUnit reads the unit after the number and any bound word after it.
func (x *extractor) readUnit(c *candidate, v *vocab) {
	q := c.q
	rest := x.rest(c.end, 8)
	switch {
	case q.Percent != "":
		c.unit, c.unitClass = q.Percent, "rate"
	case q.Per != "":
		c.unit, c.unitClass = q.Per, "rate"
		if m := v.unitsByFirst.prefixIn(rest); m != "" && v.unitClass[m] == "count" {
			c.unit += m
			c.measure = span{c.end, c.end + runeLen(m)}
			c.end += runeLen(m)
		}
	default:
		m := v.unitsByFirst.prefixIn(rest)
		// A multiplier may be followed by a bound word before the measure
		// word (8万余例次): the number package kept 余 in the mention.
		c.unit = q.Multiplier + m
		c.unitClass = v.unitClass[m]
		if m == "" && q.Multiplier != "" {
			c.unitClass = "count"
		}
		c.measure = span{c.end, c.end + runeLen(m)}
		c.end += runeLen(m)
		// A measure word the vocabulary lacks, after a multiplier:
		// "732.5亿斤，", "6248万羽、" — one Han character that ends the
		// clause or a bound (不是 15.89万因病致贫人口, where a noun follows).
		if m == "" && q.Multiplier != "" {
			r, ok := x.runeAt(c.end)
			next, _ := x.runeAt(c.end + 1)
			if ok && isHan(r) && !strings.ContainsRune(notMeasure, r) && (!isHan(next) || strings.ContainsRune("以左余多", next)) {
				m = string(r)
				c.unit, c.unitClass = q.Multiplier+m, "count"
				c.measure = span{c.end, c.end + 1}
				c.end++
			}
		}
		// A compound unit: 万吨/年, 元/月, 发/吨, 微克/立方米.
		if m != "" && strings.HasPrefix(x.rest(c.end, 1), "/") {
			if per := v.perUnits.prefixIn(x.rest(c.end+1, 4)); per != "" {
				c.unit += "/" + per
				c.unitClass = "other"
				c.end += 1 + runeLen(per)
			}
		}
		// An alternative measure in brackets belongs to the unit:
		// 万套(间), 条(个).
		if m != "" {
			if alt := v.unitsByFirst.prefixIn(strings.TrimPrefix(x.rest(c.end, 6), "(")); alt != "" && strings.HasPrefix(x.rest(c.end, 6), "("+alt+")") {
				c.unit += "(" + alt + ")"
				c.measure.end += runeLen(alt) + 2
				c.end += runeLen(alt) + 2
			}
		}
	}
	c.comparator = normaliseComparator(q.Comparator, q.IsRange)
	// "6人(含)以下": the bracket says the bound itself is included.
	incl := 0
	if strings.HasPrefix(x.rest(c.end, 3), "(含)") {
		incl = 3
	}
	if b := prefixIn(x.rest(c.end+incl, 4), v.afterWords); b != "" {
		if c.comparator == "" || c.comparator == "=" {
			c.comparator = normaliseComparator(v.afterBound[b], q.IsRange)
		}
		c.end += incl + runeLen(b)
	}
	if c.comparator == "" {
		c.comparator = "="
	}
}

// notMeasure holds characters that follow a multiplier without being a
// measure word (900亿元以上 has 元; 3万以上, 2亿的, 10万左右 have none).
const notMeasure = "的和及与或以左余多等是为在至到、了上下内外前后中并且而其每"

// runeAt returns the body rune at pos.
func (x *extractor) runeAt(pos int) (rune, bool) {
	if pos < 0 || pos >= len(x.runes) {
		return 0, false
	}
	return x.runes[pos], true
}

// unitAsWritten gives the unit in the document's own characters (個, 萬),
// width-folded: the multiplier and the measure word are read back from the
// original at their places.
func (x *extractor) unitAsWritten(c *candidate) string {
	q := c.q
	if c.unit == "" || c.unit == q.Percent {
		return c.unit
	}
	var b strings.Builder
	if q.Per != "" {
		mention := x.text(q.Start, q.End)
		if i := strings.Index(mention, q.Per); i >= 0 {
			ps := q.Start + runeLen(mention[:i])
			b.WriteString(x.foldedQuote(ps, ps+runeLen(q.Per)))
		} else {
			b.WriteString(q.Per)
		}
	} else if q.Multiplier != "" {
		b.WriteString(x.foldedQuote(q.NumEnd-runeLen(q.Multiplier), q.NumEnd))
	}
	if c.measure.end > c.measure.start {
		b.WriteString(x.foldedQuote(c.measure.start, c.measure.end))
	}
	return b.String()
}

// foldedQuote is the original text of a view span, width-folded.
func (x *extractor) foldedQuote(start, end int) string {
	q := x.quote(start, end)
	var b strings.Builder
	b.Grow(len(q))
	for _, r := range q {
		b.WriteRune(normalize.FoldRune(r))
	}
	return b.String()
}

func normaliseComparator(c string, isRange bool) string {
	if isRange {
		return "range"
	}
	switch c {
	case ">":
		return ">="
	case "<":
		return "<="
	}
	return c
}

// notTarget applies the rules that say a number is not a target.
func (x *extractor) notTarget(c *candidate, s span, v *vocab) bool {
	q := c.q
	after := x.rest(q.NumEnd, 3)
	afterUnit := x.rest(c.end, 8)
	before := x.back(q.NumStart, 2)
	raw := x.text(q.NumStart, q.NumEnd)
	switch {
	case x.inDeadline(q.NumStart, q.NumEnd):
		return true
	case len(raw) > 1 && raw[0] == '0' && raw[1] >= '0' && raw[1] <= '9':
		return true // "00%": a code or an OCR misreading (【00% for 100%)
	case q.Percent == "" && q.Per == "" && startsWithAny(after, "年月日号时点") && c.unit == "":
		return true // a date
	case strings.HasSuffix(before, "第") || strings.HasSuffix(x.back(q.NumStart, 3), "连续") || x.isTopRank(q.NumStart):
		return true // a rank or a streak: 第5位, 连续13年, 排名前15家
	case q.Percent == "" && startsWithAny(after, "级甲乙+GgAaKkX"):
		return true // a grade, a level, 5G, 1+X
	case strings.HasSuffix(before, "+"):
		return true
	case x.inQuotes(q.NumStart, s):
		return true // a programme name: "四所医院", "1335"工作布局
	case c.unitClass == "time" && startsName(afterUnit):
		return true // an age or duration inside a name: 3岁以下婴幼儿
	case c.unitClass == "kind":
		return true // how many kinds: 11类, 30种大病
	case c.unitClass == "score" || c.unitClass == "grade" || strings.HasPrefix(afterUnit, "级"):
		return true // points in an assessment (（0.5分）), a grade (500千伏, 10万吨级)
	case strings.HasSuffix(before, "×") || strings.HasSuffix(before, "届") || x.inFormula(s):
		return true // 7×24小时, a session (十二届八次), a formula (分值=日常监测(60%)+…)
	case x.isSubsidyRule(c, s, v):
		return true // an award or subsidy rule: 最高奖励500万元, 按…的10%给予补助
	case c.unitClass == "count" && x.countsMeasures(c.end, v):
		return true // how many measures follow: 7个方面, 17项健康促进行动
	case q.IsRange && isYear(q.Value) && isYear(q.ValueMax):
		return true // a span of years: 2023-2025年
	case c.unit == "" && q.Percent == "" && q.Per == "":
		if q.Chinese || isYear(q.Value) || (q.Comparator == "" && !growthBefore(x.back(q.Start, 4))) {
			return true
		}
		if strings.HasPrefix(after, "、") || strings.HasPrefix(after, ".") {
			return true // a list number
		}
	}
	return false
}

// isTopRank says whether the number after 前 counts a rank's top places
// (排名前15家生产企业, 位居全国前10位), not things to reach.
func (x *extractor) isTopRank(pos int) bool {
	if !strings.HasSuffix(x.back(pos, 1), "前") {
		return false
	}
	b := x.back(pos-1, 4)
	return strings.Contains(b, "排名") || strings.Contains(b, "居") || strings.Contains(b, "排") || strings.Contains(b, "进入")
}

// inFormula says whether sentence s is a formula: 年度考评分值=(上半年考评
// 分值+下半年考评分值)÷2, 完成率=实际完成数/计划数×100%.
func (x *extractor) inFormula(s span) bool { return x.facts(s).formula }

// isSubsidyRule says whether a sum or share is a rule for awarding money
// rather than a goal: its clause names an award or subsidy and how it is
// given (给予一次性奖补100万元, 最高500万元, 按设备购置额的10%给予补助).
// The words are data: dict/kind_cues.txt, kinds "award" and "award_how".
func (x *extractor) isSubsidyRule(c *candidate, s span, v *vocab) bool {
	if c.unitClass != "money" && c.q.Percent == "" {
		return false
	}
	from, to := x.clauseStart(c.q.Start), x.clauseEnd(c.end)
	clause := x.text(from, to)
	before := x.text(max(from, c.q.Start-4), c.q.Start)
	return (v.hasCue("award", clause) && v.hasCue("award_how", clause)) ||
		(strings.HasSuffix(before, "最高") && x.sentenceCue(s, "award", &x.facts(s).awardCue))
}

// countsMeasures says whether the noun phrase after a count names measures,
// aspects or kinds (7个方面, 10项重点任务, 17项健康促进行动).
func (x *extractor) countsMeasures(pos int, v *vocab) bool {
	end := x.clauseEnd(pos)
	np := x.text(pos, min(end, pos+16))
	if prefixIn(np, v.countNouns) != "" {
		return true
	}
	for _, w := range v.countNouns {
		if runeLen(w) >= 2 && strings.HasSuffix(np, w) {
			return true
		}
	}
	return false
}

// startsName says whether text continues a noun after an age or duration
// (以下婴幼儿, 再住院率), rather than ending the clause.
func startsName(text string) bool {
	t := text
	for _, w := range []string{"及以上", "及以下", "以上", "以下", "以内", "内"} {
		if strings.HasPrefix(t, w) {
			t = strings.TrimPrefix(t, w)
			break
		}
	}
	for _, r := range t {
		return unicode.Is(unicode.Han, r) && !strings.ContainsRune("左右", r)
	}
	return false
}

// isGrowthVerb says whether s is only a verb of change (增长, 增加4443张's 增加).
func isGrowthVerb(s string) bool {
	s = strings.TrimPrefix(s, "分别")
	for _, w := range growthVerbs {
		if s == w {
			return true
		}
	}
	return false
}

// growthVerbs are the verbs of change a figure's indicator may end in.
var growthVerbs = []string{"增长", "下降", "增加", "减少", "提高", "降低", "上升"}

// boundBefore applies a bound word that stands a few words before the
// number (至少配备1名, 不少于…): the number package only sees adjacent ones.
func (x *extractor) boundBefore(c *candidate, from int, v *vocab) {
	if c.comparator != "=" {
		return
	}
	pre := x.text(max(from, c.q.Start-10), c.q.Start)
	for _, w := range v.looseBounds {
		if strings.Contains(pre, w[0]) {
			c.comparator = w[1]
			return
		}
	}
}

func growthBefore(s string) bool {
	for _, w := range []string{"增长", "下降", "增加", "减少", "提高", "降低", "达", "为"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func isYear(v float64) bool { return v >= 1900 && v <= 2100 && v == float64(int(v)) }

// inQuotes says whether pos lies inside a short quotation or book title in
// sentence s: numbers there name programmes, not targets.
func (x *extractor) inQuotes(pos int, s span) bool {
	for i := pos - 1; i >= s.start && pos-i <= 20; i-- {
		switch x.runes[i] {
		case '”', '》', '"':
			return false
		case '“', '《':
			// Pages close “ with a straight quote too (“一件事").
			for j := pos; j < s.end && j-pos <= 20; j++ {
				if x.runes[j] == '”' || x.runes[j] == '》' || x.runes[j] == '"' {
					return true
				}
			}
			return false
		}
	}
	return false
}

// mergeBaselines folds "从X提升到Y" into one candidate: value Y, baseline X.
func (x *extractor) mergeBaselines(cs []*candidate) {
	for i := 0; i+1 < len(cs); i++ {
		a, b := cs[i], cs[i+1]
		between := x.text(a.end, b.q.NumStart)
		// "由2010年的14.82%增加到2015年的22.45%": the years are the
		// figures' own, not words between them.
		short := between
		if y := firstYear(short); y > 0 {
			short = strings.Replace(short, strconv.Itoa(y)+"年", "", 1)
		}
		if strings.ContainsAny(between, ",;。") || runeLen(short) > 8 {
			continue
		}
		if !strings.Contains(between, "到") && !strings.Contains(between, "至") {
			continue
		}
		from := x.clauseStart(a.q.Start)
		pre := x.text(from, a.q.Start)
		if !strings.Contains(pre, "从") && !strings.Contains(pre, "由") {
			continue
		}
		base := a.q.Value
		b.baseline = &base
		a.merged = true
		b.q.Start = a.q.Start
		if b.unit == "" {
			b.unit, b.unitClass = a.unit, a.unitClass
		}
		if b.comparator == "range" {
			b.comparator = "="
		}
	}
}

// clauseStart returns where the clause holding pos begins.
func (x *extractor) clauseStart(pos int) int {
	depth := 0
	for i := pos - 1; i >= 0; i-- {
		if i < pos-maxClause {
			return i + 1
		}
		r := x.runes[i]
		switch {
		case r == ')':
			depth++
		case r == '(':
			if depth == 0 {
				return i + 1
			}
			depth--
		case isClauseBreak(r) || x.isPeriodBetweenHan(i):
			return i + 1
		}
	}
	return 0
}

// isPeriodBetweenHan says whether the rune at i is an ASCII full stop
// between Chinese characters: OCR's reading of 。 ("能力水平.二级及以上").
func (x *extractor) isPeriodBetweenHan(i int) bool {
	return x.runes[i] == '.' && i > 0 && i+1 < len(x.runes) &&
		unicode.Is(unicode.Han, x.runes[i-1]) && unicode.Is(unicode.Han, x.runes[i+1])
}

// clauseEnd returns where the clause holding pos ends.
func (x *extractor) clauseEnd(pos int) int {
	depth := 0
	for i := pos; i < len(x.runes); i++ {
		if i >= pos+maxClause {
			return i
		}
		r := x.runes[i]
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth == 0 {
				return i
			}
			depth--
		case isClauseBreak(r) || x.isPeriodBetweenHan(i) || r == '、' && depth == 0 && i > pos && x.numberFollows(i+1):
			return i
		}
	}
	return len(x.runes)
}

// numberFollows says whether a number starts at pos (a list of figures:
// 51.6%、68.8%).
func (x *extractor) numberFollows(pos int) bool {
	return pos < len(x.runes) && x.runes[pos] >= '0' && x.runes[pos] <= '9'
}

// findIndicator chooses the indicator: the noun phrase before the number
// (人均预期寿命达到77.3岁), or the one after the measure word when the
// text before is only a verb (建设20个市级区域医疗中心) or a scope word.
func (x *extractor) findIndicator(c *candidate, s span, v *vocab, prev *candidate) {
	preStart := x.clauseStart(c.q.Start)
	numStart := c.q.Start
	// "进出口总额由2010年的3.41亿美元增长到2015年的4.97亿美元": what changed
	// is named before 由 or 从, and a year after it is the baseline's.
	if c.baseline != nil {
		for i := c.q.Start - 1; i >= preStart; i-- {
			if x.runes[i] == '由' || x.runes[i] == '从' {
				numStart = i
				if y := firstYear(x.rest(i+1, 6)); y > 0 {
					c.baselineYear = &y
				}
				break
			}
		}
	}
	preStart = max(preStart, x.lastBoundaryBefore(numStart, preStart))
	x.boundBefore(c, preStart, v)
	// "37.4%、44.9%和38.6%": a figure after a list separator shares the
	// indicator of the figure before it (distributeLists may split it).
	if prev != nil && prev.indEnd > prev.indStart && strings.Trim(x.text(prev.end, c.q.Start), "、和及与 ") == "" && prev.end < c.q.Start {
		c.indStart, c.indEnd, c.indSuffix, c.vpStart = prev.indStart, prev.indEnd, prev.indSuffix, prev.vpStart
		return
	}
	preStart, preEnd := x.trim(preStart, numStart, v)
	// "全市各级各类医疗卫生机构共有床位17658张": what is counted follows the
	// verb of having — unless it is a rate's own wording
	// (每千人口拥有3岁以下婴幼儿托位数).
	if k := lastIndexAny(x.text(preStart, preEnd), v.having); k >= 0 && preEnd-preStart-k > 1 && x.runes[preStart] != '每' {
		preStart += k
	}
	// "较2015年增长5.6%" after "总诊疗服务人次1264.2万人次": the clause holds
	// only a verb, so the figure is the previous indicator's growth.
	// ("分别增长" is left to distributeLists.)
	if pre := x.text(preStart, preEnd); prev != nil && prev.indEnd > prev.indStart && isGrowthVerb(pre) && !strings.HasPrefix(pre, "分别") {
		c.indStart, c.indEnd = prev.indStart, prev.indEnd
		// "工业炸药产量减少70万吨，下降16%": the noun without its verb.
		for _, w := range growthVerbs {
			if strings.HasSuffix(x.text(c.indStart, c.indEnd), w) && c.indEnd-c.indStart > runeLen(w) {
				c.indEnd -= runeLen(w)
				break
			}
		}
		c.indSuffix = x.quote(preStart, preEnd)
		return
	}
	// "海洋经济增加值超过900亿元，占地区生产总值比重升至12%": a share
	// without its subject takes the previous figure's indicator.
	if prev != nil && prev.indEnd > prev.indStart && preEnd > preStart && x.runes[preStart] == '占' && prev.end <= preStart {
		c.indPrefix = prev.indPrefix + x.quote(prev.indStart, prev.indEnd)
	}
	postStart := c.end
	// "全市新增2400户(累计约3600户)大中型餐饮单位": a note in brackets
	// stands between the count and its noun.
	if r, ok := x.runeAt(postStart); ok && r == '(' {
		for k := postStart + 1; k < len(x.runes) && k < postStart+30; k++ {
			if x.runes[k] == ')' {
				postStart = k + 1
				break
			}
		}
	}
	postEnd := x.clauseEnd(postStart)
	if next := x.nextNumber(postStart, postEnd); next >= 0 {
		postEnd = next
	}
	postStart, postEnd = x.trim(postStart, postEnd, v)
	for _, w := range v.postTail {
		if strings.HasSuffix(x.text(postStart, postEnd), w) && runeLen(w) < postEnd-postStart {
			postEnd -= runeLen(w)
			break
		}
	}
	pre := x.text(preStart, preEnd)
	core := pre
	for {
		w := v.scope.prefixIn(core)
		if w == "" {
			break
		}
		core = strings.TrimPrefix(core, w)
	}
	untrimmed := x.text(preStart, numStart) // 在现有38项: 有 is trimmed from pre
	verb := v.verbs.suffixIn(pre) != "" || v.verbs.suffixIn(untrimmed) != ""
	// "A、B等3个X": the list names examples of X, the thing counted.
	enumerated := strings.HasSuffix(x.text(preStart, c.q.Start), "等")
	// "166个镇卫生院、15个社区卫生服务中心": the text before this count is
	// the previous count's noun, so this count's noun follows it too.
	afterCount := prev != nil && prev.indStart >= prev.end && prev.indStart <= preStart && prev.indEnd >= preEnd
	usePost := postEnd > postStart && (core == "" || enumerated || afterCount || (verb && c.unitClass == "count") ||
		c.end < len(x.runes) && x.runes[c.end] == '的')
	if usePost {
		c.indStart, c.indEnd = postStart, postEnd
		c.vpStart = x.verbPhraseStart(postStart, postEnd)
		return
	}
	c.indStart, c.indEnd = preStart, preEnd
}

// verbPhraseStart finds, in a noun phrase that follows a count ("2所医院
// 通过“三甲”复审"), where a verb phrase begins, so that the indicator can
// read as the annotators and researchers write it: 通过“三甲”复审的医院.
// It returns -1 when the phrase has no verb after a noun.
func (x *extractor) verbPhraseStart(start, end int) int {
	v := loadVocab()
	p := x.runes[start:end]
	for i := 2; i < len(p); i++ {
		w := v.predicateList.prefixIn(x.text(start+i, end))
		// Two characters before 了 are a verb the list lacks (落实了).
		if w == "" && i+2 < len(p) && p[i+2] == '了' && isHan(p[i]) && isHan(p[i+1]) && !v.predicates[string(p[i+1:i+3])] {
			w = string(p[i : i+2])
		}
		if w == "" || v.notPredicate.suffixIn(x.text(start, start+i+runeLen(w))) != "" {
			continue
		}
		// The noun phrase must end in a noun: not an attribute (市级,
		// 二级), a conjunction or a mark; and a 的 after the verb means
		// the phrase already reads verb + 的 + noun (政府举办的卫生院).
		if prev := p[i-1]; !(isHan(prev) || prev == ')') || strings.ContainsRune("级的和及与或等、", prev) {
			return -1
		}
		if strings.ContainsRune(string(p[i+runeLen(w):]), '的') {
			return -1
		}
		// Adverbs and verbs just before it belong to the verb phrase
		// (基本建成, 提质改造), as long as two characters stay before them.
		for i >= 4 {
			if m := v.verbLead.suffixIn(x.text(start, start+i)); m != "" && i-runeLen(m) >= 2 {
				i -= runeLen(m)
				continue
			}
			break
		}
		return start + i
	}
	return -1
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// suffixIn returns the longest word of words that s ends with.
func suffixIn(s string, words []string) string {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// lastIndexAny returns the rune offset in s just after the last of words
// found in it, or -1.
func lastIndexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	if best < 0 {
		return -1
	}
	return runeLen(s[:best])
}

// containsAny says whether s holds any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// distributeLists gives each figure of "A、B和C分别增长x%、y%和z%" its own
// item of the list as indicator.
func (x *extractor) distributeLists(cs []*candidate) {
	for i := 0; i < len(cs); {
		c := cs[i]
		if c.merged || c.indEnd <= c.indStart {
			i++
			continue
		}
		// 分别 may stand in the indicator (分别增长) or after it, trimmed
		// with the verb (产销量分别为12万吨、11.5万吨).
		end := c.indEnd
		if c.indStart < c.q.Start && end < c.q.Start {
			end = c.q.Start
		}
		ind := x.text(c.indStart, end)
		k := strings.Index(ind, "分别")
		if k < 0 {
			i++
			continue
		}
		// The run of figures that share this indicator.
		j := i + 1
		for j < len(cs) && cs[j].indStart == c.indStart {
			j++
		}
		subjectEnd := c.indStart + runeLen(ind[:k])
		items := x.splitList(c.indStart, subjectEnd)
		tails := x.sharedTail(items)
		// "卫生技术人员20300人,其中执业(助理)医师6306人、注册护士7978人,
		// 较2015年末分别增长37.4%、44.9%、38.6%": no subject, so the figures
		// before are the list.
		if len(items) == 0 && i >= j-i {
			for n := i - (j - i); n < i; n++ {
				items = append(items, span{cs[n].indStart, cs[n].indEnd})
				tails = append(tails, cs[n].indSuffix)
			}
		}
		// "城乡居民人均可支配收入分别增长4.4%、5.6%": one subject fusing
		// two items gives each figure its own.
		if len(items) == 1 && j-i == 2 {
			if at, word, parts := x.fusedPair(items[0]); word != "" {
				for n := 0; n < 2; n++ {
					cs[i+n].fused, cs[i+n].fusedAs = span{at, at + runeLen(word)}, parts[n]
				}
				items = []span{items[0], items[0]}
				tails = []string{"", ""}
			}
		}
		if len(items) == j-i {
			verb := strings.TrimPrefix(ind[k:], "分别")
			verbStart := subjectEnd + runeLen("分别")
			for n, it := range items {
				cs[i+n].indStart, cs[i+n].indEnd = it.start, it.end
				cs[i+n].indSuffix = tails[n]
				if isGrowthVerb(verb) {
					cs[i+n].indSuffix += x.quote(verbStart, verbStart+runeLen(verb))
				}
			}
		}
		i = j
	}
}

// fusedPair finds in an item a word fusing two (城乡 → 城镇, 农村).
func (x *extractor) fusedPair(it span) (at int, word string, parts [2]string) {
	text := x.text(it.start, it.end)
	for _, f := range loadVocab().fused {
		if k := strings.Index(text, f[0]); k >= 0 {
			return it.start + runeLen(text[:k]), f[0], [2]string{f[1], f[2]}
		}
	}
	return 0, "", parts
}

// sharedTail gives each item of a list the head noun that only its last
// item carries: 工业、服务业用电量 → 用电量 for 工业; 刑事、治安案件 → 案件
// for 刑事. The head starts after the last item's counterpart of the first
// item's final character (业 in 服务业), else, as parallel items are
// written alike, after as many characters as the first item has.
func (x *extractor) sharedTail(items []span) []string {
	tails := make([]string, len(items))
	if len(items) < 2 {
		return tails
	}
	first, last := items[0], items[len(items)-1]
	if last.end-last.start <= first.end-first.start {
		return tails
	}
	lastRunes := x.runes[last.start:last.end]
	at := -1
	for k, r := range lastRunes[:len(lastRunes)-1] {
		if r == x.runes[first.end-1] {
			at = k + 1
			break
		}
	}
	if at < 0 {
		at = first.end - first.start
	}
	tail := x.quote(last.start+at, last.end)
	for n := range items[:len(items)-1] {
		if strings.Contains(x.quote(items[n].start, items[n].end), tail) {
			return make([]string, len(items))
		}
		tails[n] = tail
	}
	return tails
}

// splitList cuts [start, end) at 、 和 及 与.
func (x *extractor) splitList(start, end int) []span {
	var items []span
	from := start
	for i := start; i <= end; i++ {
		if i == end || strings.ContainsRune("、和及与", x.runes[i]) {
			if i > from {
				items = append(items, span{from, i})
			}
			from = i + 1
		}
	}
	return items
}

// lastBoundaryBefore returns the end of the last deadline phrase or number
// mention inside [from, pos), so an indicator does not swallow them.
func (x *extractor) lastBoundaryBefore(pos, from int) int {
	best := from
	if x.deadlinesSorted {
		if k := x.deadlinesEndingBy(pos); k > 0 {
			best = max(best, x.deadlines[k-1].end)
		}
	} else {
		for _, d := range x.deadlines {
			if d.end <= pos && d.end > best {
				best = d.end
			}
		}
	}
	for _, e := range x.mentionEnds {
		if e <= pos && e > best {
			best = e
		}
	}
	return best
}

// nextNumber returns the start of the first digit in [from, to), or -1.
func (x *extractor) nextNumber(from, to int) int {
	for i := from; i < to; i++ {
		if x.runes[i] >= '0' && x.runes[i] <= '9' {
			return i
		}
	}
	return -1
}

// trim narrows [start, end) by the head and tail words of indicator_trim.
func (x *extractor) trim(start, end int, v *vocab) (int, int) {
	for changed := true; changed && start < end; {
		changed = false
		for start < end && (unicode.IsSpace(x.runes[start]) || strings.ContainsRune("“”\"'、", x.runes[start]) && start+1 < end && x.runes[start] == '、') {
			start++
			changed = true
		}
		if w := v.trimHead.prefixIn(x.text(start, end)); w != "" && runeLen(w) < end-start && v.keepHead.prefixIn(x.text(start, end)) == "" {
			start += runeLen(w)
			changed = true
		}
		for end > start && unicode.IsSpace(x.runes[end-1]) {
			end--
			changed = true
		}
		s := x.text(start, end)
		for _, w := range v.trimTail.endingLike(s) {
			if strings.HasSuffix(s, w) && runeLen(w) < end-start {
				end -= runeLen(w)
				changed = true
				break
			}
		}
	}
	return start, end
}

// inDeadline says whether [s, e) overlaps a deadline phrase.
func (x *extractor) inDeadline(s, e int) bool {
	if x.deadlinesSorted {
		// The first deadline ending after s starts first of those that
		// do: one overlaps [s, e) if it does.
		i := x.deadlinesEndingBy(s)
		return i < len(x.deadlines) && x.deadlines[i].start < e
	}
	for _, d := range x.deadlines {
		if s < d.end && d.start < e {
			return true
		}
	}
	return false
}

// rest returns up to n runes of the view from pos.
func (x *extractor) rest(pos, n int) string {
	return x.text(pos, pos+n)
}

// back returns up to n runes of the view before pos.
func (x *extractor) back(pos, n int) string {
	return x.text(pos-n, pos)
}

// startsWithAny says whether s's first rune is one of chars.
func startsWithAny(s, chars string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size > 0 && strings.ContainsRune(chars, r)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
