package batch

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/input"
	"github.com/cnplan/cnplan/pkg/record"
)

const sentence = "到2025年，全市儿童健康管理率达到95%以上。"

func TestLines(t *testing.T) {
	var err error
	var got []Line
	for l := range Lines(strings.NewReader("a\r\nb\n\n c \nlast"), 0, &err) {
		got = append(got, l)
	}
	want := []Line{{N: 1, Data: []byte("a")}, {N: 2, Data: []byte("b")}, {N: 3, Data: []byte("")}, {N: 4, Data: []byte(" c ")}, {N: 5, Data: []byte("last")}}
	if err != nil || len(got) != len(want) {
		t.Fatalf("%v %d lines", err, len(got))
	}
	for i := range want {
		if got[i].N != want[i].N || string(got[i].Data) != string(want[i].Data) {
			t.Errorf("line %d: %d %q", i, got[i].N, got[i].Data)
		}
	}
	// A line past the limit is skipped whole, with its error, and the
	// next line is read; one at the limit is taken.
	got = nil
	long := strings.Repeat("x", 100<<10)
	for l := range Lines(strings.NewReader("ok\n"+long+"\n"+long[:10]+"\nend"), 10, &err) {
		got = append(got, l)
	}
	if err != nil || len(got) != 4 || got[1].Err == nil || got[1].Data != nil || got[1].Size != 100<<10+1 ||
		got[2].Err != nil || string(got[2].Data) != long[:10] || string(got[3].Data) != "end" {
		t.Fatalf("%v %+v", err, got)
	}
	if r := ExtractLine(context.Background(), got[1], document.Options{}); r.Doc.Error != "larger than the --max-size limit of 10 bytes" || r.Doc.File != "line 2" {
		t.Errorf("%+v", r.Doc)
	}
	// A reading error ends the lines and is kept.
	r := &failingReader{data: "x\ny\n"}
	n := 0
	for range Lines(r, 0, &err) {
		n++
	}
	if n != 2 || !errors.Is(err, errBroken) {
		t.Errorf("%d lines, err %v", n, err)
	}
}

var errBroken = errors.New("broken pipe")

type failingReader struct{ data string }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errBroken
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// Each JSON line gives its document named by its id, or an error object;
// never nothing.
func TestExtractLine(t *testing.T) {
	ok := func(id string) func(*testing.T, Result) {
		return func(t *testing.T, r Result) {
			if r.Err != nil || r.Doc.File != id || len(r.Doc.Targets) != 1 || r.Doc.Targets[0].Value != 95 {
				t.Errorf("err %v, doc %+v", r.Err, r.Doc)
			}
		}
	}
	failed := func(file, msg string) func(*testing.T, Result) {
		return func(t *testing.T, r Result) {
			if r.Err == nil || r.Doc.File != file || !strings.Contains(r.Doc.Error, msg) || r.Doc.Schema != record.Schema {
				t.Errorf("err %v, doc %+v; want an error object for %q with %q", r.Err, r.Doc, file, msg)
			}
			if !strings.HasPrefix(r.Err.Error(), file+": ") {
				t.Errorf("error %q does not name %q", r.Err, file)
			}
		}
	}
	for _, c := range []struct {
		line  string
		check func(*testing.T, Result)
	}{
		{`{"id":"a/notice-1.txt","text":"` + sentence + `"}`, ok("a/notice-1.txt")},
		{`{"id":42,"text":"` + sentence + `"}`, ok("42")},
		{`{"text":"` + sentence + `","url":"http://example.gov.cn"}`, ok("line 7")},
		{`{"id":"page.docx","text":"<html><body><p>` + sentence + `</p></body></html>"}`, ok("page.docx")},
		{`{"id":"x","text":"   \n"}`, failed("x", "no text")},
		{`{"id":"x","text":""}`, failed("x", "empty")},
		{`{"id":"x"}`, failed("x", `no "text" string`)},
		{`{"id":"x","text":5}`, failed("line 7", "not a JSON object")},
		{`到2025年`, failed("line 7", "not a JSON object")},
		{``, failed("line 7", "blank line")},
	} {
		t.Run(c.line, func(t *testing.T) {
			c.check(t, ExtractLine(context.Background(), Line{N: 7, Data: []byte(c.line)}, document.Options{}))
		})
	}
}

