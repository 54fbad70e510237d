package record

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
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
	if m, ok := v.(json.Marshaler); ok {
		return m.MarshalJSON() // a Document's own rules (schema, error objects)
	}
	var e encoder
	if err := e.encode(reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

// Write writes v to w as Marshal encodes it, a piece at a time: memory
// stays bounded however many records v holds.
func Write(w io.Writer, v any) error {
	if d, ok := v.(Document); ok {
		v = d.plain()
	} else if _, ok := v.(json.Marshaler); ok {
		b, err := Marshal(v)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	e := encoder{out: w}
	if err := e.encode(reflect.ValueOf(v)); err != nil {
		return err
	}
	if e.err != nil {
		return e.err
	}
	_, err := w.Write(e.buf.Bytes())
	return err
}

// MarshalJSON writes d under the null convention; a document that could
// not be read is {"schema","file","error"} alone, since nothing else about
// it is known.
func (d Document) MarshalJSON() ([]byte, error) { return Marshal(d.plain()) }

// plain is d as it is written: without its methods, its schema set, and an
// error object alone when d is one.
func (d Document) plain() any {
	if d.Schema == "" {
		d.Schema = Schema
	}
	if d.Error != "" {
		return struct {
			Schema string `json:"schema"`
			File   string `json:"file"`
			Error  string `json:"error"`
		}{d.Schema, d.File, d.Error}
	}
	type plain Document // the fields without this method
	return plain(d)
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
	key       []byte // "name":, ready to write
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
		key, _ := json.Marshal(name)
		out = append(out, field{name: name, key: append(key, ':'), index: []int{i}, omitEmpty: strings.Contains(opts, "omitempty")})
	}
	fieldCache.Store(t, out)
	return out
}

// encoder writes the null convention into buf; with out set, it hands
// buf to out whenever it holds flushSize bytes, between the elements of a
// list, so that a document of a hundred thousand records is written
// without its whole JSON in memory (and the copies a growing buffer
// makes).
type encoder struct {
	buf bytes.Buffer
	out io.Writer // nil: everything stays in buf
	err error     // out's first error
}

const flushSize = 64 << 10

func (e *encoder) flush() {
	if e.out == nil || e.buf.Len() < flushSize || e.err != nil {
		return
	}
	_, e.err = e.out.Write(e.buf.Bytes())
	e.buf.Reset()
}

// encode writes v under the null convention.
func (e *encoder) encode(v reflect.Value) error {
	buf := &e.buf
	switch v.Kind() {
	case reflect.String:
		if v.Len() == 0 {
			buf.WriteString("null")
			return nil
		}
		if str := v.String(); plainString(str) {
			buf.WriteByte('"')
			buf.WriteString(str)
			buf.WriteByte('"')
			return nil
		}
		return e.scalar(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		buf.Write(strconv.AppendInt(buf.AvailableBuffer(), v.Int(), 10))
		return nil
	case reflect.Float64:
		if f := v.Float(); !math.IsNaN(f) && !math.IsInf(f, 0) {
			buf.Write(appendFloat(buf.AvailableBuffer(), f))
			return nil
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return e.scalar(v.Interface()) // []byte, as encoding/json writes it
		}
		fallthrough
	case reflect.Array:
		buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := e.encode(v.Index(i)); err != nil {
				return err
			}
			if e.flush(); e.err != nil {
				return e.err // the writer failed: stop encoding
			}
		}
		buf.WriteByte(']')
		return nil
	case reflect.Pointer:
		if !v.IsNil() {
			return e.encode(v.Elem())
		}
		if v.Type().Elem().Kind() == reflect.Struct {
			return e.nullObject(v.Type().Elem())
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
			buf.Write(f.key)
			if err := e.encode(fv); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
		return nil
	}
	return e.scalar(v.Interface()) // numbers, booleans, anything else
}

// nullObject writes a struct type as an object whose members are all null:
// an unknown region or period.
func (e *encoder) nullObject(t reflect.Type) error {
	buf := &e.buf
	buf.WriteByte('{')
	for i, f := range fieldsOf(t) {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(f.key)
		buf.WriteString("null")
	}
	buf.WriteByte('}')
	return nil
}

// scalar writes v as encoding/json does, without HTML escaping. Plain
// strings and integers, most of what is written, skip the encoder.
func (e *encoder) scalar(v any) error {
	buf := &e.buf
	switch x := v.(type) {
	case string:
		if plainString(x) {
			buf.WriteByte('"')
			buf.WriteString(x)
			buf.WriteByte('"')
			return nil
		}
	case int:
		buf.Write(strconv.AppendInt(buf.AvailableBuffer(), int64(x), 10))
		return nil
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the newline Encode adds
	return nil
}

// appendFloat formats f as encoding/json does: plain digits, or an
// exponent below 1e-6 and from 1e21, without a leading zero in it.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// plainString says whether encoding/json would write s between quotes
// unchanged: valid UTF-8 without quotes, backslashes, control characters
// or the line and paragraph separators it escapes.
func plainString(s string) bool {
	for i, r := range s {
		switch {
		case r < 0x20, r == '"', r == '\\', r == '\u2028', r == '\u2029':
			return false
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
	}
	return true
}
