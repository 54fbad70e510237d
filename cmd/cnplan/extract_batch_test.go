package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/cnplan/cnplan/pkg/record"
)

// batchCorpus makes a directory of n documents, copies of the corpus in
// nested folders, with a bad input at every tenth place; it returns the
// directory and how many inputs fail.
func batchCorpus(t *testing.T, n int) (string, int) {
	t.Helper()
	docs, _ := filepath.Glob(corpus + "00?_*.txt") // the five short documents: order and shares, not extraction, are tested
	var texts [][]byte
	for _, p := range docs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, data)
	}
	dir := t.TempDir()
	bad := 0
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%7))
		os.MkdirAll(sub, 0o755)
		data := texts[i%len(texts)]
		if i%10 == 9 {
			data, bad = nil, bad+1 // empty file
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%04d.txt", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, bad
}

// jsonLines decodes extract's jsonl output.
func jsonLines(t *testing.T, out string) []record.Document {
	t.Helper()
	var docs []record.Document
	for line := range strings.Lines(out) {
		var d record.Document
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		docs = append(docs, d)
	}
	return docs
}

var summaryLine = regexp.MustCompile(`(?m)^cnplan: (\d+) (files|lines), (\d+) ok, (\d+) failed, [\d.]+ MB in [\d.]+ s \([\d.]+ MB/s\)$`)

// The same bytes whatever --jobs: one object per input, sorted by path
// within the directory, error objects in their place; a summary on stderr;
// exit 1 because some inputs failed.
func TestBatchSameBytesWhateverJobs(t *testing.T) {
	const n = 20 // every document four times, two of the copies empty
	dir, bad := batchCorpus(t, n)
	// The order is the pool's business, the same for every format: jsonl
	// is run at four widths, json and csv at two.
	for _, c := range []struct {
		format string
		jobs   []string
	}{{"jsonl", []string{"1", "2", "7", "32"}}, {"json", []string{"1", "7"}}, {"csv", []string{"1", "7"}}} {
		format := c.format
		var first string
		for _, jobs := range c.jobs {
			code, out, stderr := runCLI(t, "", "extract", "--format", format, "--jobs", jobs, dir)
			if code != 1 {
				t.Fatalf("%s -j %s: exit %d, want 1 (some inputs are empty): %s", format, jobs, code, stderr)
			}
			m := summaryLine.FindStringSubmatch(stderr)
			if m == nil || m[1] != fmt.Sprint(n) || m[3] != fmt.Sprint(n-bad) || m[4] != fmt.Sprint(bad) {
				t.Fatalf("%s -j %s: summary not found or wrong in %q", format, jobs, stderr)
			}
			if strings.Count(stderr, "empty file") != bad {
				t.Errorf("%s -j %s: want one stderr line per failed input: %q", format, jobs, stderr)
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Fatalf("%s: -j %s output differs from -j 1", format, jobs)
			}
		}
		if format != "jsonl" {
			continue
		}
		docs := jsonLines(t, first)
		if len(docs) != n {
			t.Fatalf("%d lines for %d inputs", len(docs), n)
		}
		var files []string
		failed := 0
		for _, d := range docs {
			files = append(files, d.File)
			if d.Error != "" {
				failed++
				if d.Error != "empty file" || d.Schema != record.Schema {
					t.Errorf("error object %+v", d)
				}
			}
		}
		if !slices.IsSorted(files) || failed != bad {
			t.Errorf("files not sorted, or %d error objects for %d bad inputs", failed, bad)
		}
	}
	// A json run over one file is still one object, not an array.
	code, out, stderr := runCLI(t, "", "extract", "-j", "4", corpusFile(t, "002"))
	if code != 0 || !strings.HasPrefix(out, "{\n") || stderr != "" {
		t.Errorf("one file: exit %d, stderr %q, output %.40q", code, stderr, out)
	}
}

