package meta

import (
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
	"github.com/liuzl/gocc"
	"reflect"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
)

// corpusText reads a corpus document and gives it as written and as the
// pipeline hands it on: simplified (003 is in traditional characters).
func corpusText(t *testing.T, prefix string) (original, simplified string) {
	d := corpus.Get(t, prefix)
	return d.Original, d.Normalised
}

func TestExtractCorpus(t *testing.T) {
	tests := []struct {
		doc string
		// Title as written in the original script, read back through the span.
		original string
		want     Meta
	}{
		// A news page: headline above 发布日期; the report's own date is its
		// 来源时间 (2023-05-22), not the day the page reposted it (2023/6/12).
		{"000", "省卫健委出台政策支持许昌高质量建设城乡融合共同富裕先行试验区构建整合型县域医疗卫生服务体系", Meta{
			Title:     "省卫健委出台政策支持许昌高质量建设城乡融合共同富裕先行试验区构建整合型县域医疗卫生服务体系",
			Issuers:   []string{"省卫健委"},
			Published: "2023-05-22", Year: 2023,
		}},
		// A 印发 notice: the plan's quoted title, the signature block's
		// bodies and date (not the page's 发布日期 2021-11-16).
		{"001", "安康市“十四五”卫生健康事业发展规划", Meta{
			Title:     "安康市“十四五”卫生健康事业发展规划",
			Issuers:   []string{"安康市发展和改革委员会", "安康市卫生健康委员会"},
			Published: "2021-11-15", Year: 2021,
			PeriodStart: 2021, PeriodEnd: 2025,
		}},
		// A downloaded file: its name less .docx; no date, no issuer.
		{"002", "大别山区域医疗中心建设三年行动方案(2023—2025年)", Meta{
			Title:       "大别山区域医疗中心建设三年行动方案(2023—2025年)",
			PeriodStart: 2023, PeriodEnd: 2025,
		}},
		// Traditional: the headline, not 原标题; the issuer from the lede
		// (日前,省政府办公厅印发《…》); the dateline's date.
		{"003", "河北省六項舉措促進優質醫療資源均衡布局", Meta{
			Title:     "河北省六项举措促进优质医疗资源均衡布局",
			Issuers:   []string{"省政府办公厅"},
			Published: "2021-07-20", Year: 2021,
		}},
		// The main headline above author and dateline (2020年04月15日09:53
		// 来源:兰州日报); the line above it is its kicker, also its 原标题.
		{"004", "兰州安排部署今年卫生健康重点工作", Meta{
			Title:     "兰州安排部署今年卫生健康重点工作",
			Published: "2020-04-15", Year: 2020,
		}},
		// A government work report: the title, not the byline; the
		// government delivering it; the day of the meeting it was
		// delivered at (a line 2026年2月3日在…会议上), not the page's date.
		{"01", "2026年四川省人民政府工作报告", Meta{
			Title:     "2026年四川省人民政府工作报告",
			Issuers:   []string{"四川省人民政府"},
			Published: "2026-02-03", Year: 2026,
		}},
		// A title wrapped before its period: read whole, so the period is known.
		{"21", "民用爆炸物品行业发展规划\n（2016-2020年）", Meta{
			Title:       "民用爆炸物品行业发展规划(2016-2020年)",
			PeriodStart: 2016, PeriodEnd: 2020,
		}},
		// A notice whose signature lost its names: the date alone on its line.
		{"30", "包头市2022年数字政府建设考评办法", Meta{
			Title:     "包头市2022年数字政府建设考评办法",
			Issuers:   []string{"包头市人民政府办公室"},
			Published: "2022-04-14", Year: 2022,
		}},
		// A 印发 notice of two documents, signed below.
		{"32", "支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021—2023年)", Meta{
			Title:     "支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021—2023年)",
			Issuers:   []string{"安徽省人民政府办公厅"},
			Published: "2021-09-02", Year: 2021, PeriodStart: 2021, PeriodEnd: 2023,
		}},
	}
	for _, tt := range tests {
		original, text := corpusText(t, tt.doc)
		got := Extract(text)
		if span := string([]rune(original)[got.TitleStart:got.TitleEnd]); span != tt.original {
			t.Errorf("%s: title span %d:%d reads %q in the original, want %q", tt.doc, got.TitleStart, got.TitleEnd, span, tt.original)
		}
		got.TitleStart, got.TitleEnd = 0, 0
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Extract =\n%+v\nwant\n%+v", tt.doc, got, tt.want)
		}
	}
}

