// Package batch runs cnplan over a corpus: a pool of workers reads and
// extracts the inputs while the results are handed on in input order, so a
// run gives the same bytes whatever its parallelism, and holds only a
// bounded window of results, so its memory is set by the largest input and
// not by the size of the corpus.
package batch

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// Options set a run's parallelism.
type Options struct {
	// Jobs is the number of workers; below 1 it is runtime.GOMAXPROCS(0),
	// the CPUs this process may use.
	Jobs int
	// Window is the most inputs taken but not yet emitted: being worked
	// on, or done and waiting for an earlier one to finish. Below Jobs it
	// is 4×Jobs, which keeps every worker busy when inputs vary in size
	// without holding many results.
	Window int
}

func (o Options) resolve() (jobs, window int) {
	jobs = o.Jobs
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	window = o.Window
	if window < jobs {
		window = 4 * jobs
	}
	return jobs, window
}

// Ordered calls work on each value of in, on opt.Jobs goroutines, and emit
// with each result in the order of in: the results of a run are the same
// whatever the number of jobs. At most opt.Window values are taken from in
// ahead of the last one emitted, so a slow input delays the run but does
// not make it hold the whole corpus.
//
// emit runs on one goroutine at a time. When it returns an error the run
// stops: no more values are taken from in, ctx passed to work is
// cancelled, and Ordered returns that error once the workers have ended
// (each finishes the input it holds). Ordered also stops, returning
// ctx.Err(), when ctx is cancelled. Ordered does not wait for in itself:
// an iterator blocked reading (standard input, say) sees the stop when it
// next yields.
func Ordered[In, Out any](ctx context.Context, in iter.Seq[In], work func(context.Context, In) Out, emit func(Out) error, opt Options) error {
	jobs, window := opt.resolve()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type task struct {
		in  In
		out chan Out // buffered: a worker never waits for the emitter
	}
	// pending holds each taken input's result channel in input order;
	// its capacity is the window, so the feeder waits when the emitter
	// falls that far behind.
	pending := make(chan chan Out, window)
	tasks := make(chan task)

	go func() { // feeder
		defer close(pending)
		defer close(tasks)
		for v := range in {
			out := make(chan Out, 1)
			select {
			case pending <- out:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- task{v, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			for {
				select {
				case t, ok := <-tasks:
					if !ok {
						return
					}
					t.out <- work(ctx, t.in)
				case <-ctx.Done():
					return
				}
			}
		})
	}

	var err error
emitting:
	for out := range pending {
		select {
		case r := <-out:
			if err = emit(r); err != nil {
				break emitting
			}
		case <-ctx.Done():
			break emitting
		}
	}
	if err == nil {
		err = ctx.Err()
	}
	cancel()
	workers.Wait()
	return err
}
