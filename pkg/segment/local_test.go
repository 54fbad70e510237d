package segment

import (
	"strings"
	"testing"
)

// sentences splits text after each mark that ends a sentence or a clause
// (。！？；, and line ends), keeping the mark with its sentence.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。！？；!?;\n", r) {
			end := i + len(string(r))
			out = append(out, text[start:end])
			start = end
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// TestCutIsLocal: appending text after a sentence boundary never changes
// the words before it. Each sentence of the corpus is cut alone, then with
// the next sentence after it and with suffixes that start dictionary words
// without being words (1, x, 目前, the characters that used to tie gse's
// scores and turn a whole text to longest match).
func TestCutIsLocal(t *testing.T) {
	s := defaultSegmenter(t)
	suffixes := []string{"1", "x", "目前", "a", "4", "AA制"}
	checked := 0
	for _, d := range corpus(t) {
		sents := sentences(d.Simplified)
		for i, sent := range sents {
			if strings.TrimSpace(sent) == "" {
				continue
			}
			alone := s.Cut(sent)
			after := suffixes
			if i+1 < len(sents) {
				after = append([]string{sents[i+1]}, suffixes...)
			}
			for _, suffix := range after {
				with := s.Cut(sent + suffix)
				if len(with) < len(alone) || !sameTokens(alone, with[:len(alone)]) ||
					len(with) > len(alone) && with[len(alone)].Start < runeLen(sent) {
					t.Fatalf("%s: %q cut alone gives %q; followed by %q it gives %q",
						d.Name, sent, tokenTexts(alone), suffix, tokenTexts(with[:min(len(with), len(alone)+1)]))
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d sentence pairs checked", checked)
	}
}

func sameTokens(a, b []Token) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCutExamplesOfTheDefect: the cuts that depended on text far away.
func TestCutExamplesOfTheDefect(t *testing.T) {
	s := defaultSegmenter(t)
	for _, c := range []struct{ text, want string }{
		{"已成为目前", "已 成为 目前"},
		{"已成为目前1", "已 成为 目前 1"},
		{"和服务质量x", "和 服务质量 x"},
		{"推进农业产业化。1", "推进 农业 产业化 。 1"},
		{"习近平总书记", "习近平 总书记"},
	} {
		if got := strings.Join(tokenTexts(s.Cut(c.text)), " "); got != c.want {
			t.Errorf("Cut(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCutNumbersAndMarks: a number keeps its decimals and per cent sign
// and joins 年, 月, 日 after it; a run of dashes or ellipsis dots is one
// mark; other marks stand alone.
func TestCutNumbersAndMarks(t *testing.T) {
	s := defaultSegmenter(t)
	for _, c := range []struct{ text, want string }{
		{"到2025年12月31日完成", "到 2025年 12月 31日 完成"},
		{"增长11.5%以上", "增长 11.5% 以上"},
		{"新世纪——二○○一年……", "新世纪 —— 二○○一年 ……"},
		{"(2023—2025年)", "( 2023 — 2025年 )"},
		{"COVID-19 疫苗", "COVID - 19 疫苗"},
	} {
		tokens := s.Cut(c.text)
		if got := strings.Join(tokenTexts(tokens), " "); got != c.want {
			t.Errorf("Cut(%q) = %q, want %q", c.text, got, c.want)
		}
		checkCover(t, c.text, c.text, tokens)
	}
	for _, tok := range s.Cut("达到3.2人,2025年") {
		if (tok.Text == "3.2" || tok.Text == "2025年") && tok.Pos != "m" {
			t.Errorf("%s has part of speech %q, want m", tok.Text, tok.Pos)
		}
	}
}
