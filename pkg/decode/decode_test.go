package decode

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const corpusDir = "../../testdata/corpus"

// corpus returns the seed documents by their three-digit prefix.
func corpus(t testing.TB) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus in %s: %v", corpusDir, err)
	}
	docs := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)[:3]] = string(b)
	}
	return docs
}

// article003 is 003 without its tail: after 加載更多新聞 the page has a
// block of "|"-separated links to porn sites, in simplified characters Big5
// cannot encode. The article is everything before the first line with a "|".
func article003(t testing.TB, doc string) string {
	t.Helper()
	i := strings.Index(doc, "|")
	if i < 0 {
		t.Fatal("003: no spam block")
	}
	head := doc[:strings.LastIndex(doc[:i], "\n")+1]
	if !strings.Contains(head, "河北省六項舉措促進優質醫療資源均衡布局") || strings.Contains(head, "无码") {
		t.Fatalf("003: cut in the wrong place:\n%s", head[len(head)-200:])
	}
	return head
}

func encode(t testing.TB, e xenc.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

var (
	utf16le = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	utf16be = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
)

// TestCorpusEncodings writes every seed document the ways sites and
// editors write Chinese and checks each comes back exactly.
func TestCorpusEncodings(t *testing.T) {
	docs := corpus(t)
	type variant struct {
		name string
		make func(string) []byte
		enc  string
		docs []string // nil: every document
	}
	variants := []variant{
		{"utf-8", func(s string) []byte { return []byte(s) }, "utf-8", nil},
		{"utf-8 bom", func(s string) []byte { return append([]byte("\xef\xbb\xbf"), s...) }, "utf-8-bom", nil},
		{"utf-8 crlf", func(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }, "utf-8", nil},
		{"gb18030", func(s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }, "gb18030", nil},
		{"utf-16le bom", func(s string) []byte { return append([]byte("\xff\xfe"), encode(t, utf16le, s)...) }, "utf-16le", nil},
		{"utf-16le", func(s string) []byte { return encode(t, utf16le, s) }, "utf-16le", nil},
		{"utf-16be bom", func(s string) []byte { return append([]byte("\xfe\xff"), encode(t, utf16be, s)...) }, "utf-16be", nil},
		{"utf-16be", func(s string) []byte { return encode(t, utf16be, s) }, "utf-16be", nil},
		// The others hold U+00A0, which GBK lacks.
		{"gbk", func(s string) []byte { return encode(t, simplifiedchinese.GBK, s) }, "gb18030", []string{"002", "003"}},
		{"big5", func(s string) []byte { return encode(t, traditionalchinese.Big5, article003(t, s)) }, "big5", []string{"003"}},
	}
	for _, v := range variants {
		ids := v.docs
		if ids == nil {
			ids = []string{"000", "001", "002", "003", "004"}
		}
		for _, id := range ids {
			t.Run(v.name+"/"+id, func(t *testing.T) {
				want := docs[id]
				if v.name == "utf-8 crlf" {
					want = string(v.make(want)) // a text file keeps its line ends
				}
				if v.name == "big5" {
					want = article003(t, want)
				}
				got, err := Bytes(id+".txt", v.make(docs[id]), "")
				if err != nil {
					t.Fatal(err)
				}
				if got.Encoding != v.enc || got.Format != "text" {
					t.Errorf("encoding %q format %q, want %q text", got.Encoding, got.Format, v.enc)
				}
				if got.Text != want {
					t.Errorf("text differs from the original at byte %d", firstDiff(got.Text, want))
				}
			})
		}
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func TestForcedEncoding(t *testing.T) {
	docs := corpus(t)
	art := article003(t, docs["003"])
	big5 := encode(t, traditionalchinese.Big5, art)
	tests := []struct {
		name, forced string
		data         []byte
		want, enc    string
	}{
		{"gbk name reads gb18030", "GBK", encode(t, simplifiedchinese.GBK, docs["002"]), docs["002"], "gb18030"},
		{"gb2312", "gb2312", encode(t, simplifiedchinese.GBK, docs["002"]), docs["002"], "gb18030"},
		{"big5", "Big5", big5, art, "big5"},
		{"utf-16le without bom", "utf-16le", encode(t, utf16le, docs["004"]), docs["004"], "utf-16le"},
		{"utf-16be with bom", "UTF-16BE", append([]byte("\xfe\xff"), encode(t, utf16be, docs["004"])...), docs["004"], "utf-16be"},
		{"utf-8 drops bom", "utf-8", []byte("\xef\xbb\xbf" + docs["000"]), docs["000"], "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Bytes("x.txt", tt.data, tt.forced)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.want || got.Encoding != tt.enc {
				t.Errorf("encoding %q, text differs at %d", got.Encoding, firstDiff(got.Text, tt.want))
			}
		})
	}

	// Forcing overrides detection even when detection would be right.
	got, err := Bytes("x.txt", big5, "gb18030")
	if err != nil {
		t.Fatal(err)
	}
	if got.Encoding != "gb18030" || got.Text == art {
		t.Errorf("forced gb18030 on Big5 gave %q and the Big5 text", got.Encoding)
	}

	_, err = Bytes("x.txt", []byte("abc"), "latin-9")
	if err == nil || err.Error() != `unknown encoding "latin-9"` {
		t.Errorf("unknown forced encoding: err %v", err)
	}
}

func TestErrors(t *testing.T) {
	ls, err := os.ReadFile("/bin/ls")
	if err != nil {
		t.Skip("no /bin/ls to use as a binary")
	}
	tests := []struct {
		name string
		file string
		data []byte
		want error
	}{
		{"empty", "a.txt", nil, ErrEmpty},
		{"binary named .txt", "ls.txt", ls, ErrBinary},
		{"binary without extension", "ls", ls, ErrBinary},
		{"utf-8 with a NUL", "a.txt", []byte("到2025年\x00"), ErrBinary},
		{"no encoding reads it", "a.txt", bytes.Repeat([]byte{0xff}, 64), ErrNotText},
		{"control codes", "a.txt", bytes.Repeat([]byte{0x01, 0x02, 0x1b}, 20), ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bytes(tt.file, tt.data, "")
			if !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), tt.file) {
				t.Errorf("error %q names the file", err)
			}
		})
	}
}

