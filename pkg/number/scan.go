package number

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Quantity is one number mention. All offsets are rune offsets into the
// text given to Scan.
type Quantity struct {
	// Start, End span the whole mention: bound words, 第, 百分之, the
	// number(s), 余, the multiplier, %, ‰ and /10万 — "不低于90%", "10-20",
	// "8万余".
	Start, End int
	// NumStart, NumEnd span the number(s) only, with their sign and
	// multiplier: "90" in 不低于90%, "1264.2万", "500余万", "10-20".
	NumStart, NumEnd int
	Value            float64 // as written, not multiplied: 1264.2万 → 1264.2
	ValueMax         float64 // the upper end of a range; 0 when not a range
	IsRange          bool
	// Multiplier is the 万, 亿, 千万, 万亿… after the number: 1264.2万人次 →
	// Value 1264.2, Multiplier "万". A Chinese numeral that ends in 万 or 亿
	// (三十万, 四千万) is read the same way: Value 30 or 4000, Multiplier 万.
	Multiplier string
	// Percent is "%" or "‰" (also "‱") when the number is a percentage or
	// a permille, written 50% or 百分之五十; "" otherwise. 5个百分点 is a
	// count of percentage points: the caller reads 个百分点 as a unit.
	Percent string
	// Per is a rate's denominator as written after the number: 9.39/10万 →
	// "/10万".
	Per string
	// Comparator is what the bound words say: ">=", "<=", ">", "<", "=",
	// "~" or, for a range, "range"; "" when there are none.
	Comparator string
	BoundWords []string // the words that set Comparator, left to right
	Chinese    bool     // written with Chinese numerals
	Ordinal    bool     // after 第: 第5位, 第十四个; Start is at 第
}

// core is a number with what sticks to it: a sign, 百分之, the multiplier
// and any 余 before it, %, ‰ and /10万.
type core struct {
	start, end       int // the whole core, with 百分之, %, /10万
	numStart, numEnd int // sign, numeral, 余 and multiplier
	runEnd           int // where to go on when the numeral is not a number
	value            float64
	mult             string
	approx           string // 余, 多 or 几 between the numeral and its multiplier
	pct, per         string
	pctBefore        bool // written 百分之X
	kind             readKind
	chinese, capital bool
	intDigits        int  // digits before 点 in a digit-by-digit reading
	hasPoint         bool // a decimal part
	hasZero          bool
	lead0            bool // an Arabic number with a leading zero: 09, 0912
}

type scanner struct {
	rs    []rune
	v     *vocab
	floor int     // the end of the previous mention: bound words stop there
	toks  []token // lex's buffer, reused from one numeral to the next
}

// scratch holds ScanRunes' mentions between calls (it is called once a
// sentence): they are copied out once, at the size found, instead of
// growing a new slice every call.
type scratch struct{ found []Quantity }

var scratchBuffers = sync.Pool{New: func() any { return &scratch{found: make([]Quantity, 0, 8)} }}

// tokenBuffers hold lex's buffers between calls.
var tokenBuffers = sync.Pool{New: func() any { b := make([]token, 0, 16); return &b }}

// Scan finds every number mention in text, left to right, non-overlapping.
// text is normalised: half-width digits and punctuation, simplified
// characters.
func Scan(text string) []Quantity {
	return ScanRunes([]rune(text))
}

// ScanRunes is Scan on text already decoded: offsets are indexes into rs,
// which may be a stretch of a larger text (nothing outside it is read).
// rs is not changed.
func ScanRunes(rs []rune) []Quantity {
	buf := scratchBuffers.Get().(*scratch)
	found := AppendScanRunes(buf.found[:0], rs)
	var out []Quantity
	if len(found) > 0 {
		out = slices.Clone(found)
	}
	clear(found) // drop the bound words' strings
	buf.found = found[:0]
	scratchBuffers.Put(buf)
	return out
}

// AppendScanRunes appends ScanRunes(rs)'s mentions to dst and returns the
// extended slice: a caller that scans sentence after sentence can reuse
// one buffer.
func AppendScanRunes(dst []Quantity, rs []rune) []Quantity {
	rs = rs[:len(rs):len(rs)]
	toks := tokenBuffers.Get().(*[]token)
	s := scanner{rs: rs, v: loadVocab(), toks: (*toks)[:0]}
	defer func() {
		*toks = s.toks[:0] // lex may have grown it
		tokenBuffers.Put(toks)
	}()
	for i := 0; i < len(rs); {
		r := rs[i]
		// Most runes start neither a mention nor a web address: one bit
		// test, no call.
		if !scanRunes.mayHold(r) {
			i++
			continue
		}
		if r == 'h' || r == 'w' {
			if e := urlEnd(rs, i); e > i {
				i = e
				continue
			}
		}
		if r != '第' && !mayStart(rs, i) {
			i++
			continue
		}
		q, next, ok := s.mention(i)
		if ok {
			dst = append(dst, q)
			s.floor = q.End
			i = q.End
			continue
		}
		i = max(next, i+1)
	}
	return dst
}

