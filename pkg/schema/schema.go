// Package schema publishes cnplan's output format as JSON Schema (draft
// 2020-12): cnplan.schema.json, embedded here and printed by
// 'cnplan schema'. The tests of every command validate their output
// against it (internal/schematest), so the file cannot drift from what
// cnplan writes.
package schema

import (
	_ "embed"

	"github.com/cnplan/cnplan/pkg/record"
)

// JSON is the schema document.
//
//go:embed cnplan.schema.json
var JSON []byte

// ID is the schema's $id, under which validators load it.
const ID = "https://github.com/cnplan/cnplan/pkg/schema/cnplan.schema.json"

// Name is the output format the schema describes (its title).
const Name = record.Schema

// Definitions of the output forms other than extract's documents, as
// #/$defs/NAME.
const (
	RecordRow = "record_row" // extract --records, one a line
	Figure    = "figure"     // compare --format jsonl, one a line
	Matrix    = "matrix"     // compare --format json
	Diff      = "diff"       // diff --format json
	Document  = "document"   // one document (a line of extract --format jsonl)
)
