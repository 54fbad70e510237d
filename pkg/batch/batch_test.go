package batch

import (
	"context"
	"errors"
	"iter"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// count yields 0..n-1, keeping track of how many values were taken.
func count(n int, taken *atomic.Int64) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			taken.Add(1)
			if !yield(i) {
				return
			}
		}
	}
}

// Results come out in input order whatever the number of jobs and however
// long each input takes.
func TestOrderedKeepsInputOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 3, 8, 32} {
		var taken atomic.Int64
		var got []int
		err := Ordered(context.Background(), count(300, &taken), func(_ context.Context, i int) int {
			time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			return i * i
		}, func(v int) error {
			got = append(got, v)
			return nil
		}, Options{Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		want := make([]int, 300)
		for i := range want {
			want[i] = i * i
		}
		if !slices.Equal(got, want) {
			t.Errorf("jobs %d: results out of order: %v", jobs, got[:20])
		}
	}
}

// A slow first input does not make the run take the whole corpus: the
// feeder stops Window (+2: one it holds, one the emitter holds) ahead of
// the last result emitted. That is what keeps memory bounded.
func TestOrderedWindowBoundsHeldResults(t *testing.T) {
	var taken, emitted atomic.Int64
	var most int64
	release := make(chan struct{})
	opt := Options{Jobs: 4, Window: 10}
	done := make(chan error)
	go func() {
		done <- Ordered(context.Background(), count(1000, &taken), func(_ context.Context, i int) int {
			if i == 0 {
				<-release
			}
			return i
		}, func(int) error {
			emitted.Add(1)
			most = max(most, taken.Load()-emitted.Load())
			return nil
		}, opt)
	}()
	time.Sleep(50 * time.Millisecond)
	if n := taken.Load(); n > int64(opt.Window+2) {
		t.Errorf("with the first input stuck, %d inputs taken; want at most %d", n, opt.Window+2)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if most > int64(opt.Window+2) || emitted.Load() != 1000 {
		t.Errorf("%d emitted, at most %d held; want 1000 and at most %d", emitted.Load(), most, opt.Window+2)
	}
}

// An error from emit stops the run: the rest of the inputs are not taken
// and the error comes back.
func TestOrderedStopsOnEmitError(t *testing.T) {
	var taken atomic.Int64
	stop := errors.New("stop")
	var worked atomic.Int64
	var got []int
	err := Ordered(context.Background(), count(100000, &taken), func(_ context.Context, i int) int {
		worked.Add(1)
		return i
	}, func(v int) error {
		got = append(got, v)
		if v == 5 {
			return stop
		}
		return nil
	}, Options{Jobs: 3, Window: 6})
	if err != stop {
		t.Fatalf("err %v, want stop", err)
	}
	if !slices.Equal(got, []int{0, 1, 2, 3, 4, 5}) {
		t.Errorf("emitted %v", got)
	}
	if n := worked.Load(); n > 6+6+3 {
		t.Errorf("%d inputs worked on after a stop at the 6th", n)
	}
}

func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var taken atomic.Int64
	n := 0
	err := Ordered(ctx, count(100000, &taken), func(_ context.Context, i int) int { return i }, func(int) error {
		n++
		if n == 10 {
			cancel()
		}
		return nil
	}, Options{Jobs: 2})
	if !errors.Is(err, context.Canceled) || taken.Load() > 100 {
		t.Fatalf("err %v after %d taken", err, taken.Load())
	}
}

func TestOrderedEmpty(t *testing.T) {
	var taken atomic.Int64
	err := Ordered(context.Background(), count(0, &taken), func(_ context.Context, i int) int { return i },
		func(int) error { t.Fatal("emit called"); return nil }, Options{})
	if err != nil {
		t.Fatal(err)
	}
}
