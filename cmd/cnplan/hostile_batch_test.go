package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/internal/hostile"
	"github.com/cnplan/cnplan/internal/testpdf"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/cnplan/cnplan/pkg/record"
)

// Hostile inputs: each gives a clear one-line error or correct output, in
// bounded time, and never a panic. Every case runs through the batch path
// (a directory of the hostile file and a good one) so that the run is also
// seen to go on past it.

const goodSentence = "到2025年，全市儿童健康管理率达到95%以上。\n"

// hostileRun runs extract --format jsonl on args and decodes its output.
// A hang is caught by go test's own -timeout, not here: no test times a
// run (the race detector makes every run several times slower).
func hostileRun(t *testing.T, args ...string) (int, []record.Document, string) {
	t.Helper()
	code, out, stderr := runCLI(t, "", append([]string{"extract", "--format", "jsonl"}, args...)...)
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine ") {
		t.Fatalf("a panic on stderr: %.500s", stderr)
	}
	return code, jsonLines(t, out), stderr
}

// withGood writes name with data beside a good document in a new
// directory, and returns the directory and the hostile file's path.
func withGood(t *testing.T, name string, data []byte) (string, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zz_good.txt"), []byte(goodSentence), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// checkTwo checks a run over withGood's directory: two objects, the
// hostile file's first, the good one's second.
func checkTwo(t *testing.T, docs []record.Document, path string) record.Document {
	t.Helper()
	if len(docs) != 2 || docs[0].File != path || !strings.HasSuffix(docs[1].File, "zz_good.txt") || len(docs[1].Targets) != 1 {
		t.Fatalf("want the hostile file's object, then the good one's; got %d objects: %+v", len(docs), docs)
	}
	return docs[0]
}

func TestHostileInputErrors(t *testing.T) {
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.IntN(255) + 1) // no NUL: not caught by the binary test
	}
	for _, c := range []struct {
		name, file string
		data       []byte
		want       string // the error object's message, or "" for "any one-line error or a document"
	}{
		{"empty", "empty.txt", nil, "empty file"},
		{"whitespace only", "blank.txt", []byte(" \n\t\r\n\u3000\u00a0\n"), "no text (empty or whitespace only)"},
		{"binary", "photo.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:4096]...), "binary file (NUL bytes)"},
		{"random bytes without NUL", "noise.txt", random, ""},
		{"docx that is not a zip", "plan.docx", []byte("大别山区域医疗中心建设三年行动方案"), "docx: not a zip archive"},
		{"docx without word/document.xml", "plan.docx", zipOf(t, "word/styles.xml", []byte("<w:styles/>")), "docx: no word/document.xml"},
		{"docx zip bomb", "bomb.docx", zipBomb(t), "docx: expands past 64 MiB limit"},
		{"scanned pdf", "scan.pdf", scannedPDF(), "pdf: no text layer (scanned?)"},
		{"pdf cut after its header", "cut.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), "pdf: cannot read: incorrect format"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, path := withGood(t, c.file, c.data)
			code, docs, stderr := hostileRun(t, dir)
			d := checkTwo(t, docs, path)
			if c.want == "" {
				if d.Error == "" && code != 0 || d.Error != "" && code != 1 {
					t.Errorf("exit %d for %+v", code, d)
				}
				return
			}
			if code != 1 || d.Error != c.want {
				t.Errorf("exit %d, error %q; want exit 1 and %q", code, d.Error, c.want)
			}
			if want := "cnplan: " + path + ": " + c.want + "\n"; !strings.HasPrefix(stderr, want) {
				t.Errorf("stderr %q; want it to open with %q", stderr, want)
			}
		})
	}
}

