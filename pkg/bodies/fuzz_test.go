package bodies

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

func FuzzFind(f *testing.F) {
	for _, row := range findRows {
		f.Add(row.text)
	}
	for _, s := range []string{
		"", "(", ")", "(责任单位:", "(责任单位:)", "责任单位:、、,", "(牵头单位:;配合单位:)",
		"(负责)", "由", "市已生健康委", "规划、等部门", "(国家卫生健康委牵头,", "2 .", "(二)",
		"\xff\xfe(责任单位:市卫健委", "（责任单位：市卫健委；配合单位：市财政局）",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := utf8.RuneCountInString(text)
		for _, c := range Find(text) {
			if c.Start < 0 || c.End > n || c.Start > c.End {
				t.Fatalf("clause span [%d,%d) outside [0,%d)", c.Start, c.End, n)
			}
			if len(c.Units) != len(c.Canonical) || len(c.Units) != len(c.UnitSpans) {
				t.Fatalf("units %d, canonical %d, spans %d", len(c.Units), len(c.Canonical), len(c.UnitSpans))
			}
			if len(c.Units) == 0 {
				t.Fatalf("clause without units")
			}
			for _, sp := range c.UnitSpans {
				if sp[0] < c.Start || sp[1] > c.End || sp[0] >= sp[1] {
					t.Fatalf("unit span %v outside clause [%d,%d)", sp, c.Start, c.End)
				}
			}
		}
	})
}

func TestUserDict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my.txt")
	data := "[bodies]\n市卫生监督所\t市卫监所\n[body_verbs]\n督办\tresponsible\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := dict.Extend(path); err != nil {
		t.Fatal(err)
	}
	defer func() {
		dict.Reset()
	}()
	if c, ok := Canonical("市卫监所"); c != "市卫生监督所" || !ok {
		t.Errorf("Canonical(市卫监所) = %q, %v", c, ok)
	}
	got := Find("市卫监所督办案件查处。")
	if len(got) != 1 || got[0].Canonical[0] != "市卫生监督所" {
		t.Errorf("Find with user dict = %+v", got)
	}
}
