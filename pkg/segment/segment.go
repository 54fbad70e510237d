// Package segment cuts simplified Chinese text into words with jieba's
// algorithm: a DAG of the dictionary words at each character, the most
// probable path through it, and an HMM for the runs of single characters
// the dictionary leaves (gse's and jieba's model).
//
// It cuts the text block by block, the way jieba does: a block is a run of
// Han characters, Latin letters, digits and + # & . _ % -, so punctuation,
// spaces and other symbols end one. Nothing outside a block changes the
// words inside it (TestCutIsLocal).
//
// The data comes from dict/, embedded in the binary, written by
// internal/gendict from gse's shipped files:
//
//   - dict/segment_words.dic, gse's simplified dictionary (jieba's
//     dict.txt) pruned by measurement on the SIGHAN 2005 bakeoff, and
//     dict/segment_words.idx, a hash table over its text: words are looked
//     up where they lie, so loading builds nothing (a process cuts its
//     first sentence about 0.1 s after it starts);
//   - dict/segment_hmm.bin, the HMM's emission probabilities;
//   - dict/domain_words.txt, cnplan's vocabulary of bodies, indicators and
//     plan words, with the user's [domain_words] (--dict): these win over
//     the dictionary's entry for the same word, and are read again whenever
//     the vocabularies change.
package segment

// Regenerate the data from the module root (the bakeoff data is not in the
// repository; internal/gendict says why it is needed):
//
//	go run ./pkg/segment/internal/gendict -bakeoff /path/to/icwb2-data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// Token is one word of the text.
type Token struct {
	Text  string `json:"text"`
	Pos   string `json:"pos"`   // part of speech: the dictionary's (jieba's tags), m number, eng Latin, x other
	Start int    `json:"start"` // rune offset in the input, inclusive
	End   int    `json:"end"`   // rune offset, exclusive
}

// Segmenter cuts text into Tokens. It is safe for concurrent use.
type Segmenter struct {
	words *wordTable
	hmm   *hmmModel
	extra *dict.Compiled[*extraWords]
}

const (
	wordsFile   = "segment_words.dic"
	indexFile   = "segment_words.idx"
	hmmFile     = "segment_hmm.bin"
	domainVocab = "domain_words"

	defaultDomainFreq = 2000
	defaultDomainPos  = "n"
	unknownPos        = "x"
	numberPos         = "m"
	latinPos          = "eng"
)

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the process-wide Segmenter, loading its dictionaries on
// the first call.
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() { defaultSeg, defaultErr = load() })
	return defaultSeg, defaultErr
}

// load builds a Segmenter from the embedded data, every time it is called
// (BenchmarkColdStart needs that; everything else uses Default). It
// checks the files' headers and builds nothing: the dictionary and the
// HMM are searched where they lie.
func load() (*Segmenter, error) {
	text, err := dict.Raw(wordsFile)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	index, err := dict.Raw(indexFile)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	s := &Segmenter{}
	if s.words, err = readWordTable(text, index); err != nil {
		return nil, fmt.Errorf("segment: dict/%s, %s: %w", wordsFile, indexFile, err)
	}
	hmm, err := dict.Raw(hmmFile)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	if s.hmm, err = readHMM(hmm); err != nil {
		return nil, fmt.Errorf("segment: dict/%s: %w", hmmFile, err)
	}
	s.extra = dict.NewCompiled(buildExtra)
	if e := s.extra.Get(); e.err != nil {
		return nil, e.err
	}
	return s, nil
}

// extraWords are the domain and user words, which win over the dictionary.
type extraWords struct {
	words map[string]extraWord // words, and every prefix of one (freq 0)
	// phrases are the words with characters that end a block
	// (执业(助理)医师): they are found by string search before the text is
	// split into blocks.
	phrases []string
	err     error
}

type extraWord struct {
	freq int64
	pos  string
}

