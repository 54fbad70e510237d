package region

import (
	"sort"
	"strings"
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
	maxLen int
	breaks map[rune]map[rune]bool
	// lens holds, for each rune that begins a name, bit n set when a name
	// of n runes (bit 63: 63 or more) begins with it. mentions tries a
	// length only when its bit is set: most positions of a body begin no
	// name, and looking up every length at every position was 40% of
	// extraction time on a 1.7 MB document.
	lens map[rune]uint64
	// events are words that, right after a name, make it an event's
	// name (杭州亚运会), which names no region.
	events []string
}

func lenBit(n int) uint64 { return 1 << min(n, 63) }

// index records name (already in names) in maxLen and lens.
func (s *scanner) index(name string) {
	n := utf8.RuneCountInString(name)
	s.maxLen = max(s.maxLen, n)
	first, _ := utf8.DecodeRuneInString(name)
	s.lens[first] |= lenBit(n)
}

var scanner_ = dict.NewCompiled(func() *scanner { return newScanner(load()) })

func loadScanner() *scanner { return scanner_.Get() }

// newScanner indexes every full name, and the short names of provinces and
// cities. Counties' short names are left out: too many are common words
// (新建, 合作, 安宁, 富民, 长寿), and a county is written in full far more
// often than a city is. So are counties' two-character names, which occur
// across word boundaries (示范县, 和县级医院).
func newScanner(g *gazetteer) *scanner {
	s := &scanner{names: map[string]*division{}, breaks: map[rune]map[rune]bool{}, lens: map[rune]uint64{}}
	add := func(name string) {
		if utf8.RuneCountInString(name) < 2 {
			return
		}
		if _, ok := s.names[name]; ok {
			return
		}
		s.names[name] = g.resolve(name, nil)
		s.index(name)
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
		s.names[w] = nil
		s.index(w)
	}
	s.events = dict.Words("meta_region_events")
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

// mentions lists the divisions named in text, leftmost-longest.
func (s *scanner) mentions(text string) []*division {
	rs := []rune(text)
	// at[i] is the byte offset of rs[i] in text, so that a candidate name
	// is a substring of text, looked up without building a string.
	// Invalid bytes became U+FFFD in rs; a substring holding one matches
	// no name, as the U+FFFD would not.
	at := make([]int, 0, len(rs)+1)
	for b := range text {
		at = append(at, b)
	}
	at = append(at, len(text))
	var out []*division
	for i := 0; i < len(rs); {
		matched := 0
		lens := s.lens[rs[i]]
		for n := min(s.maxLen, len(rs)-i); n >= 2 && lens != 0; n-- {
			if lens&lenBit(n) == 0 {
				continue
			}
			d, ok := s.names[text[at[i]:at[i+n]]]
			if !ok {
				continue
			}
			// 新建区域: the 区 belongs to 区域, so this is no 新建区.
			if i+n < len(rs) && s.breaks[rs[i+n-1]][rs[i+n]] {
				continue
			}
			matched = n
			if d != nil && !s.eventAt(text[at[i+n]:]) {
				out = append(out, d)
			}
			break
		}
		if matched == 0 {
			matched = 1
		}
		i += matched
	}
	return out
}

// eventAt reports whether rest starts with an event word: the name before
// it is the event's (杭州亚运会), not a place the document is about.
func (s *scanner) eventAt(rest string) bool {
	for _, e := range s.events {
		if strings.HasPrefix(rest, e) {
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
	s := loadScanner()
	t := &tally{total: map[*division]int{}, explicit: map[*division]int{}}
	for _, d := range s.mentions(title) {
		t.add(d, weightTitle, true)
	}
	for _, is := range issuers {
		for _, d := range s.mentions(is) {
			t.add(d, weightIssuer, true)
		}
	}
	for _, d := range s.mentions(body) {
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