func TestHostileInputsReadCorrectly(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("到2030年，人均预期寿命达到80岁。\n"))
	year := []byte("年")
	for _, c := range []struct {
		name, file string
		data       []byte
		values     []float64 // the targets' values, in order
	}{
		// The cut character is dropped or replaced; the rest is read.
		{"a multi-byte character cut at the end", "cut.txt", append([]byte(goodSentence+"到2030"), year[:2]...), []float64{95}},
		// Lines pasted from a GBK page into a UTF-8 file: each line in
		// its own encoding.
		{"GBK and UTF-8 mixed", "mixed.txt", append([]byte(goodSentence), gbk...), []float64{95, 80}},
		{"deeply nested HTML", "deep.html", []byte("<html><body>" + strings.Repeat("<div><span>", 100000) +
			strings.TrimSpace(goodSentence) + strings.Repeat("</span></div>", 100000) + "</body></html>"), []float64{95}},
		{"unclosed nested HTML", "open.html", []byte("<html><body>" + strings.Repeat("<table><tr><td>", 20000) + goodSentence), []float64{95}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, path := withGood(t, c.file, c.data)
			code, docs, stderr := hostileRun(t, dir)
			d := checkTwo(t, docs, path)
			var got []float64
			for _, tg := range d.Targets {
				got = append(got, tg.Value)
			}
			if code != 0 || d.Error != "" || fmt.Sprint(got) != fmt.Sprint(c.values) {
				t.Errorf("exit %d %s, error %q, values %v; want %v", code, stderr, d.Error, got, c.values)
			}
		})
	}
}

// One 4 MB line (a page whose line breaks were lost): every block's target
// and deadline found. Headings, deadlines and the lede were each quadratic
// in the length of a line once. BenchmarkHostile (pkg/batch) and
// bench/BenchmarkHostileBinary show the time per MB flat as the line grows
// to 200 MB.
func TestHostileLongLine(t *testing.T) {
	data := hostile.OneLine(4 << 20)
	blocks := bytes.Count(data, []byte("95%"))
	dir, path := withGood(t, "line.txt", data)
	code, docs, stderr := hostileRun(t, "-j", "2", dir)
	d := checkTwo(t, docs, path)
	if code != 0 || d.Error != "" || len(d.Targets) != blocks || len(d.Deadlines) != blocks {
		t.Fatalf("exit %d %s: error %q, %d targets and %d deadlines; want %d", code, stderr, d.Error, len(d.Targets), len(d.Deadlines), blocks)
	}
	last := d.Targets[len(d.Targets)-1]
	if last.Value != 95 || last.Line != 1 || last.Span[1] > utf8.RuneCount(data) {
		t.Errorf("last target %+v", last)
	}
}

// The worst-case shapes of issue 14 (internal/hostile), each beside a good
// document, at a twentieth of the size that once stalled or bloated a batch:
// every one ends with its records, its output under 50× its input (it was
// up to 6,000×; a zipped table of bare percentages gave a record per cell
// until numbers naming nothing were left out), and the good document's
// target present.
func TestHostileShapes(t *testing.T) {
	for _, s := range hostile.Shapes {
		if s.Name == "one_line.txt" {
			continue // TestHostileLongLine
		}
		t.Run(s.Name, func(t *testing.T) {
			data := s.Build(s.FullSize / 20)
			dir, path := withGood(t, s.Name, data)
			code, out, stderr := runCLI(t, "", "extract", "--format", "jsonl", dir)
			docs := jsonLines(t, out)
			d := checkTwo(t, docs, path)
			if code != 0 || d.Error != "" {
				t.Fatalf("exit %d, error %q: %s", code, d.Error, stderr)
			}
			size := len(strings.SplitN(out, "\n", 2)[0])
			if size > 50*len(data) {
				t.Errorf("%d bytes of output for %d of input: %.0f×", size, len(data), float64(size)/float64(len(data)))
			}
			for _, tg := range d.Targets {
				if n := utf8.RuneCountInString(tg.Text); n > 500 {
					t.Fatalf("a target quotes %d runes", n)
				}
			}
			for _, dl := range d.Deadlines {
				if n := utf8.RuneCountInString(dl.Sentence); n > 500 {
					t.Fatalf("a deadline quotes %d runes", n)
				}
			}
			t.Logf("%d bytes in, %d out (%.1f×), %d targets, %d deadlines", len(data), size, float64(size)/float64(len(data)), len(d.Targets), len(d.Deadlines))
		})
	}
}

