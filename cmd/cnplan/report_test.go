package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/report"
)

var reportData = regexp.MustCompile(`(?s)<script type="application/json" id="cnplan-data">(.*?)</script>`)

func reportOf(t *testing.T, page string) report.Data {
	t.Helper()
	m := reportData.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no cnplan-data block in the page")
	}
	var d report.Data
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// report over documents and over extract's output gives the same page;
// an input that fails is listed in the page and the exit status is 1.
func TestReportCommand(t *testing.T) {
	docs := []string{corpusFile(t, "000"), corpusFile(t, "001")}
	dir := t.TempDir()
	page := filepath.Join(dir, "r.html")
	if code, _, errOut := runCLI(t, "", append([]string{"report", "-o", page}, docs...)...); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	fromDocs, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	d := reportOf(t, string(fromDocs))
	if len(d.Documents) != 2 || d.Documents[1].Label != "安康市 2021–2025" || len(d.Indicators) != 1 ||
		d.Indicators[0].Key != "每千人口3岁以下婴幼儿托位" {
		t.Errorf("report of 000 and 001: documents %+v, indicators %+v", d.Documents, d.Indicators)
	}

	code, jsonl, _ := runCLI(t, "", append([]string{"extract", "--format", "jsonl"}, docs...)...)
	if code != 0 {
		t.Fatalf("extract: exit %d", code)
	}
	extracted := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(extracted, []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	code, fromJSONL, errOut := runCLI(t, "", "report", extracted)
	if code != 0 || fromJSONL != string(fromDocs) {
		t.Errorf("report of extract's output: exit %d (%s), same page as from the documents: %v", code, errOut, fromJSONL == string(fromDocs))
	}

	// compare's JSON matrix: its columns' targets, no deadlines.
	matrix := filepath.Join(dir, "matrix.json")
	if code, _, errOut := runCLI(t, "", append([]string{"compare", "--format", "json", "-o", matrix}, docs...)...); code != 0 {
		t.Fatalf("compare: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "report", matrix)
	if m := reportOf(t, out); code != 0 || len(m.Documents) != 2 || m.Documents[1].File != docs[1] || len(m.Indicators) != 1 ||
		len(m.Indicators[0].Groups[0].Points) != 2 || len(m.Timelines) != 0 {
		t.Errorf("report of compare's matrix: exit %d (%s): documents %+v, indicators %+v", code, errOut, m.Documents, m.Indicators)
	}

	missing := filepath.Join(dir, "missing.txt")
	code, out, errOut = runCLI(t, "", "report", "--min-docs", "1", "--indicator", "托位", docs[0], missing)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("a missing input: exit %d, stderr %q", code, errOut)
	}
	d = reportOf(t, out)
	if len(d.Errors) != 1 || d.Errors[0].File != missing || len(d.Documents) != 1 ||
		len(d.Indicators) != 1 || !strings.Contains(d.Indicators[0].Key, "托位") {
		t.Errorf("errors %+v, documents %d, indicators %+v", d.Errors, len(d.Documents), d.Indicators)
	}
	// Nothing readable: no page, one line on stderr.
	if code, out, errOut := runCLI(t, "", "report", missing); code != 1 || out != "" || strings.Count(errOut, "\n") != 1 {
		t.Errorf("only a missing input: exit %d, %d bytes out, stderr %q", code, len(out), errOut)
	}
}
