package document

import (
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The same notice saved in GB18030 reads into the same document as its
// UTF-8 copy: same original text, script, cleaned body and offset map.
func TestEncodingDoesNotChangeTheDocument(t *testing.T) {
	for _, c := range corpus.All(t) {
		utf8Doc, err := FromBytes(c.Name, []byte(c.Original), Options{})
		if err != nil {
			t.Fatal(err)
		}
		gb, err := simplifiedchinese.GB18030.NewEncoder().String(c.Original)
		if err != nil {
			t.Fatal(err)
		}
		gbDoc, err := FromBytes(c.Name, []byte(gb), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if gbDoc.Encoding != "gb18030" || gbDoc.Original != utf8Doc.Original || gbDoc.Script != utf8Doc.Script ||
			gbDoc.Body.Text != utf8Doc.Body.Text || gbDoc.Dropped != utf8Doc.Dropped {
			t.Errorf("%s: GB18030 copy reads differently (encoding %s)", c.Name, gbDoc.Encoding)
		}
	}
}

func TestBodyMapsToOriginal(t *testing.T) {
	c := corpus.Get(t, "003")
	d, err := FromBytes(c.Name, []byte(c.Original), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Script != "traditional" {
		t.Fatalf("script %s", d.Script)
	}
	want := "启动4个省级区域医疗中心建设"
	i := strings.Index(d.Body.Text, want)
	if i < 0 {
		t.Fatalf("body lacks %q", want)
	}
	start := d.Body.RuneIndex(i)
	if got := d.Quote(d.Body.Span(start, start+len([]rune(want)))); got != "啟動4個省級區域醫療中心建設" {
		t.Fatalf("quotes %q", got)
	}
	if strings.Contains(d.Body.Text, "无码") || !strings.Contains(d.Full().Text, "无码") {
		t.Fatal("the spam tail should be out of the body and in the full text")
	}
}

func TestErrorsNameTheFile(t *testing.T) {
	for _, c := range []struct {
		data []byte
		want string
	}{
		{nil, "notice.txt: empty file"},
		{[]byte(" \n\t "), "notice.txt: no text"},
		{[]byte("ELF\x00\x01\x02\x00\x00"), "notice.txt: binary file"},
	} {
		_, err := FromBytes("dir/notice.txt", c.data, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.data, err, c.want)
		}
	}
	if _, err := Read("/no/such/notice.txt", nil, Options{}); err == nil || err.Error() != "/no/such/notice.txt: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

// Quote reads rune spans through a sparse index: every span of a text
// longer than the index's step, ends inside and across steps, equals the
// []rune slice.
func TestQuoteSpans(t *testing.T) {
	text := strings.Repeat("到2025年，覆盖率达到95%以上。\n", 20) + "a\xffb"
	d, err := FromText("q.txt", text, "utf-8", "text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for start := 0; start <= len(rs); start += 7 {
		for end := start; end <= len(rs)+3; end += 13 {
			if got, want := d.Quote(start, end), string(rs[start:min(end, len(rs))]); got != want {
				t.Fatalf("Quote(%d, %d) = %q, want %q", start, end, got, want)
			}
		}
	}
	if d.Quote(-3, 2) != "到2" || d.Quote(5, 5) != "" {
		t.Errorf("edges: %q %q", d.Quote(-3, 2), d.Quote(5, 5))
	}
}

// A document over keepFullUpTo bytes whose cleaning dropped lines does
// not keep its full view but makes the same one on demand, CR LF line
// ends and all.
func TestFullViewMadeOnDemand(t *testing.T) {
	c := corpus.Get(t, "003")
	text := strings.Repeat(strings.ReplaceAll(c.Original, "\n", "\r\n"), keepFullUpTo/len(c.Original)+1)
	d, err := FromText("big.txt", text, "utf-8", "text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.full != nil || d.Dropped == 0 {
		t.Fatalf("full view kept (%v) or nothing dropped (%d)", d.full != nil, d.Dropped)
	}
	want, err := normalize.View(textview.Decoded(text), d.Script)
	if err != nil {
		t.Fatal(err)
	}
	full := d.Full()
	if full.Text != want.Text || full.Runes() != want.Runes() {
		t.Fatal("the full view made on demand differs")
	}
	for _, i := range []int{0, 1000, full.Runes() / 2, full.Runes() - 1} {
		if a, b := full.Span(i, i+1); a != b-1 || a != want.Origin(i) {
			t.Fatalf("rune %d maps to %d, want %d", i, a, want.Origin(i))
		}
	}
}
