package bench

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/cnplan/cnplan/internal/hostile"
)

// BenchmarkHostileBinary runs the binary (extract --format jsonl --jobs 2)
// on each worst-case shape of internal/hostile at the size that once
// stalled or bloated a batch, beside a good document, and reports the
// seconds, the process's peak RSS and the bytes of output per input byte.
// The 200 MB line is refused by the default --max-size (64 MiB); a 60 MB
// line shows what a document at the limit costs.
func BenchmarkHostileBinary(b *testing.B) {
	work := b.TempDir()
	bin := build(b, work)
	const good = "到2025年，全市儿童健康管理率达到95%以上。\n"
	shapes := append(hostile.Shapes, hostile.Shape{Name: "line_60MB.txt", FullSize: 60 << 20, Build: hostile.OneLine})
	for _, s := range shapes {
		dir := filepath.Join(work, strings.TrimSuffix(s.Name, filepath.Ext(s.Name)))
		os.MkdirAll(dir, 0o755)
		data := s.Build(s.FullSize)
		in := int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, s.Name), data, 0o644); err != nil {
			b.Fatal(err)
		}
		data = nil
		// The child's peak RSS starts from this process's (Linux counts
		// the memory a vfork child shares before exec): give it back.
		debug.FreeOSMemory()
		os.WriteFile(filepath.Join(dir, "zz_good.txt"), []byte(good), 0o644)
		b.Run(s.Name, func(b *testing.B) {
			var secs, rss float64
			var out int64
			for b.Loop() {
				cmd := exec.Command(bin, "extract", "--format", "jsonl", "--jobs", "2", dir)
				counter := &countWriter{}
				var stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = counter, &stderr
				start := time.Now()
				err := cmd.Run()
				secs = time.Since(start).Seconds()
				if code := cmd.ProcessState.ExitCode(); code > 1 {
					b.Fatalf("exit %d: %v %s", code, err, stderr.String())
				}
				if !strings.Contains(counter.last, `"value":95`) {
					b.Fatalf("the good document's target is missing: %s", stderr.String())
				}
				out, rss = counter.n, max(rss, peakRSS(cmd))
				b.Logf("%s: %s", s.Name, strings.TrimSpace(stderr.String()))
			}
			b.ReportMetric(secs, "s")
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(float64(out)/float64(in), "out/in")
		})
	}
}

// countWriter counts what is written and keeps the last line.
type countWriter struct {
	n    int64
	last string
	tail []byte
}

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	w.tail = append(w.tail, p...)
	if i := bytes.LastIndexByte(w.tail[:max(len(w.tail)-1, 0)], '\n'); i >= 0 {
		w.tail = w.tail[i+1:]
	}
	if len(w.tail) > 0 && w.tail[len(w.tail)-1] == '\n' {
		w.last = string(w.tail)
	}
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)
