package render

import (
	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/cnplan/cnplan/pkg/record"
)

// Sheets of extract's workbook, one per record type, in this order; the
// errors sheet lists the inputs that could not be read.
var xlsxSheets = []struct{ name, recordType string }{
	{"targets", record.TypeTarget},
	{"deadlines", record.TypeDeadline},
	{"units", record.TypeUnit},
	{"errors", RecordError},
}

// Column widths, in Excel's units (one Latin character; a CJK character
// takes two).
const (
	minColWidth  = 8
	maxColWidth  = 50
	textColWidth = 80 // sentences: wide, and cut off rather than wrapped
)

// addXLSX keeps d's rows for the workbook written at Close.
func (s *Stream) addXLSX(d record.Document) {
	if s.sheets == nil {
		s.sheets = map[string][][]any{}
	}
	for _, r := range Rows(d) {
		kind := r.Get("record").(string)
		cols := SheetColumns(kind)
		cells := make([]any, len(cols))
		for i, c := range cols {
			cells[i] = r.Get(c.Name)
		}
		s.sheets[kind] = append(s.sheets[kind], cells)
	}
}

func (s *Stream) closeXLSX() error {
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range xlsxSheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		cols := SheetColumns(sh.recordType)
		header := make([]any, len(cols))
		fixed := map[int]float64{}
		for j, c := range cols {
			header[j] = c.Name
			if c.Name == "text" {
				fixed[j] = textColWidth
			}
		}
		if err := WriteSheet(f, sh.name, append([][]any{header}, s.sheets[sh.recordType]...), fixed); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.Write(s.w)
}

// WriteSheet fills sheet from A1 with rows, the first being the header:
// numbers stay numbers, nil leaves a cell empty. The header is bold and
// frozen with an autofilter over the table, and each column is about as
// wide as its widest cell (fixed gives some columns their own width).
func WriteSheet(f *excelize.File, sheet string, rows [][]any, fixed map[int]float64) error {
	return WriteSheetFrozen(f, sheet, rows, fixed, 0)
}

// WriteSheetFrozen is WriteSheet with the first frozenCols columns also
// kept in view when scrolling right (a matrix of many documents keeps its
// key column).
func WriteSheetFrozen(f *excelize.File, sheet string, rows [][]any, fixed map[int]float64, frozenCols int) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	// Not excelize's StreamWriter: it writes sheets in a random order into
	// the zip, and output must be the same bytes every run.
	widths := map[int]int{}
	for i, row := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return err
		}
		for j, v := range row {
			if w := displayWidth(cellText(v)); w > widths[j] {
				widths[j] = w
			}
		}
	}
	if err := f.SetRowStyle(sheet, 1, 1, bold); err != nil {
		return err
	}
	for j := range rows[0] {
		name, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		width, ok := fixed[j]
		if !ok {
			width = float64(min(max(widths[j]+2, minColWidth), maxColWidth))
		}
		if err := f.SetColWidth(sheet, name, name, width); err != nil {
			return err
		}
	}
	panes := &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}
	if frozenCols > 0 {
		topLeft, err := excelize.CoordinatesToCellName(frozenCols+1, 2)
		if err != nil {
			return err
		}
		panes = &excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: 1, TopLeftCell: topLeft, ActivePane: "bottomRight"}
	}
	if err := f.SetPanes(sheet, panes); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(rows[0]), max(len(rows), 2))
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// displayWidth is how many columns s takes: CJK characters two.
func displayWidth(s string) int {
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	return cond.StringWidth(s)
}
