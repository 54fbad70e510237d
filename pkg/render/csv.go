package render

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/cnplan/cnplan/pkg/record"
)

// bom makes Excel read the file as UTF-8 instead of the system code page,
// which would show the Chinese as mojibake.
const bom = "\uFEFF"

// RecordError is the "record" column of a CSV row for an input that could
// not be read.
const RecordError = "error"

// csvColumns is the CSV header, fixed: the document's columns, then the
// union of the record fields. A record type leaves the others empty.
var csvColumns = []string{
	"record",
	"file", "title", "province", "city", "county", "region_code", "published",
	"indicator", "indicator_key", "value", "value_max", "unit", "comparator", "kind",
	"year", "baseline", "baseline_year", "attribute",
	"deadline", "date",
	"units", "canonical", "role",
	"task", "section", "text",
	"line", "span_start", "span_end",
	"error",
}

// csvIndex maps a column name to its position.
var csvIndex = func() map[string]int {
	m := make(map[string]int, len(csvColumns))
	for i, c := range csvColumns {
		m[c] = i
	}
	return m
}()

// csvRow is one row being filled by column name.
type csvRow []string

func (r csvRow) set(col, v string) {
	i, ok := csvIndex[col]
	if !ok {
		panic("render: no csv column " + col)
	}
	r[i] = v
}

// unitSep joins several bodies in one cell, as Chinese lists them.
const unitSep = "、"

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func formatFloatPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return formatFloat(*v)
}

func formatIntPtr(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// docRow starts a row with the document's columns.
func docRow(d record.Document, kind string) csvRow {
	r := make(csvRow, len(csvColumns))
	r.set("record", kind)
	r.set("file", d.File)
	if d.Error != "" {
		return r // nothing else about an unreadable input is known
	}
	r.set("title", d.Title)
	if d.Region != nil {
		r.set("province", d.Region.Province)
		r.set("city", d.Region.City)
		r.set("county", d.Region.County)
		r.set("region_code", d.Region.Code)
	}
	r.set("published", d.Published)
	return r
}

func (r csvRow) setSource(s record.Source) {
	r.set("line", strconv.Itoa(s.Line))
	r.set("span_start", strconv.Itoa(s.Span[0]))
	r.set("span_end", strconv.Itoa(s.Span[1]))
}

// csvRows gives one row per record of d, targets first, then deadlines,
// then units, each in document order as given; a failed input gives one
// error row.
func csvRows(d record.Document) [][]string {
	if d.Error != "" {
		r := docRow(d, RecordError)
		r.set("error", d.Error)
		return [][]string{r}
	}
	rows := make([][]string, 0, len(d.Targets)+len(d.Deadlines)+len(d.Units))
	for _, t := range d.Targets {
		r := docRow(d, record.TypeTarget)
		r.set("indicator", t.Indicator)
		r.set("indicator_key", t.IndicatorKey)
		r.set("value", formatFloat(t.Value))
		r.set("value_max", formatFloatPtr(t.ValueMax))
		r.set("unit", t.Unit)
		r.set("comparator", t.Comparator)
		r.set("kind", t.Kind)
		r.set("year", formatIntPtr(t.Year))
		r.set("baseline", formatFloatPtr(t.Baseline))
		r.set("baseline_year", formatIntPtr(t.BaselineYear))
		r.set("attribute", t.Attribute)
		r.set("deadline", t.Deadline)
		r.set("units", strings.Join(t.Units, unitSep))
		r.set("section", t.Section)
		r.set("text", t.Text)
		r.setSource(t.Source)
		rows = append(rows, r)
	}
	for _, dl := range d.Deadlines {
		// The expression goes in "deadline" and the sentence in "text",
		// so that "text" is the context as written on every row.
		r := docRow(d, record.TypeDeadline)
		r.set("deadline", dl.Text)
		r.set("date", dl.Date)
		r.set("task", dl.Task)
		r.set("section", dl.Section)
		r.set("text", dl.Sentence)
		r.setSource(dl.Source)
		rows = append(rows, r)
	}
	for _, u := range d.Units {
		r := docRow(d, record.TypeUnit)
		r.set("units", strings.Join(u.Units, unitSep))
		r.set("canonical", strings.Join(u.Canonical, unitSep))
		r.set("role", u.Role)
		r.set("task", u.Task)
		r.set("section", u.Section)
		r.set("text", u.Text)
		r.setSource(u.Source)
		rows = append(rows, r)
	}
	return rows
}

// startCSV writes the byte-order mark and the header, once.
func (s *Stream) startCSV() error {
	if s.csvStarted {
		return nil
	}
	s.csvStarted = true
	if !s.opt.NoBOM {
		if _, err := s.w.Write([]byte(bom)); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(s.w)
	if err := cw.Write(csvColumns); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (s *Stream) writeCSV(d record.Document) error {
	if err := s.startCSV(); err != nil {
		return err
	}
	cw := csv.NewWriter(s.w)
	rows := csvRows(d)
	for _, r := range rows {
		SafeRow(r)
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// SafeCell keeps a spreadsheet from running a cell as a formula: text that
// opens with = + - @ (or a tab or carriage return, which some spreadsheets
// skip before one) gets a leading ', as OWASP advises for CSV injection. A
// plain number (-5, +3.2) and a lone mark (the comparator "=") are left
// alone: they are data, not formulas.
func SafeCell(s string) string {
	if len(s) < 2 || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// SafeRow applies SafeCell to every cell of row, in place.
func SafeRow(row []string) []string {
	for i, c := range row {
		row[i] = SafeCell(c)
	}
	return row
}
