package lang

import (
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"
)

var serviceSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "description"},
		{Name: "criticality"},
		{Name: "tier"},
		{Name: "revenue"},
		{Name: "objective"},
		{Name: "rpo"},
		{Name: "rto"},
		{Name: "regions", Required: true},
		{Name: "primary"},
		{Name: "topology"},
		{Name: "failover"},
		{Name: "witness"},
		{Name: "depends_on"},
		{Name: "reads"},
		{Name: "writes"},
		{Name: "compensation"},
		{Name: "failover_drill"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "traffic"},
		{Type: "routing"},
		{Type: "observability"},
		{Type: "capacity"},
		observeBlock,
		{Type: "call"},
	},
}

// callSchema is a `call { to = ..., fallback = ..., audiences = [...] }`
// block: how the service calls one of its depends_on targets.
var callSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "to", Required: true},
		{Name: "fallback"},
		{Name: "audiences"},
		{Name: "partition"},
	},
}

var trafficSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "rps"},
		{Name: "read_ratio"},
	},
}

var routingSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "policy"},
		{Name: "dns_ttl"},
		{Name: "health_check"},
	},
}

var observabilitySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "replication_lag_alert"},
		{Name: "health_checks"},
		{Name: "dashboards"},
	},
}

// DefaultDNSTTL is a service's routing dns_ttl when none is given.
const DefaultDNSTTL = 60 * time.Second

func (l *loader) decodeServiceBlock(block *hcl.Block) *Service {
	s := &Service{
		Name:      block.Labels[0],
		Routing:   Routing{DNSTTL: DefaultDNSTTL, HealthCheck: true},
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, serviceSchema)
	s.Attrs = attrRanges(content, "", nil)
	a := content.Attributes

	s.Description, _ = l.str(a["description"])
	if i, ok := l.enum(a["criticality"], criticalityNames); ok {
		s.Criticality = Criticality(i)
	}
	if v, ok := l.integer(a["tier"], 0, 2); ok {
		s.Tier = &v
	}
	s.Revenue, _ = l.boolean(a["revenue"])
	if r, ok := l.ref(a["objective"], refObjective); ok {
		s.Objective = &r
	}
	if v, ok := l.duration(a["rpo"]); ok {
		s.RPO = &v
	}
	if v, ok := l.duration(a["rto"]); ok {
		s.RTO = &v
	}
	refs, ok := l.refs(a["regions"], refRegion)
	s.Regions = refs
	if ok && len(refs) == 0 {
		l.errorf(a["regions"], "No regions", "Service %q must list at least one region it may run in, such as regions = [region.us-east-1].", s.Name)
	}
	if r, ok := l.ref(a["primary"], refRegion); ok {
		s.Primary = r
	}
	if i, ok := l.enum(a["topology"], topologyNames); ok {
		s.Topology = Topology(i)
	}
	if i, ok := l.enum(a["failover"], failoverNames); ok {
		s.Failover = FailoverMode(i)
	}
	if r, ok := l.ref(a["witness"], refRegion); ok {
		s.Witness = &r
	}
	s.DependsOn, _ = l.refs(a["depends_on"], refCallee)
	s.Reads, _ = l.refs(a["reads"], refData)
	s.Writes, _ = l.refs(a["writes"], refData)
	s.Compensation, _ = l.str(a["compensation"])
	if v, ok := l.date(a["failover_drill"]); ok {
		s.FailoverDrill = &v
	}

	if b := l.singleBlock(content, "traffic"); b != nil {
		s.Traffic = l.decodeTraffic(b, s.Attrs)
	}
	if b := l.singleBlock(content, "routing"); b != nil {
		l.decodeRouting(b, &s.Routing, s.Attrs)
	}
	if b := l.singleBlock(content, "observability"); b != nil {
		l.decodeObservability(b, &s.Observability, s.Attrs)
	}
	if b := l.singleBlock(content, "capacity"); b != nil {
		s.Capacity = l.decodeCapacity(b, s.Attrs)
	}
	s.Observe = l.decodeObserve(content, KindService, s.Attrs)
	for _, b := range content.Blocks {
		if b.Type == "call" {
			if c := l.decodeCall(b); c != nil {
				s.Calls = append(s.Calls, c)
			}
		}
	}
	return s
}

// decodeCall reads one call block. A call to a target depends_on does not
// list adds it there: the block is the edge, described.
func (l *loader) decodeCall(block *hcl.Block) *Call {
	content := l.content(block.Body, callSchema)
	a := content.Attributes
	to, ok := l.ref(a["to"], refCallee)
	if !ok {
		return nil
	}
	c := &Call{To: to, DeclRange: block.DefRange}
	c.Fallback, _ = l.str(a["fallback"])
	c.Audiences, _ = l.refs(a["audiences"], refAudience)
	c.Partition, _ = l.str(a["partition"])
	return c
}

