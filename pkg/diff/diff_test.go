package diff

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/cnplan/cnplan/pkg/schema"
)

func fptr(v float64) *float64 { return &v }
func iptr(v int) *int         { return &v }

const (
	secCenters = "三、重点任务 > (一)扩容升级优质医疗资源"
	secCounty  = "三、重点任务 > (二)提升县域医疗服务能力"
)

var (
	unitsCenters = []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"}
	unitsCounty  = []string{"市卫生健康委", "市医疗保障局"}
)

func tgt(indicator string, v float64, unit, cmp, section string, units []string, line int, text string) record.Target {
	return record.Target{Indicator: indicator, IndicatorKey: indicator, Value: v, Unit: unit, Comparator: cmp,
		Kind: record.KindTarget, Year: iptr(2025), Units: units, Section: section, Text: text,
		Source: record.Source{Line: line}}
}

// xinyang is 002 (大别山区域医疗中心建设三年行动方案) as the gold file gives
// it, in part.
func xinyang() record.Document {
	return record.Document{Schema: record.Schema, File: "002_e8b66c7ddb9e4fa1.txt",
		Targets: []record.Target{
			tgt("省级区域医疗中心", 3, "个", "=", secCenters, unitsCenters, 4, "神经疾病等3个省级区域医疗中心"),
			tgt("省级区域中医专科诊疗中心", 2, "个", "=", secCenters, unitsCenters, 4, "妇产科等2个省级区域中医专科诊疗中心"),
			tgt("市级区域医疗中心", 20, "个", "=", secCenters, unitsCenters, 4, "建设20个市级区域医疗中心"),
			tgt("县域医疗中心临床服务五大中心达标率", 90, "%", ">=", secCounty, unitsCounty, 5, "达标率不低于90%"),
			tgt("县域内就诊率", 90, "%", ">=", secCounty, unitsCounty, 9, "县城就诊率达到90%以上"),
		},
		Deadlines: []record.Deadline{
			{Text: "到2025年", Date: "2025-12-31", Task: "县域就诊率达到90%以上", Section: secCounty, Source: record.Source{Line: 9}},
		},
		Units: []record.Unit{
			{Units: unitsCenters, Canonical: unitsCenters, Role: record.RoleResponsible, Task: "建设20个市级区域医疗中心",
				Section: secCenters, Text: "(责任单位:市发展改革委、市财政局、市卫生健康委、信阳职业技术学院)", Source: record.Source{Line: 4}},
			{Units: unitsCounty, Canonical: unitsCounty, Role: record.RoleResponsible, Task: "推动县级医院提质升级",
				Section: secCounty, Text: "(贡任单位:市卫生健康委、市医疗保障局)", Source: record.Source{Line: 5}},
		}}
}

func TestSameDocument(t *testing.T) {
	r := Diff(xinyang(), xinyang())
	if !r.Empty() || r.Count != 0 {
		t.Errorf("a document against itself: %+v", r)
	}
	// Lines and spans move when text is inserted above; nothing changed.
	moved := xinyang()
	for i := range moved.Targets {
		moved.Targets[i].Line += 3
		moved.Targets[i].Span = [2]int{100, 120}
	}
	for i := range moved.Units {
		moved.Units[i].Line += 3
	}
	if r := Diff(xinyang(), moved); !r.Empty() {
		t.Errorf("moved lines count as changes: %+v", r)
	}
}

// The done-when case: one value changed, one target removed, one body
// added to a responsible-unit clause: three differences, the targets of
// that clause counted with it and not on their own.
func TestThreeChanges(t *testing.T) {
	old, new := xinyang(), xinyang()
	new.Targets[4].Value = 95
	new.Targets[4].Text = "县城就诊率达到95%以上"
	new.Targets = append(new.Targets[:2], new.Targets[3:]...) // 市级区域医疗中心
	withFinance := append(append([]string{}, unitsCounty...), "市财政局")
	new.Units[1].Units, new.Units[1].Canonical = withFinance, withFinance
	new.Units[1].Text = "(贡任单位:市卫生健康委、市医疗保障局、市财政局)"
	for i := range new.Targets {
		if new.Targets[i].Section == secCounty {
			new.Targets[i].Units = withFinance
		}
	}

	r := Diff(old, new)
	if r.Count != 3 {
		t.Fatalf("%d differences, want 3: %+v", r.Count, r)
	}
	if len(r.Targets.Changed) != 1 {
		t.Fatalf("changed targets: %+v", r.Targets.Changed)
	}
	c := r.Targets.Changed[0]
	if c.Key != "县域内就诊率" || !reflect.DeepEqual(c.Fields, []Field{{"value", "90", "95"}}) {
		t.Errorf("changed %q %+v", c.Key, c.Fields)
	}
	if len(r.Targets.Removed) != 1 || r.Targets.Removed[0].Indicator != "市级区域医疗中心" || len(r.Targets.Added) != 0 {
		t.Errorf("removed %+v added %+v", r.Targets.Removed, r.Targets.Added)
	}
	if len(r.Units.Changed) != 1 {
		t.Fatalf("unit changes %+v", r.Units)
	}
	u := r.Units.Changed[0]
	if !reflect.DeepEqual(u.Added, []string{"市财政局"}) || len(u.Removed) != 0 ||
		!reflect.DeepEqual(u.Targets, []string{"县域医疗中心临床服务五大中心达标率", "县域内就诊率"}) {
		t.Errorf("unit change +%q -%q targets %q", u.Added, u.Removed, u.Targets)
	}
}

