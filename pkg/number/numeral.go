// Package number recognises numbers in normalised Chinese text: Arabic and
// Chinese numerals, multipliers (1264.2万), percentages and permilles, rates
// per N (9.39/10万), ranges (10-20所, 二至三个) and the bound words around them
// (不低于90%, 8万余例次). It works on runes; every offset it reports is a rune
// offset into the string it was given.
//
// The files follow the house style: numeral.go reads one numeral (Parse),
// percent.go the percent forms and rates, ranges.go the ranges, bounds.go the
// bound-word vocabulary, scan.go puts them together; each has a table test.
package number

import (
	"fmt"
	"strconv"
	"strings"
)

// tokKind is what one piece of a numeral is.
type tokKind uint8

const (
	tDigit tokKind = iota // a Chinese digit 零〇一二两…九, 壹贰…
	tLit                  // an Arabic number, 1264.2 or 1,234
	tUnit                 // 十百千万亿
	tPoint                // 点
)

// token is one piece of a numeral as written.
type token struct {
	kind       tokKind
	val        float64
	start, end int  // rune span
	isInt      bool // tLit: written without a decimal part
	lead0      bool // tLit: a leading zero, as in 09 or 0912
	liang      bool // 两: a count word, never a digit in a digit-by-digit reading
	capital    bool // 壹贰叁…拾佰仟: the financial forms
	zeroLetter bool // O or ○ standing for 〇 (二O三五)
}

// Chinese digits, with the financial and traditional forms. Traditional
// forms are here so that a document the caller could not convert still
// reads; they cost nothing.
var digitVal = map[rune]float64{
	'零': 0, '〇': 0,
	'一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
}

var capitalRunes = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"

var unitVal = map[rune]float64{
	'十': 10, '拾': 10,
	'百': 100, '佰': 100,
	'千': 1000, '仟': 1000,
	'万': 1e4, '萬': 1e4,
	'亿': 1e8, '億': 1e8,
}

// numeralEntry is what digitVal, unitVal and capitalRunes say of a rune.
type numeralEntry struct {
	str     string // the rune as a string: a multiplier without an allocation
	val     float64
	digit   bool // in digitVal
	unit    bool // in unitVal
	capital bool // in capitalRunes
}

// numeralSlots and numeralEntries index the tables above by rune, built
// once: the lexer reads a rune's entry with two array loads, not a map
// lookup and a string search. Slot 0 is the empty entry.
var numeralSlots, numeralEntries = func() (*[0x10000]uint8, []numeralEntry) {
	var slots [0x10000]uint8
	entries := []numeralEntry{{}}
	entry := func(r rune) *numeralEntry {
		if slots[r] == 0 {
			if len(entries) > 0xFF {
				panic("number: more numeral runes than a uint8 slot holds")
			}
			entries = append(entries, numeralEntry{str: string(r), capital: strings.ContainsRune(capitalRunes, r)})
			slots[r] = uint8(len(entries) - 1)
		}
		return &entries[slots[r]]
	}
	for r, v := range digitVal {
		e := entry(r)
		e.val, e.digit = v, true
	}
	for r, v := range unitVal {
		e := entry(r)
		e.val, e.unit = v, true
	}
	return &slots, entries
}()

// numeral returns r's entry (the empty one when r is no numeral).
func numeral(r rune) *numeralEntry {
	if r < 0 || r >= 0x10000 {
		return &numeralEntries[0]
	}
	return &numeralEntries[numeralSlots[r]]
}

// runeString is string(rs), without an allocation for a lone numeral
// (the usual multiplier: 万, 亿).
func runeString(rs []rune) string {
	if len(rs) == 1 {
		if e := numeral(rs[0]); e.str != "" {
			return e.str
		}
	}
	return string(rs)
}

// digitValue is digitVal[r]; unitValue is unitVal[r].
func digitValue(r rune) (float64, bool) {
	e := numeral(r)
	return e.val, e.digit
}

