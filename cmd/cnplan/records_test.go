package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/cnplan/cnplan/pkg/schema"
)

// realInputs are the real corpus and the synthetic documents: every
// shape of document the tests know.
var realInputs = []string{corpus, "../../testdata/synthetic/"}

// extracted is the real inputs extracted as jsonl, shared by the tests
// that read it (they do not modify it).
var extracted struct {
	once sync.Once
	out  string
	docs []record.Document
}

// extractDocs extracts the real inputs as jsonl, once per test binary,
// and decodes them.
func extractDocs(t *testing.T) (string, []record.Document) {
	t.Helper()
	extracted.once.Do(func() {
		code, out, stderr := runCLI(t, "", append([]string{"extract", "--format", "jsonl", "--quiet"}, realInputs...)...)
		if code != 0 {
			t.Fatalf("extract: exit %d: %s", code, stderr)
		}
		extracted.out, extracted.docs = out, jsonLines(t, out)
	})
	if extracted.docs == nil {
		t.Fatal("the shared extraction failed (see the first test that ran it)")
	}
	return extracted.out, extracted.docs
}

// Every JSON form every command writes, over the real documents,
// validates against the published schema (pkg/schema) with a maintained
// validator.
func TestEveryOutputMatchesSchema(t *testing.T) {
	jsonl, docs := extractDocs(t)
	if n := schematest.Lines(t, "", []byte(jsonl)); n != len(docs) || n < 8 {
		t.Fatalf("%d jsonl lines for %d documents", n, len(docs))
	}
	_, array, _ := runCLI(t, "", append([]string{"extract", "--quiet"}, realInputs...)...)
	schematest.One(t, "", []byte(array))
	_, one, _ := runCLI(t, "", "extract", corpusFile(t, "001"))
	schematest.One(t, "", []byte(one))
	// An input that cannot be read is an error object, valid too.
	_, withError, _ := runCLI(t, "", "extract", "--format", "jsonl", "--quiet", corpusFile(t, "000"), "missing.txt")
	if n := schematest.Lines(t, "", []byte(withError)); n != 2 || !strings.Contains(withError, `"error":`) {
		t.Errorf("%d lines, want a document and an error object: %s", n, withError)
	}

	_, records, _ := runCLI(t, "", append([]string{"extract", "--records", "--quiet"}, realInputs...)...)
	want := 0
	for _, d := range docs {
		want += len(d.Targets) + len(d.Deadlines) + len(d.Units)
	}
	if n := schematest.Lines(t, schema.RecordRow, []byte(records)); n != want {
		t.Errorf("%d record lines, want one per target, deadline and unit: %d", n, want)
	}

	_, figures, _ := runCLI(t, "", append([]string{"compare", "--format", "jsonl"}, realInputs...)...)
	if n := schematest.Lines(t, schema.Figure, []byte(figures)); n < 100 {
		t.Errorf("compare jsonl: %d figures", n)
	}

	_, matrix, _ := runCLI(t, "", append([]string{"compare", "--format", "json"}, realInputs...)...)
	schematest.One(t, schema.Matrix, []byte(matrix))
	_, actual, _ := runCLI(t, "", "compare", "--format", "json", "--kind", "actual", cmpFixture)
	schematest.One(t, schema.Matrix, []byte(actual))

	old := cmpCorpus(t, "002")
	code, diffJSON, stderr := runCLI(t, "", "diff", "--format", "json", old, editedCopy(t, old))
	if code != 1 {
		t.Fatalf("diff: exit %d: %s", code, stderr)
	}
	schematest.One(t, schema.Diff, []byte(diffJSON))
}

