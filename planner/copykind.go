package planner

// CopyKind is what one copy of a data class is there for (SPEC §10).
type CopyKind int

const (
	// CopyPrimary holds the writes: the home region, or every region that
	// accepts writes when the data is written in several.
	CopyPrimary CopyKind = iota + 1
	// CopyReplica is kept in step by replication (or, for regenerable data,
	// rebuilt there), or restored there from backups when a writer fails
	// over to the region.
	CopyReplica
	// CopyBackup is where the data's backups are kept.
	CopyBackup
	// CopyQueue is a region a message-queue channel carries the writes to.
	CopyQueue
	// CopySecondaryRead is what readers in a region keep of what they fetch
	// from the origin when their local copy misses.
	CopySecondaryRead
)

var copyKindNames = []string{"", "primary", "replica", "backup", "queue", "secondary-read"}

func (k CopyKind) String() string { return enumName(copyKindNames, int(k), "CopyKind") }
