package compare

import "github.com/cnplan/cnplan/pkg/record"

func fptr(v float64) *float64 { return &v }
func iptr(v int) *int         { return &v }

// target is a record as the extractor gives it, for the fixtures below.
func target(indicator, key string, v float64, unit, cmp string, year int, text string, line int) record.Target {
	t := record.Target{Indicator: indicator, IndicatorKey: key, Value: v, Unit: unit, Comparator: cmp,
		Kind: record.KindTarget, Text: text, Source: record.Source{Line: line}}
	if year != 0 {
		t.Year = iptr(year)
	}
	return t
}

func actual(t record.Target) record.Target { t.Kind = record.KindActual; return t }

func withBaseline(t record.Target, v float64, year int) record.Target {
	t.Baseline, t.BaselineYear = fptr(v), iptr(year)
	return t
}

// The fixtures are the corpus documents' figures as the gold files give
// them (testdata/gold), keyed as the extractor keys them.

// xuchang is 000: the province's measures for 许昌 (no plan period).
func xuchang() record.Document {
	return record.Document{Schema: record.Schema, File: "testdata/corpus/000_571d2753694579d4.txt",
		Region: &record.Region{Province: "河南省", City: "许昌市"},
		Targets: []record.Target{
			target("每千人口拥有3岁以下婴幼儿托位数", "每千人口3岁以下婴幼儿托位数", 4.5, "个", "=", 2025,
				"到2025年,许昌市每千人口拥有3岁以下婴幼儿托位数达到4.5个", 20),
			target("市级医学重点学科", "市级医学重点学科", 50, "个", "=", 2025, "建设50个市级医学重点学科", 12),
		}}
}

// ankang is 001: 安康市"十四五"卫生健康事业发展规划.
func ankang() record.Document {
	return record.Document{Schema: record.Schema, File: "testdata/corpus/001_739e833243cd6df4.txt",
		Title: "安康市“十四五”卫生健康事业发展规划", Region: &record.Region{Province: "陕西省", City: "安康市"},
		Period: &record.Period{Start: 2021, End: 2025},
		Targets: []record.Target{
			actual(target("居民人均预期寿命", "人均预期寿命", 76.3, "岁", "=", 2020, "居民人均预期寿命提高到76.3岁", 40)),
			actual(target("婴儿死亡率", "婴儿死亡率", 2.11, "‰", "=", 2020, "婴儿死亡率控制在2.11‰", 41)),
			target("人均预期寿命", "人均预期寿命", 77.3, "岁", "=", 2025, "人均预期寿命达到77.3岁", 90),
			target("婴儿死亡率", "婴儿死亡率", 4.5, "‰", "<=", 2025, "婴儿死亡率控制在4.5‰以下", 91),
			target("孕产妇死亡率", "孕产妇死亡率", 11, "/10万", "<=", 2025, "孕产妇死亡率控制在11/10万以下", 91),
			withBaseline(target("人均期望寿命", "人均预期寿命", 77.3, "岁", "=", 2025, "人均期望寿命(岁) 76.3 77.3 预期性", 120), 76.3, 2020),
			target("每千人口执业（助理）医师", "每千人口执业（助理）医师", 3, "人", "=", 2025, "每千人口执业(助理)医师(人) 2.36 3.0", 125),
			target("县域内就诊率", "县域内就诊率", 90, "%", ">=", 2025, "县域内就诊率达到90%以上", 300),
			target("每千人口拥有3岁以下婴幼儿托位数", "每千人口3岁以下婴幼儿托位数", 4.8, "个", "=", 2025,
				"每千人口拥有3岁以下婴幼儿托位数达到4.8个", 420),
		}}
}

// xinyang is 002: 大别山区域医疗中心建设三年行动方案(2023—2025年).
func xinyang() record.Document {
	return record.Document{Schema: record.Schema, File: "testdata/corpus/002_e8b66c7ddb9e4fa1.txt",
		Region: &record.Region{Province: "河南省", City: "信阳市"}, Period: &record.Period{Start: 2023, End: 2025},
		Targets: []record.Target{
			target("省级区域医疗中心", "省级区域医疗中心", 3, "个", "=", 2025, "神经疾病等3个省级区域医疗中心", 4),
			target("县城就诊率", "县域内就诊率", 90, "%", ">=", 2025, "县城就诊率达到90%以上", 9),
			target("每千人口执业(助理)医师数", "每千人口执业(助理)医师数", 3.2, "人", "=", 2025, "", 9),
		}}
}

// hebei is 003, in traditional characters: 河北省深化醫藥衛生體制改革2021年重點工作任務.
func hebei() record.Document {
	return record.Document{Schema: record.Schema, File: "testdata/corpus/003_1291eae2c3d8fdfd.txt",
		Script: "traditional", Region: &record.Region{Province: "河北省"}, Period: &record.Period{Start: 2021, End: 2021},
		Targets: []record.Target{
			target("省級區域醫療中心", "省级区域医疗中心", 4, "個", "=", 2021, "啟動4個省級區域醫療中心建設", 12),
		}}
}
