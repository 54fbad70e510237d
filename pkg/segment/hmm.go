package segment

import (
	"encoding/binary"
	"fmt"
	"math"
)

// The HMM that cuts runs of characters the dictionary does not cover: four
// states (B begin, E end, M middle of a word, S single-character word),
// jieba's finalseg model as gse ships it. The start and transition
// probabilities are jieba's prob_start.py and prob_trans.py (gse's
// hmm/viterbi.go and prob_trans.go); the emissions come from
// dict/segment_hmm.bin.
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

// hmmModel holds log P(character | state), as embedded
// (dict/segment_hmm.bin): "CNSEGHM1", the number of characters as a
// little-endian uint32, then for each character in code point order the
// character (uint32) and its four log probabilities (float64, B E M S).
// It is searched where it lies.
type hmmModel struct {
	entries []byte
	n       int
}

const (
	hmmMagic     = "CNSEGHM1"
	hmmEntrySize = 4 + 4*8
)

func readHMM(data []byte) (*hmmModel, error) {
	if len(data) < 12 || string(data[:8]) != hmmMagic {
		return nil, fmt.Errorf("not a %s file", hmmMagic)
	}
	n := int(binary.LittleEndian.Uint32(data[8:]))
	if len(data) != 12+n*hmmEntrySize {
		return nil, fmt.Errorf("%d bytes for %d characters", len(data), n)
	}
	return &hmmModel{entries: data[12:], n: n}, nil
}

func (m *hmmModel) emission(r rune) [4]float64 {
	lo, hi := 0, m.n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		e := m.entries[mid*hmmEntrySize:]
		switch c := rune(binary.LittleEndian.Uint32(e)); {
		case c < r:
			lo = mid + 1
		case c > r:
			hi = mid
		default:
			var p [4]float64
			for s := range p {
				p[s] = math.Float64frombits(binary.LittleEndian.Uint64(e[4+8*s:]))
			}
			return p
		}
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
