package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCutLongBlock: a text without punctuation is cut in bounded pieces
// and still covered.
func TestCutLongBlock(t *testing.T) {
	s := defaultSegmenter(t)
	text := strings.Repeat("推进医疗卫生服务体系建设提升能力", 5000) // 80,000 runes, one block
	tokens := s.Cut(text)
	checkCover(t, "long block", text, tokens)
	if n := len(tokens); n < 20000 {
		t.Errorf("%d tokens for 80,000 characters", n)
	}
}

// FuzzCut: any text is covered by its tokens, in order, without panics.
func FuzzCut(f *testing.F) {
	for _, seed := range []string{
		"已成为目前1", "和服务质量x", "执业(助理)医师数", "二○○一年……——", "11.5%以上,2025年12月",
		"COVID-19 疫苗", "\u3000A01\t(二)\r\n", "ǅ İstanbul", "\xff\xfe中", "x-.%_#&+",
	} {
		f.Add(seed)
	}
	s, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("Cut takes UTF-8 text (the decode stage's output)")
		}
		checkCover(t, "fuzz", text, s.Cut(text))
	})
}
