package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/record"
)

var (
	corpusOnce      sync.Once
	corpusExtracted []record.Document
)

// corpusDocs extracts the development corpus, as cnplan report
// testdata/corpus/ run from the repository's root does (once per test
// binary; each caller gets its own targets to change).
func corpusDocs(t testing.TB) []record.Document {
	t.Helper()
	corpusOnce.Do(func() {
		for _, c := range corpus.All(t) {
			d, err := document.Read(c.Path, nil, document.Options{})
			if err != nil {
				t.Fatal(err)
			}
			doc := extract.Extract(d)
			doc.File = "testdata/corpus/" + c.Name
			corpusExtracted = append(corpusExtracted, doc)
		}
	})
	docs := slices.Clone(corpusExtracted)
	for i := range docs {
		docs[i].Targets = slices.Clone(docs[i].Targets)
	}
	return docs
}

// healthDocs are the corpus's five health plans and reports (000–004),
// whose shared indicators the tests below know by heart.
func healthDocs(t testing.TB) []record.Document {
	var out []record.Document
	for _, d := range corpusDocs(t) {
		if strings.HasPrefix(filepath.Base(d.File), "00") {
			out = append(out, d)
		}
	}
	if len(out) != 5 {
		t.Fatalf("%d health documents (000–004) in the corpus, want 5", len(out))
	}
	return out
}

func indicatorByKey(t *testing.T, d Data, key string) Indicator {
	t.Helper()
	var keys []string
	for _, ind := range d.Indicators {
		if ind.Key == key {
			return ind
		}
		keys = append(keys, ind.Key)
	}
	t.Fatalf("no indicator %q; have %q", key, keys)
	return Indicator{}
}

// pointText is a point as the page's table shows it: region, kind,
// figure, unit, year.
func pointText(d Data, g Group, p Point) string {
	s := d.Documents[p.Doc].Label + " " + p.Kind + " " + p.Comparator + " " + formatFloat(p.Value)
	if p.ValueMax != nil {
		s += "–" + formatFloat(*p.ValueMax)
	}
	s += g.Unit
	if p.Year != nil {
		s += " " + formatFloat(float64(*p.Year))
	}
	return s
}

func formatFloat(v float64) string { b, _ := json.Marshal(v); return string(b) }

func groupTexts(d Data, ind Indicator) [][]string {
	var out [][]string
	for _, g := range ind.Groups {
		var ps []string
		for _, p := range g.Points {
			ps = append(ps, pointText(d, g, p))
		}
		out = append(out, ps)
	}
	return out
}

