package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/diff"
)

// The three edits of the "done when", made to 002's text: one
// target's value (县城就诊率 90% → 95%), one target sentence removed
// (建设20个市级区域医疗中心), one body added to a (责任单位:…) clause.
var diffEdits = []struct{ old, new string }{
	{"县城就诊率达到90%以上", "县城就诊率达到95%以上"},
	{"建设20个市级区域医疗中心。", ""},
	{"(责任单位:市发展改革委、市卫生健康委、信阳职业技术学院)", "(责任单位:市发展改革委、市卫生健康委、市医疗保障局、信阳职业技术学院)"},
}

func editedCopy(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, e := range diffEdits {
		if strings.Count(text, e.old) != 1 {
			t.Fatalf("%q is not in %s once", e.old, path)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	copyPath := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(copyPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return copyPath
}

func TestDiffThreeEdits(t *testing.T) {
	old := cmpCorpus(t, "002")
	code, out, errOut := cmpRun(t, "", "diff", "--format", "json", old, editedCopy(t, old))
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	var r diff.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Count != 3 {
		t.Errorf("%d differences, want 3:\n%s", r.Count, out)
	}
	if c := r.Targets.Changed; len(c) != 1 || !reflect.DeepEqual(c[0].Fields, []diff.Field{{Name: "value", Old: "90", New: "95"}}) ||
		!strings.Contains(c[0].New.Text, "县城就诊率") {
		t.Errorf("changed targets %+v", c)
	}
	if rm := r.Targets.Removed; len(rm) != 1 || rm[0].Value != 20 || !strings.Contains(rm[0].Indicator, "市级区域医疗中心") {
		t.Errorf("removed targets %+v", rm)
	}
	if u := r.Units.Changed; len(u) != 1 || !reflect.DeepEqual(u[0].Added, []string{"市医疗保障局"}) || len(u[0].Removed) != 0 {
		t.Errorf("unit changes %+v", u)
	}

	// The table says the same, and counts.
	code, out, _ = cmpRun(t, "", "diff", old, editedCopy(t, old))
	if code != 1 || !strings.Contains(out, "3 differences: targets 1 removed, 1 changed; units 1 changed") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
}

func TestDiffSame(t *testing.T) {
	doc := cmpCorpus(t, "002")
	code, out, errOut := cmpRun(t, "", "diff", doc, doc)
	if code != 0 || !strings.HasSuffix(out, "no differences\n") || errOut != "" {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	// A document against its own extract output.
	jsonl := filepath.Join(t.TempDir(), "002.jsonl")
	if code, _, errOut := cmpRun(t, "", "extract", "--format", "jsonl", "-o", jsonl, doc); code != 0 {
		t.Fatalf("extract: %s", errOut)
	}
	if code, out, errOut := cmpRun(t, "", "diff", jsonl, doc); code != 0 {
		t.Errorf("extract output against its document: exit %d\n%s%s", code, out, errOut)
	}
}

func TestDiffCSV(t *testing.T) {
	old := cmpCorpus(t, "002")
	code, out, _ := cmpRun(t, "", "diff", "--format", "csv", old, editedCopy(t, old))
	if code != 1 || !strings.HasPrefix(out, "\uFEFF") {
		t.Fatalf("exit %d, BOM %v", code, strings.HasPrefix(out, "\uFEFF"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var changes []string
	for _, r := range rows[1:] {
		changes = append(changes, r[0]+" "+r[1])
	}
	if want := []string{"changed target", "removed target", "changed unit"}; !reflect.DeepEqual(changes, want) {
		t.Errorf("rows %q, want %q", changes, want)
	}
}

// Trouble exits 2, with one line on stderr: 1 would read as "differs".
func TestDiffTrouble(t *testing.T) {
	doc := cmpCorpus(t, "002")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"diff", doc, "missing.txt"}, "missing.txt"},
		{[]string{"diff", cmpFixture, doc}, "holds 5 documents"},
		{[]string{"diff", doc, "../../testdata/corpus"}, "holds 9 documents"},
		{[]string{"diff", doc}, "accepts 2 arg"},
		{[]string{"diff", "--format", "xlsx", doc, doc}, "--format"},
	} {
		code, _, errOut := cmpRun(t, "", tc.args...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line with %q", tc.args, code, errOut, tc.msg)
		}
	}
}