// mention reads the number mention that starts at i, or says where to look
// next.
func (s *scanner) mention(i int) (Quantity, int, bool) {
	rs := s.rs
	start, j := i, i
	ordinal := false
	if rs[i] == '第' {
		ordinal = true
		j++
	}
	if j >= len(rs) || !mayStart(rs, j) {
		return Quantity{}, i + 1, false
	}
	// Digits glued to Latin letters are names, not numbers: H7N9, PM2.5.
	if isASCIIDigit(rs[j]) && j > 0 && isASCIILetter(rs[j-1]) {
		return Quantity{}, alnumEnd(rs, j), false
	}
	// Digits after a slash are a denominator or a date part: the (/10万)
	// of a table heading, the 6/12 of 2023/6/12.
	if isASCIIDigit(rs[j]) && j > 0 && rs[j-1] == '/' {
		return Quantity{}, alnumEnd(rs, j), false
	}
	c, ok := s.readCore(j)
	if !ok {
		return Quantity{}, max(c.runEnd, i+1), false
	}
	if ordinal && (c.pct != "" || c.numStart != j) {
		ordinal = false // 第 then 百分之 or a sign: not an ordinal
		start = j
	}
	bWord, bCmp, bStart := s.boundBefore(start)

	if c.chinese && s.stopped(&c, start, ordinal) {
		return Quantity{}, max(c.runEnd, i+1), false
	}
	accepted := s.accept(&c, ordinal, bCmp)

	q := Quantity{
		Start: start, End: c.end,
		NumStart: c.numStart, NumEnd: c.numEnd,
		Value: c.value, Multiplier: c.mult, Percent: c.pct, Per: c.per,
		Chinese: c.chinese, Ordinal: ordinal,
	}
	if !ordinal {
		if second, end, ok := s.rangeFrom(&c, accepted); ok {
			q.IsRange, q.ValueMax = true, second.value
			q.NumEnd, q.End = second.numEnd, end
			q.Chinese = q.Chinese || second.chinese
			if q.Multiplier == "" {
				q.Multiplier = second.mult
			}
			if q.Percent == "" {
				q.Percent = second.pct
			}
			if q.Per == "" {
				q.Per = second.per
			}
			accepted = true
		}
	}
	if !accepted {
		return Quantity{}, max(c.runEnd, i+1), false
	}

	cmp := ""
	var words [3]string // the bound words, gathered before one allocation
	n := 0
	if bWord != "" {
		q.Start = bStart
		words[n] = bWord
		n++
		cmp = bCmp
	}
	if c.approx != "" && !q.IsRange {
		words[n] = c.approx
		n++
		cmp = combine(cmp, "~")
	}
	if aWord, aCmp, ok := s.v.after.prefixAt(rs, q.End); ok && aCmp != "range" && aCmp != "none" {
		words[n] = aWord
		n++
		q.End += utf8.RuneCountInString(aWord)
		cmp = combine(cmp, aCmp)
	}
	if n > 0 {
		q.BoundWords = slices.Clone(words[:n])
	}
	if q.IsRange {
		cmp = "range"
	}
	q.Comparator = cmp
	return q, q.End, true
}

// mayStart says whether a number can start at p: a digit, a Chinese
// numeral, a sign, 百分之, or a leading decimal point.
func mayStart(rs []rune, p int) bool {
	r := rs[p]
	if !startRunes.mayHold(r) {
		return false
	}
	if r == '.' {
		return p+1 < len(rs) && isASCIIDigit(rs[p+1])
	}
	return isASCIIDigit(r) || isNeg(r) || r == '-' || r == '−' || r == '廿' || r == '卅' || isNumeralRune(r)
}

// startRunes holds every rune a number can start with (a '.' only when a
// digit follows), so that mayStart rejects the other runes with one bit
// test; scanRunes adds what else ScanRunes stops at: 第 and the first
// letters of a web address.
var startRunes, scanRunes = func() (*runeBits, *runeBits) {
	var start runeBits
	for _, r := range "0123456789负負-−廿卅." {
		start.add(r)
	}
	// isNumeralRune's runes: the keys of the value tables.
	for r := range digitVal {
		start.add(r)
	}
	for r := range unitVal {
		start.add(r)
	}
	scan := start
	for _, r := range "第hw" {
		scan.add(r)
	}
	return &start, &scan
}()