func unitValue(r rune) (float64, bool) {
	e := numeral(r)
	return e.val, e.unit
}

// isNumeralRune says whether r is a Chinese digit or place unit (a switch:
// Scan asks this of every rune).
func isNumeralRune(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '两', '兩', '三', '四', '五', '六', '七', '八', '九',
		'壹', '贰', '貳', '叁', '參', '肆', '伍', '陆', '陸', '柒', '捌', '玖',
		'十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿', '億':
		return true
	}
	return false
}

func isASCIIDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isPoint(r rune) bool       { return r == '点' || r == '點' }
func isNeg(r rune) bool         { return r == '负' || r == '負' }

// isDecimalDigit says whether r may follow 点: any Chinese digit but 两,
// which is a count word (两百点两 is 200, then 两).
func isDecimalDigit(r rune) bool {
	_, ok := digitValue(r)
	return ok && r != '两' && r != '兩'
}

// maxTokens bounds the work on a pathological run of numeral characters:
// the longest real numeral (一千一百一十一万一千一百一十一亿…) has 31.
const maxTokens = 48

// lex reads the contiguous numeral characters from p, appending them to
// ts. It does not judge whether they make a numeral; eval does.
func lex(ts []token, rs []rune, p int) []token {
	n := len(rs)
	prevKind := func() (tokKind, bool) {
		if len(ts) == 0 {
			return 0, false
		}
		return ts[len(ts)-1].kind, true
	}
	for p < n && len(ts) < maxTokens {
		r := rs[p]
		pk, has := prevKind()
		switch {
		case isASCIIDigit(r) || (r == '.' && len(ts) == 0 && p+1 < n && isASCIIDigit(rs[p+1])):
			// An Arabic number follows a unit or 零 (1千零1, 3万4000), never
			// a digit.
			if has && (pk == tLit || pk == tPoint || (pk == tDigit && (ts[len(ts)-1].val != 0 || len(ts) < 2))) {
				return ts
			}
			end, val, isInt, ok := lexArabic(rs, p)
			if !ok {
				return ts
			}
			ts = append(ts, token{kind: tLit, val: val, start: p, end: end, isInt: isInt,
				lead0: rs[p] == '0' && end > p+1 && isASCIIDigit(rs[p+1])})
			p = end
		case r == 'O' || r == '○':
			// A letter O or a white circle is a zero only inside a run of
			// Chinese digits: 二O三五年, 二○二五年.
			if !has || pk != tDigit || ts[len(ts)-1].liang {
				return ts
			}
			ts = append(ts, token{kind: tDigit, val: 0, start: p, end: p + 1, zeroLetter: true})
			p++
		case r == '廿' || r == '卅':
			if has && pk == tLit {
				return ts
			}
			v := 2.0
			if r == '卅' {
				v = 3
			}
			ts = append(ts, token{kind: tDigit, val: v, start: p, end: p + 1},
				token{kind: tUnit, val: 10, start: p, end: p + 1})
			p++
		case isPoint(r):
			if !has || pk == tLit || pk == tPoint || p+1 >= n || !isDecimalDigit(rs[p+1]) {
				return ts
			}
			ts = append(ts, token{kind: tPoint, start: p, end: p + 1})
			p++
			for p < n && (isDecimalDigit(rs[p]) || ((rs[p] == 'O' || rs[p] == '○') && isDecimalDigit(rs[p-1]))) && len(ts) < maxTokens {
				ts = append(ts, token{kind: tDigit, val: numeral(rs[p]).val, start: p, end: p + 1})
				p++
			}
			return ts
		default:
			e := numeral(r)
			if e.digit {
				if has && pk == tLit {
					return ts
				}
				ts = append(ts, token{kind: tDigit, val: e.val, start: p, end: p + 1,
					liang: r == '两' || r == '兩', capital: e.capital})
				p++
				continue
			}
			if e.unit {
				ts = append(ts, token{kind: tUnit, val: e.val, start: p, end: p + 1,
					capital: e.capital})
				p++
				continue
			}
			return ts
		}
	}
	return ts
}

