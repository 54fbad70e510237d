package when

import (
	"fmt"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
	"github.com/liuzl/gocc"
	"strings"
	"testing"
)

// want is one expected deadline: its text and date ("" when unresolved).
type want struct{ text, date string }

func (w want) String() string { return w.text + "→" + w.date }

// Contexts of the corpus documents, as DocContext reads them.
var (
	ctx000 = Context{DocYear: 2023}                                 // 许昌, 发布日期:2023/6/12
	ctx001 = Context{DocYear: 2021, PlanStart: 2021, PlanEnd: 2025} // 安康市“十四五”卫生健康事业发展规划, 2021-11-16
	ctx002 = Context{PlanStart: 2023, PlanEnd: 2025}                // 大别山…三年行动方案(2023—2025年), no date
	ctx003 = Context{DocYear: 2021}                                 // 河北日报 2021-07-20
	ctx004 = Context{DocYear: 2020}                                 // 兰州日报 2020年04月15日
	ctx01  = Context{DocYear: 2026, Title: "2026年四川省人民政府工作报告"}
	ctx21  = Context{PlanStart: 2016, PlanEnd: 2020, Title: "民用爆炸物品行业发展规划(2016-2020年)"}
	ctx30  = Context{DocYear: 2022, Title: "包头市2022年数字政府建设考评办法"}
	ctx32  = Context{DocYear: 2021, PlanStart: 2021, PlanEnd: 2023, Title: "支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021—2023年)"}
)

