package extract

import "sort"

// Lookups by position in O(log n). Scanning every deadline for every
// figure, and back to the line's start for every figure, made extraction
// quadratic in a document's length: a 2 MB line of targets took 12.6 s, a
// 50 MB one would take hours. The answers are those of the scans they
// replace; when deadlines are not in order of start and of end (they are:
// when.Find reads left to right) the scans are kept.

// index records whether x.deadlines is sorted.
func (x *extractor) index() {
	x.deadlinesSorted = true
	for i := 1; i < len(x.deadlines); i++ {
		a, b := x.deadlines[i-1], x.deadlines[i]
		if b.start < a.start || b.end < a.end {
			x.deadlinesSorted = false
			break
		}
	}
}

// lineStart returns where the line holding pos starts.
func (x *extractor) lineStart(pos int) int {
	lines := x.doc.Body.LineStarts()
	return lines[sort.SearchInts(lines, pos+1)-1]
}

// deadlinesEndingBy returns how many deadlines end at or before pos; with
// sorted deadlines they are the first ones.
func (x *extractor) deadlinesEndingBy(pos int) int {
	return sort.Search(len(x.deadlines), func(i int) bool { return x.deadlines[i].end > pos })
}

// deadlinesStartingBefore returns how many deadlines start before pos.
func (x *extractor) deadlinesStartingBefore(pos int) int {
	return sort.Search(len(x.deadlines), func(i int) bool { return x.deadlines[i].start >= pos })
}