// lexArabic reads 1264.2, 1,234, 1,050,000.5 or .5 from p.
func lexArabic(rs []rune, p int) (end int, val float64, isInt bool, ok bool) {
	n := len(rs)
	q := p
	for q < n && isASCIIDigit(rs[q]) {
		q++
	}
	intDigits := q - p
	// Thousands separators: groups of exactly three digits after a first
	// group of one to three.
	if intDigits >= 1 && intDigits <= 3 {
		for q+3 < n && rs[q] == ',' && isASCIIDigit(rs[q+1]) && isASCIIDigit(rs[q+2]) && isASCIIDigit(rs[q+3]) &&
			(q+4 >= n || !isASCIIDigit(rs[q+4])) {
			q += 4
		}
	}
	isInt = true
	// 1.2.3 is a section number or a version, not 1.2 then 3: a part of a
	// dotted sequence has no decimals.
	dotted := p > 1 && rs[p-1] == '.' && isASCIIDigit(rs[p-2])
	if q+1 < n && rs[q] == '.' && isASCIIDigit(rs[q+1]) && !dotted {
		f := q + 1
		for f < n && isASCIIDigit(rs[f]) {
			f++
		}
		if !(f+1 < n && rs[f] == '.' && isASCIIDigit(rs[f+1])) {
			q, isInt = f, false
		}
	}
	if q == p {
		return p, 0, false, false
	}
	if v, ok := exactDecimal(rs[p:q]); ok {
		return q, v, isInt, true
	}
	s := strings.ReplaceAll(string(rs[p:q]), ",", "")
	if strings.HasPrefix(s, ".") {
		s = "0" + s
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return p, 0, false, false
	}
	return q, v, isInt, true
}

