package report

import (
	"io"
	"testing"
)

// BenchmarkReport1000 builds and writes the page of the browser test's
// 1,000 documents (the corpus copied), from extracted documents.
func BenchmarkReport1000(b *testing.B) {
	docs := thousand(b)
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, Build(docs, Options{})); err != nil {
			b.Fatal(err)
		}
	}
}
