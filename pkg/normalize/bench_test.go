package normalize

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cnplan/cnplan/pkg/textview"
)

// BenchmarkView detects the script of every corpus document and normalises
// its decoded view, as the pipeline does. MB/s is of the original text.
func BenchmarkView(b *testing.B) {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no corpus")
	}
	var texts []string
	var views []*textview.View
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		views = append(views, textview.Decoded(string(data)))
		size += len(data)
	}
	if _, err := converter(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			if _, err := View(views[i], DetectScript(t)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