func buildExtra() *extraWords {
	e := &extraWords{words: map[string]extraWord{}}
	for _, rec := range dict.Records(domainVocab) {
		w := rec[0]
		freq, pos := int64(defaultDomainFreq), defaultDomainPos
		if len(rec) > 1 && rec[1] != "" {
			f, err := strconv.ParseInt(rec[1], 10, 64)
			if err != nil || f <= 0 {
				e.err = fmt.Errorf("segment: dict %s: %q: frequency %q is not a positive whole number", domainVocab, w, rec[1])
				return e
			}
			freq = f
		}
		if len(rec) > 2 && rec[2] != "" {
			pos = rec[2]
		}
		if strings.IndexFunc(w, func(r rune) bool { return !inBlock(r) }) >= 0 {
			e.phrases = append(e.phrases, w)
		}
		e.words[w] = extraWord{freq, pos}
		for i := range w {
			if p := w[:i]; i > 0 {
				if _, ok := e.words[p]; !ok {
					e.words[p] = extraWord{}
				}
			}
		}
	}
	e.phrases = dict.LongestFirst(e.phrases)
	return e
}

// inBlock says whether r belongs in a block (jieba's re_han_default, with
// every Han character and the circles written for zero, 〇 and ○).
func inBlock(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			r == '+' || r == '#' || r == '&' || r == '.' || r == '_' || r == '%' || r == '-'
	case r == '〇' || r == '○':
		return true
	}
	return unicode.Is(unicode.Han, r)
}

func isHan(r rune) bool {
	return r >= 0x2E80 && (r == '〇' || r == '○' || unicode.Is(unicode.Han, r))
}

// Cut segments text, which must already be simplified Chinese with
// half-width letters, digits and punctuation (the normalise stage's work).
// The tokens cover the text in order, except for white space, which is
// dropped. A mark of punctuation is a token of its own; a number ("11.5",
// "90%") stays whole.
func (s *Segmenter) Cut(text string) []Token {
	if text == "" {
		return nil
	}
	c := cutter{s: s, extra: s.extra.Get(), tokens: make([]Token, 0, len(text)/4)}
	c.cutPhrases(text)
	return c.tokens
}

// cutter holds one Cut's output and scratch space.
type cutter struct {
	s      *Segmenter
	extra  *extraWords
	tokens []Token
	at     int // rune offset of the text being cut

	runes  []rune
	offs   []int // byte offset of each rune in the block, and of its end
	route  []float64
	next   []int
	lens   []int
	hmmBuf []rune
}

// cutPhrases emits the extra words that hold block-ending characters where
// they occur, and cuts the text between them.
func (c *cutter) cutPhrases(text string) {
	for len(text) > 0 {
		first, word := -1, ""
		for _, p := range c.extra.phrases {
			if i := strings.Index(text, p); i >= 0 && (first < 0 || i < first) {
				first, word = i, p
			}
		}
		if first < 0 {
			c.cutText(text)
			return
		}
		c.cutText(text[:first])
		n := utf8.RuneCountInString(word)
		c.tokens = append(c.tokens, Token{Text: word, Pos: c.extra.words[word].pos, Start: c.at, End: c.at + n})
		c.at += n
		text = text[first+len(word):]
	}
}

// cutText splits text into blocks and what lies between them.
func (c *cutter) cutText(text string) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if inBlock(r) {
			j := i + size
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !inBlock(r) {
					break
				}
				j += size
			}
			c.cutLongBlock(text[i:j])
			i = j
			continue
		}
		if unicode.IsSpace(r) {
			c.at++
			i += size
			continue
		}
		// A mark stands alone, but a run of dashes or dots of ellipsis
		// (——, ……) is one mark, as all four bakeoff standards write it.
		j, n := i+size, 1
		if strings.ContainsRune(markRuns, r) {
			for j < len(text) {
				r2, size2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += size2
				n++
			}
		}
		c.tokens = append(c.tokens, Token{Text: text[i:j], Pos: unknownPos, Start: c.at, End: c.at + n})
		c.at += n
		i = j
	}
}

