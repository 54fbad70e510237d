package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func render(t *testing.T, docs []record.Document, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, docs, opt); err != nil {
		t.Fatalf("Write(%+v): %v", opt, err)
	}
	return buf.Bytes()
}

var goldens = []struct {
	name string
	docs func() []record.Document
	opt  Options
}{
	{"batch.json", fixture, Options{Format: FormatJSON}},
	{"one.json", func() []record.Document { return fixture()[:1] }, Options{Format: FormatJSON}},
	{"batch.jsonl", fixture, Options{Format: FormatJSONL}},
	{"batch.csv", fixture, Options{Format: FormatCSV}},
	{"batch.records.jsonl", fixture, Options{Format: FormatJSONL, Records: true}},
	{"batch.table.txt", fixture, Options{Format: FormatTable}},
}

func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			got := render(t, g.docs(), g.opt)
			if again := render(t, g.docs(), g.opt); !bytes.Equal(got, again) {
				t.Fatalf("second run differs:\n%s\n---\n%s", got, again)
			}
			path := filepath.Join("testdata", g.name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/render -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from golden; if intended, run go test ./pkg/render -update and read the diff\ngot:\n%s", path, got)
			}
		})
	}
}

func TestStreamGivesWriteBytes(t *testing.T) {
	for _, format := range Formats {
		for n := 0; n <= 3; n++ {
			docs := fixture()[:n]
			opt := Options{Format: format}
			want := render(t, docs, opt)

			var buf bytes.Buffer
			s, err := NewStream(&buf, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				if err := s.Write(d); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s, %d documents: stream differs from Write", format, n)
			}
			if err := s.Write(fixture()[0]); err == nil {
				t.Errorf("%s: Write after Close did not fail", format)
			}
		}
	}
}

// The streamed JSON must be exactly what encoding/json gives for the
// whole value.
func TestJSONIsEncoderOutput(t *testing.T) {
	for n := 0; n <= 3; n++ {
		docs := fixture()[:n]
		var v any
		if n == 1 {
			v = jsonValue(docs[0])
		} else {
			vs := []any{}
			for _, d := range docs {
				vs = append(vs, jsonValue(d))
			}
			v = vs
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if got := render(t, docs, Options{Format: FormatJSON}); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d documents:\ngot:\n%s\nwant:\n%s", n, got, want.Bytes())
		}
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestJSONLKeysAndNulls(t *testing.T) {
	out := render(t, fixture(), Options{Format: FormatJSONL})
	if bytes.Contains(out, []byte(`\u003c`)) || !bytes.Contains(out, []byte("<县域> & ")) {
		t.Errorf("< > & escaped, want them as they are")
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	var docKeys []string
	for i, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if _, failed := m["error"]; failed {
			if got := keys(m); !reflect.DeepEqual(got, []string{"error", "file", "schema"}) {
				t.Errorf("error document keys %v", got)
			}
			continue
		}
		if m["schema"] != record.Schema {
			t.Errorf("line %d: schema %v", i+1, m["schema"])
		}
		if docKeys == nil {
			docKeys = keys(m)
		} else if got := keys(m); !reflect.DeepEqual(got, docKeys) {
			t.Errorf("line %d keys %v, want %v", i+1, got, docKeys)
		}
		for _, k := range []string{"issuer", "warnings", "targets", "deadlines", "units"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("line %d: %s = %v, want an array", i+1, k, m[k])
			}
		}
	}
	if bytes.Contains(out, []byte(`"units":null`)) || bytes.Contains(out, []byte(`"canonical":null`)) {
		t.Errorf("nil slice inside a record written as null:\n%s", out)
	}
}

func TestWriteDoesNotModifyInput(t *testing.T) {
	docs := fixture()
	render(t, docs, Options{Format: FormatJSON})
	if !reflect.DeepEqual(docs, fixture()) {
		t.Error("Write modified its input")
	}
}

func readCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(out))
	rows, err := r.ReadAll() // also checks every row has the header's width
	if err != nil {
		t.Fatalf("csv does not parse back: %v", err)
	}
	return rows
}

