package extract

import (
	"slices"

	"github.com/cnplan/cnplan/pkg/record"
)

// attachUnits gives each target the canonical units of the first unit
// clause whose task holds it. tasks are the clauses' task spans in the body
// view. It was a loop over every target × unit pair, mapping a span for
// each pair (44% of a large document's time); it is now a sweep: targets
// and tasks in order of start, and for each target the first clause, among
// the tasks begun by then, whose task ends at or after the target's end,
// found in a max-tree over the clauses' order. Same answers, O(n log n).
func (x *extractor) attachUnits(ts []record.Target, us []record.Unit, tasks []span) {
	type task struct{ start, end, k int }
	var mapped []task
	for k := range us {
		x.checkBudget()
		t := tasks[k]
		if t.end <= t.start {
			continue
		}
		s, e := x.doc.Body.Span(t.start, t.end)
		mapped = append(mapped, task{s, e, k})
	}
	if len(mapped) == 0 {
		return
	}
	slices.SortStableFunc(mapped, func(a, b task) int { return a.start - b.start })
	order := make([]int, len(ts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ts[a].Span[0] - ts[b].Span[0] })

	ends := newMaxTree(len(us))
	next := 0
	for _, i := range order {
		x.checkBudget()
		for next < len(mapped) && mapped[next].start <= ts[i].Span[0] {
			ends.set(mapped[next].k, mapped[next].end)
			next++
		}
		if k := ends.first(ts[i].Span[1]); k >= 0 {
			ts[i].Units = append([]string{}, us[k].Canonical...)
		}
	}
}

// maxTree holds a value per index (-1 until set) and finds the first index
// whose value is at least v, in O(log n).
type maxTree struct {
	size int
	max  []int // max[1] is the root; leaves from size
}

func newMaxTree(n int) *maxTree {
	size := 1
	for size < n {
		size *= 2
	}
	t := &maxTree{size: size, max: make([]int, 2*size)}
	for i := range t.max {
		t.max[i] = -1
	}
	return t
}

// set makes index i's value the larger of v and what it was.
func (t *maxTree) set(i, v int) {
	for n := i + t.size; n >= 1; n /= 2 {
		if t.max[n] >= v {
			return
		}
		t.max[n] = v
	}
}

// first returns the first index whose value is at least v, or -1.
func (t *maxTree) first(v int) int {
	if t.max[1] < v {
		return -1
	}
	n := 1
	for n < t.size {
		if t.max[2*n] >= v {
			n = 2 * n
		} else {
			n = 2*n + 1
		}
	}
	return n - t.size
}
