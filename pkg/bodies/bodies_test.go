package bodies

import (
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
	"github.com/liuzl/gocc"
	"slices"
	"strings"
	"testing"
)

// want is one clause a sentence must give: the span's text, role, units as
// written and canonical.
type want struct {
	quote string
	role  string
	units []string
	canon []string
}

// Rows are sentences from testdata/corpus (normalised: half-width,
// simplified) unless marked otherwise; each rule came with the sentence
// that needed it.
var findRows = []struct {
	name string
	text string
	want []want
}{
	// ── labelled lists (002, OCR-noisy) ──
	{
		name: "002 lost closing bracket ends at the next list number; 已生 repaired",
		text: "加快构建以三甲医院为龙头,市级“四所医院”、县级“三所医院”和特色专科医院为主体,相互竞争、错位发展的医疗救治高地。(责任单位:市发展改革委、市财政局、市已生健康委、信阳职业技术学院2 .建设一批省市区域医疗中心。",
		want: []want{{
			quote: "(责任单位:市发展改革委、市财政局、市已生健康委、信阳职业技术学院",
			role:  Responsible,
			units: []string{"市发展改革委", "市财政局", "市已生健康委", "信阳职业技术学院"},
			canon: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
		}},
	},
	{
		name: "002 clean label",
		text: "鼓励信阳职业技术学院附属医院争创省级区域医疗中心。建设20个市级区域医疗中心。(责任单位:市发展改革委、市财政局、市卫生健康委、信阳职业技术学院)3 .推动县级医院提质升敛。",
		want: []want{{
			quote: "(责任单位:市发展改革委、市财政局、市卫生健康委、信阳职业技术学院)",
			role:  Responsible,
			units: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
			canon: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
		}},
	},
	{
		name: "002 label noise 贡任单位 after a page break",
		text: "“十四五”末实现县城医疗中心临床服务五大中心全覆盖,达标率不\n5、低于90%一(贡任单位:市卫生健康委、市医疗保障局)4 .积极引进优质医疗资源。",
		want: []want{{
			quote: "(贡任单位:市卫生健康委、市医疗保障局)",
			role:  Responsible,
			units: []string{"市卫生健康委", "市医疗保障局"},
			canon: []string{"市卫生健康委", "市医疗保障局"},
		}},
	},
	{
		name: "002 label noise 贲任单位",
		text: "鼓励支持社会资本建设医学检脸、医学影像、病理诊断等中心,举办口腔、眼科等专科医院。(贲任单位:市发展改革委、市财政局、市卫生健康委、信阳职业技术学院)(二)持续完善医疗服务网络",
		want: []want{{
			quote: "(贲任单位:市发展改革委、市财政局、市卫生健康委、信阳职业技术学院)",
			role:  Responsible,
			units: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
			canon: []string{"市发展改革委", "市财政局", "市卫生健康委", "信阳职业技术学院"},
		}},
	},
	{
		name: "002 three bodies",
		text: "推进妇幼保健机构提质升级,60%以上的县级妇幼保残院达到二甲水平。(责任单位:市发展改革委、市财政局、市卫生健康委)6 .加强中西医协同医疗。",
		want: []want{{
			quote: "(责任单位:市发展改革委、市财政局、市卫生健康委)",
			role:  Responsible,
			units: []string{"市发展改革委", "市财政局", "市卫生健康委"},
			canon: []string{"市发展改革委", "市财政局", "市卫生健康委"},
		}},
	},
	{
		name: "002 continued after a page number",
		text: "70%以上二级妇幼保铤院达到妇幼保健机构中医药科室标\n7、准化建设要求。(责任单位:市发展改革委、市卫生健康委、信阳职业技术学院)7 .完善老年医疗及务网络。",
		want: []want{{
			quote: "(责任单位:市发展改革委、市卫生健康委、信阳职业技术学院)",
			role:  Responsible,
			units: []string{"市发展改革委", "市卫生健康委", "信阳职业技术学院"},
			canon: []string{"市发展改革委", "市卫生健康委", "信阳职业技术学院"},
		}},
	},
	{
		name: "002 民政局",
		text: "选取1\n8、5个社区(乡镇)探索推广全链式医养结合模式。(责任单位:市发展改革委、市民政局、市卫生健康委、信阳职业技术学院)8 .深化县城医共体建设。",
		want: []want{{
			quote: "(责任单位:市发展改革委、市民政局、市卫生健康委、信阳职业技术学院)",
			role:  Responsible,
			units: []string{"市发展改革委", "市民政局", "市卫生健康委", "信阳职业技术学院"},
			canon: []string{"市发展改革委", "市民政局", "市卫生健康委", "信阳职业技术学院"},
		}},
	},
	// Not in the corpus: the lead/support pair the annotation guide names,
	// and label forms of other plans.
	{
		name: "lead and support are two clauses, each its own part",
		text: "加强医疗质量管理。(牵头单位:市卫生健康委;配合单位:市财政局、市医保局)",
		want: []want{
			{quote: "(牵头单位:市卫生健康委", role: Lead, units: []string{"市卫生健康委"}, canon: []string{"市卫生健康委"}},
			{quote: "配合单位:市财政局、市医保局)", role: Support, units: []string{"市财政局", "市医保局"}, canon: []string{"市财政局", "市医疗保障局"}},
		},
	},
	{
		name: "labels separated by a space only; 省 forms",
		text: "(牵头单位:省卫生健康委 配合单位:省财政厅)",
		want: []want{
			{quote: "(牵头单位:省卫生健康委", role: Lead, units: []string{"省卫生健康委"}, canon: []string{"省卫生健康委"}},
			{quote: "配合单位:省财政厅)", role: Support, units: []string{"省财政厅"}, canon: []string{"省财政厅"}},
		},
	},
	{
		name: "责仕单位, 和 between two bodies, generic 各县(区)人民政府 dropped",
		text: "(责仕单位:市卫健委、市财政局和市人社局,各县(区)人民政府)",
		want: []want{{
			quote: "(责仕单位:市卫健委、市财政局和市人社局,各县(区)人民政府)",
			role:  Responsible,
			units: []string{"市卫健委", "市财政局", "市人社局"},
			canon: []string{"市卫生健康委", "市财政局", "市人力资源社会保障局"},
		}},
	},
	{
		name: "和 inside a name is kept; full names aliased",
		text: "(责任单位:工业和信息化部、市发展和改革委员会、市卫生健康委等)",
		want: []want{{
			quote: "(责任单位:工业和信息化部、市发展和改革委员会、市卫生健康委等)",
			role:  Responsible,
			units: []string{"工业和信息化部", "市发展和改革委员会", "市卫生健康委"},
			canon: []string{"工业和信息化部", "市发展改革委", "市卫生健康委"},
		}},
	},
	{
		name: "lost bracket running into the next task's prose",
		text: "(责任单位:市卫生健康委、市财政局加快推进项目建设。",
		want: []want{{
			quote: "(责任单位:市卫生健康委、市财政局",
			role:  Responsible,
			units: []string{"市卫生健康委", "市财政局"},
			canon: []string{"市卫生健康委", "市财政局"},
		}},
	},
	// ── national style (not in the corpus; State Council plans) ──
	{
		name: "national 负责",
		text: "推进农村改厕。(农业农村部、工业和信息化部负责)",
		want: []want{{
			quote: "(农业农村部、工业和信息化部负责)",
			role:  Responsible,
			units: []string{"农业农村部", "工业和信息化部"},
			canon: []string{"农业农村部", "工业和信息化部"},
		}},
	},
	{
		name: "national 牵头, 配合",
		text: "完善医疗服务价格形成机制。(国家医保局牵头,国家卫生健康委、国家中医药局配合)",
		want: []want{
			{quote: "(国家医保局牵头", role: Lead, units: []string{"国家医保局"}, canon: []string{"国家医保局"}},
			{quote: "国家卫生健康委、国家中医药局配合)", role: Support, units: []string{"国家卫生健康委", "国家中医药局"}, canon: []string{"国家卫生健康委", "国家中医药局"}},
		},
	},
	{
		name: "national 等按职责分工负责",
		text: "(国家卫生健康委、国家发展改革委、财政部等按职责分工负责)",
		want: []want{{
			quote: "(国家卫生健康委、国家发展改革委、财政部等按职责分工负责)",
			role:  Responsible,
			units: []string{"国家卫生健康委", "国家发展改革委", "财政部"},
			canon: []string{"国家卫生健康委", "国家发展改革委", "财政部"},
		}},
	},
	// ── sentences giving a body a task (001) ──
	{
		name: "001 财政部门加强",
		text: "财政部门加强经费保障和监督,不断完善各项保障政策。",
		want: []want{{quote: "财政部门加强经费保障和监督,不断完善各项保障政策", role: Responsible, units: []string{"财政部门"}, canon: []string{"财政部门"}}},
	},
	{
		name: "001 the object of 指导 is no unit",
		text: "人力资源部门指导卫生健康部门做好人才引进和招聘工作。",
		want: []want{{quote: "人力资源部门指导卫生健康部门做好人才引进和招聘工作", role: Responsible, units: []string{"人力资源部门"}, canon: []string{"人力资源部门"}}},
	},
	{
		name: "001 short forms before 等部门",
		text: "规划、住建等部门积极支持卫生健康部门做好重点项目建设。",
		want: []want{{quote: "规划、住建等部门积极支持卫生健康部门做好重点项目建设", role: Responsible, units: []string{"规划", "住建"}, canon: []string{"规划部门", "住建部门"}}},
	},
	{
		name: "001 two subjects joined by 与",
		text: "民政部门与卫生健康部门共同推进医养结合工作。",
		want: []want{{quote: "民政部门与卫生健康部门共同推进医养结合工作", role: Responsible, units: []string{"民政部门", "卫生健康部门"}, canon: []string{"民政部门", "卫生健康部门"}}},
	},
	{
		name: "001 在…方面 frame, 与 partner after it is no unit",
		text: "医保部门在医疗、医药、医保等方面与卫生健康部门加强制度、政策衔接,建立沟通协商机制,提高医疗资源使用效率和医疗保障水平。",
		want: []want{{quote: "医保部门在医疗、医药、医保等方面与卫生健康部门加强制度、政策衔接,建立沟通协商机制,提高医疗资源使用效率和医疗保障水平", role: Responsible, units: []string{"医保部门"}, canon: []string{"医保部门"}}},
	},
	{
		name: "001 负责",
		text: "强化规划的约束力。市卫生健康委负责组织相关专家对全市的规划实施情况开展评估。2023年3月开展中期评估,2025年10月开展终期评估。",
		want: []want{{quote: "市卫生健康委负责组织相关专家对全市的规划实施情况开展评估", role: Responsible, units: []string{"市卫生健康委"}, canon: []string{"市卫生健康委"}}},
	},
	{
		name: "001 generic 各级党委、政府 and 政府各部门 are no units",
		text: "各级党委、政府要认真履行卫生健康工作责任,把卫生健康工作列入政府的工作目标和考核目标,建立问责制,切实保证卫生健康事业与全市经济社会同步发展。政府各部门积极对卫生健康发展规划的落实给予相关保障。财政部门加强经费保障和监督,不断完善各项保障政策。",
		want: []want{{quote: "财政部门加强经费保障和监督,不断完善各项保障政策", role: Responsible, units: []string{"财政部门"}, canon: []string{"财政部门"}}},
	},
	// Not in the corpus: 由…负责, 牵头/配合 in a sentence, a place prefix.
	{
		name: "由…牵头, …配合",
		text: "由市卫生健康委牵头,市财政局配合。",
		want: []want{
			{quote: "市卫生健康委牵头", role: Lead, units: []string{"市卫生健康委"}, canon: []string{"市卫生健康委"}},
			{quote: "市财政局配合", role: Support, units: []string{"市财政局"}, canon: []string{"市财政局"}},
		},
	},
	{
		name: "place + known levelled name",
		text: "安康市卫生健康委员会负责督导。",
		want: []want{{quote: "安康市卫生健康委员会负责督导", role: Responsible, units: []string{"安康市卫生健康委员会"}, canon: []string{"安康市卫生健康委"}}},
	},
	{
		name: "short form before a full 部门 name",
		text: "发展改革、财政部门要加大投入。",
		want: []want{{quote: "发展改革、财政部门要加大投入", role: Responsible, units: []string{"发展改革", "财政部门"}, canon: []string{"发展改革部门", "财政部门"}}},
	},
	{
		name: "a modal alone makes a task; a comma after fillers (not in the corpus)",
		text: "卫生健康、医保、财政等部门要按照职责分工,密切配合,形成合力。教育部门要将健康教育纳入国民教育体系。",
		want: []want{
			{quote: "卫生健康、医保、财政等部门要按照职责分工,密切配合,形成合力", role: Responsible, units: []string{"卫生健康", "医保", "财政"}, canon: []string{"卫生健康部门", "医保部门", "财政部门"}},
			{quote: "教育部门要将健康教育纳入国民教育体系", role: Responsible, units: []string{"教育部门"}, canon: []string{"教育部门"}},
		},
	},
	// ── negatives ──
	{
		name: "要求 reports a demand on others (not in the corpus)",
		text: "市卫健委要求各医疗机构加强院感防控。",
	},
	{
		// 000: a person's title. The body opens the clause but no task verb
		// follows it (党组书记 is a title, 表示 a report), so it is no unit.
		name: "000 a title is not a task",
		text: "“《措施》内容丰富、覆盖面广、针对性强,对许昌市卫生健康事业高质量发展具有很强的指导性、可操作性,为充分发挥卫生健康在城乡融合共同富裕先行试验区建设中的作用注入了强劲动力。”市卫健委党组书记、主任冉高垒表示。",
	},
	{
		name: "000 issuing a document is a report, not a task",
		text: "日前,为促进许昌市卫生健康事业高质量发展,省卫健委出台《支持许昌高质量建设城乡融合共同富裕先行试验区的若干措施》(以下简称《措施》),从支持许昌市完善医疗卫生与医共体服务体系、市中医药传承创新发展、托育服务体系建设、“健康大脑 ”建设、城市医疗集团建设、基层医疗卫生服务综合能力建设和全域医养结合服务体系建设等7个方面对许昌市建设城乡融合共同富裕先行试验区给予强力支持。",
	},
	{
		name: "001 an addressee list",
		text: "各县(市、区)发展改革局、卫生健康局,高新区经济发展科技局、卫健医保局,恒口示范区经济发展和招商局、卫生健康局,瀛湖生态旅游区经济发展和招商局,市直各医疗卫生单位:",
	},
	{
		name: "001 负责制 is no body",
		text: "全面实行党委领导下的院长负责制,加强党对公立医院的领导。",
	},
	{
		name: "003 (simplified) 印发",
		text: "日前,省政府办公厅印发《河北省深化医药卫生体制改革2021年重点工作任务》,提出今年将以高质量发展为主题。",
	},
	{
		name: "003 责任编辑 is no label",
		text: "责任编辑: 崔利杰",
	},
	{
		name: "004 a passive mention",
		text: "1个社区卫生服务中心达到推荐标准,受到国家卫健委通报表扬,2个社区卫生服务中心被选定为国家级社区医院试点单位。",
	},
	{
		name: "004 a list of projects has no task verb",
		text: "市三院、市肺科医院、市疾控中心、红古区妇幼保健院、永登县妇幼保健院5个建设项目已竣工并投入使用。",
	},
	{
		name: "004 editor credit",
		text: "(责编:周婉婷、焦隆)",
	},
	{
		name: "各有关部门 and 县级医院 are generic (not in the corpus)",
		text: "各有关部门要加强协作,县级医院要加强管理。",
	},
	// ── issue 8: the genres of 30 (a city's assessment scheme), 32 (a
	// provincial action plan) and 01 (a work report), and shapes they lack ──
	{
		name: "30 open label 牵头考核单位 after a deadline",
		text: "完成适老化改造,适应特殊群体需求。(5月底取得明显成效并持续推进,牵头考核单位:市审批服务局)",
		want: []want{{
			quote: "牵头考核单位:市审批服务局)",
			role:  Lead,
			units: []string{"市审批服务局"},
			canon: []string{"市行政审批和政务服务局"},
		}},
	},
	{
		name: "30 a level inherited only where the dictionary knows the name",
		text: "提升网上办事便利度。(6月底完成,牵头考核单位:市住建局、审批服务局)",
		want: []want{{
			quote: "牵头考核单位:市住建局、审批服务局)",
			role:  Lead,
			units: []string{"市住建局", "审批服务局"},
			canon: []string{"市住房城乡建设局", "市行政审批和政务服务局"},
		}},
	},
	{
		name: "30 a working unit inside a body, 由…予以",
		text: "各牵头考核单位自身工作及考核分值由市政府办公室数字政府专班予以核实。",
		want: []want{{
			quote: "市政府办公室数字政府专班予以核实",
			role:  Responsible,
			units: []string{"市政府办公室数字政府专班"},
			canon: []string{"市政府办公室数字政府专班"},
		}},
	},
	{
		name: "32 a provincial list: 地方金融监管局 takes 省",
		text: "对获评国家级工业互联网平台的给予奖励。(责任单位:省经济和信息化厅、省财政厅、地方金融监管局、省投资集团,各市人民政府)",
		want: []want{{
			quote: "(责任单位:省经济和信息化厅、省财政厅、地方金融监管局、省投资集团,各市人民政府)",
			role:  Responsible,
			units: []string{"省经济和信息化厅", "省财政厅", "地方金融监管局", "省投资集团"},
			canon: []string{"省经济和信息化厅", "省财政厅", "省地方金融监管局", "省投资集团"},
		}},
	},
	{
		name: "01 bodies that are being built are not responsible",
		text: "成都航空职业技术大学获批成立,成都美术学院、广安理工学院加快筹建。",
	},
	{
		name: "01 a report of what was done is no task",
		text: "根据《中共四川省委关于制定四川省国民经济和社会发展第十五个五年规划的建议》,省政府组织编制了《四川省国民经济和社会发展第十五个五年规划纲要草案》",
	},
	{
		name: "own shape: names unknown to the dictionary, closed by a role",
		text: "健全航空应急救援体系(应急部、民航局负责)。",
		want: []want{{
			quote: "(应急部、民航局负责)",
			role:  Responsible,
			units: []string{"应急部", "民航局"},
			canon: []string{"应急部", "民航局"},
		}},
	},
	{
		name: "own shape: 指导 closes a list, one name known",
		text: "开展减污降碳协同试点(生态环境部、发展改革委指导)。",
		want: []want{{
			quote: "(生态环境部、发展改革委指导)",
			role:  Responsible,
			units: []string{"生态环境部", "发展改革委"},
			canon: []string{"生态环境部", "国家发展改革委"},
		}},
	},
	{
		name: "own shape: a bank and a commission in a support list",
		text: "加大信贷支持力度(人民银行、银保监会配合)。",
		want: []want{{
			quote: "(人民银行、银保监会配合)",
			role:  Support,
			units: []string{"人民银行", "银保监会"},
			canon: []string{"人民银行", "中国银保监会"},
		}},
	},
	{
		name: "own shape: another open label",
		text: "完善应急物资储备。配合实施部门:县应急局、县交通运输局。",
		want: []want{{
			quote: "配合实施部门:县应急局、县交通运输局",
			role:  Support,
			units: []string{"县应急局", "县交通运输局"},
			canon: []string{"县应急管理局", "县交通运输局"},
		}},
	},
	{
		name: "own shape: a note in the bracket makes the first body lead",
		text: "推进医养结合(市发展改革委、市财政局、市卫生健康委按职责分工负责,首位为牵头部门)。",
		want: []want{
			{quote: "(市发展改革委", role: Lead, units: []string{"市发展改革委"}, canon: []string{"市发展改革委"}},
			{quote: "市财政局、市卫生健康委按职责分工负责", role: Responsible, units: []string{"市财政局", "市卫生健康委"}, canon: []string{"市财政局", "市卫生健康委"}},
		},
	},
	{
		name: "own shape: a note after a labelled list is no body",
		text: "推进医养结合。(责任单位:市发展改革委、市财政局,首位为牵头单位)",
		want: []want{
			{quote: "(责任单位:市发展改革委", role: Lead, units: []string{"市发展改革委"}, canon: []string{"市发展改革委"}},
			{quote: "市财政局,首位为牵头单位)", role: Responsible, units: []string{"市财政局"}, canon: []string{"市财政局"}},
		},
	},
	{
		name: "own shape: (牵头) after the first body of a labelled list",
		text: "推进项目建设。(责任单位:市发展改革委(牵头)、市财政局、市卫生健康委)",
		want: []want{
			{quote: "(责任单位:市发展改革委", role: Lead, units: []string{"市发展改革委"}, canon: []string{"市发展改革委"}},
			{quote: "市财政局、市卫生健康委)", role: Responsible, units: []string{"市财政局", "市卫生健康委"}, canon: []string{"市财政局", "市卫生健康委"}},
		},
	},
	{
		name: "own shape: another field after the list ends it",
		text: "建设创新平台。(责任单位:市科技局、市工业和信息化局;完成时限:2022年12月底)",
		want: []want{{
			quote: "(责任单位:市科技局、市工业和信息化局",
			role:  Responsible,
			units: []string{"市科技局", "市工业和信息化局"},
			canon: []string{"市科技局", "市工业和信息化局"},
		}},
	},
	{
		name: "own shape: a detachment inside a known bureau",
		text: "治理重型柴油车污染(市生态环境局、市交通运输局、市公安局交警支队按职责分工负责)。",
		want: []want{{
			quote: "(市生态环境局、市交通运输局、市公安局交警支队按职责分工负责)",
			role:  Responsible,
			units: []string{"市生态环境局", "市交通运输局", "市公安局交警支队"},
			canon: []string{"市生态环境局", "市交通运输局", "市公安局交警支队"},
		}},
	},
	{
		name: "own shape: an open label's words inside a sentence are no label",
		text: "各牵头考核单位对各旗县区承担的重点任务进行考核并形成分值。",
	},
}

