package planner

// Action is what applying the plan does to one entry. Every entry is a
// create until plans are diffed against a state.
type Action int

const (
	ActionNoOp Action = iota
	ActionCreate
	ActionUpdate
	ActionDelete
)

var actionNames = []string{"no-op", "create", "update", "delete"}

func (a Action) String() string { return enumName(actionNames, int(a), "Action") }
