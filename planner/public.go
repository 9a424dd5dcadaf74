package planner

import "github.com/mrplan/mrplan/lang"

// Plan decides the architecture of m (SPEC §5). It is pure and
// deterministic. m is expected to have loaded without errors, but a partial
// module never makes Plan panic: what cannot be resolved is left out.
func Plan(m *lang.Module) *Architecture {
	return newPlanner(m).plan()
}
