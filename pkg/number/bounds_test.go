package number

import (
	"slices"
	"testing"

	"github.com/cnplan/cnplan/dict"
)

// TestBoundsVocabulary: every record of dict/bounds.txt is well formed.
func TestBoundsVocabulary(t *testing.T) {
	comparators := []string{">=", "<=", ">", "<", "=", "~", "range", "none"}
	for _, r := range dict.Records("bounds") {
		if len(r) != 3 || !slices.Contains(comparators, r[1]) || !slices.Contains([]string{"before", "after", "between"}, r[2]) {
			t.Errorf("bad bounds record %q", r)
		}
	}
	for _, r := range dict.Records("numeral_stopwords") {
		if len(r) != 2 || (r[1] != "stop" && r[1] != "measure") {
			t.Errorf("bad numeral_stopwords record %q", r)
		}
	}
}

// TestBounds: what the words around a number say, in corpus sentences.
func TestBounds(t *testing.T) {
	tests := []struct {
		text  string
		cmp   string
		words []string
	}{
		{"婴儿死亡率控制在4.5‰以下", "<=", []string{"控制在", "以下"}}, // 001: 控制在X以下 is <=
		{"婴儿死亡率控制在2.11‰", "=", []string{"控制在"}},         // 001: 控制在X alone is =
		{"耐药筛查率达到95%以上", ">=", []string{"达到", "以上"}},    // 001
		{"孕产妇死亡率(/10万)9.39≤11", "<=", []string{"≤"}},    // 001, a table row read as text
		{"65岁以上老人健康管理率≥72%", ">=", []string{"≥"}},       // 001
		{"比例不低于60%", ">=", []string{"不低于"}},             // 001
		{"达标医院占比超过60%", ">=", []string{"超过"}},           // 001: 超过 is scored as >=
		{"累计为农村群众完成远程会诊8万余例次", "~", []string{"余"}},      // 001
		{"500余万", "~", []string{"余"}},                   // 余 before the multiplier
		{"慢病签约服务率达80%", "=", []string{"达"}},             // 001
		{"居民人均预期寿命提高到76.3岁", "=", []string{"提高到"}},      // 001
		{"至少配备1名中医师", "", nil},                          // 001: not adjacent, not read
		{"签约一人", "", nil},                               // 001: 签约 is no 约
	}
	for _, tt := range tests {
		qs := Scan(tt.text)
		if len(qs) == 0 {
			t.Errorf("Scan(%q): nothing", tt.text)
			continue
		}
		q := qs[len(qs)-1]
		if q.Comparator != tt.cmp || !slices.Equal(q.BoundWords, tt.words) {
			t.Errorf("Scan(%q): %q %q, want %q %q", tt.text, q.Comparator, q.BoundWords, tt.cmp, tt.words)
		}
	}
}

func TestCombine(t *testing.T) {
	tests := []struct{ before, after, want string }{
		{"=", "<=", "<="}, {"=", "", "="}, {"", ">=", ">="}, {">=", ">=", ">="},
		{"~", "~", "~"}, {"~", ">=", ">="}, {">=", "~", ">="}, {"", "", ""},
	}
	for _, tt := range tests {
		if got := combine(tt.before, tt.after); got != tt.want {
			t.Errorf("combine(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}
