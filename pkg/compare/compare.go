// Package compare lines up the targets of several plan documents in one
// matrix: a row per indicator (by indicator key), a column per document,
// each cell the figure that document gives, in the unit most documents on
// the row use.
package compare

import (
	"sort"
	"strings"

	"golang.org/x/text/width"

	"github.com/cnplan/cnplan/pkg/record"
)

// Options say which figures to compare and which rows to keep.
type Options struct {
	// Kind is record.KindTarget (the default: goals) or record.KindActual
	// (figures reported as achieved, and the baselines targets start from).
	Kind string
	// Indicator keeps only rows whose key, or an indicator as written in
	// one of its documents, contains this text.
	Indicator string
	// MinDocs keeps rows found in at least this many documents; 0 means 2
	// when there are several documents and 1 when there is one.
	MinDocs int
	// All keeps every row, whatever MinDocs says.
	All bool
}

// Matrix is the comparison.
type Matrix struct {
	Schema  string   `json:"schema"`
	Kind    string   `json:"kind"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Column is one document.
type Column struct {
	Label  string         `json:"label"` // 安康市 2021–2025, unique in the matrix
	File   string         `json:"file"`
	Title  string         `json:"title"`
	Region *record.Region `json:"region"`
	Period *record.Period `json:"period"`
}

// Row is one indicator across the documents.
type Row struct {
	Key       string  `json:"key"`       // the row's key (see Key)
	Indicator string  `json:"indicator"` // the indicator key most of its documents use
	Unit      string  `json:"unit"`      // the unit cells are shown in
	Docs      int     `json:"docs"`      // documents with a figure on this row
	Flagged   bool    `json:"flagged"`   // some cell's unit could not be converted
	Cells     []*Cell `json:"cells"`     // one per column; nil where the document has none
}

// Cell is one document's figure for one indicator.
type Cell struct {
	Text       string   `json:"text"` // ≥95% (2025), 4.5个 (2025), 2–4个 (2025)
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Unit       string   `json:"unit"`
	Comparator string   `json:"comparator"`
	Year       *int     `json:"year"`
	// Original is the figure as the document states it, when Value was
	// converted into the row's unit (5‰ shown as 0.5%).
	Original string `json:"original"`
	// Flag is "*" when the unit differs from the row's and no conversion
	// is known: the figure is shown as written.
	Flag string `json:"flag"`
	// FromBaseline says the figure is a target's baseline (Kind actual).
	FromBaseline bool `json:"from_baseline"`
	// More counts the document's other figures for this indicator; the
	// cell shows the one with the latest year, the first of those in the
	// document.
	More int `json:"more"`
	// Targets are the records behind the cell, the one shown first.
	Targets []record.Target `json:"targets"`
}

// Display is the cell as the table and CSV show it: the text, the figure
// as written when converted, "+N" for other figures, "*" when flagged.
func (c *Cell) Display() string {
	if c == nil {
		return ""
	}
	s := c.Text
	if c.Original != "" {
		s += " [" + c.Original + "]"
	}
	if c.More > 0 {
		s += " +" + itoa(c.More)
	}
	return s + c.Flag
}

// figure is one number a document gives for an indicator.
type figure struct {
	value        float64
	max          *float64
	unit, cmp    string
	year         *int
	fromBaseline bool
	order        int // position in the document's targets
	t            record.Target
}

// figures are the numbers a target gives for kind: a goal for
// KindTarget; for KindActual a reported figure, or a target's baseline.
func figures(t record.Target, order int, kind string) []figure {
	var out []figure
	if t.Kind == kind || (t.Kind == "" && kind == record.KindTarget) {
		out = append(out, figure{value: t.Value, max: t.ValueMax, unit: t.Unit, cmp: t.Comparator,
			year: t.Year, order: order, t: t})
	}
	if kind == record.KindActual && t.Kind != record.KindActual && t.Baseline != nil {
		out = append(out, figure{value: *t.Baseline, unit: t.Unit, cmp: "=", year: t.BaselineYear,
			fromBaseline: true, order: order, t: t})
	}
	return out
}

// later says whether a is shown before b: the latest year, then the first
// in the document. A figure without a year counts as earliest.
func later(a, b figure) bool {
	switch {
	case a.year != nil && b.year == nil:
		return true
	case a.year == nil && b.year != nil:
		return false
	case a.year != nil && *a.year != *b.year:
		return *a.year > *b.year
	}
	return a.order < b.order
}

type rowAcc struct {
	key      string
	firstCol int
	firstOrd int
	perCol   map[int][]figure
}

// Build compares docs. Documents that failed to read (Error set) get no
// column.
func Build(docs []record.Document, opt Options) Matrix {
	kind := opt.Kind
	if kind == "" {
		kind = record.KindTarget
	}
	m := Matrix{Schema: record.Schema, Kind: kind, Columns: []Column{}, Rows: []Row{}}
	var kept []record.Document
	for _, d := range docs {
		if d.Error == "" {
			kept = append(kept, d)
		}
	}
	m.Columns = columns(kept)

	rows := map[string]*rowAcc{}
	var order []*rowAcc
	for ci, d := range kept {
		for ti, t := range d.Targets {
			key := TargetKey(t)
			if key == "" {
				continue
			}
			for _, f := range figures(t, ti, kind) {
				r := rows[key]
				if r == nil {
					r = &rowAcc{key: key, firstCol: ci, firstOrd: ti, perCol: map[int][]figure{}}
					rows[key] = r
					order = append(order, r)
				}
				r.perCol[ci] = append(r.perCol[ci], f)
			}
		}
	}

	minDocs := opt.MinDocs
	if minDocs <= 0 {
		minDocs = 1
		if len(kept) > 1 {
			minDocs = 2
		}
	}
	query := fold(opt.Indicator)
	for _, r := range order {
		if !opt.All && len(r.perCol) < minDocs {
			continue
		}
		if query != "" && !r.matches(query) {
			continue
		}
		m.Rows = append(m.Rows, r.build(len(kept)))
	}
	// Rows found in most documents first, then in document order.
	sort.SliceStable(m.Rows, func(i, j int) bool { return m.Rows[i].Docs > m.Rows[j].Docs })
	return m
}

// matches says whether the row's key or an indicator as written contains
// the (folded) query.
func (r *rowAcc) matches(query string) bool {
	if strings.Contains(fold(r.key), query) {
		return true
	}
	for _, fs := range r.perCol {
		for _, f := range fs {
			if strings.Contains(fold(f.t.Indicator), query) || strings.Contains(fold(f.t.IndicatorKey), query) {
				return true
			}
		}
	}
	return false
}

func (r *rowAcc) build(ncol int) Row {
	row := Row{Key: r.key, Docs: len(r.perCol), Cells: make([]*Cell, ncol)}
	shown := map[int]figure{}
	var cols []int
	for ci, fs := range r.perCol {
		sort.SliceStable(fs, func(i, j int) bool { return later(fs[i], fs[j]) })
		shown[ci] = fs[0]
		cols = append(cols, ci)
	}
	sort.Ints(cols)

	// The row's unit and indicator are the ones most documents use; ties go
	// to the leftmost document.
	u := builtinUnits()
	var unitVotes, nameVotes votes
	for _, ci := range cols {
		unitVotes.add(u.canonical(shown[ci].unit))
		nameVotes.add(shown[ci].t.IndicatorKey)
	}
	row.Unit = unitVotes.winner()
	row.Indicator = width.Fold.String(nameVotes.winner())
	if row.Indicator == "" {
		row.Indicator = r.key
	}

	for _, ci := range cols {
		f := shown[ci]
		c := &Cell{Value: f.value, ValueMax: f.max, Unit: f.unit, Comparator: f.cmp, Year: f.year,
			FromBaseline: f.fromBaseline, More: len(r.perCol[ci]) - 1}
		if !u.Same(f.unit, row.Unit) {
			v, ok := u.Convert(f.value, f.unit, row.Unit)
			var vmax *float64
			if ok && f.max != nil {
				x, _ := u.Convert(*f.max, f.unit, row.Unit)
				vmax = &x
			}
			if ok {
				c.Original = figureText(f.value, f.max, f.unit, f.cmp)
				c.Value, c.ValueMax, c.Unit = v, vmax, row.Unit
			} else {
				c.Flag = "*"
				row.Flagged = true
			}
		}
		c.Text = CellText(c.Value, c.ValueMax, c.Unit, c.Comparator, c.Year)
		for _, g := range r.perCol[ci] {
			c.Targets = append(c.Targets, g.t)
		}
		row.Cells[ci] = c
	}
	return row
}

// votes counts how many documents use each value, remembering which came
// first.
type votes struct {
	vals   []string
	counts map[string]int
}

func (v *votes) add(s string) {
	if v.counts == nil {
		v.counts = map[string]int{}
	}
	if v.counts[s] == 0 {
		v.vals = append(v.vals, s)
	}
	v.counts[s]++
}

func (v *votes) winner() string {
	best := ""
	for i, s := range v.vals {
		if i == 0 || v.counts[s] > v.counts[best] {
			best = s
		}
	}
	return best
}
