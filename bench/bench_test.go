package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/cnplan/cnplan/internal/corpus"
)

// build compiles cmd/cnplan into dir.
func build(b *testing.B, dir string) string {
	b.Helper()
	bin := filepath.Join(dir, "cnplan")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/cnplan").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// peakRSS is the largest resident set of a finished process, in MB.
func peakRSS(cmd *exec.Cmd) float64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	return 0
}

// BenchmarkColdStart runs the binary on one short notice (002, 7.5 KB):
// process start, dictionaries loaded, one document extracted and written.
func BenchmarkColdStart(b *testing.B) {
	bin := build(b, b.TempDir())
	doc := corpus.Get(b, "002").Path
	rss := 0.0
	for b.Loop() {
		cmd := exec.Command(bin, "extract", "--format", "jsonl", doc)
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil || out.Len() == 0 {
			b.Fatalf("%v: %d bytes", err, out.Len())
		}
		rss = max(rss, peakRSS(cmd))
	}
	b.ReportMetric(rss, "peak-RSS-MB")
}

// BenchmarkCorpus runs extract --format jsonl over a corpus of
// CNPLAN_BENCH_MB megabytes (default 200), made of copies of the corpus
// documents, 1000 to a directory, with --jobs at its default (every CPU).
// It reports MB/s, seconds and the process's peak RSS.
func BenchmarkCorpus(b *testing.B) {
	mb := 200
	if s := os.Getenv("CNPLAN_BENCH_MB"); s != "" {
		var err error
		if mb, err = strconv.Atoi(s); err != nil || mb < 1 {
			b.Fatalf("CNPLAN_BENCH_MB=%q", s)
		}
	}
	work := b.TempDir()
	bin := build(b, work)
	dir := filepath.Join(work, "corpus")
	size, files := makeCorpus(b, dir, int64(mb)*1e6)
	b.Logf("corpus: %d files, %.1f MB, %d CPUs", files, float64(size)/1e6, runtime.GOMAXPROCS(0))
	var rss, secs float64
	for b.Loop() {
		cmd := exec.Command(bin, "extract", "--format", "jsonl", "--quiet", "-o", os.DevNull, dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
		secs = time.Since(start).Seconds()
		rss = max(rss, peakRSS(cmd))
	}
	b.SetBytes(size)
	b.ReportMetric(secs, "s")
	b.ReportMetric(rss, "peak-RSS-MB")
}

// makeCorpus copies the corpus documents into dir until it holds size
// bytes.
func makeCorpus(b *testing.B, dir string, size int64) (int64, int) {
	b.Helper()
	docs := corpus.All(b)
	var total int64
	n := 0
	for total < size {
		d := docs[n%len(docs)]
		sub := filepath.Join(dir, fmt.Sprintf("%03d", n/1000))
		if n%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d_%s", n, d.Name)), []byte(d.Original), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(d.Original))
		n++
	}
	return total, n
}
