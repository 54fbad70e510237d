package meta

import (
	"strconv"
	"strings"
)

// yearRange matches a plan period written in years: (2023—2025年),
// 2021-2025年, 2021年至2025年.
var yearRange = mustCompile(`((?:19|20)\d{2})\s*年?\s*(?:[-—–~～]+|至|到)\s*((?:19|20)\d{2})`)

// A period longer than this is no plan's (1949-2019年 is a history).
const maxPeriod = 15

// period reads the years a plan covers from its title: a year range, else
// a five-year plan's name (十四五 → 2021, 2025; see dict/five_year_plans.txt).
func period(title string, v *vocab) (int, int) {
	if m := yearRange.FindStringSubmatch(title); m != nil {
		s, _ := strconv.Atoi(m[1])
		e, _ := strconv.Atoi(m[2])
		if e >= s && e-s <= maxPeriod {
			return s, e
		}
	}
	for _, f := range v.fiveYear {
		if strings.Contains(title, f.name) {
			return f.start, f.end
		}
	}
	return 0, 0
}
