package observe

import (
	"fmt"
	"net/netip"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// TargetKind is what an observed call goes to.
type TargetKind int

const (
	TargetCloudService TargetKind = iota // a catalog provider's API, named from its endpoint patterns
	TargetService                        // a traced service
	TargetThirdParty                     // any other public name
	TargetInternal                       // a private name or address
)

func (k TargetKind) String() string {
	return [...]string{"cloud-service", "service", "third-party", "internal"}[k]
}

// Dependency is what one service was observed calling: one target, with
// every call from every source attributed to the service.
type Dependency struct {
	Service lang.Address // the caller
	Target  string       // the hostname, or the traced server's name
	Kind    TargetKind
	// Provider, Product ("aws.secrets-manager") and Region name a cloud
	// service; Region is where it is served from, for a global endpoint
	// homed in one region that region (then Homed is set).
	Provider, Product, Region string
	Scope                     providers.Scope
	Homed                     bool
	// Callee is the module block the target names, when it names one
	// (a traced service, a dependency whose observe.hosts match).
	Callee *lang.Address
	// FromRegions are the regions of the VPCs the calls came from.
	FromRegions []string
	Calls       int64
	First, Last time.Time // zero when the evidence has no times (traces)
	// DeclaredAs is the block in the caller's depends_on, reads or writes
	// that matches the call; nil when the call is undeclared.
	DeclaredAs *lang.Address
	Sources    []string // the files the evidence came from, sorted
	Note       string   // the endpoint pattern's note, if any
}

// Deployed is one module block and the Terraform resources attributed to it.
type Deployed struct {
	Address         lang.Address
	Resources       []*Resource // sorted by address
	Regions         []string    // where they run, region codes, sorted
	DeclaredRegions []string    // where the module says the block runs, codes, sorted
}

// Unattributed is evidence no service could be found for.
type Unattributed struct {
	Target string
	Calls  int64
	From   string // the VPC, address or traced client it came from
	Reason string // why it could not be attributed, when there is more to say
}

// Discovery is the comparison of what was observed with a module.
type Discovery struct {
	Dependencies []*Dependency // sorted by service, then target
	Deployed     []*Deployed   // sorted by address
	Unattributed []*Unattributed
	// Unplaced are Terraform resources attributed to no block.
	Unplaced []*Resource
	Skipped  []Skipped
	Files    []FileSummary
}

// Match attributes the observations to the module's services and matches
// each observed call against what the module declares (SPEC section 8).
func Match(mod *lang.Module, o *Observations) *Discovery {
	m := &matcher{mod: mod, sources: map[Source]attribution{}, hosts: map[string]hostName{}}
	d := &Discovery{Skipped: o.Skipped, Files: o.Files}
	deps := map[[2]string]*Dependency{}
	unattr := map[[2]string]*Unattributed{}
	addUnattr := func(target, from, reason string, n int64) {
		k := [2]string{target, from}
		u := unattr[k]
		if u == nil {
			u = &Unattributed{Target: target, From: from, Reason: reason}
			unattr[k] = u
		}
		u.Calls += n
	}

	for _, q := range o.Queries {
		a := m.attribute(q.Source)
		if a.service == nil {
			addUnattr(q.Name, sourceWord(q.Source), a.reason, q.Calls)
			continue
		}
		h := m.name(q.Name, q.PrivateAnswer)
		k := [2]string{a.service.Name, q.Name}
		dep := deps[k]
		if dep == nil {
			dep = &Dependency{Service: a.service.Addr(), Target: q.Name, Kind: h.kind, Provider: h.provider,
				Product: h.product, Region: h.region, Scope: h.scope, Homed: h.homed, Callee: h.callee, Note: h.note}
			deps[k] = dep
		}
		dep.Calls += q.Calls
		if q.Source.Region != "" {
			dep.FromRegions = addFile(dep.FromRegions, q.Source.Region)
		}
		if !q.First.IsZero() && (dep.First.IsZero() || q.First.Before(dep.First)) {
			dep.First = q.First
		}
		if q.Last.After(dep.Last) {
			dep.Last = q.Last
		}
		for _, f := range q.Files {
			dep.Sources = addFile(dep.Sources, f)
		}
	}

	for _, c := range o.Calls {
		caller := m.tracedService(c.Client)
		if caller == nil {
			addUnattr(c.Server, c.Client, "no service has this trace name; add it to a service's observe { names }", c.Calls)
			continue
		}
		k := [2]string{caller.Name, "\x00" + c.Server} // traces and DNS names never merge
		dep := deps[k]
		if dep == nil {
			dep = &Dependency{Service: caller.Addr(), Target: c.Server, Kind: TargetService}
			if s := m.tracedService(c.Server); s != nil {
				a := s.Addr()
				dep.Callee = &a
			} else if dd := m.tracedDependency(c.Server); dd != nil {
				a := dd.Addr()
				dep.Callee = &a
				dep.Kind = TargetThirdParty
				if dd.Catalog != nil {
					dep.Kind, dep.Provider, dep.Product, dep.Scope = TargetCloudService, dd.Catalog.Provider, dd.Catalog.Ref(), dd.Catalog.Scope
				}
			}
			deps[k] = dep
		}
		dep.Calls += c.Calls
		for _, f := range c.Files {
			dep.Sources = addFile(dep.Sources, f)
		}
	}

	for _, dep := range deps {
		if s := mod.Service(dep.Service.Name); s != nil {
			dep.DeclaredAs = m.declared(s, dep)
		}
		d.Dependencies = append(d.Dependencies, dep)
	}
	sort.Slice(d.Dependencies, func(i, j int) bool {
		a, b := d.Dependencies[i], d.Dependencies[j]
		if a.Service != b.Service {
			return a.Service.String() < b.Service.String()
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Kind < b.Kind
	})
	for _, u := range unattr {
		d.Unattributed = append(d.Unattributed, u)
	}
	sort.Slice(d.Unattributed, func(i, j int) bool {
		a, b := d.Unattributed[i], d.Unattributed[j]
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.From < b.From
	})
	d.Deployed, d.Unplaced = m.deployed(o.Resources)
	return d
}

type matcher struct {
	mod     *lang.Module
	sources map[Source]attribution
	hosts   map[string]hostName
}

type attribution struct {
	service *lang.Service
	reason  string
}

func sourceWord(s Source) string {
	switch {
	case s.VPC != "":
		return s.VPC
	case s.Instance != "":
		return s.Instance
	}
	return s.Addr
}

// attribute finds the service a DNS query's source belongs to: an instance
// glob is the surest sign, then the narrowest CIDR, then the VPC. Two
// services that match equally well leave the query unattributed.
func (m *matcher) attribute(src Source) attribution {
	if a, ok := m.sources[src]; ok {
		return a
	}
	addr, addrErr := netip.ParseAddr(src.Addr)
	var best []*lang.Service
	bestRank := 0
	consider := func(s *lang.Service, rank int) {
		switch {
		case rank > bestRank:
			best, bestRank = []*lang.Service{s}, rank
		case rank == bestRank && rank > 0:
			best = append(best, s)
		}
	}
	for _, s := range m.mod.Services {
		o := s.Observe
		if o == nil {
			continue
		}
		rank := 0
		if src.Instance != "" {
			for _, g := range o.Instances {
				if ok, _ := path.Match(g, src.Instance); ok {
					rank = 1000
				}
			}
		}
		if rank == 0 && addrErr == nil {
			for _, p := range o.CIDRs {
				if p.Contains(addr) && 100+p.Bits() > rank {
					rank = 100 + p.Bits()
				}
			}
		}
		if rank == 0 && src.VPC != "" {
			for _, v := range o.VPCs {
				if v == src.VPC {
					rank = 1
				}
			}
		}
		consider(s, rank)
	}
	var a attribution
	switch len(best) {
	case 0:
		a.reason = "no service's observe block names this VPC, instance or address"
	case 1:
		a.service = best[0]
	default:
		names := make([]string, len(best))
		for i, s := range best {
			names[i] = s.Name
		}
		a.reason = fmt.Sprintf("%s match it equally; give them instances or cidrs to tell them apart", strings.Join(names, " and "))
	}
	m.sources[src] = a
	return a
}

type hostName struct {
	kind                      TargetKind
	provider, product, region string
	scope                     providers.Scope
	homed                     bool
	callee                    *lang.Address
	note                      string
}

// internalSuffixes are names no public resolver answers for.
var internalSuffixes = []string{".internal", ".local", ".localdomain", ".lan", ".intranet", ".corp", ".home.arpa", ".svc", ".cluster.local", ".consul"}

// name tells what a queried hostname is: a dependency the module names by
// its observe hosts, a catalog endpoint, an internal name, or a third party.
func (m *matcher) name(host string, private bool) hostName {
	if h, ok := m.hosts[host]; ok {
		return h
	}
	var h hostName
	if ep, ok := providers.MatchHost(host); ok {
		h = hostName{kind: TargetCloudService, provider: ep.Provider, region: ep.Region, scope: ep.Scope, note: ep.Endpoint.Note}
		if ep.Product != "" {
			h.product = ep.Provider + "." + ep.Product
		}
		h.homed = ep.Scope == providers.ScopeGlobal && ep.Region != ""
		if ep.Internal {
			h = hostName{kind: TargetInternal}
		}
	} else {
		h.kind = TargetThirdParty
		if private || !strings.Contains(host, ".") {
			h.kind = TargetInternal
		}
		for _, s := range internalSuffixes {
			if strings.HasSuffix(host, s) {
				h.kind = TargetInternal
			}
		}
		for _, z := range m.mod.Settings.InternalZones {
			if host == z || strings.HasSuffix(host, "."+z) {
				h.kind = TargetInternal
			}
		}
	}
	for _, d := range m.mod.Dependencies {
		if d.Observe != nil && hostMatches(d.Observe.Hosts, host) {
			a := d.Addr()
			h.callee = &a
			break
		}
	}
	m.hosts[host] = h
	return h
}

func hostMatches(globs []string, host string) bool {
	for _, g := range globs {
		if g == host {
			return true
		}
		if strings.HasPrefix(g, "*.") && strings.HasSuffix(host, g[1:]) {
			return true // "*.stripe.com" matches any depth, as certificates do not but people mean
		}
		if ok, _ := path.Match(g, host); ok {
			return true
		}
	}
	return false
}

// tracedService is the service whose trace name is name: one that lists it
// in observe { names }, else the one called name.
func (m *matcher) tracedService(name string) *lang.Service {
	for _, s := range m.mod.Services {
		if s.Observe != nil && contains(s.Observe.Names, name) {
			return s
		}
	}
	if s := m.mod.Service(name); s != nil && (s.Observe == nil || len(s.Observe.Names) == 0) {
		return s
	}
	return nil
}

func (m *matcher) tracedDependency(name string) *lang.Dependency {
	for _, d := range m.mod.Dependencies {
		if d.Observe != nil && contains(d.Observe.Names, name) {
			return d
		}
	}
	return m.mod.Dependency(name)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// declared finds the block of s's depends_on, reads or writes that the
// observed call matches: the block the target names, a dependency or data
// class of the same catalog product served where the call went, or a
// dependency named after the API.
func (m *matcher) declared(s *lang.Service, dep *Dependency) *lang.Address {
	var refs []lang.Ref
	refs = append(append(append(refs, s.DependsOn...), s.Reads...), s.Writes...)
	for _, r := range refs {
		a := r.Addr
		if dep.Callee != nil && *dep.Callee == a {
			return &a
		}
	}
	if dep.Kind == TargetService {
		return nil
	}
	label := dep.Target
	if i := strings.IndexByte(label, '.'); i >= 0 {
		label = label[:i]
	}
	for _, r := range refs {
		a := r.Addr
		switch b := m.mod.Lookup(a).(type) {
		case *lang.Dependency:
			if b.Catalog != nil && sameProduct(b.Catalog.Ref(), dep.Product) && (b.Global || len(b.Regions) == 0 || m.inRegions(b.Regions, dep.Region)) {
				return &a
			}
			if dep.Kind == TargetCloudService && (b.Name == label || b.Name == dep.Provider+"-"+label) {
				return &a
			}
		case *lang.Data:
			if b.Catalog != nil && sameProduct(b.Catalog.Ref(), dep.Product) {
				if owner := m.mod.Service(b.Owner.Addr.Name); owner == nil || m.inRegions(owner.Regions, dep.Region) || b.Catalog.Scope == providers.ScopeGlobal {
					return &a
				}
			}
		}
	}
	return nil
}

// inRegions reports whether code is the code of one of regions, or unknown.
func (m *matcher) inRegions(regions []lang.Ref, code string) bool {
	if code == "" {
		return true
	}
	for _, r := range regions {
		if m.code(r.Addr.Name) == code {
			return true
		}
	}
	return false
}

func (m *matcher) code(region string) string {
	if r := m.mod.Region(region); r != nil && r.Code != "" {
		return r.Code
	}
	return region
}

// productFamilies groups the catalog products one endpoint pattern cannot
// tell apart: an RDS hostname does not say whether Aurora or which engine.
var productFamilies = map[string]string{
	"aws.aurora-mysql": "aws.rds", "aws.aurora-postgresql": "aws.rds", "aws.rds-mysql": "aws.rds", "aws.rds-postgresql": "aws.rds",
	"aws.dynamodb": "aws.dynamodb", "aws.dynamodb-mrsc": "aws.dynamodb",
	"aws.s3": "aws.s3", "aws.s3-rtc": "aws.s3",
	"aws.elasticache-redis": "aws.elasticache",
	"azure.cosmos-db":       "azure.cosmos-db", "azure.cosmos-db-multi-write": "azure.cosmos-db",
	"gcp.gcs": "gcp.gcs", "gcp.gcs-dual-region": "gcp.gcs",
	"gcp.cloud-sql-mysql": "gcp.cloud-sql", "gcp.cloud-sql-postgresql": "gcp.cloud-sql",
	"alicloud.polardb-mysql": "alicloud.polardb", "alicloud.polardb-global": "alicloud.polardb",
}

// SameProduct reports whether two "PROVIDER.PRODUCT" references name the
// same product, or products one endpoint cannot tell apart (Aurora and RDS).
func SameProduct(a, b string) bool { return sameProduct(a, b) }

func sameProduct(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	fa, fb := productFamilies[a], productFamilies[b]
	return fa != "" && fa == fb
}

// deployed attributes Terraform resources to blocks: the longest matching
// observe { terraform } prefix wins, data classes and dependencies before
// services at equal length; a service without one owns module.NAME; a data
// class of the resource's product with the resource's name owns it too.
func (m *matcher) deployed(resources []*Resource) ([]*Deployed, []*Resource) {
	byAddr := map[lang.Address]*Deployed{}
	var unplaced []*Resource
	for _, r := range resources {
		owner, ok := m.resourceOwner(r)
		if !ok {
			unplaced = append(unplaced, r)
			continue
		}
		d := byAddr[owner]
		if d == nil {
			d = &Deployed{Address: owner, DeclaredRegions: m.declaredRegions(owner)}
			byAddr[owner] = d
		}
		d.Resources = append(d.Resources, r)
		for _, reg := range r.Regions {
			d.Regions = addFile(d.Regions, reg)
		}
	}
	out := make([]*Deployed, 0, len(byAddr))
	for _, d := range byAddr {
		sort.Slice(d.Resources, func(i, j int) bool { return d.Resources[i].Address < d.Resources[j].Address })
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address.String() < out[j].Address.String() })
	return out, unplaced
}

func (m *matcher) resourceOwner(r *Resource) (lang.Address, bool) {
	var best lang.Address
	bestLen, bestRank := -1, -1
	try := func(a lang.Address, prefixes []string, rank int) {
		for _, p := range prefixes {
			if !addrUnder(r.Address, p) {
				continue
			}
			if len(p) > bestLen || len(p) == bestLen && rank > bestRank {
				best, bestLen, bestRank = a, len(p), rank
			}
		}
	}
	for _, d := range m.mod.Data {
		if d.Observe != nil {
			try(d.Addr(), d.Observe.Terraform, 2)
		}
	}
	for _, d := range m.mod.Dependencies {
		if d.Observe != nil {
			try(d.Addr(), d.Observe.Terraform, 2)
		}
	}
	for _, s := range m.mod.Services {
		if s.Observe != nil && len(s.Observe.Terraform) > 0 {
			try(s.Addr(), s.Observe.Terraform, 1)
		} else {
			try(s.Addr(), []string{"module." + s.Name}, 0)
		}
	}
	if bestLen >= 0 {
		return best, true
	}
	// No prefix: a data class of the same product named like the resource.
	provider, product, ok := providers.TerraformProduct(r.Type)
	if !ok {
		return lang.Address{}, false
	}
	name := r.Address[strings.LastIndexByte(strings.SplitN(r.Address, "[", 2)[0], '.')+1:]
	name = strings.SplitN(name, "[", 2)[0]
	for _, d := range m.mod.Data {
		if d.Catalog != nil && sameProduct(d.Catalog.Ref(), provider+"."+product) && normalName(d.Name) == normalName(name) {
			return d.Addr(), true
		}
	}
	return lang.Address{}, false
}

// addrUnder reports whether a Terraform address is prefix or inside it:
// "module.checkout" holds "module.checkout.aws_instance.x" and
// "module.checkout["eu"].aws_instance.x", not "module.checkout2.x".
func addrUnder(addr, prefix string) bool {
	if !strings.HasPrefix(addr, prefix) {
		return false
	}
	rest := addr[len(prefix):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}

func normalName(s string) string { return strings.ReplaceAll(strings.ToLower(s), "-", "_") }

// declaredRegions is where the module says a block runs, as region codes:
// a service's regions, a data class's owner's, a dependency's own.
func (m *matcher) declaredRegions(a lang.Address) []string {
	var refs []lang.Ref
	switch b := m.mod.Lookup(a).(type) {
	case *lang.Service:
		refs = b.Regions
	case *lang.Data:
		if s := m.mod.Service(b.Owner.Addr.Name); s != nil {
			refs = s.Regions
		}
	case *lang.Dependency:
		refs = b.Regions
	}
	var out []string
	for _, r := range refs {
		out = addFile(out, m.code(r.Addr.Name))
	}
	return out
}

// Undeclared reports whether the call is one the module should declare:
// nothing matches it, and it is not to an internal name (which says
// nothing about what it is).
func (d *Dependency) Undeclared() bool { return d.DeclaredAs == nil && d.Kind != TargetInternal }

// Drift is where the deployed block runs but is not declared (extra), and
// where it is declared but does not run (missing). A block with no region
// on either side (global resources, blocks declared everywhere) has none.
func (d *Deployed) Drift() (extra, missing []string) {
	if len(d.Regions) == 0 || len(d.DeclaredRegions) == 0 {
		return nil, nil
	}
	return minus(d.Regions, d.DeclaredRegions), minus(d.DeclaredRegions, d.Regions)
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
