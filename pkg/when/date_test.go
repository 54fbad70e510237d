package when

import (
	"testing"
	"time"
)

var parseBase = time.Date(2023, 5, 22, 10, 0, 0, 0, time.UTC) // 000's source date

// parseCases: date expressions of plans and news, the period each names.
var parseCases = []struct {
	in          string
	base        time.Time
	first, last string // "" when ParseDate must refuse
}{
	{"2023年3月", parseBase, "2023-03-01", "2023-03-31"},
	{"2025年10月", parseBase, "2025-10-01", "2025-10-31"},
	{"2021年底", parseBase, "2021-12-31", "2021-12-31"},
	{"2021年底前", parseBase, "2021-12-31", "2021-12-31"},
	{"2025年年底", parseBase, "2025-12-31", "2025-12-31"},
	{"2020年末", parseBase, "2020-12-31", "2020-12-31"},
	{"2025年", parseBase, "2025-01-01", "2025-12-31"},
	{"2025年前", parseBase, "2025-01-01", "2025-12-31"},
	{"今年", parseBase, "2023-01-01", "2023-12-31"},
	{"明年", parseBase, "2024-01-01", "2024-12-31"},
	{"明年3月", parseBase, "2024-03-01", "2024-03-31"},
	{"去年3月3号", parseBase, "2022-03-03", "2022-03-03"},
	{"年底前", parseBase, "2023-12-31", "2023-12-31"},
	{"年内", parseBase, "2023-01-01", "2023-12-31"},
	{"3月5日", parseBase, "2023-03-05", "2023-03-05"},
	{"2019年12月31日", parseBase, "2019-12-31", "2019-12-31"},
	{"2020年4月14日", parseBase, "2020-04-14", "2020-04-14"},
	{"2020年04月15日", parseBase, "2020-04-15", "2020-04-15"},
	{"2023年上半年", parseBase, "2023-01-01", "2023-06-30"},
	{"2023年第四季度", parseBase, "2023-10-01", "2023-12-31"},
	{"2024年2月底", parseBase, "2024-02-29", "2024-02-29"},
	{"6月底前", parseBase, "2023-06-30", "2023-06-30"},
	{"9月下旬", parseBase, "2023-09-21", "2023-09-30"},
	{"二〇三五年", parseBase, "2035-01-01", "2035-12-31"},
	{"二O三五年", parseBase, "2035-01-01", "2035-12-31"},
	{"2021-11-16", parseBase, "2021-11-16", "2021-11-16"},
	{"2023/6/12", parseBase, "2023-06-12", "2023-06-12"},
	{"上个月", parseBase, "2023-04-01", "2023-04-30"},
	{"明天", parseBase, "2023-05-23", "2023-05-23"},
	{"2023年2月30日", parseBase, "", ""},
	{"2023年13月", parseBase, "", ""},
	{"十四五", parseBase, "", ""},
	{"2025年目标", parseBase, "", ""},
	{"", parseBase, "", ""},
}

func TestParseDate(t *testing.T) {
	for _, tc := range parseCases {
		first, last, ok := ParseDate(tc.in, tc.base)
		if tc.first == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %s…%s, want no date", tc.in, first.Format(time.DateOnly), last.Format(time.DateOnly))
			}
			continue
		}
		if !ok {
			t.Errorf("ParseDate(%q): no date, want %s…%s", tc.in, tc.first, tc.last)
			continue
		}
		if f, l := first.Format(time.DateOnly), last.Format(time.DateOnly); f != tc.first || l != tc.last {
			t.Errorf("ParseDate(%q) = %s…%s, want %s…%s", tc.in, f, l, tc.first, tc.last)
		}
	}
}
