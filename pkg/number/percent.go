package number

// Percentages, permilles and rates per N.
//
// 50% and 2.11‰ carry their sign after the number; 百分之五十 and 千分之三
// carry it before. 11/10万 and 9.39/10万 are rates: the denominator is kept
// as written in Quantity.Per. "5个百分点" is not a percentage but a count of
// percentage points, and is left to the caller with the other unit words.

// percentPrefixes are the written-out forms, with the sign each stands for.
// Denominators beyond 万 (百万分之五) are fractions, not percentages.
var percentPrefixes = []struct {
	word []rune
	sign string
}{
	{[]rune("百分之"), "%"},
	{[]rune("佰分之"), "%"},
	{[]rune("千分之"), "‰"},
	{[]rune("仟分之"), "‰"},
	{[]rune("万分之"), "‱"},
	{[]rune("萬分之"), "‱"},
}

// percentPrefixAt returns the sign of the written-out percentage that
// starts at p, and its length in runes.
func percentPrefixAt(rs []rune, p int) (string, int) {
	// Every form is X分之: most numbers are ruled out by their next rune.
	if p < 0 || p+2 >= len(rs) || rs[p+1] != '分' || rs[p+2] != '之' {
		return "", 0
	}
	for _, pp := range percentPrefixes {
		if hasRunes(rs, p, pp.word) {
			// 一百分之五 and 五百分之二 are fractions: the 百 belongs to a numeral.
			if p > 0 {
				if _, ok := digitValue(rs[p-1]); ok {
					return "", 0
				}
				if isASCIIDigit(rs[p-1]) {
					return "", 0
				}
			}
			return pp.sign, len(pp.word)
		}
	}
	return "", 0
}

// percentSignAt returns the percent or permille sign at p.
func percentSignAt(rs []rune, p int) string {
	if p < len(rs) {
		switch rs[p] {
		case '%':
			return "%"
		case '‰':
			return "‰"
		case '‱':
			return "‱"
		}
	}
	return ""
}

// perAt reads a rate denominator at p: "/10万", "/万", "/1000", "/10万人"
// (without 人, which is the caller's unit). The denominator must be a power
// of ten with a multiplier, or a power of ten of at least 100, so that a
// fraction (1/2) or a date (2021/11/16) is not taken for a rate.
func perAt(rs []rune, p int) (string, int) {
	n := len(rs)
	if p >= n || rs[p] != '/' {
		return "", p
	}
	q := p + 1
	digits := 0
	if q < n && rs[q] == '1' {
		q++
		digits++
		for q < n && rs[q] == '0' {
			q++
			digits++
		}
	}
	if q < n && isASCIIDigit(rs[q]) {
		return "", p // not a power of ten
	}
	units := 0
	for q < n {
		if v, ok := unitValue(rs[q]); ok && v >= 10 {
			q++
			units++
			continue
		}
		break
	}
	if units == 0 && digits < 3 {
		return "", p
	}
	if units > 0 && digits == 1 {
		return "", p // "/1万" is not how a rate is written
	}
	return string(rs[p:q]), q
}

func hasRunes(rs []rune, p int, w []rune) bool {
	if p < 0 || p+len(w) > len(rs) {
		return false
	}
	for i, r := range w {
		if rs[p+i] != r {
			return false
		}
	}
	return true
}
