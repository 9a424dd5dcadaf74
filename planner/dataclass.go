package planner

// DataClass is a data class's classification (SPEC §5.2), tried in this
// order.
type DataClass int

const (
	ClassRegenerable DataClass = iota + 1
	ClassCritical
	ClassImportant
	ClassReference
	ClassBulk
)

var dataClassNames = []string{"", "regenerable", "critical", "important", "reference", "bulk"}

func (c DataClass) String() string { return enumName(dataClassNames, int(c), "DataClass") }
