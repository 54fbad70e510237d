package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/cnplan/cnplan/pkg/compare"
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
	return loadInputs(args, s, opt, func(r io.Reader) ([]record.Document, error) {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return decodeReportInput(data)
	}, true)
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
