package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/segment"
	"github.com/spf13/cobra"
)

type segmentOptions struct {
	readOptions
	Format string
	Output string
	Dicts  []string
}

func newSegmentCmd(s streams) *cobra.Command {
	opt := segmentOptions{}
	cmd := &cobra.Command{
		Use:   "segment FILE|DIR|- ...",
		Short: "Split documents into words",
		Long: `segment prints each document's words separated by spaces, one output line per
line of text (page junk removed unless --keep-all). Traditional documents are
segmented as well as simplified ones and keep their own characters.

Words are cut with jieba's algorithm over gse's dictionary (pruned by
measurement on the SIGHAN bakeoff), sentence by sentence: punctuation ends a
block and nothing after it changes the words before it. Words of
dict/domain_words.txt and of a --dict file's [domain_words] section win
over the dictionary's.`,
		Example: `  cnplan segment testdata/corpus/003_1291eae2c3d8fdfd.txt
  cnplan segment --format json testdata/corpus/001_739e833243cd6df4.txt
  cat notice.txt | cnplan segment -
  cnplan segment --dict my_words.txt plan.txt      # my_words.txt: [domain_words] then a word a line`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Format != "text" && opt.Format != "json" {
				return usagef("--format must be text or json, not %q", opt.Format)
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runSegment(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", "text", "output format: text or json")
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output")
	bindReadFlags(f, &opt.readOptions)
	bindDictFlag(f, &opt.Dicts)
	return cmd
}

// segmentedWord is a word of the original text with its part of speech and
// rune span in the original.
type segmentedWord struct {
	Text  string `json:"text"`
	Pos   string `json:"pos"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Line  int    `json:"line"`
}

func runSegment(args []string, s streams, opt segmentOptions) error {
	seg, err := segment.Default()
	if err != nil {
		return err
	}
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return err
	}
	var docs []map[string]any
	err = forEachDocument(args, s, opt.readOptions, func(d *document.Document) error {
		words := segmentDocument(seg, d)
		if opt.Format == "json" {
			docs = append(docs, map[string]any{"schema": Schema, "file": d.File, "words": words})
			return nil
		}
		return writeWords(out, words)
	}, nil)
	if opt.Format == "json" && len(docs) > 0 {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		var v any = docs
		if len(docs) == 1 {
			v = docs[0]
		}
		if werr := enc.Encode(v); werr != nil && err == nil {
			err = werr
		}
	}
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

// segmentDocument cuts the normalised body and reads each word back from
// the original, so traditional text keeps its characters.
func segmentDocument(seg *segment.Segmenter, d *document.Document) []segmentedWord {
	var words []segmentedWord
	for _, t := range seg.Cut(d.Body.Text) {
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		start, end := d.Body.Span(t.Start, t.End)
		words = append(words, segmentedWord{
			Text: d.Quote(start, end), Pos: t.Pos, Start: start, End: end, Line: d.Lines.Line(start),
		})
	}
	return words
}

// writeWords prints words separated by spaces, a line per original line.
func writeWords(w io.Writer, words []segmentedWord) error {
	var sb strings.Builder
	line := 0
	for i, wd := range words {
		if i > 0 {
			if wd.Line != line {
				sb.WriteByte('\n')
			} else {
				sb.WriteByte(' ')
			}
		}
		line = wd.Line
		// A word that spans a joined page break prints without its newline.
		sb.WriteString(strings.ReplaceAll(wd.Text, "\n", ""))
	}
	if len(words) > 0 {
		sb.WriteByte('\n')
	}
	_, err := io.WriteString(w, sb.String())
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
