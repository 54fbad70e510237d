package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func golden(t testing.TB) Document {
	t.Helper()
	data, err := os.ReadFile("../../testdata/golden/001_739e833243cd6df4.json")
	if err != nil {
		t.Fatal(err)
	}
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// The convention on a document with every kind of empty value, and the
// golden file read and written back byte for byte.
func TestNullConvention(t *testing.T) {
	d := Document{File: "a.txt", Title: "规划", Region: &Region{Province: "河南省", Code: "410000"},
		Targets: []Target{{Indicator: "床位数", Value: 7.5, Comparator: ">=", Kind: KindTarget, Text: "床位数≥7.5张"}}}
	out, err := Marshal(d) // as an encoder without HTML escaping writes it
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"schema":"cnplan/v2"`, `"encoding":null`, `"published":null`, `"issuer":[]`,
		`"period":{"start":null,"end":null}`, `"region":{"province":"河南省","city":null,"county":null,"code":"410000"}`,
		`"cleaning":{"dropped_lines":null,"joined_breaks":null}`, `"unit":null`, `"units":[]`, `"comparator":">="`,
		`"value_max":null`, `"line":0,"span":[0,0]`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), `""`) || strings.Contains(string(out), `"error"`) {
		t.Errorf("an empty string or an error key:\n%s", out)
	}
	g := golden(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("../../testdata/golden/001_739e833243cd6df4.json")
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("the golden document read and written again differs")
	}
}

// BenchmarkMarshal is the null-convention encoder against encoding/json
// on the same document without it.
func BenchmarkMarshal(b *testing.B) {
	d := golden(b)
	type plain Document
	b.Run("convention", func(b *testing.B) {
		for b.Loop() {
			if _, err := Marshal(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(plain(d)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// maxWriter records the largest single write.
type maxWriter struct {
	bytes.Buffer
	largest int
}

func (w *maxWriter) Write(p []byte) (int, error) {
	w.largest = max(w.largest, len(p))
	return w.Buffer.Write(p)
}

// Write streams what Marshal returns, byte for byte, in pieces of about
// flushSize: the golden document repeated to 20,000 targets never goes
// out in one write. An error document streams as Marshal writes it too.
func TestWriteStreamsWhatMarshalGives(t *testing.T) {
	g := golden(t)
	for len(g.Targets) < 20000 {
		g.Targets = append(g.Targets, g.Targets...)
	}
	for _, d := range []Document{g, {File: "bad.pdf", Error: "bad.pdf: no text layer"}} {
		want, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var w maxWriter
		if err := Write(&w, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.Bytes(), want) {
			t.Fatalf("Write differs from Marshal (%d bytes, want %d)", w.Len(), len(want))
		}
		if d.Error == "" && (len(want) < 10*flushSize || w.largest > 2*flushSize) {
			t.Errorf("%d bytes written in pieces of up to %d", len(want), w.largest)
		}
	}
}

// failAfter fails every write after the first n bytes.
type failAfter struct{ n int }

func (w *failAfter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("broken pipe")
	}
	return len(p), nil
}

// A writer that fails stops the encoding at the next record with its
// error, instead of encoding the rest of the document into memory.
func TestWriteStopsWhenTheWriterFails(t *testing.T) {
	g := golden(t)
	for len(g.Targets) < 20000 {
		g.Targets = append(g.Targets, g.Targets...)
	}
	if err := Write(&failAfter{n: flushSize}, g); err == nil || err.Error() != "broken pipe" {
		t.Fatalf("error %v, want the writer's", err)
	}
	e := encoder{out: &failAfter{n: flushSize}}
	if err := e.encode(reflect.ValueOf(g.plain())); err == nil || e.buf.Len() > 2*flushSize {
		t.Fatalf("encoding went on after the writer failed: %d bytes held, error %v", e.buf.Len(), err)
	}
}
