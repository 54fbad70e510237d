package batch

import (
	"fmt"
	"testing"
)

func TestParseShard(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Shard
	}{{"1/1", Shard{1, 1}}, {"2/4", Shard{2, 4}}, {"4/4", Shard{4, 4}}, {" 3 / 7 ", Shard{3, 7}}} {
		if got, err := ParseShard(c.in); err != nil || got != c.want {
			t.Errorf("%q: %v %v", c.in, got, err)
		}
	}
	for _, in := range []string{"", "1", "0/3", "4/3", "-1/3", "1/0", "a/b", "1/3/5", "1.5/3"} {
		if _, err := ParseShard(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// Every path falls in exactly one shard, the same one each time, and the
// shares are about even.
func TestShardPartitions(t *testing.T) {
	const n, paths = 4, 4000
	sizes := make([]int, n)
	for i := range paths {
		p := fmt.Sprintf("corpus/%03d/%06d.txt", i/1000, i)
		in := 0
		for s := 1; s <= n; s++ {
			if (Shard{s, n}).Has(p) {
				in++
				sizes[s-1]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shards", p, in)
		}
	}
	for s, size := range sizes {
		if size < paths/n*8/10 || size > paths/n*12/10 {
			t.Errorf("shard %d/%d has %d of %d paths", s+1, n, size, paths)
		}
	}
	if !(Shard{}).Has("x") || !(Shard{1, 1}).Has("x") {
		t.Error("the whole corpus misses a path")
	}
	// Fixed values: a change of hash would silently reshuffle CI shards.
	if !(Shard{1, 4}).Has("testdata/corpus/000_571d2753694579d4.txt") {
		t.Error("the shard of a known path changed")
	}
}
