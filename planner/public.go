package planner

import "github.com/mrplan/mrplan/lang"

// PlanModule decides the architecture of m (SPEC §5). It is pure and
// deterministic. m is expected to have loaded without errors, but a partial
// module never makes it panic: what cannot be resolved is left out.
//
// (The entry point cannot share the name of the Plan type it returns.)
func PlanModule(m *lang.Module) *Plan {
	return newPlanner(m, Options{}).plan()
}

// PlanModuleWith is PlanModule run as o says: on how many goroutines, in
// ranges of how many entities. Every o gives the same plan.
func PlanModuleWith(m *lang.Module, o Options) *Plan {
	return newPlanner(m, o).plan()
}
