package planner

import "fmt"

// The planner's small enumerations live one to a file (standby.go,
// writemode.go, guard.go, dataclass.go, replication.go, action.go,
// outcome.go, edgekind.go); each String is the word the views print and the
// JSON carries.

func enumName(names []string, i int, typ string) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return names[i]
}
