package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cnplan/cnplan/pkg/render"

	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/record"
)

// Output formats.
const (
	FormatTable = "table"
	FormatJSON  = "json"
	FormatCSV   = "csv"
)

// Formats lists the accepted values of WriteOptions.Format.
var Formats = []string{FormatTable, FormatJSON, FormatCSV}

// WriteOptions say how to write a result.
type WriteOptions struct {
	Format string
	NoBOM  bool // csv: leave out the UTF-8 byte order mark
}

// Change marks, as diff(1) writes them.
const (
	markAdded   = "+"
	markRemoved = "-"
	markChanged = "~"
)

// line is one row of the table and CSV: one record added or removed, or
// one field of a changed record.
type line struct {
	change, record, key, what, field, old, new string
	oldLine, newLine                           int
	section, note, oldText, newText            string
}

var csvHeader = []string{"change", "record", "indicator_key", "what", "field", "old", "new",
	"old_line", "new_line", "section", "note", "old_text", "new_text"}

var tableHeader = []string{"", "record", "what", "field", "old", "new", "line", "note"}

// lines flattens r in the order targets, deadlines, units; within each,
// in the new document's order, removed records last.
func lines(r Result) []line {
	var out []line
	t := r.Targets
	for _, a := range t.Added {
		out = append(out, line{change: markAdded, record: record.TypeTarget, key: a.IndicatorKey, what: a.Indicator,
			new: compare.TargetText(a), newLine: a.Line, section: a.Section, newText: a.Text})
	}
	for _, c := range t.Changed {
		for _, f := range c.Fields {
			out = append(out, line{change: markChanged, record: record.TypeTarget, key: c.Key, what: c.New.Indicator,
				field: f.Name, old: f.Old, new: f.New, oldLine: c.Old.Line, newLine: c.New.Line,
				section: c.New.Section, oldText: c.Old.Text, newText: c.New.Text})
		}
	}
	for _, a := range t.Removed {
		out = append(out, line{change: markRemoved, record: record.TypeTarget, key: a.IndicatorKey, what: a.Indicator,
			old: compare.TargetText(a), oldLine: a.Line, section: a.Section, oldText: a.Text})
	}

	d := r.Deadlines
	for _, a := range d.Added {
		out = append(out, line{change: markAdded, record: record.TypeDeadline, what: a.Text, new: a.Date,
			newLine: a.Line, section: a.Section, note: a.Task, newText: a.Sentence})
	}
	for _, c := range d.Changed {
		for _, f := range c.Fields {
			out = append(out, line{change: markChanged, record: record.TypeDeadline, what: c.New.Text, field: f.Name,
				old: f.Old, new: f.New, oldLine: c.Old.Line, newLine: c.New.Line, section: c.New.Section,
				note: c.New.Task, oldText: c.Old.Sentence, newText: c.New.Sentence})
		}
	}
	for _, a := range d.Removed {
		out = append(out, line{change: markRemoved, record: record.TypeDeadline, what: a.Text, old: a.Date,
			oldLine: a.Line, section: a.Section, note: a.Task, oldText: a.Sentence})
	}

	u := r.Units
	for _, a := range u.Added {
		out = append(out, line{change: markAdded, record: record.TypeUnit, what: unitWhat(a), field: a.Role,
			new: strings.Join(bodies(a), unitSep), newLine: a.Line, section: a.Section, newText: a.Text})
	}
	for _, c := range u.Changed {
		var note []string
		for _, b := range c.Added {
			note = append(note, "+"+b)
		}
		for _, b := range c.Removed {
			note = append(note, "-"+b)
		}
		if len(c.Targets) > 0 {
			note = append(note, "targets: "+strings.Join(c.Targets, unitSep))
		}
		out = append(out, line{change: markChanged, record: record.TypeUnit, what: unitWhat(c.New), field: c.New.Role,
			old: strings.Join(bodies(c.Old), unitSep), new: strings.Join(bodies(c.New), unitSep),
			oldLine: c.Old.Line, newLine: c.New.Line, section: c.New.Section, note: strings.Join(note, "; "),
			oldText: c.Old.Text, newText: c.New.Text})
	}
	for _, a := range u.Removed {
		out = append(out, line{change: markRemoved, record: record.TypeUnit, what: unitWhat(a), field: a.Role,
			old: strings.Join(bodies(a), unitSep), oldLine: a.Line, section: a.Section, oldText: a.Text})
	}
	return out
}

// unitWhat names a clause by its task, or its section when the extractor
// found no task.
func unitWhat(u record.Unit) string {
	if u.Task != "" {
		return u.Task
	}
	return u.Section
}

// Write writes r to w.
func Write(w io.Writer, r Result, opt WriteOptions) error {
	switch opt.Format {
	case FormatTable, "":
		return writeTable(w, r)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case FormatCSV:
		return writeCSV(w, r, opt.NoBOM)
	}
	return fmt.Errorf("diff: unknown format %q (want %s)", opt.Format, strings.Join(Formats, ", "))
}

func lineNo(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func writeCSV(w io.Writer, r Result, noBOM bool) error {
	cw, err := render.NewCSVWriter(w, noBOM)
	if err != nil {
		return err
	}
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	names := map[string]string{markAdded: "added", markRemoved: "removed", markChanged: "changed"}
	for _, l := range lines(r) {
		if err := cw.Write(render.SafeRow([]string{names[l.change], l.record, l.key, oneLine(l.what), l.field, l.old, l.new,
			lineNo(l.oldLine), lineNo(l.newLine), l.section, oneLine(l.note), oneLine(l.oldText), oneLine(l.newText)})); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeTable writes the differences as diff(1) would headline them, one
// table row per record added or removed and per field changed, and a
// count.
func writeTable(w io.Writer, r Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", r.Old, r.New)
	if r.Empty() {
		b.WriteString("no differences\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	var rows [][]string
	for _, l := range lines(r) {
		where := lineNo(l.oldLine)
		if l.newLine != 0 && l.newLine != l.oldLine || where == "" {
			if where != "" {
				where += "→"
			}
			where += lineNo(l.newLine)
		}
		rows = append(rows, []string{l.change, l.record, render.Cell(l.what), l.field, render.Cell(l.old), render.Cell(l.new), where, render.Cell(l.note)})
	}
	if err := render.Table(&b, tableHeader, rows, nil); err != nil {
		return err
	}
	b.WriteString(summary(r) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// summary counts the differences: "3 differences: targets 1 changed,
// 1 removed; units 1 changed".
func summary(r Result) string {
	var parts []string
	for _, g := range []struct {
		name                    string
		added, removed, changed int
	}{
		{"targets", len(r.Targets.Added), len(r.Targets.Removed), len(r.Targets.Changed)},
		{"deadlines", len(r.Deadlines.Added), len(r.Deadlines.Removed), len(r.Deadlines.Changed)},
		{"units", len(r.Units.Added), len(r.Units.Removed), len(r.Units.Changed)},
	} {
		var p []string
		for _, c := range []struct {
			n    int
			verb string
		}{{g.added, "added"}, {g.removed, "removed"}, {g.changed, "changed"}} {
			if c.n > 0 {
				p = append(p, fmt.Sprintf("%d %s", c.n, c.verb))
			}
		}
		if len(p) > 0 {
			parts = append(parts, g.name+" "+strings.Join(p, ", "))
		}
	}
	noun := "differences"
	if r.Count == 1 {
		noun = "difference"
	}
	return fmt.Sprintf("%d %s: %s", r.Count, noun, strings.Join(parts, "; "))
}
