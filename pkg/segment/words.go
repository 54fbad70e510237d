package segment

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// wordTable is the embedded dictionary as it lies in memory after
// decompression: "word<TAB>frequency<TAB>pos" lines in byte order, and the
// offset of each line. Looking a word up is a binary search, so loading
// it costs a decompression and one pass for the line starts, not the
// building of a trie (gse's loader took 0.3–1.9 s for that).
type wordTable struct {
	data     string
	starts   []uint32 // starts[i] is where line i begins; one more for the end
	logTotal float64  // log of the dictionary's total frequency
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
	t.logTotal = logf(float64(t.total))
	return t, nil
}

// len is the number of words.
func (t *wordTable) len() int { return len(t.starts) - 1 }

// line returns line i without its newline.
func (t *wordTable) line(i int) string {
	return t.data[t.starts[i] : t.starts[i+1]-1]
}

// narrow returns the range of lines within [lo, hi) that start with p, given
// that every line there starts with p less its last character (or that
// [lo, hi) is the whole table).
func (t *wordTable) narrow(lo, hi int, p string) (int, int) {
	// First line whose first len(p) bytes are >= p.
	a, b := lo, hi
	for a < b {
		m := int(uint(a+b) >> 1)
		if prefixOf(t.line(m), len(p)) < p {
			a = m + 1
		} else {
			b = m
		}
	}
	lo = a
	// First line whose first len(p) bytes are > p.
	b = hi
	for a < b {
		m := int(uint(a+b) >> 1)
		if prefixOf(t.line(m), len(p)) <= p {
			a = m + 1
		} else {
			b = m
		}
	}
	return lo, a
}

func prefixOf(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// word returns the frequency and part of speech of line i when it is the
// word w itself (the first line of w's range, since the tab after a word
// sorts before every character).
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
	lo, hi := t.narrow(0, t.len(), w)
	if lo == hi {
		return 0, "", false
	}
	return t.word(lo, w)
}