func TestExtractSynthetic(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Meta
		span string // the text at the title's span
	}{
		{"a 印发 notice from one body, signed in Chinese numerals",
			"某某市人民政府办公室关于印发《某某市医疗卫生服务体系规划(2021-2025年)》的通知\n\n各县区人民政府:\n\n现将《某某市医疗卫生服务体系规划(2021-2025年)》印发给你们,请认真贯彻执行。\n\n某某市人民政府办公室\n二〇二一年十二月三日\n",
			Meta{Title: "某某市医疗卫生服务体系规划(2021-2025年)", Issuers: []string{"某某市人民政府办公室"},
				Published: "2021-12-03", Year: 2021, PeriodStart: 2021, PeriodEnd: 2025},
			"某某市医疗卫生服务体系规划(2021-2025年)"},
		{"a notice that is itself the document",
			"某某县卫生健康局关于做好2023年基本公共卫生服务项目工作的通知\n\n发布时间:2023-04-10\n\n各乡镇卫生院:\n为做好2023年基本公共卫生服务项目工作,现通知如下。\n",
			Meta{Title: "某某县卫生健康局关于做好2023年基本公共卫生服务项目工作的通知", Issuers: []string{"某某县卫生健康局"},
				Published: "2023-04-10", Year: 2023},
			"某某县卫生健康局关于做好2023年基本公共卫生服务项目工作的通知"},
		{"a reposted report with only 原标题, issued by two bodies",
			"来源:某某日报\n原标题:我省出台措施推进县域医共体建设\n近日,省卫生健康委、省医保局联合印发《关于推进紧密型县域医共体建设的实施方案》,明确到2025年全省县域医共体全覆盖。\n",
			Meta{Title: "我省出台措施推进县域医共体建设", Issuers: []string{"省卫生健康委", "省医保局"}},
			"我省出台措施推进县域医共体建设"},
		{"a cited document is not the issuer's",
			"某某市医疗卫生事业发展行动计划\n\n为深入贯彻落实省政府办公厅印发的医疗服务体系建设三年行动计划文件精神,结合我市实际,制定本计划。\n",
			Meta{Title: "某某市医疗卫生事业发展行动计划"},
			"某某市医疗卫生事业发展行动计划"},
		{"a forwarded notice: the plan inside the notice it forwards",
			"关于转发《省卫生健康委关于印发〈某某省护理事业发展规划(2021—2025年)〉的通知》的通知\n各县(市、区)卫生健康局:\n现将该文件转发给你们,请认真贯彻落实。\n",
			Meta{Title: "某某省护理事业发展规划(2021—2025年)", PeriodStart: 2021, PeriodEnd: 2025},
			"某某省护理事业发展规划(2021—2025年)"},
		{"a signature closing the text, after a table's unit and deadline cells",
			"某某县卫生健康事业发展规划\n" + repeatLines("各项工作有序推进。\n", 45) +
				"牵头单位\n县卫生健康局\n2025年12月31日\n" + repeatLines("各项工作有序推进。\n", 15) +
				"某某县人民政府\n2022年3月1日\n(此件公开发布)\n附件:重点项目表\n" + repeatLines("项目\n", 12),
			Meta{Title: "某某县卫生健康事业发展规划", Issuers: []string{"某某县人民政府"}, Published: "2022-03-01", Year: 2022},
			"某某县卫生健康事业发展规划"},
		{"no text", "", Meta{}, ""},
		{"a report titled only 政府工作报告: the byline's government and its meeting's date",
			"政府工作报告\n——2025年1月15日在某某市第十七届人民代表大会第四次会议上\n某某市人民政府代市长 某某\n各位代表:\n",
			Meta{Title: "政府工作报告", Issuers: []string{"某某市人民政府"}, Published: "2025-01-15", Year: 2025},
			"政府工作报告"},
		{"a report whose byline names the province, not its government",
			"政府工作报告\n(2025年1月14日在某某省第十四届人民代表大会第三次会议上)\n某某省省长 某某\n各位代表:\n",
			Meta{Title: "政府工作报告", Issuers: []string{"某某省人民政府"}, Published: "2025-01-14", Year: 2025},
			"政府工作报告"},
		{"a State Council notice: a body known whole, signed below",
			"国务院关于印发《某某领域发展规划》的通知\n国发〔2021〕5号\n各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n现将《某某领域发展规划》印发给你们,请认真贯彻执行。\n国务院\n2021年3月1日\n",
			Meta{Title: "某某领域发展规划", Issuers: []string{"国务院"}, Published: "2021-03-01", Year: 2021},
			"某某领域发展规划"},
		{"a title wrapped inside its name",
			"某某省“十五五”数字经济\n发展规划\n一、发展基础\n",
			Meta{Title: "某某省“十五五”数字经济发展规划", PeriodStart: 2026, PeriodEnd: 2030},
			"某某省“十五五”数字经济\n发展规划"},
		{"a date label in the body is a task's, not the document's",
			"某某行动方案\n" + repeatLines("各项工作有序推进。\n", 25) + "完成时间:2023年12月31日\n",
			Meta{Title: "某某行动方案"},
			"某某行动方案"},
	}
	for _, tt := range tests {
		got := Extract(tt.text)
		if span := string([]rune(tt.text)[got.TitleStart:got.TitleEnd]); span != tt.span {
			t.Errorf("%s: span reads %q, want %q", tt.name, span, tt.span)
		}
		got.TitleStart, got.TitleEnd = 0, 0
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Extract =\n%+v\nwant\n%+v", tt.name, got, tt.want)
		}
	}
}

