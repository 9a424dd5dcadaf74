// Package planner turns a decoded module into an architecture plan (SPEC §5):
// business tiers, data classes, sync mechanisms, topology, write mode,
// routing and failover for every service, estimates of achieved RPO and RTO,
// the dependency graph with per-region availability (the hidden
// single-region dependencies), and failure scenarios for every zone, region
// and country.
//
// The entry point is PlanModule, which returns a *Plan. Every decision
// carries a typed Reason (a ReasonCode and the values it cites) that views
// put into words; constraints in the module that cannot hold are kept and
// recorded as Notes. The plan types carry no JSON tags: the JSON shape
// belongs to internal/views. Judging the plan against objectives, and
// turning gaps and notes into findings, is the checks package's job.
//
// Decisions run in SPEC order, one file each: tier.go (§5.1), classify.go
// (§5.2), sync.go (§5.3), topology.go (§5.4), estimate.go (§5.5); the graph
// is graph*.go and path.go, the scenarios scenario*.go. The constraints of
// SPEC §10 come last, each in its own file: residency.go (every copy of a
// data class, and readers kept from causing copies outside its residency),
// capacity.go (the load each scenario leaves on the regions left) and
// cost.go (relative cost per service).
package planner
