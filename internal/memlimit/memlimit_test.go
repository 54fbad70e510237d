package memlimit

import (
	"math"
	"runtime/debug"
	"testing"
)

// The limit follows the input in flight, and is the runtime's.
func TestHoldMovesTheLimit(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	release := Hold(1 << 20)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("a governor not enabled set a limit: %d", got)
	}
	release()
	Enable(64<<20, 7)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("limit %d with nothing in flight, want none", got)
	}
	a := Hold(10 << 20)
	b := Hold(1 << 20)
	if got, want := debug.SetMemoryLimit(-1), int64(64<<20+7*11<<20); got != want {
		t.Fatalf("limit %d, want %d", got, want)
	}
	a()
	b()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("limit %d after release, want none", got)
	}
}
