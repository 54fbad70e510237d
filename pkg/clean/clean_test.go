package clean

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/internal/corpus"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

func cleanCorpus(t *testing.T, prefix string) (orig string, res Result) {
	t.Helper()
	d := corpus.Get(t, prefix)
	v, err := normalize.View(textview.Identity(d.Original), normalize.DetectScript(d.Original))
	if err != nil {
		t.Fatal(err)
	}
	res, err = Clean(v, false)
	if err != nil {
		t.Fatal(err)
	}
	return d.Original, res
}

func TestCleanCorpus(t *testing.T) {
	cases := []struct {
		doc        string
		keep, gone []string
		minDropped int
	}{
		{"000", []string{"每千人口拥有3岁以下婴幼儿托位数达到4.5个", "冉高垒说"},
			[]string{"返回首页", "责任编辑", "最新资讯杂谈", "欢迎咨询", "返回顶部"}, 4},
		{"001", []string{"安康市“十四五”卫生健康事业发展规划", "营造良好环境"},
			[]string{"相关链接", "\n关闭", "\n分享\n"}, 3},
		// 002: the sharing site's blurb goes, page numbers are joined back.
		{"002", []string{"达标率不低于90%", "分工明确、功能互补", "省级区域医疗中心"},
			[]string{"由会员分享", "配套讲稿", "word图标", ".docx", "\n2、确"}, 6},
		// 003 (traditional, normalised to simplified): the link farm goes.
		{"003", []string{"启动4个省级区域医疗中心建设", "支持打造中西医协同"},
			[]string{"无码", "中文字幕", "责任编辑", "加载更多新闻"}, 5},
		{"004", []string{"县级以上综合医院远程会诊覆盖率达100%", "兰州日报社全媒体记者"},
			[]string{"推荐阅读", "责编"}, 2},
	}
	for _, c := range cases {
		_, res := cleanCorpus(t, c.doc)
		for _, k := range c.keep {
			if !strings.Contains(res.View.Text, k) {
				t.Errorf("%s: cleaned text lost %q", c.doc, k)
			}
		}
		for _, g := range c.gone {
			if strings.Contains(res.View.Text, g) {
				t.Errorf("%s: cleaned text still holds %q", c.doc, g)
			}
		}
		if res.Dropped < c.minDropped {
			t.Errorf("%s: dropped %d lines, want at least %d", c.doc, res.Dropped, c.minDropped)
		}
	}
}

// The joined sentence must still quote the original, artefact included:
// gold quotes "达标率不\n5、低于90%".
func TestJoinedSpanQuotesOriginal(t *testing.T) {
	orig, res := cleanCorpus(t, "002")
	if res.Joined < 5 {
		t.Fatalf("joined %d page artefacts, want at least 5", res.Joined)
	}
	want := "达标率不低于90%"
	i := strings.Index(res.View.Text, want)
	start := res.View.RuneIndex(i)
	s, e := res.View.Span(start, start+len([]rune(want)))
	if got := string([]rune(orig)[s:e]); got != "达标率不\n5、低于90%" {
		t.Fatalf("span quotes %q", got)
	}
}

func TestKeepAllChangesNothing(t *testing.T) {
	v := textview.Identity("返回首页 > 您现在的位置: 首页\n正文。")
	res, err := Clean(v, true)
	if err != nil || res.View.Text != v.Text || res.Dropped != 0 {
		t.Fatalf("keep-all changed the text: %q, %v", res.View.Text, err)
	}
}

func TestShortNumberedListIsNotJoined(t *testing.T) {
	v := textview.Identity("1、加强组织领导\n2、强化资金保障\n3、严格督导考核\n")
	res, err := Clean(v, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.View.Text != v.Text || res.Joined != 0 {
		t.Fatalf("a real list was changed: %q", res.View.Text)
	}
}

// Text wrapped at a fixed width (as PDF text comes out) is joined back into
// sentences; headings and items are not joined.
func TestHardWrappedTextIsJoined(t *testing.T) {
	d := corpus.Get(t, "001")
	// Rewrap 001's first long paragraphs at 30 runes a line, as pdftotext would.
	var paras []string
	for _, p := range strings.Split(d.Normalised, "\n") {
		if utf8.RuneCountInString(p) > 90 && len(paras) < 6 {
			paras = append(paras, p)
		}
	}
	var wrapped strings.Builder
	for k, p := range paras {
		fmt.Fprintf(&wrapped, "(%s)重点任务\n", []string{"一", "二", "三", "四", "五", "六"}[k])
		r := []rune(p)
		for i := 0; i < len(r); i += 30 {
			wrapped.WriteString(string(r[i:min(i+30, len(r))]) + "\n")
		}
	}
	res, err := Clean(textview.Identity(wrapped.String()), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paras {
		if !strings.Contains(res.View.Text, p) {
			t.Fatalf("paragraph not joined back: %.40s…\n%s", p, res.View.Text)
		}
	}
	if !strings.Contains(res.View.Text, "\n(二)重点任务\n") {
		t.Fatalf("a heading was joined:\n%s", res.View.Text)
	}
	// The corpus itself is not wrapped: nothing of it is joined this way.
	for _, p := range []string{"000", "001", "003", "004"} {
		if _, res := cleanCorpus(t, p); res.Joined != 0 {
			t.Errorf("%s: %d lines joined in unwrapped text", p, res.Joined)
		}
	}
}

// The words a pattern needs are a sound prefilter: a line without any of
// them cannot match.
func TestRequiredWords(t *testing.T) {
	cases := map[string][]string{
		`^.{0,60}(版权所有|ICP备|技术支持[::])`: {"版权所有", "ICP备", "技术支持:"},
		`^(分享|打印)$`:     {"分享", "打印"},
		`由会员分享.*可在线阅读`:  {"由会员分享"},
		`^\d{20,}$`:     nil,
		`^(为你推荐|.*推荐)$`: nil, // an alternative with no literal start: no prefilter
	}
	for p, want := range cases {
		got := requiredWords(p)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}
