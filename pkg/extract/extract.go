// Package extract turns a read document into cnplan's records: numeric
// targets (from prose and from indicator tables), deadlines, responsible
// units and the document's metadata, each record with its provenance.
package extract

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/cnplan/cnplan/pkg/bodies"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/meta"
	"github.com/cnplan/cnplan/pkg/number"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/region"
	"github.com/cnplan/cnplan/pkg/textview"
	"github.com/cnplan/cnplan/pkg/when"
)

// extractor holds one document's state while its records are assembled.
type extractor struct {
	doc         *document.Document
	runes       []rune // the body view's text
	sentences   []span
	secs        *sections
	deadlines   []deadlineSpan
	mentionEnds []int
	quantities  []number.Quantity // the sentence's numbers (targets.go)
	candBuf     []candidate       // its candidates

	candOut []*candidate // those that are targets
	docYear int
	period  record.Period
	isPlan  bool
	years   []yearMark
	frames  *frames

	deadlinesSorted bool // by start and by end (index.go)

	lastQuote quoted // the last sentence quoted (bounds.go)

	ctx       context.Context // the budget (bounds.go); nil: none
	ticks     int             // checkBudget calls
	sentFacts sentenceFacts   // of the sentence last asked about (bounds.go)
}

// quoted is a body-view span and its quote.
type quoted struct {
	start, end int
	text       string
}

type deadlineSpan struct {
	start, end int
	d          when.Deadline
}

// Extract reads every record of d.
func Extract(d *document.Document) record.Document { return extract(nil, d) }

func extract(budget context.Context, d *document.Document) record.Document {
	out := record.Document{
		Schema: record.Schema, File: d.File, Encoding: d.Encoding, Format: d.Format, Script: d.Script,
		Cleaning:  &record.Cleaning{DroppedLines: d.Dropped, JoinedBreaks: d.Joined},
		Targets:   []record.Target{},
		Deadlines: []record.Deadline{},
		Units:     []record.Unit{},
	}
	m, title, head := readMetadata(d, &out)
	x := &extractor{doc: d, runes: d.Body.Chars(), docYear: m.Year, ctx: budget}
	if out.Period != nil {
		x.period = *out.Period
	}
	x.isPlan = x.period.End > 0 && (x.docYear == 0 || x.docYear <= x.period.End)
	ctx := when.Context{DocYear: m.Year, PlanStart: m.PeriodStart, PlanEnd: m.PeriodEnd, Title: title}
	if ctx.DocYear == 0 || ctx.PlanEnd == 0 {
		if ctx.DocYear == 0 {
			ctx.DocYear = head.DocYear
			x.docYear = ctx.DocYear
		}
		if ctx.PlanEnd == 0 && head.PlanEnd > 0 {
			ctx.PlanStart, ctx.PlanEnd = head.PlanStart, head.PlanEnd
			x.period = record.Period{Start: head.PlanStart, End: head.PlanEnd}
			x.isPlan = x.docYear == 0 || x.docYear <= x.period.End
		}
	}
	x.secs = newSections(d.Body, x.quote)
	x.sentences = splitSentences(x.runes)
	for _, dl := range when.FindRunes(x.runes, ctx) {
		if dl.Period && when.InBackground(x.secs.path(dl.Start)) {
			continue // "十四五"期间,我省将… under 发展背景: the setting, not a due date
		}
		x.deadlines = append(x.deadlines, deadlineSpan{dl.Start, dl.End, dl})
	}
	x.index()
	x.years = x.findYearMarks()
	x.frames = x.buildFrames(title)
	out.Frames = x.frames.records(x)

	tables := findTables(d.Body, x.tableBaseYear())
	rowTargets, tableNotes := x.tableTargets(tables)
	// A figure whose text names nothing it measures (a bare 5% in a row of
	// percentages) is no usable row: it is counted in the warnings, not
	// output, so a table of bare numbers cannot flood the output.
	var unnamed int
	out.Targets, unnamed = x.proseTargets(tables, append(out.Targets, rowTargets...))
	sort.SliceStable(out.Targets, func(i, j int) bool { return out.Targets[i].Span[0] < out.Targets[j].Span[0] })
	out.Deadlines = x.deadlineRecords()
	var tasks []span
	out.Units, tasks = x.unitRecords(bodies.FindRunes(x.runes))
	x.attachUnits(out.Targets, out.Units, tasks)
	if d.Dropped > 0 {
		out.Warnings = append(out.Warnings, plural(d.Dropped, "line")+" of page junk dropped (use --keep-all to keep them)")
	}
	out.Warnings = append(out.Warnings, tableNotes...)
	if unnamed > 0 {
		out.Warnings = append(out.Warnings, plural(unnamed, "number")+" with nothing naming what they measure left out")
	}
	return out
}

