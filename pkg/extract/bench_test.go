package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/segment"
)

// BenchmarkExtract measures the whole pipeline per document — decode,
// clean, normalise, extract — over the corpus documents, in MB/s of
// input.
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Dir(), "*.txt"))
	var inputs [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, data := range inputs {
			d, err := document.FromBytes(paths[k], data, document.Options{})
			if err != nil {
				b.Fatal(err)
			}
			Extract(d)
		}
	}
}

// BenchmarkSegmentCorpus is the reference for BenchmarkExtract: gse
// segmentation alone of the same documents' cleaned text (what
// `cnplan segment` does; extraction itself needs no segmentation).
func BenchmarkSegmentCorpus(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Dir(), "*.txt"))
	var texts []string
	size := 0
	for _, p := range paths {
		d, err := document.Read(p, nil, document.Options{})
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, d.Body.Text)
		data, _ := os.ReadFile(p)
		size += len(data)
	}
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			seg.Cut(t)
		}
	}
}
