package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/record"
)

// original is a made-up plan excerpt. Its second sentence is broken
// across lines the way OCR breaks 002's "达标率不\n5、低于90%".
const original = "一、总体目标\n" +
	"到2025年,县域医疗中心达标率不\n5、低于90%,建成2-4个市级重点专科。\n" +
	"全市共有床位17658张,较2015年末增加4443张。\n" +
	"(责任单位:市发展改革委、市已生健康委)\n" +
	"(牵头单位:市卫健委;配合单位:市财政局)\n"

const goldLines = `{"type": "target", "kind": "target", "indicator": "县域医疗中心达标率", "value": 90, "unit": "%", "comparator": ">=", "year": 2025, "quote": "达标率不\n5、低于90%"}
{"type": "target", "kind": "target", "indicator": "市级重点专科", "value": 2, "value_max": 4, "unit": "个", "comparator": "range", "year": 2025, "quote": "建成2-4个市级重点专科"}

{"type": "target", "kind": "actual", "indicator": "床位", "value": 17658.0, "unit": "张", "comparator": "=", "year": 2020, "quote": "共有床位17658张"}
{"type": "target", "kind": "actual", "indicator": "床位较2015年末增加", "value": 4443, "unit": "张", "comparator": "=", "year": 2020, "quote": "较2015年末增加4443张"}
{"type": "deadline", "text": "到2025年", "date": "2025-12-31", "quote": "到2025年,县域"}
{"type": "unit", "units": ["市发展改革委", "市已生健康委"], "canonical": ["市发展改革委", "市卫生健康委"], "role": "responsible", "quote": "(责任单位:市发展改革委、市已生健康委)"}
{"type": "unit", "units": ["市卫健委"], "canonical": ["市卫生健康委"], "role": "lead", "quote": "(牵头单位:市卫健委"}
{"type": "unit", "units": ["市财政局"], "canonical": ["市财政局"], "role": "support", "quote": "配合单位:市财政局)"}
`

// src locates the first occurrence of sub in original, as the extractor
// would report it.
func src(t *testing.T, sub string) record.Source {
	t.Helper()
	i := strings.Index(original, sub)
	if i < 0 {
		t.Fatalf("%q not in original", sub)
	}
	start := utf8.RuneCountInString(original[:i])
	return record.Source{
		Line: 1 + strings.Count(original[:i], "\n"),
		Span: [2]int{start, start + utf8.RuneCountInString(sub)},
	}
}

func fp(v float64) *float64 { return &v }
func ip(v int) *int         { return &v }

// canon folds the aliases of the health commission, as bodies.Canonical
// would: 市卫健委 = 市卫生健康委 = 市卫生健康委员会.
func canon(s string) string {
	switch s {
	case "市卫健委", "市卫生健康委":
		return "市卫生健康委员会"
	}
	return s
}

func writeGold(t *testing.T, content string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.txt.jsonl")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func prediction(t *testing.T) record.Document {
	return record.Document{
		Schema: record.Schema,
		File:   "doc.txt",
		Targets: []record.Target{
			// Matches gold 1 across its line break; indicator contained
			// in the gold one: right as a record.
			{Indicator: "达标率", Value: 90, Unit: "%", Comparator: ">=", Kind: "target", Year: ip(2025),
				Source: src(t, "低于90%")},
			// The range read as a plain 2: no match (value_max differs).
			{Indicator: "市级重点专科", Value: 2, Unit: "个", Comparator: "=", Kind: "target", Year: ip(2025),
				Source: src(t, "2-4个")},
			// Matches gold 3 (17658 = 17658.0) but has no year.
			{Indicator: "床位", Value: 17658, Unit: "张", Comparator: "=", Kind: "actual",
				Source: src(t, "床位17658张")},
			// Two predictions of 4443 over gold 4: the one overlapping
			// more (11 runes, unit missing) wins, the other (5 runes) is
			// an extra.
			{Indicator: "增加", Value: 4443, Unit: "张", Comparator: "=", Kind: "actual", Year: ip(2020),
				Source: src(t, "4443张")},
			{Indicator: "床位较2015年末增加", Value: 4443, Comparator: "=", Kind: "actual", Year: ip(2020),
				Source: src(t, "较2015年末增加4443")},
			// A year read as a figure: overlaps gold 4, wrong value.
			{Indicator: "年末", Value: 2015, Unit: "年", Comparator: "=", Kind: "actual",
				Source: src(t, "2015年末")},
		},
		Deadlines: []record.Deadline{
			{Text: "到2025年", Date: "2025-12-31", Source: src(t, "到2025年")},
			{Text: "2015年末", Date: "2015-12-31", Source: src(t, "2015年末")},
		},
		Units: []record.Unit{
			// 市财政局 here overlaps only the responsible clause, whose
			// gold lacks it: an extra, although 市财政局 is gold elsewhere.
			{Units: []string{"市发展改革委", "市已生健康委", "市财政局"},
				Canonical: []string{"市发展改革委", "市卫生健康委员会", "市财政局"},
				Role:      "responsible", Source: src(t, "(责任单位:市发展改革委、市已生健康委)")},
			{Units: []string{"市卫健委"}, Canonical: []string{"市卫健委"}, Role: "lead",
				Source: src(t, "(牵头单位:市卫健委")},
			{Units: []string{"市财政局", "市税务局"}, Canonical: []string{"市财政局", "市税务局"}, Role: "support",
				Source: src(t, "配合单位:市财政局")},
		},
	}
}

