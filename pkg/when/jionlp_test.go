package when

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The JioNLP time parser's test cases (testdata/peers/jionlp, see SOURCES.md
// there) hold ParseDate to a peer's standard, on the part of its ground that
// cnplan covers: time points naming a whole year, month or day.
//
// Out of scope, and why:
//   - time_span, time_delta, time_period results: ParseDate names one point.
//   - points finer than a day (hours, minutes, "晚上8点", "15:37") or
//     not a whole year/month/day ("本月初", "4月前4天"): plans set deadlines
//     by year, month or day.
//   - weeks ("下周六", "星期天"): no plan sets a deadline by weekday.
//   - the lunar calendar ("农历", "廿一", "腊月", "正月", "闰四月"), solar
//     terms ("冬至") and holidays ("国庆", "春节", "十一"): they need a
//     calendar table and plans do not use them. This includes JioNLP's
//     default reading of a Chinese-numeral month-day without 日/号
//     ("二月十五", "去年八月十五") as a lunar date.
//   - the ret_future option: ParseDate reads a bare month-day in the base's
//     year, JioNLP's default; it has no option to prefer the future.
//   - "blur" (fuzzy) definitions, except a trailing 左右/前后, which
//     ParseDate drops.

const jioCases = "../../testdata/peers/jionlp/time_parser_cases.jsonl"

var (
	reOutOfScope = regexp.MustCompile(`周|星期|礼拜|农历|阴历|廿|初[一二三四五六七八九十0-9]|正月|腊月|闰|大年|除夕|节|元旦|春节|端午|国庆|元宵|中秋|七夕|重阳|清明|` +
		`立春|雨水|惊蛰|春分|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒`)
	// JioNLP reads "二月十五" (Chinese numerals, no 日/号) as a lunar date.
	reLunarDefault = regexp.MustCompile(`[一二三四五六七八九十]月[一二三四五六七八九十]+$`)
	reBlurEnd      = regexp.MustCompile(`(左右|前后)$`)
)

type jioCase struct {
	Input    string `json:"input"`
	Expected *struct {
		Type       string          `json:"type"`
		Definition string          `json:"definition"`
		Time       json.RawMessage `json:"time"` // a [first, last] pair, or an object for deltas
	} `json:"expected"`
	TimeBase json.RawMessage `json:"time_base"`
	Kwargs   map[string]any  `json:"kwargs"`
	SrcLine  int             `json:"src_line"`
}

var shanghai = time.FixedZone("CST", 8*3600)

// jioBase reads a case's time_base (Asia/Shanghai local time).
func jioBase(raw json.RawMessage) time.Time {
	var b struct {
		Local    string         `json:"local_utc+8"`
		List     []int          `json:"ymdhms_list"`
		Partial  map[string]int `json:"partial"`
		Datetime string         `json:"datetime"`
	}
	_ = json.Unmarshal(raw, &b)
	switch {
	case b.Local != "":
		t, _ := time.ParseInLocation(time.DateTime, b.Local, shanghai)
		return t
	case b.Datetime != "":
		t, _ := time.ParseInLocation(time.DateTime, b.Datetime, shanghai)
		return t
	case len(b.List) > 0:
		f := []int{0, 1, 1, 0, 0, 0}
		copy(f, b.List)
		return time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, shanghai)
	case b.Partial != nil:
		m, d := max(b.Partial["month"], 1), max(b.Partial["day"], 1)
		return time.Date(b.Partial["year"], time.Month(m), d, 0, 0, 0, 0, shanghai)
	}
	return time.Now().In(shanghai) // {now: true} or null: the result does not depend on it
}

// wholeGrain says whether [a, b] (JioNLP's "YYYY-MM-DD hh:mm:ss") is a whole
// day, month or year.
func wholeGrain(a, b string) bool {
	if !strings.HasSuffix(a, "00:00:00") || !strings.HasSuffix(b, "23:59:59") {
		return false
	}
	ta, err1 := time.Parse(time.DateOnly, a[:10])
	tb, err2 := time.Parse(time.DateOnly, b[:10])
	if err1 != nil || err2 != nil {
		return false
	}
	switch {
	case ta.Equal(tb):
		return true
	case ta.Year() == tb.Year() && ta.Month() == tb.Month():
		return ta.Day() == 1 && tb.AddDate(0, 0, 1).Day() == 1
	case ta.Year() == tb.Year():
		return ta.YearDay() == 1 && tb.Month() == 12 && tb.Day() == 31
	}
	return false
}

// span reads a case's expected [first, last], when it is a pair.
func (c jioCase) span() []string {
	var s []string
	if c.Expected == nil || json.Unmarshal(c.Expected.Time, &s) != nil || len(s) != 2 {
		return nil
	}
	return s
}

func inScope(c jioCase) bool {
	e, s := c.Expected, c.span()
	if s == nil || e.Type != "time_point" || !wholeGrain(s[0], s[1]) {
		return false
	}
	if e.Definition != "accurate" && !reBlurEnd.MatchString(c.Input) {
		return false
	}
	if _, ok := c.Kwargs["ret_future"]; ok {
		return false
	}
	if c.Input == "十一" || reOutOfScope.MatchString(c.Input) {
		return false
	}
	if lunar, set := c.Kwargs["lunar_date"]; (!set || lunar != false) && reLunarDefault.MatchString(c.Input) {
		return false
	}
	return true
}

func TestJioNLPTimeParser(t *testing.T) {
	f, err := os.Open(jioCases)
	if err != nil {
		t.Fatalf("peer suite (committed in testdata/peers): %v", err)
	}
	defer f.Close()
	total, pass := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c jioCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if !inScope(c) {
			continue
		}
		total++
		first, last, ok := ParseDate(c.Input, jioBase(c.TimeBase))
		wantF, wantL := c.span()[0][:10], c.span()[1][:10]
		if ok && first.Format(time.DateOnly) == wantF && last.Format(time.DateOnly) == wantL {
			pass++
			continue
		}
		got := "no date"
		if ok {
			got = first.Format(time.DateOnly) + "…" + last.Format(time.DateOnly)
		}
		t.Logf("line %d: ParseDate(%q) = %s, want %s…%s", c.SrcLine, c.Input, got, wantF, wantL)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rate := float64(pass) / float64(max(total, 1))
	t.Logf("JioNLP time points in scope: %d/%d pass (%.1f%%)", pass, total, 100*rate)
	if total == 0 || rate < 0.9 {
		t.Errorf("JioNLP pass rate %.3f over %d cases, want ≥ 0.9", rate, total)
	}
}