// 3,000 tiny files in 100 directories: one object each, in path order.
func TestHostileTenThousandTinyFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range 3000 {
		sub := filepath.Join(dir, fmt.Sprintf("%02d", i%100))
		if i < 100 {
			os.Mkdir(sub, 0o755)
		}
		text := fmt.Sprintf("到2025年，第%d个指标覆盖率达到95%%以上。", i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, docs, stderr := hostileRun(t, dir)
	if code != 0 || len(docs) != 3000 {
		t.Fatalf("exit %d, %d objects: %.300s", code, len(docs), stderr)
	}
	for i, d := range docs {
		if len(d.Targets) != 1 || i > 0 && d.File <= docs[i-1].File {
			t.Fatalf("object %d: %s after %s, %d targets", i, d.File, docs[max(i-1, 0)].File, len(d.Targets))
		}
	}
	if !strings.Contains(stderr, "cnplan: 3000 files, 3000 ok, 0 failed") {
		t.Errorf("summary: %q", stderr)
	}
}

// A directory that links back to its parent is walked once.
func TestHostileSymlinkLoop(t *testing.T) {
	dir, _ := withGood(t, "a.txt", []byte(goodSentence))
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "b.txt"), []byte(goodSentence), 0o644)
	if err := os.Symlink("..", filepath.Join(sub, "up")); err != nil {
		t.Skipf("no symlinks: %v", err)
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil { // a link to itself
		t.Fatal(err)
	}
	code, docs, stderr := hostileRun(t, dir)
	var files []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.File)
		files = append(files, rel)
	}
	if code != 0 || fmt.Sprint(files) != "[a.txt sub/b.txt zz_good.txt]" {
		t.Errorf("exit %d %s, files %v", code, stderr, files)
	}
}

// A file that cannot be read gives its error object, and the run goes on.
// As root chmod 000 does not stop a read, so /proc/self/mem stands in: a
// regular file whose read fails.
func TestHostileUnreadableFile(t *testing.T) {
	dir, path := withGood(t, "locked.txt", []byte(goodSentence))
	want := "permission denied"
	if os.Getuid() == 0 {
		if _, err := os.Stat("/proc/self/mem"); err != nil || runtime.GOOS != "linux" {
			t.Skip("root reads everything, and there is no /proc/self/mem")
		}
		os.Remove(path)
		if err := os.Symlink("/proc/self/mem", path); err != nil {
			t.Skip(err)
		}
		want = "input/output error"
	} else if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	code, docs, stderr := hostileRun(t, dir)
	d := checkTwo(t, docs, path)
	if code != 1 || d.Error != want || !strings.Contains(stderr, path+": "+want) {
		t.Errorf("exit %d, error %q, stderr %q; want %q", code, d.Error, stderr, want)
	}
}

// A file listed and then deleted before it is read gives "no such file or
// directory" in its place. The output's first write deletes the last file:
// the window keeps the run from having read that far.
func TestHostileFileDeletedMidRun(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := range 50 {
		p := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		os.WriteFile(p, []byte(goodSentence), 0o644)
		paths = append(paths, p)
	}
	last := paths[len(paths)-1]
	out := &deleteOnWrite{path: last}
	var stderr bytes.Buffer
	code := run([]string{"extract", "--format", "jsonl", "-j", "2", dir}, streams{In: strings.NewReader(""), Out: out, Err: &stderr})
	docs := jsonLines(t, out.buf.String())
	if code != 1 || len(docs) != 50 || docs[49].File != last || docs[49].Error != "no such file or directory" {
		t.Fatalf("exit %d, %d objects, last %+v, stderr %s", code, len(docs), docs[len(docs)-1], stderr.String())
	}
	for _, d := range docs[:49] {
		if d.Error != "" {
			t.Errorf("%s: %s", d.File, d.Error)
		}
	}
}

