package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// expr is one written date, absolute or relative: "2023年3月", "2021年底",
// "今年", "明年3月", "3月5日", "上个月15号". It is what Find and ParseDate
// share: Find decides whether a date is a deadline, ParseDate only reads it.
type expr struct {
	start, end int // rune span of the date itself, without prefix or "前"

	hasYear bool
	year    int      // as written: 2025, or 98 when short
	short   bool     // a two-digit year ("98年4月")
	rel     *relWord // a year named relative to the base ("今年", "明年")

	month    int // 1–12, 0 when none
	hasMRel  bool
	monthRel int // a month named relative to the base ("上个月")

	day  int   // 1–31, 0 when none
	part *span // a part of the year or of the month ("上半年", "底", "下旬")
}

func (e expr) hasMonth() bool { return e.month > 0 || e.hasMRel }

// readSmall reads a month or day number at rs[i]: one or two ASCII digits,
// or a Chinese numeral up to 九十九 ("十", "十二", "二十九").
func (v *vocab) readSmall(rs []rune, i int) (val, n int, ok bool) {
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	if j > i {
		if j-i > 2 {
			return 0, 0, false
		}
		for _, r := range rs[i:j] {
			val = val*10 + int(r-'0')
		}
		return val, j - i, true
	}
	pre, post, ten := -1, -1, false
	for j < len(rs) && v.numerals.has(rs[j]) {
		x, _ := v.numeral.get(rs[j])
		switch {
		case x == 10 && !ten:
			ten = true
		case x == 10 || x > 9:
			return 0, 0, false
		case ten && post < 0:
			post = x
		case !ten && pre < 0:
			pre = x
		default:
			return 0, 0, false // "三三": a year, not a month or a day
		}
		j++
	}
	if j == i {
		return 0, 0, false
	}
	if ten {
		val = 10
		if pre >= 0 {
			val = pre * 10
		}
		if post >= 0 {
			val += post
		}
	} else {
		val = pre
	}
	return val, j - i, true
}

// readYear reads "2025年", "二〇三五年", "二O三五年" (and, when short is
// set, "98年", "零七年") at rs[i]. n counts the year mark.
func (v *vocab) readYear(rs []rune, i int, short bool) (year, n int, isShort, ok bool) {
	j := i
	for j < len(rs) {
		d, isD := v.digitValue(rs[j])
		if !isD {
			break
		}
		year = year*10 + d
		j++
	}
	l := j - i
	if l != 4 && !(short && l == 2) {
		return 0, 0, false, false
	}
	kind, m, hit := v.mark.at(rs, j)
	if !hit || kind != "year" {
		return 0, 0, false, false
	}
	return year, l + m, l == 2, true
}

func (v *vocab) readMarked(rs []rune, i int, want string, lo, hi int) (val, n int, ok bool) {
	val, n, ok = v.readSmall(rs, i)
	if !ok || val < lo || val > hi {
		return 0, 0, false
	}
	kind, m, hit := v.mark.at(rs, i+n)
	if !hit || kind != want {
		return 0, 0, false
	}
	return val, n + m, true
}

// scanDate reads the longest date at rs[i]. whole says the date is the
// whole input (ParseDate): then two-digit years, a bare day ("30日") and a
// day without its mark at the very end ("1月3", "十月31") are read too.
func (v *vocab) scanDate(rs []rune, i int, whole bool) (e expr, ok bool) {
	// A date opens with a digit, a numeral or a relative word (今年, 下月):
	// Find asks at every position, so the rest is read only there.
	if i < len(rs) {
		if r := rs[i]; !(r >= '0' && r <= '9') && !v.isNumeral(r) && !v.relYear.first.has(r) && !v.relMonth.first.has(r) {
			return e, false
		}
	}
	j := i
	if y, n, short, hit := v.readYear(rs, j, whole); hit {
		e.hasYear, e.year, e.short = true, y, short
		j += n
	} else if rw, n, hit := v.relYear.at(rs, j); hit {
		// a copy taken on a hit only: &rw would allocate at every call
		rel := rw
		e.hasYear, e.rel = true, &rel
		j += n
	}
	if m, n, hit := v.readMarked(rs, j, "month", 1, 12); hit {
		e.month = m
		j += n
	} else if !e.hasYear {
		if off, n, hit := v.relMonth.at(rs, j); hit {
			e.hasMRel, e.monthRel = true, off
			j += n
		}
	}
	switch {
	case e.hasMonth():
		if d, n, hit := v.readMarked(rs, j, "day", 1, 31); hit {
			e.day = d
			j += n
		} else if d, n, hit := v.readSmall(rs, j); whole && hit && j+n == len(rs) && d >= 1 && d <= 31 {
			e.day = d
			j += n
		}
	case !e.hasYear && whole:
		if d, n, hit := v.readMarked(rs, j, "day", 1, 31); hit {
			e.day = d
			j += n
		}
	}
	switch {
	case e.hasYear && !e.hasMonth():
		if s, n, hit := v.yearPart.at(rs, j); hit {
			part := s
			e.part = &part
			j += n
		}
	case e.hasMonth() && e.day == 0:
		if s, n, hit := v.monthPart.at(rs, j); hit {
			part := s
			e.part = &part
			j += n
		}
	}
	if j == i {
		return e, false
	}
	e.start, e.end = i, j
	return e, true
}

// fullYear reads a two-digit year the way documents use them: in the 2000s
// unless that lands more than ten years after the base (or after 2000 for
// older bases), else in the 1900s. "24年" (base 2021) → 2024, "三三年" →
// 1933, "九零年" (base 1973) → 1990, "98年" (base 1997) → 1998.
func fullYear(yy, base int) int {
	y := 2000 + yy
	if y > max(base, 2000)+10 {
		y -= 100
	}
	return y
}

