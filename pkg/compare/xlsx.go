package compare

import (
	"io"

	"github.com/cnplan/cnplan/pkg/render"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the xlsx workbook.
const (
	SheetFigures = "figures" // every figure behind a cell, long, numbers as numbers
	SheetMatrix  = "matrix"  // the display matrix, as --format matrix has it
)

// textColWidth is the width of a column of sentences, in Excel's units:
// wide, and cut off rather than wrapped.
const textColWidth = 80

func writeXLSX(w io.Writer, m Matrix) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetMatrix); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetFigures); err != nil {
		return err
	}

	// Sheet 1: the matrix. Cells hold text (≥95% (2025)); the numbers are
	// on the targets sheet.
	rows := [][]any{strings2any(matrixHeader(m))}
	for _, r := range m.Rows {
		row := []any{r.Key, r.Indicator, r.Unit, r.Docs}
		for _, c := range r.Cells {
			row = append(row, c.Display())
		}
		rows = append(rows, row)
	}
	// Freeze the header row and the key column: a matrix of many documents
	// scrolls right.
	if err := render.WriteSheetFrozen(f, SheetMatrix, rows, nil, 1); err != nil {
		return err
	}

	// Sheet 2: every figure behind the matrix, one a row, as --format csv.
	rows = [][]any{strings2any(FigureColumns)}
	for _, fig := range Figures(m) {
		rows = append(rows, fig.cells())
	}
	if err := render.WriteSheet(f, SheetFigures, rows, map[int]float64{len(FigureColumns) - 1: textColWidth}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func strings2any(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// floatOrBlank and intOrBlank leave a cell empty for an unknown number,
// so a spreadsheet's sums and filters see no false zero.
func floatOrBlank(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func intOrBlank(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}

func cellString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatFloat(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// oneLine puts a sentence the document breaks across lines on one line.
func oneLine(s string) string { return strings.TrimSpace(lineBreaks.Replace(s)) }
