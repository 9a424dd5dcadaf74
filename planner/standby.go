package planner

// Standby is how ready an active-passive service's standby regions are
// (SPEC §5.4): hot serves within a minute, warm within tens of minutes, cold
// is rebuilt from infrastructure as code and backups.
type Standby int

const (
	StandbyNone Standby = iota // active-active or single-region: no standby
	StandbyHot
	StandbyWarm
	StandbyCold
)

var standbyNames = []string{"none", "hot", "warm", "cold"}

func (s Standby) String() string { return enumName(standbyNames, int(s), "Standby") }
