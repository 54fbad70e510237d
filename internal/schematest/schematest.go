// Package schematest validates output against cnplan's JSON Schema with
// a maintained validator (santhosh-tekuri/jsonschema), for tests. It is
// kept out of pkg/schema so that the binary does not carry the validator.
package schematest

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/cnplan/cnplan/pkg/schema"
)

var (
	mu       sync.Mutex
	compiler *jsonschema.Compiler
	compiled = map[string]*jsonschema.Schema{}
)

// load compiles the schema's top level (def "") or one of its $defs.
func load(def string) (*jsonschema.Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[def]; ok {
		return s, nil
	}
	if compiler == nil {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON))
		if err != nil {
			return nil, fmt.Errorf("schema does not parse: %v", err)
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		if err := c.AddResource(schema.ID, doc); err != nil {
			return nil, err
		}
		compiler = c
	}
	loc := schema.ID
	if def != "" {
		loc += "#/$defs/" + def
	}
	s, err := compiler.Compile(loc)
	if err != nil {
		return nil, err
	}
	compiled[def] = s
	return s, nil
}

// Validate checks one JSON value (def "" is the top level: a document, an
// error object or an array of them).
func Validate(def string, data []byte) error {
	s, err := load(def)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %v", err)
	}
	return s.Validate(v)
}

// Lines validates every line of JSON Lines output against def and
// returns how many there were; it fails t at the first invalid line.
func Lines(t testing.TB, def string, out []byte) int {
	t.Helper()
	n := 0
	for line := range strings.Lines(string(out)) {
		n++
		if err := Validate(def, []byte(line)); err != nil {
			t.Fatalf("line %d is not a valid %s: %v\n%.400s", n, name(def), err, line)
		}
	}
	return n
}

// One validates a single JSON value against def, failing t if invalid.
func One(t testing.TB, def string, out []byte) {
	t.Helper()
	if err := Validate(def, out); err != nil {
		t.Fatalf("output is not a valid %s: %v\n%.400s", name(def), err, out)
	}
}

func name(def string) string {
	if def == "" {
		return schema.Name + " output"
	}
	return def
}
