package lang

import (
	"time"

	"github.com/mrplan/mrplan/providers"
	"github.com/mrplan/mrplan/units"
)

// Assumptions are the constants the planner's estimates rest on (SPEC §5.6).
// Each has a default, a documented meaning and a source, is printed in
// reports, and can be overridden in `mrplan { assumptions { ... } }`.
type Assumptions struct {
	DetectionTime           time.Duration // health checks notice a dead region
	ManualDecisionTime      time.Duration // people decide to fail over by hand
	DefaultPromotionTime    time.Duration // when a product's catalog entry has none
	ColdStandbyProvision    time.Duration // redeploying compute for a cold standby
	RestoreThroughput       int64         // bytes restored per hour from backups
	RouteFactor             float64       // fibre route length over the great circle
	FibreSpeedKmPerMs       float64       // light in fibre, km per millisecond
	ShortHopDistanceKm      float64       // below this, a fixed overhead dominates
	ShortHopOverhead        time.Duration // the fixed overhead of a short hop
	Tier0MaxRTO             time.Duration // derived tier 0 at or below
	Tier1MaxRTO             time.Duration // derived tier 1 at or below
	HotStandbyMaxRTO        time.Duration // standby hot at or below
	WarmStandbyMaxRTO       time.Duration // standby warm at or below, cold above
	AutomaticFailoverMaxRTO time.Duration // tier 1 fails over automatically below
	ImportantLossTolerance  time.Duration // data class important at or below
	ReferenceReadRatio      float64       // data class reference at read/write ≥
	ObjectReplicationSize   int64         // bulk data at or above gets object replication
	FailoverDrillMaxAge     time.Duration // an older drill is stale
	QueueBacklog            time.Duration // how long a message waits in a queue before it is consumed

	// Relative cost (SPEC §10), in units of one region of a service.
	CostActiveRegion   float64 // each region that serves traffic
	CostHotStandby     float64 // a hot standby region
	CostWarmStandby    float64 // a warm standby region
	CostColdStandby    float64 // a cold standby region: storage only
	CostReplica        float64 // a copy of a data class where its owner does not run
	CostRegionMonth    float64 // what one region of a service costs a month, in dollars
	CostTransferPerGB  float64 // dollars per GB sent to another region
	CostWriteSize      int64   // bytes one write sends to each copy
	RegionAvailability float64 // percent: one region of a service, store or dependency
	GlobalAvailability float64 // percent: a global or multi-region catalog service
}

// AssumptionKind is the unit an assumption is written in.
type AssumptionKind int

const (
	AssumeDuration AssumptionKind = iota + 1
	AssumeNumber
	AssumeSize
)

// AssumptionDef documents one assumption: its attribute name inside
// `assumptions {}`, its unit, its default as written, what it means and where
// the default comes from.
type AssumptionDef struct {
	Name    string
	Kind    AssumptionKind
	Default string
	Doc     string
	Source  string
	// Field returns a pointer to the value inside a: *time.Duration for
	// durations, *float64 for numbers, *int64 for sizes.
	Field func(a *Assumptions) any
}

const (
	srcAWSDR     = "https://docs.aws.amazon.com/wellarchitected/latest/framework/rel_planning_for_recovery_disaster_recovery.html"
	srcFibre     = "https://mapyourtech.com/the-5-microsecond-rule-fiber-propagation-latency-per-kilometer/"
	srcRTT       = "https://gist.github.com/caius/21eca095ba281393f0616e2325410278"
	srcAzureRTT  = "https://learn.microsoft.com/azure/networking/azure-network-latency"
	srcR53Health = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html"
	srcSpec      = "SPEC.md §5"
	// No public page read for mrplan states a standby's cost as a fraction
	// of a region's, nor a single inter-region transfer price (AWS's rates
	// depend on the source and destination region, and its pricing pages
	// render them outside their text; checked 2026-12-04). So these
	// defaults are mrplan's own, and their sources say so.
	srcDROptions = "mrplan's assumption (set it from your bill); the standby strategies are those of https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html"
	srcTransfer  = "mrplan's assumption (set it from your bill); AWS charges by source and destination region: https://aws.amazon.com/blogs/architecture/overview-of-data-transfer-costs-for-common-architectures/"
	srcCost      = "SPEC.md §10 (mrplan's assumption: set it from your bill)"
	srcQueues    = "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regional-services.html"
)