func TestScore(t *testing.T) {
	gold, err := LoadGold(writeGold(t, goldLines))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 8 {
		t.Fatalf("%d gold records, want 8 (blank line skipped)", len(gold))
	}
	r := Score(prediction(t), original, gold, canon)

	check := func(name string, got, want Counts) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
	check("targets", r.Targets, Counts{Gold: 4, Predicted: 6, Matched: 3})
	check("deadlines", r.Deadlines, Counts{Gold: 1, Predicted: 2, Matched: 1})
	check("units", r.Units, Counts{Gold: 4, Predicted: 6, Matched: 4})
	check("records", r.Records, Counts{Gold: 4, Predicted: 6, Matched: 1})
	if want := (Attributes{Matched: 3, Unit: 2, Comparator: 3, Year: 2, Kind: 3}); r.Attributes != want {
		t.Errorf("attributes %+v, want %+v", r.Attributes, want)
	}
	if r.Targets.TP() != 3 || r.Targets.FP() != 3 || r.Targets.FN() != 1 {
		t.Errorf("TP/FP/FN %d/%d/%d", r.Targets.TP(), r.Targets.FP(), r.Targets.FN())
	}

	if len(r.Misses) != 1 || r.Misses[0].Text != "建成2-4个市级重点专科" || r.Misses[0].Line != 3 {
		t.Errorf("misses %+v", r.Misses)
	}
	var extras []string
	for _, e := range r.Extras {
		extras = append(extras, e.Type+":"+e.Text)
	}
	wantExtras := []string{"target:2-4个", "target:4443张", "target:2015年末", "deadline:2015年末",
		"unit:(责任单位:市发展改革委、市已生健康委)", "unit:配合单位:市财政局"}
	if strings.Join(extras, "|") != strings.Join(wantExtras, "|") {
		t.Errorf("extras\n%v\nwant\n%v", extras, wantExtras)
	}
	if len(r.Wrong) != 2 || !strings.Contains(r.Wrong[0].Detail, "year none want 2020") ||
		!strings.Contains(r.Wrong[1].Detail, `unit "" want "张"`) {
		t.Errorf("wrong %+v", r.Wrong)
	}
}

func TestScoreWithoutCanon(t *testing.T) {
	gold, err := LoadGold(writeGold(t, goldLines))
	if err != nil {
		t.Fatal(err)
	}
	// Without the alias map 市卫健委 is not 市卫生健康委; 市卫生健康委员会
	// still is, by the format's own fold (委员会 = 委).
	r := Score(prediction(t), original, gold, nil)
	if want := (Counts{Gold: 4, Predicted: 6, Matched: 3}); r.Units != want {
		t.Errorf("units %+v, want %+v", r.Units, want)
	}
}

func TestErrorDocumentMissesAll(t *testing.T) {
	gold, _ := LoadGold(writeGold(t, goldLines))
	r := Score(record.Document{File: "doc.txt", Error: "unreadable"}, original, gold, canon)
	if r.Targets.Matched+r.Deadlines.Matched+r.Units.Matched != 0 || len(r.Misses) != 4+1+4 {
		t.Errorf("%+v", r)
	}
	if r.Targets.F1() != 0 || r.Targets.Precision() != 0 {
		t.Errorf("F1 %v P %v, want 0", r.Targets.F1(), r.Targets.Precision())
	}
}

func TestLocate(t *testing.T) {
	for _, c := range []struct {
		text, quote string
		want        span
		line        int
		found       bool
	}{
		{"甲乙\n丙丁", "乙\n丙", span{1, 4}, 1, true},
		// A quote with a line break in a document with CR LF line ends.
		{"一\r\n甲乙\r\n丙丁", "乙\n丙", span{4, 8}, 2, true},
		// The first occurrence counts.
		{"90%\n达到90%", "90%", span{0, 3}, 1, true},
		{"甲乙", "丙", span{}, 0, false},
	} {
		sp, line, found := locate(c.text, c.quote)
		if sp != c.want || line != c.line || found != c.found {
			t.Errorf("locate(%q, %q) = %v %d %v, want %v %d %v", c.text, c.quote, sp, line, found, c.want, c.line, c.found)
		}
	}
}

