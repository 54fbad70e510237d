package decode

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"testing"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// makeZip builds an archive of the given files in order.
func makeZip(t testing.TB, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(runs string) string {
	return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` + runs + `</w:p>`
}
func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func cell(paras ...string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + strings.Join(paras, "") + `</w:tc>`
}

// The opening of 002 as Word writes it: runs split mid-word, a tab, a line
// break, and the indicator table as a 2x3 table whose first cell holds two
// paragraphs.
var docxBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>` +
	para(run("大别山区域医疗中心建设")+run("三年行动方案")) +
	para(run("(2023—2025年)")) +
	para("") +
	para(run("一、")+`<w:r><w:tab/></w:r>`+run("总体要求")+`<w:r><w:br/></w:r>`+run("到2025年,县城就诊率达到90%以上。")) +
	`<w:tbl><w:tblPr/>` +
	`<w:tr>` + cell(para(run("指标")), para(run("(单位)"))) + cell(para(run("2022年"))) + cell(para(run("2025年"))) + `</w:tr>` +
	`<w:tr>` + cell(para(run("县城就诊率"))) + cell(para(run("85%"))) + cell(para(run("&gt;90%"))) + `</w:tr>` +
	`</w:tbl>` +
	para(run("各医共体牵头医院均达到二甲以上水平。")) +
	`<w:sectPr/></w:body></w:document>`

const wantDocxText = "大别山区域医疗中心建设三年行动方案\n" +
	"(2023—2025年)\n" +
	"\n" +
	"一、\t总体要求\n到2025年,县城就诊率达到90%以上。\n" +
	"指标 (单位)\t2022年\t2025年\n" +
	"县城就诊率\t85%\t>90%\n" +
	"各医共体牵头医院均达到二甲以上水平。\n"

func TestDocx(t *testing.T) {
	doc := makeZip(t,
		[2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types/>`},
		[2]string{"word/document.xml", docxBody})
	for _, name := range []string{"plan.docx", "PLAN.DOCX", "plan", ""} {
		got, err := Bytes(name, doc, "")
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if got.Format != "docx" || got.Text != wantDocxText {
			t.Errorf("%q: format %q, got\n%q\nwant\n%q", name, got.Format, got.Text, wantDocxText)
		}
	}
}

func TestDocxErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("大别山区域医疗中心建设三年行动方案"), ErrDocxNotZip},
		{"no document", makeZip(t, [2]string{"word/styles.xml", "<w:styles/>"}), ErrDocxNoDocument},
		{"bomb", zipBomb(t, 100<<20), ErrDocxTooBig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Bytes("plan.docx", tt.data, "")
			if !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
		})
	}

	// A bomb whose header claims 1 KiB is stopped while reading, by the
	// zip reader's own size check or by the LimitReader behind it.
	_, err := Bytes("plan.docx", zipBomb(t, 1<<10), "")
	if err == nil || !strings.HasPrefix(err.Error(), "docx: ") {
		t.Errorf("lying bomb: %v", err)
	}
}

// zipBomb returns a docx whose document.xml is 100 MiB of zeros, about
// 100 KiB deflated, with claimedSize in its header.
func zipBomb(t testing.TB, claimedSize uint64) []byte {
	t.Helper()
	deflated, crc := bombBody()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "word/document.xml",
		Method:             zip.Deflate,
		CRC32:              crc,
		CompressedSize64:   uint64(len(deflated)),
		UncompressedSize64: claimedSize,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(deflated)
	zw.Close()
	return buf.Bytes()
}

var bombBody = sync.OnceValues(func() ([]byte, uint32) {
	const size = 100 << 20
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	crc := crc32.NewIEEE()
	for i := 0; i < size/len(zeros); i++ {
		fw.Write(zeros)
		crc.Write(zeros)
	}
	fw.Close()
	return deflated.Bytes(), crc.Sum32()
})
