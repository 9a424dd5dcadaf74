package planner

import (
	"sort"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// Plan is what the planner decided for one module. Every slice
// is sorted (services and data by address, scenarios by domain then target)
// and the same module always gives the same plan.
type Plan struct {
	Module      *lang.Module
	Assumptions lang.Assumptions

	Services []*Service
	Data     []*Data
	// Changes is what applying the plan does, one entry per service and data
	// class, sorted by address. Every entry is a create until plans are
	// diffed against a state.
	Changes []Change
	// Graph is the dependency graph with per-region availability: where it
	// lacks something a service needs, Service.Gaps says what and why.
	Graph     *Graph
	Scenarios []*Scenario
}

// Service is the plan for one service.
type Service struct {
	Addr  lang.Address
	Block *lang.Service

	Tier     int
	Topology lang.Topology
	Standby  Standby
	// WriteMode is where the service's writes are accepted: the mode of
	// every data class it writes, or WriteMixed when they differ.
	WriteMode WriteMode
	// DataWrites is the write mode of each data class it writes (those that
	// count: not regenerable), in the order written. Write modes are decided
	// per class: one single-writer class does not cancel a sibling's
	// partition_key.
	DataWrites []DataWrite
	// Regions are all the regions the service runs in or fails over to:
	// Active (which serve traffic) then Standbys (which wait), each in the
	// order the module lists them, the primary first for active-passive.
	Regions  []string
	Active   []string
	Standbys []string
	Primary  string
	Witness  string // "" when none
	Pattern  providers.Pattern
	// Routing is lang.RoutingAuto when the service has one region: there is
	// nothing to route between.
	Routing     lang.RoutingPolicy
	HealthCheck bool
	Failover    lang.FailoverMode
	Guards      []Guard
	// NeedsQuorum: an automatic failover elects a primary, so a vote needs
	// a majority of failure domains. False when nothing is elected (every
	// moved write is a partition whose home the routing layer moves on a
	// store that takes writes everywhere), or when every primary moved is
	// elected by its provider's service-managed failover.
	NeedsQuorum bool
	// SelfElected lists the data classes whose new primary the module's
	// own failover automation elects (not a store's quorum, not the
	// provider): the ones a quorum of the module's is for.
	SelfElected []lang.Address

	Objective lang.Policy
	// RPO is the worst achieved RPO over the data the service writes.
	RPO     time.Duration
	RPOFrom *lang.Address // the data class that sets RPO; nil when it writes none
	// RTO is the achieved recovery time from the largest failure the
	// objective must survive (its survive scope): what MR202 judges.
	RTO RTO
	// RegionRTO is the failover to another region, which the region and
	// country scenarios play. It equals RTO unless survive = "zone".
	RegionRTO RTO

	// Availability is the composed availability, in percent: the service's
	// own regions in parallel, in series with everything it hard-depends on
	// (each the same way). Soft calls do not count.
	Availability float64

	// Gaps lists, per region of the service, the first thing it needs that
	// is not available there, with the path to it: hidden single-region
	// dependencies (MR101). Sorted by region order.
	Gaps []Gap

	// Capacity is the service's load on its active regions before any
	// failure; nil when the module gives no traffic or capacity for it.
	Capacity *CapacityUse
	// CapacityMissing lists the service's regions that neither its capacity
	// block nor the region gives a figure for, when some other does: the
	// scenarios that need them are not judged.
	CapacityMissing []string
	// Cost is the service's relative infrastructure cost (SPEC §10).
	Cost Cost

	Reasons []Reason
	Notes   []Note

	// writes is the slot listing the data plans the service writes, the
	// data it owns included, in the order written; indexUses sets it.
	writes *[]*Data
}

// RTO is an achieved recovery time and what it adds up from.
type RTO struct {
	// Unbounded: the service cannot move anywhere, so a region loss lasts as
	// long as the outage. Total is then zero and meaningless.
	Unbounded bool
	Total     time.Duration

	Detection time.Duration
	Promotion time.Duration // promotion of the store, or switch of traffic
	DNSTTL    time.Duration
	Decision  time.Duration // manual failover only
	Provision time.Duration // cold standby only
	Restore   time.Duration // data restored from backups
	// PromotionFrom is the product whose failover time set Promotion, "" when
	// it is the default assumption or there is nothing to promote.
	PromotionFrom string
}

// Worse reports whether r is a longer recovery than d.
func (r RTO) Worse(d time.Duration) bool { return r.Unbounded || r.Total > d }

// Data is the plan for one data class.
type Data struct {
	Addr  lang.Address
	Block *lang.Data

	Class DataClass
	// LossTolerance is the class's loss tolerance as written or derived from
	// the strictest RPO of its writers; LossKnown is false when neither says.
	LossTolerance time.Duration
	LossKnown     bool

	// Regions are where the data lives: its owner's, writers' and readers'
	// regions, in module order.
	Regions []string
	Writers []lang.Address // services that write it, the owner included, sorted
	Readers []lang.Address

	Mechanisms []lang.Mechanism // in the enum's order
	// Forced: the mechanisms come from the module's `sync`, not the planner.
	Forced      bool
	Replication Replication
	Conflict    lang.Conflict
	WriteMode   WriteMode // how its writers write it

	// RPO is how much recent data a region loss can lose; it does not count
	// for regenerable data (Counts false).
	RPO    time.Duration
	Counts bool
	// RPOBound is the worst case behind RPO: the product's documented lag
	// bound when RPO rests on asynchronous replication, else RPO itself.
	RPOBound time.Duration
	// ZoneRPO is what the loss of one zone of the data's home region loses,
	// the RPO of an objective that survives zones only (survive = "zone").
	ZoneRPO time.Duration
	// InFlight: the data sits in a queue that keeps no backups and has no
	// second channel, so a region loss takes the messages not yet consumed.
	InFlight bool
	// DualPublish: the data sits in such a queue, and its producers publish
	// each message to the queues of two regions (mechanism message-queue).
	DualPublish bool
	// Lag is the product's typical asynchronous lag, zero when unknown;
	// LagBound its documented bound, zero when none is published.
	Lag      time.Duration
	LagBound time.Duration
	// WritePenalty is what a synchronous channel adds to each write: the
	// round trip between the two farthest regions involved (the nearest one
	// for semi-sync). Zero when there is no synchronous channel.
	WritePenalty time.Duration
	PenaltyPair  [2]string
	PenaltyRTT   providers.RTTEstimate

	// Copies are every place the plan keeps the data, sorted by region in
	// module order, then kind; each says whether the residency allows it.
	Copies []Copy
	// BackupRegion is where the backups are kept; "" for regenerable data.
	BackupRegion string
	// RemoteReads are the readers kept from causing a copy outside the
	// residency, in reader then region order.
	RemoteReads []RemoteRead
	// ResidencyUnsatisfiable: none of the owner's regions lies inside the
	// residency (MR602).
	ResidencyUnsatisfiable bool

	Reasons []Reason
	Notes   []Note

	// owner is the plan of the service that owns the data, nil when none;
	// writers and readers are the plans Writers and Readers name, in their
	// order. indexUses sets them.
	owner   *Service
	writers []*Service
	readers []*Service
	// nWriters and nReaders count them as indexUses gathers them.
	nWriters, nReaders int32
}

// Change is one entry of the plan's diff.
type Change struct {
	Addr   lang.Address
	Action Action
}

// Service returns the plan of the service named name, or nil.
func (p *Plan) Service(name string) *Service {
	i := sort.Search(len(p.Services), func(i int) bool { return p.Services[i].Addr.Name >= name })
	if i < len(p.Services) && p.Services[i].Addr.Name == name {
		return p.Services[i]
	}
	return nil
}

// DataClass returns the plan of the data class named name, or nil.
func (p *Plan) DataClass(name string) *Data {
	i := sort.Search(len(p.Data), func(i int) bool { return p.Data[i].Addr.Name >= name })
	if i < len(p.Data) && p.Data[i].Addr.Name == name {
		return p.Data[i]
	}
	return nil
}

// WriterPlans are the plans of the services that write d, the owner
// included, in Writers' order.
func (d *Data) WriterPlans() []*Service { return d.writers }

// Reason returns the first reason filed under decision d, and whether
// there is one.
func (s *Service) Reason(d Decision) (Reason, bool) { return firstReason(s.Reasons, d) }

// Reason returns the first reason filed under decision d, and whether
// there is one.
func (d *Data) Reason(dec Decision) (Reason, bool) { return firstReason(d.Reasons, dec) }

func firstReason(rs []Reason, d Decision) (Reason, bool) {
	for _, r := range rs {
		if r.Decision == d {
			return r, true
		}
	}
	return Reason{}, false
}