// findCases are sentences of the corpus (testdata/corpus, normalised) and the
// deadlines in them. Every gold deadline of the corpus has its sentence
// here; the negatives are the corpus's own traps.
var findCases = []struct {
	name string
	ctx  Context
	in   string
	want []want
}{
	// 000: a 2023 news report on a provincial policy
	{"000 今年 in a statement", ctx000, "市卫健委二级调研员杨松智表示,今年,许昌市将通过提升县域医共体运行质量、探索推进城市医疗集团建设、推进公立医院综合改革完善综合监管制度等举措,不断深化医药卫生体制改革,并按照《许昌市“十四五”公共卫生体系和全民健康规划》,强化市域统筹", []want{{"今年", "2023-12-31"}}},
	{"000 到YYYY年年底", ctx000, "增加3岁以下婴幼儿普惠性托育服务有效供给,提高托育机构备案率,到2025年年底,每千人口拥有3岁以下婴幼儿托位数达到4.5个。", []want{{"到2025年年底", "2025-12-31"}}},
	{"000 publication line", ctx000, "发布日期:2023/6/12 19:39:36 浏览:40", nil},
	{"000 source date", ctx000, "来源时间为:2023-05-22", nil},
	{"000 last year's work", ctx000, "2022年,完成投资6亿元,推进市公共卫生医疗中心、市公立中医院等14个重点项目建设", nil},
	{"000 past 年度", ctx000, "禹州市中医院在2021年度国家公立中医医院绩效考核中被评为B ,居全国第178名", nil},

	// 001: 安康市“十四五”卫生健康事业发展规划 (2021)
	{"001 notice title", ctx001, "关于印发《安康市“十四五”卫生健康事业发展规划》的通知", nil},
	{"001 publication line", ctx001, "作者:来源:规划财务科发布日期:2021-11-16 09:49", nil},
	{"001 signature date", ctx001, "安康市发展和改革委员会     安康市卫生健康委员会\n\n2021年11月15日", nil},
	{"001 plan title", ctx001, "安康市“十四五”卫生健康事业发展规划", nil},
	{"001 时期 names an era", ctx001, "“十四五”时期是安康开启新时代追赶超越新篇章、向着第二个百年奋斗目标进军的五年", nil},
	{"001 titles with years", ctx001, "根据《陕西省卫生健康事业发展“十四五”规划》《安康市国民经济和社会发展第十四个五年规划和二O三五年远景目标纲要》等文件精神,编制本规划。", nil},
	{"001 past plan period", ctx001, "“十三五”期间,我市坚持健康优先发展战略,积极推进健康安康建设", nil},
	{"001 past year and baseline", ctx001, "2020年末,全市各级各类医疗卫生机构共有床位17658张,较2015年末增加4443张,增长33.6%", nil},
	{"001 from…to in the past", ctx001, "人均自负费用由2016年的1335.89元下降至2020年的1196元;开展了30种大病集中救治", nil},
	{"001 span in a title", ctx001, "《健康中国行动(2019-2030年)》和省、市行动纲要的出台", nil},
	{"001 table title", ctx001, "十四五时期卫生健康事业主要发展规划指标", nil},
	{"001 table header", ctx001, "指标\n\n2020年\n\n2025年目标\n\n属性", []want{{"2025年", "2025-12-31"}}},
	{"001 bare year opens goals", ctx001, "2025年,建立起比较完善的公共卫生服务体系和医疗服务体系,实现人人享有更高水平的基本医疗卫生服务,城乡居民健康主要指标达到全省较高水平。", []want{{"2025年", "2025-12-31"}}},
	{"001 到YYYY年, life expectancy", ctx001, "到2025年,人均预期寿命达到77.3岁,婴儿死亡率控制在4.5‰以下,5岁以下儿童死亡率控制在5.8‰以下", []want{{"到2025年", "2025-12-31"}}},
	{"001 到YYYY年, private hospitals", ctx001, "到2025年,多元办医格局得到优化,非公立医疗机构更优质、上规模、显特色。", []want{{"到2025年", "2025-12-31"}}},
	{"001 力争 YYYY年底", ctx001, "继续推进卫生镇、卫生村创建工作,力争2025年底国家卫生镇数量达到全市乡镇总数的20%。", []want{{"2025年底", "2025-12-31"}}},
	{"001 epidemics", ctx001, "到2025年,较大以上突发传染病疫情及时处置率达到100%。", []want{{"到2025年", "2025-12-31"}}},
	{"001 occupational health", ctx001, "到2025年,辖区职业健康检查和职业病诊断服务覆盖率均达100%,重点行业的用人单位职业病危害项目申报率达到90%以上。", []want{{"到2025年", "2025-12-31"}}},
	{"001 mid-sentence 到YYYY年", ctx001, "开展精神卫生科普宣传及心理服务,到2025年,全市精神卫生专科医师达到3.0/10万人以上", []want{{"到2025年", "2025-12-31"}}},
	{"001 five centres", ctx001, "到2025年,市、县综合医院全面实现“五中心”全覆盖。", []want{{"到2025年", "2025-12-31"}}},
	{"001 county hospitals", ctx001, "到2025年,30%的县级综合医院基本建成三级医院或达到三级医院标准,县域内就诊率达到90%以上。", []want{{"到2025年", "2025-12-31"}}},
	{"001 plan 期间", ctx001, "鼓励推行无偿献血者“三免政策”。“十四五”期间,院内感染率控制在3.2%以下,30天再住院率控制在2.4%以下。", []want{{"“十四五”期间", "2025-12-31"}}},
	{"001 private beds", ctx001, "到2025年,全市社会办医院床位总数的比重达到20%。", []want{{"到2025年", "2025-12-31"}}},
	{"001 bare year, population", ctx001, "强化政策实施情况的评估和监督。2025年,生育水平适当提高,出生人口性别比趋于正常", []want{{"2025年", "2025-12-31"}}},
	{"001 prenatal screening", ctx001, "实施出生缺陷综合防治,到2025年,产前筛查率达到95%以上。", []want{{"到2025年", "2025-12-31"}}},
	{"001 infant care", ctx001, "到2025年,婴幼儿照护服务的政策法规和标准规范体系基本健全,每千人口拥有3岁以下婴幼儿托位数达到4.8个", []want{{"到2025年", "2025-12-31"}}},
	{"001 obesity, 每年 is no deadline", ctx001, "儿童青少年总体近视率每年降低1%。继续实施儿童营养改善计划。到2025年,儿童肥胖率上升态势得到初步控制。", []want{{"到2025年", "2025-12-31"}}},
	{"001 students", ctx001, "到2025年,学生体质健康达标优良率达到25%以上。", []want{{"到2025年", "2025-12-31"}}},
	{"001 plan 末", ctx001, "鼓励养老机构就地便捷开展医疗服务或兴办医疗机构。“十四五”末,养老服务机构和医疗卫生服务机构签约率达到85%", []want{{"“十四五”末", "2025-12-31"}}},
	{"001 migrants", ctx001, "到2025年,流动人口目标人群基本公共卫生服务覆盖率达95%,流动人口目标人群宣传教育率达到95%。", []want{{"到2025年", "2025-12-31"}}},
	{"001 到YYYY年 with no comma", ctx001, "建设中医科、中药房及中医病区,到2025年所有综合医院均规范设置中医科室和中药房", []want{{"到2025年", "2025-12-31"}}},
	{"001 TCM in villages", ctx001, "提升镇村和社区中医药服务能力,到2025年,100%的乡镇中心卫生院和社区卫生服务中心设置中医馆", []want{{"到2025年", "2025-12-31"}}},
	{"001 bare year after a heading", ctx001, "2.基层医疗机构中医能力建设。2025年,100%的乡镇中心卫生院和社区卫生服务中心设置中医馆", []want{{"2025年", "2025-12-31"}}},
	{"001 county medical communities", ctx001, "到2025年,探索打造集医疗服务、健康管理、健康促进、疾病预防、妇幼保健、医疗康复、医养结合、健康脱贫等为一体的健康共同体", []want{{"到2025年", "2025-12-31"}}},
	{"001 scheduled months", ctx001, "市卫生健康委负责组织相关专家对全市的规划实施情况开展评估。2023年3月开展中期评估,2025年10月开展终期评估。", []want{{"2023年3月", "2023-03-31"}, {"2025年10月", "2025-10-31"}}},

	// 002: 大别山区域医疗中心建设三年行动方案(2023—2025年), undated
	{"002 file title", ctx002, "大别山区域医疗中心建设三年行动方案(2023—2025年).docx", nil},
	{"002 span with its dash lost", ctx002, "1、大别山区域医疗中心建设三年行动方案(20232025年)为深入贯彻落实", nil},
	{"002 span in a cited plan", ctx002, "以及省政府办公厅印发的河南省医疗服务体系建设三年行动计划(2023-2025年)文件精神", nil},
	{"002 plan 末 without comma", ctx002, "加快建设肿瘤防治、微创介入、麻醉疼痛诊疗、重症监护、岸脉血栓栓塞症五大临床服务中心,“十四五”末实现县城医疗中心临床服务五大中心全覆盖", []want{{"“十四五”末", "2025-12-31"}}},

	// 003: 河北日报 2021-07-20 (traditional in the original, simplified here)
	{"003 dateline", ctx003, "2021-07-20 09:59:54 来源: 河北日报", nil},
	{"003 今年 after a title with a year", ctx003, "日前,省政府办公厅印发《河北省深化医药卫生体制改革2021年重点工作任务》,提出今年将以高质量发展为主题", []want{{"今年", "2021-12-31"}}},
	{"003 时期 qualifying a noun", ctx003, "针对诊疗需求,按照国家部署,规划推进“十四五”时期临床专科能力建设,加快补齐服务短板。", nil},
	{"003 YYYY年底前, rehabilitation", ctx003, "大力发展康复、长期护理、安宁疗护等接续性服务,2021年底前,每个县(市、区)至少建设1所康复医疗中心。", []want{{"2021年底前", "2021-12-31"}}},
	{"003 YYYY年底前, clinics", ctx003, "改善基层基础设施条件,2021年底前,全省90%的乡镇卫生院和卫生室、社区卫生服务中心(站)达到标准化要求", []want{{"2021年底前", "2021-12-31"}}},

	// 004: 兰州日报 2020年04月15日
	{"004 今年 in a headline", ctx004, "兰州安排部署今年卫生健康重点工作", []want{{"今年", "2020-12-31"}}},
	{"004 dateline", ctx004, "2020年04月15日09:53  来源:兰州日报", nil},
	{"004 past year heading", ctx004, "2019年\n\n●县级以上综合医院远程会诊覆盖率达100%", nil},
	{"004 this year heading", ctx004, "2020年\n\n●聚焦基本医疗有保障、挂牌督战健康扶贫10项重点任务", []want{{"2020年", "2020-12-31"}}},
	{"004 event date, review and plan", ctx004, "【本报讯】4月14日,兰州市卫生健康暨党风廉政建设工作会议召开。会议梳理总结2019年全市卫生健康工作成效、亮点;安排部署2020年兰州卫生健康重点工作。", []want{{"2020年", "2020-12-31"}}},
	{"004 a review of the past year", ctx004, "2019年,按照市委、市政府决策部署,我市卫生健康系统着力“补短板、强弱项、惠民生”,完成了各项目标任务。", nil},
	{"004 past prize", ctx004, "4个课题项目荣获2019年度甘肃省皇甫谧中医药科技奖。", nil},
	{"004 展望", ctx004, "展望2020年,我市卫生健康重点工作将以健康兰州建设为主线", []want{{"2020年", "2020-12-31"}}},
	{"004 cited plan", ctx004, "做好《兰州市卫生健康事业发展“十四五”规划》《兰州市医疗卫生服务体系规划》编制工作", nil},

	// 01: 2026年四川省人民政府工作报告, delivered 2026-02-03
	{"01 title year", ctx01, "2026年四川省人民政府工作报告", nil},
	{"01 今年是…之年", ctx01, "今年是“十五五”开局之年,做好政府工作的总体要求是:以习近平新时代中国特色社会主义思想为指导", nil},
	{"01 今年's goals", ctx01, "今年全省经济社会发展主要预期目标是:地区生产总值增长5%左右", []want{{"今年", "2026-12-31"}}},
	{"01 next plan's 时期", ctx01, "二是经济大省责任。中央明确了“十五五”时期“经济增长保持在合理区间”等重要目标,鼓励各地发挥比较优势", []want{{"“十五五”时期", "2030-12-31"}}},
	{"01 今后五年", ctx01, "明确了今后五年经济社会发展的重点任务", []want{{"今后五年", "2030-12-31"}}},
	{"01 the closing plan's 时期 is past", ctx01, "“十四五”时期,我们坚定贯彻党中央决策部署", nil},
	{"01 十二月 in a name", ctx01, "培育首发经济,打造“新十二月市”“少必入”等消费场景", nil},

	// 21: 民用爆炸物品行业发展规划 (2016-2020年), undated
	{"21 未来五年", ctx21, "未来五年,为适应经济发展新常态、改革发展新变化、安全生产新要求", []want{{"未来五年", "2020-12-31"}}},
	{"21 own 时期 opens the plan", ctx21, "“十三五”时期,面对国际国内经济发展复杂形势", []want{{"“十三五”时期", "2020-12-31"}}},
	{"21 时期 heading a table", ctx21, "表1   “十三五”时期民爆行业发展主要目标", []want{{"“十三五”时期", "2020-12-31"}}},
	{"21 时期 in a table cell", ctx21, "特别重大安全生产事故\n-\n“十三五”时期零发生", []want{{"“十三五”时期", "2020-12-31"}}},
	{"001 时期 qualifying a noun in the preamble", ctx001, "为进一步明确“十四五”时期我市卫生健康事业发展思路、主要目标和重点任务,引领全市卫生健康事业高质量发展,根据《陕西省卫生健康事业发展“十四五”规划》等文件精神,编制本规划。", nil},
	{"21 the review's 到2015年", ctx21, "到2015年,全国工业炸药产量达到437.3万吨", nil},

	// 30: 包头市2022年数字政府建设考评办法, a yearly scheme signed 2022-04-14
	{"30 月底 in a yearly scheme", ctx30, "完成适老化改造,适应特殊群体需求。(5月底取得明显成效并持续推进,牵头考核单位:市审批服务局)", []want{{"5月底", "2022-05-31"}}},
	{"30 a bare month", ctx30, "(12月取得明显成效并持续推进,牵头考核单位:市工信局)", []want{{"12月", "2022-12-31"}}},
	{"30 月份", ctx30, "(6月份取得明显成效,牵头考核单位:市工信局)", []want{{"6月份", "2022-06-30"}}},
	{"30 a meeting's year", ctx30, "按照市政府2022年第4次常务会议和《包头市人民政府办公室关于印发包头市数字政府建设行动方案(2021—2023年)的通知》要求", nil},
	{"30 a plan named by its year", ctx30, "组织全市各监管部门制定2022年度市场监管领域“双随机\"检查计划", nil},
	{"30 title line", ctx30, "包头市2022年数字政府建设考评办法", nil},

	// 32: 安徽省工业互联网创新发展行动计划(2021—2023年)
	{"32 own period after its name", ctx32, "安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划(2021-2023年)的通知", []want{{"2021-2023年", "2023-12-31"}}},
	{"32 own period in 《》", ctx32, "《安徽省工业互联网创新发展行动计划(2021-2023年)》已经省政府同意", []want{{"2021-2023年", "2023-12-31"}}},
	{"32 another plan's period", ctx32, "落实《工业互联网创新发展行动计划(2021-2023年)》", nil},

	// Relative deadlines in shapes the nine documents do not have.
	{"X年起N年内", Context{DocYear: 2012}, "自2012年起5年内,全面完成农村危房改造", []want{{"自2012年起5年内", "2016-12-31"}}},
	{"a bare N年内 under it", Context{DocYear: 2012}, "从2012年起5年内完成改造任务。其中,3年内完成试点,5年内全面推开", []want{{"从2012年起5年内", "2016-12-31"}, {"3年内", "2014-12-31"}, {"5年内", "2016-12-31"}}},
	{"每年 from its start year", Context{DocYear: 2019}, "自2020年起,每年1月底前报送上年度工作总结", []want{{"1月底前", "2020-01-31"}}},
	{"每年 with no start year", Context{DocYear: 2019}, "每年3月底前报送上年度工作总结", []want{{"3月底前", "2019-03-31"}}},
	{"今后三年 in a plan", Context{PlanStart: 2024, PlanEnd: 2026}, "今后三年,全省新建5G基站3万个", []want{{"今后三年", "2026-12-31"}}},
	{"时期是 names the period", Context{DocYear: 2026}, "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期", nil},
	{"a quarter in a yearly scheme", ctx30, "(二季度完成,牵头考核单位:市工信局)", []want{{"二季度", "2022-06-30"}}},
	{"a half year with 前", Context{DocYear: 2024}, "各地上半年前完成摸底调查", []want{{"上半年前", "2024-06-30"}}},
	{"half years in a formula", ctx30, "年度考评分值=(上半年考评分值+下半年考评分值)÷2", nil},
	{"本年度 inside a formula", Context{DocYear: 2023}, "综合得分=本年度完成率×60%+上年度完成率×40%", nil},
	{"YYYY年度内", Context{DocYear: 2023}, "2023年度内完成全部整改", []want{{"2023年度内", "2023-12-31"}}},
	{"本年度 in a task", Context{DocYear: 2023}, "本年度内完成全部整改", []want{{"本年度内", "2023-12-31"}}},
	{"month in a yearly work plan", Context{DocYear: 2023, Title: "2024年全市卫生健康工作要点"}, "9月完成全部验收", []want{{"9月", "2024-09-30"}}},

	// Vocabulary the five documents do not use, in the forms plans write it.
	{"year end, no year", Context{DocYear: 2022}, "年底前完成全部项目验收。", []want{{"年底前", "2022-12-31"}}},
	{"within the year", Context{DocYear: 2022}, "年内实现县域全覆盖", []want{{"年内", "2022-12-31"}}},
	{"n years is a duration", Context{DocYear: 2022}, "力争三年内实现全覆盖,每年底前报送进展", nil},
	{"next year", Context{DocYear: 2022}, "明年6月底前全面完成", []want{{"明年6月底前", "2023-06-30"}}},
	{"month deadline", Context{DocYear: 2022}, "各地于6月底前报送实施方案", []want{{"6月底前", "2022-06-30"}}},
	{"half year", Context{DocYear: 2022}, "2023年上半年完成招标", []want{{"2023年上半年", "2023-06-30"}}},
	{"quarter", Context{DocYear: 2022}, "2023年第三季度投入使用", []want{{"2023年第三季度", "2023-09-30"}}},
	{"day with 前", Context{DocYear: 2022}, "请于2022年12月31日前报送", []want{{"2022年12月31日前", "2022-12-31"}}},
	{"到 and a far year", Context{DocYear: 2021}, "到2035年,建成健康中国", []want{{"到2035年", "2035-12-31"}}},
	{"year written out", Context{DocYear: 2021}, "到二〇三五年,基本实现", []want{{"到二〇三五年", "2035-12-31"}}},
	{"力争到", Context{DocYear: 2021}, "力争到2025年底实现", []want{{"到2025年底", "2025-12-31"}}},
	{"YYYY年前", Context{DocYear: 2021}, "2025年前全面完成改造", []want{{"2025年前", "2025-12-31"}}},
	{"start, not deadline", Context{DocYear: 2021}, "从2022年起,每年开展一次评估", nil},
	{"since this year", Context{DocYear: 2021}, "今年以来,全市累计接种", nil},
	{"span in text", Context{DocYear: 2021}, "2021年至2025年,每年培训100人", nil},
	{"plan end by name", Context{DocYear: 2021, PlanEnd: 2025}, "到规划期末,床位数达到5000张", []want{{"到规划期末", "2025-12-31"}}},
	{"next plan, unquoted", Context{DocYear: 2025}, "十五五期末基本建成", []want{{"十五五期末", "2030-12-31"}}},
	{"今年 with no document year", Context{}, "今年将完成", []want{{"今年", ""}}},
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, tc.ctx)
			rs := []rune(tc.in)
			var gotW []string
			for _, d := range got {
				if d.Start < 0 || d.End > len(rs) || d.Start >= d.End || string(rs[d.Start:d.End]) != d.Text {
					t.Errorf("span [%d,%d) does not hold %q", d.Start, d.End, d.Text)
				}
				if d.Date != "" && !strings.HasPrefix(d.Date, fmt.Sprint(d.Year)) {
					t.Errorf("%q: Year %d, Date %s", d.Text, d.Year, d.Date)
				}
				gotW = append(gotW, want{d.Text, d.Date}.String())
			}
			var wantW []string
			for _, w := range tc.want {
				wantW = append(wantW, w.String())
			}
			if strings.Join(gotW, " ") != strings.Join(wantW, " ") {
				t.Errorf("Find(%q)\n got  %v\n want %v", tc.in, gotW, wantW)
			}
		})
	}
}

