package planner_test

import (
	"path/filepath"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A module that failed to load is partial; planning it must not panic.
func TestPartialModulesDoNotPanic(t *testing.T) {
	planner.PlanModule(nil)
	planner.PlanModule(&lang.Module{})
	dirs, _ := filepath.Glob("../lang/testdata/*/*")
	for _, dir := range dirs {
		m, _ := lang.LoadDir(dir)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: PlanModule panics: %v", dir, r)
				}
			}()
			planner.PlanModule(m)
		}()
	}
}