type deleteOnWrite struct {
	path string
	once bool
	buf  bytes.Buffer
}

func (w *deleteOnWrite) Write(p []byte) (int, error) {
	if !w.once {
		w.once = true
		os.Remove(w.path)
	}
	return w.buf.Write(p)
}

// An output that cannot be written ends the run with exit 1 and one line.
func TestOutputWriteError(t *testing.T) {
	dir, _ := withGood(t, "a.txt", []byte(goodSentence))
	var stderr bytes.Buffer
	code := run([]string{"extract", "--format", "jsonl", dir}, streams{In: strings.NewReader(""), Out: failingWriter{}, Err: &stderr})
	if code != 1 || !strings.HasPrefix(stderr.String(), "cnplan: write: disk full\n") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("write: disk full") }

func zipOf(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	zw.Close()
	return buf.Bytes()
}

// zipBomb is a docx whose document.xml, about 70 KiB deflated, expands to
// 65 MiB of XML: past the 64 MiB limit, honestly declared.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, `<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`)
	chunk := bytes.Repeat([]byte("到"), 1<<20)
	for range 65 {
		w.Write(chunk)
	}
	io.WriteString(w, `</w:t></w:r></w:p></w:body></w:document>`)
	zw.Close()
	return buf.Bytes()
}

// scannedPDF is a one-page PDF whose content draws a rectangle (where a
// scan draws its image) and holds no text.
func scannedPDF() []byte {
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		testpdf.Stream("0 0 595 842 re f"),
	)
}

// Arguments that are not regular files, or are larger than --max-size, are
// refused before they are read: a FIFO would block forever, /dev/zero never
// end. Each is one error object beside the good document's.
func TestHostileNotRegularOrTooLarge(t *testing.T) {
	dir, _ := withGood(t, "big.txt", bytes.Repeat([]byte(goodSentence), 2000))
	big := filepath.Join(dir, "big.txt")
	good := filepath.Join(dir, "zz_good.txt")
	fifo := filepath.Join(t.TempDir(), "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	cases := []struct{ path, want string }{
		{fifo, "not a regular file (a FIFO); give a file, a directory or - for standard input"},
		{big, "115.2 KiB, larger than the --max-size limit of 100 KiB"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct{ path, want string }{"/dev/zero", "not a regular file (a character device); give a file, a directory or - for standard input"})
	}
	for _, c := range cases {
		code, docs, stderr := hostileRun(t, "--max-size", "100K", c.path, good)
		byFile := map[string]record.Document{}
		for _, d := range docs {
			byFile[d.File] = d
		}
		if code != 1 || len(docs) != 2 || byFile[c.path].Error != c.want || len(byFile[good].Targets) != 1 ||
			!strings.Contains(stderr, c.path+": "+c.want) {
			t.Errorf("%s: exit %d, %+v, stderr %q", c.path, code, docs, stderr)
		}
	}
	// Standard input past the limit.
	code, out, _ := runCLI(t, string(bytes.Repeat([]byte(goodSentence), 2000)), "extract", "--format", "jsonl", "--max-size", "100K", "-")
	if docs := jsonLines(t, out); code != 1 || len(docs) != 1 || docs[0].Error != "larger than the --max-size limit of 100 KiB" {
		t.Errorf("stdin: exit %d, %s", code, out)
	}
	if code, _, stderr := runCLI(t, "", "extract", "--max-size", "lots", good); code != 2 || !strings.Contains(stderr, "--max-size") {
		t.Errorf("a bad --max-size: exit %d, %q", code, stderr)
	}
}

