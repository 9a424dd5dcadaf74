package ops

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
	"github.com/mrplan/mrplan/units"
)

// The alert names the rules and the runbooks share.
const (
	alertLagWarning  = "MrplanReplicationLagWarning"
	alertLagCritical = "MrplanReplicationLagCritical"
	alertRegionDown  = "MrplanServiceRegionDown"
	alertServiceDown = "MrplanServiceDown"
	alertOverRTO     = "MrplanFailoverOverRTO"
	// alertDependencyDown: a dependency's probe fails.
	alertDependencyDown = "MrplanDependencyDown"
)

// lagFor is how long replication lag must stay over a threshold before its
// alert fires: lag is sampled, and a single slow sample is not a risk.
const lagFor = time.Minute

// The metric assumptions used when neither the module nor the operations
// catalog says otherwise. Health comes from probes (the Prometheus
// blackbox exporter's probe_success): one per service and region, as the
// routing health checks see it, and one of the service's public name, as
// users see it.
const (
	DefaultServiceHealth  = `probe_success{job="mrplan-health",service="$service",region="$region"}`
	DefaultEndpointHealth = `probe_success{job="mrplan-endpoint",service="$service"}`
	// DefaultDependencyHealth is a probe of what the module's services
	// call outside it: the third-party API, the managed queue's endpoint.
	DefaultDependencyHealth = `probe_success{job="mrplan-dependency",dependency="$dependency"}`
	// DefaultLag is a gauge, in seconds, that the team exports for a store
	// with no well-known lag metric.
	DefaultLag = `mrplan_replication_lag_seconds{data="$data"}`
)

// AlertConfig is the metric names in force for one module: the module's
// `mrplan { alerts { ... } }` over the defaults.
type AlertConfig struct {
	Labels           map[string]string
	ServiceHealth    string
	EndpointHealth   string
	DependencyHealth string
	byData           map[string]string // data name → expr
	byProduct        map[string]string // canonical product → expr
}

func alertConfig(p *planner.Plan) *AlertConfig {
	c := &AlertConfig{
		ServiceHealth: DefaultServiceHealth, EndpointHealth: DefaultEndpointHealth, DependencyHealth: DefaultDependencyHealth,
		byData: map[string]string{}, byProduct: map[string]string{},
	}
	if p.Module == nil || p.Module.Settings == nil || p.Module.Settings.Alerts == nil {
		return c
	}
	a := p.Module.Settings.Alerts
	c.Labels = a.Labels
	if a.ServiceHealth != "" {
		c.ServiceHealth = a.ServiceHealth
	}
	if a.EndpointHealth != "" {
		c.EndpointHealth = a.EndpointHealth
	}
	if a.DependencyHealth != "" {
		c.DependencyHealth = a.DependencyHealth
	}
	for _, m := range a.Lag {
		switch {
		case m.Data != nil:
			c.byData[m.Data.Name] = m.Expr
		case m.Product != "":
			c.byProduct[m.Product] = m.Expr
		}
	}
	return c
}

// LagExpr is the replication-lag expression of d, in seconds, and where it
// comes from: "module" (an override), the vendor page of the catalog's
// metric, or "default" (a gauge to export).
func (c *AlertConfig) LagExpr(d *planner.Data) (expr, source string) {
	if e, ok := c.byData[d.Addr.Name]; ok {
		return e, "module"
	}
	if d.Block.Catalog != nil {
		ref := d.Block.Catalog.Ref()
		if e, ok := c.byProduct[ref]; ok {
			return e, "module"
		}
		if op, ok := providers.ProductOperation(ref); ok && op.Lag != "" {
			return op.Lag, op.LagSource
		}
	}
	return DefaultLag, "default"
}

// RuleFile is a Prometheus rule file: groups of alerting rules.
type RuleFile struct {
	Groups []RuleGroup
	// ServiceHealth, EndpointHealth and DependencyHealth are the health
	// expressions in force, with their placeholders, for the file's header.
	ServiceHealth, EndpointHealth, DependencyHealth string
}

// RuleGroup is one group of rules, evaluated together.
type RuleGroup struct {
	Name  string
	Rules []Rule
}

// Rule is one alerting rule.
type Rule struct {
	Alert       string
	Expr        string
	For         time.Duration
	Labels      map[string]string
	Annotations map[string]string
}

