package meta

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// datePattern matches a written date in Arabic digits: 2021年11月15日,
// 2021-11-16, 2023/6/12, 2021.11.15. One capturing group: the date.
const datePattern = `((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)`

// hanDatePattern matches a date in Chinese numerals, as signature blocks
// write it: 二〇二一年十一月十五日.
const hanDatePattern = `([〇零○O0一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)`

var (
	arabicDate = mustCompile(`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	hanDate    = mustCompile(`([〇零○O0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日`)
	// A date alone on its line, as under a signature: 2021年11月15日.
	dateAlone = mustCompile(`^[((]?(?:` + datePattern + `|` + hanDatePattern + `)[))]?$`)
	// A date and a time alone on a line near the top: a news page's dateline.
	dateTimeAlone = mustCompile(`^` + datePattern + `\s*\d{1,2}:\d{2}(?::\d{2})?$`)
)

// The date patterns run only where the literals they need are found:
// findSignature asks about every line of a document.

// hasYear reports whether s holds a year in Arabic digits, 19xx or 20xx,
// as every date pattern but the Chinese-numeral one needs.
func hasYear(s string) bool {
	return hasYearIn(s, "19") || hasYearIn(s, "20")
}

// hasYearIn reports whether s holds century followed by two digits; the
// century is searched for with strings.Index, which skips text fast.
func hasYearIn(s, century string) bool {
	for {
		i := strings.Index(s, century)
		if i < 0 || i+4 > len(s) {
			return false
		}
		if isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
		s = s[i+1:]
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// hanYearDigits are the runes a year in Chinese numerals opens with.
const hanYearDigits = "〇零○O0一二三四五六七八九"

// matchDateAlone is dateAlone.MatchString(s), tried only on a line that
// opens as a year does (after an optional bracket) and ends as a day does
// (before one).
func matchDateAlone(s string) bool {
	inner := strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	first, _ := utf8.DecodeRuneInString(inner)
	last, _ := utf8.DecodeLastRuneInString(inner)
	if first != '1' && first != '2' && !strings.ContainsRune(hanYearDigits, first) ||
		last != '日' && !(last >= '0' && last <= '9') {
		return false
	}
	return dateAlone.MatchString(s)
}

// matchDateTimeAlone is dateTimeAlone.MatchString(s), tried only on a line
// that opens with a year and holds a colon.
func matchDateTimeAlone(s string) bool {
	return len(s) >= 4 && hasYear(s[:4]) && strings.IndexByte(s, ':') >= 0 && dateTimeAlone.MatchString(s)
}

type date struct{ year, month, day int }

func (d date) iso() string { return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day) }

func (d date) valid() bool {
	return d.year >= 1949 && d.year <= 2100 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31
}

// parseDate reads the first date in s, in Arabic digits or Chinese numerals.
func parseDate(s string) (date, bool) {
	if m := arabicDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		dt := date{y, mo, d}
		return dt, dt.valid()
	}
	if m := hanDate.FindStringSubmatch(s); m != nil {
		y := 0
		for _, r := range m[1] {
			y = y*10 + hanDigit(r)
		}
		dt := date{y, hanNumber(m[2]), hanNumber(m[3])}
		return dt, dt.valid()
	}
	return date{}, false
}

func hanDigit(r rune) int {
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return len([]rune("〇一二三四五六七八九"[:i]))
	}
	return 0 // 零, ○, O, 0
}

// hanNumber reads 1–31 in Chinese numerals: 五, 十一, 二十, 三十一.
func hanNumber(s string) int {
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return hanDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + hanDigit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return hanDigit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return hanDigit(rs[0])*10 + hanDigit(rs[2])
	}
	return 0
}

// signature is a signature block: the names of the issuing bodies alone on
// their lines above a date alone on its line.
//
//	安康市发展和改革委员会     安康市卫生健康委员会
//	2021年11月15日
type signature struct {
	issuers []string
	date    date
	found   bool
}

// A signature block is taken from the head of the text (a 印发 notice
// signs above the plan it issues) or from the close of its main text, the
// last lines or those before meta_signature_after's cues.
const (
	signatureHead  = 40
	signatureClose = 10
)

// findSignature gives the document's signature block: the first in its
// head, else the last that closes the main text.
func findSignature(ls []line, v *vocab) signature {
	var last signature
	for i, l := range ls {
		if !matchDateAlone(l.text) {
			continue
		}
		d, ok := parseDate(l.text)
		if !ok {
			continue
		}
		var names []string
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			b := v.bodies(ls[j].text)
			if b == nil {
				break
			}
			names = append(b, names...)
		}
		if len(names) == 0 {
			continue
		}
		sig := signature{issuers: names, date: d, found: true}
		if i < signatureHead {
			return sig
		}
		if closesText(ls, i, v) {
			last = sig
		}
	}
	return last
}

// closesText reports whether the date on line i ends the main text: few
// lines follow it, or the next ones are attachments or distribution notes.
func closesText(ls []line, i int, v *vocab) bool {
	if len(ls)-i-1 < signatureClose {
		return true
	}
	for j := i + 1; j < len(ls) && j <= i+3; j++ {
		for _, cue := range v.signatureAfter {
			if strings.HasPrefix(ls[j].text, cue) {
				return true
			}
		}
	}
	return false
}

// Where labelled dates are looked for: a page's header and footer. A
// date label in the body is a task's (完成时间:2023年12月31日), not the
// document's.
const (
	headLines = 20
	tailLines = 10
)

// rankGeneric is the rank from which a label is generic (日期, 时间): it
// counts only in the header and at a line's start or after punctuation,
// since inside a word it labels something else (完成时间:2023年12月31日).
const rankGeneric = 3

// atBoundary reports whether byte offset i of s starts a word: the line's
// start, or after a space or punctuation.
func atBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// rankDateTime is the rank of a date and time alone on a header line, a
// news page's dateline without a label (2021-07-20 09:59:54).
const rankDateTime = 2

// findPublished picks the document's date: a signature's, else the
// best-ranked labelled date of the header or footer, the first of equal
// rank. Ranks are in dict/meta_date_labels.txt.
func findPublished(ls []line, sig signature, v *vocab) (date, bool) {
	if sig.found {
		return sig.date, true
	}
	// A report is dated by the meeting it was delivered at; a notice whose
	// signature lost its names still has its date alone on a line of its
	// head (包头市…的通知 … 2022年4月14日).
	for i, l := range ls {
		if i >= headLines {
			break
		}
		if v.delivered != nil && hasYear(l.text) {
			if m := v.delivered.FindStringSubmatch(l.text); m != nil {
				if d, ok := parseDate(m[1]); ok {
					return d, true
				}
			}
		}
	}
	for i, l := range ls {
		if i >= signatureHead {
			break
		}
		if matchDateAlone(l.text) {
			if d, ok := parseDate(l.text); ok {
				return d, true
			}
		}
	}
	rank := v.labelRank
	best, bestRank, found := date{}, 0, false
	consider := func(d date, r int) {
		if !found || r < bestRank {
			best, bestRank, found = d, r, true
		}
	}
	for i, l := range ls {
		if i >= headLines && i < len(ls)-tailLines {
			continue
		}
		footer := i >= headLines
		// Labels and datelines stand near a line's start: a page-long
		// line is read for them in its first stretch only.
		text := l.text[:labelPrefix(l.text)]
		// both label patterns need a date with a year, and a label
		withYear := hasYear(text)
		if withYear && v.labelBefore != nil && containsAny(text, v.labelsBefore) {
			for _, m := range v.labelBefore.FindAllStringSubmatchIndex(text, -1) {
				label := text[m[2]:m[3]]
				r := rank[label]
				if r >= rankGeneric && (footer || !atBoundary(text, m[2])) {
					continue
				}
				if d, ok := parseDate(text[m[4]:m[5]]); ok {
					consider(d, r)
				}
			}
		}
		if withYear && v.labelAfter != nil && containsAny(text, v.labelsAfter) {
			for _, m := range v.labelAfter.FindAllStringSubmatch(text, -1) {
				if d, ok := parseDate(m[1]); ok {
					consider(d, rank[m[2]])
				}
			}
		}
		if i < headLines && matchDateTimeAlone(l.text) {
			if d, ok := parseDate(l.text); ok {
				consider(d, rankDateTime)
			}
		}
	}
	return best, found
}

// labelPrefix is the byte length of the stretch of s searched for date
// labels: about 200 Chinese characters, cut at a rune boundary.
func labelPrefix(s string) int {
	const limit = 600
	if len(s) <= limit {
		return len(s)
	}
	n := limit
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

// isDateLine reports whether a line carries the page's date: a labelled
// date, a dateline, or a date and time alone.
func isDateLine(s string, v *vocab) bool {
	if hasYear(s) && (v.labelBefore != nil && containsAny(s, v.labelsBefore) && v.labelBefore.MatchString(s) ||
		v.labelAfter != nil && containsAny(s, v.labelsAfter) && v.labelAfter.MatchString(s) ||
		matchDateTimeAlone(s)) {
		return true
	}
	return matchDateAlone(s)
}