// lookup returns the frequency of word (0 when it is not a word), and
// whether a longer word may start with it; extra says whether to look in
// the domain and user words too.
func (c *cutter) lookup(word string, extra bool) (freq int64, more bool) {
	freq, more = c.s.words.freq(word)
	if extra {
		if e, ok := c.extra.words[word]; ok {
			more = true
			if e.freq > 0 {
				freq = e.freq
			}
		}
	}
	return
}

// maxBlock bounds the runes cut as one block: a text without punctuation
// (a 50 MB line) would otherwise need its whole DAG in memory at once.
const maxBlock = 1 << 14

// cutLongBlock cuts a block in pieces of at most maxBlock runes.
func (c *cutter) cutLongBlock(block string) {
	for len(block) > 0 {
		end, n := len(block), 0
		for i := range block {
			if n == maxBlock {
				end = i
				break
			}
			n++
		}
		c.cutBlock(block[:end])
		block = block[end:]
	}
}

// cutBlock cuts one block: jieba's __cut_DAG.
func (c *cutter) cutBlock(block string) {
	c.runes = c.runes[:0]
	c.offs = c.offs[:0]
	for i, r := range block {
		c.runes = append(c.runes, r)
		c.offs = append(c.offs, i)
	}
	c.offs = append(c.offs, len(block))
	n := len(c.runes)
	if cap(c.route) < n+1 {
		c.route = make([]float64, n+1)
		c.next = make([]int, n+1)
	}
	route, next := c.route[:n+1], c.next[:n+1]
	logTotal := c.s.words.logTotal

	// route[i] is the best log probability of block[i:], next[i] where the
	// first word of that path ends. jieba keeps the longer word on a tie.
	route[n] = 0
	for i := n - 1; i >= 0; i-- {
		best, end := math.Inf(-1), -1
		// The domain and user words need looking at only where one of
		// them starts with this character.
		_, extra := c.extra.words[block[c.offs[i]:c.offs[i+1]]]
		for j := i + 1; j <= n; j++ {
			freq, more := c.lookup(block[c.offs[i]:c.offs[j]], extra)
			if freq > 0 {
				if p := logf(float64(freq)) - logTotal + route[j]; p >= best {
					best, end = p, j
				}
			}
			if !more {
				break
			}
		}
		if end < 0 { // no word starts here: the character alone, frequency 1
			best, end = -logTotal+route[i+1], i+1
		}
		route[i], next[i] = best, end
	}

	// Words of one character gather in a buffer that the HMM may join.
	first := len(c.tokens)
	defer c.joinYears(first)
	bufStart := -1
	for i := 0; i < n; {
		j := next[i]
		if j-i == 1 {
			if bufStart < 0 {
				bufStart = i
			}
			i = j
			continue
		}
		if bufStart >= 0 {
			c.flush(block, bufStart, i)
			bufStart = -1
		}
		c.emitWord(block, i, j)
		i = j
	}
	if bufStart >= 0 {
		c.flush(block, bufStart, n)
	}
	c.at += n
}

// joinYears joins the tokens from first on that spell a year in four
// Chinese numerals (二○○一年, 一九九八年: the dictionary has 一年 and the
// single characters), as the bakeoff standards write it. Two numerals are
// left alone: 三四年 is "three or four years" more often than a year.
func (c *cutter) joinYears(first int) {
	toks := c.tokens[first:]
	out := toks[:0]
	for i := 0; i < len(toks); {
		j, digits := i, 0
		for j < len(toks) && allIn(toks[j].Text, yearDigits) {
			digits += toks[j].End - toks[j].Start
			j++
		}
		// The run may end in a token that closes with 年 (一年).
		if j < len(toks) && strings.HasSuffix(toks[j].Text, "年") && allIn(strings.TrimSuffix(toks[j].Text, "年"), yearDigits) {
			digits += toks[j].End - toks[j].Start - 1
			if digits == 4 && j > i {
				start, end := toks[i].Start, toks[j].End
				text := toks[i].Text
				for k := i + 1; k <= j; k++ {
					text += toks[k].Text
				}
				out = append(out, Token{Text: text, Pos: numberPos, Start: start, End: end})
				i = j + 1
				continue
			}
		}
		out = append(out, toks[i])
		i++
	}
	c.tokens = c.tokens[:first+len(out)]
}