// BuildAlerts writes the alerting rules of p: for each replicated data
// class, its lag against its RPO (warning at half, critical at the RPO);
// for each service, its health in each region, its endpoint, and how long
// it has been down against its RTO.
func BuildAlerts(p *planner.Plan) *RuleFile {
	c := alertConfig(p)
	a := p.Assumptions
	f := &RuleFile{ServiceHealth: c.ServiceHealth, EndpointHealth: c.EndpointHealth, DependencyHealth: c.DependencyHealth}
	var lag []Rule
	for _, d := range p.Data {
		if !d.Counts || d.Replication == planner.ReplicationNone {
			continue
		}
		lag = append(lag, lagRules(c, p, d)...)
	}
	if len(lag) > 0 {
		f.Groups = append(f.Groups, RuleGroup{Name: "mrplan-replication-lag", Rules: lag})
	}
	for _, s := range p.Services {
		var rules []Rule
		name := s.Addr.Name
		base := func(severity string) map[string]string {
			l := map[string]string{"severity": severity, "service": name, "tier": strconv.Itoa(s.Tier)}
			for k, v := range c.Labels {
				if _, taken := l[k]; !taken {
					l[k] = v
				}
			}
			return l
		}
		for _, r := range s.Regions {
			l := base(severityForTier(s.Tier))
			l["region"] = r
			expr := "max(" + fill(c.ServiceHealth, map[string]string{"service": name, "region": r}) + ") < 1"
			rules = append(rules, Rule{Alert: alertRegionDown, Expr: expr, For: a.DetectionTime, Labels: l,
				Annotations: map[string]string{
					"summary":     s.Addr.String() + " fails its health checks in " + r,
					"description": regionDownDescription(s, r),
					"runbook":     "mrplan runbook --scenario 'region " + r + "'",
				}})
		}
		endpoint := fill(c.EndpointHealth, map[string]string{"service": name})
		rules = append(rules, Rule{Alert: alertServiceDown, Expr: "max(" + endpoint + ") < 1", For: a.DetectionTime,
			Labels: base("critical"),
			Annotations: map[string]string{
				"summary":     "Users cannot reach " + s.Addr.String(),
				"description": "The public endpoint of " + s.Addr.String() + " has failed its probe for " + dur(a.DetectionTime) + ". The plan recovers it in " + rtoWords(s.RegionRTO) + "; find the scenario with `mrplan runbook`.",
			}})
		rto := objectiveRTO(s)
		if rto == 0 && !s.RegionRTO.Unbounded {
			rto = s.RegionRTO.Total
		}
		if rto > 0 {
			rules = append(rules, Rule{Alert: alertOverRTO, Expr: "max(" + endpoint + ") < 1", For: rto,
				Labels: base("critical"),
				Annotations: map[string]string{
					"summary":     s.Addr.String() + " has been down longer than its RTO of " + dur(rto),
					"description": "The failover of " + s.Addr.String() + " is over budget: the plan expected " + rtoWords(s.RegionRTO) + ". Escalate; check each runbook step's expected duration against what happened.",
				}})
		}
		f.Groups = append(f.Groups, RuleGroup{Name: "mrplan-service-" + name, Rules: rules})
	}
	if deps := dependencyRules(c, p); len(deps) > 0 {
		f.Groups = append(f.Groups, RuleGroup{Name: "mrplan-dependencies", Rules: deps})
	}
	return f
}

// dependencyRules watch each dependency some service calls: its probe
// failing for detection_time. The alert is critical when a caller needs
// it (no fallback, every request), a warning when every caller does
// without it.
func dependencyRules(c *AlertConfig, p *planner.Plan) []Rule {
	if p.Module == nil {
		return nil
	}
	scenario := map[string]bool{}
	for _, sc := range p.Scenarios {
		if sc.Domain == lang.DomainDependency {
			scenario[sc.Target] = true
		}
	}
	deps := make([]*lang.Dependency, 0, len(p.Module.Dependencies))
	for _, d := range p.Module.Dependencies {
		if d != nil {
			deps = append(deps, d)
		}
	}
	sort.Slice(deps, func(i, j int) bool { return deps[i].Name < deps[j].Name })
	callers := dependencyCallers(p)
	var out []Rule
	for _, d := range deps {
		var hard, soft []string
		for _, s := range callers[d.Name] {
			if call := s.Block.Call(d.Addr()); d.Fallback != "" || call != nil && call.Soft() {
				soft = append(soft, s.Addr.String())
			} else {
				hard = append(hard, s.Addr.String())
			}
		}
		if len(hard)+len(soft) == 0 {
			continue
		}
		severity := "warning"
		var desc []string
		if len(hard) > 0 {
			severity = "critical"
			desc = append(desc, "Needed with no fallback by "+strings.Join(hard, ", ")+": their requests fail while it is down.")
		}
		if len(soft) > 0 {
			desc = append(desc, "Called with a fallback, or by some requests only, by "+strings.Join(soft, ", ")+": they degrade.")
		}
		l := map[string]string{"severity": severity, "dependency": d.Name, "kind": d.Kind.String()}
		for k, v := range c.Labels {
			if _, taken := l[k]; !taken {
				l[k] = v
			}
		}
		ann := map[string]string{
			"summary":     d.Addr().String() + " fails its probe",
			"description": strings.Join(desc, " "),
		}
		if scenario[d.Name] {
			ann["runbook"] = "mrplan runbook --scenario 'dependency " + d.Name + "'"
		}
		expr := "max(" + fill(c.DependencyHealth, map[string]string{"dependency": d.Name}) + ") < 1"
		out = append(out, Rule{Alert: alertDependencyDown, Expr: expr, For: p.Assumptions.DetectionTime, Labels: l, Annotations: ann})
	}
	return out
}

