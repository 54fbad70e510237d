package number

import (
	"reflect"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
)

// TestScanRunesMatchesScan: on every corpus sentence, read as a stretch of
// its document's runes (as extract calls it), ScanRunes finds what Scan
// finds in the sentence's string, and AppendScanRunes appends the same.
func TestScanRunesMatchesScan(t *testing.T) {
	for _, d := range corpus.All(t) {
		rs := []rune(d.Normalised)
		start := 0
		var buf []Quantity
		for i := 0; i <= len(rs); i++ {
			if i < len(rs) && rs[i] != '。' && rs[i] != '\n' {
				continue
			}
			want := Scan(string(rs[start:i]))
			if got := ScanRunes(rs[start:i]); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %q: ScanRunes %+v, Scan %+v", d.Name, string(rs[start:i]), got, want)
			}
			n := len(buf)
			buf = AppendScanRunes(buf, rs[start:i])
			if len(want) > 0 && !reflect.DeepEqual(buf[n:], want) {
				t.Fatalf("%s: %q: AppendScanRunes %+v, Scan %+v", d.Name, string(rs[start:i]), buf[n:], want)
			}
			start = i + 1
		}
	}
}