// One null convention: no output holds an empty string for an unknown
// value, a null list, or a null region; region codes are strings.
func TestOneNullConvention(t *testing.T) {
	jsonl, _ := extractDocs(t)
	_, figures, _ := runCLI(t, "", append([]string{"compare", "--format", "jsonl"}, realInputs...)...)
	_, matrix, _ := runCLI(t, "", append([]string{"compare", "--format", "json"}, realInputs...)...)
	_, records, _ := runCLI(t, "", append([]string{"extract", "--records", "--quiet"}, realInputs...)...)
	for name, out := range map[string]string{"extract": jsonl, "records": records, "compare jsonl": figures, "compare json": matrix} {
		for _, bad := range []string{`:""`, `: ""`, `"code":4`, `"code":6`, `"region_code":4`, `"region_code":6`} {
			if strings.Contains(out, bad) {
				t.Errorf("%s output holds %s", name, bad)
			}
		}
	}
	// Nested forms: lists and objects are never null. (The flat rows of
	// records and figures join lists into one nullable text cell.)
	for name, out := range map[string]string{"extract": jsonl, "compare json": matrix} {
		for _, bad := range []string{`"region": null`, `"region":null`, `"period":null`, `"period": null`, `"units":null`, `"issuer":null`, `"units": null`, `"targets": null`} {
			if strings.Contains(out, bad) {
				t.Errorf("%s output holds %s", name, bad)
			}
		}
	}
	if !strings.Contains(jsonl, `"county":null`) || !strings.Contains(jsonl, `"code":"610900"`) {
		t.Error("extract output lacks an unknown county as null or a code as a string")
	}
}

// extract --records: one row per target, deadline or unit, each with its
// document's fields; CSV and JSONL hold the same rows.
func TestExtractRecords(t *testing.T) {
	doc := corpusFile(t, "001")
	_, out, _ := runCLI(t, "", "extract", "--format", "jsonl", doc)
	d := jsonLines(t, out)[0]
	code, lines, stderr := runCLI(t, "", "extract", "--records", doc)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rows []map[string]any
	for line := range strings.Lines(lines) {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, m)
	}
	if len(rows) != len(d.Targets)+len(d.Deadlines)+len(d.Units) {
		t.Fatalf("%d rows for %d+%d+%d records", len(rows), len(d.Targets), len(d.Deadlines), len(d.Units))
	}
	counts := map[any]int{}
	for _, r := range rows {
		counts[r["record"]]++
		if r["file"] != doc || r["title"] != "安康市“十四五”卫生健康事业发展规划" || r["city"] != "安康市" ||
			r["region_code"] != "610900" || r["period_start"] != json.Number("2021") || r["period_end"] != json.Number("2025") {
			t.Fatalf("row without its document's fields: %v", r)
		}
	}
	if counts["target"] != len(d.Targets) || counts["deadline"] != len(d.Deadlines) || counts["unit"] != len(d.Units) {
		t.Errorf("record counts %v", counts)
	}
	first := rows[0]
	if first["indicator"] != d.Targets[0].Indicator || first["value"] != json.Number(strconv.FormatFloat(d.Targets[0].Value, 'f', -1, 64)) {
		t.Errorf("first row %v, want target %+v", first, d.Targets[0])
	}

	// The CSV has the same rows and columns.
	_, csvOut, _ := runCLI(t, "", "extract", "--records", "--format", "csv", doc)
	table, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvOut, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(table) != len(rows)+1 || len(table[0]) != len(render.RecordColumns) {
		t.Errorf("csv: %d rows of %d columns; jsonl %d rows of %d", len(table), len(table[0]), len(rows), len(render.RecordColumns))
	}
	if code, _, _ := runCLI(t, "", "extract", "--records", "--format", "json", doc); code != exitUsage {
		t.Errorf("--records --format json: exit %d, want 2", code)
	}
}

