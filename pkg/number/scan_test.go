package number

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one Quantity as a test row states it.
type want struct {
	mention string // text[Start:End]
	value   float64
	max     float64
	mult    string
	pct     string
	per     string
	cmp     string
}

func (w want) String() string {
	return fmt.Sprintf("%q %v-%v mult=%q pct=%q per=%q cmp=%q", w.mention, w.value, w.max, w.mult, w.pct, w.per, w.cmp)
}

func got(text string, q Quantity) want {
	rs := []rune(text)
	return want{string(rs[q.Start:q.End]), q.Value, q.ValueMax, q.Multiplier, q.Percent, q.Per, q.Comparator}
}

func checkScan(t *testing.T, text string, wants []want) {
	t.Helper()
	qs := Scan(text)
	var gots []want
	for _, q := range qs {
		gots = append(gots, got(text, q))
	}
	if len(gots) != len(wants) {
		t.Errorf("Scan(%q):\n got %v\nwant %v", text, gots, wants)
		return
	}
	for i := range wants {
		if gots[i] != wants[i] {
			t.Errorf("Scan(%q)[%d]:\n got %v\nwant %v", text, i, gots[i], wants[i])
		}
	}
}

// TestScanCorpus: sentences from testdata/corpus (the file number leads the
// name; 003 is shown as the caller hands it over, simplified) and the
// brief's examples, with every number mention they must give.
func TestScanCorpus(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"001 multiplier", "全市各级医疗卫生机构总诊疗服务人次1264.2万人次,较2015年增长5.6%",
			[]want{{mention: "1264.2万", value: 1264.2, mult: "万"}, {mention: "2015", value: 2015}, {mention: "5.6%", value: 5.6, pct: "%"}}},
		{"001 permille and rate", "2020年,全市婴儿死亡率控制在2.11‰,5岁以下儿童死亡率控制在3.85‰,孕产妇死亡率控制在9.39/10万",
			[]want{{mention: "2020", value: 2020}, {mention: "控制在2.11‰", value: 2.11, pct: "‰", cmp: "="},
				{mention: "5", value: 5}, {mention: "控制在3.85‰", value: 3.85, pct: "‰", cmp: "="},
				{mention: "控制在9.39/10万", value: 9.39, per: "/10万", cmp: "="}}},
		{"001 余 after a multiplier", "累计为农村群众完成远程会诊8万余例次",
			[]want{{mention: "8万余", value: 8, mult: "万", cmp: "~"}}},
		{"001 ordinal and year style", "《安康市国民经济和社会发展第十四个五年规划和二O三五年远景目标纲要》",
			[]want{{mention: "第十四", value: 14}, {mention: "五", value: 5}, {mention: "二O三五", value: 2035}}},
		{"002 count", "建设20个市级区域医疗中心", []want{{mention: "20", value: 20}}},
		{"001 range", "组建4-6只紧急医学救援队伍", []want{{mention: "4-6", value: 4, max: 6, cmp: "range"}}},
		{"001 two ranges", "鼓励支持发展托育机构10-20所,新增0-3岁儿童托位",
			[]want{{mention: "10-20", value: 10, max: 20, cmp: "range"}, {mention: "0-3", value: 0, max: 3, cmp: "range"}}},
		{"002 grade is no number", "每个二级以上中医医院建成2-4个市级重点专科",
			[]want{{mention: "2-4", value: 2, max: 4, cmp: "range"}}},
		{"002 range", "争取建设1-2个省级中西医协同“旗舰”科室", []want{{mention: "1-2", value: 1, max: 2, cmp: "range"}}},
		{"001 不低于", "各级中医医院中医类别执业(助理)医师占执业医师比例不低于60%",
			[]want{{mention: "不低于60%", value: 60, pct: "%", cmp: ">="}}},
		{"001 降到…以下", "5岁以下儿童乙肝表面抗原携带率降到0.75%以下",
			[]want{{mention: "5", value: 5}, {mention: "降到0.75%以下", value: 0.75, pct: "%", cmp: "<="}}},
		{"001 rate with 以下", "孕产妇死亡率控制在11/10万以下",
			[]want{{mention: "控制在11/10万以下", value: 11, per: "/10万", cmp: "<="}}},
		{"001 ≥", "65岁以上老人健康管理率≥72%",
			[]want{{mention: "65", value: 65}, {mention: "≥72%", value: 72, pct: "%", cmp: ">="}}},
		{"001 以上 after a unit is the caller's", "全市精神卫生专科医师达到3.0/10万人以上",
			[]want{{mention: "达到3.0/10万", value: 3, per: "/10万", cmp: "="}}},
		{"001 万 before a noun", "15.89万因病致贫人口全部如期实现脱贫", []want{{mention: "15.89万", value: 15.89, mult: "万"}}},
		{"001 亿 and counts", "全市累计投入13.7亿元,建成医疗、疾控、妇幼等卫生基础设施项目11类46个",
			[]want{{mention: "13.7亿", value: 13.7, mult: "亿"}, {mention: "11", value: 11}, {mention: "46", value: 46}}},
		{"001 分别达到", "市、县、镇村基本药物配备率分别达到51.6%、68.8%、80.9%",
			[]want{{mention: "达到51.6%", value: 51.6, pct: "%", cmp: "="}, {mention: "68.8%", value: 68.8, pct: "%"}, {mention: "80.9%", value: 80.9, pct: "%"}}},
		{"001 达…以上", "贫困人口住院合规费用报销比例达80%以上", []want{{mention: "达80%以上", value: 80, pct: "%", cmp: ">="}}},
		{"001 超过", "达标医院占比超过60%", []want{{mention: "超过60%", value: 60, pct: "%", cmp: ">="}}},
		{"001 提高至…以上", "基层首诊率持续提高至70%以上", []want{{mention: "提高至70%以上", value: 70, pct: "%", cmp: ">="}}},
		{"001 from…to", "人均自负费用由2016年的1335.89元下降至2020年的1196元",
			[]want{{mention: "2016", value: 2016}, {mention: "1335.89", value: 1335.89}, {mention: "下降至2020", value: 2020, cmp: "="}, {mention: "1196", value: 1196}}},
		{"001 至少 not adjacent", "每个社区卫生服务机构、乡镇卫生院至少配备1名中医师", []want{{mention: "1", value: 1}}},
		{"001 a date is no range", "发布日期:2021-11-16 09:49",
			[]want{{mention: "2021", value: 2021}, {mention: "11", value: 11}, {mention: "16", value: 16}, {mention: "09", value: 9}, {mention: "49", value: 49}}},
		{"001 签约 is no 约", "实现了“应签尽签、签约一人、履约一人、做实一人”",
			[]want{{mention: "一", value: 1}, {mention: "一", value: 1}, {mention: "一", value: 1}}},
		{"001 a table heading", "孕产妇死亡率(/10万)", nil},
		{"001 统一", "开通全市统一的预约挂号平台,建成全民健康信息平台一期", []want{{mention: "一", value: 1}}},
		{"001 十四五", "《安康市“十四五”卫生健康事业发展规划》", nil},
		{"001 十九大", "全面贯彻党的十九大、十九届二中、三中、四中、五中全会精神", []want{{mention: "十九", value: 19}}},
		{"001 三位一体", "实现机构、区域、公卫三位一体的信息化应用", nil},
		{"002 一批", "打造一批特色专科医院,培育一批在省内有影响力的重点学科", nil},
		{"002 一所", "每个乡镇建好一所政府举办的卫生院", []want{{mention: "一", value: 1}}},
		{"002 years", "大别山区域医疗中心建设三年行动方案(2023—2025年)",
			[]want{{mention: "三", value: 3}, {mention: "2023—2025", value: 2023, max: 2025, cmp: "range"}}},
		{"003 六项", "河北省六项举措促进优质医疗资源均衡布局", []want{{mention: "六", value: 6}}},
		{"003 count", "启动4个省级区域医疗中心建设", []want{{mention: "4", value: 4}}},
		{"004 万元", "罚款277万元", []want{{mention: "277万", value: 277, mult: "万"}}},
		{"004 三个一批", "先后开展健康扶贫“三个一批”行动", []want{{mention: "三", value: 3}}},
		{"004 新一轮", "实施新一轮改善医疗服务行动计划", nil},
		{"brief 达到", "每千人口医疗卫生机构床位数达到6.8张", []want{{mention: "达到6.8", value: 6.8, cmp: "="}}},
		{"brief 不低于", "达标率不低于90%", []want{{mention: "不低于90%", value: 90, pct: "%", cmp: ">="}}},
		{"brief 至", "每年2至3个", []want{{mention: "2至3", value: 2, max: 3, cmp: "range"}}},
		{"brief percent range", "占比60%—80%", []want{{mention: "60%—80%", value: 60, max: 80, pct: "%", cmp: "range"}}},
		{"brief Chinese range", "二至三", []want{{mention: "二至三", value: 2, max: 3, cmp: "range"}}},
		{"brief 百分之", "提高百分之五十", []want{{mention: "百分之五十", value: 50, pct: "%"}}},
		{"brief 个百分点 is a count", "下降5个百分点", []want{{mention: "5", value: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkScan(t, tt.text, tt.want) })
	}
}

