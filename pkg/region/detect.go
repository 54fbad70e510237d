package region

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// Weights of one mention: a place named in the title or by an issuer says
// whose document it is; one named in the body may be cited (根据《陕西省…规划》)
// or compared with (推广三明市医改经验), so it counts for little alone.
const (
	weightTitle  = 10
	weightIssuer = 10
	weightBody   = 1
)

// scanner finds division names in text by longest match.
type scanner struct {
	names  map[string]*division // nil: a known name that names no one place
	breaks map[rune]map[rune]bool
	// headOf holds, for each rune of the Basic Multilingual Plane (every
	// Chinese place name's first character), 1 + the index in heads of the
	// names that begin with it, 0 when none does; headOther holds the other
	// runes. Most positions of a body begin no name, so they cost one
	// array probe, and the second rune narrows the rest to a few names
	// compared in place: a map lookup per position and length was 40% of
	// extraction time on a 1.7 MB document.
	headOf    []int32
	headOther map[rune]int32
	heads     [][]pairNames // by second rune, ascending
	// firstBMP holds, one bit per rune of the Basic Multilingual Plane,
	// the first runes of names, and pairBits a bit per hash of the first
	// two runes of names: 8 KB each, so that the tests made at every
	// position stay in cache and namesAt is asked where a name may begin.
	firstBMP, pairBits []uint64
	// events are words that, right after a name, make it an event's
	// name (杭州亚运会), which names no region.
	events [][]rune
}

// pairNames are the names that begin with one first and second rune.
type pairNames struct {
	second rune
	names  []placeName // longest first
}

type placeName struct {
	text  string
	runes []rune
	d     *division // nil: a stop name
}

// namesAt returns the names that begin with first then second, longest
// first.
func (s *scanner) namesAt(first, second rune) []placeName {
	var h int32
	if first >= 0 && int(first) < len(s.headOf) {
		h = s.headOf[first]
	} else {
		h = s.headOther[first]
	}
	if h == 0 {
		return nil
	}
	ps := s.heads[h-1]
	if i, ok := slices.BinarySearchFunc(ps, second, func(p pairNames, r rune) int { return cmp.Compare(p.second, r) }); ok {
		return ps[i].names
	}
	return nil
}

// begins reports whether a name begins with r.
func (s *scanner) begins(r rune) bool {
	if r >= 0 && int(r) < 0x10000 {
		return s.firstBMP[r>>6]&(1<<(r&63)) != 0
	}
	return s.headOther[r] != 0
}

// pairBit is the bit of pairBits for a name beginning first, second.
func pairBit(first, second rune) uint32 {
	return (uint32(first)*0x9E3779B1 ^ uint32(second)*0x85EBCA77) >> 16
}

// mayBegin reports whether a name may begin with first then second.
func (s *scanner) mayBegin(first, second rune) bool {
	h := pairBit(first, second)
	return s.pairBits[h>>6]&(1<<(h&63)) != 0
}

var scanner_ = dict.NewCompiled(func() *scanner { return newScanner(load()) })

func loadScanner() *scanner { return scanner_.Get() }

// newScanner indexes every full name, and the short names of provinces and
// cities. Counties' short names are left out: too many are common words
// (新建, 合作, 安宁, 富民, 长寿), and a county is written in full far more
// often than a city is. So are counties' two-character names, which occur
// across word boundaries (示范县, 和县级医院).
func newScanner(g *gazetteer) *scanner {
	s := &scanner{names: map[string]*division{}, breaks: map[rune]map[rune]bool{}}
	add := func(name string) {
		if utf8.RuneCountInString(name) < 2 {
			return
		}
		if _, ok := s.names[name]; ok {
			return
		}
		s.names[name] = g.resolve(name, nil)
	}
	for name, ds := range g.full {
		if utf8.RuneCountInString(name) == 2 && ds[0].level == levelCounty {
			continue
		}
		add(name)
	}
	for name, ds := range g.short {
		for _, d := range ds {
			if d.level != levelCounty {
				add(name)
				break
			}
		}
	}
	// A stop name still takes its span, so that no shorter name inside it
	// fires (兴安 inside 大兴安岭 is not 兴安盟).
	for _, w := range dict.Words("meta_region_stop") {
		if utf8.RuneCountInString(w) >= 2 {
			s.names[w] = nil
		}
	}
	s.index()
	for _, e := range dict.Words("meta_region_events") {
		s.events = append(s.events, []rune(e))
	}
	for _, r := range dict.Records("meta_region_breaks") {
		if len(r) < 2 {
			continue
		}
		a, _ := utf8.DecodeRuneInString(r[0])
		b, _ := utf8.DecodeRuneInString(r[1])
		if s.breaks[a] == nil {
			s.breaks[a] = map[rune]bool{}
		}
		s.breaks[a][b] = true
	}
	return s
}

