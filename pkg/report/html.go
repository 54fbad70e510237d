package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/template"
)

// The page is text/template rather than html/template: its only inputs
// are the assets below and the data block, which encoding/json writes
// with <, > and & escaped, so no text of a document can close the script
// element it sits in.
var (
	//go:embed page.html
	pageTemplate string
	//go:embed page.css
	pageCSS string
	//go:embed page.js
	pageJS string
	//go:embed assets/echarts.min.js
	echartsJS string
	//go:embed assets/NOTICE
	echartsNotice string
	//go:embed assets/LICENSE
	echartsLicense string
	//go:embed assets/LICENSE-d3
	licenseD3 string
	//go:embed assets/LICENSE-zrender
	licenseZrender string
)

// EChartsVersion is the embedded Apache ECharts (assets/README.md).
const EChartsVersion = "6.1.0"

var page = template.Must(template.New("page").Parse(pageTemplate))

// Write writes the page for d to w.
func Write(w io.Writer, d Data) error {
	data, err := json.Marshal(d) // escapes <, > and &: safe inside <script>
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	licences := strings.Join([]string{echartsNotice, echartsLicense, "zrender:\n" + licenseZrender, "d3:\n" + licenseD3}, "\n")
	var buf bytes.Buffer
	err = page.Execute(&buf, map[string]any{
		"CSS":            pageCSS,
		"JS":             pageJS,
		"ECharts":        echartsJS,
		"EChartsVersion": EChartsVersion,
		// A comment cannot hold "--"; the licence texts have none, but be sure.
		"Licences": strings.ReplaceAll(licences, "--", "- -"),
		"Data":     string(data),
		"Count":    len(d.Documents),
	})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
