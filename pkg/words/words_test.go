package words

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/segment"
)

var (
	tokensOnce sync.Once
	tokens     map[string][]segment.Token // corpus document number → tokens of its body
	tokensErr  error
)

// corpusTokens cuts the body of every corpus document, read as cnplan
// words reads it (page junk dropped), keyed by number ("001").
func corpusTokens(t *testing.T) map[string][]segment.Token {
	t.Helper()
	tokensOnce.Do(func() {
		seg, err := segment.Default()
		if err != nil {
			tokensErr = err
			return
		}
		tokens = map[string][]segment.Token{}
		paths, _ := filepath.Glob(filepath.Join(corpus.Dir(), "*.txt"))
		for _, p := range paths {
			d, err := document.Read(p, nil, document.Options{})
			if err != nil {
				tokensErr = err
				return
			}
			tokens[filepath.Base(p)[:3]] = seg.Cut(d.Body.Text)
		}
	})
	if tokensErr != nil || len(tokens) < 5 {
		t.Fatalf("corpus: %v (%d documents)", tokensErr, len(tokens))
	}
	return tokens
}

// firstFive are the corpus documents the expected values below were
// counted on (the corpus grows; these stay).
var firstFive = []string{"000", "001", "002", "003", "004"}

// corpusTerms filters the first five corpus documents, in number order.
func corpusTerms(t *testing.T, f Filter) (names []string, docs [][]Term) {
	toks := corpusTokens(t)
	for _, n := range firstFive {
		docs = append(docs, f.Terms(toks[n]))
	}
	return firstFive, docs
}

func countOf(counts []Count, word string) (Count, int) {
	for i, c := range counts {
		if c.Word == word {
			return c, i
		}
	}
	return Count{}, -1
}

var defaultFilter = Filter{MinLen: 2}

// TestCounts001: the health plan of 安康 stresses 健康, 卫生, 医疗.
func TestCounts001(t *testing.T) {
	doc := defaultFilter.Terms(corpusTokens(t)["001"])
	counts := Counts([][]Term{doc}, 1)
	for _, w := range []struct {
		word        string
		count, rank int
	}{{"健康", 233, 0}, {"建设", 142, 1}, {"服务", 133, 2}, {"卫生", 98, 3}, {"医疗", 88, 4}, {"医院", 84, 5}, {"公共卫生", 44, -1}} {
		c, rank := countOf(counts, w.word)
		if c.Count != w.count || w.rank >= 0 && rank != w.rank {
			t.Errorf("001: %s counted %d at rank %d, want %d at rank %d", w.word, c.Count, rank, w.count, w.rank)
		}
	}
	if c, _ := countOf(counts, "健康"); c.Docs != 1 || c.Share != 34.7139 {
		t.Errorf("001: 健康 %+v, want docs 1, share 34.7139 per 1000", c)
	}
	// Left out by default: stop words, punctuation, numbers, single characters.
	for _, w := range []string{"的", "和", "，", "2025年", "市"} {
		if _, rank := countOf(counts, w); rank >= 0 {
			t.Errorf("001: %q counted by default", w)
		}
	}
	all := Counts([][]Term{Filter{KeepStop: true, KeepNumbers: true}.Terms(corpusTokens(t)["001"])}, 1)
	for _, w := range []struct {
		word  string
		count int
	}{{"的", 185}, {"和", 166}, {"2025年", 21}} {
		if c, _ := countOf(all, w.word); c.Count != w.count {
			t.Errorf("001, everything kept: %s counted %d, want %d", w.word, c.Count, w.count)
		}
	}
	if _, rank := countOf(all, "，"); rank >= 0 {
		t.Error("001: punctuation counted")
	}
}

func TestFilterPOSAndMinCount(t *testing.T) {
	toks := corpusTokens(t)["001"]
	nouns := Counts([][]Term{Filter{MinLen: 2, POS: []string{"n"}}.Terms(toks)}, 30)
	if len(nouns) == 0 || nouns[0].Word != "医疗" || nouns[0].Count != 88 {
		t.Fatalf("001 nouns: %+v, want 医疗 88 first", nouns[:min(3, len(nouns))])
	}
	for _, c := range nouns {
		if c.Pos[0] != 'n' || c.Count < 30 {
			t.Errorf("001 nouns seen 30 times or more: %+v", c)
		}
	}
	if c, _ := countOf(nouns, "健康"); c.Count != 0 {
		t.Errorf("健康 (a) kept by --pos n: %+v", c)
	}
	places := Counts([][]Term{Filter{MinLen: 2, POS: []string{"ns"}}.Terms(toks)}, 1)
	if c, _ := countOf(places, "安康市"); c.Count == 0 || c.Pos != "ns" {
		t.Errorf("001 places: 安康市 %+v in %+v", c, places[:min(5, len(places))])
	}
}

