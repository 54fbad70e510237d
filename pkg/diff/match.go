package diff

import (
	"slices"
	"strconv"
	"strings"
)

// unitSep joins bodies in one field, as extract's CSV does.
const unitSep = "、"

// match pairs the records of two lists, pass by pass: each pass pairs
// every unpaired old record with the first unpaired new one the pass
// accepts, in order of appearance. It returns the pairs and the old and
// new records left unpaired.
func match(nOld, nNew int, passes ...func(i, j int) bool) (pairs [][2]int, oldLeft, newLeft []int) {
	usedOld := make([]bool, nOld)
	usedNew := make([]bool, nNew)
	for _, ok := range passes {
		for i := 0; i < nOld; i++ {
			if usedOld[i] {
				continue
			}
			for j := 0; j < nNew; j++ {
				if !usedNew[j] && ok(i, j) {
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
