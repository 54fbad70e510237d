package compare

import (
	"strconv"

	"github.com/cnplan/cnplan/pkg/record"
)

// comparatorSigns are how a cell writes a bound: ≥95%, ≤5‰, 约77岁.
var comparatorSigns = map[string]string{">=": "≥", "<=": "≤", "~": "约"}

// figureText writes a number with its bound and unit: ≥95%, 4.5个, 2–4个.
func figureText(v float64, max *float64, unit, cmp string) string {
	s := comparatorSigns[cmp] + formatFloat(v)
	if max != nil {
		s += "–" + formatFloat(*max)
	}
	return s + unit
}

// CellText writes a figure as a matrix cell: ≥95% (2025).
func CellText(v float64, max *float64, unit, cmp string, year *int) string {
	s := figureText(v, max, unit, cmp)
	if year != nil {
		s += " (" + itoa(*year) + ")"
	}
	return s
}

// TargetText writes a target the way a matrix cell does: ≥95% (2025).
func TargetText(t record.Target) string {
	return CellText(t.Value, t.ValueMax, t.Unit, t.Comparator, t.Year)
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }
