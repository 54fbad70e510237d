package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/record"
)

// Bounds that keep one document's extraction linear in its length and its
// output a small multiple of it, whatever the input's shape.

// MaxQuote is the longest context, in runes, that a record quotes in its
// text, sentence or task field. A sentence up to this length is quoted
// whole (every sentence of the corpus is: the longest is 391 runes); a
// longer one — a page without 。, a flattened table, one line of a
// thousand clauses — is quoted as the clause around the record, at most
// MaxQuote runes. Every record quoting its whole sentence made the output
// quadratic: 90 KB of percentages without a full stop wrote 550 MB. The
// record's line and span stay exact.
const MaxQuote = 500

// boundedQuote quotes sentence s for a record found at [from, to): the
// whole sentence when it is short, else the clause holding the record,
// at most MaxQuote runes.
func (x *extractor) boundedQuote(s span, from, to int) string {
	if s.end-s.start <= MaxQuote {
		return x.sharedQuote(s.start, s.end)
	}
	return x.clauseQuote(s.start, s.end, from, to)
}

// sharedQuote quotes [start, end), returning the string it returned last
// when the span is the same: the figures of one sentence share one copy
// of its text (records hold a quote each; a dense table of figures held
// the same sentence ten times over).
func (x *extractor) sharedQuote(start, end int) string {
	if q := &x.lastQuote; q.start != start || q.end != end || q.text == "" {
		*q = quoted{start, end, x.quote(start, end)}
	}
	return x.lastQuote.text
}

// clauseQuote quotes the clause around [from, to) within [lo, hi), at most
// MaxQuote runes; the scans for the clause's ends are bounded, so a record
// costs the same however long the line it sits on.
func (x *extractor) clauseQuote(lo, hi, from, to int) string {
	from, to = max(from, lo), min(max(to, from), hi)
	start, end := from, to
	for floor := max(lo, from-MaxQuote/2); start > floor && !isClauseBreak(x.runes[start-1]); start-- {
	}
	for ceil := min(hi, to+MaxQuote/2); end < ceil && !isClauseBreak(x.runes[end]); end++ {
	}
	if end-start > MaxQuote {
		end = start + MaxQuote
	}
	return x.sharedQuote(start, end)
}

// boundedTask caps a task span to MaxQuote runes from its start.
func boundedTask(start, end int) (int, int) {
	return start, min(end, start+MaxQuote)
}

// ErrBudget wraps the context's error when extraction stops for its
// deadline or cancellation.
var ErrBudget = errors.New("extraction stopped")

// budgetStop is the panic value that unwinds extraction when its context
// ends; ExtractContext turns it back into an error.
type budgetStop struct{ err error }

// checkBudget ends extraction when its context is done. It is called in
// every loop whose length grows with the document, and looks at the
// context once every 256 calls so that it costs nothing measurable.
func (x *extractor) checkBudget() {
	if x.ctx == nil {
		return
	}
	x.ticks++
	if x.ticks&255 != 0 {
		return
	}
	if err := x.ctx.Err(); err != nil {
		panic(budgetStop{err})
	}
}

// ExtractContext is Extract under a budget: when ctx ends (its deadline
// passes, or it is cancelled) extraction stops at its next loop turn and
// returns an error wrapping ErrBudget and ctx.Err().
func ExtractContext(ctx context.Context, d *document.Document) (out record.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			stop, ok := p.(budgetStop)
			if !ok {
				panic(p)
			}
			out, err = record.Document{}, fmt.Errorf("%w: %w", ErrBudget, stop.err)
		}
	}()
	if err := ctx.Err(); err != nil {
		return record.Document{}, fmt.Errorf("%w: %w", ErrBudget, err)
	}
	return extract(ctx, d), nil
}

// maxClause is the furthest, in runes, that a clause's start or end is
// looked for from a position. Clauses in prose run to a few dozen runes;
// without the bound, a line of figures with no clause break made every
// figure scan the whole line.
const maxClause = 1000

// sentenceFacts are what kindYear and yearly ask of a whole sentence,
// worked out once per sentence instead of once per figure in it (which
// was quadratic in a sentence's length: 90 KB of percentages without a
// full stop took 17 s).
type sentenceFacts struct {
	start, end int
	targetCue  cueMemo // the sentence holds a target cue word
	awardCue   cueMemo // … an award cue word (isSubsidyRule)
	formula    bool    // … '=' or '÷' (inFormula)
	plainYear  int     // where the first 每年 (每半年, 每季度, 每月) not part of a rate (每人每年) is; -1: none
	rateYears  []int   // where each such cycle that is part of a rate is, in order
}

// cueMemo remembers whether a sentence holds a kind of cue word: looked
// for only when a figure asks, as most sentences' figures never do.
type cueMemo int8

const (
	cueUnknown cueMemo = iota
	cueAbsent
	cuePresent
)

// sentenceCue says whether sentence s holds a cue word of kind, through
// m, its memo in x.facts(s).
func (x *extractor) sentenceCue(s span, kind string, m *cueMemo) bool {
	if *m == cueUnknown {
		*m = cueAbsent
		if loadVocab().hasCue(kind, x.text(s.start, s.end)) {
			*m = cuePresent
		}
	}
	return *m == cuePresent
}

// facts returns s's facts, working them out when s is not the sentence
// asked about last (figures are read sentence by sentence).
func (x *extractor) facts(s span) *sentenceFacts {
	f := &x.sentFacts
	if f.start == s.start && f.end == s.end && f.plainYear != -2 {
		return f
	}
	*f = sentenceFacts{start: s.start, end: s.end, plainYear: -1, rateYears: f.rateYears[:0]}
	for _, r := range x.runes[s.start:s.end] {
		if r == '=' || r == '÷' {
			f.formula = true
			break
		}
	}
	for i := s.start; i+1 < s.end; i++ {
		// 每年, and the shorter cycles of assessment schemes: 每半年考评
		// 一次, 每季度, 每月 (as yearly reads them).
		if x.runes[i] != '每' || !strings.ContainsRune("年半季月", x.runes[i+1]) {
			continue
		}
		rate := false
		for k := max(s.start, i-3); k < i; k++ {
			if x.runes[k] == '每' {
				rate = true
			}
		}
		if !rate {
			if f.plainYear < 0 {
				f.plainYear = i
			}
		} else {
			f.rateYears = append(f.rateYears, i)
		}
	}
	return f
}
