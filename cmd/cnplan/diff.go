package main

import (
	"fmt"
	"strings"

	"github.com/cnplan/cnplan/pkg/diff"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newDiffCmd) }

type diffOptions struct {
	readOptions
	Format string
	Output string
	NoBOM  bool
	Dicts  []string
}

func newDiffCmd(s streams) *cobra.Command {
	opt := diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show the targets, deadlines and responsible units that changed between two versions",
		Long: `diff compares two versions of a plan (documents, or extract output holding one
document each): targets added, removed and changed (value, bound, unit, year,
responsible units), matched by indicator_key, then by section, then in order;
and deadlines and responsible-unit clauses that changed. Line numbers are not
compared, so text inserted above a target does not change it.

The exit status is diff(1)'s, for use as a CI gate: 0 no differences,
1 differences, 2 trouble (an input that cannot be read, a wrong command line).`,
		Example: `  cnplan diff testdata/corpus/002_e8b66c7ddb9e4fa1.txt revised/002.txt
  cnplan diff --format json old.jsonl new.jsonl
  cnplan diff -o changes.csv plan-2021.docx plan-2022.docx      # format from the extension

  # pandas:  pd.read_csv('changes.csv', encoding='utf-8-sig')
  # DuckDB:  SELECT change, record, indicator_key, field, old, new FROM read_csv_auto('changes.csv');
  # Excel:   open changes.csv (UTF-8 with a BOM)`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opt.Format, err = outputFormat(cmd.Flags().Lookup("format"), opt.Output, diff.Formats, diff.FormatTable); err != nil {
				return err
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runDiff(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", "", "output format: "+strings.Join(diff.Formats, ", ")+" (default from -o's extension, else table)")
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output; its extension (.json .jsonl .csv .xlsx) picks the format")
	f.BoolVar(&opt.NoBOM, "no-bom", false, "csv: leave out the UTF-8 byte order mark")
	bindDictFlag(f, &opt.Dicts)
	bindReadFlags(f, &opt.readOptions)
	return cmd
}

// troubleExit is diff's exit status for anything but "differs".
var troubleExit = exitError{code: 2}

func runDiff(args []string, s streams, opt diffOptions) error {
	// trouble reports err as one line and exits 2, not 1: 1 means "differs".
	trouble := func(err error) error {
		if err != nil {
			fmt.Fprintf(s.Err, "cnplan: %v\n", err)
		}
		return troubleExit
	}
	var pair [2]record.Document
	for i, arg := range args {
		docs, err := loadDocuments([]string{arg}, s, opt.readOptions)
		if err != nil {
			return trouble(nil) // loadDocuments reported it
		}
		if len(docs) != 1 {
			return trouble(fmt.Errorf("%s: holds %d documents; diff compares one with one", arg, len(docs)))
		}
		pair[i] = docs[0]
	}
	r := diff.Diff(pair[0], pair[1])
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return trouble(fmt.Errorf("-o: %w", err))
	}
	err = diff.Write(out, r, diff.WriteOptions{Format: opt.Format, NoBOM: opt.NoBOM})
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return trouble(err)
	}
	if !r.Empty() {
		return exitError{code: 1}
	}
	return nil
}