// The corpus report charts the indicators two documents share, with each
// document's figures, a range as a range, and the sentence behind each.
func TestCorpusIndicators(t *testing.T) {
	d := Build(healthDocs(t), Options{})
	var keys []string
	for _, ind := range d.Indicators {
		keys = append(keys, ind.Key)
	}
	if want := []string{"每千人口3岁以下婴幼儿托位", "市级重点专科", "县域内就诊率", "省级区域医疗中心"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("indicators %q, want %q", keys, want)
	}
	spec := indicatorByKey(t, d, "市级重点专科")
	if got, want := groupTexts(d, spec), [][]string{{
		"安康市 2021–2025 target = 50个 2025", "安康市 2021–2025 target = 50个 2025", "信阳市 2023–2025 target range 2–4个 2025"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("市级重点专科 %q, want %q", got, want)
	}
	// The traditional document's 個 is the row's 个, not a unit apart.
	hosp := indicatorByKey(t, d, "省级区域医疗中心")
	if got, want := groupTexts(d, hosp), [][]string{{"信阳市 2023–2025 target = 3个 2025", "河北省 target = 4个 2021"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("省级区域医疗中心 %q, want %q", got, want)
	}
	p := hosp.Groups[0].Points[1]
	if d.Documents[p.Doc].File != "testdata/corpus/003_1291eae2c3d8fdfd.txt" ||
		!strings.Contains(d.Strings[p.Text], "4個省級區域醫療中心") || d.Strings[p.Indicator] != "省級區域醫療中心" {
		t.Errorf("河北省 point from %s line %d: %q", d.Documents[p.Doc].File, p.Line, d.Strings[p.Text])
	}
	rate := indicatorByKey(t, d, "县域内就诊率")
	for _, p := range rate.Groups[0].Points {
		if p.Comparator != ">=" || p.Value != 90 || !strings.Contains(d.Strings[p.Text], "90%") {
			t.Errorf("县域内就诊率 %+v: %q", p, d.Strings[p.Text])
		}
	}
}

// --indicator and --min-docs choose indicators; a target's baseline is a
// reported figure of its baseline year.
func TestIndicatorFilterAndBaselines(t *testing.T) {
	d := Build(healthDocs(t), Options{Indicator: "孕產婦死亡率", MinDocs: 1})
	ind := indicatorByKey(t, d, "孕产妇死亡率")
	if got, want := groupTexts(d, ind), [][]string{{
		"安康市 2021–2025 actual = 9.39/10万 2020", // line 31: reported
		"安康市 2021–2025 target <= 11/10万 2025",  // line 79: in prose
		"安康市 2021–2025 target <= 11/10万 2025",  // line 113: the indicator table's row…
		"安康市 2021–2025 actual = 9.39/10万 2020", // …and its 2020 column
	}}; !reflect.DeepEqual(got, want) {
		t.Errorf("孕产妇死亡率 %q, want %q", got, want)
	}
	if ps := ind.Groups[0].Points; !ps[3].Baseline || ps[0].Baseline || ps[3].Line != 113 || ps[2].Attribute != "控制性" {
		t.Errorf("baseline flags %+v", ind.Groups[0].Points)
	}
	for _, ind := range d.Indicators {
		if !strings.Contains(ind.Key, "孕产妇死亡率") {
			t.Errorf("indicator %q does not match the filter", ind.Key)
		}
	}
}

// Units that convert are converted (the figure as written kept); units
// that do not are a group apart, never mixed on one axis.
func TestUnitsApart(t *testing.T) {
	year := 2025
	doc := func(file, unit string, v float64) record.Document {
		return record.Document{Schema: record.Schema, File: file, Region: &record.Region{City: file},
			Targets: []record.Target{{Indicator: "孕产妇死亡率", IndicatorKey: "孕产妇死亡率", Value: v, Unit: unit,
				Comparator: "<=", Kind: record.KindTarget, Year: &year, Text: "孕产妇死亡率控制在" + formatFloat(v) + unit + "以下"}}}
	}
	d := Build([]record.Document{doc("甲市", "/10万", 12), doc("乙市", "‰", 0.1), doc("丙市", "/10万", 10), doc("丁市", "人", 3)}, Options{})
	ind := indicatorByKey(t, d, "孕产妇死亡率")
	if got, want := groupTexts(d, ind), [][]string{
		{"甲市 target <= 12/10万 2025", "乙市 target <= 10/10万 2025", "丙市 target <= 10/10万 2025"},
		{"丁市 target <= 3人 2025"},
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	if ind.Groups[0].Apart || !ind.Groups[1].Apart || ind.Groups[0].Points[1].Original != "≤0.1‰" {
		t.Errorf("apart %v %v, original %q", ind.Groups[0].Apart, ind.Groups[1].Apart, ind.Groups[0].Points[1].Original)
	}
}

// Deadlines come by date with the bodies of their task; bodies are
// counted per document and in all; unreadable inputs are listed.
func TestDeadlinesBodiesErrors(t *testing.T) {
	docs := append(healthDocs(t), record.Document{Schema: record.Schema, File: "broken.docx", Error: "not a zip file"})
	d := Build(docs, Options{})
	if want := []InputError{{File: "broken.docx", Error: "not a zip file"}}; !reflect.DeepEqual(d.Errors, want) {
		t.Errorf("errors %+v", d.Errors)
	}
	if len(d.Documents) != 5 || d.Documents[1].Label != "安康市 2021–2025" || d.Documents[1].Targets != len(docs[1].Targets) {
		t.Errorf("documents %+v", d.Documents)
	}
	var xinyang Timeline
	for _, tl := range d.Timelines {
		if d.Documents[tl.Doc].Label == "信阳市 2023–2025" {
			xinyang = tl
		}
	}
	if len(xinyang.Items) != 1 {
		t.Fatalf("信阳市 deadlines %+v", xinyang)
	}
	it := xinyang.Items[0]
	if it.Date != "2025-12-31" || it.Text != "“十四五”末" || !reflect.DeepEqual(it.Bodies, []string{"市卫生健康委", "市医疗保障局"}) {
		t.Errorf("信阳市 deadline %s %s %q (task %q)", it.Date, it.Text, it.Bodies, d.Strings[it.Task])
	}
	for _, tl := range d.Timelines {
		for i := 1; i < len(tl.Items); i++ {
			a, b := tl.Items[i-1], tl.Items[i]
			if b.Date != "" && (a.Date == "" || a.Date > b.Date) {
				t.Errorf("%s: deadline %q before %q", d.Documents[tl.Doc].Label, a.Date, b.Date)
			}
		}
	}
	// 市卫生健康委 answers in 002 (7 clauses name it) and 001.
	var health *Body
	for i := range d.Bodies {
		if d.Bodies[i].Name == "市卫生健康委" {
			health = &d.Bodies[i]
		}
	}
	if health == nil {
		t.Fatalf("no 市卫生健康委 in %+v", d.Bodies)
	}
	if d.Bodies[0].Name != "市卫生健康委" {
		t.Errorf("busiest body %q, want 市卫生健康委", d.Bodies[0].Name)
	}
	tasks, targets := 0, 0
	for _, c := range health.PerDoc {
		tasks += c.Tasks
		targets += c.Targets
	}
	if tasks != health.Tasks || targets != health.Targets || health.Tasks == 0 || health.Targets == 0 {
		t.Errorf("市卫生健康委 tasks %d targets %d, per document %+v", health.Tasks, health.Targets, health.PerDoc)
	}
}

var dataBlock = regexp.MustCompile(`(?s)<script type="application/json" id="cnplan-data">(.*?)</script>`)

// The page is the same bytes every time; its data block is the Data, and
// no document text can close the script element it sits in.
func TestPageDeterministicAndDataLiftable(t *testing.T) {
	docs := corpusDocs(t)
	docs[0].Targets[0].Text = "</script><script>alert(1)</script>"
	d := Build(docs, Options{})
	var a, b bytes.Buffer
	if err := Write(&a, d); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, Build(docs, Options{})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same documents differ")
	}
	page := a.String()
	if strings.Contains(page, "alert(1)</script>") {
		t.Error("a document's text closed the data block")
	}
	m := dataBlock.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no cnplan-data block")
	}
	var back Data
	if err := json.Unmarshal([]byte(m[1]), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Error("the data block does not decode to the report's data")
	}
	if !strings.Contains(page, "The Apache Software Foundation") || strings.Contains(page, "src=\"http") {
		t.Error("the page lacks ECharts' notice or loads a script from the network")
	}
}

// A point is written as encoding/json would write its elements, escapes
// and all, and reads back the same.
func TestPointJSON(t *testing.T) {
	year, max := 2025, 4.5
	p := Point{Doc: 3, Kind: "target", Value: 0.1, ValueMax: &max, Comparator: "range", Year: &year,
		Indicator: 1, Section: 2, Text: 7, Line: 40, Original: "≤0.1‰", Attribute: "a\"<b>\\\n\u2028约束性", Baseline: true}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal([]any{3, "target", 0.1, 4.5, "range", 2025, 1, 2, 7, 40, "≤0.1‰", "a\"<b>\\\n\u2028约束性", true})
	if string(got) != string(want) {
		t.Errorf("point as JSON:\n%s\nwant\n%s", got, want)
	}
	var back Point
	if err := json.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back, p) {
		t.Errorf("read back %+v (%v), want %+v", back, err, p)
	}
	p.ValueMax, p.Year = nil, nil
	if got, _ := json.Marshal(p); !strings.Contains(string(got), `0.1,null,"range",null,1`) {
		t.Errorf("nulls: %s", got)
	}
}
