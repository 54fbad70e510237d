package compare

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/cnplan/cnplan/pkg/schema"
)

func sampleMatrix() Matrix {
	lanzhou := record.Document{File: "lanzhou.txt", Region: &record.Region{City: "兰州市"},
		Targets: []record.Target{
			target("婴儿死亡率", "婴儿死亡率", 0.5, "%", "<=", 2025, "婴儿死亡率控制在0.5%以下", 3),
			target("县域内就诊率", "县域内就诊率", 88, "", "=", 2025, "", 4),
			target("人均预期寿命", "人均预期寿命", 78, "岁", "=", 2025, "", 5),
		}}
	return Build([]record.Document{xuchang(), ankang(), xinyang(), lanzhou}, Options{})
}

func write(t *testing.T, m Matrix, opt WriteOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, m, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Every line of the table, borders included, has the same display width
// (CJK characters two columns, ambiguous ones one, as the table measures).
func TestTableAligned(t *testing.T) {
	out := string(write(t, sampleMatrix(), WriteOptions{Format: FormatTable}))
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false
	lines := strings.Split(out, "\n")
	width := -1
	n := 0
	for _, line := range lines {
		if !strings.HasPrefix(line, "+-") && !strings.HasPrefix(line, "|") {
			continue
		}
		n++
		if w := cond.StringWidth(line); width == -1 {
			width = w
		} else if w != width {
			t.Errorf("line %q is %d wide, want %d", line, w, width)
		}
	}
	if n < 5 {
		t.Fatalf("no table:\n%s", out)
	}
	for _, want := range []string{"| indicator ", "安康市 2021–2025", "≥90% (2025)", "4.8个 (2025)",
		"≤5‰ (2025) [≤0.5%]", "88 (2025)*", "77.3岁 (2025) +1", "[…]", "+N", "*    unit differs"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "INDICATOR") {
		t.Error("header upper-cased")
	}
}

func TestTableEmpty(t *testing.T) {
	out := string(write(t, Build([]record.Document{xuchang(), hebei()}, Options{}), WriteOptions{}))
	if !strings.HasPrefix(out, "(no indicator") {
		t.Errorf("empty matrix: %q", out)
	}
}

func TestMatrixCSV(t *testing.T) {
	m := sampleMatrix()
	out := write(t, m, WriteOptions{Format: FormatMatrix})
	if !bytes.HasPrefix(out, []byte(render.BOM)) {
		t.Fatal("no UTF-8 BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[len(render.BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"indicator_key", "indicator", "unit", "docs", "许昌市", "安康市 2021–2025", "信阳市 2023–2025", "兰州市"}
	if !reflect.DeepEqual(rows[0], wantHeader) {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != len(m.Rows)+1 {
		t.Errorf("%d rows, want %d", len(rows), len(m.Rows)+1)
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == "县域内就诊率" {
			found = true
			if want := []string{"县域内就诊率", "县域内就诊率", "%", "3", "", "≥90% (2025)", "≥90% (2025)", "88 (2025)*"}; !reflect.DeepEqual(r, want) {
				t.Errorf("row %q, want %q", r, want)
			}
		}
	}
	if !found {
		t.Error("no 县域内就诊率 row")
	}
	if noBOM := write(t, m, WriteOptions{Format: FormatMatrix, NoBOM: true}); !bytes.Equal(noBOM, out[len(render.BOM):]) {
		t.Error("NoBOM output is not the default without its BOM")
	}
}

func TestJSON(t *testing.T) {
	m := sampleMatrix()
	out := write(t, m, WriteOptions{Format: FormatJSON})
	if bytes.Contains(out, []byte(`\u003c`)) || !bytes.Contains(out, []byte("≥90% (2025)")) {
		t.Error("JSON escapes text")
	}
	var back Matrix
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	// Decoded and written again, the same bytes: nothing is lost (an
	// empty list comes back as [] rather than nil, which writes the same).
	if again := write(t, back, WriteOptions{Format: FormatJSON}); !bytes.Equal(again, out) {
		t.Error("JSON does not decode to the matrix it came from")
	}
	var raw map[string]any
	_ = json.Unmarshal(out, &raw)
	rows := raw["rows"].([]any)
	cells := rows[0].(map[string]any)["cells"].([]any)
	if cells[0] != nil { // 许昌 gives no 县域内就诊率
		t.Errorf("missing cell is %v, want null", cells[2])
	}
}

// The workbook opens, with the matrix on sheet 1 and every record behind
// it on sheet 2, header rows frozen and columns wide enough for Chinese.
func TestXLSX(t *testing.T) {
	m := sampleMatrix()
	out := write(t, m, WriteOptions{Format: FormatXLSX})
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{SheetMatrix, SheetFigures}) {
		t.Fatalf("sheets %q", got)
	}

	rows, err := f.GetRows(SheetMatrix)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(m.Rows)+1 {
		t.Errorf("matrix has %d rows, want %d", len(rows), len(m.Rows)+1)
	}
	for _, tc := range []struct{ cell, want string }{
		{"A1", "indicator_key"}, {"F1", "安康市 2021–2025"},
		{"A2", "县域内就诊率"}, {"D2", "3"}, {"E2", ""}, {"F2", "≥90% (2025)"}, {"H2", "88 (2025)*"},
		{"A3", "每千人口3岁以下婴幼儿托位"}, {"B3", "每千人口3岁以下婴幼儿托位数"}, {"D3", "2"},
		{"E3", "4.5个 (2025)"}, {"F3", "4.8个 (2025)"}, {"G3", ""},
	} {
		if got, _ := f.GetCellValue(SheetMatrix, tc.cell); got != tc.want {
			t.Errorf("matrix %s = %q, want %q", tc.cell, got, tc.want)
		}
	}
	for _, sheet := range []string{SheetMatrix, SheetFigures} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, p, err)
		}
	}
	// Column B holds 每千人口3岁以下婴幼儿托位数: 13 CJK characters and a
	// digit, 27 columns wide, plus a margin.
	if w, _ := f.GetColWidth(SheetMatrix, "B"); w != 29 {
		t.Errorf("column B width %v, want 29", w)
	}

	trows, err := f.GetRows(SheetFigures)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range m.Rows {
		for _, c := range r.Cells {
			if c != nil {
				want += len(c.Targets)
			}
		}
	}
	if len(trows) != want+1 {
		t.Errorf("figures sheet has %d rows, want %d", len(trows), want+1)
	}
	if !reflect.DeepEqual(trows[0], FigureColumns) {
		t.Errorf("targets header %q", trows[0])
	}
	// The records of row 2, the childcare places: 许昌's first, with its
	// provenance.
	col := func(name string) int {
		for i, h := range FigureColumns {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	first := trows[1+3] // after 县域内就诊率's three
	for name, want := range map[string]string{"document": "许昌市", "region": "许昌市", "region_code": "", "shown": "TRUE", "value": "4.5", "unit": "个",
		"year": "2025", "file": "testdata/corpus/000_571d2753694579d4.txt", "line": "20",
		"text": "到2025年,许昌市每千人口拥有3岁以下婴幼儿托位数达到4.5个"} {
		if got := first[col(name)]; got != want {
			t.Errorf("targets row 5 %s = %q, want %q", name, got, want)
		}
	}
	// Numbers are numbers, for a spreadsheet's sums and filters.
	cell, _ := excelize.CoordinatesToCellName(col("value")+1, 5)
	if typ, _ := f.GetCellType(SheetFigures, cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("value cell %s is text", cell)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, Matrix{}, WriteOptions{Format: "xml"}); err == nil {
		t.Error("no error for format xml")
	}
}

// The long CSV and JSONL hold every figure behind the matrix, one a row,
// numbers as numbers, the row's unit and the figure converted into it.
func TestLong(t *testing.T) {
	m := sampleMatrix()
	figs := Figures(m)
	want := 0
	for _, r := range m.Rows {
		for _, c := range r.Cells {
			if c != nil {
				want += len(c.Targets)
			}
		}
	}
	if len(figs) != want {
		t.Fatalf("%d figures, want %d", len(figs), want)
	}
	out := write(t, m, WriteOptions{Format: FormatCSV})
	rows, err := csv.NewReader(bytes.NewReader(out[len(render.BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], FigureColumns) || len(rows) != want+1 {
		t.Fatalf("header %q, %d rows", rows[0], len(rows))
	}
	jsonl := write(t, m, WriteOptions{Format: FormatJSONL})
	schematest.Lines(t, schema.Figure, jsonl)
	lines := strings.Split(strings.TrimSpace(string(jsonl)), "\n")
	if len(lines) != want {
		t.Fatalf("%d jsonl lines, want %d", len(lines), want)
	}
	// 兰州's infant mortality, 0.5%, on a row the others give in ‰: 5 in
	// the row's unit.
	found := false
	for _, line := range lines {
		var f map[string]any
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		if len(f) != len(FigureColumns) {
			t.Errorf("%d keys, want %d: %s", len(f), len(FigureColumns), line)
		}
		if f["indicator_key"] == "婴儿死亡率" && f["unit"] == "%" {
			found = true
			if f["value"] != 0.5 || f["row_unit"] != "‰" || f["row_value"] != 5.0 || f["comparator"] != "<=" ||
				f["year"] != 2025.0 || f["document"] != "兰州市" || f["city"] != "兰州市" || f["province"] != nil {
				t.Errorf("兰州 infant mortality %v", f)
			}
		}
		if f["unit"] == "" || f["region_code"] == "" {
			t.Errorf("empty string for an unknown value: %s", line)
		}
	}
	if !found {
		t.Error("no 兰州 婴儿死亡率 figure in %")
	}
}
