package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/report"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newReportCmd) }

type reportOptions struct {
	readOptions
	Output    string
	Indicator string
	MinDocs   int
	Dicts     []string
}

func newReportCmd(s streams) *cobra.Command {
	opt := reportOptions{}
	cmd := &cobra.Command{
		Use:   "report FILE|DIR|OUTPUT.jsonl ... -o report.html",
		Short: "Write one self-contained HTML page: charts across regions, every number traceable",
		Long: `report writes one HTML page that opens offline in any browser: an overview
of the documents (errors listed), a chart and a sortable, filterable table
for every indicator found in at least two documents, comparing the regions
(targets and reported figures told apart, the year on each mark, ranges as
intervals, bounds marked, units that cannot be reconciled drawn apart), a
deadline timeline per document and the bodies responsible for tasks and
targets. Clicking any mark or table row shows the sentence, file, line and
section it came from.

Inputs are documents, as extract reads them, extract's output (.json,
.jsonl) or compare's JSON matrix (--format json; targets only). The page
is the same bytes for the same inputs; its data is one JSON block
(<script id="cnplan-data">) that can be lifted out.`,
		Example: `  cnplan report testdata/corpus/ -o report.html
  cnplan report --indicator 死亡率 --min-docs 1 testdata/corpus/ -o deaths.html
  cnplan extract --format jsonl testdata/corpus/ > corpus.jsonl && cnplan report corpus.jsonl -o report.html
  cnplan compare --format json -o matrix.json testdata/corpus/ && cnplan report matrix.json -o matrix.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.MinDocs < 0 {
				return usagef("--min-docs must be at least 0, not %d", opt.MinDocs)
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runReport(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opt.Output, "output", "o", "", "write the page to this file instead of standard output")
	f.StringVar(&opt.Indicator, "indicator", "", "chart only indicators whose name contains this text")
	f.IntVar(&opt.MinDocs, "min-docs", 0, "chart indicators found in at least this many documents (default 2 with several documents)")
	bindDictFlag(f, &opt.Dicts)
	bindReadFlags(f, &opt.readOptions)
	return cmd
}

func runReport(args []string, s streams, opt reportOptions) error {
	docs, inErr := loadReportDocuments(args, s, opt.readOptions)
	readable := 0
	for _, d := range docs {
		if d.Error == "" {
			readable++
		}
	}
	if readable == 0 {
		if inErr != nil {
			return inErr // each failure is already reported
		}
		return errors.New("no documents to report on")
	}
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	err = report.Write(out, report.Build(docs, report.Options{Indicator: opt.Indicator, MinDocs: opt.MinDocs}))
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return inErr
}

// loadReportDocuments reads every input as compare does, but keeps the
// inputs that failed as documents with Error set: the report lists them.
// Each failure is also one line on stderr.
func loadReportDocuments(args []string, s streams, opt readOptions) ([]record.Document, error) {
	var docs []record.Document
	failed := false
	fail := func(path string, err error) {
		failed = true
		fmt.Fprintf(s.Err, "cnplan: %s: %v\n", path, err)
		docs = append(docs, record.Document{Schema: record.Schema, File: path, Error: err.Error()})
	}
	take := func(ds []record.Document) {
		for _, d := range ds {
			if d.Error != "" {
				failed = true
				fmt.Fprintf(s.Err, "cnplan: %s: %s\n", d.File, d.Error)
			}
			docs = append(docs, d)
		}
	}
	extracted := func(d *document.Document) error {
		docs = append(docs, extract.Extract(d))
		return nil
	}
	for _, arg := range args {
		switch {
		case arg == "-":
			data, err := io.ReadAll(s.In)
			if err != nil {
				fail(arg, err)
				continue
			}
			if looksLikeJSON(data) {
				ds, err := decodeReportInput(data)
				if err != nil {
					fail("standard input", err)
					continue
				}
				take(ds)
				continue
			}
			d, err := document.FromBytes(arg, data, opt.document())
			if err != nil {
				fail(arg, errors.Unwrap(err))
				continue
			}
			_ = extracted(d)
		case isExtractOutput(arg):
			data, err := os.ReadFile(arg)
			if err != nil {
				var pe *os.PathError
				if errors.As(err, &pe) {
					err = pe.Err
				}
				fail(arg, err)
				continue
			}
			ds, err := decodeReportInput(data)
			if err != nil {
				fail(arg, err)
				continue
			}
			take(ds)
		default:
			// forEachDocument reports each failure on stderr itself.
			_ = forEachDocument([]string{arg}, s, opt, extracted, func(path string, err error) {
				failed = true
				var de *document.Error
				if errors.As(err, &de) {
					err = de.Err
				}
				docs = append(docs, record.Document{Schema: record.Schema, File: path, Error: err.Error()})
			})
		}
	}
	if failed {
		return docs, errInputFailed
	}
	return docs, nil
}

// decodeReportInput reads extract's output (.json, .jsonl) or compare's
// JSON matrix, whose columns become documents again.
func decodeReportInput(data []byte) ([]record.Document, error) {
	var probe struct {
		Columns json.RawMessage `json:"columns"`
		Rows    json.RawMessage `json:"rows"`
	}
	trimmed := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if json.Unmarshal(trimmed, &probe) == nil && probe.Columns != nil && probe.Rows != nil {
		var m compare.Matrix
		if err := json.Unmarshal(trimmed, &m); err != nil {
			return nil, fmt.Errorf("not compare output: %v", err)
		}
		return report.FromMatrix(m), nil
	}
	return decodeExtractOutput(bytes.NewReader(data))
}
