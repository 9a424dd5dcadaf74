package planner

// EdgeKind is why one node of the dependency graph needs another.
type EdgeKind int

const (
	EdgeNone EdgeKind = iota
	EdgeDependsOn
	EdgeReads
	EdgeWrites
	// EdgeOwner: a data class is owned by a service. It is soft: data
	// already replicated stays readable when its owner is down.
	EdgeOwner
)

var edgeKindNames = []string{"", "depends_on", "reads", "writes", "owner"}

func (k EdgeKind) String() string { return enumName(edgeKindNames, int(k), "EdgeKind") }
