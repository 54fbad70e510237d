package render

import "github.com/cnplan/cnplan/pkg/record"

func fptr(v float64) *float64 { return &v }
func iptr(v int) *int         { return &v }

// fixture is a small hand-made batch: a plan with one record of each
// shape (a table row with an attribute, a range, a "from X to Y" baseline,
// a sentence holding a line break, quotes, a comma and < > &), a document
// that could not be read, and a traditional-script document in which
// nothing was found and every slice is nil.
func fixture() []record.Document {
	return []record.Document{
		{
			Schema:    record.Schema,
			File:      "002_e8b66c7ddb9e4fa1.txt",
			Encoding:  "utf-8",
			Format:    "txt",
			Script:    "simplified",
			Title:     "信阳市“十四五”卫生健康事业发展规划",
			Issuer:    []string{"信阳市人民政府"},
			Published: "2022-03-01",
			Period:    &record.Period{Start: 2021, End: 2025},
			Region:    &record.Region{Province: "河南省", City: "信阳市", Code: "411500"},
			Cleaning:  &record.Cleaning{DroppedLines: 2, JoinedBreaks: 1},
			Targets: []record.Target{
				{
					Indicator: "每千人口医疗卫生机构床位数", IndicatorKey: "每千人口医疗卫生机构床位数",
					Value: 7.5, Unit: "张", Comparator: ">=", Kind: record.KindTarget,
					Year: iptr(2025), Baseline: fptr(6.02), BaselineYear: iptr(2020),
					Attribute: "预期性",
					Section:   "附表 > 主要指标",
					Text:      "每千人口医疗卫生机构床位数(张) 6.02 ≥7.5 预期性",
					Source:    record.Source{Line: 40, Span: [2]int{1200, 1228}},
				},
				{
					Indicator: "市级重点专科", IndicatorKey: "市级重点专科",
					Value: 2, ValueMax: fptr(4), Unit: "个", Comparator: "range", Kind: record.KindTarget,
					Year: iptr(2025), Deadline: "到2025年",
					Units:   []string{"市卫生健康委"},
					Section: "三、重点任务 > (二)提升县域医疗服务能力",
					Text:    "到2025年,每个二级以上中医医院建成2-4个市级重点专科。",
					Source:  record.Source{Line: 52, Span: [2]int{1500, 1530}},
				},
				{
					Indicator: "县域医疗中心临床服务五大中心达标率", IndicatorKey: "县域医疗中心临床服务五大中心达标率",
					Value: 90, Unit: "%", Comparator: ">=", Kind: record.KindTarget, Year: iptr(2025),
					Section: "三、重点任务",
					Text:    "“十四五”末, 达标率不\n5、低于90% <县域> & \"五大中心\"",
					Source:  record.Source{Line: 60, Span: [2]int{1700, 1712}},
				},
				{
					Indicator: "生育关怀抚慰金标准", IndicatorKey: "生育关怀抚慰金标准",
					Value: 200, Unit: "元", Comparator: "=", Kind: record.KindActual,
					Baseline: fptr(120),
					Text:     "由每人每月120元提高到200元",
					Source:   record.Source{Line: 12, Span: [2]int{300, 315}},
				},
			},
			Deadlines: []record.Deadline{
				{
					Text: "“十四五”末", Date: "2025-12-31",
					Task:     "实现县域医疗中心临床服务五大中心全覆盖,县级医院综合服务能力达标率不低于90%,群众就近就医更加方便",
					Section:  "三、重点任务",
					Sentence: "“十四五”末实现县城医疗中心临床服务五大中心全覆盖。",
					Source:   record.Source{Line: 60, Span: [2]int{1650, 1657}},
				},
			},
			Units: []record.Unit{
				{
					Units:     []string{"市发展改革委", "市财政局", "市已生健康委", "信阳职业技术学院"},
					Canonical: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
					Role:      record.RoleResponsible,
					Task:      "建设省级区域医疗中心",
					Text:      "(责任单位:市发展改革委、市财政局、市已生健康委、信阳职业技术学院",
					Source:    record.Source{Line: 30, Span: [2]int{900, 936}},
				},
				{
					Units: []string{"市卫健委"},
					Role:  record.RoleLead,
					Text:  "(牵头单位:市卫健委",
					// Canonical left nil: must still render as [].
					Source: record.Source{Line: 70, Span: [2]int{2000, 2010}},
				},
			},
		},
		{
			Schema: record.Schema,
			File:   "missing.pdf",
			Error:  "open missing.pdf: no such file or directory",
			Title:  "ignored for an error document",
		},
		{
			// Schema left empty: the renderer fills in record.Schema.
			File:   "003_1291eae2c3d8fdfd.txt",
			Script: "traditional",
			Title:  "衛生健康工作要點",
		},
	}
}
