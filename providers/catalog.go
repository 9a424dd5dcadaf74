package providers

import "time"

// Scope is where a product is available from: one region, a fixed set of
// regions, or everywhere.
type Scope string

const (
	ScopeRegional    Scope = "regional"
	ScopeMultiRegion Scope = "multi-region"
	ScopeGlobal      Scope = "global"
)

// ProductKind is what a product does.
type ProductKind string

const (
	KindDatabase    ProductKind = "database"
	KindCache       ProductKind = "cache"
	KindQueue       ProductKind = "queue"
	KindObjectStore ProductKind = "object-store"
	KindSearch      ProductKind = "search"
	KindIdentity    ProductKind = "identity"
	KindDNS         ProductKind = "dns"
	KindCDN         ProductKind = "cdn"
	KindCompute     ProductKind = "compute"
	KindSecrets     ProductKind = "secrets"
	KindOther       ProductKind = "other"
)

// Replication is a replication mode a product offers across regions.
type Replication string

const (
	ReplicationSync     Replication = "sync"
	ReplicationSemiSync Replication = "semi-sync"
	ReplicationAsync    Replication = "async"
	ReplicationNone     Replication = "none"
)

// Region is one region of a catalog, with its geography.
type Region struct {
	Provider  string  `json:"-"`         // catalog name, "aws"; the file it is read from says it
	Code      string  `json:"code"`      // the provider's code, "eu-west-1"
	Name      string  `json:"name"`      // display name, "Europe (Ireland)"
	City      string  `json:"city"`      // "Dublin"
	Country   string  `json:"country"`   // ISO 3166-1 alpha-2, "IE"
	Continent string  `json:"continent"` // "Europe"
	Lat       float64 `json:"lat"`       // degrees; city centroids unless Notes say otherwise
	Lon       float64 `json:"lon"`
	Zones     int     `json:"zones"` // availability zones; 0 when the provider has none
	Notes     string  `json:"notes,omitempty"`
	Source    string  `json:"source"` // the public address the facts were checked against
	// Pair is the region's fixed secondary, the only region paired-only
	// features (Azure GRS) replicate to: "" when it has none. PairSource is
	// where the pairing is documented (pairs.json, not regions.json).
	Pair       string `json:"-"`
	PairSource string `json:"-"`
}

// Fact is one number or claim about a product, with where it came from.
type Fact struct {
	Value  string
	Source string
}

// Product is a store or service a catalog offers.
type Product struct {
	Provider string // catalog name, "aws"
	Name     string // "dynamodb"; referenced as "aws.dynamodb"
	// Aliases are the other names a module may write for the product: the
	// vendor's current and former names, short names ("redis"), and the
	// Terraform resource types that create it ("aws_dynamodb_table").
	// Output always shows Name.
	Aliases     []string
	Title       string // "Amazon DynamoDB global tables"
	Kind        ProductKind
	Scope       Scope
	Replication []Replication // cross-region modes offered; empty or ["none"] when it cannot replicate
	Lag         time.Duration // typical asynchronous replication lag
	// LagBound is the vendor's documented upper bound on the lag (Cosmos
	// DB's and GRS's "< 15 min", S3 RTC's 99.99% within 15 minutes), 0 when
	// none is published. Estimates use Lag; a worst case uses LagBound.
	LagBound time.Duration
	Failover time.Duration // typical promotion / switchover time, once triggered
	// FailoverBound is the documented longest failover, 0 when none.
	FailoverBound time.Duration
	// FailoverBy is who starts the failover that Failover times.
	FailoverBy FailoverTrigger
	// FailoverGrace is how long the vendor's own (service-managed) failover
	// waits before it acts: Azure SQL failover groups wait an hour. With
	// FailoverBy = customer it is the alternative a reviewer should know of.
	FailoverGrace time.Duration
	// PairedOnly: the product replicates only to the region's fixed pair
	// (Azure GRS), never to a region the module chooses.
	PairedOnly bool
	// Witness: a region holding only a vote (no data) counts in the
	// product's quorum (Spanner, DynamoDB MRSC, CockroachDB).
	Witness     bool
	MultiWriter bool     // accepts writes in several regions at once
	Conflict    []string // resolutions offered: lww, crdt, custom
	// ControlPlane is the region code a global product's control plane lives
	// in ("us-east-1" for IAM), or "" when it has none pinned.
	ControlPlane string
	Limits       string
	Notes        string
	// Sources maps each fact's field name ("scope", "lag", "failover",
	// "replication", "multi_writer", "conflict", "control_plane") to the
	// public address it was taken from.
	Sources map[string]string
}

// FailoverTrigger says who starts a product's failover.
type FailoverTrigger string

const (
	// TriggerCustomer: the customer starts it (an API call, a runbook, their
	// own automation); Failover is how long it takes from then.
	TriggerCustomer FailoverTrigger = "customer"
	// TriggerService: the vendor detects the outage and fails over on its
	// own decision, after FailoverGrace.
	TriggerService FailoverTrigger = "service"
	// TriggerLease: a consensus store moves leadership when the leader's
	// lease expires; nobody decides, and nothing is lost.
	TriggerLease FailoverTrigger = "lease"
)

// FailoverTriggers lists every FailoverTrigger.
func FailoverTriggers() []FailoverTrigger {
	return []FailoverTrigger{TriggerCustomer, TriggerService, TriggerLease}
}

// Promotion is how long a failover of the product takes from the moment
// the region is lost, with who starts it: the grace period of a
// service-managed failover comes first.
func (p *Product) Promotion() time.Duration {
	if p.FailoverBy == TriggerService {
		return p.FailoverGrace + p.Failover
	}
	return p.Failover
}

// WorstLag is the documented bound on the lag, or the typical lag when no
// bound is published.
func (p *Product) WorstLag() time.Duration { return max(p.Lag, p.LagBound) }

// Ref is the "PROVIDER.PRODUCT" string a module uses to name the product.
func (p *Product) Ref() string { return p.Provider + "." + p.Name }

// Offers reports whether the product can replicate in mode r.
func (p *Product) Offers(r Replication) bool {
	for _, m := range p.Replication {
		if m == r {
			return true
		}
	}
	return false
}

// MeasuredRTT is a published round-trip measurement between two regions.
type MeasuredRTT struct {
	A, B      string // "aws.us-east-1", "aws.eu-west-1"
	RTT       time.Duration
	Source    string
	Statistic string // "monthly P50", "mean of 10 pings"
	Date      string // when it was measured or published: "2023-03-08", or "undated"
}

// Catalog is one provider's regions and products.
type Catalog struct {
	Name     string // "aws"
	Title    string // "Amazon Web Services"
	Builtin  bool
	Notice   string     // licence notice of the data it was built from
	Regions  []*Region  // sorted by Code
	Products []*Product // sorted by Name

	// byAlias finds a product by any of its aliases; NewCatalog builds it.
	byAlias map[string]*Product
	// controlPlanes are the control planes its products rely on, from
	// data/NAME/control_planes.json.
	controlPlanes []*ControlPlane
}
