// Package segment cuts simplified Chinese text into words, with gse
// (github.com/go-ego/gse) in its jieba mode: a dictionary DAG and the most
// probable path through it, and an HMM for the runs of characters the
// dictionary does not cover.
//
// The dictionaries come from dict/, embedded in the binary, never from gse's
// own data files (gse.New finds those through a path baked in at build time,
// which does not exist where the binary is shipped):
//
//   - dict/domain_words.txt, cnplan's vocabulary of bodies, indicators and
//     plan words, loaded first so that it wins over gse's entry for a word;
//   - dict/gse_zh_pruned.txt.gz, gse's simplified dictionary (data/dict/zh/
//     s_1.txt) without its rarer person names: 290k of 352k words, written by
//     internal/gendict, which says why these words and not all rare ones.
//
// gse's own loader takes 1.6–1.9 s and over 200 MB for the full dictionary.
// newSegmenter loads the pruned one in about 0.35 s and 100–120 MB of a
// process (README.md has the figures), and Cut gives the corpus the words
// the full dictionary gives it, at F1 0.986 (TestF1AgainstFullDictionary).
package segment

//go:generate go run ./internal/gendict -min-name 9 -out ../../dict/gse_zh_pruned.txt.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/cnplan/cnplan/dict"
)

// Token is one word of the text.
type Token struct {
	Text  string `json:"text"`
	Pos   string `json:"pos"`   // part of speech from the dictionary, "x" when unknown
	Start int    `json:"start"` // rune offset in the input, inclusive
	End   int    `json:"end"`   // rune offset, exclusive
}

// Segmenter cuts text into Tokens. It is safe for concurrent use.
type Segmenter struct {
	gse gse.Segmenter
}

const (
	// prunedFile is gse's dictionary as internal/gendict prunes it.
	prunedFile = "gse_zh_pruned.txt.gz"
	// domainVocab is the vocabulary (dict/domain_words.txt) of words that
	// must come out whole.
	domainVocab = "domain_words"

	defaultDomainFreq = 2000
	defaultDomainPos  = "n"
	unknownPos        = "x"
)

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error

	// gse keeps its HMM model in package variables and rebuilds them on
	// every Segmenter.Init; build them once, before any Cut can read them.
	hmmOnce sync.Once
)

// Default returns the process-wide Segmenter, loading its dictionaries on
// the first call. Words added to the domain_words vocabulary with
// dict.Extend count only if Extend ran before that first call.
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() { defaultSeg, defaultErr = load() })
	return defaultSeg, defaultErr
}

// load builds a Segmenter from the embedded dictionaries, every time it is
// called (BenchmarkColdStart needs that; everything else uses Default).
func load() (*Segmenter, error) {
	gz, err := dict.Raw(prunedFile)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("segment: dict/%s: %w", prunedFile, err)
	}
	s, err := newSegmenter(dict.Records(domainVocab), zr)
	if err != nil {
		return nil, fmt.Errorf("segment: dict/%s: %w", prunedFile, err)
	}
	return s, nil
}

// newSegmenter builds a Segmenter from domain records (word, frequency,
// part of speech) and a dictionary in gse's format: word frequency
// part-of-speech, separated by spaces, # comments, of which
// "# words N" says how many words follow.
//
// It adds the words one by one rather than through gse's LoadDictStr,
// which also works out, for every word, how gse's search mode would cut it:
// half of gse's load time, for something the DAG and HMM mode of Cut never
// reads. And it reads and parses the words on a second goroutine while
// inserting them into gse's trie on this one, which is the bottleneck.
func newSegmenter(domain [][]string, words io.Reader) (*Segmenter, error) {
	s := &Segmenter{}
	g := &s.gse
	g.NotLoadHMM = true
	g.SkipLog = true
	g.Dict = gse.NewDict()
	g.Init()
	hmmOnce.Do(func() { g.LoadModel() })

	r := bufio.NewReaderSize(words, 64<<10)
	n, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	// Growing the token table by appending would copy it some 20 times.
	g.Dict.Tokens = make([]gse.Token, 0, len(domain)+n)

	// Batches go back to the reader once their tokens are in the trie: the
	// table holds copies, and 290k tokens of garbage would cost a GC cycle.
	batches := make(chan []gse.Token, 16)
	spent := make(chan []gse.Token, 16+2)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		readErr <- readWords(g, r, batches, spent)
	}()

	for _, rec := range domain {
		freq, pos := float64(defaultDomainFreq), defaultDomainPos
		if len(rec) > 1 {
			f, err := strconv.ParseFloat(rec[1], 64)
			if err != nil || f <= 0 {
				err = fmt.Errorf("dict %s: %q: frequency %q is not a positive number", domainVocab, rec[0], rec[1])
				return nil, drain(batches, err)
			}
			freq = f
		}
		if len(rec) > 2 {
			pos = rec[2]
		}
		if err := g.AddToken(rec[0], freq, pos); err != nil {
			return nil, drain(batches, fmt.Errorf("dict %s: %q: %w", domainVocab, rec[0], err))
		}
	}
	for batch := range batches {
		for _, tok := range batch {
			// A word already there (from the domain words) keeps its entry.
			if err := g.Dict.AddToken(tok); err != nil {
				return nil, drain(batches, err)
			}
		}
		clear(batch)
		select {
		case spent <- batch[:0]:
		default:
		}
	}
	if err := <-readErr; err != nil {
		return nil, err
	}
	return s, nil
}