// --fail-fast ends the output with the first failure, in input order.
func TestBatchFailFast(t *testing.T) {
	dir, _ := batchCorpus(t, 40)
	code, out, stderr := runCLI(t, "", "extract", "--format", "jsonl", "--fail-fast", "-j", "4", dir)
	docs := jsonLines(t, out)
	if code != 1 || len(docs) == 0 || docs[len(docs)-1].Error == "" {
		t.Fatalf("exit %d, %d documents, stderr %q", code, len(docs), stderr)
	}
	for _, d := range docs[:len(docs)-1] {
		if d.Error != "" {
			t.Fatalf("an error object before the last: %+v", d)
		}
	}
	if len(docs) >= 40 || strings.Count(stderr, "empty file") != 1 {
		t.Errorf("%d documents, stderr %q", len(docs), stderr)
	}
	// json: the array is closed properly even though the run stopped.
	code, out, _ = runCLI(t, "", "extract", "--format", "json", "--fail-fast", dir)
	var arr []record.Document
	if err := json.Unmarshal([]byte(out), &arr); code != 1 || err != nil {
		t.Errorf("json --fail-fast: exit %d, %v", code, err)
	}
}

// The shards' outputs, concatenated and sorted, are the unsharded output
// sorted; compare reads the shard files directly and gives the same matrix.
func TestBatchShards(t *testing.T) {
	dir := t.TempDir()
	docs, _ := filepath.Glob(corpus + "00?_*.txt") // the five short documents: order and shares, not extraction, are tested
	const n = 15                                   // every document three times
	for i := range n {
		data, _ := os.ReadFile(docs[i%len(docs)])
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d_%s", i, filepath.Base(docs[i%len(docs)]))), data, 0o644)
	}
	code, whole, _ := runCLI(t, "", "extract", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var shardFiles []string
	var lines []string
	for i := 1; i <= 3; i++ {
		code, out, stderr := runCLI(t, "", "extract", "--format", "jsonl", "--shard", fmt.Sprintf("%d/3", i), dir)
		if code != 0 || out == "" {
			t.Fatalf("shard %d/3: exit %d, %d bytes, %s", i, code, len(out), stderr)
		}
		// the same share each time
		if _, again, _ := runCLI(t, "", "extract", "--format", "jsonl", "-j", "1", "--shard", fmt.Sprintf("%d/3", i), dir); again != out {
			t.Fatalf("shard %d/3 differs between runs", i)
		}
		lines = append(lines, strings.SplitAfter(out, "\n")...)
		path := filepath.Join(t.TempDir(), fmt.Sprintf("shard-%d.jsonl", i))
		os.WriteFile(path, []byte(out), 0o644)
		shardFiles = append(shardFiles, path)
	}
	sort.Strings(lines)
	wholeLines := strings.SplitAfter(whole, "\n")
	sort.Strings(wholeLines)
	if strings.Join(lines, "") != strings.Join(wholeLines, "") {
		t.Fatal("the shards together differ from the unsharded run")
	}
	// The sorted lines are the unsharded output itself: each line opens
	// with the same schema and then the file, and the run is in path order.
	if strings.Join(lines, "") != whole {
		t.Error("the shards' lines sorted differ from the unsharded output")
	}
	// compare reads the shard files as they are: the same matrix, with
	// the documents as columns in shard order.
	wholeFile := filepath.Join(t.TempDir(), "whole.jsonl")
	os.WriteFile(wholeFile, []byte(whole), 0o644)
	want := cmpMatrix(t, "--all", wholeFile)
	got := cmpMatrix(t, append([]string{"--all"}, shardFiles...)...)
	if len(got.Columns) != n || len(got.Columns) != len(want.Columns) || len(got.Rows) != len(want.Rows) {
		t.Errorf("compare over the shards: %d columns, %d rows; over the whole: %d, %d",
			len(got.Columns), len(got.Rows), len(want.Columns), len(want.Rows))
	}
}

func TestBatchUsageErrors(t *testing.T) {
	doc := corpusFile(t, "000")
	for _, args := range [][]string{
		{"extract", "--jobs", "0", doc},
		{"extract", "-j", "-3", doc},
		{"extract", "--shard", "0/3", doc},
		{"extract", "--shard", "4/3", doc},
		{"extract", "--shard", "two", doc},
		{"extract", "--stdin-jsonl", doc},
		{"extract", "--stdin-jsonl", "--format", "csv"},
		{"extract", "--stdin-jsonl", "--encoding", "gbk"},
		{"extract", "--stdin-jsonl", "--shard", "1/2"},
	} {
		if code, _, stderr := runCLI(t, "", args...); code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", args, code, stderr)
		}
	}
}

