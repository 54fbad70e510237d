// Package memlimit keeps the Go runtime's soft memory limit in proportion
// to the documents being extracted: a base for the program itself plus a
// number of bytes for every byte of input in flight. The collector then
// works harder as the heap nears what the documents need, instead of
// letting it double past it (a 64 MB document's heap needs about 6 bytes
// a byte; with the collector's default pacing it peaked at twice that).
// The limit is soft: a document that needs more still gets it.
package memlimit

import (
	"math"
	"runtime/debug"
	"sync"
)

var (
	mu       sync.Mutex
	enabled  bool
	base     int64 // bytes for the program itself
	perByte  int64 // bytes allowed per byte of input in flight
	inFlight int64 // bytes of input being extracted
)

// Enable turns the governor on (a program, not a library, decides this):
// from now on the limit is baseBytes + bytesPerByte × the input in flight
// while any is, and none between documents (nor in commands that extract
// nothing).
func Enable(baseBytes, bytesPerByte int64) {
	mu.Lock()
	defer mu.Unlock()
	enabled, base, perByte = true, baseBytes, bytesPerByte
	apply()
}

// Hold counts size bytes of input in flight until the returned function
// is called. Without Enable it does nothing.
func Hold(size int64) (release func()) {
	mu.Lock()
	defer mu.Unlock()
	if !enabled {
		return func() {}
	}
	inFlight += size
	apply()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		inFlight -= size
		apply()
	}
}

func apply() {
	if inFlight == 0 {
		debug.SetMemoryLimit(math.MaxInt64) // the runtime's default: none
		return
	}
	debug.SetMemoryLimit(base + perByte*inFlight)
}
