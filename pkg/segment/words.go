package segment

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// wordTable is the embedded dictionary as it lies in memory after
// decompression: "word<TAB>frequency<TAB>pos" lines in byte order, the
// offset of each line, and a hash index of every word and every prefix of
// one (jieba's FREQ), whose keys are slices of the lines. Loading it costs
// a decompression and one pass, not the building of a trie (gse's loader
// took 0.3–1.9 s for that).
type wordTable struct {
	data     string
	starts   []uint32         // starts[i] is where line i begins; one more for the end
	index    map[string]int32 // word → its line; a prefix of words only → -1
	logTotal float64          // log of the dictionary's total frequency
	total    int64
}

func readWordTable(gz []byte) (*wordTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	data := string(raw)
	t := &wordTable{}
	// The header: comment lines, of which "# total N" gives the total.
	for strings.HasPrefix(data, "#") {
		line, rest, _ := strings.Cut(data, "\n")
		if v, ok := strings.CutPrefix(line, "# total "); ok {
			t.total, _ = strconv.ParseInt(v, 10, 64)
		}
		data = rest
	}
	if t.total <= 0 {
		return nil, fmt.Errorf("no \"# total\" line in the header")
	}
	t.data = data
	t.starts = make([]uint32, 0, len(data)/16)
	for at := 0; at < len(data); {
		t.starts = append(t.starts, uint32(at))
		nl := strings.IndexByte(data[at:], '\n')
		if nl < 0 {
			return nil, fmt.Errorf("the last line has no newline")
		}
		at += nl + 1
	}
	t.starts = append(t.starts, uint32(len(data)))
	t.index = make(map[string]int32, t.len()*2)
	for i := 0; i < t.len(); i++ {
		l := t.line(i)
		w := l[:strings.IndexByte(l, '\t')]
		t.index[w] = int32(i)
		// Its prefixes, longest first: once one is there, so are the
		// shorter ones, put there with it.
		for k := len(w); k > 0; {
			_, size := utf8.DecodeLastRuneInString(w[:k])
			k -= size
			if k == 0 {
				break
			}
			if _, ok := t.index[w[:k]]; ok {
				break
			}
			t.index[w[:k]] = -1
		}
	}
	t.logTotal = logf(float64(t.total))
	return t, nil
}

// len is the number of words.
func (t *wordTable) len() int { return len(t.starts) - 1 }

// line returns line i without its newline.
func (t *wordTable) line(i int) string {
	return t.data[t.starts[i] : t.starts[i+1]-1]
}

// word returns the frequency and part of speech of line i when it is the
// word w itself.
func (t *wordTable) word(i int, w string) (freq int64, pos string, ok bool) {
	l := t.line(i)
	if len(l) <= len(w) || l[len(w)] != '\t' || l[:len(w)] != w {
		return 0, "", false
	}
	rest := l[len(w)+1:]
	for len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
		freq = freq*10 + int64(rest[0]-'0')
		rest = rest[1:]
	}
	if len(rest) > 0 && rest[0] == '\t' {
		pos = rest[1:]
	}
	return freq, pos, true
}

// find looks a whole word up.
func (t *wordTable) find(w string) (freq int64, pos string, ok bool) {
	i, found := t.index[w]
	if !found || i < 0 {
		return 0, "", false
	}
	return t.word(int(i), w)
}
