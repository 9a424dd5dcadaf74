package views

import (
	"strings"

	"github.com/mrplan/mrplan/planner"
)

// reasonTexts words every planner.ReasonCode. {0}, {1}, … are the reason's
// Args. A reason explains the value it sits under, so it does not repeat it.
var reasonTexts = map[planner.ReasonCode]string{
	planner.TierExplicit:    "tier = {0} is set in the module",
	planner.TierCriticality: "criticality = {0}",
	planner.TierFromRTO:     "rto {0} {1}",
	planner.TierNoObjective: "no criticality and no rto to derive a tier from",
	planner.TierRevenue:     "revenue = true moves derived tier {0} one step up, to {1}",

	planner.TopologyExplicit:    "topology = \"{0}\" is set in the module",
	planner.TopologyByTier:      "tier {0} services run {1}",
	planner.TopologyOneRegion:   "only one region ({1}) is listed",
	planner.TopologyColdStandby: "tier 2 with {0} regions: one serves, the others are rebuilt from backups when it fails",

	planner.StandbyByRTO:     "rto {0} {1}",
	planner.StandbyTier2:     "tier 2 standbys are rebuilt from infrastructure as code and backups",
	planner.StandbyNoRTO:     "no rto objective, so warm by default",
	planner.StandbyNotNeeded: "{0} keeps no standby",
	planner.StandbyEscalated: "a {0} one would take {1}, over the rto of {2}",

	planner.WriteNoData:             "writes no data that must survive a failover",
	planner.WriteOnePrimary:         "{0} accepts writes in one region at a time",
	planner.WriteCriticalUnkeyed:    "{0} is critical and has no partition_key: one primary, regional read replicas",
	planner.WriteAllPartitioned:     "every record of {0} has a home region by its partition_key",
	planner.WriteSingleWriterData:   "{0}: {1}",
	planner.WriteMultiPrimaryAllows: "{0} can take writes in every region and resolve conflicts",
	planner.WriteMix:                "decided per data class: {0}",

	planner.PatternOneRegion:    "one region: {0}",
	planner.PatternZones:        "one region, {1} zones in {2}",
	planner.PatternSameCity:     "every region is in {0}",
	planner.PatternCrossCity:    "{0}, all in {1}",
	planner.PatternCrossCountry: "regions in {0}",
	planner.PatternUnknownGeo:   "assumed, since there is no geography for {0}",

	planner.RoutingExplicit:    "routing.policy = \"{0}\" is set in the module",
	planner.RoutingActive:      "active-active: users go to the nearest healthy region",
	planner.RoutingPartitioned: "partitioned writes: geo routing sends users to a region near them by where they are, not by partition key; a write for a record homed elsewhere is forwarded to its home region by the application or a partition-aware router",
	planner.RoutingStandby:     "active-passive: everyone goes to the primary until it fails",
	planner.RoutingOneRegion:   "one region, nothing to route between",

	planner.FailoverExplicit:  "failover = \"{0}\" is set in the module",
	planner.FailoverTier0:     "tier 0",
	planner.FailoverTier1Fast: "tier 1 with rto {0} < {1}",
	planner.FailoverTier1Slow: "tier 1 with rto {0} ≥ {1}",
	planner.FailoverTier2:     "tier {0}",
	planner.FailoverNoTarget:  "one region, nothing to fail over to: recovery is by hand",
	planner.FailoverNoRTO:     "tier {0} without an rto objective",
	planner.FailoverEscalated: "a {0} one would take {1}, over the rto of {2}",

	planner.GuardNotNeededManual:    "no automatic failover, so people decide who is primary",
	planner.GuardNotNeededOneRegion: "one region: there is no second primary to fear",
	planner.GuardNotNeededWrites:    "write_mode {0}: no single primary to split",
	planner.GuardQuorumRegions:      "quorum: {0} regions vote on the primary",
	planner.GuardQuorumWitness:      "quorum: witness region {0} breaks the tie between two regions",
	planner.GuardNoQuorum:           "no quorum: {0} regions and no witness cannot outvote a partition",
	planner.GuardEvenVoters:         "quorum of {1} out of {0} voters: an even number, so a split in half elects nobody and writes wait; a witness region makes it odd",
	planner.GuardStoreQuorum:        "quorum: {0} elects its leader by a quorum of its own replicas and refuses writes without one",
	planner.GuardNoCoordinator:      "no quorum to hold: {0} is partitioned on a store that takes writes in every region, so no primary is elected; a lost partition's home moves by routing",
	planner.GuardFencingTokens:      "fencing: writes from a demoted primary are refused by token",
	planner.GuardProviderFenced:     "no module-side quorum: the provider decides the failover of {0} and fences the old write region itself, so no second primary can accept writes",

	planner.RPOWorstData: "the worst over the data it writes: {0} at {1}",
	planner.RPONoData:    "writes no data that must survive a failover",

	planner.RTOSum:               "{sum}",
	planner.RTOZone:              "{sum}, for a zone loss (survive = \"zone\")",
	planner.RTOUnbounded:         "one region ({0}) and no standby: a region loss lasts as long as the outage",
	planner.RTOUnboundedZones:    "one region ({0}) and no standby: a region loss lasts as long as the outage; losing one of its {1} zones is a zone-level recovery of {2}",
	planner.RTOPartitionsMove:    "no promotion for {0}: partitioned on a store that takes writes everywhere, so each lost partition's home moves",
	planner.AvailabilityComposed: "{0} = {1}, in series over hard dependencies, regions in parallel",
	planner.RTONotEscalated:      "not escalated: even {0} would take {1}, over the rto of {2}",

	planner.ClassRegenerableData: "regenerable = true",
	planner.ClassZeroLoss:        "loss tolerance {0}",
	planner.ClassRealtimeUnique:  "realtime with global uniqueness",
	planner.ClassWithinLoss:      "loss tolerance {0} ≤ {1}",
	planner.ClassReadHeavy:       "read_rate {0} ≥ {2} × write_rate {1}",
	planner.ClassOtherwiseBulk:   "loss tolerance {0}, and not read-heavy",

	planner.LossExplicit:    "loss_tolerance is set in the module",
	planner.LossFromWriters: "the strictest rpo of its writers: {0}",
	planner.LossUnknown:     "no loss_tolerance, and no writer has an rpo",

	planner.ConflictExplicit:      "conflict = \"{0}\" is set in the module",
	planner.ConflictOneWriter:     "writes go to one region at a time",
	planner.ConflictPartitionKey:  "one writer per record: partition_key = \"{0}\"",
	planner.ConflictConsensus:     "{0} orders every write by consensus, so writes from several regions never conflict",
	planner.ConflictCatalog:       "multi-primary writes, resolved by what {1} offers",
	planner.ConflictInApplication: "{1} resolves by {2} only, so the {0} merge lives in the application: it must write so that no region's update is overwritten (per-region items or commutative updates) and merge on read",

	planner.WritePenaltyRTT:       "round trip {0} ↔ {1}, {2} km apart, {5}; light in fibre needs at least {4}",
	planner.WritePenaltyNone:      "no synchronous channel",
	planner.WritePenaltyOneRegion: "one region",

	planner.MechForced:            "{0}: forced by sync in the module",
	planner.MechRegenerated:       "{0}: regenerable, so rebuilt or re-issued after a failover, never copied",
	planner.MechZeroLossSync:      "{0}: zero loss is required and {1} offers it; it adds {2}, within the {3} write budget",
	planner.MechZeroLossSemiSync:  "{0}: zero loss is required; waiting for the nearest replica adds {2}, within the {3} write budget (full sync would add {4})",
	planner.MechSyncOverBudget:    "{0}: zero loss is required, but it adds {2}, over the {3} write budget",
	planner.MechNoZeroLoss:        "{0}: {1} offers no synchronous replication, so up to {2} of lag can be lost",
	planner.MechAsyncWithinLoss:   "{0}: loss tolerance {1} allows a lag of {2}{3}",
	planner.MechAsyncOverLoss:     "{0}: its lag {2} is over the loss tolerance {1}, and nothing better fits the write budget",
	planner.MechSyncForLoss:       "{0}: the lag {2} is over the loss tolerance {1}; it adds {3}, within the {4} write budget",
	planner.MechSyncNoAsync:       "{0}: {1} offers no asynchronous replication; it adds {2}, within the {3} write budget",
	planner.MechSecondChannel:     "{0}: a second, independent channel, so critical data never rests on one",
	planner.MechReadFromOrigin:    "{0}: a read that misses its local copy goes to the origin region",
	planner.MechFetchOnDemand:     "{0}: {1} cannot replicate within the write budget, so copies are fetched from the origin when needed",
	planner.MechBackups:           "{0}: backups every {1}",
	planner.MechObjectReplication: "{0}: size {1} ≥ {2}, so objects are copied as well as backed up",
	planner.MechOneRegion:         "{0}: it lives in one region ({1}); backups are its only copy elsewhere",
	planner.MechNotReplicable:     "{0}: {1} cannot replicate across regions",

	planner.RPOSyncChannel:     "{0} loses nothing acknowledged",
	planner.RPOSemiSyncChannel: "{0} on {1} loses nothing acknowledged while a replica acknowledges in time; past the source's timeout (MySQL's rpl_semi_sync_source_timeout, 10s by default) it falls back to asynchronous replication, and a failover then loses what was written since",
	planner.RPOReplicaLag:      "{0}: {1} lags about {2}",
	planner.RPOBackup:          "the last backup, every {0}",
	planner.RPORegenerable:     "does not count: the data is regenerated",

	planner.CopiesRemoteRead:  "{0} runs in {1} ({2}), outside residency {4}: it reads from {3} on demand instead of keeping a copy",
	planner.BackupInFootprint: "the region nearest {1} that holds the data{2}, so that losing {1} does not lose the backups",
	planner.BackupElsewhere:   "the region nearest {1}{2}: the data lives in no other region allowed to hold it",
	planner.BackupAtHome:      "no other region{1}: the backups stay in {0} and are lost with it",

	planner.CostActive:      "+{2}: {0} × {1} (cost_active_region)",
	planner.CostStandby:     "+{3}: {0} × {2} (cost_{1}_standby)",
	planner.CostReplicas:    "+{3}: {1} of {0} where the service does not run × {2} (cost_replica)",
	planner.CostTransfer:    "+{4}: {0} sends about {1} GB a month to {2} at ${3}/GB (cost_transfer_per_gb, cost_write_size, cost_region_month)",
	planner.CostSyncPremium: "+{5}: {1} charges {3} of a region more for each synchronous region, {2} for {0} ({4})",

	planner.RPOReplicaLagBound: "{0}: {1} lags about {2} typically; its documented bound is {3}, the worst case",
	planner.RPOZoneCopies:      "survive = \"zone\": {0}, zone-redundant (multi-AZ, ZRS), keeps synchronous copies across the {2} zones of {1}, so a zone loss loses nothing acknowledged",
	planner.RPOZoneStandby:     "survive = \"zone\": a synchronous standby of {0} in another zone of {1} loses nothing acknowledged in a zone loss; the plan assumes you run one",
	planner.RPOZoneLag:         "survive = \"zone\": {0}'s replicas in the other zones of {1} trail by about {2}",
	planner.RPOWorstDataZone:   "the worst over the data it writes, for a zone loss (survive = \"zone\"): {0} at {1}",
	planner.RPODualPublish:     "{0}: each message is acknowledged once queues in two regions hold it, so losing one region loses nothing acknowledged",
	planner.RPOInFlight:        "{0} keeps no backups: the messages in flight when its region is lost are lost with it, up to the queue backlog of {1} (an assumption)",
	planner.MechDualPublish:    "{0}: {1} keeps no backups and does not replicate, so a lost region takes the messages in flight (about {2} of backlog) and the loss tolerance is {3}: publish each message to a queue in a second region (dual publish), or write it to an outbox in replicated storage in the same transaction and relay it from there",
	planner.MechQueueInFlight:  "no channel: {0} keeps no backups and does not replicate; a lost region takes the messages in flight (about {1} of backlog), within the loss tolerance of {2}; dual publish or an outbox would keep them",
	planner.RTOPromotionLease:  "{0} moves leadership by lease in about {1}: nobody promotes it",
	planner.RTOPromotionGrace:  "{0}'s service-managed failover waits its {1} grace period before it takes {2}",
	planner.RTOPromotionByYou:  "{0} fails over in {1} once you trigger it; its service-managed failover would first wait {2}",
	planner.WritePenaltyQuorum: "a write from {0} waits for a majority of {1} of {2} voters: the round trip to {3}, {6}; light in fibre needs at least {5} (waiting for the farthest region would take {7})",
}

