package compare

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cnplan/cnplan/pkg/render"
	"github.com/mattn/go-runewidth"
)

// Output formats. csv and jsonl are long (tidy): one row per figure, with
// numbers as numbers. table and matrix are the display matrix, for a
// terminal and as CSV; json is the matrix with every cell's records; xlsx
// holds both, a sheet each.
const (
	FormatTable  = "table"
	FormatCSV    = "csv"
	FormatJSONL  = "jsonl"
	FormatMatrix = "matrix"
	FormatJSON   = "json"
	FormatXLSX   = "xlsx"
)

// Formats lists the accepted values of WriteOptions.Format.
var Formats = []string{FormatTable, FormatCSV, FormatJSONL, FormatMatrix, FormatJSON, FormatXLSX}

// Long says whether a format writes the long rows (every figure) rather
// than the matrix display.
func Long(format string) bool {
	return format == FormatCSV || format == FormatJSONL || format == FormatXLSX
}

// WriteOptions say how to write a matrix.
type WriteOptions struct {
	Format string
	NoBOM  bool // csv: leave out the UTF-8 byte order mark
}

// Write writes m to w.
func Write(w io.Writer, m Matrix, opt WriteOptions) error {
	switch opt.Format {
	case FormatTable, "":
		return writeTable(w, m)
	case FormatCSV:
		return writeLongCSV(w, m, opt.NoBOM)
	case FormatJSONL:
		return writeLongJSONL(w, m)
	case FormatMatrix:
		return writeCSV(w, m, opt.NoBOM)
	case FormatJSON:
		return writeJSON(w, m)
	case FormatXLSX:
		return writeXLSX(w, m)
	}
	return fmt.Errorf("compare: unknown format %q (want %s)", opt.Format, strings.Join(Formats, ", "))
}

func writeJSON(w io.Writer, m Matrix) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // ≥ and < as written
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// matrixHeader and matrixRow are the CSV and xlsx matrix: the key, how it
// is written, its unit and how many documents give it, then one column
// per document.
func matrixHeader(m Matrix) []string {
	h := []string{"indicator_key", "indicator", "unit", "docs"}
	for _, c := range m.Columns {
		h = append(h, c.Label)
	}
	return h
}

func matrixRow(r Row) []string {
	out := []string{r.Key, r.Indicator, r.Unit, itoa(r.Docs)}
	for _, c := range r.Cells {
		out = append(out, c.Display())
	}
	return out
}

func writeCSV(w io.Writer, m Matrix, noBOM bool) error {
	cw, err := render.NewCSVWriter(w, noBOM)
	if err != nil {
		return err
	}
	if err := cw.Write(matrixHeader(m)); err != nil {
		return err
	}
	for _, r := range m.Rows {
		if err := cw.Write(render.SafeRow(matrixRow(r))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeTable writes the matrix aligned for a terminal, and a legend for
// the marks its cells use.
func writeTable(w io.Writer, m Matrix) error {
	var b strings.Builder
	kind := "targets"
	if m.Kind != "" && m.Kind != "target" {
		kind = m.Kind + " figures"
	}
	if len(m.Rows) == 0 {
		fmt.Fprintf(&b, "(no indicator with %s in enough documents; see --min-docs and --all)\n", kind)
		_, err := io.WriteString(w, b.String())
		return err
	}
	header := []string{"indicator"}
	for _, c := range m.Columns {
		header = append(header, c.Label)
	}
	var rows [][]string
	var converted, more, flagged bool
	for _, r := range m.Rows {
		row := []string{render.Cell(r.Indicator)}
		for _, c := range r.Cells {
			row = append(row, c.Display())
			if c != nil {
				converted = converted || c.Original != ""
				more = more || c.More > 0
				flagged = flagged || c.Flag != ""
			}
		}
		rows = append(rows, row)
	}
	if err := render.Table(&b, header, rows, nil); err != nil {
		return err
	}
	fmt.Fprintf(&b, "%s, %s (%s)\n", count(len(m.Rows), "indicator"), count(len(m.Columns), "document"), kind)
	if converted {
		b.WriteString("[…]  the figure as the document states it, converted into the row's unit\n")
	}
	if more {
		b.WriteString("+N   N more figures for the indicator in that document (all in --format json or xlsx)\n")
	}
	if flagged {
		b.WriteString("*    unit differs from the row's and cannot be converted; shown as written\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// count writes n things: 1 indicator, 3 indicators.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}

// displayWidth is how many terminal (or spreadsheet) columns s takes: CJK
// characters two, others one.
func displayWidth(s string) int {
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	return cond.StringWidth(s)
}

func writeLongCSV(w io.Writer, m Matrix, noBOM bool) error {
	cw, err := render.NewCSVWriter(w, noBOM)
	if err != nil {
		return err
	}
	if err := cw.Write(FigureColumns); err != nil {
		return err
	}
	for _, f := range Figures(m) {
		vals := f.cells()
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = cellString(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeLongJSONL(w io.Writer, m Matrix) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // >= and <= as written
	for _, f := range Figures(m) {
		if err := enc.Encode(f); err != nil {
			return err
		}
	}
	return nil
}
