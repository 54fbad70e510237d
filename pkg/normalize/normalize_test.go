package normalize

import (
	"os"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/textview"
)

func readCorpus(t *testing.T, prefix string) string {
	t.Helper()
	matches, _ := os.ReadDir("../../testdata/corpus")
	for _, m := range matches {
		if strings.HasPrefix(m.Name(), prefix) {
			b, err := os.ReadFile("../../testdata/corpus/" + m.Name())
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no corpus document %s", prefix)
	return ""
}

func TestDetectScript(t *testing.T) {
	for prefix, want := range map[string]string{
		"000": Simplified, "001": Simplified, "002": Simplified,
		"003": Traditional, "004": Simplified,
	} {
		if got := DetectScript(readCorpus(t, prefix)); got != want {
			t.Errorf("%s: script %s, want %s", prefix, got, want)
		}
	}
}

func TestTraditionalViewMapsBack(t *testing.T) {
	orig := readCorpus(t, "003")
	v, err := View(textview.Identity(orig), Traditional)
	if err != nil {
		t.Fatal(err)
	}
	// 003: "啟動4個省級區域醫療中心建設" must read simplified, and its span
	// must quote the traditional original.
	want := "启动4个省级区域医疗中心建设"
	i := strings.Index(v.Text, want)
	if i < 0 {
		t.Fatalf("simplified view lacks %q", want)
	}
	start := v.RuneIndex(i)
	s, e := v.Span(start, start+len([]rune(want)))
	if got := string([]rune(orig)[s:e]); got != "啟動4個省級區域醫療中心建設" {
		t.Fatalf("maps back to %q", got)
	}
}

func TestFoldKeepsCircledNumbersAndChinesePunctuation(t *testing.T) {
	v := Fold(textview.Identity("（责任单位：市财政局）①２０２５年。"))
	if v.Text != "(责任单位:市财政局)①2025年。" {
		t.Fatalf("folded %q", v.Text)
	}
}
