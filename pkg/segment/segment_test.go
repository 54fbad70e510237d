package segment

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

func defaultSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkCover checks that tokens are in order, do not overlap, hold the text
// they point at, and leave out nothing but white space.
func checkCover(t *testing.T, name, text string, tokens []Token) {
	t.Helper()
	runes := []rune(text)
	at := 0
	for i, tok := range tokens {
		if tok.Start < at || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("%s: token %d %+v: bad span after offset %d", name, i, tok, at)
		}
		if gap := string(runes[at:tok.Start]); strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("%s: token %d %+v: %q left out before it", name, i, tok, gap)
		}
		if got := string(runes[tok.Start:tok.End]); tok.Text != got {
			t.Fatalf("%s: token %d: Text %q, but runes [%d,%d) are %q", name, i, tok.Text, tok.Start, tok.End, got)
		}
		if strings.TrimFunc(tok.Text, unicode.IsSpace) != tok.Text {
			t.Fatalf("%s: token %d %+v: white space kept", name, i, tok)
		}
		if tok.Pos == "" {
			t.Fatalf("%s: token %d %+v: no part of speech", name, i, tok)
		}
		at = tok.End
	}
	if rest := string(runes[at:]); strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("%s: %q left out at the end", name, rest)
	}
}

func TestCutCoversText(t *testing.T) {
	s := defaultSegmenter(t)
	for _, doc := range corpus(t) {
		checkCover(t, doc.Name, doc.Simplified, s.Cut(doc.Simplified))
	}
	for _, text := range []string{
		"",
		"   ",
		"a",
		"到2025年,每千人口执业(助理)医师数达到3.2人。",
		"COVID-19 疫苗 接种率 ≥ 90%",
		"ǅ İstanbul Ⱥ ΣΑΣ 混排", // lower-casing that changes byte lengths
		"编号\u3000A01\t\t(二)\r\n《措施》",
	} {
		checkCover(t, text, text, s.Cut(text))
	}
}

func tokenTexts(tokens []Token) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.Text
	}
	return out
}

func hasToken(tokens []Token, word string) bool {
	for _, t := range tokens {
		if t.Text == word {
			return true
		}
	}
	return false
}

// TestCutKeepsDomainWords: the words of dict/domain_words.txt come out whole
// in the sentences that needed them.
func TestCutKeepsDomainWords(t *testing.T) {
	s := defaultSegmenter(t)
	doc := corpusDocNamed(t, "001_")
	tokens := s.Cut(doc.Simplified)
	for _, w := range []string{"市卫生健康委", "每千人口", "十四五", "约束性", "预期性", "人均预期寿命", "婴儿死亡率"} {
		if !hasToken(tokens, w) {
			t.Errorf("001: %s not a token", w)
		}
	}
	for _, c := range []struct{ sentence, word, pos string }{
		{"(责任单位:市发展改革委、市卫生健康委、信阳职业技术学院)", "市发展改革委", "nt"},
		{"(责任单位:市发展改革委、市卫生健康委、信阳职业技术学院)", "责任单位", "n"},
		{"每千人口执业(助理)医师(人)", "执业(助理)医师", "n"},
		{"日前,为促进许昌市卫生健康事业高质量发展,省卫健委出台《支持许昌高质量建设》", "省卫健委", "nt"},
		{"到2025年,人均预期寿命达到77.3岁,婴儿死亡率控制在4.5‰以下", "77.3", "m"},
		{"县域内就诊率达到90%以上", "县域内就诊率", "n"},
	} {
		tokens := s.Cut(c.sentence)
		found := false
		for _, tok := range tokens {
			if tok.Text == c.word {
				found = true
				if tok.Pos != c.pos {
					t.Errorf("%s: %s has part of speech %q, want %q", c.sentence, c.word, tok.Pos, c.pos)
				}
			}
		}
		if !found {
			t.Errorf("%s: %s not a token in %q", c.sentence, c.word, tokenTexts(tokens))
		}
	}
}

// TestCutTraditionalByOffsets: 003 is in traditional characters. It is cut
// in simplified form and its tokens mapped back by rune offset, which works
// because t2s keeps the number of runes.
func TestCutTraditionalByOffsets(t *testing.T) {
	s := defaultSegmenter(t)
	doc := corpusDocNamed(t, "003_")
	orig := []rune(doc.Original)
	if len(orig) != utf8.RuneCountInString(doc.Simplified) {
		t.Fatalf("003: t2s changed the number of runes (%d → %d)", len(orig), utf8.RuneCountInString(doc.Simplified))
	}
	words := map[string]bool{}
	for _, tok := range s.Cut(doc.Simplified) {
		words[string(orig[tok.Start:tok.End])] = true
	}
	// 衛生 never stands alone in 003: gse's dictionary has 醫療衛生,
	// 醫藥衛生, 衛生院, 衛生室.
	for _, w := range []string{"醫療", "服務", "醫院", "衛生院", "醫療衛生", "優質", "資源", "河北省"} {
		if !words[w] {
			t.Errorf("003: %s not a token of the traditional original", w)
		}
	}
}

func TestCutConcurrent(t *testing.T) {
	s := defaultSegmenter(t)
	docs := corpus(t)
	want := make([][]Token, len(docs))
	for i, d := range docs {
		want[i] = s.Cut(d.Simplified)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i, d := range docs {
				got := s.Cut(d.Simplified)
				if len(got) != len(want[i]) {
					t.Errorf("goroutine %d, %s: %d tokens, want %d", g, d.Name, len(got), len(want[i]))
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestDefaultIsShared(t *testing.T) {
	a, b := defaultSegmenter(t), defaultSegmenter(t)
	if a != b {
		t.Fatal("Default returned two Segmenters")
	}
}

// TestUserWordsWin: a [domain_words] section of a --dict file takes effect
// on the Segmenter already loaded, and goes with dict.Reset.
func TestUserWordsWin(t *testing.T) {
	s := defaultSegmenter(t)
	const text = "推进安康富硒产业园建设"
	before := strings.Join(tokenTexts(s.Cut(text)), " ")
	if strings.Contains(before, "富硒产业园") {
		t.Fatalf("富硒产业园 is already a word: %s", before)
	}
	path := filepath.Join(t.TempDir(), "my.txt")
	if err := os.WriteFile(path, []byte("[domain_words]\n富硒产业园\t3000\tnz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := dict.Extend(path); err != nil {
		t.Fatal(err)
	}
	defer dict.Reset()
	tokens := s.Cut(text)
	if got := strings.Join(tokenTexts(tokens), " "); got != "推进 安康 富硒产业园 建设" {
		t.Fatalf("with the user word: %s (before: %s)", got, before)
	}
	if tokens[2].Pos != "nz" {
		t.Errorf("富硒产业园 has part of speech %q, want nz", tokens[2].Pos)
	}
	dict.Reset()
	if got := strings.Join(tokenTexts(s.Cut(text)), " "); got != before {
		t.Errorf("after Reset: %s, want %s", got, before)
	}
}
