package planner

import "github.com/hashicorp/hcl/v2"

// Note records a constraint in the module that cannot hold, or a choice the
// planner had to make against an objective. The planner keeps the constraint
// and says so; the checks turn notes into findings.
type Note struct {
	Kind NoteKind
	// Attr is the attribute at fault ("sync", "topology", "conflict"), and
	// Range its source range (the element of a list when there is one), or
	// the block's declaration when no attribute is to blame.
	Attr  string
	Range hcl.Range
	// Args are the values the note cites, as for Reason; each kind's comment
	// lists them.
	Args []string
}

// NoteKind says what cannot hold.
type NoteKind int

const (
	NoteInvalid NoteKind = iota
	// NoteMechanismNotOffered: `sync` forces a replication mechanism the
	// product does not offer. Args: mechanism, product.
	NoteMechanismNotOffered
	// NoteSyncOverBudget: a synchronous channel adds more than the write
	// latency budget. Args: mechanism, penalty, budget, region a, region b.
	NoteSyncOverBudget
	// NoteNoZeroLossChannel: critical data whose product offers no
	// synchronous or semi-synchronous replication. Args: product.
	NoteNoZeroLossChannel
	// NoteSingleChannel: critical data kept in sync by one channel only.
	// Args: mechanism.
	NoteSingleChannel
	// NoteTopologyNeedsRegions: an explicit topology that needs several
	// regions on a service with one. Args: topology.
	NoteTopologyNeedsRegions
	// NoteConflictNotOffered: an explicit conflict resolution the product
	// does not offer, on data written in several regions. Args: conflict, product.
	NoteConflictNotOffered
	// NoteNoQuorum: automatic failover of single-primary or partitioned
	// writes with fewer than three failure domains and no witness.
	// Args: number of regions.
	NoteNoQuorum
	// NoteUnknownProduct: the data class's product is not in any catalog, so
	// the planner assumes it cannot replicate. Args: product.
	NoteUnknownProduct
	// NoteNoGeography: a region with no coordinates; distances and patterns
	// involving it are guesses. Args: region.
	NoteNoGeography
	// NoteFailoverNoTarget: failover = "automatic" on a service with one
	// region, which has nowhere to fail over to. Args: (none).
	NoteFailoverNoTarget
	// NoteLWWSinglePrimary: conflict = "lww" on data whose writes all go to
	// one primary: nothing concurrent is resolved, so the design and the
	// module disagree. Args: home region.
	NoteLWWSinglePrimary
	// NoteUniqueUnderLWW: conflict = "lww" on globally unique data
	// (idempotency keys, ledger entries): a concurrent duplicate silently
	// overwrites the first. Args: (none).
	NoteUniqueUnderLWW
	// NoteAvailabilityShort: the composed availability is below the
	// objective's availability target. Args: composed, target.
	NoteAvailabilityShort
)

var noteKindNames = []string{"", "mechanism-not-offered", "sync-over-budget", "no-zero-loss-channel",
	"single-channel", "topology-needs-regions", "conflict-not-offered",
	"no-quorum", "unknown-product", "no-geography", "failover-no-target", "lww-single-primary", "unique-under-lww", "availability-short"}

func (k NoteKind) String() string { return enumName(noteKindNames, int(k), "NoteKind") }
