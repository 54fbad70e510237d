package decode

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBytes decodes every corpus document from its bytes. MB/s is of
// the files' bytes.
func BenchmarkBytes(b *testing.B) {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no corpus")
	}
	var datas [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range datas {
			if _, err := Bytes(filepath.Base(files[i]), data, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}
