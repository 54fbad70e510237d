package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/cnplan/cnplan/pkg/record"
)

// maxCellRunes bounds a table cell; longer text is cut and ends in "…".
// Plan sentences run to hundreds of characters and would make a table
// wider than any terminal.
const maxCellRunes = 30

// tableColumns are the columns of each record type's table.
var (
	tableTargetColumns   = []string{"indicator", "value", "unit", "comparator", "year", "kind", "attribute", "line"}
	tableDeadlineColumns = []string{"text", "date", "line", "task"}
	tableUnitColumns     = []string{"canonical", "role", "line", "task"}
)

// numeric columns are right-aligned.
var numericColumns = map[string]bool{"value": true, "year": true, "line": true}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// oneLine puts s on one line: a sentence broken across lines in the
// document stays one cell.
func oneLine(s string) string { return strings.TrimSpace(lineBreaks.Replace(s)) }

// Cell makes s fit a terminal table cell: one line, at most 30 runes and
// "…". compare and diff use it too, so every table of cnplan cuts alike.
func Cell(s string) string {
	s = oneLine(s)
	n := 0
	for i := range s {
		if n == maxCellRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// docLine names the document a table belongs to: file, title, region.
func docLine(d record.Document, what string) string {
	parts := []string{"[" + what + "]", d.File}
	if d.Error != "" {
		parts = append(parts, oneLine(d.Error)) // nothing else is known
		return strings.Join(parts, "  ") + "\n"
	}
	if d.Title != "" {
		parts = append(parts, d.Title)
	}
	if r := d.Region; r != nil {
		var reg []string
		for _, p := range []string{r.Province, r.City, r.County, r.Code} {
			if p != "" {
				reg = append(reg, p)
			}
		}
		if len(reg) > 0 {
			parts = append(parts, strings.Join(reg, " "))
		}
	}
	return oneLine(strings.Join(parts, "  ")) + "\n"
}

func targetValue(t record.Target) string {
	v := cellText(t.Value)
	if t.ValueMax != nil {
		// ".." rather than "-" or "–": unambiguous next to a negative
		// number, and one column wide in every terminal.
		v += ".." + cellText(*t.ValueMax)
	}
	return v
}

// writeTable writes d's targets, deadlines and units, one table each.
func writeTable(w io.Writer, d record.Document) error {
	var b strings.Builder
	if d.Error != "" {
		_, err := io.WriteString(w, docLine(d, RecordError)+"\n")
		return err
	}

	var rows [][]string
	for _, t := range d.Targets {
		rows = append(rows, []string{t.Indicator, targetValue(t), t.Unit, t.Comparator,
			cellText(intPtr(t.Year)), t.Kind, t.Attribute, strconv.Itoa(t.Line)})
	}
	if err := section(&b, d, "targets", tableTargetColumns, rows); err != nil {
		return err
	}

	rows = nil
	for _, dl := range d.Deadlines {
		rows = append(rows, []string{dl.Text, dl.Date, strconv.Itoa(dl.Line), dl.Task})
	}
	if err := section(&b, d, "deadlines", tableDeadlineColumns, rows); err != nil {
		return err
	}

	rows = nil
	for _, u := range d.Units {
		names := u.Canonical
		if len(names) == 0 {
			names = u.Units
		}
		rows = append(rows, []string{strings.Join(names, listSep), u.Role, strconv.Itoa(u.Line), u.Task})
	}
	if err := section(&b, d, "units", tableUnitColumns, rows); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// section writes one record type's table, or "(no <what>)".
func section(b *strings.Builder, d record.Document, what string, columns []string, rows [][]string) error {
	b.WriteString(docLine(d, what))
	if len(rows) == 0 {
		fmt.Fprintf(b, "(no %s)\n\n", what)
		return nil
	}
	for _, r := range rows {
		for i := range r {
			r[i] = Cell(r[i])
		}
	}
	if err := renderTable(b, columns, rows); err != nil {
		return fmt.Errorf("render: %s table of %s: %w", what, d.File, err)
	}
	b.WriteString("\n")
	return nil
}

func renderTable(w io.Writer, columns []string, rows [][]string) error {
	align := make([]tw.Align, len(columns))
	for i, c := range columns {
		align[i] = tw.AlignLeft
		if numericColumns[c] {
			align[i] = tw.AlignRight
		}
	}
	return Table(w, columns, rows, align)
}

// Table writes an aligned terminal table of CJK text, as every cnplan
// command prints them; align gives each column's alignment (nil: all left).
func Table(w io.Writer, columns []string, rows [][]string, align []tw.Align) error {
	if align == nil {
		align = make([]tw.Align, len(columns))
		for i := range align {
			align[i] = tw.AlignLeft
		}
	}
	t := tablewriter.NewTable(w,
		// ASCII borders: box-drawing characters are "ambiguous" width and
		// take two columns in CJK terminals, breaking the alignment.
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		// Measure ambiguous-width characters (…, “ ”, ·) as one column
		// whatever the locale, so output does not depend on LANG. This
		// is tablewriter's global setting.
		tablewriter.WithEastAsian(tw.Off),
		// v1 upper-cases headers by default; ours are field names.
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{Global: tw.AlignLeft, PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(columns)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}