// readMetadata fills out's metadata from the whole normalised text, and
// returns what extraction needs of it: the metadata, the title as the
// recognisers read it, and the head's dates (a page date, or a period on
// a title line that wraps: 民用爆炸物品行业发展规划 / （2016-2020年）) when
// the metadata lacks the year or the period. None of it holds a piece of
// the text, which is let go when this returns.
func readMetadata(d *document.Document, out *record.Document) (m meta.Meta, title string, head when.Context) {
	full := d.Full()
	m = meta.Extract(full.Text)
	if m.TitleEnd > m.TitleStart {
		out.Title = d.Quote(full.Span(m.TitleStart, m.TitleEnd))
	}
	if m.Issuers != nil {
		out.Issuer = make([]string, len(m.Issuers))
		for i, issuer := range m.Issuers {
			out.Issuer[i] = strings.Clone(issuer)
		}
	}
	out.Published = m.Published
	if m.PeriodEnd > 0 {
		out.Period = &record.Period{Start: m.PeriodStart, End: m.PeriodEnd}
	}
	title = strings.Clone(titleText(full, m))
	reg := region.DetectRunes(title, out.Issuer, d.Body.Chars())
	if reg.Code != "" {
		out.Region = &record.Region{Province: reg.Province, City: reg.City, County: reg.County, Code: reg.Code}
	}
	if m.Year == 0 || m.PeriodEnd == 0 {
		head = when.DocContext(full.Text)
	}
	m.Title, m.Issuers = "", out.Issuer
	return m, title, head
}

func titleText(full *textview.View, m meta.Meta) string {
	if m.TitleEnd > m.TitleStart {
		return full.Slice(m.TitleStart, m.TitleEnd)
	}
	return ""
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// quote returns the original text of a body-view span.
func (x *extractor) quote(start, end int) string {
	return x.doc.Quote(x.doc.Body.Span(start, end))
}

// text returns the body view's text of [start, end): a substring, not a
// copy (clamped to the view).
func (x *extractor) text(start, end int) string { return x.doc.Body.Substring(start, end) }

// source maps a body-view span to its provenance.
func (x *extractor) source(start, end int) record.Source {
	s, e := x.doc.Body.Span(start, end)
	return record.Source{Line: x.doc.Lines.Line(s), Span: [2]int{s, e}}
}

// sentenceAt returns the sentence span holding pos.
func sentenceAt(sents []span, pos int) span {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].end > pos })
	if i < len(sents) && sents[i].start <= pos {
		return sents[i]
	}
	return span{pos, pos}
}

// deadlineRecords turns the deadlines into records, each with the task it
// governs: the rest of its clause, or of its sentence when the clause is
// only the deadline (到2025年,人均预期寿命达到77.3岁).
func (x *extractor) deadlineRecords() []record.Deadline {
	sents := x.sentences
	out := []record.Deadline{}
	for _, ds := range x.deadlines {
		x.checkBudget()
		s := sentenceAt(sents, ds.start)
		taskEnd := x.clauseEnd(ds.end)
		if strings.TrimSpace(x.text(ds.end, taskEnd)) == "" || taskEnd-ds.end < 4 {
			taskEnd = s.end
		}
		taskStart := ds.end
		for taskStart < taskEnd && isClauseBreak(x.runes[taskStart]) {
			taskStart++
		}
		taskStart, taskEnd = boundedTask(taskStart, taskEnd)
		out = append(out, record.Deadline{
			Text: x.quote(ds.start, ds.end), Date: ds.d.Date,
			Task:     strings.TrimSpace(x.quote(taskStart, taskEnd)),
			Section:  x.secs.path(ds.start),
			Sentence: x.boundedQuote(s, ds.start, ds.end),
			Source:   x.source(ds.start, ds.end),
		})
	}
	return out
}

// unitRecords turns responsibility clauses into records. A bracketed
// clause closes the task before it (back to the previous clause or list
// item); a sentence clause is its own task.
func (x *extractor) unitRecords(cs []bodies.Clause) ([]record.Unit, []span) {
	out := []record.Unit{}
	var tasks []span
	prevEnd := -2
	for _, c := range cs {
		x.checkBudget()
		units := make([]string, len(c.Units))
		for i, sp := range c.UnitSpans {
			units[i] = x.quote(sp[0], sp[1])
		}
		taskStart, taskEnd := x.taskBefore(c.Start), c.Start
		switch {
		case len(tasks) > 0 && c.Start > 0 && c.Start-prevEnd <= 1 && strings.ContainsRune(",;、", x.runes[c.Start-1]):
			// (X牵头,Y配合): the second part answers for the same task.
			taskStart, taskEnd = tasks[len(tasks)-1].start, tasks[len(tasks)-1].end
		case x.runes[c.Start] != '(':
			taskStart, taskEnd = c.Start, c.End
		}
		prevEnd = c.End
		tasks = append(tasks, span{taskStart, taskEnd})
		quoteStart, quoteEnd := boundedTask(taskStart, taskEnd)
		out = append(out, record.Unit{
			Units: units, Canonical: append([]string{}, c.Canonical...), Role: c.Role,
			Task:    strings.TrimSpace(x.quote(quoteStart, quoteEnd)),
			Section: x.secs.path(c.Start),
			Text:    x.clauseQuote(c.Start, c.End, c.Start, c.End),
			Source:  x.source(c.Start, c.End),
		})
	}
	return out, tasks
}

// taskBefore finds where the task that a bracketed unit clause closes
// begins: after the previous unit clause or heading, at most a paragraph.
func (x *extractor) taskBefore(pos int) int {
	start := 0
	if i := x.secs.at(pos - 1); i >= 0 {
		start = x.secs.hs[i].start
	}
	for i := pos - 1; i > start; i-- {
		if x.runes[i] == '\n' || x.runes[i] == ')' && i < pos-1 && strings.Contains(x.text(max(start, i-40), i), "单位") {
			return i + 1
		}
	}
	return start
}
