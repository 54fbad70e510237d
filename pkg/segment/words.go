package segment

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// wordTable is the dictionary as embedded: the text of
// dict/segment_words.dic ("word<TAB>frequency<TAB>pos" lines in byte order)
// and the hash table of dict/segment_words.idx, which internal/gendict
// built over that text. Nothing is parsed or built at start-up: a look-up
// hashes the key, probes the table and compares the key with the text.
//
// The index: "CNSEGIX1", the text's length and the number of slots (a
// power of two) as little-endian uint32, then the slots. A slot holds the
// byte offset of the first line that starts with its key (23 bits) and the
// key's length in bytes (9 bits); 0 is empty. The keys are every word and
// every prefix of a word, so a look-up also says whether a longer word may
// start with the key (jieba's FREQ with its zero entries).
type wordTable struct {
	text     string
	slots    []byte // little-endian uint32s
	mask     uint32
	logTotal float64 // log of the dictionary's total frequency
}

const (
	indexMagic = "CNSEGIX1"
	offsetBits = 23
	offsetMask = 1<<offsetBits - 1
)

func readWordTable(text, index []byte) (*wordTable, error) {
	t := &wordTable{text: string(text)}
	var total int64
	for rest := t.text; strings.HasPrefix(rest, "#"); {
		line, after, _ := strings.Cut(rest, "\n")
		if v, ok := strings.CutPrefix(line, "# total "); ok {
			total, _ = strconv.ParseInt(v, 10, 64)
		}
		rest = after
	}
	if total <= 0 {
		return nil, fmt.Errorf("no \"# total\" line in the header")
	}
	t.logTotal = math.Log(float64(total))
	if len(index) < 16 || string(index[:8]) != indexMagic {
		return nil, fmt.Errorf("the index is not a %s file", indexMagic)
	}
	if n := binary.LittleEndian.Uint32(index[8:]); int(n) != len(text) {
		return nil, fmt.Errorf("the index was built for a text of %d bytes, not %d: run internal/gendict again", n, len(text))
	}
	size := binary.LittleEndian.Uint32(index[12:])
	if size == 0 || size&(size-1) != 0 || len(index) != 16+4*int(size) {
		return nil, fmt.Errorf("the index has %d bytes for %d slots", len(index), size)
	}
	t.slots, t.mask = index[16:], size-1
	return t, nil
}

// lookup finds key: ok when it is a word or begins one, word when it is a
// word, and at the offset of the word's line (to read its frequency).
func (t *wordTable) lookup(key string) (at int, word, ok bool) {
	h := uint32(2166136261) // FNV-1a, as internal/gendict hashed the keys
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		slot := binary.LittleEndian.Uint32(t.slots[4*i:])
		if slot == 0 {
			return 0, false, false
		}
		off, n := int(slot&offsetMask), int(slot>>offsetBits)
		if n == len(key) && t.text[off:off+n] == key {
			return off, t.text[off+n] == '\t', true
		}
	}
}

// entry reads the frequency and part of speech of the word of n bytes
// whose line starts at off.
func (t *wordTable) entry(off, n int) (freq int64, pos string) {
	rest := t.text[off+n+1:]
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		freq = freq*10 + int64(rest[i]-'0')
		i++
	}
	if i < len(rest) && rest[i] == '\t' {
		end := strings.IndexByte(rest[i+1:], '\n')
		if end < 0 {
			end = len(rest) - i - 1
		}
		pos = rest[i+1 : i+1+end]
	}
	return freq, pos
}

// freq returns the frequency of a word (0 when it is none), and whether
// a longer word may start with it.
func (t *wordTable) freq(key string) (int64, bool) {
	off, word, ok := t.lookup(key)
	if !word {
		return 0, ok
	}
	f, _ := t.entry(off, len(key))
	return f, true
}

// find looks a whole word up.
func (t *wordTable) find(w string) (freq int64, pos string, ok bool) {
	off, word, _ := t.lookup(w)
	if !word {
		return 0, "", false
	}
	freq, pos = t.entry(off, len(w))
	return freq, pos, true
}
