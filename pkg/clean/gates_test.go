package clean

import (
	"slices"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
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
		if got := anchoredRunes(p, false); !slices.Equal(got, want) {
			t.Errorf("%s: first runes %q, want %q", p, got, want)
		}
	}
	if got := anchoredRunes(`\.(?:docx?|pdf)$`, true); !slices.Equal(got, []rune{'c', 'f', 'x'}) {
		t.Errorf("last runes %q", got)
	}
}

// TestPrefiltersAreSound: on every line of the corpus and of junk written
// here, the rune gates and the word index let through every line the
// pattern matches.
func TestPrefiltersAreSound(t *testing.T) {
	c := junkRules.Get()
	if c.err != nil {
		t.Fatal(c.err)
	}
	lines := []string{"返回首页 > 您现在的位置: 首页", "版权所有 2023", "分享", "打印本页", "【大】【中】【小】",
		"(责任编辑:张三)", "推荐阅读", "首页 > 正文", "12345678901234567890123", "附件.docx", "a|bb|cc|dd|ee|",
		"- 配套讲稿:xx", "浏览次数: 12", "主办单位:市政府 技术支持:某公司", "本文由会员分享,可在线阅读"}
	for _, d := range corpus.All(t) {
		for _, l := range strings.Split(d.Normalised, "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	found := make([]bool, len(c.rules))
	matched := 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		clear(found)
		c.words.mark(l, found)
		for k := range c.rules {
			r := &c.rules[k]
			if !r.re.MatchString(l) {
				continue
			}
			matched++
			if !r.matches(l) {
				t.Errorf("%s: gates refuse %q", r.re, l)
			}
			if r.indexed && !found[k] {
				t.Errorf("%s: word index misses %q", r.re, l)
			}
		}
	}
	if matched < 20 {
		t.Fatalf("only %d lines matched a pattern: the test tries too little", matched)
	}
}
