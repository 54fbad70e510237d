package region

import (
	"reflect"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want Region
		ok   bool
	}{
		// Short names, as plans and news write them.
		{"安康", Region{"陕西省", "安康市", "", "610900"}, true},
		{"许昌", Region{"河南省", "许昌市", "", "411000"}, true},
		{"兰州", Region{"甘肃省", "兰州市", "", "620100"}, true},
		{"信阳", Region{"河南省", "信阳市", "", "411500"}, true},
		{"河北", Region{"河北省", "", "", "130000"}, true},
		{"陕西", Region{"陕西省", "", "", "610000"}, true},
		{"内蒙古", Region{"内蒙古自治区", "", "", "150000"}, true},
		{"广西", Region{"广西壮族自治区", "", "", "450000"}, true},
		{"恩施州", Region{"湖北省", "恩施土家族苗族自治州", "", "422800"}, true},
		{"北京", Region{"北京市", "", "", "110000"}, true},
		// Full names.
		{"安康市", Region{"陕西省", "安康市", "", "610900"}, true},
		{"河北省", Region{"河北省", "", "", "130000"}, true},
		// A county (永登县妇幼保健院, 004), a municipality's district, a
		// county-level city under its province.
		{"永登县", Region{"甘肃省", "兰州市", "永登县", "620121"}, true},
		{"红古区", Region{"甘肃省", "兰州市", "红古区", "620111"}, true},
		{"东城区", Region{"北京市", "", "东城区", "110101"}, true},
		{"济源", Region{"河南省", "", "济源市", "419001"}, true},
		// The province before the city of the same short name.
		{"吉林", Region{"吉林省", "", "", "220000"}, true},
		{"吉林市", Region{"吉林省", "吉林市", "", "220200"}, true},
		// Codes.
		{"411000", Region{"河南省", "许昌市", "", "411000"}, true},
		{"620121", Region{"甘肃省", "兰州市", "永登县", "620121"}, true},
		{"61", Region{"陕西省", "", "", "610000"}, true},
		{"411000000000", Region{"河南省", "许昌市", "", "411000"}, true},
		// Qualified names settle a name four districts share.
		{"鼓楼区", Region{}, false},
		{"南京市鼓楼区", Region{"江苏省", "南京市", "鼓楼区", "320106"}, true},
		{"河南省许昌市", Region{"河南省", "许昌市", "", "411000"}, true},
		{"陕西安康", Region{"陕西省", "安康市", "", "610900"}, true},
		// Not places.
		{"卫生健康委员会", Region{}, false},
		{"999999", Region{}, false},
		{"", Region{}, false},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.name)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDataset(t *testing.T) {
	g := load()
	if n := len(g.all); n < 3000 || n > 4000 {
		t.Errorf("regions.txt holds %d divisions, want provinces, cities and counties (~3,300)", n)
	}
	provinces := 0
	for _, d := range g.all {
		if d.level == levelProvince {
			provinces++
			continue
		}
		if d.parent == nil || d.parent.level >= d.level {
			t.Errorf("%s %s: parent missing or not above it", d.code, d.name)
		}
	}
	if provinces != 31 {
		t.Errorf("%d provinces, want 31", provinces)
	}
}

func TestShortNames(t *testing.T) {
	sh := loadShortener()
	tests := []struct {
		full string
		want []string
	}{
		{"陕西省", []string{"陕西"}},
		{"安康市", []string{"安康"}},
		{"恩施土家族苗族自治州", []string{"恩施", "恩施州"}},
		{"巴音郭楞蒙古自治州", []string{"巴音郭楞", "巴音郭楞州"}},
		{"长阳土家族自治县", []string{"长阳", "长阳县"}},
		{"内蒙古自治区", []string{"内蒙古"}},
		{"宁夏回族自治区", []string{"宁夏"}},
		{"锡林郭勒盟", []string{"锡林郭勒"}},
		{"神农架林区", []string{"神农架"}},
		// A one-character stem is no name.
		{"城区", nil},
		{"沙县", nil},
	}
	for _, tt := range tests {
		if got := sh.shortNames(tt.full); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("shortNames(%q) = %q, want %q", tt.full, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	s := loadScanner()
	tests := []struct {
		text string
		want []string // codes
	}{
		// 001: 安康 inside 健康安康 is Ankang.
		{"是实施健康安康建设、优化卫生健康服务体系", []string{"610900"}},
		// 002: the city named in its hospitals and college.
		{"推动信阳市中心医院进一步巩固三甲创建成果", []string{"411500"}},
		// 004: counties in full.
		{"市三院、市肺科医院、市疾控中心、红古区妇幼保健院、永登县妇幼保健院", []string{"620111", "620121"}},
		// 003 (simplified): a province and a city elsewhere.
		{"推广三明市医改经验", []string{"350400"}},
		// Names across word boundaries are not places.
		{"及时更新乡镇卫生院和村卫生室报", nil},         // 新乡
		{"加快打造大别山区域医疗中心,新建区域医疗中心", nil},  // 新建区
		{"20家县级综合医院和县级中医医院,创建示范县", nil},  // 和县, 范县
		{"每个县(区)至少设置1所安宁疗护机构", nil},      // 安宁市
		{"大兴安岭地区", []string{"232700"}},   // not 兴安盟
		{"确保定期开展", nil},                  // 保定
		{"建设武汉中心医院", []string{"420100"}}, // 武汉, not 汉中
	}
	for _, tt := range tests {
		var got []string
		for _, d := range s.mentions([]rune(tt.text)) {
			got = append(got, d.code)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("mentions(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
