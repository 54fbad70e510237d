package region_test

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/region"
)

// BenchmarkDetect measures Detect on every corpus document, with the title
// and issuers of corpusRegions where it knows them.
func BenchmarkDetect(b *testing.B) {
	docs := corpus.All(b)
	type input struct {
		title, body string
		issuers     []string
	}
	var in []input
	size := 0
	for _, d := range docs {
		x := input{body: d.Normalised}
		for _, tt := range corpusRegions {
			if tt.doc == d.Prefix() {
				x.title, x.issuers = tt.title, tt.issuers
			}
		}
		in = append(in, x)
		size += len(x.title) + len(x.body)
		for _, is := range x.issuers {
			size += len(is)
		}
	}
	region.Detect("", nil, "") // compile the gazetteer outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, x := range in {
			region.Detect(x.title, x.issuers, x.body)
		}
	}
}

// BenchmarkDetectRunes is BenchmarkDetect with the bodies already decoded,
// as the pipeline hands them on.
func BenchmarkDetectRunes(b *testing.B) {
	docs := corpus.All(b)
	type input struct {
		title   string
		issuers []string
		body    []rune
	}
	var in []input
	size := 0
	for _, d := range docs {
		x := input{body: []rune(d.Normalised)}
		for _, tt := range corpusRegions {
			if tt.doc == d.Prefix() {
				x.title, x.issuers = tt.title, tt.issuers
			}
		}
		in = append(in, x)
		size += len(x.title) + len(d.Normalised)
		for _, is := range x.issuers {
			size += len(is)
		}
	}
	region.DetectRunes("", nil, nil) // compile the gazetteer outside the timing
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, x := range in {
			region.DetectRunes(x.title, x.issuers, x.body)
		}
	}
}
