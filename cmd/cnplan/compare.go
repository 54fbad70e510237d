package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newCompareCmd) }

type compareOptions struct {
	readOptions
	Format    string
	Output    string
	NoBOM     bool
	Kind      string
	Indicator string
	MinDocs   int
	All       bool
	Dicts     []string
}

func newCompareCmd(s streams) *cobra.Command {
	opt := compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare FILE|DIR|OUTPUT.jsonl ...",
		Short: "Line up the targets of several documents, one row per indicator",
		Long: `compare prints a matrix: one row per indicator, one column per document
(headed by its region and plan period, e.g. 安康市 2021–2025), each cell the
figure that document sets, e.g. ≥95% (2025). Indicators line up across wording
and script by their indicator_key; figures are converted into the unit most
documents on the row use (‰, %, /10万; 万人次, 人次), and marked * where the
units cannot be reconciled.

Inputs are documents, as extract reads them, or extract's own output (.json,
.jsonl), so a corpus extracted once can be compared without reading it again.
With several documents the matrix shows only indicators found in at least two
(--min-docs, --all).

--format csv and jsonl write the long (tidy) form instead: one row per figure
(indicator_key, document, region, region_code, value, value_max, unit,
comparator, year, kind, the value in the row's unit, file, line), every
indicator unless --min-docs is given, numbers as numbers for pandas, DuckDB and
pivot tables. --format matrix writes the display matrix as CSV; xlsx holds the
matrix and the figures, a sheet each. -o infers the format from its extension
(.csv .jsonl .json .xlsx).`,
		Example: `  cnplan compare testdata/corpus/000_571d2753694579d4.txt testdata/corpus/001_739e833243cd6df4.txt
  cnplan compare --all testdata/corpus/
  cnplan compare --indicator 死亡率 --kind actual testdata/corpus/
  cnplan extract --format jsonl testdata/corpus/ > corpus.jsonl && cnplan compare corpus.jsonl
  cnplan compare -o matrix.xlsx testdata/corpus/            # sheets matrix and figures
  cnplan compare -o figures.csv testdata/corpus/            # long: one row per figure
  cnplan compare --format matrix -o matrix.csv testdata/corpus/

  # pandas:  pd.read_csv('figures.csv', dtype={'region_code': str}, encoding='utf-8-sig').pivot_table(
  #              index='indicator_key', columns='region', values='row_value')
  # DuckDB:  SELECT indicator_key, region, row_value, row_unit, year
  #          FROM read_json_auto('figures.jsonl') ORDER BY indicator_key;
  # Excel:   open matrix.xlsx; filter the figures sheet`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opt.Format, err = outputFormat(cmd.Flags().Lookup("format"), opt.Output, compare.Formats, compare.FormatTable); err != nil {
				return err
			}
			// The long form is for analysis: every indicator, unless the
			// user asks for a minimum.
			if compare.Long(opt.Format) && !cmd.Flags().Changed("min-docs") {
				opt.All = true
			}
			if opt.Kind != record.KindTarget && opt.Kind != record.KindActual {
				return usagef("--kind must be %s or %s, not %q", record.KindTarget, record.KindActual, opt.Kind)
			}
			if opt.MinDocs < 0 {
				return usagef("--min-docs must be at least 0, not %d", opt.MinDocs)
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runCompare(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", "", "output format: "+strings.Join(compare.Formats, ", ")+" (default from -o's extension, else table)")
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output; its extension (.json .jsonl .csv .xlsx) picks the format")
	f.BoolVar(&opt.NoBOM, "no-bom", false, "csv: leave out the UTF-8 byte order mark")
	f.StringVar(&opt.Kind, "kind", record.KindTarget, "compare targets, or actual figures and baselines (actual)")
	f.StringVar(&opt.Indicator, "indicator", "", "keep only indicators whose name contains this text")
	f.IntVar(&opt.MinDocs, "min-docs", 0, "keep indicators found in at least this many documents (default 2 with several documents)")
	f.BoolVar(&opt.All, "all", false, "show every indicator, whatever --min-docs says")
	bindDictFlag(f, &opt.Dicts)
	bindReadFlags(f, &opt.readOptions)
	return cmd
}

func runCompare(args []string, s streams, opt compareOptions) error {
	docs, inErr := loadDocuments(args, s, opt.readOptions)
	if len(docs) == 0 {
		if inErr != nil {
			return inErr // each failure is already reported
		}
		return errors.New("no documents to compare")
	}
	m := compare.Build(docs, compare.Options{Kind: opt.Kind, Indicator: opt.Indicator, MinDocs: opt.MinDocs, All: opt.All})
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	err = compare.Write(out, m, compare.WriteOptions{Format: opt.Format, NoBOM: opt.NoBOM})
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return inErr
}

// isExtractOutput says an argument names extract's output rather than a
// document: a .json or .jsonl file.
func isExtractOutput(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".jsonl":
		return true
	}
	return false
}

// looksLikeJSON says standard input holds extract output rather than a
// document: no plan starts with { or [.
func looksLikeJSON(data []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// loadDocuments turns each argument into extracted documents, in order:
// extract output (.json, .jsonl, or JSON on standard input) is decoded;
// anything else is read and extracted as extract would. A failing input is
// reported on stderr as one line and the rest are still loaded; the error
// is then errInputFailed.
func loadDocuments(args []string, s streams, opt readOptions) ([]record.Document, error) {
	return loadInputs(args, s, opt, decodeExtractOutput, false)
}

// loadInputs reads each argument, in order: JSON (a .json or .jsonl file,
// or standard input that starts as JSON) through decode, anything else
// read and extracted. A failing input is one line on stderr; with
// keepFailed it also stays in the result as a document with Error set (the
// report lists them). The error is errInputFailed when any input failed.
func loadInputs(args []string, s streams, opt readOptions, decode func(io.Reader) ([]record.Document, error), keepFailed bool) ([]record.Document, error) {
	var docs []record.Document
	failed := false
	fail := func(path string, err error) {
		failed = true
		fmt.Fprintf(s.Err, "cnplan: %s: %v\n", path, err)
		if keepFailed {
			docs = append(docs, record.Document{Schema: record.Schema, File: path, Error: err.Error()})
		}
	}
	// take adds decoded documents; one that recorded a failure to read
	// its input is reported as this run's failure.
	take := func(from string, ds []record.Document) {
		for _, d := range ds {
			if d.Error == "" {
				docs = append(docs, d)
				continue
			}
			failed = true
			fmt.Fprintf(s.Err, "cnplan: %s: %s (as recorded in %s)\n", d.File, d.Error, from)
			if keepFailed {
				docs = append(docs, d)
			}
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
				ds, err := decode(bytes.NewReader(data))
				if err != nil {
					fail("standard input", err)
					continue
				}
				take("standard input", ds)
				continue
			}
			d, err := document.FromBytes(arg, data, opt.document())
			if err != nil {
				fail(arg, errors.Unwrap(err))
				continue
			}
			_ = extracted(d)
		case isExtractOutput(arg):
			ds, err := readJSONInput(arg, decode)
			if err != nil {
				fail(arg, err)
				continue
			}
			take(arg, ds)
		default:
			// forEachDocument reports each failure on stderr itself.
			_ = forEachDocument([]string{arg}, s, opt, extracted, func(path string, err error) {
				failed = true
				if keepFailed {
					var de *document.Error
					if errors.As(err, &de) {
						err = de.Err // the file is the record's own field
					}
					docs = append(docs, record.Document{Schema: record.Schema, File: path, Error: err.Error()})
				}
			})
		}
	}
	if failed {
		return docs, errInputFailed
	}
	return docs, nil
}

// readJSONInput decodes the JSON file at path.
func readJSONInput(path string, decode func(io.Reader) ([]record.Document, error)) ([]record.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return nil, err
	}
	defer f.Close()
	return decode(f)
}

// decodeExtractOutput reads what extract writes: one document (--format
// json with one input), an array of them (json, several inputs) or one a
// line (jsonl).
func decodeExtractOutput(r io.Reader) ([]record.Document, error) {
	// extract --format csv adds a BOM; a JSON file saved by an editor may
	// too.
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	var docs []record.Document
	for n := 1; ; n++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("not extract output: %v", err)
		}
		var batch []record.Document
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '[' {
			if err := json.Unmarshal(raw, &batch); err != nil {
				return nil, fmt.Errorf("not extract output: value %d: %v", n, err)
			}
		} else {
			var d record.Document
			if err := json.Unmarshal(raw, &d); err != nil {
				return nil, fmt.Errorf("not extract output: value %d: %v", n, err)
			}
			batch = []record.Document{d}
		}
		for _, d := range batch {
			if !record.Readable(d.Schema) {
				return nil, fmt.Errorf("not extract output: value %d has schema %q, want %q", n, d.Schema, record.Schema)
			}
		}
		docs = append(docs, batch...)
	}
	if len(docs) == 0 {
		return nil, errors.New("no documents in it")
	}
	return docs, nil
}
