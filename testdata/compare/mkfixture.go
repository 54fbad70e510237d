//go:build ignore

// mkfixture writes gold.jsonl: the gold annotations of testdata/gold as
// cnplan extract output, i.e. what a correct extraction of the corpus
// gives. The compare and diff command tests read it, so that what they
// check of compare and diff does not wait on the extractor.
//
//	go run testdata/compare/mkfixture.go
//
// Keys are made as the extractor is meant to make them: width folded,
// simplified, a scope word dropped, synonyms from dict/ folded.
package main

import (
	"bufio"
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
	"golang.org/x/text/width"
)

// meta is each document's region and period, as read off the documents.
var meta = map[string]record.Document{
	"000_571d2753694579d4.txt": {Title: "省卫健委出台政策支持许昌高质量建设城乡融合共同富裕先行试验区构建整合型县域医疗卫生服务体系",
		Region: &record.Region{Province: "河南省", City: "许昌市", Code: "411000"}},
	"001_739e833243cd6df4.txt": {Title: "安康市“十四五”卫生健康事业发展规划",
		Region: &record.Region{Province: "陕西省", City: "安康市", Code: "610900"}, Period: &record.Period{Start: 2021, End: 2025}},
	"002_e8b66c7ddb9e4fa1.txt": {Title: "大别山区域医疗中心建设三年行动方案(2023—2025年)",
		Region: &record.Region{Province: "河南省", City: "信阳市", Code: "411500"}, Period: &record.Period{Start: 2023, End: 2025}},
	"003_1291eae2c3d8fdfd.txt": {Title: "河北省深化醫藥衛生體制改革2021年重點工作任務", Script: "traditional",
		Region: &record.Region{Province: "河北省", Code: "130000"}},
	"004_0188c63bbb91a742.txt": {Title: "兰州安排部署今年卫生健康重点工作",
		Region: &record.Region{Province: "甘肃省", City: "兰州市", Code: "620100"}},
}

type gold struct {
	Type         string   `json:"type"`
	Kind         string   `json:"kind"`
	Indicator    string   `json:"indicator"`
	Value        float64  `json:"value"`
	ValueMax     *float64 `json:"value_max"`
	Unit         string   `json:"unit"`
	Comparator   string   `json:"comparator"`
	Year         *int     `json:"year"`
	Baseline     *float64 `json:"baseline"`
	BaselineYear *int     `json:"baseline_year"`
	Attribute    string   `json:"attribute"`
	Text         string   `json:"text"`
	Date         string   `json:"date"`
	Units        []string `json:"units"`
	Canonical    []string `json:"canonical"`
	Role         string   `json:"role"`
	Quote        string   `json:"quote"`
}

func main() {
	scope := dict.Words("scope_words")
	sort.Slice(scope, func(i, j int) bool { return len(scope[i]) > len(scope[j]) })
	var synonyms [][2]string
	for _, r := range dict.Records("indicator_synonyms") {
		for _, v := range r[1:] {
			synonyms = append(synonyms, [2]string{v, r[0]})
		}
	}
	sort.SliceStable(synonyms, func(i, j int) bool { return len(synonyms[i][0]) > len(synonyms[j][0]) })
	key := func(s string) string {
		k := normalize.ToSimplified(width.Fold.String(s))
		for _, w := range scope {
			if strings.HasPrefix(k, w) && k != w {
				k = strings.TrimPrefix(k, w)
				break
			}
		}
		for _, syn := range synonyms {
			if strings.Contains(k, syn[0]) {
				return strings.Replace(k, syn[0], syn[1], 1)
			}
		}
		return k
	}

	names, err := filepath.Glob("testdata/gold/*.jsonl")
	if err != nil || len(names) == 0 {
		log.Fatal("run from the module root: go run testdata/compare/mkfixture.go")
	}
	out, err := os.Create("testdata/compare/gold.jsonl")
	if err != nil {
		log.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".jsonl")
		corpus := filepath.Join("testdata/corpus", base)
		data, err := os.ReadFile(corpus)
		if err != nil {
			log.Fatal(err)
		}
		text := string(data)
		m := meta[base]
		d := record.Document{Schema: record.Schema, File: corpus, Format: "text", Script: m.Script, Title: m.Title,
			Region: m.Region, Period: m.Period, Targets: []record.Target{}, Deadlines: []record.Deadline{}, Units: []record.Unit{}}
		if d.Script == "" {
			d.Script = "simplified"
		}
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var g gold
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				log.Fatalf("%s: %v", name, err)
			}
			src := locate(text, g.Quote)
			switch g.Type {
			case "target":
				d.Targets = append(d.Targets, record.Target{Indicator: g.Indicator, IndicatorKey: key(g.Indicator),
					Value: g.Value, ValueMax: g.ValueMax, Unit: g.Unit, Comparator: g.Comparator, Kind: g.Kind,
					Year: g.Year, Baseline: g.Baseline, BaselineYear: g.BaselineYear, Attribute: g.Attribute,
					Text: g.Quote, Source: src})
			case "deadline":
				d.Deadlines = append(d.Deadlines, record.Deadline{Text: g.Text, Date: g.Date, Sentence: g.Quote, Source: src})
			case "unit":
				d.Units = append(d.Units, record.Unit{Units: g.Units, Canonical: g.Canonical, Role: g.Role, Text: g.Quote, Source: src})
			}
		}
		f.Close()
		if err := enc.Encode(d); err != nil {
			log.Fatal(err)
		}
	}
}

// locate finds a quote's first occurrence: its line and rune span.
func locate(text, quote string) record.Source {
	i := strings.Index(text, quote)
	if i < 0 {
		return record.Source{}
	}
	start := len([]rune(text[:i]))
	return record.Source{Line: strings.Count(text[:i], "\n") + 1, Span: [2]int{start, start + len([]rune(quote))}}
}
