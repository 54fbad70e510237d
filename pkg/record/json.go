package record

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// The null convention, the same in every command and format (README,
// "Nulls"): every key is always present; an unknown or absent value is
// null, never ""; an empty list is []; an object such as region or period
// is always an object, its unknown members null; a region code is a
// string. CSV, which has no null, leaves the cell empty.
//
// The Go structs keep plain strings ("" for unknown) and nil slices so the
// extraction code stays simple; Marshal applies the convention when a
// record is written, to every field by its type, so a field added to a
// struct follows it without more code. Reading JSON back needs nothing:
// null decodes to "" and nil.

// Marshal encodes v (a record type, or a struct holding them) under the
// null convention, on one line, with <, > and & as they are (comparators
// are <= and >=): "" is null, a nil slice [], a nil pointer to a struct an
// object of nulls. Fields tagged omitempty are left out when empty, as
// encoding/json does.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := encode(&buf, reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// MarshalJSON writes d under the null convention; a document that could
// not be read is {"schema","file","error"} alone, since nothing else about
// it is known.
func (d Document) MarshalJSON() ([]byte, error) {
	if d.Schema == "" {
		d.Schema = Schema
	}
	if d.Error != "" {
		return Marshal(struct {
			Schema string `json:"schema"`
			File   string `json:"file"`
			Error  string `json:"error"`
		}{d.Schema, d.File, d.Error})
	}
	type plain Document // the fields without this method
	return Marshal(plain(d))
}

// MarshalJSON writes t under the null convention.
func (t Target) MarshalJSON() ([]byte, error) { type plain Target; return Marshal(plain(t)) }

// MarshalJSON writes d under the null convention.
func (d Deadline) MarshalJSON() ([]byte, error) { type plain Deadline; return Marshal(plain(d)) }

// MarshalJSON writes u under the null convention.
func (u Unit) MarshalJSON() ([]byte, error) { type plain Unit; return Marshal(plain(u)) }

// MarshalJSON writes r with its unknown levels null.
func (r Region) MarshalJSON() ([]byte, error) { type plain Region; return Marshal(plain(r)) }

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

// RegionOrEmpty is r, or a region with every level unknown.
func RegionOrEmpty(r *Region) Region {
	if r == nil {
		return Region{}
	}
	return *r
}

// field is one JSON member of a struct type.
type field struct {
	name      string
	index     []int
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type → []field

// fieldsOf lists t's JSON members in encoding/json's order, embedded
// structs without a tag inlined.
func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || (!sf.IsExported() && !sf.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			for _, inner := range fieldsOf(sf.Type) {
				inner.index = append([]int{i}, inner.index...)
				out = append(out, inner)
			}
			continue
		}
		if name == "" {
			name = sf.Name
		}
		out = append(out, field{name: name, index: []int{i}, omitEmpty: strings.Contains(opts, "omitempty")})
	}
	fieldCache.Store(t, out)
	return out
}

// encode writes v under the null convention.
func encode(buf *bytes.Buffer, v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		if v.Len() == 0 {
			buf.WriteString("null")
			return nil
		}
		return scalar(buf, v.String())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return scalar(buf, v.Interface()) // []byte, as encoding/json writes it
		}
		fallthrough
	case reflect.Array:
		buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encode(buf, v.Index(i)); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	case reflect.Pointer:
		if !v.IsNil() {
			return encode(buf, v.Elem())
		}
		if v.Type().Elem().Kind() == reflect.Struct {
			return nullObject(buf, v.Type().Elem())
		}
		buf.WriteString("null")
		return nil
	case reflect.Struct:
		buf.WriteByte('{')
		n := 0
		for _, f := range fieldsOf(v.Type()) {
			fv := v.FieldByIndex(f.index)
			if f.omitEmpty && fv.IsZero() {
				continue
			}
			if n > 0 {
				buf.WriteByte(',')
			}
			n++
			if err := scalar(buf, f.name); err != nil {
				return err
			}
			buf.WriteByte(':')
			if err := encode(buf, fv); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
		return nil
	}
	return scalar(buf, v.Interface()) // numbers, booleans, anything else
}

// nullObject writes a struct type as an object whose members are all null:
// an unknown region or period.
func nullObject(buf *bytes.Buffer, t reflect.Type) error {
	buf.WriteByte('{')
	for i, f := range fieldsOf(t) {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := scalar(buf, f.name); err != nil {
			return err
		}
		buf.WriteString(":null")
	}
	buf.WriteByte('}')
	return nil
}

// scalar writes v as encoding/json does, without HTML escaping.
func scalar(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the newline Encode adds
	return nil
}
