package planner

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/lang"
)

// Edge is one arc of the dependency graph: From needs To.
type Edge struct {
	From, To lang.Address
	Kind     EdgeKind
	// Hard: From cannot work without To. Soft edges (a dependency with a
	// fallback, a data class's owner) are drawn but never take From down.
	Hard bool
	// Range is the reference that made the edge (the list element in
	// depends_on, reads, writes, or the data's owner attribute).
	Range hcl.Range
}

// Step is one node on a path through the graph, with the edge that led to
// it (Kind EdgeNone and a zero Range for the first node).
type Step struct {
	Addr  lang.Address
	Kind  EdgeKind
	Range hcl.Range
}

// Gap says that a service cannot work in one of its regions: Missing, which
// it needs (directly or transitively, through hard edges), is not available
// there. Path runs from the service to Missing, both included; a path of
// more than 16 nodes keeps its first 8 and last 8, and Elided counts the
// nodes left out between Path[7] and Path[8].
type Gap struct {
	Region  string
	Missing lang.Address
	Path    []Step
	Elided  int
	// ControlPlane is the region code of Missing's control plane when that
	// is what pins it ("us-east-1" for a product like IAM); "" otherwise.
	ControlPlane string
}