// dependencyCallers lists, per dependency name, the services that call
// it, each once, in the plan's order (by address).
func dependencyCallers(p *planner.Plan) map[string][]*planner.Service {
	out := map[string][]*planner.Service{}
	for _, s := range p.Services {
		for i, r := range s.Block.DependsOn {
			if r.Addr.Kind != lang.KindDependency || slices.ContainsFunc(s.Block.DependsOn[:i], func(x lang.Ref) bool { return x.Addr == r.Addr }) {
				continue
			}
			out[r.Addr.Name] = append(out[r.Addr.Name], s)
		}
	}
	return out
}

func lagRules(c *AlertConfig, p *planner.Plan, d *planner.Data) []Rule {
	owner := d.Block.Owner.Addr.Name
	home := ""
	if o := p.Service(owner); o != nil {
		home = o.Primary
	}
	expr, src := c.LagExpr(d)
	expr = fill(expr, map[string]string{"data": d.Addr.Name, "product": productRef(d), "region": home, "service": owner})
	rpo, known := d.LossTolerance, d.LossKnown
	labels := func(severity string) map[string]string {
		l := map[string]string{"severity": severity, "data": d.Addr.Name, "service": owner, "class": d.Class.String()}
		for k, v := range c.Labels {
			if _, taken := l[k]; !taken {
				l[k] = v
			}
		}
		return l
	}
	what := d.Addr.String() + " (" + productRef(d) + ", " + d.Replication.String() + ")"
	metric := map[string]string{"module": "set in the module's alerts block", "default": "a gauge in seconds that you export (no well-known metric for this store)"}[src]
	if metric == "" {
		metric = src
	}
	if !known {
		// No objective to compare with: alert at the product's typical lag
		// times ten, so a stalled channel is still seen.
		if d.Lag <= 0 {
			return nil
		}
		rpo = 10 * d.Lag
	}
	if rpo == 0 {
		return []Rule{{Alert: alertLagCritical, Expr: "(" + expr + ") > 0", For: lagFor, Labels: labels("critical"),
			Annotations: map[string]string{
				"summary":       what + " replicas are behind, but its RPO is 0",
				"description":   "A zero-loss channel that lags means writes are not protected; a region loss now loses them.",
				"metric_source": metric,
			}}}
	}
	return []Rule{
		{Alert: alertLagWarning, Expr: "(" + expr + ") > " + seconds(rpo/2), For: lagFor, Labels: labels("warning"),
			Annotations: map[string]string{
				"summary":       what + " replication lag is over half its RPO of " + dur(rpo),
				"description":   "Lag above " + dur(rpo/2) + " for " + dur(lagFor) + ". A region loss now would lose up to the lag.",
				"metric_source": metric,
			}},
		{Alert: alertLagCritical, Expr: "(" + expr + ") > " + seconds(rpo), For: lagFor, Labels: labels("critical"),
			Annotations: map[string]string{
				"summary":       what + " replication lag is over its RPO of " + dur(rpo),
				"description":   "A region loss now would lose more than the objective allows. Find what slows the channel (write burst, network, replica capacity).",
				"metric_source": metric,
			}},
	}
}

func regionDownDescription(s *planner.Service, r string) string {
	switch {
	case len(s.Regions) < 2:
		return s.Addr.String() + " runs only in " + r + ": nothing to fail over to."
	case r == s.Primary && s.Topology != lang.TopologyActiveActive:
		return "The primary of " + s.Addr.String() + " is failing: follow the runbook of region " + r + "."
	default:
		return s.Addr.String() + " should be taken out of routing in " + r + " by its health checks."
	}
}

func severityForTier(tier int) string {
	if tier == 0 {
		return "critical"
	}
	return "warning"
}

func rtoWords(r planner.RTO) string {
	if r.Unbounded {
		return "no bounded time (nowhere to fail over to)"
	}
	return dur(r.Total)
}

// fill replaces $name placeholders in expr. Longer names are replaced
// first, so that a name that prefixes another cannot break it.
func fill(expr string, vals map[string]string) string {
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	for _, k := range keys {
		expr = strings.ReplaceAll(expr, "$"+k, vals[k])
	}
	return expr
}

// seconds writes d as a PromQL number of seconds.
func seconds(d time.Duration) string {
	s := d.Seconds()
	if s == math.Trunc(s) {
		return strconv.FormatInt(int64(s), 10)
	}
	return strconv.FormatFloat(s, 'f', -1, 64)
}

func dur(d time.Duration) string { return units.FormatDuration(d) }

func itoa(i int) string { return strconv.Itoa(i) }
