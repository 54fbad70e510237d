package segment

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The HMM that cuts runs of characters the dictionary does not cover: four
// states (B begin, E end, M middle of a word, S single-character word),
// jieba's finalseg model as gse ships it. The start and transition
// probabilities are jieba's prob_start.py and prob_trans.py (gse's
// hmm/viterbi.go and prob_trans.go); the emissions come from
// dict/segment_hmm.txt.gz.
const (
	stB = iota
	stE
	stM
	stS
)

// minLogProb is jieba's MIN_FLOAT, the log probability of what the model
// never saw.
const minLogProb = -3.14e100

var negInf = math.Inf(-1)

var (
	hmmStart = [4]float64{stB: -0.26268660809250016, stE: minLogProb, stM: minLogProb, stS: -1.4652633398537678}
	hmmTrans = [4][4]float64{ // [from][to]; jieba gives -Inf where it has no entry
		stB: {stB: negInf, stE: -0.510825623765990, stM: -0.916290731874155, stS: negInf},
		stE: {stB: -0.5897149736854513, stE: negInf, stM: negInf, stS: -0.8085250474669937},
		stM: {stB: negInf, stE: -0.33344856811948514, stM: -1.2603623820268226, stS: negInf},
		stS: {stB: -0.7211965654669841, stE: negInf, stM: negInf, stS: -0.6658631448798212},
	}
	// hmmPrev lists the states that may come before each state, in
	// jieba's order (its max breaks ties on the state's letter).
	hmmPrev = [4][2]int{stB: {stE, stS}, stM: {stM, stB}, stS: {stS, stE}, stE: {stB, stM}}
)

// hmmModel holds log P(character | state).
type hmmModel struct {
	emit map[rune][4]float64
}

func readHMM(gz []byte) (*hmmModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	m := &hmmModel{emit: make(map[rune][4]float64, 16000)}
	for n, line := range strings.Split(string(raw), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		r, size := utf8.DecodeRuneInString(f[0])
		if len(f) != 5 || size != len(f[0]) {
			return nil, fmt.Errorf("line %d: want a character and four probabilities", n+1)
		}
		var p [4]float64
		for s := 0; s < 4; s++ {
			p[s] = minLogProb
			if f[s+1] != "" {
				if p[s], err = strconv.ParseFloat(f[s+1], 64); err != nil {
					return nil, fmt.Errorf("line %d: %w", n+1, err)
				}
			}
		}
		m.emit[r] = p
	}
	return m, nil
}

func (m *hmmModel) emission(r rune) [4]float64 {
	if p, ok := m.emit[r]; ok {
		return p
	}
	return [4]float64{minLogProb, minLogProb, minLogProb, minLogProb}
}

// cut splits a run of Han characters into words by the most probable state
// sequence (jieba's finalseg.__cut), appending each word's length in runes.
func (m *hmmModel) cut(runes []rune, lens []int) []int {
	n := len(runes)
	if n == 0 {
		return lens
	}
	// prob[t][s] and from[t][s]: the best path ending in state s at t.
	prob := make([][4]float64, n)
	from := make([][4]int8, n)
	e := m.emission(runes[0])
	for s := 0; s < 4; s++ {
		prob[0][s] = hmmStart[s] + e[s]
	}
	for t := 1; t < n; t++ {
		e := m.emission(runes[t])
		for s := 0; s < 4; s++ {
			best, arg := negInf, -1
			for _, s0 := range hmmPrev[s] {
				p := prob[t-1][s0] + hmmTrans[s0][s] + e[s]
				if arg < 0 || p > best || p == best && stateLetter[s0] > stateLetter[arg] {
					best, arg = p, s0
				}
			}
			prob[t][s], from[t][s] = best, int8(arg)
		}
	}
	last := stE
	if prob[n-1][stS] > prob[n-1][stE] || prob[n-1][stS] == prob[n-1][stE] && stateLetter[stS] > stateLetter[stE] {
		last = stS
	}
	states := make([]int8, n)
	s := int8(last)
	for t := n - 1; t >= 0; t-- {
		states[t] = s
		s = from[t][s]
	}
	begin, next := 0, 0
	for i, st := range states {
		switch st {
		case stB:
			begin = i
		case stE:
			lens = append(lens, i+1-begin)
			next = i + 1
		case stS:
			lens = append(lens, 1)
			next = i + 1
		}
	}
	if next < n {
		lens = append(lens, n-next)
	}
	return lens
}

var stateLetter = [4]byte{stB: 'B', stE: 'E', stM: 'M', stS: 'S'}
