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
	Provider  string  // catalog name, "aws"
	Code      string  // the provider's code, "eu-west-1"
	Name      string  // display name, "Europe (Ireland)"
	City      string  // "Dublin"
	Country   string  // ISO 3166-1 alpha-2, "IE"
	Continent string  // "Europe"
	Lat, Lon  float64 // degrees; city centroids unless Notes say otherwise
	Zones     int     // availability zones; 0 when the provider has none
	Notes     string
	Source    string // the public address the facts were checked against
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
	Failover    time.Duration // typical promotion / switchover time
	MultiWriter bool          // accepts writes in several regions at once
	Conflict    []string      // resolutions offered: lww, crdt, custom
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
	A, B   string // "aws.us-east-1", "aws.eu-west-1"
	RTT    time.Duration
	Source string
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
