package compare

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/cnplan/cnplan/pkg/normalize"
)

//go:embed conversions.txt
var conversionsData string

// ratio is an exact conversion factor num/den: multiplying by 10 and
// dividing by 10 are both exact where multiplying by 0.1 is not
// (4.5 × 0.1 = 0.45000000000000007).
type ratio struct{ num, den float64 }

func (q ratio) apply(v float64) float64 { return tidy(v * q.num / q.den) }

// tidy rounds away the binary noise of a conversion (12 significant
// digits is far beyond what any plan states).
func tidy(v float64) float64 {
	t, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil || math.IsInf(t, 0) {
		return v
	}
	return t
}

// Units converts between the units of conversions.txt.
type Units struct {
	alias map[string]string
	edges map[string]map[string]ratio
}

var (
	unitsOnce sync.Once
	units     *Units
)

// builtinUnits returns the conversion table compiled from conversions.txt.
func builtinUnits() *Units {
	unitsOnce.Do(func() {
		u, err := ParseUnits(conversionsData)
		if err != nil {
			panic("compare: conversions.txt: " + err.Error()) // a build error
		}
		units = u
	})
	return units
}

// ParseUnits reads a conversion table in the format of conversions.txt.
// Aliases apply to every line, wherever they stand.
func ParseUnits(data string) (*Units, error) {
	u := &Units{alias: map[string]string{}, edges: map[string]map[string]ratio{}}
	type conversion struct {
		line     int
		from, to string
		factor   string
	}
	var convs []conversion
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "alias" && len(f) == 3:
			u.alias[squeeze(f[1])] = squeeze(f[2])
		case f[0] == "convert" && len(f) == 4:
			convs = append(convs, conversion{n + 1, f[1], f[2], f[3]})
		default:
			return nil, fmt.Errorf("line %d: want alias<TAB>variant<TAB>unit or convert<TAB>from<TAB>to<TAB>factor", n+1)
		}
	}
	for _, c := range convs {
		k, err := strconv.ParseFloat(c.factor, 64)
		if err != nil || k <= 0 {
			return nil, fmt.Errorf("line %d: bad factor %q", c.line, c.factor)
		}
		from, to := u.canonical(c.from), u.canonical(c.to)
		u.edge(from, to, ratio{k, 1})
		u.edge(to, from, ratio{1, k})
	}
	return u, nil
}

func (u *Units) edge(from, to string, q ratio) {
	if u.edges[from] == nil {
		u.edges[from] = map[string]ratio{}
	}
	u.edges[from][to] = q
}

// canonical is a unit as the table spells it: width folded, simplified
// (a traditional document's 個, 萬人次 are 个, 万人次), aliases applied.
func (u *Units) canonical(unit string) string {
	unit = simplified(squeeze(unit))
	if a, ok := u.alias[unit]; ok {
		return a
	}
	return unit
}

// Same reports whether a and b are one unit (after width and aliases).
func (u *Units) Same(a, b string) bool { return u.canonical(a) == u.canonical(b) }

var (
	simplifiedMu    sync.Mutex
	simplifiedCache = map[string]string{}
)

// simplified converts a unit to simplified characters, once per spelling.
func simplified(unit string) string {
	if unit == "" || isASCII(unit) {
		return unit
	}
	simplifiedMu.Lock()
	defer simplifiedMu.Unlock()
	s, ok := simplifiedCache[unit]
	if !ok {
		s = normalize.ToSimplified(unit)
		simplifiedCache[unit] = s
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// factor finds how to turn a value in unit from into unit to, following
// conversions in a chain (breadth first, so the shortest chain wins).
func (u *Units) factor(from, to string) (ratio, bool) {
	from, to = u.canonical(from), u.canonical(to)
	if from == to {
		return ratio{1, 1}, true
	}
	seen := map[string]ratio{from: {1, 1}}
	queue := []string{from}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		for next, q := range u.edges[at] {
			if _, ok := seen[next]; ok {
				continue
			}
			r := seen[at]
			seen[next] = ratio{r.num * q.num, r.den * q.den}
			if next == to {
				return seen[next], true
			}
			queue = append(queue, next)
		}
	}
	return ratio{}, false
}

// Convert turns v in unit from into unit to; ok is false when the table
// knows no way between them.
func (u *Units) Convert(v float64, from, to string) (float64, bool) {
	q, ok := u.factor(from, to)
	if !ok {
		return v, false
	}
	return q.apply(v), true
}

// BuiltinUnits is the conversion table compare uses (conversions.txt), so
// that other views of the same figures (cnplan report) convert alike.
func BuiltinUnits() *Units { return builtinUnits() }
