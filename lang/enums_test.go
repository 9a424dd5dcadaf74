package lang

import (
	"fmt"
	"testing"
)

// TestEnumStringsOutOfRange: a value outside an enum prints as TYPE(n)
// instead of panicking, and every value inside it prints its word.
func TestEnumStringsOutOfRange(t *testing.T) {
	for _, c := range []struct {
		value fmt.Stringer
		want  string
	}{
		{Criticality(-1), "Criticality(-1)"},
		{Topology(99), "Topology(99)"},
		{FailoverMode(7), "FailoverMode(7)"},
		{RoutingPolicy(42), "RoutingPolicy(42)"},
		{FailureDomain(-3), "FailureDomain(-3)"},
		{Uniqueness(9), "Uniqueness(9)"},
		{Conflict(50), "Conflict(50)"},
		{Consistency(8), "Consistency(8)"},
		{Mechanism(100), "Mechanism(100)"},
		{DependencyKind(77), "DependencyKind(77)"},
		{TopologyActivePassive, "active-passive"},
		{CriticalityCore, "core"},
	} {
		if got := c.value.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.value, got, c.want)
		}
	}
}
