package batch

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cnplan/cnplan/internal/hostile"
	"github.com/cnplan/cnplan/pkg/document"
)

// BenchmarkHostile extracts each generated worst-case shape at a tenth of
// the size the issue names and at the full size; time and allocation per
// byte should stay flat between the two (linear), and out/in-bytes (the
// JSON written per input byte) small.
func BenchmarkHostile(b *testing.B) {
	for _, s := range hostile.Shapes {
		for _, scale := range []struct {
			name string
			div  int
		}{{"tenth", 10}, {"full", 1}} {
			if s.Name == "one_line.txt" && scale.div == 1 {
				continue // bench/ runs the 200 MB file through the binary
			}
			data := s.Build(s.FullSize / scale.div)
			b.Run(s.Name+"/"+scale.name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				var out int
				for b.Loop() {
					r := extractBytes(context.Background(), s.Name, data, document.Options{})
					out = jsonSize(b, r)
				}
				b.ReportMetric(float64(out)/float64(len(data)), "out/in-bytes")
			})
		}
	}
}

// jsonSize is the size of r's document as JSON Lines output.
func jsonSize(tb testing.TB, r Result) int {
	data, err := json.Marshal(r.Doc)
	if err != nil {
		tb.Fatal(err)
	}
	return len(data) + 1
}