// AssumptionDefs lists every assumption in the order reports print them.
var AssumptionDefs = []AssumptionDef{
	{"detection_time", AssumeDuration, "30s",
		"Time for health checks to declare a region or zone dead (3 failed checks at a 10 s interval).",
		srcR53Health, func(a *Assumptions) any { return &a.DetectionTime }},
	{"manual_decision_time", AssumeDuration, "30m",
		"Time for people to be paged, agree and start a manual failover.",
		srcAWSDR, func(a *Assumptions) any { return &a.ManualDecisionTime }},
	{"default_promotion_time", AssumeDuration, "1m",
		"Promotion or switchover time of a store whose catalog entry gives none.",
		srcAWSDR, func(a *Assumptions) any { return &a.DefaultPromotionTime }},
	{"cold_standby_provision_time", AssumeDuration, "1h",
		"Time to redeploy a cold standby's compute from infrastructure as code before it can serve.",
		srcAWSDR, func(a *Assumptions) any { return &a.ColdStandbyProvision }},
	{"restore_throughput", AssumeSize, "500GB",
		"Data restored from backups per hour, for the restore time of backup-restore.",
		srcAWSDR, func(a *Assumptions) any { return &a.RestoreThroughput }},
	{"route_factor", AssumeNumber, "1.5",
		"How much longer real fibre routes and switching make a round trip than the great circle (measured 1.2 to 2.0 on long hauls). Unset, round trips come from published measurements and the model fitted to them; set, from this simple model.",
		srcRTT, func(a *Assumptions) any { return &a.RouteFactor }},
	{"fibre_speed_km_per_ms", AssumeNumber, "200",
		"Speed of light in optical fibre, kilometres per millisecond (group index about 1.47).",
		srcFibre, func(a *Assumptions) any { return &a.FibreSpeedKmPerMs }},
	{"short_hop_distance_km", AssumeNumber, "500",
		"Below this distance a fixed overhead, not distance, dominates the round trip (simple model only; setting it replaces the fitted model).",
		srcAzureRTT, func(a *Assumptions) any { return &a.ShortHopDistanceKm }},
	{"short_hop_overhead", AssumeDuration, "5ms",
		"The fixed overhead added to a short hop's round trip (measured 5 to 10 ms under 500 km; simple model only, setting it replaces the fitted model).",
		srcAzureRTT, func(a *Assumptions) any { return &a.ShortHopOverhead }},
	{"tier0_max_rto", AssumeDuration, "5m",
		"A service whose objective has an RTO at or below this is derived tier 0.",
		srcSpec, func(a *Assumptions) any { return &a.Tier0MaxRTO }},
	{"tier1_max_rto", AssumeDuration, "4h",
		"A service whose objective has an RTO at or below this is derived tier 1.",
		srcSpec, func(a *Assumptions) any { return &a.Tier1MaxRTO }},
	{"hot_standby_max_rto", AssumeDuration, "1m",
		"An active-passive service whose RTO is at or below this keeps a hot standby.",
		srcSpec, func(a *Assumptions) any { return &a.HotStandbyMaxRTO }},
	{"warm_standby_max_rto", AssumeDuration, "30m",
		"An active-passive service whose RTO is at or below this keeps a warm standby; above it, cold.",
		srcSpec, func(a *Assumptions) any { return &a.WarmStandbyMaxRTO }},
	{"automatic_failover_max_rto", AssumeDuration, "15m",
		"A tier 1 service whose RTO is below this fails over automatically; otherwise by hand.",
		srcSpec, func(a *Assumptions) any { return &a.AutomaticFailoverMaxRTO }},
	{"important_loss_tolerance", AssumeDuration, "1h",
		"A data class whose loss tolerance is at or below this is classified important.",
		srcSpec, func(a *Assumptions) any { return &a.ImportantLossTolerance }},
	{"reference_read_ratio", AssumeNumber, "10",
		"A data class read at least this many times as often as it is written is classified reference.",
		srcSpec, func(a *Assumptions) any { return &a.ReferenceReadRatio }},
	{"object_replication_size", AssumeSize, "1TiB",
		"Bulk data at or above this size is also copied by object replication, not only backed up.",
		srcSpec, func(a *Assumptions) any { return &a.ObjectReplicationSize }},
	{"failover_drill_max_age", AssumeDuration, "90d",
		"A failover drill older than this no longer counts as tested.",
		srcSpec, func(a *Assumptions) any { return &a.FailoverDrillMaxAge }},
	{"cost_active_region", AssumeNumber, "1",
		"Relative cost of each region that serves traffic; 1 is the service in one region with no standby.",
		srcCost, func(a *Assumptions) any { return &a.CostActiveRegion }},
	{"cost_hot_standby", AssumeNumber, "1",
		"Relative cost of a hot standby region: it runs at full size, ready to take over (multi-site).",
		srcDROptions, func(a *Assumptions) any { return &a.CostHotStandby }},
	{"cost_warm_standby", AssumeNumber, "0.5",
		"Relative cost of a warm standby region: a scaled-down copy that is scaled up on failover.",
		srcDROptions, func(a *Assumptions) any { return &a.CostWarmStandby }},
	{"cost_cold_standby", AssumeNumber, "0.1",
		"Relative cost of a cold standby region: data copies and backups only, compute deployed on failover (pilot light, backup and restore).",
		srcDROptions, func(a *Assumptions) any { return &a.CostColdStandby }},
	{"cost_replica", AssumeNumber, "0.1",
		"Relative cost of a copy of a data class in a region where its owner does not run (a replica kept for readers there): storage only, as a cold standby.",
		srcCost, func(a *Assumptions) any { return &a.CostReplica }},
	{"cost_region_month", AssumeNumber, "10000",
		"What one region of a service costs a month, in dollars: transfer prices are weighed against it.",
		srcCost, func(a *Assumptions) any { return &a.CostRegionMonth }},
	{"cost_transfer_per_gb", AssumeNumber, "0.02",
		"Dollars per GB sent from one region to another.",
		srcTransfer, func(a *Assumptions) any { return &a.CostTransferPerGB }},
	{"cost_write_size", AssumeSize, "1KiB",
		"Bytes each write of a data class sends to each of its copies in other regions.",
		srcCost, func(a *Assumptions) any { return &a.CostWriteSize }},
	{"queue_backlog", AssumeDuration, "5m",
		"How long a message waits in a queue before it is consumed, in normal operation: what a region loss takes of a queue that keeps no backups and is published to one region only.",
		srcQueues, func(a *Assumptions) any { return &a.QueueBacklog }},
	{"region_availability", AssumeNumber, "99.95",
		"Availability, in percent, of one region of a service, store or dependency, for composing availability: the single-region SLA typical of managed databases (Amazon RDS Multi-AZ: 99.95%).",
		"https://aws.amazon.com/rds/sla/", func(a *Assumptions) any { return &a.RegionAvailability }},
	{"global_availability", AssumeNumber, "99.99",
		"Availability, in percent, of a global or multi-region catalog service (DNS, identity, CDN), for composing availability: the SLA typical of global front doors (Azure Front Door: 99.99%).",
		"https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services", func(a *Assumptions) any { return &a.GlobalAvailability }},
}