func TestWhitespaceIsText(t *testing.T) {
	got, err := Bytes("a.txt", []byte(" \r\n\t\r"), "")
	if err != nil || got.Text != " \r\n\t\r" {
		t.Errorf("got %q, %v", got.Text, err)
	}
}

// A download cut off mid-character leaves the start of a UTF-8 sequence at
// the end of the file. The partial character is dropped; the rest is UTF-8.
func TestTruncatedUTF8(t *testing.T) {
	doc := corpus(t)["000"]
	zhong := []byte("中") // e4 b8 ad
	for cut := 1; cut <= 2; cut++ {
		data := append([]byte(doc), zhong[:cut]...)
		got, err := Bytes("000.txt", data, "")
		if err != nil {
			t.Fatalf("cut %d: %v", cut, err)
		}
		if got.Text != doc || got.Encoding != "utf-8" {
			t.Errorf("cut %d: encoding %q, text differs at %d", cut, got.Encoding, firstDiff(got.Text, doc))
		}
	}
	// The same after a BOM, and when UTF-8 is forced.
	data := append([]byte("\xef\xbb\xbf"+doc), zhong[:2]...)
	if got, err := Bytes("000.txt", data, ""); err != nil || got.Text != doc || got.Encoding != "utf-8-bom" {
		t.Errorf("after a BOM: encoding %q, %v", got.Encoding, err)
	}
	if got, err := Bytes("000.txt", data, "utf-8"); err != nil || got.Text != doc {
		t.Errorf("forced: %v", err)
	}
	// A file that is nothing but a partial character is empty text.
	if got, err := Bytes("a.txt", zhong[:2], ""); err != nil || got.Text != "" {
		t.Errorf("lone partial character: %q, %v", got.Text, err)
	}
}

// Lines pasted from a GBK page into a UTF-8 file: each line is read in its
// own encoding.
func TestMixedGBKAndUTF8(t *testing.T) {
	utf8Lines := "关于印发《安康市“十四五”卫生健康事业发展规划》的通知\n到2025年,人均预期寿命达到77.3岁\n"
	gbkLine := "支持全市15%的中心卫生院达到或接近二级综合医院水平\n"
	data := append([]byte(utf8Lines), encode(t, simplifiedchinese.GBK, gbkLine)...)
	data = append(data, "责任编辑:\n"...)
	got, err := Bytes("mixed.txt", data, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := utf8Lines + gbkLine + "责任编辑:\n"; got.Text != want {
		t.Errorf("got %q\nwant %q", got.Text, want)
	}

	// Mostly GBK with one UTF-8 line: read as GB18030 throughout; the
	// UTF-8 line is garbled but nothing fails.
	doc := corpus(t)["002"]
	data = append(encode(t, simplifiedchinese.GBK, doc), "到2025年\n"...)
	got, err = Bytes("mixed.txt", data, "")
	if err != nil || !strings.HasPrefix(got.Text, doc) || got.Encoding != "gb18030" {
		t.Errorf("mostly GBK: %q, %v", got.Encoding, err)
	}
}

func TestFile(t *testing.T) {
	got, err := File(filepath.Join(corpusDir, "002_e8b66c7ddb9e4fa1.txt"), "")
	if err != nil || got.Format != "text" || !strings.HasPrefix(got.Text, "大别山区域医疗中心建设三年行动方案") {
		t.Errorf("File: %+v, %v", got.Encoding, err)
	}
	_, err = File(filepath.Join(t.TempDir(), "missing.txt"), "")
	if err == nil || err.Error() != "no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}
