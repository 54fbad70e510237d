package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/schema"
)

var updateCompareGolden = flag.Bool("update-compare", false, "rewrite the golden files in testdata/compare")

// cmpFixture is the gold annotations as extract output (see
// testdata/compare/mkfixture.go): compare and diff checked on what a
// correct extraction gives, whatever the extractor gives today.
const cmpFixture = "../../testdata/compare/gold.jsonl"

// cmpCorpus returns the path of corpus document n ("000" … "004").
func cmpCorpus(t *testing.T, n string) string {
	t.Helper()
	m, err := filepath.Glob("../../testdata/corpus/" + n + "_*.txt")
	if err != nil || len(m) != 1 {
		t.Fatalf("corpus document %s: %v %v", n, m, err)
	}
	return m[0]
}

// cmpRun runs the CLI as main does, with stdin, and returns its exit
// status and output.
func cmpRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, streams{In: strings.NewReader(stdin), Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

// cmpMatrix runs compare --format json and decodes the matrix.
func cmpMatrix(t *testing.T, args ...string) compare.Matrix {
	t.Helper()
	code, out, errOut := cmpRun(t, "", append([]string{"compare", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %q: exit %d: %s", args, code, errOut)
	}
	var m compare.Matrix
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func cmpRows(m compare.Matrix, keyPart string) []compare.Row {
	var out []compare.Row
	for _, r := range m.Rows {
		if strings.Contains(r.Key, keyPart) {
			out = append(out, r)
		}
	}
	return out
}

func cmpKeys(m compare.Matrix) []string {
	var out []string
	for _, r := range m.Rows {
		out = append(out, r.Key)
	}
	return out
}

// checkCell says what a cell must hold: value, unit, year.
func checkCell(t *testing.T, what string, c *compare.Cell, value float64, unit string, year int) {
	t.Helper()
	if c == nil {
		t.Errorf("%s: no figure", what)
		return
	}
	if c.Value != value || c.Unit != unit || c.Year == nil || *c.Year != year {
		t.Errorf("%s: %s, want %v%s (%d)", what, c.Text, value, unit, year)
	}
}

// The "done when", on the corpus as the extractor reads it and on
// the gold fixture: one row for the childcare places per thousand people
// (许昌 4.5, 安康 4.8); 001 and 002 share 县域内就诊率 (≥90%); 003's
// traditional 省級區域醫療中心 is on 002's row.
func TestCompareDoneWhen(t *testing.T) {
	childcare := func(t *testing.T, m compare.Matrix) {
		rows := cmpRows(m, "托位")
		if len(rows) != 1 {
			t.Fatalf("%d rows for 托位, want 1: %q", len(rows), cmpKeys(m))
		}
		if m.Columns[0].Label != "许昌市" || m.Columns[1].Label != "安康市 2021–2025" {
			t.Errorf("columns %q, %q", m.Columns[0].Label, m.Columns[1].Label)
		}
		checkCell(t, "许昌", rows[0].Cells[0], 4.5, "个", 2025)
		checkCell(t, "安康", rows[0].Cells[1], 4.8, "个", 2025)
	}
	countyVisits := func(t *testing.T, m compare.Matrix) {
		rows := cmpRows(m, "县域内就诊率")
		if len(rows) != 1 {
			t.Fatalf("%d rows for 县域内就诊率: %q", len(rows), cmpKeys(m))
		}
		for i, c := range rows[0].Cells {
			checkCell(t, m.Columns[i].Label, c, 90, "%", 2025)
			if c != nil && c.Comparator != ">=" {
				t.Errorf("%s: comparator %q", m.Columns[i].Label, c.Comparator)
			}
		}
	}
	traditional := func(t *testing.T, m compare.Matrix) {
		var row *compare.Row
		for i, r := range m.Rows {
			if r.Key == "省级区域医疗中心" {
				row = &m.Rows[i]
			}
		}
		if row == nil {
			t.Fatalf("no row 省级区域医疗中心 shared by 002 and 003: %q", cmpKeys(m))
		}
		checkCell(t, "信阳", row.Cells[0], 3, "个", 2025)
		if c := row.Cells[1]; c == nil || c.Value != 4 || c.Flag != "" {
			t.Errorf("河北: %+v", c)
		}
	}
	corpus := func(t *testing.T, ns ...string) compare.Matrix {
		var args []string
		for _, n := range ns {
			args = append(args, cmpCorpus(t, n))
		}
		return cmpMatrix(t, args...)
	}
	t.Run("corpus", func(t *testing.T) {
		t.Run("childcare", func(t *testing.T) { childcare(t, corpus(t, "000", "001")) })
		t.Run("county visits", func(t *testing.T) { countyVisits(t, corpus(t, "001", "002")) })
		t.Run("traditional", func(t *testing.T) { traditional(t, corpus(t, "002", "003")) })
	})
	t.Run("gold", func(t *testing.T) {
		gold := cmpMatrix(t, cmpFixture) // columns 0…4 are 000…004
		t.Run("childcare", func(t *testing.T) { childcare(t, pickColumns(gold, 0, 1)) })
		t.Run("county visits", func(t *testing.T) { countyVisits(t, pickColumns(gold, 1, 2)) })
		t.Run("traditional", func(t *testing.T) { traditional(t, pickColumns(gold, 2, 3)) })
	})
}

// pickColumns is m as if only these columns had been compared: their
// cells, and the rows all of them give.
func pickColumns(m compare.Matrix, cols ...int) compare.Matrix {
	p := compare.Matrix{Kind: m.Kind}
	for _, c := range cols {
		p.Columns = append(p.Columns, m.Columns[c])
	}
	for _, r := range m.Rows {
		q := r
		q.Cells = nil
		for _, c := range cols {
			q.Cells = append(q.Cells, r.Cells[c])
		}
		if !slices.Contains(q.Cells, nil) {
			p.Rows = append(p.Rows, q)
		}
	}
	return p
}

// A traditional document and the same text in simplified characters give
// the same rows: every indicator of one is on a row with the other.
func TestCompareScripts(t *testing.T) {
	orig := cmpCorpus(t, "003")
	data, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	simp := filepath.Join(t.TempDir(), "003_simplified.txt")
	if err := os.WriteFile(simp, []byte(normalize.ToSimplified(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	m := cmpMatrix(t, "--all", orig, simp)
	if len(m.Rows) == 0 {
		t.Fatal("no rows")
	}
	for _, r := range m.Rows {
		if r.Docs != 2 {
			t.Errorf("row %q is in %d document(s): %q", r.Key, r.Docs, cells(r))
		}
		if s := normalize.ToSimplified(r.Key); s != r.Key {
			t.Errorf("row key %q is not simplified (%q)", r.Key, s)
		}
	}
}

func cells(r compare.Row) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, c.Display())
	}
	return out
}

// Extract output (.jsonl, .json array, JSON on stdin) compares as the
// documents it came from do.
func TestCompareExtractOutput(t *testing.T) {
	docs := []string{cmpCorpus(t, "000"), cmpCorpus(t, "001"), cmpCorpus(t, "002")}
	code, want, errOut := cmpRun(t, "", append([]string{"compare"}, docs...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := t.TempDir()
	for _, format := range []string{"jsonl", "json"} {
		path := filepath.Join(dir, "corpus."+format)
		if code, _, errOut := cmpRun(t, "", append([]string{"extract", "--format", format, "-o", path}, docs...)...); code != 0 {
			t.Fatalf("extract: exit %d: %s", code, errOut)
		}
		if code, got, errOut := cmpRun(t, "", "compare", path); code != 0 || got != want {
			t.Errorf("compare %s: exit %d %s\n%s\nwant\n%s", format, code, errOut, got, want)
		}
		data, _ := os.ReadFile(path)
		if code, got, errOut := cmpRun(t, string(data), "compare", "-"); code != 0 || got != want {
			t.Errorf("compare - (%s on stdin): exit %d %s\n%s", format, code, errOut, got)
		}
	}
	// Documents and extract output mixed, in the arguments' order.
	path := filepath.Join(dir, "corpus.jsonl")
	m := cmpMatrix(t, path, cmpCorpus(t, "003"))
	if len(m.Columns) != 4 || m.Columns[3].Label != "河北省" {
		t.Errorf("mixed inputs: columns %+v", m.Columns)
	}
}

// The gold fixture's matrix, in every text format, as golden files.
func TestCompareGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"gold.table.golden", []string{"compare", cmpFixture}},
		{"gold.all.table.golden", []string{"compare", "--all", "--indicator", "死亡率", cmpFixture}},
		{"gold.actual.table.golden", []string{"compare", "--kind", "actual", "--min-docs", "1", "--indicator", "预期寿命", cmpFixture}},
		{"gold.matrix.csv.golden", []string{"compare", "--format", "matrix", cmpFixture}},
		{"gold.figures.csv.golden", []string{"compare", "--format", "csv", cmpFixture}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			code, got, errOut := cmpRun(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			path := filepath.Join("../../testdata/compare", tc.golden)
			if *updateCompareGolden {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/cnplan -run TestCompareGolden -update-compare)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (-update-compare to accept):\n%s", tc.golden, got)
			}
		})
	}
}

func TestCompareMatrixCSV(t *testing.T) {
	for _, noBOM := range []bool{false, true} {
		args := []string{"compare", "--format", "matrix", cmpFixture}
		if noBOM {
			args = append(args, "--no-bom")
		}
		code, out, errOut := cmpRun(t, "", args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if got := strings.HasPrefix(out, "\uFEFF"); got == noBOM {
			t.Errorf("no-bom %v: BOM %v", noBOM, got)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"indicator_key", "indicator", "unit", "docs", "许昌市", "安康市 2021–2025", "信阳市 2023–2025", "河北省", "兰州市"}; !reflect.DeepEqual(rows[0], want) {
			t.Errorf("header %q", rows[0])
		}
	}
}

// The long form: -o figures.csv and -o figures.jsonl pick it; one row per
// figure of every indicator (not only those in two documents), numbers as
// numbers, region code as text, each JSON line valid against the schema.
func TestCompareLong(t *testing.T) {
	dir := t.TempDir()
	csvPath, jsonlPath := filepath.Join(dir, "figures.csv"), filepath.Join(dir, "figures.jsonl")
	for _, p := range []string{csvPath, jsonlPath} {
		if code, out, errOut := cmpRun(t, "", "compare", "-o", p, cmpFixture); code != 0 || out != "" {
			t.Fatalf("-o %s: exit %d: %s %s", p, code, out, errOut)
		}
	}
	data, _ := os.ReadFile(csvPath)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], compare.FigureColumns) {
		t.Fatalf("header %q", rows[0])
	}
	lines, _ := os.ReadFile(jsonlPath)
	if n := schematest.Lines(t, schema.Figure, lines); n != len(rows)-1 {
		t.Errorf("%d jsonl lines, %d csv rows", n, len(rows)-1)
	}
	// Every indicator: the matrix shows only those in two documents.
	m := cmpMatrix(t, "--all", cmpFixture)
	keys := map[string]bool{}
	for _, r := range rows[1:] {
		keys[r[0]] = true
	}
	if len(keys) != len(m.Rows) {
		t.Errorf("long form has %d indicators, the --all matrix %d", len(keys), len(m.Rows))
	}
	// 安康's childcare places, as numbers.
	found := false
	for line := range strings.Lines(string(lines)) {
		var f compare.Figure
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		if f.IndicatorKey == "每千人口3岁以下婴幼儿托位" && f.City != nil && *f.City == "安康市" {
			found = true
			if f.Value != 4.8 || f.Year == nil || *f.Year != 2025 || f.RegionCode == nil || *f.RegionCode != "610900" ||
				f.Kind != "target" || !f.Shown {
				t.Errorf("安康 childcare places %+v", f)
			}
		}
	}
	if !found {
		t.Error("no 安康 childcare figure")
	}
}

// The workbook: -o x.xlsx picks the format; both sheets, cells, frozen
// header rows.
func TestCompareXLSX(t *testing.T) {
	path := filepath.Join(t.TempDir(), "matrix.xlsx")
	if code, out, errOut := cmpRun(t, "", "compare", "-o", path, cmpFixture); code != 0 || out != "" {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"matrix", "figures"}) {
		t.Fatalf("sheets %q", got)
	}
	for _, tc := range []struct{ sheet, cell, want string }{
		{"matrix", "A2", "每千人口3岁以下婴幼儿托位"},
		{"matrix", "B2", "每千人口3岁以下婴幼儿托位数"},
		{"matrix", "E1", "许昌市"},
		{"matrix", "E2", "4.5个 (2025)"},
		{"matrix", "F2", "4.8个 (2025)"},
		{"matrix", "F3", "≥90% (2025)"},
		{"matrix", "G3", "≥90% (2025)"},
		{"figures", "A2", "每千人口3岁以下婴幼儿托位"},
		{"figures", "C2", "许昌市"},
		{"figures", "K2", "4.5"},
		{"figures", "T2", "testdata/corpus/000_571d2753694579d4.txt"}, // as the fixture names it
		{"figures", "V2", "每千人口拥有3岁以下婴幼儿托位数达到4.5个"},
	} {
		if got, err := f.GetCellValue(tc.sheet, tc.cell); got != tc.want || err != nil {
			t.Errorf("%s!%s = %q (%v), want %q", tc.sheet, tc.cell, got, err, tc.want)
		}
	}
	if typ, _ := f.GetCellType("figures", "K2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("figures!K2 (value) is text, want a number")
	}
	for _, sheet := range []string{"matrix", "figures"} {
		if p, err := f.GetPanes(sheet); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", sheet, p)
		}
	}
	// The figures sheet has every indicator, not only the matrix's.
	rows, _ := f.GetRows("figures")
	code, out, _ := cmpRun(t, "", "compare", "--format", "csv", cmpFixture)
	if want := strings.Count(out, "\n"); code != 0 || len(rows) != want {
		t.Errorf("figures sheet %d rows, csv %d lines", len(rows), want)
	}
}

func TestCompareUsage(t *testing.T) {
	for _, args := range [][]string{
		{"compare"},
		{"compare", "--format", "xml", cmpFixture},
		{"compare", "-o", "report.html", cmpFixture}, // html is not a compare format
		{"compare", "--kind", "plan", cmpFixture},
		{"compare", "--min-docs", "-1", cmpFixture},
		{"compare", "--min-docs", "two", cmpFixture},
	} {
		if code, _, errOut := cmpRun(t, "", args...); code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, want %d (%q)", args, code, exitUsage, errOut)
		}
	}
}

// An input that fails is reported and the rest still compared; exit 1.
func TestCompareFailedInput(t *testing.T) {
	notExtract := filepath.Join(t.TempDir(), "package.json")
	if err := os.WriteFile(notExtract, []byte(`{"name": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cmpRun(t, "", "compare", cmpFixture, "missing.txt", notExtract)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 2 ||
		!strings.Contains(lines[0], "missing.txt") || !strings.Contains(lines[1], "not extract output") {
		t.Errorf("stderr %q", errOut)
	}
	if !strings.Contains(out, "4.8个 (2025)") {
		t.Errorf("the rest not compared:\n%s", out)
	}
}