// TestCountsPooled: pooled counts add up the documents', and docs says in
// how many each word occurs; 003 (traditional) counts with the others.
func TestCountsPooled(t *testing.T) {
	_, docs := corpusTerms(t, defaultFilter)
	pooled := Counts(docs, 1)
	sum := 0
	for _, d := range docs {
		c, _ := countOf(Counts([][]Term{d}, 1), "医疗")
		sum += c.Count
	}
	c, _ := countOf(pooled, "医疗")
	if c.Count != sum || c.Docs != 5 || sum != 150 {
		t.Errorf("医疗 pooled %+v, per-document sum %d, want 150 in 5 documents", c, sum)
	}
	if c, _ := countOf(Counts(docs[3:4], 1), "医疗"); c.Count != 11 {
		t.Errorf("003 (traditional 醫療) counts 医疗 %d times, want 11", c.Count)
	}
	if c, _ := countOf(pooled, "扶贫"); c.Docs != 2 || c.Count != 21 {
		t.Errorf("扶贫 pooled %+v, want 21 in 2 documents", c)
	}
	if got := Counts(docs, 100); len(got) != 6 || got[0].Word != "健康" {
		t.Errorf("words seen 100 times or more: %+v", got)
	}
}

// TestKeywordsCorpus: weighed against the corpus, each document's keywords
// are what sets it apart: its city, its subject.
func TestKeywordsCorpus(t *testing.T) {
	names, docs := corpusTerms(t, defaultFilter)
	idf := CorpusIDF(docs)
	want := map[string]string{"000": "许昌市", "001": "健康", "002": "医院", "004": "健康"}
	for i, n := range names {
		kws := Keywords(docs[i], idf, 5)
		if len(kws) != 5 {
			t.Fatalf("%s: %d keywords, want 5", n, len(kws))
		}
		if w, ok := want[n]; ok && kws[0].Word != w {
			t.Errorf("%s: first keyword %+v, want %s", n, kws[0], w)
		}
	}
	k := Keywords(docs[0], idf, 1)[0]
	// 许昌市 occurs in 000 only: idf ln(6/2)+1; tf 25 of 000's words.
	if k.Count != 25 || k.IDF != 2.098612 || k.TF != 0.024062 || k.Score != 0.050496 {
		t.Errorf("000: %+v", k)
	}
	if got := idf.IDF("建设"); got != 1 {
		t.Errorf("建设 occurs in every document: IDF %v, want 1", got)
	}
	if kws := Keywords(nil, idf, 5); kws != nil {
		t.Errorf("no words, keywords %+v", kws)
	}
}

// TestKeywordsBackground: one document alone, weighed by jieba's table.
func TestKeywordsBackground(t *testing.T) {
	idf, err := BackgroundIDF()
	if err != nil {
		t.Fatal(err)
	}
	_, docs := corpusTerms(t, defaultFilter)
	kws := Keywords(docs[1], idf, 8)
	got := []string{}
	for _, k := range kws {
		got = append(got, k.Word)
	}
	for i, w := range []string{"健康", "卫生", "服务", "建设", "医疗", "医院", "公共卫生"} {
		if i >= len(got) || got[i] != w {
			t.Fatalf("001 keywords against the background: %v, want %s at %d", got, w, i+1)
		}
	}
	if v := idf.IDF("卫生"); v != 7.380057 && (v < 7.38 || v > 7.3801) {
		t.Errorf("IDF of 卫生 %v, want jieba's 7.38…", v)
	}
	if v, m := idf.IDF("无此词语"), idf.(backgroundIDF).median; v != m || m < 10 || m > 12 {
		t.Errorf("an unknown word weighs %v, want the median %v (10–12)", v, m)
	}
}
