// Package render writes extracted documents as JSON, JSON Lines, CSV or an
// aligned text table. Output is deterministic: the same documents give the
// same bytes, so golden files and diffs of batch runs stay meaningful.
package render

import (
	"fmt"
	"io"

	"github.com/cnplan/cnplan/pkg/record"
)

// Output formats.
const (
	FormatJSON  = "json"
	FormatJSONL = "jsonl"
	FormatCSV   = "csv"
	FormatTable = "table"
	FormatXLSX  = "xlsx"
)

// Formats lists the accepted values of Options.Format, for flag help.
var Formats = []string{FormatJSON, FormatJSONL, FormatCSV, FormatXLSX, FormatTable}

// Options says how to render.
type Options struct {
	Format string // "json", "jsonl", "csv", "xlsx", "table"
	NoBOM  bool   // csv: omit the UTF-8 byte-order mark
	// Records writes jsonl as one line per target, deadline or unit, each
	// with the document's fields (the rows CSV and XLSX always have),
	// rather than one line per document.
	Records bool
}

// Write renders docs to w. It is NewStream, one Write per document and
// Close, so a batch run that streams gives the same bytes.
func Write(w io.Writer, docs []record.Document, opt Options) error {
	s, err := NewStream(w, opt)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := s.Write(d); err != nil {
			return err
		}
	}
	return s.Close()
}

// Stream renders documents one at a time, for batch runs that should not
// hold every document in memory. For jsonl, csv and table each document is
// written as it comes. For json the first document is held back until a
// second arrives or Close is called, because one document is written as an
// object and several as an array.
type Stream struct {
	w    io.Writer
	opt  Options
	n    int // documents written
	held any // json: the first document, until we know if an array follows

	csvStarted bool
	sheets     map[string][][]any // xlsx: rows by record type, written at Close
	closed     bool
}

// NewStream checks opt and returns a Stream writing to w. Nothing is
// written until the first Write or Close.
func NewStream(w io.Writer, opt Options) (*Stream, error) {
	switch opt.Format {
	case FormatJSONL, FormatCSV, FormatXLSX:
	case FormatJSON, FormatTable:
		if opt.Records {
			return nil, fmt.Errorf("render: record rows are written as jsonl, csv or xlsx, not %s", opt.Format)
		}
	default:
		return nil, fmt.Errorf("render: unknown format %q (want one of json, jsonl, csv, xlsx, table)", opt.Format)
	}
	return &Stream{w: w, opt: opt}, nil
}

// Write renders one document.
func (s *Stream) Write(d record.Document) error {
	if s.closed {
		return fmt.Errorf("render: write after close")
	}
	var err error
	switch s.opt.Format {
	case FormatJSON:
		err = s.writeJSON(d)
	case FormatJSONL:
		if s.opt.Records {
			err = writeRecordLines(s.w, d)
		} else {
			err = writeJSONL(s.w, d)
		}
	case FormatXLSX:
		s.addXLSX(d)
	case FormatCSV:
		err = s.writeCSV(d)
	case FormatTable:
		err = writeTable(s.w, d)
	}
	s.n++
	return err
}

// Close finishes the output: the JSON array's end, the CSV header when no
// document came, or the whole XLSX workbook (a zip is written at once). It does not close the underlying writer.
func (s *Stream) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	switch s.opt.Format {
	case FormatJSON:
		return s.closeJSON()
	case FormatCSV:
		return s.startCSV()
	case FormatXLSX:
		return s.closeXLSX()
	}
	return nil
}
