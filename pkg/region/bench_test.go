package region_test

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/region"
)

// BenchmarkDetect measures Detect on every corpus document, with the title
// and issuers of corpusRegions where it knows them; runes is DetectRunes
// on the bodies already decoded, as the pipeline hands them on.
func BenchmarkDetect(b *testing.B) {
	type input struct {
		title, body string
		runes       []rune
		issuers     []string
	}
	var in []input
	size := 0
	for _, d := range corpus.All(b) {
		x := input{body: d.Normalised, runes: []rune(d.Normalised)}
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
	b.Run("string", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range in {
				region.Detect(x.title, x.issuers, x.body)
			}
		}
	})
	b.Run("runes", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range in {
				region.DetectRunes(x.title, x.issuers, x.runes)
			}
		}
	})
}
