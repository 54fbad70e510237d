package extract

import (
	"github.com/cnplan/cnplan/pkg/textview"
	"testing"
)

// Headings of every shipped marker are found, at a line start and, for
// the unambiguous ones, after a full stop of a line whose breaks were
// lost; a numbered sentence inside prose is not one. Every shipped rule
// has a first-rune gate, so the patterns run only where a marker stands.
func TestFindHeadings(t *testing.T) {
	text := "一、发展基础\n(一)主要成效\n1.卫生资源总量稳步增长\n(2)医疗服务能力\n①基层\n专栏3 重大工程\n" +
		"全市共有医院45所,其中1.5万张床位。(二)面临形势。二、总体要求\n"
	want := []string{"一、发展基础", "(一)主要成效", "1.卫生资源总量稳步增长", "(2)医疗服务能力", "①基层", "专栏3 重大工程", "(二)面临形势", "二、总体要求"}
	rs := []rune(text)
	hs := findHeadings(textview.Identity(text))
	var got []string
	for _, h := range hs {
		got = append(got, string(rs[h.start:h.end]))
	}
	if len(got) != len(want) {
		t.Fatalf("headings %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("heading %d = %q, want %q", i, got[i], want[i])
		}
	}
	for _, r := range loadHeadingRules() {
		if r.first == nil {
			t.Errorf("heading rule %s has no first-rune gate", r.re)
		}
	}
}
