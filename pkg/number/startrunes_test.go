package number

import "testing"

// TestStartRunes: the bit set holds exactly the runes mayStart's rules
// name.
func TestStartRunes(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		want := isASCIIDigit(r) || isNeg(r) || r == '-' || r == '−' || r == '廿' || r == '卅' || r == '.' || isNumeralRune(r)
		if startRunes.mayHold(r) != want {
			t.Errorf("%q: in the set %v, want %v", r, !want, want)
		}
		if scanRunes.mayHold(r) != (want || r == '第' || r == 'h' || r == 'w') {
			t.Errorf("%q: scanRunes disagrees", r)
		}
	}
}
