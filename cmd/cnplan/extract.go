package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/cnplan/cnplan/pkg/batch"
	"github.com/cnplan/cnplan/pkg/input"
	"github.com/cnplan/cnplan/pkg/render"
	"github.com/spf13/cobra"
)

func init() { extraCommands = append(extraCommands, newExtractCmd) }

type extractOptions struct {
	readOptions
	Format     string
	Output     string
	NoBOM      bool
	Records    bool // one row per target, deadline or unit
	NoProgress bool
	Dicts      []string
	Jobs       int
	Shard      batch.Shard
	FailFast   bool
	Quiet      bool
	StdinJSONL bool

	progress func(total int) progress // nil: newProgress on standard error
}

func newExtractCmd(s streams) *cobra.Command {
	opt := extractOptions{}
	var shard string
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR|- ...",
		Short: "Extract targets, deadlines and responsible units",
		Long: `extract reads each document and prints one object per document: its metadata
(title, issuer, published, period, region) and every numeric target, deadline
and responsible-unit record, each with the sentence, line and rune span it came
from. A document that cannot be read gives an error object instead,
{"schema","file","error"}, and the exit status is 1: every input gives one
object, in the order of their sorted paths, whatever --jobs says.

--records writes one row per target, deadline or unit instead, each with the
document's file, title, region (province, city, county, region_code as text),
issuer, published and period, so every row stands alone in pandas, DuckDB,
SQLite or a spreadsheet. CSV is always written that way; --format xlsx (or
-o out.xlsx) gives a workbook with a sheet per record type. -o infers the
format from its extension (.json .jsonl .csv .xlsx). Unknown values are null
(empty in CSV and XLSX); 'cnplan schema' prints the JSON Schema.

Documents are read and extracted --jobs at a time; memory is set by the
largest document, not by the corpus. With more than one input a summary goes
to standard error, and a progress bar too when standard error is a terminal
that standard output is not writing to (--no-progress hides the bar,
--quiet the bar and the summary).

--shard I/N takes the I-th of N disjoint shares of the inputs, chosen by a
hash of each path, for CI matrix jobs; the shards' outputs together hold each
input exactly once. --stdin-jsonl reads lines {"id":…,"text":…} and writes one
document per line in the same order, for Hadoop Streaming, Spark's
RDD.pipe or GNU parallel --pipe.`,
		Example: `  cnplan extract testdata/corpus/001_739e833243cd6df4.txt
  cnplan extract --format table testdata/corpus/002_e8b66c7ddb9e4fa1.txt
  cnplan extract -o all.csv testdata/corpus/              # one row per record, UTF-8 with BOM for Excel
  cnplan extract -o all.xlsx testdata/corpus/             # sheets targets, deadlines, units, errors
  cnplan extract --records -o records.jsonl testdata/corpus/

  # pandas:  pd.read_json('records.jsonl', lines=True, dtype={'region_code': str})
  #          pd.read_csv('all.csv', dtype={'region_code': str}, encoding='utf-8-sig')
  # DuckDB:  SELECT city, indicator_key, value, unit, year FROM read_json_auto('records.jsonl') WHERE record = 'target';
  # Excel:   open all.xlsx (or all.csv: the BOM makes Excel read UTF-8)

  cnplan extract --dict my_bodies.txt --format jsonl notices/ > notices.jsonl
  cnplan extract --format jsonl --jobs 8 corpus/ > corpus.jsonl
  cnplan extract --format jsonl --shard 2/4 corpus/ > shard-2.jsonl
  parallel --pipe --keep-order cnplan extract --stdin-jsonl < docs.jsonl > out.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.StdinJSONL {
				if len(args) > 0 {
					return usagef("--stdin-jsonl reads standard input and takes no arguments")
				}
				if cmd.Flags().Changed("format") && opt.Format != render.FormatJSONL {
					return usagef("--stdin-jsonl writes jsonl, not %s", opt.Format)
				}
				if opt.Encoding != "" {
					return usagef("--stdin-jsonl reads JSON, which is UTF-8: --encoding does not apply")
				}
				if shard != "" {
					return usagef("--shard splits files; split the JSON lines before cnplan instead")
				}
				opt.Format = render.FormatJSONL
			} else if len(args) == 0 {
				return usagef("requires at least 1 arg(s), only received 0")
			}
			def := render.FormatJSON
			if opt.Records {
				def = render.FormatJSONL
			}
			if !opt.StdinJSONL {
				var err error
				if opt.Format, err = outputFormat(cmd.Flags().Lookup("format"), opt.Output, render.Formats, def); err != nil {
					return err
				}
			}
			if opt.Records && (opt.Format == render.FormatJSON || opt.Format == render.FormatTable) {
				return usagef("--records writes jsonl, csv or xlsx, not %s", opt.Format)
			}
			if opt.Jobs < 1 {
				return usagef("--jobs must be at least 1, not %d", opt.Jobs)
			}
			if shard != "" {
				var err error
				if opt.Shard, err = batch.ParseShard(shard); err != nil {
					return usagef("--shard: %v", err)
				}
			}
			if err := extendDicts(opt.Dicts); err != nil {
				return err
			}
			return runExtract(cmd.Context(), args, s, opt)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opt.Format, "format", "", "output format: json, jsonl, csv, xlsx or table (default from -o's extension, else json; jsonl with --records)")
	f.BoolVar(&opt.Records, "records", false, "one row per target, deadline or unit with the document's fields (jsonl, csv, xlsx)")
	f.StringVarP(&opt.Output, "output", "o", "", "write to this file instead of standard output; its extension (.json .jsonl .csv .xlsx) picks the format")
	f.BoolVar(&opt.NoBOM, "no-bom", false, "csv: leave out the UTF-8 byte order mark")
	bindDictFlag(f, &opt.Dicts)
	bindReadFlags(f, &opt.readOptions)
	f.IntVarP(&opt.Jobs, "jobs", "j", runtime.GOMAXPROCS(0), "documents read and extracted at once (the CPUs available)")
	f.StringVar(&shard, "shard", "", "take only shard I of N of the inputs (I/N, 1 ≤ I ≤ N), chosen by path hash")
	f.BoolVar(&opt.FailFast, "fail-fast", false, "stop at the first input that fails (its error object is the last output)")
	f.BoolVarP(&opt.Quiet, "quiet", "q", false, "no progress bar and no summary on standard error")
	f.DurationVar(&opt.Timeout, "timeout", time.Minute, "give up on a document not done in this long (0: no limit)")
	f.BoolVar(&opt.NoProgress, "no-progress", false, "no progress bar (the summary stays)")
	f.BoolVar(&opt.StdinJSONL, "stdin-jsonl", false, `read lines {"id":…,"text":…} from standard input, write one document per line`)
	return cmd
}

// hideProgress says whether a run shows no progress bar: asked not to, or
// where it could not be seen without spoiling the output.
func hideProgress(opt extractOptions, s streams) bool {
	return opt.Quiet || opt.NoProgress || !progressVisible(s.Err, s.Out, opt.Output)
}

// errFailFast stops a --fail-fast run at its first failure.
var errFailFast = errors.New("stopped at the first failure (--fail-fast)")

func runExtract(ctx context.Context, args []string, s streams, opt extractOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	out, closeOut, err := openOutput(opt.Output, s.Out)
	if err != nil {
		return fmt.Errorf("-o: %w", err)
	}
	buf := bufio.NewWriterSize(out, 1<<16)
	stream, err := render.NewStream(buf, render.Options{Format: opt.Format, NoBOM: opt.NoBOM, Records: opt.Records})
	if err != nil {
		closeOut()
		return err
	}
	newBar := opt.progress
	if newBar == nil {
		hide := hideProgress(opt, s)
		newBar = func(total int) progress { return newProgress(s.Err, total, hide) }
	}
	r := &extractRun{s: s, opt: opt, stream: stream, buf: buf}
	start := time.Now()
	pool := batch.Options{Jobs: opt.Jobs}
	docOpt := opt.document()
	if opt.StdinJSONL {
		r.sum.Noun = "line"
		r.bar = newBar(-1)
		var readErr error
		err = batch.Ordered(ctx, batch.Lines(s.In, opt.MaxSize, &readErr),
			func(ctx context.Context, l batch.Line) batch.Result { return batch.ExtractLine(ctx, l, docOpt) },
			r.emit, pool)
		if err == nil && readErr != nil {
			err = fmt.Errorf("reading standard input: %w", readErr)
		}
	} else {
		// Sorted paths: the same order whatever the arguments' order, the
		// parallelism or the shard, so shards concatenate into one run.
		items := input.Expand(args)
		if opt.Output != "" && opt.Output != "-" {
			items = input.Without(items, opt.Output) // never read back what this run writes
		}
		slices.SortStableFunc(items, func(a, b input.Item) int { return strings.Compare(a.Path, b.Path) })
		if opt.Shard.Count > 1 {
			items = slices.DeleteFunc(items, func(it input.Item) bool { return !opt.Shard.Has(it.Path) })
		}
		r.bar = newBar(len(items))
		err = batch.Ordered(ctx, slices.Values(items),
			func(ctx context.Context, it input.Item) batch.Result { return batch.ExtractItem(ctx, it, s.In, docOpt) },
			r.emit, pool)
	}
	r.sum.Elapsed = time.Since(start)
	r.bar.Finish()
	if errors.Is(err, errFailFast) {
		err = nil
	}
	if err == nil {
		err = stream.Close()
	}
	if ferr := buf.Flush(); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		abortOutput(out)
	}
	if cerr := closeOut(); cerr != nil && err == nil {
		err = cerr
	}
	if !opt.Quiet && r.sum.Files != 1 {
		fmt.Fprintf(s.Err, "cnplan: %s\n", r.sum)
	}
	if err == nil && r.sum.Failed > 0 {
		err = errInputFailed
	}
	return err
}

// extractRun is one extract run's output side: results arrive here in
// input order.
type extractRun struct {
	s      streams
	opt    extractOptions
	stream *render.Stream
	buf    *bufio.Writer
	bar    progress
	sum    batch.Summary
}

func (r *extractRun) emit(res batch.Result) error {
	r.sum.Add(res)
	if res.Err != nil {
		r.bar.Clear()
		fmt.Fprintf(r.s.Err, "cnplan: %v\n", res.Err)
	}
	if err := r.stream.Write(res.Doc); err != nil {
		return err
	}
	// Each document goes out whole as soon as it is known, so a pipe
	// reader (Hadoop, Spark, parallel) has it at once.
	if err := r.buf.Flush(); err != nil {
		return err
	}
	r.bar.Add(1)
	if res.Err != nil && r.opt.FailFast {
		return errFailFast
	}
	return nil
}
