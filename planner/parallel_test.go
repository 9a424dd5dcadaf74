package planner

import (
	"reflect"
	"testing"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/lang"
)

// Scenarios played on all cores give the plan of a serial run, in both
// shapes of a generated module.
func TestParallelScenariosAreSerial(t *testing.T) {
	t.Parallel()
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		dir := t.TempDir()
		if err := gen.Write(dir, gen.Options{Services: 300, Files: 10, Shape: shape}); err != nil {
			t.Fatal(err)
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		serial := PlanModuleWith(m, Options{ScenarioWorkers: 1})
		parallel := PlanModuleWith(m, Options{ScenarioWorkers: 4})
		if len(serial.Scenarios) == 0 {
			t.Fatal("no scenarios")
		}
		if !reflect.DeepEqual(serial.Scenarios, parallel.Scenarios) {
			t.Fatalf("%s: scenarios played in parallel differ from a serial run's", shape)
		}
	}
}

// Options' zero value is the defaults; what is set is kept.
func TestOptionsDefaults(t *testing.T) {
	t.Parallel()
	d := Options{}.parallel()
	if d.workers < 1 || d.scenarioWorkers < 1 || d.grain != DefaultGrain {
		t.Errorf("zero Options give %+v", d)
	}
	if got := (Options{Workers: 3, ScenarioWorkers: 2, Grain: 7}).parallel(); got != (parallel{workers: 3, scenarioWorkers: 2, grain: 7}) {
		t.Errorf("Options{3, 2, 7} give %+v", got)
	}
	// A serial run calls body once, over everything, on the caller.
	calls := 0
	parallel{workers: 1, grain: 1}.each(100, func(lo, hi int) {
		calls++
		if lo != 0 || hi != 100 {
			t.Errorf("serial range [%d, %d)", lo, hi)
		}
	})
	if calls != 1 {
		t.Errorf("serial run called body %d times", calls)
	}
	// Several workers cover every item exactly once.
	seen := make([]int32, 1000)
	parallel{workers: 4, grain: 10}.each(len(seen), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			seen[i]++
		}
	})
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("item %d visited %d times", i, n)
		}
	}
}