// readCore reads a number at j with what sticks to it. On failure runEnd
// says where to go on.
func (s *scanner) readCore(j int) (core, bool) {
	rs := s.rs
	n := len(rs)
	c := core{start: j, runEnd: j + 1}
	p := j
	if sign, w := percentPrefixAt(rs, p); sign != "" {
		c.pct, c.pctBefore = sign, true
		p += w
	}
	c.numStart = p
	neg := false
	switch {
	case p < n && isNeg(rs[p]) && p+1 < n && numeralRune(rs[p+1]):
		neg = true
		p++
	case p < n && (rs[p] == '-' || rs[p] == '−') && p+1 < n && (isASCIIDigit(rs[p+1]) || rs[p+1] == '.') && s.signContext(p):
		neg = true
		p++
	}
	if p >= n {
		return c, false
	}
	// A leading decimal point (.5) only where no digit or dot is before it.
	if rs[p] == '.' && p > 0 && (isASCIIDigit(rs[p-1]) || rs[p-1] == '.' || isASCIILetter(rs[p-1])) {
		return c, false
	}
	ts := lex(s.toks[:0], rs, p)
	s.toks = ts[:0]
	if len(ts) == 1 && c.pctBefore && ts[0].kind == tUnit && ts[0].val == 100 {
		// 百分之百: the one place a bare 百 is a numeral.
		ts[0].kind = tLit
		ts[0].isInt = true
	}
	if len(ts) == 0 {
		return c, false
	}
	c.runEnd = ts[len(ts)-1].end
	k := len(ts)
	var v float64
	var kind readKind
	for ; k >= 1; k-- {
		if k < len(ts) && ts[k].start == ts[k-1].start {
			continue // never split 廿 into 二 and 十
		}
		var ok bool
		if v, kind, ok = eval(ts[:k]); ok {
			break
		}
	}
	if k == 0 {
		return c, false
	}
	// 十七八个, 一百二三十: a digit right after a numeral makes an estimate.
	if k < len(ts) && ts[k-1].kind == tDigit && ts[k].kind == tDigit && ts[k-1].val != 0 && kind != kDigitwise {
		return c, false
	}
	ts = ts[:k]
	c.kind = kind
	c.numEnd = ts[k-1].end
	c.value = v
	for _, t := range ts {
		switch {
		case t.kind == tPoint:
			c.hasPoint = true
		case t.kind == tDigit && !c.hasPoint:
			c.intDigits++
			if t.val == 0 {
				c.hasZero = true
			}
		case t.kind == tLit && t.lead0:
			c.lead0 = true
		}
		if t.capital {
			c.capital = true
		}
	}
	c.chinese = kind != kArabic && kind != kMultiplied
	// Split off the multiplier: 1264.2万 → 1264.2 and 万; 四千万 → 4000 and 万.
	switch kind {
	case kMultiplied:
		c.value = ts[0].val
		c.mult = runeString(rs[ts[1].start:ts[k-1].end])
	case kPositional:
		m := 0
		for m < k-1 && ts[k-1-m].kind == tUnit && ts[k-1-m].val >= 1e4 {
			m++
		}
		// 四十五亿四千零四万: the 万 belongs to the section after 亿, so it
		// is no multiplier of the whole.
		for _, t := range ts[:k-m] {
			if m > 0 && t.kind == tUnit && t.val >= ts[k-m].val {
				m = 0
			}
		}
		if m > 0 && !c.hasPoint {
			if base, _, ok := eval(ts[:k-m]); ok && base > 0 {
				c.value = base
				c.mult = runeString(rs[ts[k-m].start:ts[k-1].end])
			}
		}
	}
	// 500余万, 一千多万, 十几万, 三十万多亿: 余 between numeral and multiplier.
	// 一百零几万: 零 before 几. 十几万多亿: twice.
	for round := 0; round < 2 && c.numEnd+1 < n; round++ {
		q := c.numEnd
		z := q
		if rs[z] == '零' && round == 0 && ts[k-1].kind == tUnit {
			z++
		}
		w, cmp, ok := s.v.after.prefixAt(rs, z)
		if !ok || cmp != "~" || utf8.RuneCountInString(w) != 1 || (z != q && w != "几") {
			break
		}
		e := z + 1
		for e < n && numeral(rs[e]).unit && numeral(rs[e]).val >= 1e4 {
			e++
		}
		if e == z+1 {
			break
		}
		if c.approx == "" {
			c.approx = w
		}
		c.mult += string(rs[z+1 : e])
		c.numEnd = e
	}
	if neg {
		c.value = -c.value
	}
	c.end = c.numEnd
	if c.pct == "" {
		if per, e := perAt(rs, c.end); per != "" {
			c.per, c.end = per, e
		} else if sign := percentSignAt(rs, c.end); sign != "" {
			c.pct = sign
			c.end++
		}
	}
	c.runEnd = max(c.runEnd, c.end)
	return c, true
}

