package schema_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/schematest"
	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/cnplan/cnplan/pkg/schema"
)

type def struct {
	Required   []string                   `json:"required"`
	Properties map[string]json.RawMessage `json:"properties"`
}

func defs(t *testing.T) map[string]def {
	t.Helper()
	var doc struct {
		Title string         `json:"title"`
		Defs  map[string]def `json:"$defs"`
	}
	if err := json.Unmarshal(schema.JSON, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != record.Schema {
		t.Errorf("schema title %q, want %q", doc.Title, record.Schema)
	}
	return doc.Defs
}

// The schema names the record columns in render's order, with their
// types, so CSV, JSONL and SQL see one table.
func TestRecordRowMatchesColumns(t *testing.T) {
	d := defs(t)[schema.RecordRow]
	var names []string
	for _, c := range render.RecordColumns {
		names = append(names, c.Name)
		prop, ok := d.Properties[c.Name]
		if !ok {
			t.Errorf("column %s not in the schema", c.Name)
			continue
		}
		want := map[string]string{render.TypeText: `string`, render.TypeNumber: `"number"`, render.TypeInteger: `"integer"`}[c.Type]
		if c.Type == render.TypeText {
			// text columns are #/$defs/text, an enum or a string pattern
			if !strings.Contains(string(prop), "text") && !strings.Contains(string(prop), "enum") &&
				!strings.Contains(string(prop), "string") && !strings.Contains(string(prop), "date") {
				t.Errorf("column %s is text but the schema says %s", c.Name, prop)
			}
			continue
		}
		if !strings.Contains(string(prop), want) && !strings.Contains(string(prop), "year") {
			t.Errorf("column %s is %s but the schema says %s", c.Name, c.Type, prop)
		}
	}
	if !reflect.DeepEqual(d.Required, names) {
		t.Errorf("required %v,\nwant the columns %v", d.Required, names)
	}
	if len(d.Properties) != len(names) {
		t.Errorf("%d properties for %d columns", len(d.Properties), len(names))
	}
}

func TestFigureMatchesColumns(t *testing.T) {
	if d := defs(t)[schema.Figure]; !reflect.DeepEqual(d.Required, compare.FigureColumns) {
		t.Errorf("required %v, want %v", d.Required, compare.FigureColumns)
	}
}

// The schema holds output to the null convention: it rejects the ways
// cnplan/v1 wrote an unknown value.
func TestSchemaRejectsOtherNulls(t *testing.T) {
	good := `{"schema":"cnplan/v2","file":"a.txt","encoding":"utf-8","format":"text","script":"simplified",` +
		`"title":null,"issuer":[],"published":null,"period":{"start":null,"end":null},` +
		`"region":{"province":"河南省","city":null,"county":null,"code":"410000"},` +
		`"cleaning":{"dropped_lines":0,"joined_breaks":0},"warnings":[],"targets":[],"deadlines":[],"units":[],"frames":[]}`
	if err := schematest.Validate("", []byte(good)); err != nil {
		t.Fatalf("a valid document rejected: %v", err)
	}
	for name, bad := range map[string]string{
		"empty string for unknown": strings.Replace(good, `"title":null`, `"title":""`, 1),
		"region null":              strings.Replace(good, `"region":{"province":"河南省","city":null,"county":null,"code":"410000"}`, `"region":null`, 1),
		"region code a number":     strings.Replace(good, `"code":"410000"`, `"code":410000`, 1),
		"issuer null":              strings.Replace(good, `"issuer":[]`, `"issuer":null`, 1),
		"period null":              strings.Replace(good, `"period":{"start":null,"end":null}`, `"period":null`, 1),
		"key missing":              strings.Replace(good, `"published":null,`, ``, 1),
		"old schema name":          strings.Replace(good, `cnplan/v2`, `cnplan/v1`, 1),
	} {
		if schematest.Validate("", []byte(bad)) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	errObj := `{"schema":"cnplan/v2","file":"x.pdf","error":"no text layer"}`
	if err := schematest.Validate("", []byte("["+good+","+errObj+"]")); err != nil {
		t.Errorf("an array of a document and an error object rejected: %v", err)
	}
}
