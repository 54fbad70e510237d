package number

import "testing"

// TestRanges: what is a range and what only looks like one.
func TestRanges(t *testing.T) {
	tests := []struct {
		text     string
		min, max float64 // 0, 0: the first mention is no range
		mult     string
		pct      string
	}{
		{"鼓励支持发展托育机构10-20所", 10, 20, "", ""},       // 001
		{"组建4-6只紧急医学救援队伍", 4, 6, "", ""},           // 001
		{"行动方案(2023—2025年)", 2023, 2025, "", ""},   // 002
		{"健康中国行动(2019-2030年)", 2019, 2030, "", ""}, // 001
		{"占比60%—80%", 60, 80, "", "%"},
		{"占比60-80%", 60, 80, "", "%"}, // the sign of the upper end holds for both
		{"投入3-5万元", 3, 5, "万", ""},    // so does the multiplier
		{"每年2至3个", 2, 3, "", ""},
		{"一到五个", 1, 5, "", ""},
		{"10000与20000之间", 10000, 20000, "", ""},
		{"20 - 100个", 20, 100, "", ""},
		{"发布日期:2021-11-16", 0, 0, "", ""},       // 001: a date
		{"健康素养水平从7.8%提升到11.79%", 0, 0, "", "%"}, // 001: a change, not a range
		{"由5%到10%", 0, 0, "", "%"},
		{"占比60%-80", 0, 0, "", "%"}, // the ends disagree
		{"20-10", 0, 0, "", ""},     // falling
		{"电话0912-3212345", 0, 0, "", ""},
	}
	for _, tt := range tests {
		qs := Scan(tt.text)
		if len(qs) == 0 {
			t.Errorf("Scan(%q): nothing", tt.text)
			continue
		}
		q := qs[0]
		if tt.max == 0 {
			if q.IsRange {
				t.Errorf("Scan(%q): range %v-%v, want none", tt.text, q.Value, q.ValueMax)
			}
			continue
		}
		if !q.IsRange || q.Value != tt.min || q.ValueMax != tt.max || q.Multiplier != tt.mult || q.Percent != tt.pct || q.Comparator != "range" {
			t.Errorf("Scan(%q) = %+v, want %v-%v %q %q", tt.text, q, tt.min, tt.max, tt.mult, tt.pct)
		}
	}
}

// TestRangeStopped: a stop word holds even where a range would license
// the numeral.
func TestRangeStopped(t *testing.T) {
	for _, text := range []string{"统一到五个"} {
		for _, q := range Scan(text) {
			if q.IsRange {
				t.Errorf("Scan(%q): range %+v", text, q)
			}
		}
	}
	qs := Scan("第一批试点")
	if len(qs) != 1 || !qs[0].Ordinal || qs[0].Value != 1 {
		t.Errorf("Scan(第一批试点) = %+v", qs)
	}
}
