package planner

// Decision names one decision of a plan entry: the key a reason is filed
// under ("tier", "topology", …), as the JSON's "reasons" object spells it.
type Decision int

const (
	DecideTier Decision = iota + 1
	DecideTopology
	DecideStandby
	DecideWriteMode
	DecidePattern
	DecideRouting
	DecideFailover
	DecideGuard
	DecideRPO
	DecideRTO
	DecideClass
	DecideLossTolerance
	DecideMechanisms
	DecideConflict
	DecideWritePenalty
	DecideCopies
	DecideBackupRegion
	DecideCost
	DecideAvailability
)

var decisionNames = []string{"", "tier", "topology", "standby", "write_mode", "pattern", "routing",
	"failover", "split_brain_guard", "rpo", "rto", "class", "loss_tolerance", "mechanisms", "conflict",
	"write_penalty", "copies", "backup_region", "cost", "availability"}

func (d Decision) String() string { return enumName(decisionNames, int(d), "Decision") }

// Reason is why the planner decided one thing: a code and the values it
// cites, already printed in the language's units ("5m", "aws.dynamodb",
// "core"), so a reviewer can check them against the module. Each code's
// comment lists its Args in order; internal/views puts them into words.
type Reason struct {
	Decision Decision
	Code     ReasonCode
	Args     []string
}

// ReasonCode is the rule a decision followed.
type ReasonCode int

