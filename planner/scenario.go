package planner

import (
	"time"

	"github.com/mrplan/mrplan/lang"
)

// Scenario is one failure the planner plays: a zone, a region or a country
// lost, and what happens to every service and data class.
type Scenario struct {
	Domain lang.FailureDomain
	// Target names what is lost: "us-east-1-z1", "us-east-1", "US".
	Target string
	// Region is the region a lost zone belongs to; "" for other domains.
	Region string
	// Lost are the module's regions that go down entirely. A zone loss in a
	// region with two or more zones loses no region.
	Lost []string
	// Services holds one outcome per service, sorted by address. Scenarios
	// that lose no region share one slice: read it, never write it.
	Services []ServiceOutcome
	// Exposed lists the data classes whose writes were accepted in a lost
	// region, sorted by address: what the scenario can lose.
	Exposed []Exposure
}

// Name is how views title the scenario: "region us-east-1 lost".
func (s *Scenario) Name() string { return s.Domain.String() + " " + s.Target + " lost" }

// ServiceOutcome is what one scenario does to one service.
type ServiceOutcome struct {
	Service lang.Address
	Outcome Outcome
	// Regions are where the service serves once the scenario has played
	// out; the first is where a failed-over service's new primary is.
	Regions []string
	// RTO is how long users wait: the service's RTO when it fails over, the
	// detection and DNS time when it is rerouted, zero otherwise.
	RTO time.Duration
	// Cause, for a down service, is the path from it to what took it down:
	// just the service when its own regions are all lost. Long paths are
	// shortened as in Gap, Elided counting the nodes left out.
	Cause  []Step
	Elided int
}

// Exposure is a data class a scenario can lose recent writes of.
type Exposure struct {
	Data lang.Address
	RPO  time.Duration
	// AllCopiesLost: no region holding the data survives; only backups
	// remain, and RPO is the backup interval.
	AllCopiesLost bool
}
