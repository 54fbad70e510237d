package render

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook has a sheet per record type with the document's columns on
// every row, numbers stored as numbers, empty cells for nulls, the header
// frozen and an autofilter over each table.
func TestXLSXSheets(t *testing.T) {
	docs := fixture()
	out := render(t, docs, Options{Format: FormatXLSX})
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"targets", "deadlines", "units", "errors"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("targets")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(docs[0].Targets) {
		t.Fatalf("targets sheet: %d rows, want header + %d", len(rows), len(docs[0].Targets))
	}
	header := rows[0]
	col := func(name string) string {
		for i, h := range header {
			if h == name {
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				return cell
			}
		}
		t.Fatalf("no column %s in %v", name, header)
		return ""
	}
	for _, c := range []struct {
		name string
		typ  excelize.CellType
		want string
	}{
		// A number cell has no type attribute (excelize reads it as
		// unset); a string would be shared or inline.
		{"value", excelize.CellTypeUnset, "7.5"},
		{"year", excelize.CellTypeUnset, "2025"},
		{"baseline", excelize.CellTypeUnset, "6.02"},
		{"region_code", excelize.CellTypeSharedString, "411500"}, // text: a code, not a number
		{"province", excelize.CellTypeSharedString, "河南省"},
		{"value_max", excelize.CellTypeUnset, ""}, // null: an empty cell, not 0
	} {
		cell := col(c.name)
		typ, err := f.GetCellType("targets", cell)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := f.GetCellValue("targets", cell)
		if typ != c.typ || v != c.want {
			t.Errorf("%s (%s): type %v value %q, want %v %q", c.name, cell, typ, v, c.typ, c.want)
		}
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", sheet, panes)
		}
	}
	errRows, _ := f.GetRows("errors")
	if len(errRows) != 2 || errRows[1][0] != "missing.pdf" {
		t.Errorf("errors sheet %v", errRows)
	}
	// The autofilter is a defined name Excel keeps per sheet.
	names := f.GetDefinedName()
	filters := 0
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters != 4 {
		t.Errorf("%d autofilters, want one per sheet: %+v", filters, names)
	}
}
