package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/cnplan/cnplan/pkg/record"
)

// BOM makes Excel read the file as UTF-8 instead of the system code page,
// which would show the Chinese as mojibake.
const BOM = "\uFEFF"

// NewCSVWriter starts a CSV output for spreadsheets: the UTF-8 byte order
// mark first, unless noBOM, then a writer for the rows. Every command's
// CSV opens this way.
func NewCSVWriter(w io.Writer, noBOM bool) (*csv.Writer, error) {
	if !noBOM {
		if _, err := io.WriteString(w, BOM); err != nil {
			return nil, err
		}
	}
	return csv.NewWriter(w), nil
}

// cellText writes a row value as a CSV cell: null is an empty cell.
func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// csvRows gives the CSV cells of d's record rows.
func csvRows(d record.Document) [][]string {
	rows := Rows(d)
	out := make([][]string, len(rows))
	for i, r := range rows {
		cells := make([]string, len(r))
		for j, v := range r {
			cells[j] = cellText(v)
		}
		out[i] = cells
	}
	return out
}

// startCSV writes the byte-order mark and the header, once.
func (s *Stream) startCSV() error {
	if s.csvStarted {
		return nil
	}
	s.csvStarted = true
	header := make([]string, len(RecordColumns))
	for i, c := range RecordColumns {
		header[i] = c.Name
	}
	cw, err := NewCSVWriter(s.w, s.opt.NoBOM)
	if err != nil {
		return err
	}
	if err := cw.Write(header); err != nil {
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
