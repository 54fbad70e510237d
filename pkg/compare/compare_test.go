package compare

import (
	"reflect"
	"testing"

	"github.com/cnplan/cnplan/pkg/record"
)

// cells returns a row's cell texts as the table shows them, by column.
func cells(r Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Display()
	}
	return out
}

func rowByKey(t *testing.T, m Matrix, key string) Row {
	t.Helper()
	for _, r := range m.Rows {
		if r.Key == key {
			return r
		}
	}
	var keys []string
	for _, r := range m.Rows {
		keys = append(keys, r.Key)
	}
	t.Fatalf("no row %q; rows: %q", key, keys)
	return Row{}
}

func labels(m Matrix) []string {
	var out []string
	for _, c := range m.Columns {
		out = append(out, c.Label)
	}
	return out
}

// 000 and 001 set the childcare places per thousand people in different
// words (拥有 or not): one row, and only rows both give (min-docs 2).
func TestChildcareRow(t *testing.T) {
	m := Build([]record.Document{xuchang(), ankang()}, Options{})
	if got, want := labels(m), []string{"许昌市", "安康市 2021–2025"}; !reflect.DeepEqual(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	if len(m.Rows) != 1 {
		t.Fatalf("%d rows, want 1 (the only indicator both give): %+v", len(m.Rows), m.Rows)
	}
	r := rowByKey(t, m, "每千人口3岁以下婴幼儿托位")
	if got, want := cells(r), []string{"4.5个 (2025)", "4.8个 (2025)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cells %q, want %q", got, want)
	}
	if r.Indicator != "每千人口3岁以下婴幼儿托位数" || r.Unit != "个" || r.Docs != 2 {
		t.Errorf("row %q unit %q docs %d", r.Indicator, r.Unit, r.Docs)
	}
}

// 002 writes 县城就诊率 (extracted under the key 县域内就诊率); a width
// difference (（助理） vs (助理)) and a trailing 数 do not split a row; a
// traditional document's simplified key lands on the simplified row.
func TestRowsLineUp(t *testing.T) {
	m := Build([]record.Document{ankang(), xinyang(), hebei()}, Options{})
	if got := cells(rowByKey(t, m, "县域内就诊率")); !reflect.DeepEqual(got, []string{"≥90% (2025)", "≥90% (2025)", ""}) {
		t.Errorf("县域内就诊率 %q", got)
	}
	if got := cells(rowByKey(t, m, "每千人口执业(助理)医师")); !reflect.DeepEqual(got, []string{"3人 (2025)", "3.2人 (2025)", ""}) {
		t.Errorf("每千人口执业(助理)医师 %q", got)
	}
	// 個 is 个 in traditional script: the extractor gives the unit as
	// written, and it is the row's unit.
	r := rowByKey(t, m, "省级区域医疗中心")
	if got := cells(r); !reflect.DeepEqual(got, []string{"", "3个 (2025)", "4個 (2021)"}) || r.Flagged {
		t.Errorf("省级区域医疗中心 %q flagged %v", got, r.Flagged)
	}
	if got := labels(m); !reflect.DeepEqual(got, []string{"安康市 2021–2025", "信阳市 2023–2025", "河北省 2021"}) {
		t.Errorf("labels %q", got)
	}
}

// Several figures for one indicator in one document: the latest year,
// then the first in the document, and a count of the rest.
func TestSeveralFigures(t *testing.T) {
	doc := ankang()
	m := Build([]record.Document{doc}, Options{Indicator: "预期寿命"})
	if len(m.Rows) != 1 {
		t.Fatalf("rows %+v", m.Rows)
	}
	c := m.Rows[0].Cells[0]
	if c.Display() != "77.3岁 (2025) +1" || c.Targets[0].Line != 90 || len(c.Targets) != 2 {
		t.Errorf("cell %q from line %d, %d targets", c.Display(), c.Targets[0].Line, len(c.Targets))
	}

	// Actual figures: the reported 76.3 (2020) and the table's baseline
	// (76.3, 2020); the first in the document is shown.
	m = Build([]record.Document{doc}, Options{Kind: record.KindActual, Indicator: "预期寿命"})
	c = m.Rows[0].Cells[0]
	if c.Display() != "76.3岁 (2020) +1" || c.FromBaseline || c.Targets[1].Line != 120 {
		t.Errorf("actual cell %q (from baseline %v)", c.Display(), c.FromBaseline)
	}
	if m.Kind != record.KindActual {
		t.Errorf("kind %q", m.Kind)
	}
}

