// Package report turns extracted documents into one self-contained HTML
// page: an overview of the documents, a chart and a table per indicator
// compared across regions, a deadline timeline per document and who
// answers for what. Everything the page shows is one JSON block (Data)
// inside it, which a reader can lift out.
package report

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
)

// Schema names the page's data block.
const Schema = "cnplan-report/v1"

// Options say which indicators to chart.
type Options struct {
	// Indicator keeps only indicators whose key, or a wording in one of
	// its documents, contains this text (simplified or traditional).
	Indicator string
	// MinDocs keeps indicators found in at least this many documents; 0
	// means 2 when there are several documents and 1 when there is one.
	MinDocs int
}

// Data is everything the page shows. Long texts (sentences, sections,
// tasks, indicators as written) are stored once in Strings and referred
// to by index, so that a sentence holding ten figures is written once.
type Data struct {
	Schema       string       `json:"schema"`
	SourceSchema string       `json:"source_schema"` // the extract schema read: cnplan/v1
	Documents    []Document   `json:"documents"`
	Errors       []InputError `json:"errors"`
	Indicators   []Indicator  `json:"indicators"`
	Timelines    []Timeline   `json:"timelines"`
	Bodies       []Body       `json:"bodies"`
	Strings      []string     `json:"strings"`
	PointFields  []string     `json:"point_fields"` // the order of a point's elements
}

// Document is one row of the overview. Points, deadlines and bodies refer
// to documents by their index in Data.Documents.
type Document struct {
	Label     string         `json:"label"` // 安康市 2021–2025, as compare heads its column
	File      string         `json:"file"`
	Title     string         `json:"title"`
	Region    *record.Region `json:"region"`
	Issuer    []string       `json:"issuer"`
	Published string         `json:"published"`
	Period    *record.Period `json:"period"`
	Targets   int            `json:"targets"`
	Deadlines int            `json:"deadlines"`
	Units     int            `json:"units"`
}

// InputError is an input that could not be read.
type InputError struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// Indicator is one indicator key compared across documents.
type Indicator struct {
	Key       string `json:"key"`       // compare's row key
	Indicator string `json:"indicator"` // the indicator_key most of its documents use
	Docs      int    `json:"docs"`      // documents giving a figure for it
	// Groups hold the figures by unit: first the unit most documents use,
	// with every figure that converts into it; then one group per unit
	// that cannot be converted (Apart), drawn on its own axis.
	Groups []Group `json:"groups"`
}

// Group is the figures of one indicator in one unit.
type Group struct {
	Unit   string  `json:"unit"`
	Apart  bool    `json:"apart"` // not convertible into the first group's unit
	Points []Point `json:"points"`
}

// PointFields name the elements of a point as the data block writes it:
// an array, not an object, because a report of a thousand plans holds
// tens of thousands of points and the names would be most of its bytes.
var PointFields = []string{"doc", "kind", "value", "value_max", "comparator", "year",
	"indicator", "section", "text", "line", "original", "attribute", "baseline"}