// A target's units that change without a clause saying so stay a change
// of the target.
func TestUnitsOfTarget(t *testing.T) {
	new := xinyang()
	new.Targets[0].Units = []string{"市卫生健康委"}
	r := Diff(xinyang(), new)
	if r.Count != 1 || len(r.Targets.Changed) != 1 || r.Targets.Changed[0].Fields[0].Name != "units" {
		t.Errorf("%+v", r)
	}
	// Order of the bodies is not a change.
	new = xinyang()
	new.Units[0].Canonical = []string{"市财政局", "市发展改革委", "市卫生健康委", "信阳职业技术学院"}
	if r := Diff(xinyang(), new); !r.Empty() {
		t.Errorf("reordered bodies: %+v", r)
	}
}

// Two figures for one key in one section (each county hospital builds 2
// specialties and 1 centre): removing the first removes the first, it
// does not "change" the first into the second.
func TestDuplicates(t *testing.T) {
	old := record.Document{Targets: []record.Target{
		tgt("每个县级中医院建成", 2, "个", ">=", secCounty, nil, 6, "建成2个以上中医特色优势专科"),
		tgt("每个县级中医院建成", 1, "个", "=", secCounty, nil, 6, "1个县域中医药适宜技术推广中心"),
	}}
	new := record.Document{Targets: old.Targets[1:]}
	r := Diff(old, new)
	if r.Count != 1 || len(r.Targets.Removed) != 1 || r.Targets.Removed[0].Value != 2 {
		t.Errorf("%+v", r)
	}
	// Matched in order: the second of two changed figures pairs with the
	// second.
	new = record.Document{Targets: []record.Target{old.Targets[0], old.Targets[1]}}
	new.Targets[0].Value, new.Targets[1].Value = 3, 2
	r = Diff(old, new)
	if len(r.Targets.Changed) != 2 || r.Targets.Changed[0].Fields[0] != (Field{"value", "2", "3"}) ||
		r.Targets.Changed[1].Fields[0] != (Field{"value", "1", "2"}) {
		t.Errorf("%+v", r.Targets.Changed)
	}
}

func TestTargetFields(t *testing.T) {
	a := tgt("每个二级以上中医医院建成市级重点专科", 2, "个", "range", secCounty, nil, 6, "建成2-4个市级重点专科")
	a.ValueMax = fptr(4)
	b := a
	b.ValueMax, b.Comparator, b.Year, b.Unit = nil, ">=", iptr(2024), "项"
	b.Baseline, b.BaselineYear = fptr(1), iptr(2022)
	want := []Field{{"value_max", "4", ""}, {"unit", "个", "项"}, {"comparator", "range", ">="}, {"year", "2025", "2024"},
		{"baseline", "", "1"}, {"baseline_year", "", "2022"}}
	if got := targetFields(a, b); !reflect.DeepEqual(got, want) {
		t.Errorf("fields %+v, want %+v", got, want)
	}
	// Matched by key across a width difference.
	c := a
	c.IndicatorKey = "每个二级以上中医医院建成市级重点专科数"
	if r := Diff(record.Document{Targets: []record.Target{a}}, record.Document{Targets: []record.Target{c}}); !r.Empty() {
		t.Errorf("trailing 数 is a difference: %+v", r)
	}
}

