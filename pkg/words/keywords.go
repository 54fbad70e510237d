package words

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/cnplan/cnplan/dict"
)

// Keyword is a word of a document with its TF-IDF weight.
type Keyword struct {
	Word  string  `json:"word"`
	Pos   string  `json:"pos"`
	Count int     `json:"count"` // occurrences in the document
	TF    float64 `json:"tf"`    // count / words counted in the document
	IDF   float64 `json:"idf"`
	Score float64 `json:"score"` // TF × IDF
}

// IDF gives a word's inverse document frequency.
type IDF interface {
	IDF(word string) float64
}

// corpusIDF weighs words against the documents given: ln((1+N)/(1+df)) + 1,
// the smoothed form, so that a word in every document still weighs 1.
type corpusIDF struct {
	n  int
	df map[string]int
}

// CorpusIDF counts in how many of docs each word occurs.
func CorpusIDF(docs [][]Term) IDF {
	c := corpusIDF{n: len(docs), df: map[string]int{}}
	for _, terms := range docs {
		seen := map[string]bool{}
		for _, t := range terms {
			if !seen[t.Text] {
				seen[t.Text] = true
				c.df[t.Text]++
			}
		}
	}
	return c
}

func (c corpusIDF) IDF(word string) float64 {
	return math.Log(float64(1+c.n)/float64(1+c.df[word])) + 1
}

// backgroundIDF is jieba's IDF table (dict/words_idf.txt.gz), measured on a
// large general corpus; a word it lacks gets its median, as in jieba.
type backgroundIDF struct {
	idf    map[string]float64
	median float64
}

var (
	backgroundOnce sync.Once
	background     backgroundIDF
	backgroundErr  error
)

// BackgroundIDF returns jieba's IDF table, loaded on first use: the
// weights for keywords of a single document.
func BackgroundIDF() (IDF, error) {
	backgroundOnce.Do(func() {
		background, backgroundErr = readIDF("words_idf.txt.gz")
	})
	return background, backgroundErr
}

func readIDF(file string) (backgroundIDF, error) {
	b := backgroundIDF{idf: map[string]float64{}}
	gz, err := dict.Raw(file)
	if err != nil {
		return b, fmt.Errorf("words: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return b, fmt.Errorf("words: dict/%s: %w", file, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return b, fmt.Errorf("words: dict/%s: %w", file, err)
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "# median "); ok {
			b.median, _ = strconv.ParseFloat(v, 64)
			continue
		}
		w, v, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if b.idf[w], err = strconv.ParseFloat(v, 64); err != nil {
			return b, fmt.Errorf("words: dict/%s: %q: %w", file, line, err)
		}
	}
	if b.median <= 0 || len(b.idf) == 0 {
		return b, fmt.Errorf("words: dict/%s: no IDF table", file)
	}
	return b, nil
}

func (b backgroundIDF) IDF(word string) float64 {
	if v, ok := b.idf[word]; ok {
		return v
	}
	return b.median
}

// Keywords returns the n words of doc with the highest TF-IDF (all when n
// is 0), highest first, ties in byte order of the word.
func Keywords(doc []Term, idf IDF, n int) []Keyword {
	if len(doc) == 0 {
		return nil
	}
	var kws []Keyword
	for _, c := range Counts([][]Term{doc}, 1) {
		tf := float64(c.Count) / float64(len(doc))
		v := idf.IDF(c.Word)
		kws = append(kws, Keyword{Word: c.Word, Pos: c.Pos, Count: c.Count,
			TF: round6(tf), IDF: round6(v), Score: round6(tf * v)})
	}
	sort.SliceStable(kws, func(i, j int) bool {
		if kws[i].Score != kws[j].Score {
			return kws[i].Score > kws[j].Score
		}
		return kws[i].Word < kws[j].Word
	})
	if n > 0 && len(kws) > n {
		kws = kws[:n]
	}
	return kws
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