// exactDecimal reads digits with at most one '.' and any ',' (already
// checked by lexArabic) without building a string: with 15 digits at most,
// the digits and the power of ten are exact in a float64, so one division
// rounds as strconv.ParseFloat does.
func exactDecimal(rs []rune) (float64, bool) {
	var mant int64
	digits, frac := 0, 0
	point := false
	for _, r := range rs {
		switch {
		case isASCIIDigit(r):
			mant = mant*10 + int64(r-'0')
			digits++
			if point {
				frac++
			}
		case r == '.':
			point = true
		case r != ',':
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	return float64(mant) / pow10[frac], true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// readKind says how a numeral is written; Scan judges each kind differently.
type readKind uint8

const (
	kArabic     readKind = iota // 1264.2
	kMultiplied                 // 1.5万, 3千万: an Arabic number and multipliers
	kSingle                     // one Chinese character: 五, 十
	kPair                       // two Chinese digits: 三五 (an estimate)
	kDigitwise                  // three or more Chinese digits read one by one: 二O三五
	kPositional                 // 三千零五, 两万, 25万6千
)

// eval gives the value of a whole token sequence, or false when the tokens
// do not make a numeral. The rules are cn2an's "normal" mode: 三万五 is
// 35000, 一百二 is 120, 一一 is 11, 百十一 and 十一十二 are not numerals.
func eval(ts []token) (float64, readKind, bool) {
	if len(ts) == 0 {
		return 0, 0, false
	}
	p := -1
	for i, t := range ts {
		if t.kind == tPoint {
			p = i
			break
		}
	}
	if p < 0 {
		return evalInt(ts)
	}
	if p == 0 || p == len(ts)-1 {
		return 0, 0, false
	}
	iv, kind, ok := evalInt(ts[:p])
	if !ok {
		return 0, 0, false
	}
	for _, t := range ts[:p] {
		if t.kind == tLit {
			return 0, 0, false // 一百点123 is not a numeral in normal mode
		}
	}
	var b strings.Builder
	b.WriteString(strconv.FormatFloat(iv, 'f', -1, 64))
	b.WriteByte('.')
	for _, t := range ts[p+1:] {
		if t.kind != tDigit || t.liang {
			return 0, 0, false
		}
		b.WriteByte(byte('0' + int(t.val)))
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return 0, 0, false
	}
	if kind == kSingle || kind == kPair {
		kind = kDigitwise // 一点五, 十二点五 read as written; never an estimate
	}
	return v, kind, true
}

func evalInt(ts []token) (float64, readKind, bool) {
	if len(ts) == 1 {
		t := ts[0]
		switch {
		case t.kind == tLit:
			return t.val, kArabic, true
		case t.kind == tDigit && !t.zeroLetter:
			return t.val, kSingle, true
		case t.kind == tUnit && t.val == 10:
			return 10, kSingle, true
		}
		return 0, 0, false
	}
	allDigits := true
	for _, t := range ts {
		if t.kind != tDigit {
			allDigits = false
			break
		}
	}
	if allDigits {
		// Digit by digit: 一二三, 二O三五. 两 is never read this way (两两).
		if ts[0].zeroLetter {
			return 0, 0, false
		}
		v := 0.0
		for _, t := range ts {
			if t.liang {
				return 0, 0, false
			}
			v = v*10 + t.val
		}
		if len(ts) == 2 {
			return v, kPair, true
		}
		return v, kDigitwise, true
	}
	if ts[0].kind == tLit {
		if v, ok := evalMultiplied(ts); ok {
			return v, kMultiplied, true
		}
	}
	v, ok := evalPositional(ts)
	return v, kPositional, ok
}

// evalMultiplied reads an Arabic number followed only by multipliers:
// 1.5万, 3千, 4.78万亿, 10万万, 3千万.
func evalMultiplied(ts []token) (float64, bool) {
	if len(ts) < 2 {
		return 0, false
	}
	v := ts[0].val
	small, wan, yi := 0, 0, 0
	for _, t := range ts[1:] {
		if t.kind != tUnit {
			return 0, false
		}
		switch {
		case t.val < 1e4:
			if small > 0 || wan > 0 || yi > 0 {
				return 0, false
			}
			small++
		case t.val == 1e4:
			if wan >= 2 || yi > 0 {
				return 0, false
			}
			wan++
		default:
			if yi > 0 {
				return 0, false
			}
			yi++
		}
		v *= t.val
	}
	return v, true
}

// evalPositional reads numerals written with place units, in Chinese or
// mixed with Arabic coefficients: 三千零五, 一百二十万三, 25万6千, 1千零1.
func evalPositional(ts []token) (float64, bool) {
	var total, section, small float64
	var pend float64
	hasPend, pendLit := false, false
	lastSmall := 1e4 // the place units inside a section must fall
	zero := false    // a 零 since the last unit
	prevUnit := 0.0  // the last place unit written
	wan, yi, doubleWan := false, false, false
	for i, t := range ts {
		switch t.kind {
		case tDigit:
			if t.val == 0 {
				if hasPend || t.zeroLetter {
					return 0, false
				}
				zero = true
				continue
			}
			if hasPend {
				return 0, false
			}
			pend, hasPend, pendLit = t.val, true, false
		case tLit:
			if hasPend || !t.isInt {
				return 0, false
			}
			pend, hasPend, pendLit = t.val, true, true
		case tUnit:
			m := t.val
			switch {
			case m < 1e4:
				coef := 1.0
				if hasPend {
					coef = pend
					if pendLit && coef >= 10 {
						return 0, false
					}
				} else if m != 10 && !zero {
					return 0, false // 百十一: 百 wants a digit (零百 is 零一百)
				}
				if m >= lastSmall {
					return 0, false // 十一十二
				}
				small += coef * m
				lastSmall = m
			case m == 1e4:
				part := small
				if hasPend {
					part += pend
				}
				if part == 0 {
					// 四万万: a second 万 right after the first multiplies.
					if i > 0 && ts[i-1].kind == tUnit && ts[i-1].val == 1e4 && section > 0 && !doubleWan {
						section *= 1e4
						doubleWan = true
						break
					}
					return 0, false
				}
				if wan || part >= 1e4 {
					return 0, false
				}
				section = part * 1e4
				wan = true
				small, lastSmall = 0, 1e4
			default:
				part := section + small
				if hasPend {
					part += pend
				}
				if part == 0 || yi {
					return 0, false
				}
				total = part * 1e8
				section, small, lastSmall = 0, 0, 1e4
				wan, doubleWan, yi = false, false, true
			}
			hasPend, zero, prevUnit = false, false, m
		default:
			return 0, false
		}
	}
	v := total + section + small
	switch {
	case hasPend && (zero || prevUnit == 0):
		v += pend
	case hasPend && pendLit && pend >= 10:
		if pend >= prevUnit {
			return 0, false
		}
		v += pend // 3万4000
	case hasPend:
		v += pend * prevUnit / 10 // 三万五, 一百二, 二十一
	case zero:
		return 0, false // 一百零
	}
	return v, true
}

// Parse converts a whole numeral string: "1264.2", "1,234", "三千零五",
// "两万", "二O三五", "〇点五", "十一", "负十", "壹拾壹元整". Chinese numerals
// follow cn2an's "normal" mode. Arabic numbers are read as such, but a mix of
// the two (1.5万, 3千零1) is Scan's business, not Parse's, and is an error
// here, as are percentages (百分之五十).
func Parse(s string) (float64, error) {
	s = strings.TrimSpace(s)
	rs := []rune(s)
	neg := false
	if len(rs) > 0 && (isNeg(rs[0]) || rs[0] == '-' || rs[0] == '−') {
		neg = true
		rs = rs[1:]
	}
	rs = trimCurrency(rs)
	if len(rs) == 0 {
		return 0, fmt.Errorf("number: %q: no numeral", s)
	}
	ts := lex(nil, rs, 0)
	if len(ts) == 0 || ts[len(ts)-1].end != len(rs) {
		return 0, fmt.Errorf("number: %q: not a numeral", s)
	}
	lits, chinese := 0, 0
	for _, t := range ts {
		if t.kind == tLit {
			lits++
		} else {
			chinese++
		}
	}
	if lits > 0 && chinese > 0 {
		return 0, fmt.Errorf("number: %q: Arabic and Chinese numerals mixed", s)
	}
	if rs[0] == '.' {
		return 0, fmt.Errorf("number: %q: not a numeral", s)
	}
	v, _, ok := eval(ts)
	if !ok {
		return 0, fmt.Errorf("number: %q: not a well-formed numeral", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// trimCurrency drops the yuan forms cn2an accepts around an amount:
// 壹拾壹元整, 壹佰壹拾壹圆, 壹拾壹元壹角壹分 (→ 壹拾壹点壹壹).
func trimCurrency(rs []rune) []rune {
	s := string(rs)
	for _, suf := range []string{"元整", "圆整", "元正", "圆正"} {
		if strings.HasSuffix(s, suf) {
			return []rune(strings.TrimSuffix(s, suf))
		}
	}
	if strings.HasSuffix(s, "元") || strings.HasSuffix(s, "圆") {
		return rs[:len(rs)-1]
	}
	// X元D角(D分)?
	n := len(rs)
	if n >= 4 && rs[n-1] == '分' && rs[n-3] == '角' && isDecimalDigit(rs[n-2]) && isDecimalDigit(rs[n-4]) && n >= 5 && (rs[n-5] == '元' || rs[n-5] == '圆') {
		out := append(append([]rune{}, rs[:n-5]...), '点', rs[n-4], rs[n-2])
		return out
	}
	if n >= 3 && rs[n-1] == '角' && isDecimalDigit(rs[n-2]) && (rs[n-3] == '元' || rs[n-3] == '圆') {
		out := append(append([]rune{}, rs[:n-3]...), '点', rs[n-2])
		return out
	}
	return rs
}
