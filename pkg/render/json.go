package render

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cnplan/cnplan/pkg/record"
)

// jsonValue returns what to encode for d: d itself, whose MarshalJSON
// applies the null convention and writes a failed input as
// {"schema","file","error"}.
func jsonValue(d record.Document) any {
	if d.Schema == "" {
		d.Schema = record.Schema
	}
	return d
}

// CompactJSON encodes v on one line without HTML escaping (Chinese text,
// <, > and & stay as they are) and without a trailing newline.
func CompactJSON(v any) ([]byte, error) {
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
	compact, err := CompactJSON(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, prefix, "  "); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeJSONL writes d on one line, streamed: a document of a hundred
// thousand records never has its whole line in memory.
func writeJSONL(w io.Writer, d record.Document) error {
	if err := record.Write(w, jsonValue(d)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
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

// rowJSON writes a record row as one JSON object, keys in column order,
// unknown values null.
func rowJSON(r Row) ([]byte, error) {
	buf := []byte{'{'}
	for i, c := range RecordColumns {
		if i > 0 {
			buf = append(buf, ',')
		}
		key, err := CompactJSON(c.Name)
		if err != nil {
			return nil, err
		}
		val, err := CompactJSON(r[i])
		if err != nil {
			return nil, err
		}
		buf = append(append(append(buf, key...), ':'), val...)
	}
	return append(buf, '}'), nil
}

// writeRecordLines writes one JSON line per record of d.
func writeRecordLines(w io.Writer, d record.Document) error {
	var out []byte
	for _, r := range Rows(d) {
		line, err := rowJSON(r)
		if err != nil {
			return err
		}
		out = append(append(out, line...), '\n')
	}
	_, err := w.Write(out)
	return err
}
