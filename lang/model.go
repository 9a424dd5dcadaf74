package lang

import (
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

// Module is one directory of *.mr.hcl and *.mr.json files, decoded and
// resolved. Every block keeps its source ranges so later phases can point
// findings at the text that caused them.
//
// The slices are sorted by name; the lookup methods find a block by name.
// A Module returned with error diagnostics is partial: blocks that failed to
// decode are missing, and references to them are left unresolved.
type Module struct {
	Dir string
	// Files holds each loaded file's bytes by the name diagnostics use
	// (relative to the working directory as given), for snippets and for
	// the inline "# mrplan-ignore" comments that checks read.
	Files map[string][]byte
	// Outline holds each native-syntax file's top-level blocks by the same
	// names, so that diagnostics and ignores need not parse files again.
	// JSON files have none.
	Outline map[string]Outline

	Settings     *Settings // never nil: defaults when no mrplan block
	Providers    []*Provider
	Regions      []*Region
	Objectives   []*Objective
	Services     []*Service
	Data         []*Data
	Dependencies []*Dependency
	Audiences    []*Audience

	// Variables, Locals and Outputs are the root module's, with their
	// values; Calls are every module call loaded, nested ones included,
	// whose blocks are in the lists above under module.NAME. addresses.
	// Moved are the moved blocks of every module.
	Variables []*Variable
	Locals    []*Local
	Outputs   []*Output
	Calls     []*ModuleCall
	Moved     []*Moved

	// Registry holds the built-in catalogs plus the module's custom providers.
	Registry *providers.Registry

	index map[Address]any
	// instances lists, by the address of a block with count or for_each,
	// the addresses of its instances.
	instances map[Address][]Address
	// unknown holds addresses of blocks whose instances could not be
	// worked out (their for_each or count was invalid, and reported):
	// references to them are not reported again.
	unknown map[Address]bool
}

// Instances returns the addresses of the instances of a block with count
// or for_each, in order, or nil.
func (m *Module) Instances(a Address) []Address { return m.instances[a] }

// Settings is the module's `mrplan` block, or its defaults.
type Settings struct {
	RequiredVersion string
	State           string // default "mrplan.state.json", relative to the module
	// InternalZones are DNS zones whose names are internal to the system
	// (observed calls to them are not third parties), lower case.
	InternalZones []string
	Checks        []*CheckSetting
	Assumptions   Assumptions
	Alerts        *AlertSettings // the alerts block; nil when absent
	DeclRange     hcl.Range      // zero when the module has no mrplan block
	Attrs         map[string]hcl.Range
}

// CheckSetting is one `check "ID" { enabled, severity }` block.
type CheckSetting struct {
	ID        string
	Enabled   *bool
	Severity  string // "", "error", "warning" or "notice"
	DeclRange hcl.Range
	IDRange   hcl.Range
	Attrs     map[string]hcl.Range
}

// Provider is a `provider "NAME"` block. For a built-in name it selects that
// catalog; any other name defines a custom catalog from its inline region and
// product blocks.
type Provider struct {
	Name      string
	Catalog   *providers.Catalog
	DeclRange hcl.Range
	NameRange hcl.Range
}

func (p *Provider) Addr() Address { return Address{KindProvider, p.Name} }

// Region is a `region "NAME"` block. Geo is the catalog entry merged with the
// block's own overrides; it is nil when neither says where the region is.
type Region struct {
	Name     string
	Provider string
	Code     string // default: Name
	Geo      *providers.Region

	// Overrides as written; nil when not set.
	City, Country *string
	Lat, Lon      *float64
	Zones         *int
	// Capacity is the requests per second the region can serve for each
	// service that runs in it, unless the service's own capacity block says
	// otherwise; nil when not given.
	Capacity *float64

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range
}

func (r *Region) Addr() Address { return Address{KindRegion, r.Name} }

// Objective is a reusable RPO/RTO policy.
type Objective struct {
	Name               string
	RPO, RTO           time.Duration
	Availability       *float64 // percent
	Survive            FailureDomain
	WriteLatencyBudget time.Duration

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range
}

func (o *Objective) Addr() Address { return Address{KindObjective, o.Name} }

// Policy is a service's effective objective: the referenced objective with
// the service's inline rpo/rto laid over it, and the defaults for the rest.
type Policy struct {
	RPO, RTO           time.Duration
	HasRPO, HasRTO     bool
	Availability       *float64
	Survive            FailureDomain // default DomainRegion
	WriteLatencyBudget time.Duration // default 50ms
	From               *Ref          // the objective referenced, if any
}

// Service is a `service "NAME"` block.
type Service struct {
	Name        string
	Description string
	Criticality Criticality
	Tier        *int
	Revenue     bool
	Objective   *Ref
	RPO, RTO    *time.Duration // inline, as written
	Policy      Policy         // effective
	Regions     []Ref
	Primary     Ref // default: first of Regions (its Range is then the regions attribute's)
	Topology    Topology
	Failover    FailoverMode
	Witness     *Ref
	DependsOn   []Ref // services and dependencies
	Reads       []Ref
	Writes      []Ref
	Traffic     *Traffic
	Routing     Routing
	// Compensation says how affected users are compensated or told.
	Compensation  string
	FailoverDrill *time.Time // a date, UTC midnight
	Observability Observability
	// Capacity is the service's `capacity { REGION = RPS }` block: what each
	// region can serve of it, in requests per second, in the order written.
	Capacity []Capacity
	Observe  *Observe // nil when the service has no observe block
	// Calls describe some depends_on edges: a fallback makes the call soft
	// (losing the target degrades the service instead of taking it down);
	// audiences or a partition scope it to some callers.
	Calls []*Call

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range // also "traffic", "routing", "observability" blocks and their attributes as "routing.dns_ttl"
}

func (s *Service) Addr() Address { return Address{KindService, s.Name} }

// Capacity is one region's entry in a service's capacity block.
type Capacity struct {
	Region string
	RPS    float64
	Range  hcl.Range // the whole `REGION = N` attribute
}

// Call is a service's `call` block: how it calls one depends_on target.
type Call struct {
	To       Ref
	Fallback string // what the service does when To is down; non-empty makes the call soft
	// Audiences and Partition scope the call: only requests from these
	// audiences, or for this partition of the data ("tenant in the EU
	// cell"), make it, so its loss affects only them.
	Audiences []Ref
	Partition string

	DeclRange hcl.Range
}

// Soft reports whether losing the call's target leaves the service up,
// degraded: the call has a fallback, or only some callers make it.
func (c *Call) Soft() bool { return c.Fallback != "" || c.Scoped() }

// Scoped reports whether only some of the service's callers make the call.
func (c *Call) Scoped() bool { return len(c.Audiences) > 0 || c.Partition != "" }

// Call returns the service's call block for target a, or nil.
func (s *Service) Call(a Address) *Call {
	for _, c := range s.Calls {
		if c.To.Addr == a {
			return c
		}
	}
	return nil
}

// Traffic is a service's `traffic` block.
type Traffic struct {
	RPS       float64
	ReadRatio float64 // 0..1
}

// Routing is a service's `routing` block, with defaults filled in.
type Routing struct {
	Policy      RoutingPolicy
	DNSTTL      time.Duration // default 60s
	HealthCheck bool          // default true
}

// Observability is a service's `observability` block.
type Observability struct {
	ReplicationLagAlert *time.Duration // alert threshold on replication lag
	HealthChecks        bool
	Dashboards          []string
}

// Data is a `data "NAME"` block: a data class.
type Data struct {
	Name       string
	Owner      Ref
	Product    string             // "aws.aurora-postgresql": as written, canonical once resolved
	Catalog    *providers.Product // resolved product; nil when unknown
	Size       *int64             // bytes
	WriteRate  *float64
	ReadRate   *float64
	Uniqueness Uniqueness
	Realtime   bool
	// LossTolerance as written: nil when unset (the planner derives it from
	// the writers' RPO), 0 for "none".
	LossTolerance  *time.Duration
	Regenerable    bool
	Conflict       Conflict
	PartitionKey   string
	Consistency    Consistency   // default eventual, strong when realtime
	BackupInterval time.Duration // default 24h
	Sync           []MechanismRef
	// Residency lists the jurisdictions every copy of the data must stay
	// in; empty when the data may go anywhere.
	Residency []JurisdictionRef
	Observe   *Observe // nil when none

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range
}

func (d *Data) Addr() Address { return Address{KindData, d.Name} }

// JurisdictionRef is one element of a data class's `residency` list.
type JurisdictionRef struct {
	Jurisdiction *providers.Jurisdiction
	Range        hcl.Range
}

// Allows reports whether a copy in a region of the given ISO country may
// exist under the residency rs: any of its jurisdictions covers it. An
// empty residency allows everything; an unknown country nothing.
func Allows(rs []JurisdictionRef, country string) bool {
	if len(rs) == 0 {
		return true
	}
	for _, r := range rs {
		if r.Jurisdiction != nil && r.Jurisdiction.Covers(country) {
			return true
		}
	}
	return false
}

// MechanismRef is one element of a data class's `sync` list.
type MechanismRef struct {
	Mechanism Mechanism
	Range     hcl.Range
}

// Dependency is a `dependency "NAME"` block: something services call that is
// not modelled as a service.
type Dependency struct {
	Name     string
	Kind     DependencyKind
	Product  string
	Catalog  *providers.Product
	Regions  []Ref
	Global   bool
	Fallback string   // non-empty makes the dependency soft
	Observe  *Observe // nil when none

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range
}

func (d *Dependency) Addr() Address { return Address{KindDependency, d.Name} }

// Audience is an `audience "NAME"` block: where a share of users are.
type Audience struct {
	Name     string
	Share    float64
	Near     *Ref
	Lat, Lon *float64

	DeclRange hcl.Range
	NameRange hcl.Range
	Attrs     map[string]hcl.Range
}

func (a *Audience) Addr() Address { return Address{KindAudience, a.Name} }

// Lookup returns the block an address names, or nil.
func (m *Module) Lookup(a Address) any { return m.index[a] }

// Region returns the region block named name, or nil.
func (m *Module) Region(name string) *Region {
	r, _ := m.index[Address{KindRegion, name}].(*Region)
	return r
}

// Objective returns the objective block named name, or nil.
func (m *Module) Objective(name string) *Objective {
	o, _ := m.index[Address{KindObjective, name}].(*Objective)
	return o
}

// Service returns the service block named name, or nil.
func (m *Module) Service(name string) *Service {
	s, _ := m.index[Address{KindService, name}].(*Service)
	return s
}

// DataClass returns the data block named name, or nil.
func (m *Module) DataClass(name string) *Data {
	d, _ := m.index[Address{KindData, name}].(*Data)
	return d
}

// Dependency returns the dependency block named name, or nil.
func (m *Module) Dependency(name string) *Dependency {
	d, _ := m.index[Address{KindDependency, name}].(*Dependency)
	return d
}

// DeclRange returns the declaration range of the block an address names.
func (m *Module) DeclRange(a Address) (hcl.Range, bool) {
	switch b := m.index[a].(type) {
	case *Region:
		return b.DeclRange, true
	case *Objective:
		return b.DeclRange, true
	case *Service:
		return b.DeclRange, true
	case *Data:
		return b.DeclRange, true
	case *Dependency:
		return b.DeclRange, true
	case *Audience:
		return b.DeclRange, true
	case *Provider:
		return b.DeclRange, true
	}
	return hcl.Range{}, false
}
