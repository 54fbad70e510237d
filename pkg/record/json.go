package record

import (
	"bytes"
	"encoding/json"
)

// The null convention, the same in every command and format (README,
// "Nulls"): every key is always present; an unknown or absent scalar is
// null, never "" or 0; an empty list is []; region and period are always
// objects, their unknown members null; a region code is a string. CSV,
// which has no null, leaves the cell empty.
//
// The Go structs keep plain strings ("" for unknown) so the extraction
// code stays simple; the methods below apply the convention when a record
// is written. Reading JSON back needs nothing: null decodes to "" and nil.

// marshal encodes v as json.Marshal does but leaves <, > and & as they are
// (comparators are <= and >=): the encoder that calls MarshalJSON does not
// undo the escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// orNull is s, or nil (null) when s is empty.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// list is s, or an empty list (never null).
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// sourceJSON is Source as written; it is spelt out in each record because
// an embedded struct with its own MarshalJSON would take over the record.
type sourceJSON struct {
	Line int    `json:"line"`
	Span [2]int `json:"span"`
}

// MarshalJSON writes t with the null convention.
func (t Target) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Indicator    string   `json:"indicator"`
		IndicatorKey string   `json:"indicator_key"`
		Value        float64  `json:"value"`
		ValueMax     *float64 `json:"value_max"`
		Unit         *string  `json:"unit"`
		Comparator   string   `json:"comparator"`
		Kind         string   `json:"kind"`
		Year         *int     `json:"year"`
		Baseline     *float64 `json:"baseline"`
		BaselineYear *int     `json:"baseline_year"`
		Attribute    *string  `json:"attribute"`
		Deadline     *string  `json:"deadline"`
		Units        []string `json:"units"`
		Section      *string  `json:"section"`
		Text         string   `json:"text"`
		sourceJSON
	}{t.Indicator, t.IndicatorKey, t.Value, t.ValueMax, orNull(t.Unit), t.Comparator, t.Kind, t.Year,
		t.Baseline, t.BaselineYear, orNull(t.Attribute), orNull(t.Deadline), list(t.Units),
		orNull(t.Section), t.Text, sourceJSON(t.Source)})
}

// MarshalJSON writes d with the null convention.
func (d Deadline) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Text     string  `json:"text"`
		Date     *string `json:"date"`
		Task     *string `json:"task"`
		Section  *string `json:"section"`
		Sentence string  `json:"sentence"`
		sourceJSON
	}{d.Text, orNull(d.Date), orNull(d.Task), orNull(d.Section), d.Sentence, sourceJSON(d.Source)})
}

// MarshalJSON writes u with the null convention.
func (u Unit) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Units     []string `json:"units"`
		Canonical []string `json:"canonical"`
		Role      string   `json:"role"`
		Task      *string  `json:"task"`
		Section   *string  `json:"section"`
		Text      string   `json:"text"`
		sourceJSON
	}{list(u.Units), list(u.Canonical), u.Role, orNull(u.Task), orNull(u.Section), u.Text, sourceJSON(u.Source)})
}

// MarshalJSON writes r with unknown levels null.
func (r Region) MarshalJSON() ([]byte, error) {
	return marshal(regionJSON{orNull(r.Province), orNull(r.City), orNull(r.County), orNull(r.Code)})
}

type regionJSON struct {
	Province *string `json:"province"`
	City     *string `json:"city"`
	County   *string `json:"county"`
	Code     *string `json:"code"`
}

// periodJSON is a period with unknown years null.
type periodJSON struct {
	Start *int `json:"start"`
	End   *int `json:"end"`
}

// RegionOrEmpty is r, or a region with every level unknown: written as an
// object of nulls, so that consumers can always read region.code.
func RegionOrEmpty(r *Region) Region {
	if r == nil {
		return Region{}
	}
	return *r
}

func periodValue(p *Period) periodJSON {
	if p == nil {
		return periodJSON{}
	}
	var out periodJSON
	if p.Start != 0 {
		out.Start = &p.Start
	}
	if p.End != 0 {
		out.End = &p.End
	}
	return out
}

// MarshalJSON writes d with the null convention; a document that could not
// be read is {"schema","file","error"} alone, since nothing else about it
// is known.
func (d Document) MarshalJSON() ([]byte, error) {
	schema := d.Schema
	if schema == "" {
		schema = Schema
	}
	if d.Error != "" {
		return marshal(struct {
			Schema string `json:"schema"`
			File   string `json:"file"`
			Error  string `json:"error"`
		}{schema, d.File, d.Error})
	}
	cleaning := Cleaning{}
	if d.Cleaning != nil {
		cleaning = *d.Cleaning
	}
	return marshal(struct {
		Schema    string     `json:"schema"`
		File      string     `json:"file"`
		Encoding  *string    `json:"encoding"`
		Format    *string    `json:"format"`
		Script    *string    `json:"script"`
		Title     *string    `json:"title"`
		Issuer    []string   `json:"issuer"`
		Published *string    `json:"published"`
		Period    periodJSON `json:"period"`
		Region    Region     `json:"region"`
		Cleaning  Cleaning   `json:"cleaning"`
		Warnings  []string   `json:"warnings"`
		Targets   []Target   `json:"targets"`
		Deadlines []Deadline `json:"deadlines"`
		Units     []Unit     `json:"units"`
	}{schema, d.File, orNull(d.Encoding), orNull(d.Format), orNull(d.Script), orNull(d.Title), list(d.Issuer),
		orNull(d.Published), periodValue(d.Period), RegionOrEmpty(d.Region), cleaning, list(d.Warnings),
		list(d.Targets), list(d.Deadlines), list(d.Units)})
}

// UnmarshalJSON reads a document as MarshalJSON writes it (or as cnplan/v1
// did): a region or period whose members are all null reads as nil.
func (d *Document) UnmarshalJSON(data []byte) error {
	type plain Document // without methods: no recursion
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*d = Document(p)
	if d.Region != nil && *d.Region == (Region{}) {
		d.Region = nil
	}
	if d.Period != nil && *d.Period == (Period{}) {
		d.Period = nil
	}
	return nil
}
