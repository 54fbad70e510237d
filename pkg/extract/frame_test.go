package extract

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liuzl/gocc"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
)

// Written documents in shapes the corpus lacks: a county work report whose
// headings carry no year, a plan reviewing its last period in a paragraph,
// an assessment scheme of a year, a subsidy policy.
var writtenDocs = map[string]string{
	"county-report": `某某县人民政府工作报告
2024年1月20日在某某县第十八届人民代表大会第三次会议上
一、过去一年工作回顾
全县地区生产总值完成182亿元，增长6.1%。有效灌溉面积38万亩；有专业技术人员1.2万人。全年白酒产销量分别为12万吨、11.5万吨。新建区域性冷链物流中心3个。
二、今年工作安排
今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。
（一）着力稳增长。新建5G基站3000个。植树造林1200万株，炼化产能达到300万吨/年，最低工资标准提高到2200元/月。新建区域性冷链物流中心12个，加快推进8个省级物流枢纽。工业、服务业用电量分别增长6%、9%。
三、今后五年主要目标
到2028年，全县常住人口城镇化率达到60%。湿地保护率由2020年的50%提高到56%。
`,
	"plan-review-paragraph": `某某市养老服务体系建设规划（2021—2025年）
一、发展基础
“十三五”期间，全市新增养老床位4200张，护理型床位占比达到38%。
2018～2020年，全市养老服务投入年均增长6.5%。
二、发展目标
到2025年，全市养老机构护理型床位占比达到55%以上。规划期内，新建社区养老服务中心120个。海洋经济增加值超过900亿元，占地区生产总值比重升至12%。
`,
	"yearly-scheme": `某某市2023年营商环境考评办法
一、考评指标
（一）政务服务（10分）
1．各级大厅综合一窗率达95%以上。（0.5分）每季度通报1次。在现有38项“掌上办”服务的基础上，新增20项。
2．年度考评分值=日常监测（60%）+第三方评估（40%），7×24小时服务不断线。
`,
	"plan-report": `关于某某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
2024年1月15日
一、2023年国民经济和社会发展计划执行情况
全市地区生产总值增长5.2%，城镇新增就业6.1万人。社会消费品零售总额比上年增长7%。
三年行动收官在即，明年全市将新建充电桩3000个，去年已建成1800个。
二、2024年经济社会发展的主要预期目标
地区生产总值增长5%左右，城镇新增就业6万人以上。
三、2024年重点任务
新开工保障性租赁住房1.2万套。
`,
	"subsidy-policy": `关于支持数字经济发展的若干政策
一、对新认定的省级数字化车间，省级给予一次性奖补50万元，单个企业最高500万元。
二、力争到2025年，全省数字经济核心产业增加值占比达到12%。中央八项规定精神得到落实。新建500千伏变电站2座。产业规模位居全国前10位。
`,
}

