package hostile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFull writes every shape at full size into $CNPLAN_HOSTILE_DIR,
// for measuring the binary by hand.
func TestWriteFull(t *testing.T) {
	dir := os.Getenv("CNPLAN_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set CNPLAN_HOSTILE_DIR to write the full-size shapes there")
	}
	for _, s := range Shapes {
		if err := os.WriteFile(filepath.Join(dir, s.Name), s.Build(s.FullSize), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
