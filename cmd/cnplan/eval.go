package main

import (
	"fmt"

	"github.com/cnplan/cnplan/pkg/bodies"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/eval"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newEvalCmd) }

type evalOptions struct {
	readOptions
	Gold    string
	Verbose bool
}

func newEvalCmd(s streams) *cobra.Command {
	opt := evalOptions{}
	cmd := &cobra.Command{
		Use:   "eval --gold DIR FILE|DIR ...",
		Short: "Score extraction against hand annotations",
		Long: `eval extracts each document and scores the records against its gold file,
DIR/<document file name>.jsonl (format: testdata/gold/FORMAT.md): precision,
recall and F1 per record type, the accuracy of matched targets' unit,
comparator, year and kind, and record F1 (a target right in every field).
Documents without a gold file are skipped with a note.`,
		Example: `  cnplan eval --gold testdata/gold testdata/corpus/*.txt
  cnplan eval --verbose --gold testdata/gold testdata/corpus/002_e8b66c7ddb9e4fa1.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Gold == "" {
				return usagef("--gold DIR is required")
			}
			return runEval(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Gold, "gold", "", "directory of gold .jsonl files")
	f.BoolVarP(&opt.Verbose, "verbose", "v", false, "list every missed and extra record")
	bindReadFlags(f, &opt.readOptions)
	return cmd
}

func runEval(args []string, s streams, opt evalOptions) error {
	var total eval.Report
	scored := 0
	canon := func(name string) string {
		c, _ := bodies.Canonical(name)
		return c
	}
	err := forEachDocument(args, s, opt.readOptions, func(d *document.Document) error {
		path, ok := eval.GoldFor(opt.Gold, d.File)
		if !ok {
			fmt.Fprintf(s.Err, "cnplan: %s: no gold file in %s, skipped\n", d.File, opt.Gold)
			return nil
		}
		gold, err := eval.LoadGold(path)
		if err != nil {
			return err
		}
		rep := eval.Score(extract.Extract(d), d.Original, gold, canon)
		if opt.Verbose {
			fmt.Fprintf(s.Out, "== %s\n", d.File)
			if err := rep.Write(s.Out, true); err != nil {
				return err
			}
			fmt.Fprintln(s.Out)
		}
		total.Add(rep)
		scored++
		return nil
	}, nil)
	if scored > 0 {
		fmt.Fprintf(s.Out, "== all %d documents\n", scored)
		if werr := total.Write(s.Out, false); werr != nil && err == nil {
			err = werr
		}
	}
	return err
}