func (l *loader) decodeTraffic(block *hcl.Block, ranges map[string]hcl.Range) *Traffic {
	t := &Traffic{}
	content := l.content(block.Body, trafficSchema)
	ranges["traffic"] = block.DefRange
	attrRanges(content, "traffic.", ranges)
	t.RPS, _ = l.number(content.Attributes["rps"], 0, inf)
	t.ReadRatio, _ = l.number(content.Attributes["read_ratio"], 0, 1)
	return t
}

func (l *loader) decodeRouting(block *hcl.Block, r *Routing, ranges map[string]hcl.Range) {
	content := l.content(block.Body, routingSchema)
	ranges["routing"] = block.DefRange
	attrRanges(content, "routing.", ranges)
	a := content.Attributes
	if i, ok := l.enum(a["policy"], routingNames); ok {
		r.Policy = RoutingPolicy(i)
	}
	if v, ok := l.duration(a["dns_ttl"]); ok {
		r.DNSTTL = v
	}
	if v, ok := l.boolean(a["health_check"]); ok {
		r.HealthCheck = v
	}
}

func (l *loader) decodeObservability(block *hcl.Block, o *Observability, ranges map[string]hcl.Range) {
	content := l.content(block.Body, observabilitySchema)
	ranges["observability"] = block.DefRange
	attrRanges(content, "observability.", ranges)
	a := content.Attributes
	if v, ok := l.duration(a["replication_lag_alert"]); ok {
		o.ReplicationLagAlert = &v
	}
	o.HealthChecks, _ = l.boolean(a["health_checks"])
	o.Dashboards, _ = l.strings(a["dashboards"])
}

// resolveService resolves the service's references, lays its inline rpo and
// rto over the referenced objective, and checks its regions.
func (l *loader) resolveService(s *Service) {
	s.Policy = Policy{Survive: DefaultSurvive, WriteLatencyBudget: DefaultWriteLatencyBudget}
	if s.Objective != nil {
		if l.resolve(*s.Objective, refObjective) {
			o := l.mod.Objective(s.Objective.Addr.Name)
			s.Policy = Policy{
				RPO: o.RPO, RTO: o.RTO, HasRPO: true, HasRTO: true,
				Availability:       o.Availability,
				Survive:            o.Survive,
				WriteLatencyBudget: o.WriteLatencyBudget,
				From:               s.Objective,
			}
		} else {
			s.Objective = nil
		}
	}
	if s.RPO != nil {
		s.Policy.RPO, s.Policy.HasRPO = *s.RPO, true
	}
	if s.RTO != nil {
		s.Policy.RTO, s.Policy.HasRTO = *s.RTO, true
	}

	s.Regions = l.resolveAll(s.Regions, refRegion)
	if s.Primary == (Ref{}) {
		if len(s.Regions) > 0 {
			s.Primary = Ref{Addr: s.Regions[0].Addr, Range: s.Attrs["regions"]}
		}
	} else if !l.resolve(s.Primary, refRegion) {
		s.Primary = Ref{}
	} else if len(s.Regions) > 0 && !hasRef(s.Regions, s.Primary.Addr) {
		rng := s.Primary.Range
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Primary region not among regions",
			Detail: fmt.Sprintf("Service %q has primary %s, which is not one of its regions. Add it to regions, or choose one of them as primary.",
				s.Name, s.Primary.Addr),
			Subject: &rng,
		})
	}
	if s.Witness != nil {
		switch {
		case !l.resolve(*s.Witness, refRegion):
			s.Witness = nil
		case hasRef(s.Regions, s.Witness.Addr):
			rng := s.Witness.Range
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Witness is a serving region",
				Detail: fmt.Sprintf("Service %q runs in %s, so that region cannot also be its witness: a witness only votes, and must be a third failure domain. Choose a region that is not in regions.",
					s.Name, s.Witness.Addr),
				Subject: &rng,
			})
		}
	}
	s.DependsOn = l.resolveAll(s.DependsOn, refCallee)
	calls := s.Calls[:0]
	for _, c := range s.Calls {
		if !l.resolve(c.To, refCallee) {
			continue
		}
		c.Audiences = l.resolveAll(c.Audiences, refAudience)
		if !hasRef(s.DependsOn, c.To.Addr) {
			s.DependsOn = append(s.DependsOn, c.To)
		}
		calls = append(calls, c)
	}
	s.Calls = calls
	s.Reads = l.resolveAll(s.Reads, refData)
	s.Writes = l.resolveAll(s.Writes, refData)
	l.checkCapacity(s)
}

func hasRef(refs []Ref, a Address) bool {
	for _, r := range refs {
		if r.Addr == a {
			return true
		}
	}
	return false
}