// --stdin-jsonl: one document per line, in the input's order, an error
// object for a line that is not a document.
func TestStdinJSONL(t *testing.T) {
	in := stdinJSONLInput(t) + "{\"id\":\"doc-12\",\"text\":\n"
	for _, jobs := range []string{"1", "4"} {
		code, out, stderr := runCLI(t, in, "extract", "--stdin-jsonl", "-j", jobs)
		docs := jsonLines(t, out)
		if code != 1 || len(docs) != strings.Count(in, "\n") {
			t.Fatalf("exit %d, %d lines for %d: %s", code, len(docs), strings.Count(in, "\n"), stderr)
		}
		for i, d := range docs {
			want := fmt.Sprintf("doc-%02d", i)
			switch {
			case i == 5:
				if d.File != "doc-05" || d.Error != `no "text" string` {
					t.Errorf("line 6: %+v", d)
				}
			case i == 12:
				// Not JSON, so no id: the line number names it.
				if d.File != "line 13" || !strings.Contains(d.Error, "not a JSON object") {
					t.Errorf("line 13: %+v", d)
				}
			case d.File != want || d.Error != "" || len(d.Targets) == 0:
				t.Errorf("line %d: file %q error %q, %d targets", i+1, d.File, d.Error, len(d.Targets))
			}
		}
		if m := summaryLine.FindStringSubmatch(stderr); m == nil || m[2] != "lines" || m[4] != "2" {
			t.Errorf("summary: %q", stderr)
		}
	}
	// --quiet: the error lines, no summary.
	_, _, stderr := runCLI(t, in, "extract", "--stdin-jsonl", "--quiet")
	if strings.Count(stderr, "\n") != 2 || !strings.Contains(stderr, "cnplan: doc-05: no") {
		t.Errorf("--quiet stderr %q", stderr)
	}
}

