package regexgate

import (
	"slices"
	"testing"
)

func TestAnchoredRunes(t *testing.T) {
	cases := map[string][]rune{
		`^(分享|打印)$`:              {'分', '打'},
		`^\(?(责任编辑|编辑)[::]`:      {'(', '编', '责'},
		`^\d{20,}$`:              {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'},
		`^.{0,20}>\s*正文$`:        nil, // any rune may start it
		`版权所有`:                   nil, // not anchored
		`^(为你推荐)?$`:              nil, // matches the empty line
		`^【?(大|中|小)】?(\s*【?大)*$`: {'【', '中', '大', '小'},
	}
	for p, want := range cases {
		if got := AnchoredRunes(p, false); !slices.Equal(got, want) {
			t.Errorf("%s: first runes %q, want %q", p, got, want)
		}
	}
	if got := AnchoredRunes(`\.(?:docx?|pdf)$`, true); !slices.Equal(got, []rune{'c', 'f', 'x'}) {
		t.Errorf("last runes %q", got)
	}
}
