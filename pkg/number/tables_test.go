package number

import (
	"strings"
	"testing"
)

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

// TestPercentPrefixesEndInFenZhi: percentPrefixAt rules a position out by
// its 分之 before trying the prefixes one by one.
func TestPercentPrefixesEndInFenZhi(t *testing.T) {
	for _, pp := range percentPrefixes {
		if len(pp.word) != 3 || pp.word[1] != '分' || pp.word[2] != '之' {
			t.Errorf("%q is not X分之", string(pp.word))
		}
	}
}

// TestNumeralEntries: the indexed entries say what the tables say.
func TestNumeralEntries(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		d, isDigit := digitVal[r]
		u, isUnit := unitVal[r]
		e := numeral(r)
		if e.digit != isDigit || e.unit != isUnit || isDigit && e.val != d || isUnit && e.val != u {
			t.Errorf("%q: entry %+v", r, *e)
		}
		if (isDigit || isUnit) && e.capital != strings.ContainsRune(capitalRunes, r) {
			t.Errorf("%q: capital %v", r, e.capital)
		}
	}
}
