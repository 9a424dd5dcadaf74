// Package planner turns a decoded module into an architecture plan (SPEC §5):
// business tiers, data classes, sync mechanisms, topology, write mode,
// routing and failover for every service, estimates of achieved RPO and RTO,
// the dependency graph with per-region availability, and failure scenarios
// for every zone, region and country.
//
// Every decision carries a typed reason that views put into words. The plan
// types carry no JSON tags: the JSON shape belongs to internal/views. Judging
// the plan against objectives is the checks package's job.
package planner