// yearDigits are the numerals a year is spelt with.
const yearDigits = "〇○零一二三四五六七八九"

func allIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}

// emitWord appends block's runes [i, j) as a dictionary word.
func (c *cutter) emitWord(block string, i, j int) {
	w := block[c.offs[i]:c.offs[j]]
	_, pos, ok := c.find(w)
	if !ok {
		pos = unknownPos
	}
	c.tokens = append(c.tokens, Token{Text: w, Pos: pos, Start: c.at + i, End: c.at + j})
}

func (c *cutter) find(w string) (int64, string, bool) {
	if e, ok := c.extra.words[w]; ok && e.freq > 0 {
		return e.freq, e.pos, true
	}
	freq, pos, ok := c.s.words.find(w)
	if pos == "" {
		pos = unknownPos
	}
	return freq, pos, ok && freq > 0
}

// flush emits the single characters [i, j) of block: one, a dictionary
// word, or what the HMM makes of them (jieba's finalseg.cut).
func (c *cutter) flush(block string, i, j int) {
	if j-i == 1 {
		c.emitSingle(block, i, j)
		return
	}
	if _, _, ok := c.find(block[c.offs[i]:c.offs[j]]); ok {
		for k := i; k < j; k++ {
			c.emitSingle(block, k, k+1)
		}
		return
	}
	for k := i; k < j; {
		if isHan(c.runes[k]) {
			e := k + 1
			for e < j && isHan(c.runes[e]) {
				e++
			}
			c.lens = c.s.hmm.cut(c.runes[k:e], c.lens[:0])
			for _, l := range c.lens {
				c.emitSingle(block, k, k+l)
				k += l
			}
			continue
		}
		// Letters and digits with a decimal part and a per cent sign stay
		// together (jieba's re_skip); every other character stands alone.
		e := k + 1
		if isAlnum(c.runes[k]) {
			for e < j && isAlnum(c.runes[e]) {
				e++
			}
			if e+1 < j && c.runes[e] == '.' && isDigit(c.runes[e+1]) && isDigit(c.runes[e-1]) {
				e += 2
				for e < j && isDigit(c.runes[e]) {
					e++
				}
			}
			if e < j && c.runes[e] == '%' {
				e++
			} else if e < j && allDigits(c.runes[k:e]) && strings.ContainsRune(numberSuffixes, c.runes[e]) {
				e++
			}
		}
		c.emitSingle(block, k, e)
		k = e
	}
}

// emitSingle appends block's runes [i, j), which the dictionary may not
// have: its part of speech is the dictionary's, or says what it is made of.
func (c *cutter) emitSingle(block string, i, j int) {
	w := block[c.offs[i]:c.offs[j]]
	_, pos, ok := c.find(w)
	if !ok {
		pos = unknownPos
		switch r := c.runes[i]; {
		case isDigit(r):
			pos = numberPos
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			pos = latinPos
		}
	}
	c.tokens = append(c.tokens, Token{Text: w, Pos: pos, Start: c.at + i, End: c.at + j})
}

// markRuns are the marks whose runs make one token.
const markRuns = "—…─"

// numberSuffixes join the number before them (2025年, 12月, 31日): the
// bakeoff standards agree on 月, and three of four on 年 and 日.
const numberSuffixes = "年月日"

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !isDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool {
	return isDigit(r) || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

func logf(x float64) float64 { return math.Log(x) }
