package batch

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
)

// BenchmarkLinear checks that extraction is linear in document size: one
// document of N MB (default 64; CNPLAN_LINEAR_MB sets N) against N
// documents of 1 MB each, the same bytes in the same order. Each MB is
// corpus.Megabyte, so both runs read the same prose, tables and task
// lists. The
// MB/s of the two should be within 1.2× of each other; a loop quadratic
// in the size of a document shows as a whole-document MB/s that falls as
// N grows. Run with -benchtime 1x: one operation of 64 MB takes several
// seconds.
func BenchmarkLinear(b *testing.B) {
	n := corpus.SizeFromEnv(b, "CNPLAN_LINEAR_MB", 64)
	piece := corpus.Megabyte(b)
	whole := bytes.Repeat(piece, n)
	opt := document.Options{MaxSize: int64(len(whole)) + 1}
	run := func(b *testing.B, docs [][]byte) {
		b.SetBytes(int64(len(whole)))
		b.ReportAllocs()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for b.Loop() {
			for i, data := range docs {
				if r := extractBytes(context.Background(), strconv.Itoa(i), data, opt); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		}
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(whole)), "alloc-B/in-B")
	}
	pieces := make([][]byte, n)
	for i := range pieces {
		pieces[i] = piece
	}
	b.Run(fmt.Sprintf("pieces=%dx1MB", n), func(b *testing.B) { run(b, pieces) })
	b.Run(fmt.Sprintf("whole=%dMB", n), func(b *testing.B) { run(b, [][]byte{whole}) })
}
