package bench

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
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
				childRSS, err := timeRSS(cmd)
				secs = time.Since(start).Seconds()
				if code := cmd.ProcessState.ExitCode(); code > 1 {
					b.Fatalf("exit %d: %v %s", code, err, stderr.String())
				}
				if !strings.Contains(counter.last, `"value":95`) {
					b.Fatalf("the good document's target is missing: %s", stderr.String())
				}
				out, rss = counter.n, max(rss, childRSS)
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
	line []byte // the line being written
}

func (w *countWriter) Write(p []byte) (int, error) {
	n := len(p)
	w.n += int64(n)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			w.line = append(w.line, p...)
			break
		}
		w.line = append(w.line, p[:i+1]...)
		w.last, w.line = string(w.line), w.line[:0]
		p = p[i+1:]
	}
	return n, nil
}

var _ io.Writer = (*countWriter)(nil)

// timeRSS runs cmd under GNU time when it is installed and returns the
// child's own peak RSS in MB (rusage of a child started by this process
// counts this process's memory too); else peakRSS.
func timeRSS(cmd *exec.Cmd) (float64, error) {
	gnuTime, err := exec.LookPath("time")
	if err != nil || gnuTime == "" {
		err := cmd.Run()
		return peakRSS(cmd), err
	}
	report, err := os.CreateTemp("", "cnplan-rss-*")
	if err != nil {
		return 0, err
	}
	report.Close()
	defer os.Remove(report.Name())
	wrapped := exec.Command(gnuTime, append([]string{"-f", "%M", "-o", report.Name(), "--"}, cmd.Args...)...)
	wrapped.Stdin, wrapped.Stdout, wrapped.Stderr = cmd.Stdin, cmd.Stdout, cmd.Stderr
	err = wrapped.Run()
	cmd.ProcessState = wrapped.ProcessState
	data, _ := os.ReadFile(report.Name())
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0, err
	}
	kb, _ := strconv.ParseFloat(fields[len(fields)-1], 64)
	return kb / 1024, err
}
