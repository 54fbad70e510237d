package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/cnplan/cnplan/internal/corpus"
)

// BenchmarkLargeDocument runs the binary (extract --format jsonl --jobs 1)
// on one document of N MB (default 64, CNPLAN_LARGE_MB sets N; the default
// --max-size is 64 MiB) and on N documents of 1 MB holding the same bytes
// (corpus.Megabyte). It reports each
// run's seconds, MB/s and the process's peak RSS per MB of document; the
// whole document's MB/s should be within 1.2× of the pieces' and its
// peak memory (RSS-MB/doc-MB, of the largest document) bounded by a few
// times its size.
func BenchmarkLargeDocument(b *testing.B) {
	n := corpus.SizeFromEnv(b, "CNPLAN_LARGE_MB", 64)
	work := b.TempDir()
	bin := build(b, work)
	piece := corpus.Megabyte(b)
	pieces, whole := filepath.Join(work, "pieces"), filepath.Join(work, "whole")
	os.MkdirAll(pieces, 0o755)
	os.MkdirAll(whole, 0o755)
	for i := range n {
		if err := os.WriteFile(filepath.Join(pieces, fmt.Sprintf("%03d.txt", i)), piece, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(whole, "whole.txt"), bytes.Repeat(piece, n), 0o644); err != nil {
		b.Fatal(err)
	}
	size := int64(len(piece)) * int64(n)
	debug.FreeOSMemory() // the child's RSS starts from this process's
	for _, run := range []struct {
		name, dir string
		docMB     float64 // the largest document's size
	}{
		{fmt.Sprintf("pieces=%dx1MB", n), pieces, float64(len(piece)) / 1e6},
		{fmt.Sprintf("whole=%dMB", n), whole, float64(size) / 1e6},
	} {
		b.Run(run.name, func(b *testing.B) {
			var secs, rss float64
			for b.Loop() {
				cmd := exec.Command(bin, "extract", "--format", "jsonl", "--jobs", "1", "--quiet", "-o", os.DevNull, run.dir)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				start := time.Now()
				childRSS, err := timeRSS(cmd)
				secs = time.Since(start).Seconds()
				if err != nil {
					b.Fatalf("%v: %s", err, stderr.String())
				}
				rss = max(rss, childRSS)
			}
			b.SetBytes(size)
			b.ReportMetric(secs, "s")
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(rss/run.docMB, "RSS-MB/doc-MB")
		})
	}
}