func extractWritten(t *testing.T, name string) (*document.Document, record.Document) {
	t.Helper()
	d, err := document.FromText(name, writtenDocs[name], "utf-8", "text", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, Extract(d)
}

// TestTimeFrames: a figure takes its year and kind from the innermost frame
// — a review section, the coming year's work, the next period's goals, a
// paragraph opening with 过去一年 or “十三五”期间 — unless its own clause
// names a year. Real sentences of the development corpus first, then
// sentences written in other shapes.
func TestTimeFrames(t *testing.T) {
	real := []targetWant{
		// 01, a 2026 provincial work report: review of 2025, the 2026 plan.
		{doc: "01", at: "实现地区生产总值67665亿元", indicator: "地区生产总值", value: 67665, unit: "亿元", cmp: "=", year: ptr(2025), kind: "actual"},
		{doc: "01", at: "地区生产总值增长5.5%左右", indicator: "地区生产总值增长", value: 5.5, unit: "%", cmp: "~", year: ptr(2026), kind: "target"},
		// A fused subject (城乡) split over its two figures.
		{doc: "01", at: "城乡居民人均可支配收入分别增长4.4%", indicator: "城镇居民人均可支配收入增长", value: 4.4, unit: "%", cmp: "=", year: ptr(2025), kind: "actual"},
		{doc: "01", at: "城镇新增就业85万人", indicator: "城镇新增就业", value: 85, unit: "万人", cmp: "=", year: ptr(2026), kind: "target"},
		// 21, a 2016–2020 plan: its 十二五 review (由2010年的X增加到2015年的Y), its goals.
		{doc: "21", at: "现场混装炸药在工业炸药中占比由2010年的14.82%", indicator: "现场混装炸药在工业炸药中占比", value: 22.45, unit: "%", cmp: "=", year: ptr(2015), kind: "actual", baseline: ptr(14.82)},
		{doc: "21", at: "研发投入占企业总收入比重突破3%", indicator: "研发投入占企业总收入比重", value: 3, unit: "%", cmp: ">=", year: ptr(2020), kind: "target"},
		// A past year opening a clause after a comma governs that clause.
		{doc: "21", at: "2015年工业炸药产量减少70万吨", indicator: "工业炸药产量减少", value: 70, unit: "万吨", cmp: "=", year: ptr(2015), kind: "actual"},
		// 30, a 2022 assessment scheme: its tasks are that year's goals.
		{doc: "30", at: "综合一窗率达90%以上", indicator: "综合一窗率", value: 90, unit: "%", cmp: ">=", year: ptr(2022), kind: "target"},
		// 32, a 2021–2023 action plan: 每年 targets have no year.
		{doc: "32", at: "1万名专业技术人才和企业高级管理人员，由", value: 1, indicator: "专业技术人才", unit: "万名", cmp: "=", kind: "target"},
	}
	docs := map[string][2]any{}
	for _, w := range real {
		got, ok := docs[w.doc]
		if !ok {
			d, out := extractCorpus(t, w.doc)
			got = [2]any{d, out}
			docs[w.doc] = got
		}
		assertTarget(t, got[0].(*document.Document), got[1].(record.Document), w)
	}

	written := []targetWant{
		{doc: "county-report", at: "地区生产总值完成182亿元", indicator: "地区生产总值", value: 182, unit: "亿元", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "county-report", at: "新建区域性冷链物流中心3个", indicator: "新建区域性冷链物流中心", value: 3, unit: "个", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "county-report", at: "地区生产总值增长6%左右", indicator: "地区生产总值增长", value: 6, unit: "%", cmp: "~", year: ptr(2024), kind: "target"},
		// 有 before the counted noun is trimmed, not from 有效….
		{doc: "county-report", at: "有效灌溉面积38万亩", indicator: "有效灌溉面积", value: 38, unit: "万亩", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "county-report", at: "专业技术人员1.2万人", indicator: "专业技术人员", value: 1.2, unit: "万人", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "county-report", at: "、11.5万吨", indicator: "白酒销量", value: 11.5, unit: "万吨", cmp: "=", year: ptr(2023), kind: "actual"},
		// A name with a number in it (5G) stays whole in the indicator.
		{doc: "county-report", at: "新建5G基站3000个", indicator: "新建5G基站", value: 3000, unit: "个", cmp: "=", year: ptr(2024), kind: "target"},
		// Measure words and compound units the vocabulary lacks.
		{doc: "county-report", at: "植树造林1200万株", indicator: "植树造林", value: 1200, unit: "万株", cmp: "=", year: ptr(2024), kind: "target"},
		{doc: "county-report", at: "300万吨/年", indicator: "炼化产能", value: 300, unit: "万吨/年", cmp: "=", year: ptr(2024), kind: "target"},
		{doc: "county-report", at: "2200元/月", indicator: "最低工资标准", value: 2200, unit: "元/月", cmp: "=", year: ptr(2024), kind: "target"},
		// Kind without a cue word: a bare figure in the coming year's work is a goal.
		{doc: "county-report", at: "新建区域性冷链物流中心12个", indicator: "新建区域性冷链物流中心", value: 12, unit: "个", cmp: "=", year: ptr(2024), kind: "target"},
		// A noun after the number.
		{doc: "county-report", at: "加快推进8个省级物流枢纽", indicator: "省级物流枢纽", value: 8, unit: "个", cmp: "=", year: ptr(2024), kind: "target"},
		// A coordinated list shares its last item's head noun.
		{doc: "county-report", at: "分别增长6%", indicator: "工业用电量增长", value: 6, unit: "%", cmp: "=", year: ptr(2024), kind: "target"},
		{doc: "county-report", at: "、9%", indicator: "服务业用电量增长", value: 9, unit: "%", cmp: "=", year: ptr(2024), kind: "target"},
		// The next period's goals, and a clause's own year.
		{doc: "county-report", at: "城镇化率达到60%", indicator: "常住人口城镇化率", value: 60, unit: "%", cmp: "=", year: ptr(2028), kind: "target"},
		{doc: "county-report", at: "湿地保护率由2020年的50%", indicator: "湿地保护率", value: 56, unit: "%", cmp: "=", year: ptr(2028), kind: "target", baseline: ptr(50.0)},
		// A development plan's report: one year's execution, the next's goals.
		{doc: "plan-report", at: "地区生产总值增长5.2%", indicator: "地区生产总值增长", value: 5.2, unit: "%", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "plan-report", at: "城镇新增就业6.1万人", indicator: "城镇新增就业", value: 6.1, unit: "万人", cmp: "=", year: ptr(2023), kind: "actual"},
		// A relative year in the figure's own clause beats the frame; the
		// base of a comparison (比上年) does not.
		{doc: "plan-report", at: "比上年增长7%", indicator: "社会消费品零售总额", value: 7, unit: "%", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "plan-report", at: "新建充电桩3000个", indicator: "新建充电桩", value: 3000, unit: "个", cmp: "=", year: ptr(2025), kind: "target"},
		{doc: "plan-report", at: "已建成1800个", indicator: "已建成", value: 1800, unit: "个", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "plan-report", at: "地区生产总值增长5%左右", indicator: "地区生产总值增长", value: 5, unit: "%", cmp: "~", year: ptr(2024), kind: "target"},
		{doc: "plan-report", at: "新开工保障性租赁住房1.2万套", indicator: "新开工保障性租赁住房", value: 1.2, unit: "万套", cmp: "=", year: ptr(2024), kind: "target"},
		// A plan's paragraph reviewing the last period.
		{doc: "plan-review-paragraph", at: "新增养老床位4200张", indicator: "新增养老床位", value: 4200, unit: "张", cmp: "=", year: ptr(2020), kind: "actual"},
		{doc: "plan-review-paragraph", at: "护理型床位占比达到55%以上", indicator: "护理型床位占比", value: 55, unit: "%", cmp: ">=", year: ptr(2025), kind: "target"},
		// A span of years speaks of its last; 规划期内 of the plan's end.
		{doc: "plan-review-paragraph", at: "养老服务投入年均增长6.5%", indicator: "养老服务投入年均增长", value: 6.5, unit: "%", cmp: "=", year: ptr(2020), kind: "actual"},
		{doc: "plan-review-paragraph", at: "新建社区养老服务中心120个", indicator: "新建社区养老服务中心", value: 120, unit: "个", cmp: "=", year: ptr(2025), kind: "target"},
		// A subject carried from the clause before.
		{doc: "plan-review-paragraph", at: "占地区生产总值比重升至12%", indicator: "海洋经济增加值占地区生产总值比重", value: 12, unit: "%", cmp: "=", year: ptr(2025), kind: "target"},
		// A year's scheme: its title's year.
		{doc: "yearly-scheme", at: "综合一窗率达95%以上", indicator: "综合一窗率", value: 95, unit: "%", cmp: ">=", year: ptr(2023), kind: "target"},
		// A cycle has no year; where a plan starts from is reported.
		{doc: "yearly-scheme", at: "每季度通报1次", indicator: "通报", value: 1, unit: "次", cmp: "=", kind: "target"},
		{doc: "yearly-scheme", at: "38项", indicator: "服务", value: 38, unit: "项", cmp: "=", year: ptr(2023), kind: "actual"},
		{doc: "subsidy-policy", at: "数字经济核心产业增加值占比达到12%", indicator: "数字经济核心产业增加值占比", value: 12, unit: "%", cmp: "=", year: ptr(2025), kind: "target"},
	}
	for _, w := range written {
		d, out := extractWritten(t, w.doc)
		assertTarget(t, d, out, w)
	}
}

// TestNotTargets: numbers that are rules, grades, formulas or set phrases.
func TestNotTargets(t *testing.T) {
	real := []targetWant{
		{doc: "32", at: "最高3000万元"},                // a subsidy cap
		{doc: "32", at: "省级按照项目设备购置额的10%"},         // a subsidy share
		{doc: "30", at: "（0.5分）"},                  // assessment points
		{doc: "30", at: "日常监测（60%）"},               // a formula
		{doc: "01", at: "1000千伏输电线路", value: 1000}, // a voltage grade
		{doc: "01", at: "开展深入贯彻中央八项规定精神学习教育"},      // a set phrase
	}
	for _, w := range real {
		d, out := extractCorpus(t, w.doc)
		assertTarget(t, d, out, w)
	}
	written := []targetWant{
		{doc: "yearly-scheme", at: "（0.5分）"},
		{doc: "yearly-scheme", at: "日常监测（60%）"},
		{doc: "yearly-scheme", at: "7×24小时"},
		{doc: "subsidy-policy", at: "一次性奖补50万元"},
		{doc: "subsidy-policy", at: "最高500万元"},
		{doc: "subsidy-policy", at: "八项规定"},
		{doc: "subsidy-policy", at: "500千伏", value: 500},
		{doc: "subsidy-policy", at: "位居全国前10位"},
	}
	for _, w := range written {
		d, out := extractWritten(t, w.doc)
		assertTarget(t, d, out, w)
	}
}

// TestFramesInOutput: each frame is listed with its year, mode and where it
// stands, so a user can see why a figure got its year.
func TestFramesInOutput(t *testing.T) {
	_, out := extractWritten(t, "county-report")
	var got []string
	for _, f := range out.Frames {
		got = append(got, f.Mode+" "+itoa(f.Year)+" "+f.Scope+" "+f.Cue)
	}
	want := []string{
		"review 2023 section 一、过去一年工作回顾",
		"plan 2024 section 二、今年工作安排",
		"plan 2024 paragraph 今年",
		"goals 2028 section 三、今后五年主要目标",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("frames:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tg := range out.Targets {
		if tg.YearFrom == "" {
			t.Errorf("%q: no year_from", tg.Indicator)
		}
	}
}

func itoa(p *int) string {
	if p == nil {
		return "-"
	}
	return strconv.Itoa(*p)
}

// toTraditional converts simplified text with OpenCC's s2t tables (gocc,
// the library normalize uses the other way), character for character.
func toTraditional(t *testing.T, s string) string {
	t.Helper()
	cc, err := gocc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	out, err := cc.Convert(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTraditionalConversionGivesSameRecords: a development document and its
// OpenCC traditional conversion give the same records, field by field, but
// for script: section cues (回顧), kinds, years, deadlines and units all
// run on the normalised view.
func TestTraditionalConversionGivesSameRecords(t *testing.T) {
	// Documents whose conversion is faithful (21's and 32's 100家具有…
	// becomes 100傢俱有…, OpenCC reading 家具 as furniture).
	for _, name := range []string{"01", "30"} {
		c := corpus.Get(t, name)
		trad := toTraditional(t, c.Original)
		if utf8.RuneCountInString(trad) != utf8.RuneCountInString(c.Original) || trad == c.Original {
			t.Fatalf("%s: the conversion is not character for character", name)
		}
		ds, err := document.FromText(c.Name, c.Original, "utf-8", "text", document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		dt, err := document.FromText(c.Name, trad, "utf-8", "text", document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		a, b := Extract(ds), Extract(dt)
		if b.Script != "traditional" {
			t.Fatalf("%s: converted text detected as %s", name, b.Script)
		}
		if len(a.Targets) != len(b.Targets) || len(a.Deadlines) != len(b.Deadlines) || len(a.Units) != len(b.Units) || len(a.Frames) != len(b.Frames) {
			t.Fatalf("%s: simplified %d/%d/%d/%d records, traditional %d/%d/%d/%d", name,
				len(a.Targets), len(a.Deadlines), len(a.Units), len(a.Frames), len(b.Targets), len(b.Deadlines), len(b.Units), len(b.Frames))
		}
		for i := range a.Targets {
			x, y := a.Targets[i], b.Targets[i]
			if x.Value != y.Value || x.Comparator != y.Comparator || x.Kind != y.Kind || !eqPtr(x.Year, y.Year) || x.YearFrom != y.YearFrom ||
				x.Span != y.Span || x.IndicatorKey != y.IndicatorKey || x.Unit != normalize.ToSimplified(y.Unit) || x.Indicator != normalize.ToSimplified(y.Indicator) {
				t.Errorf("%s target %d:\nsimplified  %+v\ntraditional %+v", name, i, x, y)
			}
		}
		for i := range a.Deadlines {
			if a.Deadlines[i].Date != b.Deadlines[i].Date || a.Deadlines[i].Span != b.Deadlines[i].Span {
				t.Errorf("%s deadline %d: %+v vs %+v", name, i, a.Deadlines[i], b.Deadlines[i])
			}
		}
		for i := range a.Units {
			if strings.Join(a.Units[i].Canonical, "、") != strings.Join(b.Units[i].Canonical, "、") || a.Units[i].Role != b.Units[i].Role || a.Units[i].Span != b.Units[i].Span {
				t.Errorf("%s unit %d: %+v vs %+v", name, i, a.Units[i], b.Units[i])
			}
		}
		for i := range a.Frames {
			if a.Frames[i].Mode != b.Frames[i].Mode || !eqPtr(a.Frames[i].Year, b.Frames[i].Year) || a.Frames[i].Span != b.Frames[i].Span {
				t.Errorf("%s frame %d: %+v vs %+v", name, i, a.Frames[i], b.Frames[i])
			}
		}
	}
}

// TestTraditionalFrames: a traditional-character report frames its
// figures as the simplified one does (回顧 acts as 回顾).
func TestTraditionalFrames(t *testing.T) {
	simp := writtenDocs["county-report"]
	trad := toTraditional(t, simp)
	if trad == simp {
		t.Fatal("no traditional conversion")
	}
	ds, _ := document.FromText("s.txt", simp, "utf-8", "text", document.Options{})
	dt, _ := document.FromText("t.txt", trad, "utf-8", "text", document.Options{})
	a, b := Extract(ds), Extract(dt)
	if len(a.Targets) != len(b.Targets) || len(a.Frames) != len(b.Frames) {
		t.Fatalf("simplified %d targets %d frames, traditional %d, %d", len(a.Targets), len(a.Frames), len(b.Targets), len(b.Frames))
	}
	for i := range a.Targets {
		x, y := a.Targets[i], b.Targets[i]
		if x.Value != y.Value || x.Kind != y.Kind || !eqPtr(x.Year, y.Year) || x.Unit != normalize.ToSimplified(y.Unit) || x.IndicatorKey != y.IndicatorKey {
			t.Errorf("target %d: simplified %+v\ntraditional %+v", i, x, y)
		}
	}
}

// TestUnnamedNumbersLeftOut: a row of bare percentages names nothing they
// measure, so no target comes of them; the warnings count them.
func TestUnnamedNumbersLeftOut(t *testing.T) {
	d, err := document.FromText("cells.txt", "5%\t6%\t7%\t8%\n到2025年，全市儿童健康管理率达到95%以上。\n", "utf-8", "text", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := Extract(d)
	if len(out.Targets) != 1 || out.Targets[0].Value != 95 {
		t.Fatalf("targets %+v, want only 儿童健康管理率 95", out.Targets)
	}
	if !strings.Contains(strings.Join(out.Warnings, "\n"), "4 numbers with nothing naming what they measure left out") {
		t.Errorf("warnings %q", out.Warnings)
	}
}

// TestHavingVerbTrimmed: 有 opening a clause is the verb of having, not
// part of the noun counted; words of their own (有效) keep it. Real
// sentence: 001's "有卫生技术人员20300人".
func TestHavingVerbTrimmed(t *testing.T) {
	_, real := extractCorpus(t, "001")
	_, written := extractWritten(t, "county-report")
	want := map[float64]string{20300: "卫生技术人员", 1.2: "专业技术人员", 38: "有效灌溉面积"}
	for _, out := range []record.Document{real, written} {
		for _, tg := range out.Targets {
			if w, ok := want[tg.Value]; ok && strings.Contains(tg.Indicator, w) && tg.Indicator != w {
				t.Errorf("%v: indicator %q, want %q", tg.Value, tg.Indicator, w)
			}
		}
	}
}
