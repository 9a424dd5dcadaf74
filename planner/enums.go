package planner

import "fmt"

// The planner's own small enumerations. Each String is the word the views
// print and the JSON carries.

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

// WriteMode is where a service's writes are accepted.
type WriteMode int

const (
	// WriteNone: the service writes no data that counts (none, or only
	// regenerable data), so there is no primary to move.
	WriteNone WriteMode = iota
	WriteSinglePrimary
	WriteMultiPrimary
	// WritePartitioned: each record has a home region chosen by its
	// partition_key; writes for it go there.
	WritePartitioned
)

var writeModeNames = []string{"none", "single-primary", "multi-primary", "partitioned"}

func (w WriteMode) String() string { return enumName(writeModeNames, int(w), "WriteMode") }

// Guard is a split-brain guard for automatic failover of single-primary or
// partitioned writes. Listed in this order.
type Guard int

const (
	GuardQuorum Guard = iota + 1
	GuardFencing
)

var guardNames = []string{"", "quorum", "fencing"}

func (g Guard) String() string { return enumName(guardNames, int(g), "Guard") }

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

// Replication is the strongest cross-region replication a data class gets.
type Replication int

const (
	ReplicationNone Replication = iota
	ReplicationAsync
	ReplicationSemiSync
	ReplicationSync
)

var replicationNames = []string{"none", "async", "semi-sync", "sync"}

func (r Replication) String() string { return enumName(replicationNames, int(r), "Replication") }

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

// Outcome is what a failure scenario does to one service.
type Outcome int

const (
	// OutcomeServing: none of the service's regions is lost and everything
	// it needs is still up.
	OutcomeServing Outcome = iota
	// OutcomeRerouted: an active region is lost but the primary survives;
	// users there are sent to the remaining active regions.
	OutcomeRerouted
	// OutcomeFailedOver: the primary (or the only active region) is lost;
	// a standby or another active region takes over after the service's RTO.
	OutcomeFailedOver
	// OutcomeDown: every region of the service is lost, or something it
	// hard-depends on is down everywhere it could be reached.
	OutcomeDown
)

var outcomeNames = []string{"serving", "rerouted", "failed-over", "down"}

func (o Outcome) String() string { return enumName(outcomeNames, int(o), "Outcome") }

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

func enumName(names []string, i int, typ string) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return names[i]
}
