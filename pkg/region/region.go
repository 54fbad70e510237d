// Package region names the place a plan document belongs to: a province,
// prefecture-level city or county of China, with its GB/T 2260 code.
//
// The divisions come from dict/regions.txt (code, name, parent code; see
// dict/SOURCES.md); the endings and ethnic names stripped to make the short
// names documents use (陕西, 安康, 恩施州) and the names that are also common
// words come from dict/meta_region_*.txt.
package region

import (
	"sort"
	"strings"

	"github.com/cnplan/cnplan/dict"
)

// Region is a place as a province, city and county, each empty when the
// place is not that specific. A county-level division directly under a
// province (济源市) or a municipality's district (北京市东城区) has no City.
type Region struct {
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
	Code     string `json:"code"` // 6-digit code of the most specific level found
}

// Levels of a division.
const (
	levelProvince = iota
	levelCity
	levelCounty
)

type division struct {
	code   string
	name   string
	level  int
	parent *division
}

// region spells out d and its ancestors.
func (d *division) region() Region {
	r := Region{Code: d.code}
	for n := d; n != nil; n = n.parent {
		switch n.level {
		case levelProvince:
			r.Province = n.name
		case levelCity:
			r.City = n.name
		case levelCounty:
			r.County = n.name
		}
	}
	return r
}

// within reports whether d is a or lies under a.
func (d *division) within(a *division) bool {
	for n := d; n != nil; n = n.parent {
		if n == a {
			return true
		}
	}
	return false
}

type gazetteer struct {
	byCode map[string]*division
	full   map[string][]*division // 安康市 → 610900
	short  map[string][]*division // 安康, 恩施州 → their divisions
	all    []*division
}

var gazetteer_ = dict.NewCompiled(func() *gazetteer { return build(dict.Records("regions")) })

func load() *gazetteer { return gazetteer_.Get() }

func levelOf(code string) int {
	switch {
	case strings.HasSuffix(code, "0000"):
		return levelProvince
	case strings.HasSuffix(code, "00"):
		return levelCity
	}
	return levelCounty
}

func build(recs [][]string) *gazetteer {
	g := &gazetteer{
		byCode: map[string]*division{},
		full:   map[string][]*division{},
		short:  map[string][]*division{},
	}
	parents := map[*division]string{}
	for _, r := range recs {
		if len(r) < 2 || len(r[0]) != 6 {
			continue
		}
		d := &division{code: r[0], name: r[1], level: levelOf(r[0])}
		if len(r) > 2 {
			parents[d] = r[2]
		}
		g.byCode[d.code] = d
		g.all = append(g.all, d)
	}
	for d, p := range parents {
		d.parent = g.byCode[p]
	}
	sort.Slice(g.all, func(i, j int) bool { return g.all[i].code < g.all[j].code })
	sh := loadShortener()
	for _, d := range g.all {
		g.full[d.name] = append(g.full[d.name], d)
		for _, s := range sh.shortNames(d.name) {
			if s != d.name {
				g.short[s] = append(g.short[s], d)
			}
		}
	}
	return g
}

// pick resolves the divisions sharing one name: the least specific level
// wins (吉林 is the province before the city, 海南 the province before the
// prefecture); two at that level make the name ambiguous (鼓楼区).
func pick(ds []*division, scope *division) *division {
	var best []*division
	for _, d := range ds {
		if scope != nil && (d == scope || !d.within(scope)) {
			continue
		}
		switch {
		case len(best) == 0 || d.level < best[0].level:
			best = []*division{d}
		case d.level == best[0].level:
			best = append(best, d)
		}
	}
	if len(best) != 1 {
		return nil
	}
	return best[0]
}

// resolve finds name among the divisions under scope (all when nil): a full
// name first, then a short one.
func (g *gazetteer) resolve(name string, scope *division) *division {
	if d := pick(g.full[name], scope); d != nil {
		return d
	}
	return pick(g.short[name], scope)
}

// Lookup finds a region by a name as written in documents: full (安康市,
// 陕西省), short (安康, 陕西, 恩施州), qualified (河南省许昌市, 南京市鼓楼区), or
// by code (411000; a 2- or 4-digit prefix or a 12-digit statistical code
// is read as the division it starts with). A name shared by two divisions
// of the same level (鼓楼区) is not found unless qualified.
func Lookup(name string) (Region, bool) {
	g := load()
	name = strings.Join(strings.Fields(name), "")
	if name == "" {
		return Region{}, false
	}
	if isDigits(name) {
		code := name
		switch len(name) {
		case 2, 4:
			code = name + strings.Repeat("0", 6-len(name))
		case 9, 12:
			code = name[:6]
		}
		if d := g.byCode[code]; d != nil {
			return d.region(), true
		}
		return Region{}, false
	}
	if d := g.qualified(name, nil); d != nil {
		return d.region(), true
	}
	return Region{}, false
}

// qualified resolves name as a whole, or as a division followed by the
// name of one under it (河南省许昌市), trying the longest prefix first.
func (g *gazetteer) qualified(name string, scope *division) *division {
	if d := g.resolve(name, scope); d != nil {
		return d
	}
	rs := []rune(name)
	for i := len(rs) - 1; i >= 2; i-- {
		head := g.resolve(string(rs[:i]), scope)
		if head == nil {
			continue
		}
		if d := g.qualified(string(rs[i:]), head); d != nil {
			return d
		}
	}
	return nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
