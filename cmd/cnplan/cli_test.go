package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/record"
)

const corpus = "../../testdata/corpus/"

// runAsCnplan, set in the environment, makes the test binary run as
// cnplan itself (see cnplanBinary).
const runAsCnplan = "CNPLAN_TEST_RUN_AS_CNPLAN"

func TestMain(m *testing.M) {
	if os.Getenv(runAsCnplan) != "" {
		os.Exit(run(os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
	}
	os.Exit(m.Run())
}

// runCLI runs cnplan in-process with args and returns its exit status,
// standard output and standard error.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func corpusFile(t *testing.T, prefix string) string {
	t.Helper()
	paths, _ := filepath.Glob(corpus + prefix + "_*.txt")
	if len(paths) != 1 {
		t.Fatalf("no corpus document %s", prefix)
	}
	return paths[0]
}

func TestSegmentKeepsTraditionalCharacters(t *testing.T) {
	code, out, _ := runCLI(t, "", "segment", corpusFile(t, "003"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(out) {
		words[w] = true
	}
	for _, w := range []string{"醫療", "服務", "衛生院", "醫院", "舉措"} {
		if !words[w] {
			t.Errorf("003: word %q not in segment output", w)
		}
	}
	if strings.Contains(out, "医疗") || strings.Contains(out, "无码") {
		t.Errorf("003: output holds simplified text or the spam tail")
	}
}

func TestSegmentKeepsDomainWords(t *testing.T) {
	code, out, _ := runCLI(t, "", "segment", corpusFile(t, "001"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, w := range []string{"市卫生健康委", "每千人口"} {
		if !strings.Contains(" "+strings.ReplaceAll(out, "\n", " ")+" ", " "+w+" ") {
			t.Errorf("001: %q is not a single word", w)
		}
	}
}

func TestSegmentJSONSpans(t *testing.T) {
	code, out, _ := runCLI(t, "", "segment", "--format", "json", corpusFile(t, "002"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Words []segmentedWord `json:"words"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(corpusFile(t, "002"))
	runes := []rune(string(orig))
	for _, w := range doc.Words {
		if w.Start < 0 || w.End > len(runes) || string(runes[w.Start:w.End]) != w.Text {
			t.Fatalf("word %+v does not quote the original", w)
		}
	}
	if len(doc.Words) < 1000 {
		t.Fatalf("only %d words", len(doc.Words))
	}
}

// Bad input: one line on stderr naming the file, no stack trace, exit 1;
// the other inputs of the run still give their output.
func TestBadInputsGiveOneLineErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	blank := filepath.Join(dir, "blank.txt")
	os.WriteFile(blank, []byte(" \n\t\n"), 0o644)
	emptyDir := filepath.Join(dir, "nodocs")
	os.Mkdir(emptyDir, 0o755)
	cases := []struct{ arg, want string }{
		{"/bin/ls", "/bin/ls: binary file"},
		{filepath.Join(dir, "missing.txt"), "missing.txt: no such file or directory"},
		{emptyDir, "nodocs: no documents"},
		{empty, "empty.txt: empty file"},
		{blank, "blank.txt: no text"},
	}
	for _, c := range cases {
		for _, cmd := range []string{"segment", "extract"} {
			code, _, stderr := runCLI(t, "", cmd, c.arg)
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if code != 1 || len(lines) != 1 || !strings.Contains(lines[0], c.want) {
				t.Errorf("%s %s: exit %d, stderr %q; want exit 1 and one line with %q", cmd, c.arg, code, stderr, c.want)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("%s %s: stack trace on stderr", cmd, c.arg)
			}
		}
	}
	// A run goes on past a bad file and still reports the good one, in
	// sorted path order (../../testdata… before /bin/ls).
	code, out, _ := runCLI(t, "", "extract", "--format", "jsonl", "/bin/ls", corpusFile(t, "003"))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[1], `"error":"binary file`) || !strings.Contains(lines[0], `"targets":[{`) {
		t.Fatalf("exit %d, output %.300q", code, out)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "xml", corpusFile(t, "000")},
		{"extract"},
		{"nosuchcommand"},
		{"segment", "--bogus", "x"},
		{"eval", corpusFile(t, "000")},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", args, code, stderr)
		}
	}
}

func TestExtractReadsStandardInput(t *testing.T) {
	text, _ := os.ReadFile(corpusFile(t, "000"))
	code, out, _ := runCLI(t, string(text), "extract", "--format", "jsonl", "-")
	if code != 0 || !strings.Contains(out, `"file":"-"`) || !strings.Contains(out, `"value":4.5`) {
		t.Fatalf("exit %d, output %.200q", code, out)
	}
}

// The README's main command: 001's 25 table rows and its prose targets.
func TestExtractMainCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "extract", corpusFile(t, "001"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Title   string `json:"title"`
		Region  struct{ City, Code string }
		Targets []struct {
			Attribute string `json:"attribute"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, tg := range doc.Targets {
		if tg.Attribute != "" {
			rows++
		}
	}
	if rows != 25 || len(doc.Targets) < 150 {
		t.Fatalf("%d table rows of %d targets; want 25 of at least 150", rows, len(doc.Targets))
	}
	if doc.Title != "安康市“十四五”卫生健康事业发展规划" || doc.Region.City != "安康市" || doc.Region.Code != "610900" {
		t.Fatalf("title %q region %+v", doc.Title, doc.Region)
	}
}

func TestExtractCSVHasBOMAndRecordColumn(t *testing.T) {
	code, out, _ := runCLI(t, "", "extract", "--format", "csv", corpusFile(t, "002"))
	if code != 0 || !strings.HasPrefix(out, "\uFEFF") || !strings.Contains(strings.SplitN(out, "\n", 2)[0], "record") {
		t.Fatalf("exit %d, head %.120q", code, out)
	}
	_, noBOM, _ := runCLI(t, "", "extract", "--format", "csv", "--no-bom", corpusFile(t, "002"))
	if strings.HasPrefix(noBOM, "\uFEFF") {
		t.Fatal("--no-bom kept the BOM")
	}
}

func TestUserDictionaryExtendsBodies(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "n.txt")
	os.WriteFile(doc, []byte("加快建设智慧医院平台。(责任单位:市大数据局)\n"), 0o644)
	user := filepath.Join(dir, "my.txt")
	os.WriteFile(user, []byte("[bodies]\n市大数据管理局\t市大数据局\n"), 0o644)
	code, out, stderr := runCLI(t, "", "extract", "--format", "jsonl", "--dict", user, doc)
	if code != 0 || !strings.Contains(out, `"canonical":["市大数据管理局"]`) {
		t.Fatalf("exit %d %s, output %.400q", code, stderr, out)
	}
	if code, _, _ := runCLI(t, "", "extract", "--dict", filepath.Join(dir, "none.txt"), doc); code != 2 {
		t.Fatalf("a missing --dict file gave exit %d, want 2", code)
	}
}

func TestEvalScoresCorpus(t *testing.T) {
	code, out, _ := runCLI(t, "", "eval", "--gold", "../../testdata/gold", corpus+"003_1291eae2c3d8fdfd.txt")
	if code != 0 || !strings.Contains(out, "target") || !strings.Contains(out, "record") {
		t.Fatalf("exit %d, output %q", code, out)
	}
}

// version and --version print the same line, naming the schema.
func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.Contains(out, record.Schema) {
		t.Fatalf("exit %d, %q", code, out)
	}
	if code, flag, stderr := runCLI(t, "", "--version"); code != 0 || flag != out {
		t.Errorf("--version: exit %d, %q %s; want %q", code, flag, stderr, out)
	}
}

// A usage error names the help of the command that was run.
func TestUsageErrorNamesCommandHelp(t *testing.T) {
	for _, c := range []struct {
		args []string
		help string
	}{
		{[]string{"extract", "--bogus", corpusFile(t, "000")}, "(see cnplan extract --help)"},
		{[]string{"compare"}, "(see cnplan compare --help)"},
		{[]string{"diff", "a.txt"}, "(see cnplan diff --help)"},
		{[]string{"extract", "-o", "out.html", corpusFile(t, "000")}, "(see cnplan extract --help)"},
		{[]string{"schema", "--sql", "x; drop"}, "(see cnplan schema --help)"},
		{[]string{"nosuchcommand"}, "(see cnplan --help)"},
	} {
		code, _, stderr := runCLI(t, "", c.args...)
		if code != exitUsage || !strings.HasSuffix(strings.TrimSpace(stderr), c.help) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 ending %q", c.args, code, stderr, c.help)
		}
	}
}

// Every command's help has examples for pandas, DuckDB and Excel.
func TestHelpShowsDataToolExamples(t *testing.T) {
	for _, cmd := range []string{"extract", "compare", "diff"} {
		_, out, _ := runCLI(t, "", cmd, "--help")
		for _, want := range []string{"pandas:", "DuckDB:", "Excel:"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s --help lacks %q", cmd, want)
			}
		}
	}
	if _, out, _ := runCLI(t, "", "extract", "--help"); !strings.Contains(out, "read_json_auto('records.jsonl')") {
		t.Error("extract --help lacks the DuckDB read_json_auto example")
	}
}

// -o picks the format from its extension, in every command.
func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	doc := corpusFile(t, "002")
	read := func(name string, args ...string) []byte {
		t.Helper()
		path := filepath.Join(dir, name)
		if code, out, stderr := runCLI(t, "", append(append(args, "-o", path), doc)...); code != 0 || out != "" {
			t.Fatalf("%q -o %s: exit %d, %s %s", args, name, code, out, stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	if data := read("out.csv", "extract"); !bytes.HasPrefix(data, []byte("\uFEFFrecord,file,title,")) {
		t.Errorf("extract -o out.csv: %.60q", data)
	}
	if data := read("out.jsonl", "extract"); bytes.Count(data, []byte("\n")) != 1 || data[0] != '{' {
		t.Errorf("extract -o out.jsonl: not one line: %.60q", data)
	}
	if data := read("records.jsonl", "extract", "--records"); bytes.Count(data, []byte("\n")) < 10 {
		t.Errorf("extract --records -o records.jsonl: %d lines", bytes.Count(data, []byte("\n")))
	}
	if data := read("out.json", "extract"); !bytes.HasPrefix(data, []byte("{\n  \"schema\"")) {
		t.Errorf("extract -o out.json: %.60q", data)
	}
	if data := read("out.xlsx", "extract"); !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("extract -o out.xlsx: not a zip: %.10q", data)
	}
	if data := read("figures.csv", "compare"); !bytes.Contains(data, []byte("indicator_key,indicator,document,region")) {
		t.Errorf("compare -o figures.csv: %.80q", data)
	}
	// --format wins over the extension.
	if data := read("table.csv", "extract", "--format", "table"); bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Errorf("--format table -o table.csv wrote CSV")
	}
}

// A saved government web page in GB2312 (written for this test in the shape
// of a county site's notice page: breadcrumbs, share links, print/close
// links, a copyright footer): decoded, cleaned, and extracted end to end.
func TestSavedWebPageEndToEnd(t *testing.T) {
	code, out, stderr := runCLI(t, "", "extract", "--format", "jsonl", "../../testdata/synthetic/county_notice_gb2312.html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Encoding, Format, Title, Published string
		Region                             struct{ County, Code string }
		Cleaning                           struct {
			Dropped int `json:"dropped_lines"`
		}
		Targets []struct {
			Indicator string
			Value     float64
			Unit      string
			Units     []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "gb18030" || doc.Format != "html" || doc.Title != "宁陕县卫生健康事业发展“十四五”规划" ||
		doc.Published != "2022-03-08" || doc.Region.County != "宁陕县" || doc.Region.Code != "610923" || doc.Cleaning.Dropped != 4 {
		t.Fatalf("document %+v", doc)
	}
	if len(doc.Targets) != 3 || doc.Targets[1].Value != 12 || doc.Targets[1].Unit != "/10万" ||
		strings.Join(doc.Targets[2].Units, "、") != "县卫生健康局、县财政局" {
		t.Fatalf("targets %+v", doc.Targets)
	}
}

// cnplan schema prints the committed schema file; --sql the records table.
func TestSchemaCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "schema")
	file, err := os.ReadFile("../../pkg/schema/cnplan.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || out != string(file) {
		t.Fatalf("exit %d; output is not pkg/schema/cnplan.schema.json", code)
	}
	var doc struct {
		Schema string `json:"$schema"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Title != record.Schema ||
		doc.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("schema %+v (%v)", doc, err)
	}
	_, sql, _ := runCLI(t, "", "schema", "--sql", "records")
	for _, want := range []string{"CREATE TABLE records (", "  value REAL,", "  year INTEGER,", "  region_code TEXT,"} {
		if !strings.Contains(sql, want) {
			t.Errorf("--sql lacks %q:\n%s", want, sql)
		}
	}
}
