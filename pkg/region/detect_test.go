package region_test

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"

	"github.com/cnplan/cnplan/pkg/meta"
	"github.com/cnplan/cnplan/pkg/region"
)

// corpusText reads a corpus document as the pipeline hands it on:
// simplified (003 is written in traditional characters).
func corpusText(t *testing.T, prefix string) string { return corpus.Get(t, prefix).Normalised }

// The five corpus documents, with the title and issuers they carry.
var corpusRegions = []struct {
	doc     string
	title   string
	issuers []string
	want    region.Region
}{
	// A news report: the city in the headline.
	{"000", "省卫健委出台政策支持许昌高质量建设城乡融合共同富裕先行试验区构建整合型县域医疗卫生服务体系",
		[]string{"省卫健委"}, region.Region{Province: "河南省", City: "许昌市", Code: "411000"}},
	// A city's plan, signed by two city bodies.
	{"001", "安康市“十四五”卫生健康事业发展规划",
		[]string{"安康市发展和改革委员会", "安康市卫生健康委员会"}, region.Region{Province: "陕西省", City: "安康市", Code: "610900"}},
	// No place in the title: the body's 信阳市中心医院, 信阳职业技术学院….
	{"002", "大别山区域医疗中心建设三年行动方案(2023—2025年)",
		nil, region.Region{Province: "河南省", City: "信阳市", Code: "411500"}},
	// A province's news, though its body names 三明市 and 北京.
	{"003", "河北省六项举措促进优质医疗资源均衡布局",
		[]string{"省政府办公厅"}, region.Region{Province: "河北省", Code: "130000"}},
	{"004", "兰州安排部署今年卫生健康重点工作",
		nil, region.Region{Province: "甘肃省", City: "兰州市", Code: "620100"}},
	// A province's work report, though its body names 成都大运会 and its cities.
	{"01", "2026年四川省人民政府工作报告",
		[]string{"四川省人民政府"}, region.Region{Province: "四川省", Code: "510000"}},
	// A city's scheme issued by its government's office.
	{"30", "包头市2022年数字政府建设考评办法",
		[]string{"包头市人民政府办公室"}, region.Region{Province: "内蒙古自治区", City: "包头市", Code: "150200"}},
	{"32", "支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021—2023年)",
		[]string{"安徽省人民政府办公厅"}, region.Region{Province: "安徽省", Code: "340000"}},
}

func TestDetectCorpus(t *testing.T) {
	for _, tt := range corpusRegions {
		got := region.Detect(tt.title, tt.issuers, corpusText(t, tt.doc))
		if got != tt.want {
			t.Errorf("%s: Detect = %+v, want %+v", tt.doc, got, tt.want)
		}
	}
}

// TestDetectWithMeta feeds Detect what pkg/meta reads, as the pipeline does.
func TestDetectWithMeta(t *testing.T) {
	for _, tt := range corpusRegions {
		text := corpusText(t, tt.doc)
		m := meta.Extract(text)
		if got := region.Detect(m.Title, m.Issuers, text); got != tt.want {
			t.Errorf("%s: Detect(meta) = %+v, want %+v", tt.doc, got, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name    string
		title   string
		issuers []string
		body    string
		want    region.Region
	}{
		{"a county named in the title",
			"永登县卫生健康事业发展“十四五”规划", nil, "全县卫生健康事业稳步发展。",
			region.Region{Province: "甘肃省", City: "兰州市", County: "永登县", Code: "620121"}},
		{"an issuer names the city",
			"关于做好2023年基本公共卫生服务工作的通知", []string{"信阳市卫生健康委员会"}, "各县区卫生健康委:",
			region.Region{Province: "河南省", City: "信阳市", Code: "411500"}},
		{"a province's plan naming each city once stays the province's",
			"", nil, "支持郑州、洛阳、南阳建设区域医疗中心,推动河南省医疗卫生服务体系建设,河南全省统筹。",
			region.Region{Province: "河南省", Code: "410000"}},
		{"an event named after its host city is not the document's place",
			"体育产业发展规划", nil, "借助杭州亚运会契机,办好杭州亚运会、亚残运会各项赛事服务保障工作。",
			region.Region{}},
		{"the host city of an event in a province's report stays the province's",
			"2024年浙江省人民政府工作报告", []string{"浙江省人民政府"}, "成功举办杭州亚运会,宁波、温州经济稳步增长。",
			region.Region{Province: "浙江省", Code: "330000"}},
		{"no place at all",
			"卫生健康事业发展规划", nil, "为进一步明确卫生健康事业发展思路,编制本规划。",
			region.Region{}},
	}
	for _, tt := range tests {
		if got := region.Detect(tt.title, tt.issuers, tt.body); got != tt.want {
			t.Errorf("%s: Detect = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