// stdinJSONLInput is 12 lines {"id","text"} with the corpus's opening
// paragraphs, the sixth without its text.
func stdinJSONLInput(t *testing.T) string {
	t.Helper()
	docs, _ := filepath.Glob(corpus + "00?_*.txt") // the five short documents
	var b strings.Builder
	for i := range 12 {
		if i == 5 {
			b.WriteString("{\"id\":\"doc-05\",\"title\":\"a record without its text\"}\n")
			continue
		}
		data, _ := os.ReadFile(docs[i%len(docs)])
		text := []rune(string(data))
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc-%02d", i), "text": string(text[:min(len(text), 3000)])})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// cnplanBinary is a path that runs cnplan as a process, for tests that
// put it in a pipe: the test binary itself, which TestMain turns into
// cnplan when runAsCnplan is set, so no test spends seconds on go build.
func cnplanBinary(t *testing.T) string {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// parallel(1) runs the command with the environment it was given.
	t.Setenv(runAsCnplan, "1")
	return bin
}

// The README's GNU parallel line: the input split into blocks of lines,
// one cnplan per block, the outputs joined in order, gives the bytes of one
// cnplan over the whole input. Without parallel installed, the same pipe is
// run by hand: split, one process per block, concatenate.
func TestStdinJSONLUnderParallel(t *testing.T) {
	bin := cnplanBinary(t)
	in := stdinJSONLInput(t)
	one := exec.Command(bin, "extract", "--stdin-jsonl", "--quiet")
	one.Stdin = strings.NewReader(in)
	want, _ := one.Output() // exit 1: line 6 is broken
	if strings.Count(string(want), "\n") != 12 {
		t.Fatalf("one process: %d lines", strings.Count(string(want), "\n"))
	}
	var got []byte
	if _, err := exec.LookPath("parallel"); err == nil {
		cmd := exec.Command("parallel", "--will-cite", "--pipe", "--keep-order", "-N", "5", bin, "extract", "--stdin-jsonl", "--quiet")
		cmd.Stdin = strings.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		got, err = cmd.Output()
		if code := cmd.ProcessState.ExitCode(); code != 1 { // parallel: the number of failed jobs
			t.Fatalf("parallel: exit %d (%v), stderr %s", code, err, stderr.String())
		}
	} else {
		t.Log("GNU parallel not installed: running the pipe by hand")
		lines := strings.SplitAfter(in, "\n")
		for start := 0; start < len(lines); start += 5 {
			cmd := exec.Command(bin, "extract", "--stdin-jsonl", "--quiet")
			cmd.Stdin = strings.NewReader(strings.Join(lines[start:min(start+5, len(lines))], ""))
			out, _ := cmd.Output()
			got = append(got, out...)
		}
	}
	if !bytes.Equal(got, want) {
		t.Errorf("split run differs from one process:\n%.300s\nwant\n%.300s", got, want)
	}
}

// The progress bar is decided in one place: never on a stream that is not
// a terminal (a pipe, a file, a CI log), never with --quiet or one input.
func TestProgressOnlyOnTerminals(t *testing.T) {
	var buf bytes.Buffer
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, w := range []any{&buf, f} {
		if _, ok := newProgress(w.(interface{ Write([]byte) (int, error) }), 100, false).(noProgress); !ok {
			t.Errorf("%T: a progress bar on a non-terminal", w)
		}
	}
	// A run counts each input on the bar it is given.
	dir, _ := batchCorpus(t, 12)
	fake := &countingProgress{}
	opt := extractOptions{Format: "jsonl", Jobs: 3, progress: func(total int) progress { fake.total = total; return fake }}
	var out, errOut bytes.Buffer
	err = runExtract(context.Background(), []string{dir}, streams{Out: &out, Err: &errOut}, opt)
	if err != errInputFailed || fake.total != 12 || fake.added != 12 || !fake.finished || fake.cleared != 1 {
		t.Errorf("err %v, progress %+v", err, fake)
	}
}

// openPTY opens a pseudo-terminal and returns its terminal side, or skips
// the test where the system has none.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal to test with: %v", err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("cannot unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("no pseudo-terminal number: %v", err)
	}
	tty, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR, 0)
	if err != nil {
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// The bar shows only when standard error is a terminal that standard
// output is not writing to, and never with --no-progress or --quiet.
func TestProgressNotOnTheOutputsTerminal(t *testing.T) {
	tty := openPTY(t)
	pipeR, pipeW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pipeR.Close()
	defer pipeW.Close()
	for _, c := range []struct {
		name   string
		out    *os.File
		opt    extractOptions
		hidden bool
	}{
		{"stdout piped", pipeW, extractOptions{}, false},
		{"stdout the same terminal", tty, extractOptions{}, true},
		{"same terminal, output to a file", tty, extractOptions{Output: "out.jsonl"}, false},
		{"--no-progress", pipeW, extractOptions{NoProgress: true}, true},
		{"--quiet", pipeW, extractOptions{Quiet: true}, true},
	} {
		if got := hideProgress(c.opt, streams{Out: c.out, Err: tty}); got != c.hidden {
			t.Errorf("%s: hidden %v, want %v", c.name, got, c.hidden)
		}
	}
	if _, ok := newProgress(tty, 100, false).(*bar); !ok {
		t.Error("no bar on a terminal")
	}
	if hideProgress(extractOptions{}, streams{Out: pipeW, Err: pipeW}) != true {
		t.Error("a bar on a pipe")
	}
}

type countingProgress struct {
	total, added, cleared int
	finished              bool
}

func (p *countingProgress) Add(n int) { p.added += n }
func (p *countingProgress) Clear()    { p.cleared++ }
func (p *countingProgress) Finish()   { p.finished = true }
