package planner

// SetParallel makes the planner run its phases on n goroutines, splitting
// work down to grain entities, and returns a function that restores the
// defaults. n = 1 is a serial run.
func SetParallel(n, grain int) (restore func()) {
	w, sw, g := workers, scenarioWorkers, parallelGrain
	workers = func() int { return n }
	scenarioWorkers = func() int { return n }
	parallelGrain = grain
	return func() { workers, scenarioWorkers, parallelGrain = w, sw, g }
}
