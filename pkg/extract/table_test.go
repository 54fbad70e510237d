package extract

import (
	"github.com/cnplan/cnplan/pkg/textview"
	"strings"
	"testing"
)

func TestFindTablesOneCellPerLine(t *testing.T) {
	text := "(四)主要指标\n\n领域\n\n指标\n\n2020年\n\n2025年目标\n\n属性\n\n人口健康水平\n\n人均期望寿命(岁)\n\n76.3\n\n77.30\n\n预期性\n\n孕产妇死亡率(/10万)\n\n9.39\n\n≤11\n\n控制性\n\n二、指导思想\n"
	tables := findTables(textview.Identity(text), 2021)
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
	tables := findTables(textview.Identity(text), 2021)
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
	tables := findTables(textview.Identity(text), 2021)
	if len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[1]
	if r.name.text != "孕产妇死亡率" || r.unit != "/10万" || r.values[1].text != "≤9.5" || r.attribute != "约束性" || r.cols[1].role != "target" {
		t.Fatalf("row = %+v", r)
	}
}

// The value cells of indicator tables as plans write them.
func TestParseValueCell(t *testing.T) {
	for _, tc := range []struct {
		cell       string
		value, max float64
		comparator string
		unit       string
		cumulative bool
	}{
		{"≥92", 92, 0, ">=", "", false},
		{">93", 93, 0, ">=", "", false},
		{"85以上", 85, 0, ">=", "", false},
		{"100左右", 100, 0, "~", "", false},
		{"约95", 95, 0, "~", "", false},
		{"5—8", 5, 8, "range", "", false},
		{"4-6", 4, 6, "range", "", false},
		{"[90]", 90, 0, "=", "", true},
		{"［13.5］", 13.5, 0, "=", "", true},
		{"0", 0, 0, "=", "", false},
		{"较2020年下降13.5%", 13.5, 0, "=", "%", false},
		{"较“十二五”下降30%以上", 30, 0, ">=", "%", false},
		{"较 2020 年下降 25%", 25, 0, "=", "%", false},
		{"6人（含）以下", 6, 0, "<=", "人", false},
		{"≤11*", 11, 0, "<=", "", false},
		{"95①", 95, 0, "=", "", false},
		{"“十三五”时期零发生", 0, 0, "=", "", false},
	} {
		v, ok := parseValueCell(tc.cell)
		if !ok || v.value != tc.value || v.max != tc.max && tc.max != 0 || v.comparator != tc.comparator || v.unit != tc.unit || v.cumulative != tc.cumulative {
			t.Errorf("%s: %+v ok=%v", tc.cell, v, ok)
		}
	}
	for _, cell := range []string{"—", "累计完成", "/"} {
		if _, ok := parseValueCell(cell); ok || !isValueCell(cell) {
			t.Errorf("%s: should stand in a value column without a value", cell)
		}
	}
	for _, cell := range []string{"工业炸药危险等级为1.1级的工房现场操作人员", "5G基站数", "每千人口3岁以下婴幼儿托位数", "预期性"} {
		if isValueCell(cell) {
			t.Errorf("%s: read as a value", cell)
		}
	}
}

// A Markdown pipe table, with a sentence with a target just above it and
// prose just after.
func TestFindTablesPipe(t *testing.T) {
	text := strings.Join([]string{
		"到2025年，全市人均预期寿命达到78岁。",
		"| 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |",
		"|---|---|:---:|---|---|---|",
		"| 1 | 人均预期寿命 | 岁 | 77.3 | 78 | 预期性 |",
		"| 2 | 孕产妇死亡率 | /10万 | 9.4 | ≤9.5 | 约束性 |",
		"二、主要任务。加快推进卫生健康服务体系建设，到2025年建成10个中心。",
	}, "\n")
	tables := findTables(textview.Identity(text), 2020)
	if len(tables) != 1 || len(tables[0].rows) != 2 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[1]
	if r.name.text != "孕产妇死亡率" || r.unit != "/10万" || r.values[1].text != "≤9.5" || r.attribute != "约束性" || r.cols[1].role != "target" {
		t.Fatalf("row = %+v", r)
	}
}

// A table that goes on over a page break in pdftotext -layout text: the
// page number, the form feed and the header repeated on the next page are
// skipped; the table stays one.
func TestFindTablesAcrossPages(t *testing.T) {
	text := strings.Join([]string{
		"领域       指标                       2020年     2025年目标    属性",
		"人口健康   人均期望寿命(岁)           76.3       77.30         预期性",
		"           孕产妇死亡率(/10万)        9.39       ≤11           控制性",
		"",
		"                                - 12 -",
		"\f领域       指标                       2020年     2025年目标    属性",
		"卫生资源   每千人口医疗卫生机构床位数(张) 6.6    7.5           预期",
		"                                                              性",
		"           每千人口注册护士数(人)     2.98       4             预期性",
		"二、指导思想：坚持以人民为中心的发展思想，全面推进健康安康建设，不断提高人民健康水平。",
	}, "\n")
	tables := findTables(textview.Identity(text), 2020)
	if len(tables) != 1 || len(tables[0].rows) != 4 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[2]
	if r.name.text != "每千人口医疗卫生机构床位数(张)" || r.group != "卫生资源" || r.attribute != "预期性" || r.values[1].text != "7.5" {
		t.Fatalf("row = %+v", r)
	}
}

// A PDF table whose cells were drawn closer than the gap that makes a tab:
// header words run together are split again, and a comparison sign drawn
// apart from its number joins it.
func TestFindTablesTightPDFCells(t *testing.T) {
	text := strings.Join([]string{
		"领域\t指标\t单位2020年2025年\t属性",
		"健康水平\t婴儿死亡率\t‰\t4.5\t≤\t5\t约束性",
	}, "\n")
	tables := findTables(textview.Identity(text), 2020)
	if len(tables) != 1 || len(tables[0].rows) != 1 {
		t.Fatalf("tables = %+v", tables)
	}
	r := tables[0].rows[0]
	if r.name.text != "婴儿死亡率" || r.unit != "‰" || len(r.values) != 2 || r.values[1].text != "≤5" || r.cols[1].year != 2025 || r.attribute != "约束性" {
		t.Fatalf("row = %+v", r)
	}
}