func TestQuoteNotFound(t *testing.T) {
	gold, err := LoadGold(writeGold(t,
		`{"type": "target", "kind": "target", "indicator": "x", "value": 1, "unit": "个", "comparator": "=", "quote": "不在文中"}`))
	if err != nil {
		t.Fatal(err)
	}
	doc := record.Document{File: "doc.txt", Targets: []record.Target{{Value: 1, Source: record.Source{Line: 1, Span: [2]int{0, 100}}}}}
	r := Score(doc, original, gold, nil)
	if r.Targets != (Counts{Gold: 1, Predicted: 1}) || len(r.Misses) != 1 || !strings.Contains(r.Misses[0].Detail, "quote not found") {
		t.Errorf("%+v", r)
	}
}

func TestSameFloat(t *testing.T) {
	if !sameFloat(3.0, 3) || !sameFloat(0.1+0.2, 0.3) || !sameFloat(1264.2, 12642.0/10) {
		t.Error("equal figures differ")
	}
	if sameFloat(94.6, 94.61) || sameFloat(2, 20) {
		t.Error("different figures equal")
	}
}

func TestIndicatorAgrees(t *testing.T) {
	for _, c := range []struct {
		pred, gold string
		want       bool
	}{
		{"县域内就诊率", "县域内就诊率", true},
		{"每千人口医疗卫生机构床位数(张)", "每千人口医疗卫生机构床位数", true},
		{"床位", "医疗卫生机构床位数", true},
		{"執業(助理)醫師", "執業(助理)醫師", true}, // width-folded
		{"执业医师", "注册护士", false},
		{"", "注册护士", false},
	} {
		if got := indicatorAgrees(c.pred, c.gold); got != c.want {
			t.Errorf("indicatorAgrees(%q, %q) = %v", c.pred, c.gold, got)
		}
	}
}

func TestLoadGoldRejects(t *testing.T) {
	for _, bad := range []string{
		`{"type": "target", "value": 1, "quote": "q", "valeu_max": 2}`, // misspelt key
		`{"type": "target", "quote": "q"}`,                             // no value
		`{"type": "deadline", "text": "今年", "quote": "q"}`,             // no date
		`{"type": "unit", "units": ["a", "b"], "canonical": ["a"], "quote": "q"}`,
		`{"type": "table", "quote": "q"}`,
		`{"type": "target", "value": 1}`, // no quote
		`{"type": "target", "value": 1, "quote": "q"`,
	} {
		if _, err := LoadGold(writeGold(t, bad)); err == nil {
			t.Errorf("accepted %s", bad)
		} else if !strings.Contains(err.Error(), ":1:") {
			t.Errorf("error %q does not name the line", err)
		}
	}
}

func TestGoldFor(t *testing.T) {
	path := writeGold(t, goldLines)
	dir := filepath.Dir(path)
	if got, ok := GoldFor(dir, "/some/where/doc.txt"); !ok || got != path {
		t.Errorf("GoldFor = %q %v, want %q true", got, ok, path)
	}
	if _, ok := GoldFor(dir, "other.txt"); ok {
		t.Error("found gold for other.txt")
	}
}

func TestAddAndWrite(t *testing.T) {
	gold, _ := LoadGold(writeGold(t, goldLines))
	one := Score(prediction(t), original, gold, canon)
	var sum Report
	sum.Add(one)
	sum.Add(one)
	if sum.Documents != 2 || sum.Targets != (Counts{8, 12, 6}) || sum.Records.Matched != 2 ||
		sum.Attributes.Year != 4 || len(sum.Extras) != 2*len(one.Extras) {
		t.Errorf("sum %+v", sum)
	}

	var buf bytes.Buffer
	if err := sum.Write(&buf, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"type      gold  predicted  matched  P      R      F1\n",
		"target    8     12         6        0.500  0.750  0.600\n",
		"deadline  2     4          2        0.500  1.000  0.667\n",
		"unit      8     12         8        0.667  1.000  0.800\n",
		"year        4/6  0.667\n",
		"record  8     12         2        0.167  0.250  0.200\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "missed") {
		t.Error("lists without verbose")
	}

	buf.Reset()
	if err := one.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out = buf.String()
	for _, want := range []string{
		"missed (gold not found): 1\n  doc.txt:3  target  «建成2-4个市级重点专科»  2..4个 range 2025 target 市级重点专科\n",
		"  doc.txt:4  target  «4443张»  4443张 = 2020 actual 增加\n",
		"  doc.txt:4  target  «共有床位17658张»  year none want 2020\n",
		"  doc.txt:6  unit  «配合单位:市财政局»  市税务局 (support)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("verbose output lacks %q:\n%s", want, out)
		}
	}
}

func TestWriteEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := (Report{}).Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "target    0     0          0        -  -  -") {
		t.Errorf("undefined scores not shown as -:\n%s", buf.String())
	}
}

// The project's gold files load, every quote is in its document, and an
// extraction that says exactly what the gold says scores 1 everywhere.
func TestProjectGold(t *testing.T) {
	const goldDir, corpusDir = "../../testdata/gold", "../../testdata/corpus"
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.jsonl"))
	if len(files) == 0 {
		t.Skip("no gold files")
	}
	for _, path := range files {
		gold, err := LoadGold(path)
		if err != nil {
			t.Error(err)
			continue
		}
		docFile := strings.TrimSuffix(filepath.Base(path), ".jsonl")
		if p, ok := GoldFor(goldDir, docFile); !ok || p != path {
			t.Errorf("GoldFor(%s) = %s %v", docFile, p, ok)
		}
		raw, err := os.ReadFile(filepath.Join(corpusDir, docFile))
		if err != nil || !utf8.Valid(raw) {
			continue // undecoded documents are the decoder's business
		}
		text := string(raw)
		doc := record.Document{File: docFile}
		for _, g := range gold {
			sp, line, found := locate(text, g.Quote)
			if !found {
				t.Errorf("%s: quote %q not in the document", path, g.Quote)
				continue
			}
			s := record.Source{Line: line, Span: [2]int(sp)}
			switch g.Type {
			case record.TypeTarget:
				doc.Targets = append(doc.Targets, record.Target{Indicator: g.Indicator, Value: *g.Value,
					ValueMax: g.ValueMax, Unit: g.Unit, Comparator: g.Comparator, Kind: g.Kind, Year: g.Year, Source: s})
			case record.TypeDeadline:
				doc.Deadlines = append(doc.Deadlines, record.Deadline{Text: g.Text, Date: g.Date, Source: s})
			case record.TypeUnit:
				doc.Units = append(doc.Units, record.Unit{Units: g.Units, Canonical: g.Canonical, Role: g.Role, Source: s})
			}
		}
		r := Score(doc, text, gold, nil)
		for name, c := range map[string]Counts{"targets": r.Targets, "deadlines": r.Deadlines, "units": r.Units, "records": r.Records} {
			if c.Matched != c.Gold || c.Matched != c.Predicted {
				t.Errorf("%s: gold scored against itself: %s %+v", docFile, name, c)
			}
		}
	}
}

func TestCanonFrom(t *testing.T) {
	c := CanonFrom(func(s string) (string, bool) { return "市卫生健康委员会", s == "市卫健委" })
	if c("市卫健委") != "市卫生健康委员会" || c("市财政局") != "市财政局" {
		t.Error("CanonFrom")
	}
}

// The gold format's folds: indicators without script, width, 的, quotes and
// spaces; names with 委员会 = 委, 发展和改革 = 发展改革, a leading 国家.
func TestScoringFolds(t *testing.T) {
	agree := []struct {
		pred, gold string
		want       bool
	}{
		{"通过复审的医院", "通过复审医院", true},
		{"各部门涉企“双随机\"检查事项覆盖率", "各部门涉企“双随机”检查事项覆盖率", true},
		{"醫療衛生機構床位數", "医疗卫生机构床位数", true},
		{"每千人口執業（助理）醫師", "每千人口执业(助理)医师", true},
		{"床位数", "护士数", false},
		{"", "床位数", false},
	}
	for _, c := range agree {
		if got := indicatorAgrees(c.pred, c.gold); got != c.want {
			t.Errorf("indicatorAgrees(%q, %q) = %v", c.pred, c.gold, got)
		}
	}
	names := [][2]string{
		{"国家发展改革委", "发展改革委"},
		{"省发展和改革委员会", "省发展改革委"},
		{"人力资源和社会保障部", "人力资源社会保障部"},
		{"市衛生健康委", "市卫生健康委"},
	}
	for _, n := range names {
		if foldName(n[0]) != foldName(n[1]) {
			t.Errorf("%q and %q fold to %q and %q", n[0], n[1], foldName(n[0]), foldName(n[1]))
		}
	}
	if foldName("市农业局") == foldName("市农业农村局") {
		t.Error("historical names must not be modernised")
	}
}
