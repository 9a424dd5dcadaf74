package planner

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// The decisions about one service or data class read only what earlier
// phases completed, and write only that entity: such a phase runs on all
// cores over contiguous ranges of entities, and gives the plan of a serial
// run.

// workers is how many goroutines parallelFor uses; tests set it to compare
// a serial plan with a parallel one.
var workers = func() int { return runtime.GOMAXPROCS(0) }

// parallelGrain is the fewest entities worth a goroutine of their own: a
// decision about one entity takes a microsecond or so. Tests lower it to
// run small modules on several goroutines.
var parallelGrain = 256

// parallelFor calls body over ranges [lo, hi) that cover [0, n), on up to
// workers goroutines, each range of at least grain items; it returns when
// every call has. With one worker, or too few items, body(0, n) runs on the
// calling goroutine.
func parallelFor(n, grain int, body func(lo, hi int)) {
	w := min(workers(), n/max(1, grain))
	if w <= 1 {
		if n > 0 {
			body(0, n)
		}
		return
	}
	// A few ranges per worker, taken in turn, so that a worker slowed by
	// the collector or a costlier range does not hold up the others.
	chunks := min(4*w, n/max(1, grain))
	var next atomic.Int64
	var wg sync.WaitGroup
	run := func() {
		for {
			k := int(next.Add(1) - 1)
			if k >= chunks {
				return
			}
			body(k*n/chunks, (k+1)*n/chunks)
		}
	}
	for range w - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run()
		}()
	}
	run()
	wg.Wait()
}

// both runs f and g, which must touch nothing in common, at once when
// there are several workers and n entities are worth it, and returns when
// both have.
func both(n int, f, g func()) {
	if workers() < 2 || n < parallelGrain {
		f()
		g()
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
	g()
	wg.Wait()
}