func TestCSVParsesBack(t *testing.T) {
	docs := fixture()
	out := render(t, docs, Options{Format: FormatCSV})
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 BOM")
	}
	rows := readCSV(t, out[3:])
	var header []string
	for _, c := range RecordColumns {
		header = append(header, c.Name)
	}
	if !reflect.DeepEqual(rows[0], header) {
		t.Errorf("header %v", rows[0])
	}
	want := 1 // the error document's row
	want += len(docs[0].Targets) + len(docs[0].Deadlines) + len(docs[0].Units)
	if got := len(rows) - 1; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	col := func(row []string, name string) string { return row[recordIndex[name]] }
	byText := map[string][]string{}
	for _, row := range rows[1:] {
		byText[col(row, "text")] = row
	}
	tricky := docs[0].Targets[2].Text
	row, ok := byText[tricky]
	if !ok {
		t.Fatalf("text with line break, quotes, comma not read back intact")
	}
	if col(row, "record") != "target" || col(row, "value") != "90" || col(row, "province") != "河南省" {
		t.Errorf("row %v", row)
	}
	row = byText[docs[0].Targets[1].Text]
	if col(row, "value") != "2" || col(row, "value_max") != "4" || col(row, "year") != "2025" {
		t.Errorf("range row %v", row)
	}
	row = byText[docs[0].Units[0].Text]
	if col(row, "canonical") != "市发展改革委、市财政局、市卫生健康委、信阳职业技术学院" || col(row, "record") != "unit" {
		t.Errorf("unit row %v", row)
	}
	var order []string
	for _, row := range rows[1:] {
		order = append(order, col(row, "record"))
	}
	wantOrder := []string{"target", "target", "target", "target", "deadline", "unit", "unit", "error"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("record column %v, want %v", order, wantOrder)
	}
	errRow := rows[len(rows)-1]
	if col(errRow, "file") != "missing.pdf" || col(errRow, "error") == "" || col(errRow, "title") != "" {
		t.Errorf("error row %v, want file and error alone", errRow)
	}

	noBOM := render(t, docs, Options{Format: FormatCSV, NoBOM: true})
	if !bytes.Equal(noBOM, out[3:]) {
		t.Error("NoBOM output is not the default output without its BOM")
	}
	if empty := render(t, nil, Options{Format: FormatCSV, NoBOM: true}); len(readCSV(t, empty)) != 1 {
		t.Errorf("no documents: want the header alone, got %q", empty)
	}
}

// Every line of one table, borders included, has the same display width.
func TestTableAligned(t *testing.T) {
	cond := runewidth.NewCondition()
	cond.EastAsianWidth = false // as the renderer measures
	out := string(render(t, fixture(), Options{Format: FormatTable}))
	tables, width := 0, -1
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "|") {
			width = -1
			continue
		}
		w := cond.StringWidth(line)
		switch width {
		case -1:
			width = w
			tables++
		case w:
		default:
			t.Errorf("line %q is %d wide, want %d", line, w, width)
		}
	}
	if tables != 3 {
		t.Errorf("%d tables, want 3 (targets, deadlines, units of the first document)", tables)
	}
	for _, want := range []string{
		"| indicator ", // headers as given, not upper-cased
		"(no targets)", "(no deadlines)", "(no units)",
		"[error]  missing.pdf  open missing.pdf",
		"[targets]  002_e8b66c7ddb9e4fa1.txt  信阳市“十四五”卫生健康事业发展规划  河南省 信阳市 411500",
		"2..4",
		"| 实现县域医疗中心临床服务五大中心全覆盖,县级医院综合服务能力… |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table output lacks %q", want)
		}
	}
}

func TestCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"短", "短"},
		{"达标率不\n5、低于90%", "达标率不 5、低于90%"},
		{strings.Repeat("一", 30), strings.Repeat("一", 30)},
		{strings.Repeat("一", 31), strings.Repeat("一", 30) + "…"},
	} {
		if got := Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewStream(&bytes.Buffer{}, Options{Format: "xml"}); err == nil {
		t.Error("format xml accepted")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1+cmd":                   "'+1+cmd",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"-5":                       "-5",
		"+3.2":                     "+3.2",
		"=":                        "=",
		">=":                       ">=",
		"到2025年":                   "到2025年",
		"":                         "",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every record column is in exactly one place of the row, with a type.
func TestRecordColumns(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range RecordColumns {
		if seen[c.Name] || c.Type == "" {
			t.Errorf("column %+v repeated or untyped", c)
		}
		seen[c.Name] = true
	}
	for _, kind := range []string{record.TypeTarget, record.TypeDeadline, record.TypeUnit, RecordError} {
		for _, c := range SheetColumns(kind) {
			if !seen[c.Name] {
				t.Errorf("sheet %s column %s is not a record column", kind, c.Name)
			}
		}
	}
}

// Every JSON form validates against the published schema.
func TestOutputMatchesSchema(t *testing.T) {
	docs := fixture()
	schematest.One(t, "", render(t, docs, Options{Format: FormatJSON}))
	schematest.One(t, "", render(t, docs[:1], Options{Format: FormatJSON}))
	if n := schematest.Lines(t, "", render(t, docs, Options{Format: FormatJSONL})); n != len(docs) {
		t.Errorf("%d jsonl lines, want %d", n, len(docs))
	}
	rows := 0
	for _, d := range docs {
		rows += len(Rows(d))
	}
	if n := schematest.Lines(t, schema.RecordRow, render(t, docs, Options{Format: FormatJSONL, Records: true})); n != rows {
		t.Errorf("%d record lines, want %d", n, rows)
	}
}