func TestDeadlines(t *testing.T) {
	new := xinyang()
	new.Deadlines[0].Text, new.Deadlines[0].Date = "到2026年", "2026-12-31"
	new.Deadlines = append(new.Deadlines, record.Deadline{Text: "2023年底前", Date: "2023-12-31", Task: "完成评估", Section: secCenters})
	r := Diff(xinyang(), new)
	if r.Count != 2 || len(r.Deadlines.Changed) != 1 || len(r.Deadlines.Added) != 1 {
		t.Fatalf("%+v", r.Deadlines)
	}
	if got := r.Deadlines.Changed[0].Fields; !reflect.DeepEqual(got, []Field{{"text", "到2025年", "到2026年"}, {"date", "2025-12-31", "2026-12-31"}}) {
		t.Errorf("fields %+v", got)
	}
	// The task's wording changed with its target's value: the deadline did
	// not.
	new = xinyang()
	new.Deadlines[0].Task = "县域就诊率达到95%以上"
	if r := Diff(xinyang(), new); !r.Empty() {
		t.Errorf("task wording: %+v", r)
	}
}

func TestUnitClauses(t *testing.T) {
	new := xinyang()
	new.Units = append(new.Units[:1:1], record.Unit{Canonical: []string{"市民政局"}, Role: record.RoleSupport,
		Task: "推动县级医院提质升级", Section: secCounty})
	r := Diff(xinyang(), new)
	if r.Count != 2 || len(r.Units.Added) != 1 || len(r.Units.Removed) != 1 {
		t.Errorf("%+v", r.Units)
	}
}

func changedDoc() (record.Document, record.Document) {
	old, new := xinyang(), xinyang()
	new.Targets[4].Value = 95
	new.Targets = new.Targets[1:]
	return old, new
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Diff(changedDoc()), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"--- 002_e8b66c7ddb9e4fa1.txt", "| ~ ", "县域内就诊率", "| value ", "| 90 ", "| 95 ",
		"| - ", "省级区域医疗中心", "3个 (2025)", "2 differences: targets 1 removed, 1 changed"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := Write(&b, Diff(xinyang(), xinyang()), WriteOptions{Format: FormatTable}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "no differences\n") {
		t.Errorf("no differences: %q", b.String())
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Diff(changedDoc()), WriteOptions{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	if !bytes.HasPrefix(out, []byte(render.BOM)) {
		t.Fatal("no BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[len(render.BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !reflect.DeepEqual(rows[0], csvHeader) {
		t.Fatalf("rows %q", rows)
	}
	if got := rows[1][:9]; !reflect.DeepEqual(got, []string{"changed", "target", "县域内就诊率", "县域内就诊率", "value", "90", "95", "9", "9"}) {
		t.Errorf("changed row %q", got)
	}
	if got := rows[2][:9]; !reflect.DeepEqual(got, []string{"removed", "target", "省级区域医疗中心", "省级区域医疗中心", "", "3个 (2025)", "", "4", ""}) {
		t.Errorf("removed row %q", got)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	r := Diff(changedDoc())
	if err := Write(&b, r, WriteOptions{Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	schematest.One(t, schema.Diff, b.Bytes())
	var back Result
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r) {
		t.Error("JSON does not decode to the result")
	}
	var raw map[string]any
	_ = json.Unmarshal(b.Bytes(), &raw)
	if raw["differences"] != float64(2) {
		t.Errorf("differences %v", raw["differences"])
	}
	// Empty lists are [], not null.
	if added := raw["targets"].(map[string]any)["added"]; added == nil {
		t.Error("targets.added is null")
	}
	if err := Write(&b, r, WriteOptions{Format: "xlsx"}); err == nil {
		t.Error("no error for xlsx")
	}
}

// match compares only records whose keys are equal: 20,000 records a side,
// each key once, cost 20,000 comparisons, not 400 million (a diff of two
// documents of 20,000 targets took 83 s).
func TestMatchIndexed(t *testing.T) {
	const n = 20000
	calls := 0
	key := func(i int) string { return strconv.Itoa(i) }
	ok := func(i, j int) bool { calls++; return i == j }
	newKey := func(j int) string { return strconv.Itoa(n - 1 - j) }
	pairs, lo, ln := match(n, n, keyed(key, newKey, func(i, j int) bool { return ok(i, n-1-j) }), keyed(key, key, ok))
	if len(pairs) != n || len(lo) != 0 || len(ln) != 0 || calls != n {
		t.Fatalf("%d pairs, %d+%d left, %d comparisons", len(pairs), len(lo), len(ln), calls)
	}
}