func TestFind(t *testing.T) {
	for _, row := range findRows {
		t.Run(row.name, func(t *testing.T) {
			rs := []rune(row.text)
			got := Find(row.text)
			if len(got) != len(row.want) {
				for _, c := range got {
					t.Logf("got %s %v %q", c.Role, c.Units, string(rs[c.Start:c.End]))
				}
				t.Fatalf("got %d clauses, want %d", len(got), len(row.want))
			}
			for i, w := range row.want {
				c := got[i]
				if q := string(rs[c.Start:c.End]); q != w.quote {
					t.Errorf("clause %d span %q, want %q", i, q, w.quote)
				}
				if c.Role != w.role {
					t.Errorf("clause %d role %s, want %s", i, c.Role, w.role)
				}
				if !slices.Equal(c.Units, w.units) {
					t.Errorf("clause %d units %v, want %v", i, c.Units, w.units)
				}
				if !slices.Equal(c.Canonical, w.canon) {
					t.Errorf("clause %d canonical %v, want %v", i, c.Canonical, w.canon)
				}
				for k, sp := range c.UnitSpans {
					if s := string(rs[sp[0]:sp[1]]); k < len(c.Units) && s != c.Units[k] {
						t.Errorf("clause %d unit %d span %q, want %q", i, k, s, c.Units[k])
					}
				}
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	for _, row := range []struct {
		name, want string
		known      bool
	}{
		{"市卫健委", "市卫生健康委", true},
		{"市卫生健康委员会", "市卫生健康委", true},
		{"市发改委", "市发展改革委", true},
		{"市发展和改革委员会", "市发展改革委", true},
		{"市医保局", "市医疗保障局", true},
		{"市人社局", "市人力资源社会保障局", true},
		{"市住建局", "市住房城乡建设局", true},
		{"国家卫健委", "国家卫生健康委", true},
		{"省卫健委", "省卫生健康委", true},
		{"县卫健局", "县卫生健康局", true},
		{" 市财政局 ", "市财政局", true},
		// 002: OCR 已 for 卫, one substitution from exactly one known name.
		{"市已生健康委", "市卫生健康委", true},
		// 001: a place before a levelled name.
		{"安康市卫生健康委员会", "安康市卫生健康委", true},
		// Two candidates (市卫生健康委, 市卫生健康局): left as written.
		{"市卫生健康麦", "市卫生健康麦", false},
		// A different level is a different body, not noise.
		{"镇财政局", "镇财政局", false},
		// Too short to repair safely.
		{"财攻部", "财攻部", false},
		{"许昌市", "许昌市", false},
		// A historical name stays as written: 市农业局 in a 2012 text is not
		// the 市农业农村局 created in 2018.
		{"市农业局", "市农业局", true},
		{"包头市农业局", "包头市农业局", true},
	} {
		got, known := Canonical(row.name)
		if got != row.want || known != row.known {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", row.name, got, known, row.want, row.known)
		}
	}
}

// TestFindTraditional: the issue-8 rows converted to traditional (OpenCC
// s2t) and normalised as the pipeline does give the same clauses.
func TestFindTraditional(t *testing.T) {
	s2t, err := gocc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, row := range findRows {
		if !strings.HasPrefix(row.name, "30 ") && !strings.HasPrefix(row.name, "32 ") && !strings.HasPrefix(row.name, "own shape") {
			continue
		}
		trad, err := s2t.Convert(row.text)
		if err != nil {
			t.Fatal(err)
		}
		v, err := normalize.View(textview.Identity(trad), normalize.Traditional)
		if err != nil {
			t.Fatal(err)
		}
		got := Find(v.Text)
		if len(got) != len(row.want) {
			t.Errorf("%s in traditional: %d clauses, want %d", row.name, len(got), len(row.want))
			continue
		}
		for i, w := range row.want {
			if got[i].Role != w.role || !slices.Equal(got[i].Canonical, w.canon) {
				t.Errorf("%s in traditional: %s %v, want %s %v", row.name, got[i].Role, got[i].Canonical, w.role, w.canon)
			}
		}
		n++
	}
	if n < 8 {
		t.Fatalf("only %d rows converted", n)
	}
}