// Point is one figure, with where it came from. In JSON it is an array in
// the order of PointFields.
type Point struct {
	Doc        int      `json:"doc"`
	Kind       string   `json:"kind"`     // target or actual
	Baseline   bool     `json:"baseline"` // an actual figure that is a target's baseline
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`  // upper end of a range
	Comparator string   `json:"comparator"` // >=, <=, =, range, ~
	Year       *int     `json:"year"`
	Original   string   `json:"original"` // the figure as written, when converted (5‰ shown as 0.5%)
	Attribute  string   `json:"attribute"`
	Indicator  int      `json:"indicator"` // Strings: as written
	Section    int      `json:"section"`   // Strings
	Text       int      `json:"text"`      // Strings: the sentence or table row
	Line       int      `json:"line"`
}

// MarshalJSON writes the point as an array in the order of PointFields.
// It is written by hand: a page holds tens of thousands of points.
func (p Point) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(p.Doc), 10)
	b = appendString(append(b, ','), p.Kind)
	b = appendFloat(append(b, ','), &p.Value)
	b = appendFloat(append(b, ','), p.ValueMax)
	b = appendString(append(b, ','), p.Comparator)
	if p.Year == nil {
		b = append(b, ",null"...)
	} else {
		b = strconv.AppendInt(append(b, ','), int64(*p.Year), 10)
	}
	for _, n := range []int{p.Indicator, p.Section, p.Text, p.Line} {
		b = strconv.AppendInt(append(b, ','), int64(n), 10)
	}
	b = appendString(append(b, ','), p.Original)
	b = appendString(append(b, ','), p.Attribute)
	b = strconv.AppendBool(append(b, ','), p.Baseline)
	return append(b, ']'), nil
}

// appendFloat writes v as encoding/json does (null for nil).
func appendFloat(b []byte, v *float64) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	out, err := json.Marshal(*v)
	if err != nil { // NaN or ±Inf: no JSON number
		return append(b, "null"...)
	}
	return append(b, out...)
}

// appendString quotes s as encoding/json does, escaping < > & too.
func appendString(b []byte, s string) []byte {
	plain := true
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029 || r == utf8.RuneError {
			plain = false
			break
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	out, _ := json.Marshal(s)
	return append(b, out...)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Point) UnmarshalJSON(data []byte) error {
	fields := []any{&p.Doc, &p.Kind, &p.Value, &p.ValueMax, &p.Comparator, &p.Year,
		&p.Indicator, &p.Section, &p.Text, &p.Line, &p.Original, &p.Attribute, &p.Baseline}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	if len(raw) != len(fields) {
		return fmt.Errorf("report: a point has %d elements, want %d", len(raw), len(fields))
	}
	for i, r := range raw {
		if err := json.Unmarshal(r, fields[i]); err != nil {
			return fmt.Errorf("report: point element %s: %w", PointFields[i], err)
		}
	}
	return nil
}

// Timeline is one document's deadlines, by date (unresolved ones last).
type Timeline struct {
	Doc   int        `json:"doc"`
	Items []Deadline `json:"items"`
}

// Deadline is one thing due, when and by whom.
type Deadline struct {
	Text     string   `json:"text"` // as written: 2021年底前
	Date     string   `json:"date"` // ISO, "" when unresolved
	Task     int      `json:"task"` // Strings
	Bodies   []string `json:"bodies"`
	Section  int      `json:"section"`  // Strings
	Sentence int      `json:"sentence"` // Strings
	Line     int      `json:"line"`
}

// Body is one responsible body (canonical name) across the documents.
type Body struct {
	Name    string      `json:"name"`
	Tasks   int         `json:"tasks"`   // clauses naming it as responsible, lead or support
	Targets int         `json:"targets"` // targets whose task it answers for
	PerDoc  []BodyCount `json:"per_doc"`
}

// BodyCount is a body's share in one document.
type BodyCount struct {
	Doc     int `json:"doc"`
	Tasks   int `json:"tasks"`
	Targets int `json:"targets"`
}

// strtab interns strings in order of first use.
type strtab struct {
	list  []string
	index map[string]int
}

func (s *strtab) id(v string) int {
	if i, ok := s.index[v]; ok {
		return i
	}
	s.index[v] = len(s.list)
	s.list = append(s.list, v)
	return len(s.list) - 1
}

// Build makes the page's data from docs, in their order. Documents that
// could not be read are listed in Errors.
func Build(docs []record.Document, opt Options) Data {
	d := Data{Schema: Schema, SourceSchema: record.Schema, Documents: []Document{}, Errors: []InputError{},
		Indicators: []Indicator{}, Timelines: []Timeline{}, Bodies: []Body{}}
	strs := &strtab{index: map[string]int{}}
	var kept []record.Document
	for _, doc := range docs {
		if doc.Error != "" {
			d.Errors = append(d.Errors, InputError{File: doc.File, Error: doc.Error})
			continue
		}
		kept = append(kept, doc)
	}
	// compare names its columns by region and period, unique in the run;
	// a matrix of the documents without their targets gives just those.
	bare := make([]record.Document, len(kept))
	for i, doc := range kept {
		bare[i] = record.Document{File: doc.File, Region: doc.Region, Period: doc.Period}
	}
	cols := compare.Build(bare, compare.Options{}).Columns
	for i, doc := range kept {
		d.Documents = append(d.Documents, Document{Label: cols[i].Label, File: doc.File, Title: doc.Title,
			Region: doc.Region, Issuer: nonNil(doc.Issuer), Published: doc.Published, Period: doc.Period,
			Targets: len(doc.Targets), Deadlines: len(doc.Deadlines), Units: len(doc.Units)})
	}
	d.Indicators = indicators(kept, opt, strs)
	d.Timelines = timelines(kept, strs)
	d.Bodies = bodies(kept)
	d.Strings = nonNil(strs.list)
	d.PointFields = PointFields
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// figure is one number a document gives for an indicator, before units
// are reconciled: a target record's goal or reported figure, or the
// baseline a goal starts from.
type figure struct {
	doc      int
	baseline bool
	t        record.Target
}

// figures are what a target record says: its goal or reported figure, and
// for a goal with a starting value, that baseline as a reported figure.
func figures(doc int, t record.Target) []figure {
	out := []figure{{doc: doc, t: t}}
	if t.Kind != record.KindActual && t.Baseline != nil {
		out = append(out, figure{doc: doc, baseline: true, t: t})
	}
	return out
}

// point is the figure as the page draws it, its texts interned (only
// indicators that are kept put their sentences into the page).
func (f figure) point(strs *strtab) Point {
	t := f.t
	p := Point{Doc: f.doc, Kind: t.Kind, Value: t.Value, ValueMax: t.ValueMax, Comparator: t.Comparator,
		Year: t.Year, Attribute: t.Attribute, Indicator: strs.id(t.Indicator), Section: strs.id(t.Section),
		Text: strs.id(t.Text), Line: t.Line}
	if p.Kind != record.KindActual {
		p.Kind = record.KindTarget
	}
	if f.baseline {
		p.Kind, p.Baseline, p.Value, p.ValueMax, p.Comparator, p.Year, p.Attribute =
			record.KindActual, true, *t.Baseline, nil, "=", t.BaselineYear, ""
	}
	return p
}

type indicatorAcc struct {
	key     string
	figs    []figure
	docs    map[int]bool
	wording []string // each document's first indicator_key, in document order
	written []string // every indicator as written, for --indicator
}

func indicators(docs []record.Document, opt Options, strs *strtab) []Indicator {
	accs := map[string]*indicatorAcc{}
	var order []*indicatorAcc
	for di, doc := range docs {
		for _, t := range doc.Targets {
			key := compare.TargetKey(t)
			if key == "" {
				continue
			}
			a := accs[key]
			if a == nil {
				a = &indicatorAcc{key: key, docs: map[int]bool{}}
				accs[key] = a
				order = append(order, a)
			}
			if !a.docs[di] {
				a.docs[di] = true
				a.wording = append(a.wording, t.IndicatorKey)
			}
			a.written = append(a.written, t.Indicator, t.IndicatorKey)
			a.figs = append(a.figs, figures(di, t)...)
		}
	}
	minDocs := opt.MinDocs
	if minDocs <= 0 {
		minDocs = 1
		if len(docs) > 1 {
			minDocs = 2
		}
	}
	query := compare.Key(normalize.ToSimplified(opt.Indicator))
	out := []Indicator{}
	for _, a := range order {
		if len(a.docs) < minDocs || (query != "" && !a.matches(query)) {
			continue
		}
		out = append(out, a.build(strs))
	}
	// Indicators found in most documents first, then in order of first
	// appearance.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Docs > out[j].Docs })
	return out
}

func (a *indicatorAcc) matches(query string) bool {
	if strings.Contains(a.key, query) {
		return true
	}
	for _, w := range a.written {
		if strings.Contains(compare.Key(normalize.ToSimplified(w)), query) {
			return true
		}
	}
	return false
}

func (a *indicatorAcc) build(strs *strtab) Indicator {
	units := compare.BuiltinUnits()
	ind := Indicator{Key: a.key, Indicator: mostUsed(a.wording, func(x, y string) bool { return x == y }), Docs: len(a.docs)}
	if ind.Indicator == "" {
		ind.Indicator = a.key
	}
	// The main unit is the one most documents use (each document counts
	// once per unit); ties go to the one seen first.
	var perDoc []string
	seen := map[[2]any]bool{}
	for _, f := range a.figs {
		k := [2]any{f.doc, f.t.Unit}
		if !seen[k] {
			seen[k] = true
			perDoc = append(perDoc, f.t.Unit)
		}
	}
	// Units compare after width folding and aliases; a row has few
	// spellings and many figures, so remember each answer.
	sameCache := map[[2]string]bool{}
	same := func(a, b string) bool {
		k := [2]string{a, b}
		v, ok := sameCache[k]
		if !ok {
			v = units.Same(a, b)
			sameCache[k] = v
		}
		return v
	}
	main := mostUsed(perDoc, same)
	groups := []Group{{Unit: main, Points: []Point{}}}
	for _, f := range a.figs {
		p, unit := f.point(strs), f.t.Unit
		if !same(unit, main) {
			if v, ok := units.Convert(p.Value, unit, main); ok {
				p.Original = compare.CellText(p.Value, p.ValueMax, unit, p.Comparator, nil)
				p.Value = v
				if p.ValueMax != nil {
					m, _ := units.Convert(*p.ValueMax, unit, main)
					p.ValueMax = &m
				}
			} else {
				gi := 1
				for gi < len(groups) && !same(groups[gi].Unit, unit) {
					gi++
				}
				if gi == len(groups) {
					groups = append(groups, Group{Unit: unit, Apart: true})
				}
				groups[gi].Points = append(groups[gi].Points, p)
				continue
			}
		}
		groups[0].Points = append(groups[0].Points, p)
	}
	ind.Groups = groups
	return ind
}

// mostUsed returns the value occurring most often in vals (as same
// judges), the first seen on a tie; "" for none.
func mostUsed(vals []string, same func(a, b string) bool) string {
	var reps []string
	var counts []int
	for _, v := range vals {
		i := 0
		for i < len(reps) && !same(reps[i], v) {
			i++
		}
		if i == len(reps) {
			reps = append(reps, v)
			counts = append(counts, 0)
		}
		counts[i]++
	}
	best := -1
	for i := range reps {
		if best < 0 || counts[i] > counts[best] {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return reps[best]
}

// timelines are each document's deadlines. Who is due is read from the
// responsibility clauses of the same task: a clause whose task holds the
// deadline's task, or which stands in the deadline's sentence.
func timelines(docs []record.Document, strs *strtab) []Timeline {
	out := []Timeline{}
	for di, doc := range docs {
		if len(doc.Deadlines) == 0 {
			continue
		}
		tl := Timeline{Doc: di}
		for _, dl := range doc.Deadlines {
			tl.Items = append(tl.Items, Deadline{Text: dl.Text, Date: dl.Date, Task: strs.id(dl.Task),
				Bodies: deadlineBodies(dl, doc.Units), Section: strs.id(dl.Section),
				Sentence: strs.id(dl.Sentence), Line: dl.Line})
		}
		sort.SliceStable(tl.Items, func(i, j int) bool {
			a, b := tl.Items[i], tl.Items[j]
			if (a.Date == "") != (b.Date == "") {
				return b.Date == ""
			}
			if a.Date != b.Date {
				return a.Date < b.Date
			}
			return a.Line < b.Line
		})
		out = append(out, tl)
	}
	return out
}

func deadlineBodies(dl record.Deadline, units []record.Unit) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, u := range units {
		inTask := dl.Task != "" && strings.Contains(u.Task, dl.Task)
		inSentence := u.Text != "" && strings.Contains(dl.Sentence, u.Text)
		if !inTask && !inSentence {
			continue
		}
		for _, c := range u.Canonical {
			if c != "" && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// bodies count, for every canonical body, the responsibility clauses
// naming it and the targets it answers for, per document and in all;
// the busiest first.
func bodies(docs []record.Document) []Body {
	byName := map[string]*Body{}
	var order []*Body
	get := func(name string, doc int) *BodyCount {
		b := byName[name]
		if b == nil {
			b = &Body{Name: name}
			byName[name] = b
			order = append(order, b)
		}
		if n := len(b.PerDoc); n == 0 || b.PerDoc[n-1].Doc != doc {
			b.PerDoc = append(b.PerDoc, BodyCount{Doc: doc})
		}
		return &b.PerDoc[len(b.PerDoc)-1]
	}
	for di, doc := range docs {
		for _, u := range doc.Units {
			for _, name := range distinct(u.Canonical) {
				get(name, di).Tasks++
				byName[name].Tasks++
			}
		}
		for _, t := range doc.Targets {
			for _, name := range distinct(t.Units) {
				get(name, di).Targets++
				byName[name].Targets++
			}
		}
	}
	out := make([]Body, 0, len(order))
	for _, b := range order {
		out = append(out, *b) // PerDoc is in document order: documents are counted in turn
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Tasks+out[i].Targets != out[j].Tasks+out[j].Targets {
			return out[i].Tasks+out[i].Targets > out[j].Tasks+out[j].Targets
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// distinct drops empty and repeated names, keeping order.
func distinct(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// FromMatrix turns compare's JSON output back into documents, one per
// column, holding the targets behind its cells (the matrix keeps no
// deadlines or responsible units).
func FromMatrix(m compare.Matrix) []record.Document {
	docs := make([]record.Document, len(m.Columns))
	for i, c := range m.Columns {
		docs[i] = record.Document{Schema: record.Schema, File: c.File, Title: c.Title, Region: c.Region, Period: c.Period}
	}
	for _, r := range m.Rows {
		for i, c := range r.Cells {
			if c != nil && i < len(docs) {
				docs[i].Targets = append(docs[i].Targets, c.Targets...)
			}
		}
	}
	return docs
}