func TestLater(t *testing.T) {
	a := figure{year: iptr(2025), order: 5}
	b := figure{year: iptr(2022), order: 1}
	c := figure{order: 0}
	d := figure{year: iptr(2025), order: 2}
	for _, tc := range []struct {
		x, y figure
		want bool
	}{{a, b, true}, {b, a, false}, {b, c, true}, {c, b, false}, {d, a, true}, {a, d, false}} {
		if got := later(tc.x, tc.y); got != tc.want {
			t.Errorf("later(%+v, %+v) = %v", tc.x, tc.y, got)
		}
	}
}

// Units: converted into the unit most documents on the row use (ties go
// to the leftmost); flagged where no conversion is known.
func TestUnits(t *testing.T) {
	lanzhou := record.Document{File: "lanzhou.txt", Region: &record.Region{City: "兰州市"},
		Targets: []record.Target{
			target("婴儿死亡率", "婴儿死亡率", 0.5, "%", "<=", 2025, "婴儿死亡率控制在0.5%以下", 3),
			target("孕产妇死亡率", "孕产妇死亡率", 0.12, "‰", "<=", 2025, "", 4),
			target("人均预期寿命", "人均预期寿命", 78, "", "=", 2025, "", 5),
		}}
	baoji := record.Document{File: "baoji.txt", Region: &record.Region{City: "宝鸡市"},
		Targets: []record.Target{
			target("婴儿死亡率", "婴儿死亡率", 0.45, "%", "<=", 2025, "", 3),
		}}
	m := Build([]record.Document{ankang(), lanzhou}, Options{})
	if got := cells(rowByKey(t, m, "婴儿死亡率")); !reflect.DeepEqual(got, []string{"≤4.5‰ (2025)", "≤5‰ (2025) [≤0.5%]"}) {
		t.Errorf("婴儿死亡率 %q", got)
	}
	if got := cells(rowByKey(t, m, "孕产妇死亡率")); !reflect.DeepEqual(got, []string{"≤11/10万 (2025)", "≤12/10万 (2025) [≤0.12‰]"}) {
		t.Errorf("孕产妇死亡率 %q", got)
	}
	r := rowByKey(t, m, "人均预期寿命")
	if got := cells(r); !reflect.DeepEqual(got, []string{"77.3岁 (2025) +1", "78 (2025)*"}) || !r.Flagged {
		t.Errorf("人均预期寿命 %q flagged %v", got, r.Flagged)
	}

	// Two documents in %, one in ‰: the row is in %.
	m = Build([]record.Document{ankang(), lanzhou, baoji}, Options{Indicator: "婴儿死亡率"})
	r = m.Rows[0]
	if got := cells(r); r.Unit != "%" || !reflect.DeepEqual(got, []string{"≤0.45% (2025) [≤4.5‰]", "≤0.5% (2025)", "≤0.45% (2025)"}) {
		t.Errorf("婴儿死亡率 in %q: %q", r.Unit, got)
	}
	if c := r.Cells[0]; c.Value != 0.45 || c.Unit != "%" {
		t.Errorf("converted cell value %v %q", c.Value, c.Unit)
	}
}

