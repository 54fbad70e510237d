package clean

import (
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
)

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
