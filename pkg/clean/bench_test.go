package clean

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

// BenchmarkClean cleans every corpus document, normalised as the pipeline
// gives it to Clean. MB/s is of the normalised text.
func BenchmarkClean(b *testing.B) {
	var views []*textview.View
	size := 0
	for _, d := range corpus.All(b) {
		v, err := normalize.View(textview.Decoded(d.Original), normalize.DetectScript(d.Original))
		if err != nil {
			b.Fatal(err)
		}
		views = append(views, v)
		size += len(v.Text)
	}
	if _, err := loadRules(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			if _, err := Clean(v, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