func TestRowSelection(t *testing.T) {
	docs := []record.Document{xuchang(), ankang(), xinyang()}
	for _, tc := range []struct {
		name string
		opt  Options
		want []string
	}{
		{"default min-docs 2", Options{}, []string{"每千人口3岁以下婴幼儿托位", "每千人口执业(助理)医师", "县域内就诊率"}},
		{"min-docs 3", Options{MinDocs: 3}, nil},
		{"filter", Options{Indicator: "就诊"}, []string{"县域内就诊率"}},
		// the filter also matches the indicator as written (县城, not 县域)
		{"filter as written", Options{Indicator: "县城"}, []string{"县域内就诊率"}},
		{"all, filtered", Options{All: true, Indicator: "医学"}, []string{"市级医学重点学科"}},
		{"all", Options{All: true}, []string{
			// two documents first, then in document order
			"每千人口3岁以下婴幼儿托位", "每千人口执业(助理)医师", "县域内就诊率",
			"市级医学重点学科", "人均预期寿命", "婴儿死亡率", "孕产妇死亡率", "省级区域医疗中心"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range Build(docs, tc.opt).Rows {
				got = append(got, r.Key)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("rows %q, want %q", got, tc.want)
			}
		})
	}
	// One document: every indicator it gives is a row.
	if n := len(Build([]record.Document{xinyang()}, Options{}).Rows); n != 3 {
		t.Errorf("one document: %d rows, want 3", n)
	}
}

func TestLabels(t *testing.T) {
	a, b := xinyang(), xinyang()
	b.File = "copy/002_e8b66c7ddb9e4fa1.txt"
	c := xinyang()
	c.File = "other/002_e8b66c7ddb9e4fa1.txt"
	noMeta := record.Document{File: "notes/004_0188c63bbb91a742.txt"}
	county := record.Document{File: "x.txt", Region: &record.Region{Province: "陕西省", City: "安康市", County: "汉滨区"},
		Period: &record.Period{Start: 2021, End: 2025}}
	failed := record.Document{File: "missing.txt", Error: "no such file"}
	m := Build([]record.Document{a, b, c, noMeta, county, failed}, Options{})
	want := []string{
		"信阳市 2023–2025 (002_e8b66c7ddb9e4fa1.txt)",
		"信阳市 2023–2025 (002_e8b66c7ddb9e4fa1.txt) #2",
		"信阳市 2023–2025 (002_e8b66c7ddb9e4fa1.txt) #3",
		"004_0188c63bbb91a742.txt",
		"汉滨区 2021–2025",
	}
	if got := labels(m); !reflect.DeepEqual(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"每千人口执业（助理）医师数": "每千人口执业(助理)医师",
		"每千人口执业(助理)医师":  "每千人口执业(助理)医师",
		"县域内 就诊率":       "县域内就诊率",
		"ＨＩＶ检测率":        "HIV检测率",
		"数":             "数", // nothing left to key on: kept
		"县域内就诊率":        "县域内就诊率",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestConvert(t *testing.T) {
	u := builtinUnits()
	for _, tc := range []struct {
		v        float64
		from, to string
		want     float64
		ok       bool
	}{
		{4.5, "‰", "%", 0.45, true},
		{0.5, "%", "‰", 5, true},
		{11, "/10万", "‰", 0.11, true},
		{0.011, "%", "/10万", 11, true}, // chained: % → ‰ → /10万
		{1264.2, "万人次", "人次", 12642000, true},
		{13.7, "亿元", "元", 1370000000, true},
		{9.39, "/十万", "/10万", 9.39, true},
		{9.39, "／10万", "/10万", 9.39, true}, // width
		{2, "萬人次", "人次", 20000, true},      // traditional
		{4.5, "个", "张", 4.5, false},
		{78, "", "岁", 78, false},
		{1e305, "亿元", "元", 1e305, false}, // +Inf in 元: kept as written, flagged
	} {
		got, ok := u.Convert(tc.v, tc.from, tc.to)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Convert(%v, %q, %q) = %v, %v; want %v, %v", tc.v, tc.from, tc.to, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseUnitsErrors(t *testing.T) {
	for _, bad := range []string{"convert\t%\t‰\tten", "convert\t%\t‰\t0", "alias\tx", "scale\t%\t‰\t10"} {
		if _, err := ParseUnits(bad); err == nil {
			t.Errorf("ParseUnits(%q) gave no error", bad)
		}
	}
}
