package planner_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A plan made on several goroutines is the plan of a serial run, to the
// byte of its JSON and to the graph's internals, for generated modules of
// both shapes and for every decision table (split into ranges of one
// entity, so that even a small module runs in parallel).
func TestParallelPlanIsSerial(t *testing.T) {
	t.Parallel()
	type module struct {
		name  string
		m     *lang.Module
		grain int
	}
	var mods []module
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		dir := t.TempDir()
		if err := gen.Write(dir, gen.Options{Services: 3000, Shape: shape}); err != nil {
			t.Fatal(err)
		}
		mods = append(mods, module{shape.String(), load(t, dir), 64})
	}
	dirs, err := filepath.Glob(filepath.Join("testdata", "decisions", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no decision modules: %v", err)
	}
	for _, dir := range dirs {
		mods = append(mods, module{filepath.Base(dir), load(t, dir), 1})
	}
	for _, mod := range mods {
		serial := planner.PlanModuleWith(mod.m, planner.Options{Workers: 1, ScenarioWorkers: 1, Grain: mod.grain})
		parallel := planner.PlanModuleWith(mod.m, planner.Options{Workers: 4, ScenarioWorkers: 4, Grain: mod.grain})
		var a, b bytes.Buffer
		if err := views.PlanJSON(&a, serial, nil, views.PlanMeta{}); err != nil {
			t.Fatal(err)
		}
		if err := views.PlanJSON(&b, parallel, nil, views.PlanMeta{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the JSON of a parallel plan differs from a serial plan's", mod.name)
		}
		if !reflect.DeepEqual(serial, parallel) {
			t.Errorf("%s: a parallel plan differs from a serial plan", mod.name)
		}
	}
}
