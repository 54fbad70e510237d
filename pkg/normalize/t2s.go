package normalize

import (
	"strings"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// t2sTable converts as gocc's OpenCC.Convert does, from the same
// dictionaries, without its costs: gocc copies the rest of the line at
// every rune it looks up (quadratic in the line's length) and builds a map
// per lookup. Here each dictionary is indexed once by the first rune of its
// keys, and most runes cost one bit test.
type t2sTable struct {
	chain [][]*t2sDict // gocc's conversion chain: groups of dictionaries
}

type t2sDict struct {
	firsts  [0x10000 / 64]uint64 // BMP runes that start a key
	byFirst map[rune][]t2sEntry  // keys by first rune, longest first
}

type t2sEntry struct {
	key, value string // value: the first of the key's values, as gocc takes it
}

// newT2STable reads the dictionaries out of cc. It returns nil when it
// cannot be sure to convert as cc does (a key or value it does not expect),
// and the caller keeps to cc.
func newT2STable(cc *gocc.OpenCC) *t2sTable {
	t := &t2sTable{}
	for _, group := range cc.DictChains {
		var dicts []*t2sDict
		for _, d := range group.Dicts {
			if d == nil || d.Trie == nil {
				return nil
			}
			td := &t2sDict{byFirst: map[rune][]t2sEntry{}}
			for _, id := range d.Trie.PrefixPredict(nil, 0) {
				key, err := d.Trie.Key(id)
				if err != nil {
					return nil
				}
				v, err := d.Trie.Value(id)
				if err != nil || v < 0 || v >= len(d.Values) || len(d.Values[v]) == 0 {
					return nil
				}
				// Keys are whole runes, so that a key that prefixes the
				// text at a rune ends at a rune; values are valid, as a
				// view's text is.
				if len(key) == 0 || !utf8.Valid(key) || !utf8.ValidString(d.Values[v][0]) {
					return nil
				}
				r, _ := utf8.DecodeRune(key)
				e := t2sEntry{key: string(key), value: d.Values[v][0]}
				list := td.byFirst[r]
				i := 0
				for i < len(list) && len(list[i].key) >= len(e.key) {
					i++
				}
				list = append(list, t2sEntry{})
				copy(list[i+1:], list[i:])
				list[i] = e
				td.byFirst[r] = list
				if r < 0x10000 {
					td.firsts[r/64] |= 1 << (r % 64)
				}
			}
			dicts = append(dicts, td)
		}
		t.chain = append(t.chain, dicts)
	}
	return t
}

// convert is gocc's Convert for valid UTF-8 text: at each rune not inside
// an earlier match, the first dictionary of the group with a key that
// prefixes the text there gives its longest such key's value; a rune no
// key starts is kept.
func (t *t2sTable) convert(in string) string {
	for _, group := range t.chain {
		var b strings.Builder
		copied := 0 // in[:copied] is written to b, or in is unchanged so far
		changed := false
		for i := 0; i < len(in); {
			r, size := utf8.DecodeRuneInString(in[i:])
			e, ok := lookup(group, r, in[i:])
			if !ok {
				i += size
				continue
			}
			if e.value == e.key {
				i += len(e.key)
				continue
			}
			if !changed {
				b.Grow(len(in))
				changed = true
			}
			b.WriteString(in[copied:i])
			b.WriteString(e.value)
			i += len(e.key)
			copied = i
		}
		if changed {
			b.WriteString(in[copied:])
			in = b.String()
		}
	}
	return in
}

// lookup finds the entry that converts s, which starts with r.
func lookup(group []*t2sDict, r rune, s string) (*t2sEntry, bool) {
	for _, d := range group {
		if r < 0x10000 && d.firsts[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		list := d.byFirst[r]
		for k := range list {
			if strings.HasPrefix(s, list[k].key) {
				return &list[k], true
			}
		}
	}
	return nil, false
}
