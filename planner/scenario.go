package planner

import (
	"sort"
	"time"

	"github.com/mrplan/mrplan/lang"
)

// Scenario is one failure the planner plays: a zone, a region or a country
// lost, and what happens to the services and data classes it touches.
type Scenario struct {
	Domain lang.FailureDomain
	// Target names what is lost: "us-east-1-z1", "us-east-1", "US".
	Target string
	// Region is the region a lost zone belongs to; "" for other domains.
	Region string
	// Lost are the module's regions that go down entirely. A zone loss in a
	// region with two or more zones loses no region.
	Lost []string
	// Affected holds the outcome of every service the scenario does not
	// leave serving, sorted by address: a service not listed serves from
	// its active regions as planned. Scenarios that lose the same regions
	// share Lost, Affected and Exposed: read them, never write them.
	Affected []ServiceOutcome
	// Audiences are the module's audiences the scenario reaches, sorted:
	// those whose nearest region it loses and those a lost scoped call
	// serves; UsersAffected sums their shares (0 when the module declares
	// no audiences).
	Audiences     []lang.Address
	UsersAffected float64
	UsersKnown    bool // the module declares audiences
	// Exposed lists the data classes whose writes were accepted in a lost
	// region and can lose some of them (not those kept by a zero-loss
	// channel), sorted by address: what the scenario can lose.
	Exposed []Exposure
	// Capacity lists, by service address, the services with a capacity
	// figure whose serving regions (or a zone of one) the scenario loses:
	// the load on the regions left and what they can carry.
	Capacity []CapacityUse
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
	// Via, for a down service, is the first step of the path to what took
	// it down: the hard dependency it fell through, with the edge's kind and
	// range. It is the zero Step when the service's own regions are all
	// lost. Via links never form a cycle within a scenario, and only
	// services have hard dependencies, so every node a path passes through
	// before its root is a down service the scenario lists.
	Via Step
	// Root is what took a down service down, at the end of its Via links
	// (the service itself when its own regions are lost), and Depth counts
	// the nodes from the service to Root, both included.
	Root  lang.Address
	Depth int32
	// DegradedBy lists, sorted, the soft calls' targets the scenario takes
	// down while the service stays up (degraded, rerouted or failed over):
	// it runs on their fallbacks, or fails their scoped callers.
	DegradedBy []lang.Address
	// tail is, for a path of more than pathHead+pathTail nodes, the index
	// in Affected of the node whose Via leads into the path's last
	// pathTail nodes; -1 otherwise.
	tail int32
}

// OutcomeOf is what the scenario does to s: its affected outcome, or
// serving from its active regions.
func (sc *Scenario) OutcomeOf(s *Service) ServiceOutcome {
	if i, ok := sc.find(s.Addr); ok {
		return sc.Affected[i]
	}
	return ServiceOutcome{Service: s.Addr, Outcome: OutcomeServing, Regions: s.Active, tail: -1}
}

func (sc *Scenario) find(addr lang.Address) (int, bool) {
	i := sort.Search(len(sc.Affected), func(i int) bool { return !sc.Affected[i].Service.Less(addr) })
	return i, i < len(sc.Affected) && sc.Affected[i].Service == addr
}

// CausePath is the path from the down service addr to what took it down,
// both included, shortened as Gap paths are: a path of more than 16 nodes
// keeps its first 8 and last 8, and elided counts the nodes left out
// between path[7] and path[8]. It costs O(log n) per node it returns,
// however long the path. It returns nil for a service that is not down.
func (sc *Scenario) CausePath(addr lang.Address) (path []Step, elided int) {
	return sc.AppendCausePath(nil, addr)
}

// AppendCausePath is CausePath appending the path to dst, so a caller that
// walks the paths of thousands of down services reuses one buffer; dst
// unchanged for a service that is not down.
func (sc *Scenario) AppendCausePath(dst []Step, addr lang.Address) (path []Step, elided int) {
	i, ok := sc.find(addr)
	if !ok || sc.Affected[i].Outcome != OutcomeDown {
		return dst, 0
	}
	o := &sc.Affected[i]
	n := int(o.Depth)
	path = dst
	if path == nil {
		path = make([]Step, 0, min(n, pathHead+pathTail))
	}
	base := len(path)
	path = append(path, Step{Addr: addr})
	// walk follows count Via links from the j-th affected outcome.
	walk := func(j, count int) {
		for ; count > 0; count-- {
			via := sc.Affected[j].Via
			path = append(path, via)
			if count > 1 {
				j, _ = sc.find(via.Addr)
			}
		}
	}
	if n <= pathHead+pathTail {
		walk(i, n-1)
		return path, 0
	}
	walk(i, pathHead-1)
	t := int(o.tail)
	if t < 0 { // not a path through services only: keep its head
		return path, n - (len(path) - base)
	}
	path = append(path, sc.Affected[t].Via)
	j, _ := sc.find(sc.Affected[t].Via.Addr)
	walk(j, pathTail-1)
	return path, n - pathHead - pathTail
}

// Exposure is a data class a scenario can lose recent writes of.
type Exposure struct {
	Data lang.Address
	RPO  time.Duration // what the loss typically costs
	// Bound is the worst case: the product's documented lag bound where RPO
	// rests on asynchronous replication, else RPO.
	Bound time.Duration
	// AllCopiesLost: no region holding the data survives; only backups
	// remain, and RPO is the backup interval.
	AllCopiesLost bool
}
