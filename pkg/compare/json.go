package compare

import (
	"encoding/json"

	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
)

// The matrix's JSON follows cnplan's null convention (pkg/record): keys
// always present, unknown values null, region and period always objects.

type periodJSON struct {
	Start *int `json:"start"`
	End   *int `json:"end"`
}

// MarshalJSON writes c with its region and period always objects.
func (c Column) MarshalJSON() ([]byte, error) {
	var p periodJSON
	if c.Period != nil {
		if c.Period.Start != 0 {
			p.Start = &c.Period.Start
		}
		if c.Period.End != 0 {
			p.End = &c.Period.End
		}
	}
	return render.CompactJSON(struct {
		Label  string        `json:"label"`
		File   string        `json:"file"`
		Title  *string       `json:"title"`
		Region record.Region `json:"region"`
		Period periodJSON    `json:"period"`
	}{c.Label, c.File, orNull(c.Title), record.RegionOrEmpty(c.Region), p})
}

// UnmarshalJSON reads what MarshalJSON writes: an all-null region or
// period reads as nil.
func (c *Column) UnmarshalJSON(data []byte) error {
	type plain Column
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*c = Column(p)
	if c.Region != nil && *c.Region == (record.Region{}) {
		c.Region = nil
	}
	if c.Period != nil && *c.Period == (record.Period{}) {
		c.Period = nil
	}
	return nil
}

// MarshalJSON writes c with every key present: original and flag null
// when there is none.
func (c Cell) MarshalJSON() ([]byte, error) {
	targets := c.Targets
	if targets == nil {
		targets = []record.Target{}
	}
	return render.CompactJSON(struct {
		Text         string          `json:"text"`
		Value        float64         `json:"value"`
		ValueMax     *float64        `json:"value_max"`
		Unit         *string         `json:"unit"`
		Comparator   string          `json:"comparator"`
		Year         *int            `json:"year"`
		Original     *string         `json:"original"`
		Flag         *string         `json:"flag"`
		FromBaseline bool            `json:"from_baseline"`
		More         int             `json:"more"`
		Targets      []record.Target `json:"targets"`
	}{c.Text, c.Value, c.ValueMax, orNull(c.Unit), c.Comparator, c.Year, orNull(c.Original), orNull(c.Flag),
		c.FromBaseline, c.More, targets})
}

// MarshalJSON writes r with an empty unit as null; a document without a
// figure on the row is a null cell.
func (r Row) MarshalJSON() ([]byte, error) {
	cells := r.Cells
	if cells == nil {
		cells = []*Cell{}
	}
	return render.CompactJSON(struct {
		Key       string  `json:"key"`
		Indicator string  `json:"indicator"`
		Unit      *string `json:"unit"`
		Docs      int     `json:"docs"`
		Flagged   bool    `json:"flagged"`
		Cells     []*Cell `json:"cells"`
	}{r.Key, r.Indicator, orNull(r.Unit), r.Docs, r.Flagged, cells})
}
