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
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		dir := t.TempDir()
		if err := gen.Write(dir, gen.Options{Services: 300, Files: 10, Shape: shape}); err != nil {
			t.Fatal(err)
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		saved := scenarioWorkers
		scenarioWorkers = func() int { return 1 }
		serial := PlanModule(m)
		scenarioWorkers = func() int { return 4 }
		parallel := PlanModule(m)
		scenarioWorkers = saved
		if len(serial.Scenarios) == 0 {
			t.Fatal("no scenarios")
		}
		if !reflect.DeepEqual(serial.Scenarios, parallel.Scenarios) {
			t.Fatalf("%s: scenarios played in parallel differ from a serial run's", shape)
		}
	}
}
