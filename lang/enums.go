package lang

import "fmt"

// The language's small enumerations. Each type's zero value means "not set"
// (the planner decides), and its String is the word written in a module.

// Criticality is a service's business importance (SPEC §3, §5.1).
type Criticality int

const (
	CriticalityUnset Criticality = iota
	CriticalityCore
	CriticalityImportant
	CriticalityAuxiliary
)

var criticalityNames = []string{"", "core", "important", "auxiliary"}

func (c Criticality) String() string { return enumName(criticalityNames, int(c), "Criticality") }

// Topology is a service's deployment shape. TopologyAuto lets the planner choose.
type Topology int

const (
	TopologyAuto Topology = iota
	TopologyActiveActive
	TopologyActivePassive
	TopologySingleRegion
)

var topologyNames = []string{"auto", "active-active", "active-passive", "single-region"}

func (t Topology) String() string { return enumName(topologyNames, int(t), "Topology") }

// FailoverMode is how a service fails over. FailoverAuto lets the planner choose.
type FailoverMode int

const (
	FailoverAuto FailoverMode = iota
	FailoverAutomatic
	FailoverManual
)

var failoverNames = []string{"auto", "automatic", "manual"}

func (f FailoverMode) String() string { return enumName(failoverNames, int(f), "FailoverMode") }

// RoutingPolicy is how traffic reaches a service. RoutingAuto lets the planner choose.
type RoutingPolicy int

const (
	RoutingAuto RoutingPolicy = iota
	RoutingLatency
	RoutingGeo
	RoutingWeighted
	RoutingFailover
)

var routingNames = []string{"auto", "latency", "geo", "weighted", "failover"}

func (r RoutingPolicy) String() string { return enumName(routingNames, int(r), "RoutingPolicy") }

// FailureDomain is the scope of a failure: a zone, a region, a metro (the
// regions of different providers in one city), a country; and, beyond any
// objective's survive scope, a whole provider or one dependency.
type FailureDomain int

const (
	DomainZone FailureDomain = iota + 1
	DomainRegion
	DomainMetro
	DomainCountry
	// DomainProvider and DomainDependency are failure scenarios only: an
	// objective cannot ask to survive them.
	DomainProvider
	DomainDependency
)

var domainNames = []string{"", "zone", "region", "metro", "country", "provider", "dependency"}

// surviveNames are the domains an objective's survive may name.
var surviveNames = domainNames[:DomainCountry+1]

func (d FailureDomain) String() string { return enumName(domainNames, int(d), "FailureDomain") }

// Uniqueness says whether a data value must be unique across regions.
type Uniqueness int

const (
	UniquenessNone Uniqueness = iota
	UniquenessRegional
	UniquenessGlobal
)

var uniquenessNames = []string{"none", "regional", "global"}

func (u Uniqueness) String() string { return enumName(uniquenessNames, int(u), "Uniqueness") }

// Conflict is how concurrent writes from two regions resolve. ConflictUnset
// lets the planner choose.
type Conflict int

const (
	ConflictUnset Conflict = iota
	ConflictSingleWriter
	ConflictLWW
	ConflictCRDT
	ConflictMerge
)

var conflictNames = []string{"", "single-writer", "lww", "crdt", "merge"}

func (c Conflict) String() string { return enumName(conflictNames, int(c), "Conflict") }

// Consistency is what readers of a data class need.
type Consistency int

const (
	ConsistencyUnset Consistency = iota
	ConsistencyEventual
	ConsistencyStrong
)

var consistencyNames = []string{"", "eventual", "strong"}

func (c Consistency) String() string { return enumName(consistencyNames, int(c), "Consistency") }

// Mechanism is one way of keeping a data class in sync across regions
// (SPEC §5.3). The order here is the order mechanisms are listed in output.
type Mechanism int

const (
	MechSyncReplication Mechanism = iota + 1
	MechSemiSyncReplication
	MechAsyncReplication
	MechMessageQueue
	MechSecondaryRead
	MechOnDemandFetch
	MechRegenerate
	MechBackupRestore
)

var mechanismNames = []string{"", "sync-replication", "semi-sync-replication", "async-replication",
	"message-queue", "secondary-read", "on-demand-fetch", "regenerate", "backup-restore"}

func (m Mechanism) String() string { return enumName(mechanismNames, int(m), "Mechanism") }

// DependencyKind is what a dependency block stands for.
type DependencyKind int

const (
	DepThirdParty DependencyKind = iota + 1
	DepDNS
	DepIdentity
	DepQueue
	DepCache
	DepDatabase
	DepObjectStore
	DepSecrets
	DepRunbook
	DepOther
	DepCDN
	DepCompute
)

var dependencyKindNames = []string{"", "third-party", "dns", "identity", "queue", "cache", "database",
	"object-store", "secrets", "runbook", "other", "cdn", "compute"}

func (k DependencyKind) String() string {
	return enumName(dependencyKindNames, int(k), "DependencyKind")
}

// enumWords lists the words accepted for an enumeration, in declaration
// order, skipping the unset value; decoders use it for "must be one of"
// messages and parsing.
func enumWords(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// enumName is the word for i, or TYPE(i) for a value outside the enum, so
// that printing a corrupt value shows it instead of panicking.
func enumName(names []string, i int, typ string) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return names[i]
}
