package providers

// Valid values of a catalog's enumerated fields, in the order documentation
// lists them. lang reports a custom provider's typo against these lists.

// ProductKinds lists every ProductKind.
func ProductKinds() []ProductKind {
	return []ProductKind{KindDatabase, KindCache, KindQueue, KindObjectStore, KindSearch,
		KindIdentity, KindDNS, KindCDN, KindCompute, KindSecrets, KindOther}
}

// Scopes lists every Scope.
func Scopes() []Scope { return []Scope{ScopeRegional, ScopeMultiRegion, ScopeGlobal} }

// ReplicationModes lists every Replication mode.
func ReplicationModes() []Replication {
	return []Replication{ReplicationSync, ReplicationSemiSync, ReplicationAsync, ReplicationNone}
}

// Conflict resolutions a multi-writer product can offer.
const (
	// ConflictLWW: the write with the latest timestamp wins.
	ConflictLWW = "lww"
	// ConflictCRDT: concurrent writes merge by data type (counters add,
	// sets union).
	ConflictCRDT = "crdt"
	// ConflictCustom: the application supplies the merge (a stored
	// procedure, a callback).
	ConflictCustom = "custom"
	// ConflictConsensus: writes in several regions are ordered by a
	// consensus protocol (Paxos, Raft, certification) before they commit,
	// so no conflict survives to be resolved; a losing write is rejected.
	ConflictConsensus = "consensus"
)

// ConflictResolutions lists every conflict resolution.
func ConflictResolutions() []string {
	return []string{ConflictLWW, ConflictCRDT, ConflictCustom, ConflictConsensus}
}

// Continents lists the continent names regions use.
func Continents() []string {
	return []string{"Africa", "Antarctica", "Asia", "Europe", "Middle East", "North America", "Oceania", "South America"}
}

// Fact names: the keys of Product.Sources.
const (
	FactKind         = "kind"
	FactScope        = "scope"
	FactReplication  = "replication"
	FactLag          = "lag"
	FactLagBound     = "lag_bound"
	FactFailover     = "failover"
	FactFailoverBnd  = "failover_bound"
	FactFailoverBy   = "failover_by"
	FactFailoverGrc  = "failover_grace"
	FactPairedOnly   = "paired_only"
	FactWitness      = "witness"
	FactMultiWriter  = "multi_writer"
	FactConflict     = "conflict"
	FactControlPlane = "control_plane"
	FactLimits       = "limits"
)

// Facts lists the facts a product states, in the order views print them.
func Facts() []string {
	return []string{FactKind, FactScope, FactReplication, FactLag, FactLagBound, FactFailover,
		FactFailoverBnd, FactFailoverBy, FactFailoverGrc, FactMultiWriter, FactConflict,
		FactPairedOnly, FactWitness, FactControlPlane, FactLimits}
}

// StatedFacts lists the facts p states: the ones that need a source. Kind,
// scope, replication and multi_writer are always stated; the others when
// they are set.
func (p *Product) StatedFacts() []string {
	out := []string{FactKind, FactScope, FactReplication}
	if p.Lag > 0 {
		out = append(out, FactLag)
	}
	if p.LagBound > 0 {
		out = append(out, FactLagBound)
	}
	if p.Failover > 0 {
		out = append(out, FactFailover)
	}
	if p.FailoverBound > 0 {
		out = append(out, FactFailoverBnd)
	}
	if p.FailoverBy != "" {
		out = append(out, FactFailoverBy)
	}
	if p.FailoverGrace > 0 {
		out = append(out, FactFailoverGrc)
	}
	out = append(out, FactMultiWriter)
	if len(p.Conflict) > 0 {
		out = append(out, FactConflict)
	}
	if p.PairedOnly {
		out = append(out, FactPairedOnly)
	}
	if p.Witness {
		out = append(out, FactWitness)
	}
	if p.ControlPlane != "" {
		out = append(out, FactControlPlane)
	}
	if p.Limits != "" {
		out = append(out, FactLimits)
	}
	return out
}
