package render

import (
	"strings"

	"github.com/cnplan/cnplan/pkg/record"
)

// Column types of a record row, as JSON Schema and SQL name them.
const (
	TypeText    = "text"    // a string
	TypeNumber  = "number"  // a float
	TypeInteger = "integer" // a whole number (years, lines, offsets)
)

// Column is one column of the tidy record rows (CSV, --records JSONL,
// the XLSX sheets).
type Column struct {
	Name string
	Type string // TypeText, TypeNumber or TypeInteger
}

// DocumentColumns are the document's fields, repeated on every row so that
// each row stands alone in pandas, DuckDB or a spreadsheet filter.
var DocumentColumns = []Column{
	{"file", TypeText}, {"title", TypeText},
	{"province", TypeText}, {"city", TypeText}, {"county", TypeText},
	{"region_code", TypeText}, // a code, not a quantity: 411000, never 411000.0
	{"issuer", TypeText}, {"published", TypeText},
	{"period_start", TypeInteger}, {"period_end", TypeInteger},
}

// The record columns of each type, after the document's.
var (
	targetColumns = []Column{
		{"indicator", TypeText}, {"indicator_key", TypeText},
		{"value", TypeNumber}, {"value_max", TypeNumber}, {"unit", TypeText},
		{"comparator", TypeText}, {"kind", TypeText}, {"year", TypeInteger}, {"year_from", TypeText},
		{"baseline", TypeNumber}, {"baseline_year", TypeInteger}, {"attribute", TypeText},
		{"deadline", TypeText}, {"units", TypeText},
	}
	deadlineColumns = []Column{{"deadline", TypeText}, {"date", TypeText}, {"task", TypeText}}
	unitColumns     = []Column{{"units", TypeText}, {"canonical", TypeText}, {"role", TypeText}, {"task", TypeText}}
	sourceColumns   = []Column{{"section", TypeText}, {"text", TypeText},
		{"line", TypeInteger}, {"span_start", TypeInteger}, {"span_end", TypeInteger}}
)

// RecordColumns are the columns of a record row, fixed: the record type,
// the document's columns, then the union of the record fields. A row of
// one type leaves the others' columns null (empty in CSV).
var RecordColumns = func() []Column {
	types := map[string]string{}
	for _, group := range [][]Column{targetColumns, deadlineColumns, unitColumns, sourceColumns} {
		for _, c := range group {
			types[c.Name] = c.Type
		}
	}
	cols := append([]Column{{"record", TypeText}}, DocumentColumns...)
	for _, name := range []string{"indicator", "indicator_key", "value", "value_max", "unit", "comparator",
		"kind", "year", "year_from", "baseline", "baseline_year", "attribute", "deadline", "date", "units", "canonical",
		"role", "task", "section", "text", "line", "span_start", "span_end"} {
		cols = append(cols, Column{name, types[name]})
	}
	return append(cols, Column{"error", TypeText})
}()

// recordIndex maps a column name to its position in RecordColumns.
var recordIndex = func() map[string]int {
	m := make(map[string]int, len(RecordColumns))
	for i, c := range RecordColumns {
		m[c.Name] = i
	}
	return m
}()

// Row is one record's values in RecordColumns order: nil (unknown),
// string, float64 or int.
type Row []any

func (r Row) set(col string, v any) {
	i, ok := recordIndex[col]
	if !ok {
		panic("render: no record column " + col)
	}
	r[i] = v
}

// Get returns the value of a column.
func (r Row) Get(col string) any { return r[recordIndex[col]] }

// RecordError is the "record" column of the row for an input that could
// not be read.
const RecordError = "error"

// listSep joins several bodies in one cell, as Chinese lists them.
const listSep = "、"

// text is s, or nil for an unknown (empty) string.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func joined(s []string) any { return text(strings.Join(s, listSep)) }