// index builds headOf, headOther and heads from names.
func (s *scanner) index() {
	s.headOf = make([]int32, 0x10000)
	s.headOther = map[rune]int32{}
	// Longest first, then in byte order so that the index does not depend
	// on map order.
	texts := dict.LongestFirst(slices.Sorted(maps.Keys(s.names)))
	s.firstBMP, s.pairBits = make([]uint64, 0x10000/64), make([]uint64, 0x10000/64)
	for _, name := range texts {
		rs := []rune(name)
		if rs[0] >= 0 && rs[0] < 0x10000 {
			s.firstBMP[rs[0]>>6] |= 1 << (rs[0] & 63)
		}
		pb := pairBit(rs[0], rs[1])
		s.pairBits[pb>>6] |= 1 << (pb & 63)
		var h int32
		if int(rs[0]) < len(s.headOf) {
			h = s.headOf[rs[0]]
		} else {
			h = s.headOther[rs[0]]
		}
		if h == 0 {
			s.heads = append(s.heads, nil)
			h = int32(len(s.heads))
			if int(rs[0]) < len(s.headOf) {
				s.headOf[rs[0]] = h
			} else {
				s.headOther[rs[0]] = h
			}
		}
		pairs := s.heads[h-1]
		k := 0
		for k < len(pairs) && pairs[k].second != rs[1] {
			k++
		}
		if k == len(pairs) {
			pairs = append(pairs, pairNames{second: rs[1]})
		}
		pairs[k].names = append(pairs[k].names, placeName{text: name, runes: rs, d: s.names[name]})
		s.heads[h-1] = pairs
	}
	for _, pairs := range s.heads {
		sort.Slice(pairs, func(i, j int) bool { return pairs[i].second < pairs[j].second })
	}
}

// mentions lists the divisions named in rs, leftmost-longest, comparing
// names with the runes in place (the body's runes are the document's,
// decoded once).
func (s *scanner) mentions(rs []rune) []*division {
	var out []*division
	for i := 0; i+1 < len(rs); {
		if !s.begins(rs[i]) || !s.mayBegin(rs[i], rs[i+1]) {
			i++
			continue
		}
		matched := 1
		for _, nm := range s.namesAt(rs[i], rs[i+1]) {
			end := i + len(nm.runes)
			if !runesAt(rs, i, nm.runes) {
				continue
			}
			if end < len(rs) && s.breaks[nm.runes[len(nm.runes)-1]][rs[end]] {
				continue
			}
			matched = len(nm.runes)
			if nm.d != nil && !s.eventAt(rs[end:]) {
				out = append(out, nm.d)
			}
			break
		}
		i += matched
	}
	return out
}

// runesAt reports whether rs[i:] starts with w.
func runesAt(rs []rune, i int, w []rune) bool {
	return len(rs)-i >= len(w) && slices.Equal(rs[i:i+len(w)], w)
}

// eventAt reports whether rest starts with an event word: the name before
// it is the event's (杭州亚运会), not a place the document is about.
func (s *scanner) eventAt(rest []rune) bool {
	for _, e := range s.events {
		if runesAt(rest, 0, e) {
			return true
		}
	}
	return false
}

// tally holds the weight of the mentions of each division and of those
// under it.
type tally struct {
	total    map[*division]int // all mentions of d and under d
	explicit map[*division]int // title and issuer mentions of d and under d
}

func (t *tally) add(d *division, w int, explicit bool) {
	for n := d; n != nil; n = n.parent {
		t.total[n] += w
		if explicit {
			t.explicit[n] += w
		}
	}
}

// Detect picks the document's region from its text: its title and issuers
// weigh most, then the place names of the body. When the title or an issuer
// names a place, the region is the most specific one they name (河北省六项
// 举措… is a province's document however many cities its body lists). When
// they name none, the body decides: the province mentioned most, and under
// it a city (then a county) that holds at least half its mentions and two
// or more, so that a city's plan (信阳市中心医院, 信阳职业技术学院…) is that
// city's while a province's that names each city once stays the province's.
// Text is simplified Chinese (the caller converts traditional).
func Detect(title string, issuers []string, body string) Region {
	return DetectRunes(title, issuers, []rune(body))
}

// DetectRunes is Detect on a body already decoded to runes, which it
// neither copies nor changes.
func DetectRunes(title string, issuers []string, body []rune) Region {
	s := loadScanner()
	return s.detect(title, issuers, s.mentions(body))
}

// detect weighs the mentions of the title and issuers, and those of the
// body, and picks the region.
func (s *scanner) detect(title string, issuers []string, inBody []*division) Region {
	t := &tally{total: map[*division]int{}, explicit: map[*division]int{}}
	for _, d := range s.mentions([]rune(title)) {
		t.add(d, weightTitle, true)
	}
	for _, is := range issuers {
		for _, d := range s.mentions([]rune(is)) {
			t.add(d, weightIssuer, true)
		}
	}
	for _, d := range inBody {
		t.add(d, weightBody, false)
	}
	if len(t.total) == 0 {
		return Region{}
	}
	explicit := len(t.explicit) > 0
	var at *division
	for {
		var children []*division
		for d := range t.total {
			if d.parent == at {
				children = append(children, d)
			}
		}
		next := t.best(children, explicit)
		if next == nil {
			break
		}
		if at != nil && !explicit {
			parentTotal := t.total[at]
			if t.total[next] < 2 || 2*t.total[next] < parentTotal {
				break
			}
		}
		at = next
	}
	if at == nil {
		return Region{}
	}
	return at.region()
}

// best picks among divisions the one with most weight; with explicit
// mentions only those named in the title or by an issuer compete.
func (t *tally) best(ds []*division, explicit bool) *division {
	sort.Slice(ds, func(i, j int) bool { return ds[i].code < ds[j].code })
	var best *division
	for _, d := range ds {
		if explicit && t.explicit[d] == 0 {
			continue
		}
		if best == nil || t.total[d] > t.total[best] {
			best = d
		}
	}
	return best
}