// accept says whether a numeral is a number, the conservative way: a lone
// Chinese numeral character needs something that makes it a count.
func (s *scanner) accept(c *core, ordinal bool, before string) bool {
	switch c.kind {
	case kArabic, kMultiplied, kPositional:
		return true
	case kPair:
		return false // 三五个, 七八十: an estimate
	case kDigitwise:
		// 二O三五年, 一七二零, 一点五; not 一二三 in a list.
		return c.hasPoint || c.hasZero || c.intDigits >= 4 ||
			(c.numEnd < len(s.rs) && s.rs[c.numEnd] == '年')
	}
	// kSingle
	if ordinal || c.pct != "" {
		return true
	}
	if c.capital {
		return false // 入伍, 陆地, 拾起: the financial forms stand alone only in amounts
	}
	if c.per != "" || c.mult != "" || c.approx != "" || isInequality(before) {
		return true
	}
	if _, cmp, ok := s.v.after.prefixAt(s.rs, c.numEnd); ok && isInequality(cmp) {
		return true // 十以内, 三以上
	}
	return s.measureAfter(c.numEnd)
}

// measureAfter says whether a measure word follows p, perhaps after 余, 多
// or 几 (十余个, 十几年).
func (s *scanner) measureAfter(p int) bool {
	if _, _, ok := s.v.measure.prefixAt(s.rs, p); ok {
		return true
	}
	if w, cmp, ok := s.v.after.prefixAt(s.rs, p); ok && cmp == "~" {
		_, _, ok := s.v.measure.prefixAt(s.rs, p+utf8.RuneCountInString(w))
		return ok
	}
	return false
}

// stopped says whether a stop word covers a Chinese numeral: 统一, 一批,
// 十四五. An ordinal is stopped only by a word with its 第 (第三方), so
// 第一批 stays the first batch.
func (s *scanner) stopped(c *core, start int, ordinal bool) bool {
	if c.pctBefore {
		return false // 千分之一 is a number, whatever 之一 says
	}
	if ordinal {
		return s.v.stop.covers(s.rs, start, c.numEnd)
	}
	return s.v.stop.covers(s.rs, c.numStart, c.numEnd)
}

// boundBefore finds the bound word right before p (a space may stand
// between), not reaching into the previous mention.
func (s *scanner) boundBefore(p int) (word, cmp string, start int) {
	e := p
	w, c, ok := s.v.before.suffixAt(s.rs, e, s.floor)
	if !ok && p-1 >= s.floor && p > 0 && s.rs[p-1] == ' ' {
		e = p - 1
		w, c, ok = s.v.before.suffixAt(s.rs, e, s.floor)
	}
	if !ok || c == "none" {
		return "", "", p
	}
	return w, c, e - utf8.RuneCountInString(w)
}

// signContext says whether a '-' at p is a minus sign rather than a dash:
// only at the start, after a space or punctuation, or after a bound word or
// 率 (增长率-2.5%). 2020年-2025年 and 2021-11-16 hold dashes.
func (s *scanner) signContext(p int) bool {
	if p == 0 {
		return true
	}
	prev := s.rs[p-1]
	if unicode.IsSpace(prev) || strings.ContainsRune("([{:;,=<>≥≤、,:;(“\"'", prev) || prev == '率' {
		return true
	}
	_, _, ok := s.v.before.suffixAt(s.rs, p, s.floor)
	return ok
}

// numeralRune says whether r can start a Chinese or Arabic numeral.
func numeralRune(r rune) bool { return isASCIIDigit(r) || isNumeralRune(r) }

var urlPrefixes = [][]rune{[]rune("http://"), []rune("https://"), []rune("www.")}

// urlEnd skips a web address: its digits are not numbers.
func urlEnd(rs []rune, p int) int {
	if r := rs[p]; r != 'h' && r != 'w' {
		return p
	}
	for _, pre := range urlPrefixes {
		if hasRunes(rs, p, pre) {
			e := p
			for e < len(rs) && rs[e] < 0x80 && !unicode.IsSpace(rs[e]) {
				e++
			}
			return e
		}
	}
	return p
}

// alnumEnd skips a run of letters, digits, dots and dashes (H7N9, PM2.5).
func alnumEnd(rs []rune, p int) int {
	for p < len(rs) && (isASCIIDigit(rs[p]) || isASCIILetter(rs[p]) || rs[p] == '.') {
		p++
	}
	return p
}
