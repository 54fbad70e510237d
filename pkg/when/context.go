package when

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// How far into a document its own date and its title are looked for.
const (
	headLines  = 12 // non-empty lines searched for the document's date
	titleLines = 6  // non-empty lines searched for the plan period
	titleRunes = 80 // a longer line is body text, not a title
)

// reFullDate is a date with a day, numeric or written: "2021-11-16",
// "2023/6/12", "2020年04月15日". Only a full date dates a document: a bare
// year in a head is usually the plan's ("2023—2025年").
var reFullDate = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// DocContext guesses a document's Context from its head: DocYear from the
// first full date in its first lines (publication or source lines:
// "发布日期:2021-11-16 09:49", "2020年04月15日09:53  来源:兰州日报"), the plan
// period from a title's span of years ("三年行动方案(2023—2025年)") or
// five-year plan ("安康市“十四五”卫生健康事业发展规划"). Text is normalised.
func DocContext(text string) Context {
	v := load()
	var ctx Context
	lines := 0
	// only the head is read: lines are cut off it one at a time
	for rest, more := text, true; more; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if lines++; lines > headLines {
			break
		}
		// a date starts with four digits: the pattern is tried from the
		// first four, and not at all on a line without them
		if at := fourDigits(line); ctx.DocYear == 0 && at >= 0 {
			if m := reFullDate.FindStringSubmatch(line[at:]); m != nil {
				y, _ := strconv.Atoi(m[1])
				mo, _ := strconv.Atoi(m[2])
				d, _ := strconv.Atoi(m[3])
				if y >= 1949 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
					ctx.DocYear = y
				}
			}
		}
		if ctx.PlanEnd == 0 && lines <= titleLines && utf8.RuneCountInString(line) <= titleRunes {
			ctx.PlanStart, ctx.PlanEnd = v.planPeriod([]rune(line))
		}
	}
	return ctx
}

// planPeriod finds the first span of years ("2023—2025年", "2021-2025") or
// five-year plan ("十四五") in a line.
func (v *vocab) planPeriod(rs []rune) (first, last int) {
	year4 := func(i int) (int, bool) {
		if i < 0 || i+4 > len(rs) || (i > 0 && isDigit(rs[i-1])) || (i+4 < len(rs) && isDigit(rs[i+4])) {
			return 0, false
		}
		y := 0
		for _, r := range rs[i : i+4] {
			if !isDigit(r) {
				return 0, false
			}
			y = y*10 + int(r-'0')
		}
		return y, true
	}
	for i := range rs {
		if p, _, ok := v.plan.at(rs, i); ok {
			return p.first, p.last
		}
		a, ok := year4(i)
		if !ok {
			continue
		}
		k := i + 4
		if kind, n, hit := v.mark.at(rs, k); hit && kind == "year" {
			k += n
		}
		if k < len(rs) && v.rangeSep.has(rs[k]) {
			if b, ok := year4(k + 1); ok && b > a && b-a <= 20 {
				return a, b
			}
		}
	}
	return 0, 0
}

// fourDigits is the byte offset of the first run of four ASCII digits in
// s, -1 when none.
func fourDigits(s string) int {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			run = 0
			continue
		}
		if run++; run == 4 {
			return i - 3
		}
	}
	return -1
}