// A document over its --timeout budget becomes its error object, naming the
// limit; the run goes on and exits 1. A budget of 1ns is spent before
// extraction starts, so this does not depend on the machine's speed.
func TestHostileTimeout(t *testing.T) {
	dir, path := withGood(t, "a.txt", []byte(goodSentence))
	code, docs, stderr := hostileRun(t, "--timeout", "1ns", dir)
	want := "not done within the --timeout limit of 1ns; skipped"
	if code != 1 || len(docs) != 2 || docs[0].File != path || docs[0].Error != want || docs[1].Error != want ||
		!strings.Contains(stderr, path+": "+want) {
		t.Errorf("exit %d, %+v, stderr %q", code, docs, stderr)
	}
	// The default budget lets a normal document through.
	if code, docs, _ := hostileRun(t, dir); code != 0 || len(docs) != 2 || len(docs[0].Targets) != 1 {
		t.Errorf("default --timeout: exit %d, %+v", code, docs)
	}
}

// -o inside an input directory: the output is not read back as an input
// (a second run would otherwise extract the first run's output), and no
// temporary file is left beside it.
func TestOutputNotReadBack(t *testing.T) {
	dir, _ := withGood(t, "a.txt", []byte(goodSentence))
	out := filepath.Join(dir, "out.txt")
	for range 2 {
		if code, _, stderr := runCLI(t, "", "extract", "--format", "jsonl", "-o", out, dir); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	data, _ := os.ReadFile(out)
	docs := jsonLines(t, string(data))
	entries, _ := os.ReadDir(dir)
	if len(docs) != 2 || len(entries) != 3 {
		t.Errorf("%d objects in the output, %d files in the directory; want 2 and 3", len(docs), len(entries))
	}
}

// A failed write leaves the -o file as it was: no half-written output.
func TestOutputAtomic(t *testing.T) {
	dir, _ := withGood(t, "a.txt", []byte(goodSentence))
	out := filepath.Join(t.TempDir(), "out.json")
	os.WriteFile(out, []byte("previous run\n"), 0o644)
	// The rename fails (the target is a directory's name in a read-only
	// place is not portable; a target that is a directory is).
	os.Remove(out)
	os.Mkdir(out, 0o755)
	code, _, stderr := runCLI(t, "", "extract", "-o", out, dir)
	entries, _ := os.ReadDir(filepath.Dir(out))
	if code != 1 || stderr == "" || len(entries) != 1 {
		t.Errorf("exit %d, stderr %q, %d entries (want the directory only)", code, stderr, len(entries))
	}
}

// --stdin-jsonl text that opens like a PDF is read as the text it is.
func TestStdinJSONLTextLikePDF(t *testing.T) {
	line := `{"id":"a","text":"%PDF-1.4 到2025年，全市儿童健康管理率达到95%以上。"}` + "\n"
	code, out, stderr := runCLI(t, line, "extract", "--stdin-jsonl")
	docs := jsonLines(t, out)
	if code != 0 || len(docs) != 1 || len(docs[0].Targets) != 1 || docs[0].Format != "text" {
		t.Errorf("exit %d %s: %s", code, stderr, out)
	}
}

// A bad pattern in --dict is one usage error naming its line, not an
// error on every document.
func TestDictBadPatternIsUsageError(t *testing.T) {
	dir, _ := withGood(t, "a.txt", []byte(goodSentence))
	for _, c := range []struct{ dict, want string }{
		{"[junk]\nline\t(unclosed\n", ":2: [junk]: error parsing regexp: missing closing )"},
		{"# mine\n[headings]\n1\t[bad\n", ":3: [headings]: error parsing regexp: missing closing ]"},
		{"[headings]\nfirst\t^第\n", ":2: [headings]: want a level"},
	} {
		p := filepath.Join(t.TempDir(), "my.txt")
		os.WriteFile(p, []byte(c.dict), 0o644)
		code, out, stderr := runCLI(t, "", "extract", "--dict", p, dir)
		if code != 2 || out != "" || !strings.Contains(stderr, p+c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", c.dict, code, stderr)
		}
	}
}
