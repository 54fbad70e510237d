package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/document"
)

// BenchmarkExtract is a batch run over the corpus held in memory: decode,
// clean, normalise and extract each document on the worker pool,
// results in order. jobs=1 is one core's speed, jobs=N all of them; MB/s
// is of input bytes; alloc-B/in-B the bytes allocated per input byte. The corpus is repeated 20 times per operation (1.7
// MB), so that every worker has work.
func BenchmarkExtract(b *testing.B) {
	var inputs []Line // N: index into names; Data: the file's bytes
	var names []string
	size := 0
	for range 20 {
		for _, d := range corpus.All(b) {
			data, err := os.ReadFile(d.Path)
			if err != nil {
				b.Fatal(err)
			}
			inputs = append(inputs, Line{N: len(names), Data: data})
			names = append(names, filepath.Base(d.Path))
			size += len(data)
		}
	}
	for _, jobs := range slices.Compact([]int{1, runtime.GOMAXPROCS(0)}) {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				failed := 0
				err := Ordered(context.Background(), slices.Values(inputs), func(_ context.Context, in Line) Result {
					return extractBytes(context.Background(), names[in.N], in.Data, document.Options{})
				}, func(r Result) error {
					if r.Err != nil {
						failed++
					}
					return nil
				}, Options{Jobs: jobs})
				if err != nil || failed > 0 {
					b.Fatal(err, failed)
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(size), "alloc-B/in-B")
		})
	}
}