func floatPtr(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func intPtr(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}

// docRow starts a row with the document's columns.
func docRow(d record.Document, kind string) Row {
	r := make(Row, len(RecordColumns))
	r.set("record", kind)
	r.set("file", d.File)
	if d.Error != "" {
		return r // nothing else about an unreadable input is known
	}
	r.set("title", text(d.Title))
	region := record.RegionOrEmpty(d.Region)
	r.set("province", text(region.Province))
	r.set("city", text(region.City))
	r.set("county", text(region.County))
	r.set("region_code", text(region.Code))
	r.set("issuer", joined(d.Issuer))
	r.set("published", text(d.Published))
	if d.Period != nil {
		if d.Period.Start != 0 {
			r.set("period_start", d.Period.Start)
		}
		if d.Period.End != 0 {
			r.set("period_end", d.Period.End)
		}
	}
	return r
}

func (r Row) setSource(section, txt string, s record.Source) {
	r.set("section", text(section))
	r.set("text", text(txt))
	r.set("line", s.Line)
	r.set("span_start", s.Span[0])
	r.set("span_end", s.Span[1])
}

// Rows gives one row per record of d, targets first, then deadlines, then
// units, each in document order; a failed input gives one error row.
func Rows(d record.Document) []Row {
	if d.Error != "" {
		r := docRow(d, RecordError)
		r.set("error", d.Error)
		return []Row{r}
	}
	rows := make([]Row, 0, len(d.Targets)+len(d.Deadlines)+len(d.Units))
	for _, t := range d.Targets {
		r := docRow(d, record.TypeTarget)
		r.set("indicator", text(t.Indicator))
		r.set("indicator_key", text(t.IndicatorKey))
		r.set("value", t.Value)
		r.set("value_max", floatPtr(t.ValueMax))
		r.set("unit", text(t.Unit))
		r.set("comparator", text(t.Comparator))
		r.set("kind", text(t.Kind))
		r.set("year", intPtr(t.Year))
		r.set("year_from", text(t.YearFrom))
		r.set("baseline", floatPtr(t.Baseline))
		r.set("baseline_year", intPtr(t.BaselineYear))
		r.set("attribute", text(t.Attribute))
		r.set("deadline", text(t.Deadline))
		r.set("units", joined(t.Units))
		r.setSource(t.Section, t.Text, t.Source)
		rows = append(rows, r)
	}
	for _, dl := range d.Deadlines {
		// The expression goes in "deadline" and the sentence in "text",
		// so that "text" is the context as written on every row.
		r := docRow(d, record.TypeDeadline)
		r.set("deadline", text(dl.Text))
		r.set("date", text(dl.Date))
		r.set("task", text(dl.Task))
		r.setSource(dl.Section, dl.Sentence, dl.Source)
		rows = append(rows, r)
	}
	for _, u := range d.Units {
		r := docRow(d, record.TypeUnit)
		r.set("units", joined(u.Units))
		r.set("canonical", joined(u.Canonical))
		r.set("role", text(u.Role))
		r.set("task", text(u.Task))
		r.setSource(u.Section, u.Text, u.Source)
		rows = append(rows, r)
	}
	return rows
}

// SheetColumns are the columns of the XLSX sheet of one record type: the
// document's, then that type's own.
func SheetColumns(recordType string) []Column {
	cols := append([]Column{}, DocumentColumns...)
	switch recordType {
	case record.TypeTarget:
		cols = append(cols, targetColumns...)
	case record.TypeDeadline:
		cols = append(cols, deadlineColumns...)
	case record.TypeUnit:
		cols = append(cols, unitColumns...)
	case RecordError:
		return []Column{{"file", TypeText}, {"error", TypeText}}
	}
	return append(cols, sourceColumns...)
}

// sqlTypes are the SQL column types of the record columns.
var sqlTypes = map[string]string{TypeText: "TEXT", TypeNumber: "REAL", TypeInteger: "INTEGER"}

// CreateTable is the SQL statement that makes a table for the record rows
// with their types (value REAL, year INTEGER, region_code TEXT), so that
// a CSV imported into it (sqlite3 .import --csv --skip 1) keeps them.
func CreateTable(name string) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE " + name + " (\n")
	for i, c := range RecordColumns {
		b.WriteString("  " + c.Name + " " + sqlTypes[c.Type])
		if i < len(RecordColumns)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(");\n")
	return b.String()
}
