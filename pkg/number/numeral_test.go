package number

import "testing"

// TestParse: numerals as plans write them, and what is not a numeral.
func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1264.2", 1264.2},
		{"1,234", 1234},
		{"1,050,000", 1050000},
		{"0.75", 0.75},
		{"-2.5", -2.5},
		{"三千零五", 3005},
		{"两万", 20000},
		{"二O三五", 2035}, // 二O三五年远景目标纲要: a letter O for 〇
		{"二○二五", 2025},
		{"二〇二五", 2025},
		{"〇点五", 0.5},
		{"十一", 11},
		{"十", 10},
		{"一百一十", 110},
		{"一百二", 120},        // colloquial: 一百二 is 120
		{"三万五", 35000},      // and 三万五 is 35000
		{"一百二十万三", 1203000}, // the last digit is one place below 万
		{"十九", 19},
		{"二十一万亿", 21e12},
		{"一万五千亿", 1.5e12},
		{"四万万", 4e8},
		{"四十五亿四千零四万", 4540040000},
		{"一千零一十", 1010},
		{"一千零十", 1010},
		{"一万零百一十一", 10111},
		{"五点八", 5.8},
		{"十五点七", 15.7},
		{"负十一", -11},
		{"廿二", 22},
		{"壹拾壹元整", 11},
		{"玖仟陆佰陆拾伍圆壹角捌分", 9665.18},
		{"兩千六", 2600},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || !sameNumber(got, tt.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	bad := []string{
		"", "百分之五十", "1.5万", "3千零1", "百十一", "十一十二", "零点", "点五",
		"万", "亿", "两两", "一百零", "10..1", "O", "负", "元整", "一百点123",
	}
	for _, in := range bad {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, got)
		}
	}
}

// TestNumeralRunes: the fast switch and the value tables agree.
func TestNumeralRunes(t *testing.T) {
	n := 0
	for r := range digitVal {
		if !isNumeralRune(r) {
			t.Errorf("%q is a digit but not a numeral rune", r)
		}
		n++
	}
	for r := range unitVal {
		if !isNumeralRune(r) {
			t.Errorf("%q is a unit but not a numeral rune", r)
		}
		n++
	}
	for r := rune(0x4E00); r < 0x9FFF; r++ {
		_, d := digitVal[r]
		_, u := unitVal[r]
		if isNumeralRune(r) != (d || u) {
			t.Errorf("%q: switch and tables disagree", r)
		}
	}
}
