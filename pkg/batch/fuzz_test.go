package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/record"
)

// FuzzExtract runs the whole pipeline (decode, clean, normalise, extract)
// on arbitrary bytes, without the recover that guards a batch run: no
// panic, every record's span inside the decoded text, every range's value
// at most its value_max. Seeds are the openings and a middle of each corpus
// document, plus testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		rs := []rune(string(data))
		f.Add("a.txt", []byte(string(rs[:min(len(rs), 400)])))
		mid := len(rs) / 2
		f.Add("a.txt", []byte(string(rs[mid:min(len(rs), mid+400)])))
	}
	for _, s := range []string{
		"到2025年,每千人口医疗卫生机构床位数达到6.8张以上,孕产妇死亡率控制在9.39/10万以下。",
		"指标\t2020年\t2025年\t属性\n人均预期寿命(岁)\t78.3\t79.3\t预期性\n",
		"(责任单位:市卫生健康委、市发展改革委)\n2021年底前完成。",
		"覆盖率达到60%—80%,增长10-20个百分点。",
		"<html><body><table><tr><td>到2025年</td><td>95%</td></tr></table></body></html>",
	} {
		f.Add("a.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.EqualFold(filepath.Ext(name), ".pdf") || bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Skip("PDF readers are fuzzed on their own (pkg/decode)")
		}
		d, err := document.FromBytes(name, data, document.Options{})
		if err != nil {
			return
		}
		checkRecords(t, extract.Extract(d), utf8.RuneCountInString(d.Original))
	})
}

func checkRecords(t *testing.T, doc record.Document, n int) {
	t.Helper()
	span := func(what string, s record.Source) {
		if s.Span[0] < 0 || s.Span[0] > s.Span[1] || s.Span[1] > n || s.Line < 1 {
			t.Errorf("%s: line %d span %v outside the text of %d runes", what, s.Line, s.Span, n)
		}
	}
	for _, tg := range doc.Targets {
		span("target "+tg.Text, tg.Source)
		if tg.ValueMax != nil && tg.Value > *tg.ValueMax {
			t.Errorf("target %q: value %v > value_max %v", tg.Text, tg.Value, *tg.ValueMax)
		}
	}
	for _, d := range doc.Deadlines {
		span("deadline "+d.Text, d.Source)
	}
	for _, u := range doc.Units {
		span("unit "+u.Text, u.Source)
	}
}

// FuzzExtractLine runs --stdin-jsonl's reading of one line: any bytes give
// one object, named, that encodes as JSON (no Inf or NaN), with its spans
// inside its text.
func FuzzExtractLine(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"到2025年,每千人口医疗卫生机构床位数达到6.8张以上。"}`))
	f.Add([]byte(`{"id":7,"text":"%PDF-1.4 到2025年，覆盖率达到95%。"}`))
	f.Add([]byte(`{"id":null,"text":"<html><body><p>到2025年</p></body></html>"}`))
	f.Add([]byte(`{"text":"床位数达到1` + strings.Repeat("0", 400) + `张"}`))
	f.Add([]byte(`{"id":"x"}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, line []byte) {
		r := ExtractLine(context.Background(), Line{N: 1, Data: line}, document.Options{})
		if r.Doc.File == "" || (r.Err == nil) != (r.Doc.Error == "") {
			t.Fatalf("file %q, err %v, error field %q", r.Doc.File, r.Err, r.Doc.Error)
		}
		if _, err := json.Marshal(r.Doc); err != nil {
			t.Fatalf("output does not encode: %v", err)
		}
		if r.Err == nil {
			var rec struct{ Text string }
			json.Unmarshal(line, &rec)
			checkRecords(t, r.Doc, utf8.RuneCountInString(rec.Text))
		}
	})
}