// noteTexts words every planner.NoteKind.
var noteTexts = map[planner.NoteKind]string{
	planner.NoteMechanismNotOffered:  "{0} is forced by sync, but {1} does not offer it",
	planner.NoteSyncOverBudget:       "{0} between {3} and {4} adds {1}, over the {2} write latency budget",
	planner.NoteNoZeroLossChannel:    "critical data, but {0} offers no synchronous replication",
	planner.NoteSingleChannel:        "critical data kept in sync by one channel only ({0})",
	planner.NoteTopologyNeedsRegions: "topology = \"{0}\" needs two or more regions, and the service lists one",
	planner.NoteConflictNotOffered:   "conflict = \"{0}\" is not offered by {1}",
	planner.NoteNoQuorum:             "automatic failover between {0} regions with no witness has no quorum",
	planner.NoteUnknownProduct:       "{0} is not in any catalog, so it is assumed not to replicate",
	planner.NoteNoGeography:          "region {0} has no geography, so distances and patterns involving it are guesses",
	planner.NoteFailoverNoTarget:     "failover = \"automatic\", but the service has one region and nowhere to fail over to",
	planner.NoteLWWSinglePrimary:     "conflict = \"lww\", but every write goes to one primary ({0}): nothing concurrent to resolve",
	planner.NoteUniqueUnderLWW:       "globally unique values under last writer wins: a second write of a key replaces the first",
	planner.NoteAvailabilityShort:    "composed availability {0} is below the objective's {1}",
}