func TestExtractItem(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(sentence), 0o644)
	r := ExtractItem(context.Background(), input.Item{Path: good}, nil, document.Options{})
	if r.Err != nil || r.Bytes != int64(len(sentence)) || len(r.Doc.Targets) != 1 {
		t.Fatalf("%+v", r)
	}
	r = ExtractItem(context.Background(), input.Item{Path: "-"}, strings.NewReader(sentence), document.Options{})
	if r.Err != nil || r.Doc.File != "-" || len(r.Doc.Targets) != 1 {
		t.Fatalf("stdin: %+v", r)
	}
	// Listed, then gone before it was read.
	gone := filepath.Join(dir, "gone.txt")
	r = ExtractItem(context.Background(), input.Item{Path: gone}, nil, document.Options{})
	if r.Err == nil || r.Doc.Error != "no such file or directory" || r.Err.Error() != gone+": no such file or directory" {
		t.Fatalf("%+v", r)
	}
	// An item Expand already failed is not read.
	r = ExtractItem(context.Background(), input.Item{Path: dir, Err: input.ErrNoDocuments}, nil, document.Options{})
	if !errors.Is(r.Err, input.ErrNoDocuments) || r.Doc.Error != input.ErrNoDocuments.Error() {
		t.Fatalf("%+v", r)
	}
}

// A panic while extracting one input becomes its error object.
func TestRecoverAs(t *testing.T) {
	r := func() (r Result) {
		defer recoverAs("x.txt", &r)
		var m map[string]int
		m["boom"]++
		return Result{}
	}()
	if r.Err == nil || !strings.Contains(r.Doc.Error, "internal error") || strings.Contains(r.Doc.Error, "\n") || r.Doc.File != "x.txt" {
		t.Fatalf("%+v", r)
	}
}

func TestSummary(t *testing.T) {
	var s Summary
	for _, r := range []Result{{Bytes: 1_500_000}, {Bytes: 500_000}, Failed("x", errBroken)} {
		s.Add(r)
	}
	s.Elapsed = 2_000_000_000
	if got, want := s.String(), "3 files, 2 ok, 1 failed, 2.0 MB in 2.0 s (1.0 MB/s)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	one := Summary{Noun: "line", Files: 1, OK: 1}
	if got := one.String(); !strings.HasPrefix(got, "1 line, 1 ok") {
		t.Errorf("%q", got)
	}
}

// A document whose work never ends (a reader stuck in a loop that checks
// no context) still gives its error object: the worker is freed when the
// budget runs out.
func TestWithBudgetAbandonsStuckWork(t *testing.T) {
	stuck := make(chan struct{})
	defer close(stuck)
	r := withBudget(context.Background(), "stuck.pdf", time.Millisecond, func(context.Context) Result {
		<-stuck
		return Result{}
	})
	if r.Doc.File != "stuck.pdf" || r.Doc.Error != "not done within the --timeout limit of 1ms; skipped" {
		t.Fatalf("%+v", r.Doc)
	}
	// Work that ends within its budget gives its own result.
	r = withBudget(context.Background(), "a.txt", time.Hour, func(context.Context) Result { return Result{Bytes: 7} })
	if r.Err != nil || r.Bytes != 7 {
		t.Fatalf("%+v", r)
	}
}

// Values that overflow to ±Inf or NaN never reach the output: JSON has
// no such numbers, and one would end the whole stream.
func TestDropNonFinite(t *testing.T) {
	inf, one := math.Inf(1), 1.0
	doc := record.Document{Targets: []record.Target{{Value: 1}, {Value: inf}, {Value: 2, ValueMax: &inf}, {Value: math.NaN()}, {Value: 3, Baseline: &one}}}
	dropNonFinite(&doc)
	if len(doc.Targets) != 2 || doc.Targets[1].Value != 3 || len(doc.Warnings) != 1 || doc.Warnings[0] != "3 targets dropped: a value too large for a number" {
		t.Fatalf("%+v", doc)
	}
	if _, err := json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
}