// extract -o out.xlsx: a sheet per record type, a row per record, numbers
// as numbers.
func TestExtractXLSX(t *testing.T) {
	_, docs := extractDocs(t)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if code, _, stderr := runCLI(t, "", append([]string{"extract", "--quiet", "-o", path}, realInputs...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts := map[string]int{}
	for _, d := range docs {
		counts["targets"] += len(d.Targets)
		counts["deadlines"] += len(d.Deadlines)
		counts["units"] += len(d.Units)
	}
	for sheet, n := range counts {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) != n+1 {
			t.Errorf("sheet %s: %d rows (%v), want header + %d", sheet, len(rows), err, n)
		}
	}
	rows, _ := f.GetRows("targets")
	valueCol := -1
	for i, h := range rows[0] {
		if h == "value" {
			valueCol = i
		}
	}
	cell, _ := excelize.CoordinatesToCellName(valueCol+1, 2)
	if typ, _ := f.GetCellType("targets", cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("targets!%s (value) is text", cell)
	}
}

// The records load into SQLite with their types: value REAL, year INTEGER,
// region_code TEXT (411000, never 411000.0), from the CSV through
// 'cnplan schema --sql' and from the JSONL through SQLite's JSON functions.
func TestRecordsLoadIntoSQLite(t *testing.T) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 not installed (apt-get install sqlite3; .ci/run installs it)")
	}
	dir := t.TempDir()
	csvPath, jsonlPath := filepath.Join(dir, "records.csv"), filepath.Join(dir, "records.jsonl")
	for _, p := range []string{csvPath, jsonlPath} {
		if code, _, stderr := runCLI(t, "", append([]string{"extract", "--records", "--quiet", "-o", p}, realInputs...)...); code != 0 {
			t.Fatalf("extract -o %s: exit %d: %s", p, code, stderr)
		}
	}
	_, ddl, _ := runCLI(t, "", "schema", "--sql", "records")
	_, docs := extractDocs(t)
	var targets, withCode int
	var sum float64
	for _, d := range docs {
		for _, tg := range d.Targets {
			sum += tg.Value
		}
		targets += len(d.Targets)
		if d.Region != nil && d.Region.Code != "" {
			withCode += len(d.Targets) + len(d.Deadlines) + len(d.Units)
		}
	}

	// The JSON lines go in one a row ('ascii' mode: no quoting, a tab
	// separator that JSON never leaves unescaped), then json_extract
	// gives each column its JSON type: null stays NULL.
	var cols []string
	for _, c := range render.RecordColumns {
		cols = append(cols, "json_extract(line, '$."+c.Name+"') AS "+c.Name)
	}
	script := ddl + ".import --csv --skip 1 " + csvPath + " records\n" +
		"CREATE TABLE lines (line TEXT);\n.mode ascii\n.separator \"\\t\" \"\\n\"\n.import " + jsonlPath + " lines\n.mode list\n.separator \"|\" \"\\n\"\n" +
		"CREATE TABLE records_json AS SELECT " + strings.Join(cols, ", ") + " FROM lines;\n" +
		// from the CSV
		"SELECT count(*), group_concat(DISTINCT typeof(value)), group_concat(DISTINCT typeof(year)), round(sum(value), 6) FROM records WHERE record = 'target';\n" +
		"SELECT count(*), group_concat(DISTINCT typeof(region_code)) FROM records WHERE region_code <> '';\n" +
		// from the JSONL
		"SELECT count(*), group_concat(DISTINCT typeof(value)), round(sum(value), 6) FROM records_json WHERE record = 'target';\n" +
		"SELECT count(*), group_concat(DISTINCT typeof(region_code)) FROM records_json WHERE region_code IS NOT NULL;\n" +
		"SELECT count(*) FROM records_json WHERE record <> 'target' AND value IS NOT NULL;\n"
	cmd := exec.Command(sqlite, filepath.Join(dir, "plans.db"))
	cmd.Stdin = strings.NewReader(script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("sqlite3: %v: %s\n%s", err, stderr.String(), script)
	}
	var got []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		got = append(got, sc.Text())
	}
	total := strconv.FormatFloat(sum, 'f', -1, 64)
	want := []string{
		// year is INTEGER where known, '' where not: CSV has no null
		strconv.Itoa(targets) + "|real|integer,text|", strconv.Itoa(withCode) + "|text",
		strconv.Itoa(targets) + "|integer,real|", strconv.Itoa(withCode) + "|text", "0",
	}
	if len(got) != len(want) {
		t.Fatalf("sqlite3 printed %q", got)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("query %d: %q, want it to start %q", i+1, got[i], w)
		}
	}
	for _, i := range []int{0, 2} {
		fields := strings.Split(got[i], "|")
		s, _ := strconv.ParseFloat(fields[len(fields)-1], 64)
		if diff := s - sum; diff > 1e-6 || diff < -1e-6 {
			t.Errorf("query %d: sum of values %v, want %s", i+1, s, total)
		}
	}
	_ = os.Remove(filepath.Join(dir, "plans.db"))
}