// DefaultAssumptions returns the assumptions with every default applied.
func DefaultAssumptions() Assumptions {
	var a Assumptions
	for _, def := range AssumptionDefs {
		if err := def.Set(&a, def.Default); err != nil {
			panic("bad default for assumption " + def.Name + ": " + err.Error())
		}
	}
	return a
}

// Set parses text in the definition's unit and stores it in a.
func (def AssumptionDef) Set(a *Assumptions, text string) error {
	switch p := def.Field(a).(type) {
	case *time.Duration:
		d, err := units.ParseDuration(text)
		if err != nil {
			return err
		}
		*p = d
	case *int64:
		n, err := units.ParseSize(text)
		if err != nil {
			return err
		}
		*p = n
	case *float64:
		var f float64
		if _, err := fmtSscan(text, &f); err != nil {
			return err
		}
		*p = f
	}
	return nil
}

// Format prints the value of the assumption held in a, in its unit.
func (def AssumptionDef) Format(a *Assumptions) string {
	switch p := def.Field(a).(type) {
	case *time.Duration:
		return units.FormatDuration(*p)
	case *int64:
		return units.FormatSize(*p)
	case *float64:
		return formatNumber(*p)
	}
	return ""
}

// Geo returns the assumptions that round-trip estimates rest on.
//
// With the default route factor and short-hop terms the estimates use the
// model fitted to published measurements; a module that sets any of them
// asks for the simple model with its own figures.
func (a *Assumptions) Geo() providers.GeoParams {
	d := providers.DefaultGeoParams()
	return providers.GeoParams{
		RouteFactor:        a.RouteFactor,
		FibreSpeedKmPerMs:  a.FibreSpeedKmPerMs,
		ShortHopDistanceKm: a.ShortHopDistanceKm,
		ShortHopOverhead:   a.ShortHopOverhead,
		Fitted: a.RouteFactor == d.RouteFactor && a.ShortHopDistanceKm == d.ShortHopDistanceKm &&
			a.ShortHopOverhead == d.ShortHopOverhead,
	}
}
