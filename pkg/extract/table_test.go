package extract

import (
	"strings"
	"testing"
)

func TestFindTablesOneCellPerLine(t *testing.T) {
	text := "(四)主要指标\n\n领域\n\n指标\n\n2020年\n\n2025年目标\n\n属性\n\n人口健康水平\n\n人均期望寿命(岁)\n\n76.3\n\n77.30\n\n预期性\n\n孕产妇死亡率(/10万)\n\n9.39\n\n≤11\n\n控制性\n\n二、指导思想\n"
	tables := findTables(text, 2021)
	if len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[1]
	if r.group != "人口健康水平" || r.name.text != "孕产妇死亡率(/10万)" || r.attribute != "控制性" {
		t.Fatalf("row = %+v", r)
	}
	if r.values[0].text != "9.39" || r.cols[0].role != "baseline" || r.cols[1].role != "target" || r.cols[1].year != 2025 {
		t.Fatalf("values %+v cols %+v", r.values, r.cols)
	}
}

func TestFindTablesTabRows(t *testing.T) {
	text := strings.Join([]string{
		"领域\t指标\t2020年\t2025年目标\t属性",
		"卫生资源\t每千人口医疗卫生机构床位数(张)\t6.6\t7.5\t预期性",
		"\t每千人口执业(助理)医师(人)\t2.36\t3.0\t预期性",
		"本规划自印发之日起施行,有效期至2025年底,由市卫生健康委负责解释。",
	}, "\n")
	tables := findTables(text, 2021)
	if len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Fatalf("tables = %+v", tables)
	}
	if r := tables[0].rows[1]; r.group != "卫生资源" || r.values[1].text != "3.0" {
		t.Fatalf("row = %+v", r)
	}
}

// A DOCX-style table with a row number and a unit column (another common
// layout of 主要指标表).
func TestFindTablesWithSeqAndUnitColumns(t *testing.T) {
	text := strings.Join([]string{
		"序号\t指标名称\t单位\t2020年\t2025年\t指标属性",
		"1\t人均预期寿命\t岁\t77.3\t78.3\t预期性",
		"2\t孕产妇死亡率\t/10万\t9.4\t≤9.5\t约束性",
	}, "\n")
	tables := findTables(text, 2021)
	if len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[1]
	if r.name.text != "孕产妇死亡率" || r.unit != "/10万" || r.values[1].text != "≤9.5" || r.attribute != "约束性" || r.cols[1].role != "target" {
		t.Fatalf("row = %+v", r)
	}
}
