package compare

import (
	"fmt"
	"path/filepath"

	"github.com/cnplan/cnplan/pkg/record"
)

// columns names each document by where and when its plan applies
// (安康市 2021–2025), falling back to its file name. Names that collide
// get the file name too, and a number if that still collides.
func columns(docs []record.Document) []Column {
	cols := make([]Column, len(docs))
	count := map[string]int{}
	for i, d := range docs {
		cols[i] = Column{Label: label(d), File: d.File, Title: d.Title, Region: d.Region, Period: d.Period}
		count[cols[i].Label]++
	}
	used := map[string]bool{}
	for i := range cols {
		if count[cols[i].Label] > 1 {
			cols[i].Label += " (" + filepath.Base(cols[i].File) + ")"
		}
		base := cols[i].Label
		for n := 2; used[cols[i].Label]; n++ {
			cols[i].Label = fmt.Sprintf("%s #%d", base, n)
		}
		used[cols[i].Label] = true
	}
	return cols
}

// label is region and period, e.g. 安康市 2021–2025 or 许昌市.
func label(d record.Document) string {
	place := ""
	if r := d.Region; r != nil {
		place = firstNonEmpty(r.County, r.City, r.Province)
	}
	period := ""
	if p := d.Period; p != nil && p.Start > 0 && p.End > 0 {
		period = itoa(p.Start)
		if p.End != p.Start {
			period += "–" + itoa(p.End)
		}
	}
	switch {
	case place != "" && period != "":
		return place + " " + period
	case place != "":
		return place
	case period != "":
		return filepath.Base(d.File) + " " + period
	}
	return filepath.Base(d.File)
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
