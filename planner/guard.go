package planner

// Guard is a split-brain guard for automatic failover of single-primary or
// partitioned writes. Listed in this order.
type Guard int

const (
	GuardQuorum Guard = iota + 1
	GuardFencing
)

var guardNames = []string{"", "quorum", "fencing"}

func (g Guard) String() string { return enumName(guardNames, int(g), "Guard") }
