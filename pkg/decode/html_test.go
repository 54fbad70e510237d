package decode

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// A page as a county site serves it: GB2312 declared in http-equiv, a
// script that writes markup, the indicator table of 001 as a real table,
// entities for spaces and quotes.
const gbkPage = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于印发《安康市“十四五”卫生健康事业发展规划》的通知</title>
<style type="text/css">p { text-indent: 2em; }</style>
<script type="text/javascript">document.write("<p>分享到微信</p>");</script>
</head>
<body>
<div class="nav">首页 &gt; 通知公告</div>
<div class="content">
  <p>&nbsp;&nbsp;&nbsp;&nbsp;各县(市、区)发展改革局、卫生健康局:</p>
  <p>&ldquo;十四五&rdquo;时期卫生健康事业主要发展规划指标</p>
  <table border="1">
    <tbody>
      <tr><th>领域</th><th>指标</th><th>2020年</th><th>2025年目标</th><th>属性</th></tr>
      <tr><td>人口健康水平</td><td>人均期望寿命(岁)</td><td>76.3</td><td>77.30</td><td>预期性</td></tr>
      <tr>
        <td></td>
        <td>孕产妇死亡率(/10万)</td>
        <td>9.39</td>
        <td>&le;11</td>
        <td>控制性</td>
      </tr>
    </tbody>
  </table>
  <p>婴儿死亡率控制在4.5&permil;以下,<br>5岁以下儿童死亡率控制在5.8&permil;以下。</p>
</div>
<noscript>请开启JavaScript</noscript>



<div>关闭</div>
</body>
</html>
`

const gbkPageText = `关于印发《安康市“十四五”卫生健康事业发展规划》的通知
首页 > 通知公告
` + "\u00a0\u00a0\u00a0\u00a0" + `各县(市、区)发展改革局、卫生健康局:
“十四五”时期卫生健康事业主要发展规划指标
领域	指标	2020年	2025年目标	属性
人口健康水平	人均期望寿命(岁)	76.3	77.30	预期性
	孕产妇死亡率(/10万)	9.39	≤11	控制性
婴儿死亡率控制在4.5‰以下,
5岁以下儿童死亡率控制在5.8‰以下。
关闭
`

func TestHTML(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, gbkPage)
	big5Page := `<html><head><meta charset="big5"><title>河北日報</title></head>` +
		`<body><p>河北省六項舉措促進優質醫療資源均衡布局</p></body></html>`
	tests := []struct {
		name, file string
		data       []byte
		want, enc  string
	}{
		{"gbk page by meta", "notice.html", gbk, gbkPageText, "gb18030"},
		{"page saved as .txt", "notice.txt", gbk, gbkPageText, "gb18030"},
		{"page re-encoded to utf-8 keeps its gb2312 meta", "notice.htm", []byte(gbkPage), gbkPageText, "utf-8"},
		{"big5 meta charset", "", encode(t, traditionalchinese.Big5, big5Page),
			"河北日報\n河北省六項舉措促進優質醫療資源均衡布局\n", "big5"},
		{"utf-16 page", "page", append([]byte("\xff\xfe"), encode(t, utf16le, big5Page)...),
			"河北日報\n河北省六項舉措促進優質醫療資源均衡布局\n", "utf-16le"},
		{"pre keeps its lines", "a.html", []byte("<html><body><pre>指标  2020年\r\n床位  6.6</pre><p>完</p>"),
			"指标  2020年\n床位  6.6\n完\n", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Bytes(tt.file, tt.data, "")
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != "html" || got.Encoding != tt.enc {
				t.Errorf("format %q encoding %q, want html %q", got.Format, got.Encoding, tt.enc)
			}
			if got.Text != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got.Text, tt.want)
			}
		})
	}
}

// Some CMS exports nest a <div> per paragraph level; tens of thousands deep
// must not overflow the stack (BenchmarkHTMLDeepNesting shows the time is
// linear in the depth).
func TestHTMLDeepNesting(t *testing.T) {
	got, err := Bytes("deep.html", deepPage(200000), "")
	if err != nil || got.Text != "到2025年\n" {
		t.Errorf("got %q, %v", got.Text, err)
	}
}

func deepPage(depth int) []byte {
	return []byte("<html><body>" + strings.Repeat("<div><span>", depth) + "到2025年" +
		strings.Repeat("</span></div>", depth) + "</body></html>")
}

// BenchmarkHTMLDeepNesting: ns/op per level flat from 20,000 to 200,000.
func BenchmarkHTMLDeepNesting(b *testing.B) {
	for _, depth := range []int{20000, 200000} {
		page := deepPage(depth)
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				Bytes("deep.html", page, "")
			}
		})
	}
}
