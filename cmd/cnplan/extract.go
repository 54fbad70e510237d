package main

import (
	"fmt"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newExtractCmd) }

type extractOptions struct {
	readOptions
	Format string
	Output string
	NoBOM  bool
	Dicts  []string
}

func newExtractCmd(s streams) *cobra.Command {
	opt := extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR|- ...",
		Short: "Extract targets, deadlines and responsible units",
		Long: `extract reads each document and prints one object per document: its metadata
(title, issuer, published, period, region) and every numeric target, deadline
and responsible-unit record, each with the sentence, line and rune span it came
from. A document that cannot be read gives an error object instead, and the
exit status is 1.`,
		Example: `  cnplan extract testdata/corpus/001_739e833243cd6df4.txt
  cnplan extract --format table testdata/corpus/002_e8b66c7ddb9e4fa1.txt
  cnplan extract --format csv -o all.csv testdata/corpus/
  cnplan extract --dict my_bodies.txt --format jsonl notices/ > records.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opt.Format {
			case "json", "jsonl", "csv", "table":
			default:
				return usagef("--format must be json, jsonl, csv or table, not %q", opt.Format)
			}
			for _, p := range opt.Dicts {
				if err := dict.Extend(p); err != nil {
					return usagef("--dict: %v", err)
				}
			}
			return runExtract(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", "json", "output format: json, jsonl, csv or table")
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&opt.NoBOM, "no-bom", false, "csv: leave out the UTF-8 byte order mark")
	f.StringArrayVar(&opt.Dicts, "dict", nil, "extend the vocabularies with this file (repeatable; format in README)")
	f.StringVar(&opt.Encoding, "encoding", "", "force the input encoding (utf-8, gbk, gb18030, big5, utf-16le, utf-16be)")
	f.BoolVar(&opt.KeepAll, "keep-all", false, "keep page junk (navigation, share links, link farms)")
	return cmd
}

func runExtract(args []string, s streams, opt extractOptions) error {
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	var docs []record.Document
	err = forEachDocument(args, s, opt.readOptions, func(d *document.Document) error {
		docs = append(docs, extract.Extract(d))
		return nil
	}, func(path string, e error) {
		docs = append(docs, record.Document{Schema: record.Schema, File: path, Error: errorText(path, e)})
	})
	if werr := render.Write(out, docs, render.Options{Format: opt.Format, NoBOM: opt.NoBOM}); werr != nil && err == nil {
		err = werr
	}
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

// errorText is an input's error without its file name (the record has it).
func errorText(path string, err error) string {
	if de, ok := err.(*document.Error); ok {
		return de.Err.Error()
	}
	return err.Error()
}
