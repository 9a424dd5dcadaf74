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

// Options say how PlanModuleWith spreads its work over goroutines. The
// zero value is PlanModule's: every phase and the scenarios on all cores.
// Every setting gives the same plan; tests compare a serial plan with a
// parallel one, and lower Grain to run small modules on several
// goroutines.
type Options struct {
	// Workers is how many goroutines a phase runs on: 0 is GOMAXPROCS, 1
	// a serial run.
	Workers int
	// ScenarioWorkers is how many failure scenarios are played at once: 0
	// is GOMAXPROCS, 1 one after another.
	ScenarioWorkers int
	// Grain is the fewest entities worth a goroutine of their own; 0 is
	// DefaultGrain.
	Grain int
}

// DefaultGrain is Options.Grain's default: a decision about one entity
// takes a microsecond or so.
const DefaultGrain = 256

// parallel is Options as the phases use them, defaults filled in.
type parallel struct {
	workers, scenarioWorkers int
	grain                    int // the fewest entities worth a goroutine
}

func (o Options) parallel() parallel {
	r := parallel{workers: o.Workers, scenarioWorkers: o.ScenarioWorkers, grain: o.Grain}
	if r.workers <= 0 {
		r.workers = runtime.GOMAXPROCS(0)
	}
	if r.scenarioWorkers <= 0 {
		r.scenarioWorkers = runtime.GOMAXPROCS(0)
	}
	if r.grain <= 0 {
		r.grain = DefaultGrain
	}
	return r
}

// each calls body over ranges [lo, hi) that cover [0, n), on up to
// r.workers goroutines, each range of at least r.grain items; it returns
// when every call has. With one worker, or too few items, body(0, n) runs
// on the calling goroutine.
func (r parallel) each(n int, body func(lo, hi int)) { r.eachOf(n, r.grain, body) }

// eachOf is each with ranges of at least grain items.
func (r parallel) eachOf(n, grain int, body func(lo, hi int)) {
	w := min(r.workers, n/max(1, grain))
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
func (r parallel) both(n int, f, g func()) {
	if r.workers < 2 || n < r.grain {
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
