package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cnplan/cnplan/pkg/record"
)

// errorJSON is how a document that could not be read is written: nothing
// else about it is known.
type errorJSON struct {
	Schema string `json:"schema"`
	File   string `json:"file"`
	Error  string `json:"error"`
}

// jsonValue returns what to encode for d: errorJSON for a failed input,
// else d with its nil slices empty, so they come out as [] rather than
// null. d itself is not modified.
func jsonValue(d record.Document) any {
	schema := d.Schema
	if schema == "" {
		schema = record.Schema
	}
	if d.Error != "" {
		return errorJSON{Schema: schema, File: d.File, Error: d.Error}
	}
	d.Schema = schema
	d.Issuer = nonNil(d.Issuer)
	d.Warnings = nonNil(d.Warnings)
	d.Targets = normTargets(d.Targets)
	d.Deadlines = normDeadlines(d.Deadlines)
	d.Units = normUnits(d.Units)
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func normTargets(ts []record.Target) []record.Target {
	out := make([]record.Target, len(ts))
	for i, t := range ts {
		t.Units = nonNil(t.Units)
		out[i] = t
	}
	return out
}

func normDeadlines(ds []record.Deadline) []record.Deadline {
	if ds == nil {
		return []record.Deadline{}
	}
	return ds
}

func normUnits(us []record.Unit) []record.Unit {
	out := make([]record.Unit, len(us))
	for i, u := range us {
		u.Units = nonNil(u.Units)
		u.Canonical = nonNil(u.Canonical)
		out[i] = u
	}
	return out
}

// compactJSON encodes v on one line without HTML escaping (Chinese text,
// <, > and & stay as they are) and without a trailing newline.
func compactJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// indentJSON encodes v with two-space indentation, each line after the
// first prefixed by prefix (for elements of an array).
func indentJSON(v any, prefix string) ([]byte, error) {
	compact, err := compactJSON(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, prefix, "  "); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeJSONL(w io.Writer, d record.Document) error {
	line, err := compactJSON(jsonValue(d))
	if err != nil {
		return err
	}
	_, err = w.Write(append(line, '\n'))
	return err
}

// writeJSON writes the bytes json.Encoder with SetIndent("", "  ") would
// give for one document (an object) or several (an array), as documents
// arrive.
func (s *Stream) writeJSON(d record.Document) error {
	v := jsonValue(d)
	switch s.n {
	case 0:
		s.held = v
		return nil
	case 1:
		first, err := indentJSON(s.held, "  ")
		if err != nil {
			return err
		}
		s.held = nil
		if _, err := io.WriteString(s.w, "[\n  "); err != nil {
			return err
		}
		if _, err := s.w.Write(first); err != nil {
			return err
		}
	}
	elem, err := indentJSON(v, "  ")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(s.w, ",\n  "); err != nil {
		return err
	}
	_, err = s.w.Write(elem)
	return err
}

func (s *Stream) closeJSON() error {
	switch s.n {
	case 0:
		_, err := io.WriteString(s.w, "[]\n")
		return err
	case 1:
		obj, err := indentJSON(s.held, "")
		if err != nil {
			return err
		}
		s.held = nil
		_, err = s.w.Write(append(obj, '\n'))
		return err
	}
	_, err := io.WriteString(s.w, "\n]\n")
	return err
}
