package number

import "testing"

// TestPercent: percentages, permilles and rates per N.
func TestPercent(t *testing.T) {
	tests := []struct {
		text    string
		value   float64
		pct     string
		per     string
		mention string
	}{
		{"增长33.6%", 33.6, "%", "", "33.6%"},                    // 001
		{"婴儿死亡率控制在2.11‰", 2.11, "‰", "", "控制在2.11‰"},           // 001
		{"孕产妇死亡率控制在9.39/10万", 9.39, "", "/10万", "控制在9.39/10万"}, // 001
		{"达到3.0/10万人以上", 3, "", "/10万", "达到3.0/10万"},           // 001: 人 is the caller's
		{"提高百分之五十", 50, "%", "", "百分之五十"},
		{"百分之2.4", 2.4, "%", "", "百分之2.4"},
		{"千分之三", 3, "‰", "", "千分之三"},
		{"百分之百", 100, "%", "", "百分之百"},
		{"降低5个百分点", 5, "", "", "5"}, // a count of points, not a percentage
		{"-22.2%", -22.2, "%", "", "-22.2%"},
		{"每1000人口", 1000, "", "", "1000"},
		{"1/2", 1, "", "", "1"}, // a fraction, no rate
		{"3.5/1000", 3.5, "", "/1000", "3.5/1000"},
	}
	for _, tt := range tests {
		qs := Scan(tt.text)
		if len(qs) == 0 {
			t.Errorf("Scan(%q): nothing", tt.text)
			continue
		}
		q := qs[0]
		rs := []rune(tt.text)
		if q.Value != tt.value || q.Percent != tt.pct || q.Per != tt.per || string(rs[q.Start:q.End]) != tt.mention {
			t.Errorf("Scan(%q) = %v %q %q %q, want %v %q %q %q", tt.text, q.Value, q.Percent, q.Per, string(rs[q.Start:q.End]), tt.value, tt.pct, tt.per, tt.mention)
		}
	}
}