func day(y, m, d int, loc *time.Location) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, loc)
}

func daysIn(y, m int) int {
	return day(y, m+1, 0, time.UTC).Day()
}

// resolve gives the first and last day of the period e names, relative
// words read against base.
func (e expr) resolve(base time.Time) (first, last time.Time, ok bool) {
	loc := base.Location()
	y, m := base.Year(), 0
	switch {
	case e.rel != nil:
		y += e.rel.off
	case e.short:
		y = fullYear(e.year, base.Year())
	case e.hasYear:
		y = e.year
	}
	switch {
	case e.month > 0:
		m = e.month
	case e.hasMRel:
		t := day(base.Year(), int(base.Month())+e.monthRel, 1, loc)
		y, m = t.Year(), int(t.Month())
	case !e.hasYear:
		m = int(base.Month()) // a bare day: the base's month
	}
	switch {
	case e.day > 0:
		if e.day > daysIn(y, m) {
			return first, last, false
		}
		d := day(y, m, e.day, loc)
		return d, d, true
	case m > 0:
		n := daysIn(y, m)
		first, last = day(y, m, 1, loc), day(y, m, n, loc)
		if e.part != nil {
			first, last = day(y, m, min(e.part.from, n), loc), day(y, m, min(e.part.to, n), loc)
		}
	default:
		first, last = day(y, 1, 1, loc), day(y, 12, 31, loc)
		if e.part != nil {
			first = day(y, e.part.from, 1, loc)
			last = day(y, e.part.to, daysIn(y, e.part.to), loc)
		}
	}
	if e.part != nil && e.part.end {
		first = last
	}
	return first, last, true
}

// Numeric dates: formats, not words, so they stay in code.
var (
	reCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)                             // 20240307
	reYMD     = regexp.MustCompile(`^(\d{4})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2})$`) // 2019/04/19, 1994.01-19, 2022 11 23
	reYM      = regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})$`)                       // 2019.08
	reMD      = regexp.MustCompile(`^(\d{1,2})\s*[-/.·・]\s*(\d{1,2})$`)                   // 6·30, 09-01
)

func parseNumeric(s string, base time.Time) (first, last time.Time, ok bool) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	e := expr{}
	if m := reCompact.FindStringSubmatch(s); m != nil {
		e = expr{hasYear: true, year: atoi(m[1]), month: atoi(m[2]), day: atoi(m[3])}
	} else if m := reYMD.FindStringSubmatch(s); m != nil {
		e = expr{hasYear: true, year: atoi(m[1]), month: atoi(m[2]), day: atoi(m[3])}
	} else if m := reYM.FindStringSubmatch(s); m != nil {
		e = expr{hasYear: true, year: atoi(m[1]), month: atoi(m[2])}
	} else if m := reMD.FindStringSubmatch(s); m != nil {
		e = expr{month: atoi(m[1]), day: atoi(m[2])}
	} else {
		return first, last, false
	}
	if e.month < 1 || e.month > 12 || e.day < 0 || e.day > 31 || (e.month > 0 && e.day == 0 && !e.hasYear) {
		return first, last, false
	}
	return e.resolve(base)
}

// ParseDate parses one date or time-point expression, absolute or relative
// to base, into the period it names, as its first and last day (midnight, in
// base's location):
//
//	"2023年3月"             → 2023-03-01 … 2023-03-31
//	"2021年底"              → 2021-12-31 … 2021-12-31
//	"今年" (base 2023-05-22) → 2023-01-01 … 2023-12-31
//	"明年3月", "3月5日", "2019年12月31日", "2019/04/19", "上个月15号", "20天后"
//
// A trailing "前"/"以前"/"内" ("2025年前", "年底前") names the same period: its
// last day is the deadline. A trailing "左右"/"前后" is dropped. Times of
// day, weeks, lunar dates and holidays are not read (ok is false).
func ParseDate(s string, base time.Time) (first, last time.Time, ok bool) {
	v := load()
	s = strings.TrimSpace(s)
	for _, b := range v.blur {
		s = strings.TrimSpace(strings.TrimSuffix(s, b))
	}
	if s == "" {
		return first, last, false
	}
	if first, last, ok = parseNumeric(s, base); ok {
		return first, last, ok
	}
	today := day(base.Year(), int(base.Month()), base.Day(), base.Location())
	if off, hit := v.relDay.exact(s); hit {
		d := today.AddDate(0, 0, off)
		return d, d, true
	}
	rs := []rune(s)
	if n, k, hit := v.readSmall(rs, 0); hit {
		if sw, m, hit := v.shift.at(rs, k); hit && k+m == len(rs) {
			var d time.Time
			switch sw.unit {
			case "day":
				d = today.AddDate(0, 0, sw.sign*n)
			case "month":
				d = today.AddDate(0, sw.sign*n, 0)
			default:
				d = today.AddDate(sw.sign*n, 0, 0)
			}
			return d, d, true
		}
	}
	if bare, hit := v.bare.exact(s); hit && bare {
		// "年底前", "年内": the base's year, to its end
		e := expr{hasYear: true, rel: &relWord{}}
		if p, _, isPart := v.yearPart.at(rs, 0); isPart {
			e.part = &p
		}
		return e.resolve(base)
	}
	e, hit := v.scanDate(rs, 0, true)
	if !hit {
		return first, last, false
	}
	j := e.end
	if role, n, isAfter := v.after.at(rs, j); isAfter && role == "by" {
		j += n
	}
	if j != len(rs) {
		return first, last, false
	}
	return e.resolve(base)
}
