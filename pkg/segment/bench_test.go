package segment

import (
	"runtime"
	"testing"
)

// BenchmarkColdStart loads the dictionaries afresh and cuts the first
// sentence of 001: what a cnplan process does before its first word.
func BenchmarkColdStart(b *testing.B) {
	sentence := firstSentence(corpusDocNamed(b, "001_").Simplified)
	b.ReportAllocs()
	var heap uint64
	for i := 0; i < b.N; i++ {
		s, err := load()
		if err != nil {
			b.Fatal(err)
		}
		s.Cut(sentence)
		if i == 0 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap = ms.HeapInuse
		}
		runtime.KeepAlive(s)
	}
	b.ReportMetric(float64(heap)/(1<<20), "heapMB")
}

// BenchmarkCut cuts the whole corpus with the default Segmenter.
func BenchmarkCut(b *testing.B) {
	s := defaultSegmenter(b)
	docs := corpus(b)
	n := 0
	for _, d := range docs {
		n += len(d.Simplified)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			s.Cut(d.Simplified)
		}
	}
}
