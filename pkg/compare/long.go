package compare

import (
	"github.com/cnplan/cnplan/pkg/record"
)

// Figure is one row of the long (tidy) comparison: one figure a document
// gives for an indicator, with numbers as numbers, so that it can be
// summed, filtered and plotted (pandas, DuckDB, a pivot table). The
// matrix's cells are a display of these rows.
type Figure struct {
	IndicatorKey string   `json:"indicator_key"` // the matrix row's key
	Indicator    *string  `json:"indicator"`     // as the document writes it
	Document     string   `json:"document"`      // the matrix column: 安康市 2021–2025
	Region       *string  `json:"region"`        // the most specific region name: county, else city, else province
	Province     *string  `json:"province"`
	City         *string  `json:"city"`
	County       *string  `json:"county"`
	RegionCode   *string  `json:"region_code"` // GB/T 2260, text
	PeriodStart  *int     `json:"period_start"`
	PeriodEnd    *int     `json:"period_end"`
	Value        float64  `json:"value"`
	ValueMax     *float64 `json:"value_max"`
	Unit         *string  `json:"unit"`
	Comparator   string   `json:"comparator"`
	Year         *int     `json:"year"`
	// Kind is target or actual as extracted, or baseline for a target's
	// starting value (compared with --kind actual).
	Kind string `json:"kind"`
	// RowUnit and RowValue are the figure in the unit the matrix row uses
	// (5‰ → 0.5 %); RowValue is null when the units cannot be converted.
	RowUnit  *string  `json:"row_unit"`
	RowValue *float64 `json:"row_value"`
	Shown    bool     `json:"shown"` // the figure the matrix cell shows
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Text     string   `json:"text"`
}

// KindBaseline is a Figure's kind for a target's baseline.
const KindBaseline = "baseline"

// FigureColumns are the long CSV's and sheet's columns, the JSON keys of
// Figure in order.
var FigureColumns = []string{"indicator_key", "indicator", "document", "region", "province", "city", "county",
	"region_code", "period_start", "period_end", "value", "value_max", "unit", "comparator", "year", "kind",
	"row_unit", "row_value", "shown", "file", "line", "text"}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Figures lists every figure behind the matrix, row by row, within a row
// column by column, the shown figure of each cell first.
func Figures(m Matrix) []Figure {
	u := builtinUnits()
	out := []Figure{}
	for _, r := range m.Rows {
		for ci, c := range r.Cells {
			if c == nil {
				continue
			}
			col := m.Columns[ci]
			region := record.RegionOrEmpty(col.Region)
			var start, end *int
			if col.Period != nil {
				if col.Period.Start != 0 {
					start = &col.Period.Start
				}
				if col.Period.End != 0 {
					end = &col.Period.End
				}
			}
			for i, t := range c.Targets {
				for _, f := range figures(t, 0, m.Kind) {
					kind := t.Kind
					if f.fromBaseline {
						kind = KindBaseline
					}
					fig := Figure{IndicatorKey: r.Key, Indicator: orNull(t.Indicator), Document: col.Label,
						Region:   orNull(firstNonEmpty(region.County, region.City, region.Province)),
						Province: orNull(region.Province), City: orNull(region.City), County: orNull(region.County),
						RegionCode: orNull(region.Code), PeriodStart: start, PeriodEnd: end,
						Value: f.value, ValueMax: f.max, Unit: orNull(f.unit), Comparator: f.cmp, Year: f.year,
						Kind: kind, RowUnit: orNull(r.Unit), Shown: i == 0, File: col.File, Line: t.Line,
						Text: oneLine(t.Text)}
					if u.Same(f.unit, r.Unit) {
						v := f.value
						fig.RowValue = &v
					} else if v, ok := u.Convert(f.value, f.unit, r.Unit); ok {
						fig.RowValue = &v
					}
					out = append(out, fig)
				}
			}
		}
	}
	return out
}

// cells gives a figure's values in FigureColumns order, for CSV and xlsx:
// nil for null, numbers as numbers.
func (f Figure) cells() []any {
	return []any{f.IndicatorKey, deref(f.Indicator), f.Document, deref(f.Region), deref(f.Province), deref(f.City),
		deref(f.County), deref(f.RegionCode), derefInt(f.PeriodStart), derefInt(f.PeriodEnd), f.Value,
		floatOrBlank(f.ValueMax), deref(f.Unit), f.Comparator, intOrBlank(f.Year), f.Kind, deref(f.RowUnit),
		floatOrBlank(f.RowValue), f.Shown, f.File, f.Line, f.Text}
}

func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

func derefInt(v *int) any { return intOrBlank(v) }
