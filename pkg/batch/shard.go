package batch

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"
)

// Shard is one part of a partition of the inputs, for CI matrix jobs that
// each extract a share of a corpus: shard Index of Count, counting from 1
// as CI matrices and test runners (jest --shard=1/3) do. The zero Shard is
// the whole corpus.
type Shard struct {
	Index, Count int
}

// ParseShard reads "I/N", 1 ≤ I ≤ N.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return Shard{}, fmt.Errorf("want I/N with 1 ≤ I ≤ N (e.g. 2/4), not %q", s)
	}
	return Shard{Index: index, Count: count}, nil
}

func (s Shard) String() string {
	if s.Count == 0 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Has reports whether path is in the shard. The choice depends on the path
// alone (its FNV-1a hash, with / as separator), not on the other inputs or
// their order, so every job of a matrix given the same arguments takes a
// disjoint share and together they take every input exactly once.
func (s Shard) Has(path string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(path)))
	return int(h.Sum64()%uint64(s.Count)) == s.Index-1
}
