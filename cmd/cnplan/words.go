package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/segment"
	"github.com/cnplan/cnplan/pkg/words"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newWordsCmd) }

type wordsOptions struct {
	readOptions
	Format      string
	Output      string
	NoBOM       bool
	ByDoc       bool
	Top         int
	MinCount    int
	MinLen      int
	POS         string
	KeepStop    bool
	KeepNumbers bool
	Keywords    int
	IDF         string
	Dicts       []string
}

func newWordsCmd(s streams) *cobra.Command {
	opt := wordsOptions{}
	cmd := &cobra.Command{
		Use:   "words FILE|DIR|- ...",
		Short: "Count the words of documents, or pick each one's keywords",
		Long: `words segments documents (as cnplan segment does) and counts their words:
pooled over all documents, or per document with --by-doc. Stop words
(dict/stop_words.txt), punctuation, numbers and single characters are left
out unless --keep-stop, --keep-numbers, --min-len 1. --pos keeps parts of
speech (jieba's tags; a one-letter tag keeps its family: n keeps n, nr, ns,
nt, nz). Words are counted in simplified form, so a traditional document's
words count with the same words of a simplified one.

--keywords N prints each document's N words of highest TF-IDF instead: the
word's share of the document's words times its inverse document frequency,
weighed against the documents given (--idf corpus, the default with several
documents) or against jieba's table from a large general corpus (--idf
background, the default with one).`,
		Example: `  cnplan words --top 20 testdata/corpus/001_739e833243cd6df4.txt
  cnplan words --by-doc --pos n --top 10 testdata/corpus/
  cnplan words --min-count 5 --format csv -o words.csv testdata/corpus/
  cnplan words --keywords 10 testdata/corpus/000_571d2753694579d4.txt testdata/corpus/001_739e833243cd6df4.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !contains(words.Formats, opt.Format) {
				return usagef("--format must be %s, not %q", strings.Join(words.Formats, ", "), opt.Format)
			}
			if opt.IDF != "" && opt.IDF != words.IDFCorpus && opt.IDF != words.IDFBackground {
				return usagef("--idf must be %s or %s, not %q", words.IDFCorpus, words.IDFBackground, opt.IDF)
			}
			if opt.Top < 0 || opt.MinCount < 0 || opt.MinLen < 0 || opt.Keywords < 0 {
				return usagef("--top, --min-count, --min-len and --keywords must not be negative")
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runWords(args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", words.FormatTable, "output format: "+strings.Join(words.Formats, ", "))
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&opt.NoBOM, "no-bom", false, "csv: leave out the UTF-8 byte order mark")
	f.BoolVar(&opt.ByDoc, "by-doc", false, "a table per document instead of one for all")
	f.IntVar(&opt.Top, "top", 0, "print only the N commonest words of each table (0: all)")
	f.IntVar(&opt.MinCount, "min-count", 1, "leave out words seen fewer times")
	f.IntVar(&opt.MinLen, "min-len", 2, "leave out words of fewer characters")
	f.StringVar(&opt.POS, "pos", "", "keep only these parts of speech, comma-separated (n, v, nt, ns …)")
	f.BoolVar(&opt.KeepStop, "keep-stop", false, "keep stop words")
	f.BoolVar(&opt.KeepNumbers, "keep-numbers", false, "keep numbers and dates (2025年, 3.2)")
	f.IntVar(&opt.Keywords, "keywords", 0, "print each document's N keywords by TF-IDF instead of counts")
	f.StringVar(&opt.IDF, "idf", "", "keywords: weigh against the documents given (corpus) or jieba's table (background)")
	bindDictFlag(f, &opt.Dicts)
	bindReadFlags(f, &opt.readOptions)
	return cmd
}

func runWords(args []string, s streams, opt wordsOptions) error {
	seg, err := segment.Default()
	if err != nil {
		return err
	}
	filter := words.Filter{KeepStop: opt.KeepStop, KeepNumbers: opt.KeepNumbers, MinLen: opt.MinLen}
	for _, p := range strings.Split(opt.POS, ",") {
		if p = strings.TrimSpace(p); p != "" {
			filter.POS = append(filter.POS, p)
		}
	}
	var (
		files []string
		docs  [][]words.Term
	)
	inErr := forEachDocument(args, s, opt.readOptions, func(d *document.Document) error {
		files = append(files, d.File)
		docs = append(docs, filter.Terms(seg.Cut(d.Body.Text)))
		return nil
	}, nil)
	if len(docs) == 0 {
		if inErr != nil {
			return inErr
		}
		return errors.New("no documents")
	}
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	wopt := words.WriteOptions{Format: opt.Format, NoBOM: opt.NoBOM}
	if opt.Keywords > 0 {
		err = writeKeywords(out, files, docs, opt, wopt)
	} else {
		err = writeCounts(out, files, docs, opt, wopt)
	}
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return inErr
}

func writeCounts(out io.Writer, files []string, docs [][]words.Term, opt wordsOptions, wopt words.WriteOptions) error {
	top := func(c []words.Count) []words.Count {
		if opt.Top > 0 && len(c) > opt.Top {
			return c[:opt.Top]
		}
		return c
	}
	var tables []words.CountTable
	if opt.ByDoc {
		for i, d := range docs {
			tables = append(tables, words.NewCountTable(files[i], nil, len(d), top(words.Counts(docs[i:i+1], opt.MinCount))))
		}
	} else {
		total := 0
		for _, d := range docs {
			total += len(d)
		}
		tables = append(tables, words.NewCountTable("", files, total, top(words.Counts(docs, opt.MinCount))))
	}
	return words.WriteCounts(out, tables, wopt)
}

func writeKeywords(out io.Writer, files []string, docs [][]words.Term, opt wordsOptions, wopt words.WriteOptions) error {
	source := opt.IDF
	if source == "" {
		source = words.IDFCorpus
		if len(docs) == 1 {
			source = words.IDFBackground
		}
	}
	var idf words.IDF
	if source == words.IDFCorpus {
		idf = words.CorpusIDF(docs)
	} else {
		var err error
		if idf, err = words.BackgroundIDF(); err != nil {
			return err
		}
	}
	var tables []words.KeywordTable
	for i, d := range docs {
		tables = append(tables, words.NewKeywordTable(files[i], source, words.Keywords(d, idf, opt.Keywords)))
	}
	return words.WriteKeywords(out, tables, wopt)
}