// drain lets the reading goroutine finish, and returns err.
func drain(batches <-chan []gse.Token, err error) error {
	for range batches {
	}
	return err
}

// readHeader reads the comment lines at the top of a dictionary and returns
// the number of words its "# words N" line announces (0 without one).
func readHeader(r *bufio.Reader) (int, error) {
	n := 0
	for {
		b, err := r.Peek(1)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		if b[0] != '#' {
			return n, nil
		}
		line, err := r.ReadString('\n')
		if err != nil && err != io.EOF {
			return 0, err
		}
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "# words "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
}

// readWords parses dictionary lines into gse tokens and sends them on in
// batches, taking empty ones from spent when there are any. It only reads g
// (ToToken reads its options), never its Dict.
func readWords(g *gse.Segmenter, r *bufio.Reader, batches chan<- []gse.Token, spent <-chan []gse.Token) error {
	const batchSize = 2048
	newBatch := func() []gse.Token {
		select {
		case b := <-spent:
			return b
		default:
			return make([]gse.Token, 0, batchSize)
		}
	}
	batch := newBatch()
	tags := map[string]string{} // one copy of each part-of-speech tag
	for {
		line, err := r.ReadSlice('\n')
		if err != nil && err != io.EOF {
			return err
		}
		if l := bytes.TrimSpace(line); len(l) > 0 && l[0] != '#' {
			word, rest, _ := bytes.Cut(l, []byte{' '})
			freqText, posText, _ := bytes.Cut(rest, []byte{' '})
			text := string(word)
			// Size applies gse's rules: no word under frequency 2, every
			// single character at frequency 2.
			if freq := g.Size(3, text, string(freqText)); freq > 0 {
				pos, ok := tags[string(posText)]
				if !ok {
					pos = string(posText)
					tags[pos] = pos
				}
				batch = append(batch, g.ToToken(text, freq, pos))
				if len(batch) == batchSize {
					batches <- batch
					batch = newBatch()
				}
			}
		}
		if err == io.EOF {
			break
		}
	}
	if len(batch) > 0 {
		batches <- batch
	}
	return nil
}

// Cut segments text, which must already be simplified Chinese with
// half-width letters, digits and punctuation (the normalise stage's work).
// The tokens cover the text in order, except for runs of white space, which
// are dropped. A run of punctuation comes out one mark a token; a decimal
// ("11.5") stays whole.
func (s *Segmenter) Cut(text string) []Token {
	if text == "" {
		return nil
	}
	// gse returns the words lower-cased; they have the same number of runes
	// as the text they were cut from, which is all that is used of them
	// besides the dictionary look-up.
	words := s.gse.Cut(text, true)
	tokens := make([]Token, 0, len(words))
	at, b := 0, 0 // rune and byte offset in text
	for _, w := range words {
		end, bend := at, b
		for n := utf8.RuneCountInString(w); n > 0 && bend < len(text); n-- {
			_, size := utf8.DecodeRuneInString(text[bend:])
			end++
			bend += size
		}
		tokens = s.appendWord(tokens, text[b:bend], w, at)
		at, b = end, bend
	}
	if b < len(text) { // gse dropped something: never seen, but keep the cover
		tokens = s.appendWord(tokens, text[b:], strings.ToLower(text[b:]), at)
	}
	return tokens
}

// appendWord appends the tokens of one word gse cut: the word itself when
// the dictionary has it or it is all letters and digits, else its pieces.
// word is the text, key the lower-cased form gse looks up, start the rune
// offset of word.
func (s *Segmenter) appendWord(tokens []Token, word, key string, start int) []Token {
	if pos, ok := s.lookup(key); ok {
		return append(tokens, Token{Text: word, Pos: pos, Start: start, End: start + utf8.RuneCountInString(word)})
	}
	// gse's HMM step hands back whatever lies between two runs of Chinese
	// characters or of letters and digits as one word ("),\n\n", "》(").
	// Split it: drop white space, keep runs of letters and digits ("2025",
	// "11.5") together, give every other mark a token of its own.
	at := start
	for i := 0; i < len(word); {
		r, size := utf8.DecodeRuneInString(word[i:])
		j, n := i+size, 1
		switch {
		case unicode.IsSpace(r):
			for j < len(word) {
				r2, size2 := utf8.DecodeRuneInString(word[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += size2
				n++
			}
			at += n
			i = j
			continue
		case isWordRune(r):
			for j < len(word) {
				r2, size2 := utf8.DecodeRuneInString(word[j:])
				if !isWordRune(r2) && !isDecimalPoint(word, j, r2, size2) {
					break
				}
				j += size2
				n++
			}
		}
		piece := word[i:j]
		pos, ok := s.lookup(strings.ToLower(piece))
		if !ok {
			pos = unknownPos
		}
		tokens = append(tokens, Token{Text: piece, Pos: pos, Start: at, End: at + n})
		at += n
		i = j
	}
	return tokens
}

// lookup returns the part of speech of a word in the dictionary.
func (s *Segmenter) lookup(key string) (string, bool) {
	freq, pos, _ := s.gse.Find(key)
	if freq <= 0 {
		return "", false
	}
	if pos == "" {
		pos = unknownPos
	}
	return pos, true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isDecimalPoint says whether the r at word[j:] is a '.' between two digits.
func isDecimalPoint(word string, j int, r rune, size int) bool {
	if r != '.' || j == 0 || j+size >= len(word) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(word[:j])
	after, _ := utf8.DecodeRuneInString(word[j+size:])
	return unicode.IsDigit(before) && unicode.IsDigit(after)
}