func repeatLines(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2021年11月15日", "2021-11-15"},
		{"发布日期:2023/6/12 19:39:36", "2023-06-12"},
		{"2021-07-20 09:59:54", "2021-07-20"},
		{"2021.11.15", "2021-11-15"},
		{"二〇二一年十一月十五日", "2021-11-15"},
		{"二〇二三年五月二十二日", "2023-05-22"},
		{"二○二○年四月三十日", "2020-04-30"},
	}
	for _, tt := range tests {
		d, ok := parseDate(tt.in)
		if !ok || d.iso() != tt.want {
			t.Errorf("parseDate(%q) = %s, %v; want %s", tt.in, d.iso(), ok, tt.want)
		}
	}
	if _, ok := parseDate("2021年13月40日"); ok {
		t.Error("parseDate accepted month 13")
	}
}

func TestPeriod(t *testing.T) {
	v := vocabulary()
	tests := []struct {
		title      string
		start, end int
	}{
		{"安康市“十四五”卫生健康事业发展规划", 2021, 2025},
		{"大别山区域医疗中心建设三年行动方案(2023—2025年)", 2023, 2025},
		{"河南省医疗服务体系建设三年行动计划(2023-2025年)", 2023, 2025},
		{"某某市2021年至2023年健康扶贫行动计划", 2021, 2023},
		{"某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", 2021, 2025},
		{"卫生健康事业发展“十三五”规划", 2016, 2020},
		{"河北省六项举措促进优质医疗资源均衡布局", 0, 0},
		{"新中国成立以来(1949-2019年)卫生事业回顾", 0, 0},
	}
	for _, tt := range tests {
		s, e := period(tt.title, v)
		if s != tt.start || e != tt.end {
			t.Errorf("period(%q) = %d, %d; want %d, %d", tt.title, s, e, tt.start, tt.end)
		}
	}
}

// TestExtractTraditional: the work report's head converted to traditional
// (OpenCC s2t) and normalised as the pipeline does gives the same metadata.
func TestExtractTraditional(t *testing.T) {
	s2t, err := gocc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	_, simplified := corpusText(t, "01")
	head := strings.Join(strings.SplitN(simplified, "\n", 40)[:39], "\n")
	trad, err := s2t.Convert(head)
	if err != nil {
		t.Fatal(err)
	}
	if trad == head {
		t.Fatal("s2t changed nothing")
	}
	v, err := normalize.View(textview.Identity(trad), normalize.Traditional)
	if err != nil {
		t.Fatal(err)
	}
	want, got := Extract(head), Extract(v.Text)
	if !reflect.DeepEqual(got, want) || want.Published != "2026-02-03" || len(want.Issuers) != 1 {
		t.Errorf("traditional head: %+v\nsimplified head: %+v", got, want)
	}
}