func TestDocContext(t *testing.T) {
	cases := []struct {
		head string
		want Context
	}{
		{"关于印发《安康市“十四五”卫生健康事业发展规划》的通知\n\n作者:来源:规划财务科发布日期:2021-11-16 09:49\n分享", ctx001},
		{"大别山区域医疗中心建设三年行动方案(2023—2025年).docx\n《大别山区域医疗中心建设三年行动方案(2023—2025年).docx(11页珍藏版)》请在优知文库上搜索。", ctx002},
		{"基本医疗有保障 挂牌督战健康扶贫\n\n兰州安排部署今年卫生健康重点工作 \n\n刘晓芳\n\n2020年04月15日09:53  来源:兰州日报", ctx004},
		{"返回首页 > 您现在的位置: 我爱许昌 > 资讯杂谈 > 正文\n\n省卫健委出台政策支持许昌高质量建设城乡融合共同富裕先行试验区构建整合型县域医疗卫生服务体系\n\n发布日期:2023/6/12 19:39:36 浏览:40", ctx000},
	}
	for _, tc := range cases {
		if got := DocContext(tc.head); got != tc.want {
			t.Errorf("DocContext(%.40q) = %+v, want %+v", tc.head, got, tc.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.in, tc.ctx.DocYear)
	}
	f.Add("“十四五", 0)
	f.Add("2025年年", 2021)
	f.Add("二〇", -5)
	f.Fuzz(func(t *testing.T, s string, year int) {
		rs := []rune(s)
		prev := 0
		for _, d := range Find(s, Context{DocYear: year, PlanStart: year, PlanEnd: year + 4}) {
			if d.Start < prev || d.End <= d.Start || d.End > len(rs) {
				t.Fatalf("bad span [%d,%d) after %d in %d runes", d.Start, d.End, prev, len(rs))
			}
			if string(rs[d.Start:d.End]) != d.Text {
				t.Fatalf("span [%d,%d) does not hold %q", d.Start, d.End, d.Text)
			}
			prev = d.End
		}
	})
}

// TestFindTraditional runs the cases of the frame rules on their OpenCC
// traditional conversion, normalised as the pipeline does: the deadlines
// and dates are the same, the texts differ only in script.
func TestFindTraditional(t *testing.T) {
	s2t, err := gocc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range findCases {
		if !strings.HasPrefix(tc.name, "01 ") && !strings.HasPrefix(tc.name, "21 ") && !strings.HasPrefix(tc.name, "30 ") && !strings.HasPrefix(tc.name, "32 ") {
			continue
		}
		trad, err := s2t.Convert(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if trad == tc.in {
			t.Fatalf("%s: s2t changed nothing", tc.name)
		}
		v, err := normalize.View(textview.Identity(trad), normalize.Traditional)
		if err != nil {
			t.Fatal(err)
		}
		got := Find(v.Text, tc.ctx)
		if len(got) != len(tc.want) {
			t.Errorf("%s in traditional: %d deadlines, want %d", tc.name, len(got), len(tc.want))
			continue
		}
		for i, d := range got {
			if d.Date != tc.want[i].date || normalize.ToSimplified(d.Text) != tc.want[i].text {
				t.Errorf("%s in traditional: %s→%s, want %v", tc.name, d.Text, d.Date, tc.want[i])
			}
		}
	}
}

func TestInBackground(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"一、发展背景与面临形势 > (二)面临形势", true},
		{"二、面臨的形勢 > (一)宏觀經濟調整影響深遠", true}, // traditional, as quoted from 21's conversion
		{"一、回顾与总结", true},
		{"三、指导思想、基本原则与发展目标 > (三)发展目标", false},
		{"四、重點任務", false},
	} {
		if got := InBackground(tc.path); got != tc.want {
			t.Errorf("InBackground(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestPeriodFlag: which deadlines a background section drops (Period).
func TestPeriodFlag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"二、面临的形势\n未来五年,为适应经济发展新常态、改革发展新变化", false},
		{"民爆物品主要应用于基础设施建设。一方面,未来五年国家在铁路公路等基础建设方面持续投入", true},
		{"预计“十三五”期间,工业炸药市场需求将呈波动缓降趋势", true},
		{"到2020年,工业炸药产量控制在400万吨以内", false},
	} {
		ds := Find(tc.in, ctx21)
		if len(ds) != 1 || ds[0].Period != tc.want {
			t.Errorf("Find(%q) = %+v, want one deadline with Period %v", tc.in, ds, tc.want)
		}
	}
}
