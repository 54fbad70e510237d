package dict

import "sync"

// generation counts changes to the vocabularies (Extend, Reset), so that
// what a package compiled from them is rebuilt after a change.
var generation uint64

// Compiled holds a value built from vocabularies — a matcher, a map, a
// regular expression — and rebuilds it when the vocabularies have changed
// since it was built. A user's --dict file therefore takes effect whenever
// it is added, and tests can extend and reset vocabularies freely.
type Compiled[T any] struct {
	mu    sync.Mutex
	gen   uint64
	built bool
	val   T
	build func() T
}

// NewCompiled returns a value that build makes on first use.
func NewCompiled[T any](build func() T) *Compiled[T] {
	return &Compiled[T]{build: build}
}

// Get returns the value, building it first if the vocabularies changed.
func (c *Compiled[T]) Get() T {
	mu.RLock()
	gen := generation
	mu.RUnlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.built || c.gen != gen {
		c.val = c.build()
		c.gen, c.built = gen, true
	}
	return c.val
}