// ExplainReason puts a planner reason into words a reviewer can check.
func ExplainReason(r planner.Reason) string {
	switch r.Code {
	case planner.RTOSum:
		return rtoSum(r.Args)
	case planner.RTOZone:
		return rtoSum(r.Args) + ", for a zone loss (survive = \"zone\")"
	}
	args := r.Args
	if r.Code == planner.MechAsyncWithinLoss && len(args) > 3 && args[3] != "" {
		args = append(append([]string{}, args[:3]...), ", and sync would add ≥ "+args[3])
	}
	return fill(reasonTexts[r.Code], args)
}

// ExplainNote puts a planner note into words.
func ExplainNote(n planner.Note) string { return fill(noteTexts[n.Kind], n.Args) }

func rtoSum(args []string) string {
	var terms []string
	for i := 0; i+1 < len(args); i += 2 {
		terms = append(terms, args[i]+" "+args[i+1])
	}
	return strings.Join(terms, " + ")
}

// fill replaces {0}, {1}, … in text by args; a missing arg is left empty.
func fill(text string, args []string) string {
	if text == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '{' && i+2 < len(text) && text[i+2] == '}' && text[i+1] >= '0' && text[i+1] <= '9' {
			if n := int(text[i+1] - '0'); n < len(args) {
				b.WriteString(args[n])
			}
			i += 2
			continue
		}
		b.WriteByte(text[i])
	}
	return b.String()
}