// TestScanOffsets: spans are rune offsets, and the number span sits
// inside the mention.
func TestScanOffsets(t *testing.T) {
	text := "到2025年,每千人口医疗卫生机构床位数达到6.8张以上"
	qs := Scan(text)
	if len(qs) != 2 {
		t.Fatalf("Scan(%q) = %+v", text, qs)
	}
	q := qs[1]
	rs := []rune(text)
	if string(rs[q.NumStart:q.NumEnd]) != "6.8" || string(rs[q.Start:q.End]) != "达到6.8" {
		t.Errorf("spans: %q %q", string(rs[q.NumStart:q.NumEnd]), string(rs[q.Start:q.End]))
	}
	if qs[1].Chinese || qs[0].Value != 2025 {
		t.Errorf("%+v", qs)
	}
}

// corpusTexts reads the corpus documents for the benchmark and the fuzz
// seeds.
func corpusTexts(tb testing.TB) []string {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		tb.Skip("no corpus")
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// TestScanCorpusInvariants: over every corpus document, mentions are in
// order, do not overlap, and hold their number.
func TestScanCorpusInvariants(t *testing.T) {
	for _, text := range corpusTexts(t) {
		checkInvariants(t, text)
	}
}

func checkInvariants(t testing.TB, text string) {
	n := len([]rune(text))
	prev := 0
	for _, q := range Scan(text) {
		if q.Start < prev || q.Start > q.NumStart || q.NumStart >= q.NumEnd || q.NumEnd > q.End || q.End > n {
			t.Fatalf("bad spans in %q: %+v (previous end %d)", shorten(text), q, prev)
		}
		if q.IsRange && !(q.Value < q.ValueMax) {
			t.Fatalf("range out of order in %q: %+v", shorten(text), q)
		}
		prev = q.End
	}
}

func shorten(s string) string {
	if rs := []rune(s); len(rs) > 80 {
		return string(rs[:80]) + "…"
	}
	return s
}

func BenchmarkScan(b *testing.B) {
	texts := corpusTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	loadVocab()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Scan(t)
		}
	}
}

// FuzzScan: no panic, spans inside the text and in order, ranges ordered.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"到2025年,每千人口医疗卫生机构床位数达到6.8张以上",
		"孕产妇死亡率控制在9.39/10万", "远程会诊8万余例次", "二O三五年", "60%—80%",
		"百分之五十", "十几万多亿", "一百零几万", "2021-11-16 09:49", "-.5", "廿二",
		strings.Repeat("一", 100), "1,234,567.89万亿", "第十四个五年", "四十五亿四千零四万",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s)
		Parse(s)
	})
}