const (
	ReasonInvalid ReasonCode = iota

	// Tiers (SPEC §5.1).
	TierExplicit    // tier
	TierCriticality // criticality, tier
	TierFromRTO     // rto, threshold ("≤ 5m" or "> 4h"), tier
	TierNoObjective // tier
	TierRevenue     // tier before, tier after

	// Topology (SPEC §5.4).
	TopologyExplicit    // topology
	TopologyByTier      // tier, topology
	TopologyOneRegion   // tier, region
	TopologyColdStandby // number of regions

	// Standby temperature.
	StandbyByRTO     // rto, threshold ("≤ 1m", "≤ 30m", "> 30m"), standby
	StandbyTier2     // standby
	StandbyNoRTO     // standby
	StandbyNotNeeded // topology
	StandbyEscalated // colder standby, its estimated rto, objective rto: the colder one would miss the objective

	// Write mode.
	WriteNoData             // (none)
	WriteOnePrimary         // topology
	WriteCriticalUnkeyed    // data address
	WriteAllPartitioned     // data addresses, comma separated
	WriteSingleWriterData   // data address, why ("conflict = single-writer", "aws.aurora-postgresql accepts writes in one region", "uniqueness = global")
	WriteMultiPrimaryAllows // data addresses, comma separated
	WriteMix                // each data address with its mode, comma separated ("data.a partitioned, data.b single-primary")

	// Pattern.
	PatternOneRegion    // region
	PatternSameCity     // city
	PatternZones        // region, zones, city
	PatternCrossCity    // cities, country
	PatternCrossCountry // countries
	PatternUnknownGeo   // regions without geography

	// Routing.
	RoutingExplicit    // policy
	RoutingActive      // policy
	RoutingPartitioned // policy
	RoutingStandby     // policy
	RoutingOneRegion   // (none)

	// Failover.
	FailoverExplicit  // mode
	FailoverTier0     // mode
	FailoverTier1Fast // rto, threshold
	FailoverTier1Slow // rto, threshold
	FailoverTier2     // tier
	FailoverNoTarget  // (none): one region, nothing to fail over to
	FailoverNoRTO     // tier
	FailoverEscalated // manual mode, its estimated rto, objective rto: manual failover would miss the objective

	// Split-brain guards.
	GuardNotNeededManual    // (none)
	GuardNotNeededOneRegion // (none)
	GuardNotNeededWrites    // write mode
	GuardQuorumRegions      // number of failure domains (regions)
	GuardQuorumWitness      // witness region
	GuardNoQuorum           // number of regions
	GuardEvenVoters         // number of voters (regions, and a witness), majority
	GuardStoreQuorum        // data addresses with their stores, comma separated: stores that elect their leader by their own quorum
	GuardNoCoordinator      // data addresses with their stores, comma separated: partitioned on stores that take writes everywhere
	GuardFencingTokens      // (none)

	// Achieved RPO of a service.
	RPOWorstData // data address, rpo
	RPONoData    // (none)

	// Achieved RTO of a service.
	RTOSum               // terms: name, value, name, value, … (detection, promotion, dns ttl, decision, provisioning, restore)
	RTOUnbounded         // region: one region and no standby, so a region loss lasts as long as the outage
	RTOUnboundedZones    // region, zones, zone-level recovery: as RTOUnbounded, but the loss of one of the region's zones is recovered within it
	RTOZone              // terms as RTOSum: the recovery from a zone loss, the objective's survive scope
	RTOPartitionsMove    // data addresses with their products, comma separated: partitioned on multi-writer stores, so nothing is promoted
	AvailabilityComposed // own availability with its region count, then each hard dependency with its availability ("dependency.x 99.95%"), comma separated, and the product
	RTONotEscalated      // warmer design ("a warm standby with automatic failover"), its estimated rto, objective rto: escalating would still miss it

	// Data classification (SPEC §5.2).
	ClassRegenerableData  // (none)
	ClassZeroLoss         // loss tolerance
	ClassRealtimeUnique   // (none)
	ClassWithinLoss       // loss tolerance, threshold
	ClassReadHeavy        // read rate, write rate, ratio
	ClassOtherwiseBulk    // loss tolerance ("unknown" when no writer has an rpo)
	LossExplicit          // loss tolerance
	LossFromWriters       // service address, rpo
	LossUnknown           // (none)
	ConflictExplicit      // conflict
	ConflictOneWriter     // (none): writes happen in one region at a time
	ConflictPartitionKey  // partition key
	ConflictCatalog       // conflict, product
	ConflictConsensus     // product
	ConflictInApplication // conflict, product, what the product offers: the merge lives in the application
	WritePenaltyRTT       // region a, region b, distance km, estimate, floor, how (measured (source) or estimated)
	WritePenaltyNone      // (none): no synchronous channel
	WritePenaltyOneRegion // (none)

	// Sync mechanisms (SPEC §5.3); Args start with the mechanism.
	MechForced            // mechanism
	MechRegenerated       // mechanism
	MechZeroLossSync      // mechanism, product, penalty, budget
	MechZeroLossSemiSync  // mechanism, product, penalty, budget, sync penalty
	MechSyncOverBudget    // mechanism, product, penalty, budget
	MechNoZeroLoss        // mechanism, product, lag
	MechAsyncWithinLoss   // mechanism, loss tolerance, lag, sync penalty ("" when sync is not offered)
	MechAsyncOverLoss     // mechanism, loss tolerance, lag
	MechSyncForLoss       // mechanism, loss tolerance, lag, penalty, budget
	MechSyncNoAsync       // mechanism, product, penalty, budget
	MechSecondChannel     // mechanism
	MechReadFromOrigin    // mechanism
	MechFetchOnDemand     // mechanism, product
	MechBackups           // mechanism, backup interval
	MechObjectReplication // mechanism, size, threshold
	MechOneRegion         // mechanism, region
	MechNotReplicable     // mechanism, product

	// Achieved RPO of a data class.
	RPOSyncChannel     // mechanism
	RPOSemiSyncChannel // mechanism, product: zero only while a replica acknowledges within the source's timeout
	RPOReplicaLag      // mechanism, product, lag
	RPOBackup          // backup interval
	RPORegenerable     // (none)

	// Copies and residency (SPEC §10).
	CopiesRemoteRead  // reader service, region, its country, region read from, residency
	BackupInFootprint // backup region, home region, residency phrase (", inside residency EU", "" when none)
	BackupElsewhere   // backup region, home region, residency phrase
	BackupAtHome      // home region, residency phrase

	// Relative cost (SPEC §10); the last Arg is always the term's value.
	CostActive      // "2 active regions", factor, value
	CostStandby     // "1 warm standby region", warmth, factor, value
	CostReplicas    // data address, "2 copies" where the owner does not run, factor, value
	CostTransfer    // data address, GB a month, "2 other regions" sent to, price per GB, value
	CostSyncPremium // data address, product, "1 synchronous region", premium, source, value

	// Catalog semantics, queues and zone scope (appended so that earlier
	// codes keep their values).
	RPOReplicaLagBound  // mechanism, product, typical lag, documented bound
	RPOZoneCopies       // product, region, zones: synchronous copies across the zones of the home region
	RPOZoneLag          // product, region, lag: replicas in other zones trail asynchronously
	RPOWorstDataZone    // data address, rpo: as RPOWorstData, for a zone loss (survive = "zone")
	RPODualPublish      // mechanism, product: each message is acknowledged once two regions hold it
	RPOInFlight         // product, backlog: the messages not yet consumed are lost with the region
	MechDualPublish     // mechanism, product, backlog, loss tolerance
	MechQueueInFlight   // product, backlog, loss tolerance: no second channel is needed, or none fits
	RTOPromotionLease   // product, lease time: consensus moves leadership, nobody promotes
	RTOPromotionGrace   // product, grace, failover: the service-managed failover waits its grace period first
	RTOPromotionByYou   // product, failover, grace: customer-triggered; the service-managed alternative would wait the grace
	RPOZoneStandby      // product, region: a self-run store's synchronous standby in another zone, which the plan assumes
	WritePenaltyQuorum  // leader region, majority size, voters, quorum region, estimate, floor, how, farthest pair estimate
	GuardProviderFenced // data addresses with their stores, comma separated: the provider decides the failover and fences the old write region itself

	reasonCodeCount
)

// ReasonCodes lists every code, for views that must word each one.
func ReasonCodes() []ReasonCode {
	out := make([]ReasonCode, 0, reasonCodeCount-1)
	for c := ReasonInvalid + 1; c < reasonCodeCount; c++ {
		out = append(out, c)
	}
	return out
}

func because(d Decision, c ReasonCode, args ...string) Reason {
	return Reason{Decision: d, Code: c, Args: args}
}
