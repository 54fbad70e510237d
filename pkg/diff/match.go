package diff

import (
	"slices"
	"strconv"
	"strings"
)

// unitSep joins bodies in one field, as extract's CSV does.
const unitSep = "、"

// pass is one round of matching: ok accepts a pair, and oldKey/newKey are
// a necessary condition for it (ok(i, j) implies oldKey(i) == newKey(j)),
// so that only records with equal keys are compared. nil keys compare
// every pair.
type pass struct {
	ok             func(i, j int) bool
	oldKey, newKey func(int) string
}

// keyed makes a pass whose pairs have equal keys.
func keyed(oldKey, newKey func(int) string, ok func(i, j int) bool) pass {
	return pass{ok, oldKey, newKey}
}

// match pairs the records of two lists, pass by pass: each pass pairs
// every unpaired old record with the first unpaired new one the pass
// accepts, in order of appearance. It returns the pairs and the old and
// new records left unpaired. New records are indexed by the pass's key,
// so a pass costs the records times the size of their key's group, not
// old × new (20,000 targets took 83 s).
func match(nOld, nNew int, passes ...pass) (pairs [][2]int, oldLeft, newLeft []int) {
	usedOld := make([]bool, nOld)
	usedNew := make([]bool, nNew)
	for _, p := range passes {
		oldKey, newKey := p.oldKey, p.newKey
		if oldKey == nil || newKey == nil {
			oldKey = func(int) string { return "" }
			newKey = oldKey
		}
		groups := map[string][]int{} // unpaired new records by key, in order
		for j := range nNew {
			if !usedNew[j] {
				k := newKey(j)
				groups[k] = append(groups[k], j)
			}
		}
		for i := range nOld {
			if usedOld[i] {
				continue
			}
			k := oldKey(i)
			g := groups[k]
			for len(g) > 0 && usedNew[g[0]] { // drop the paired front
				g = g[1:]
			}
			groups[k] = g
			for _, j := range g {
				if !usedNew[j] && p.ok(i, j) {
					usedOld[i], usedNew[j] = true, true
					pairs = append(pairs, [2]int{i, j})
					break
				}
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[1] - b[1] })
	for i, u := range usedOld {
		if !u {
			oldLeft = append(oldLeft, i)
		}
	}
	for j, u := range usedNew {
		if !u {
			newLeft = append(newLeft, j)
		}
	}
	return pairs, oldLeft, newLeft
}

// joinKey joins key parts with a separator no field holds.
func joinKey(parts ...string) string { return strings.Join(parts, "\x00") }

// all is the conjunction of tests.
func all(tests ...func(i, j int) bool) func(i, j int) bool {
	return func(i, j int) bool {
		for _, t := range tests {
			if !t(i, j) {
				return false
			}
		}
		return true
	}
}

func keys[T any](xs []T, key func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = key(x)
	}
	return out
}

// sameSet says a and b name the same bodies, in any order.
func sameSet(a, b []string) bool {
	added, removed := setDiff(a, b)
	return len(added) == 0 && len(removed) == 0
}

// setDiff returns what b has that a lacks, and what a has that b lacks,
// each in its list's order.
func setDiff(a, b []string) (added, removed []string) {
	for _, x := range b {
		if !slices.Contains(a, x) {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			removed = append(removed, x)
		}
	}
	return added, removed
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func year(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

func oneLine(s string) string { return strings.TrimSpace(lineBreaks.Replace(s)) }

// bodySet is a key equal for two lists exactly when sameSet holds.
func bodySet(a []string) string {
	s := slices.Clone(a)
	slices.Sort(s)
	return joinKey(slices.Compact(s)...)
}
