package meta

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
)

// BenchmarkExtract runs Extract over every normalised corpus document;
// MB/s is of their bytes.
func BenchmarkExtract(b *testing.B) {
	var texts []string
	size := 0
	for _, d := range corpus.All(b) {
		texts = append(texts, d.Normalised)
		size += len(d.Normalised)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Extract(t)
		}
	}
}
