package planner

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
