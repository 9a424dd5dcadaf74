package lang

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The `alerts` block inside `mrplan` overrides what `mrplan alerts` assumes
// about metric names: the PromQL of a service's health probe, of its public
// endpoint, and of the replication lag of a product or of one data class.
//
//	mrplan {
//	  alerts {
//	    labels          = { team = "sre" }
//	    service_health  = "probe_success{job=\"blackbox\",service=\"$service\",region=\"$region\"}"
//	    endpoint_health = "probe_success{job=\"blackbox-global\",service=\"$service\"}"
//	    dependency_health = "probe_success{job=\"blackbox-deps\",dependency=\"$dependency\"}"
//	    replication_lag "aws.aurora-postgresql" { expr = "..." }
//	    replication_lag "data.orders"           { expr = "..." }
//	  }
//	}
var alertsSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "labels"},
		{Name: "service_health"},
		{Name: "endpoint_health"},
		{Name: "dependency_health"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "replication_lag", LabelNames: []string{"target"}},
	},
}

var lagMetricSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "expr", Required: true}},
}

// AlertSettings is the `alerts` block of the mrplan block; nil when absent.
type AlertSettings struct {
	// Labels are added to every rule; sorted by name when rendered.
	Labels         map[string]string
	ServiceHealth  string // "" for the default
	EndpointHealth string // "" for the default
	// DependencyHealth is the probe of a dependency; "" for the default.
	DependencyHealth string
	Lag              []*LagMetric
	DeclRange        hcl.Range
	Attrs            map[string]hcl.Range
}

// LagMetric overrides the replication-lag expression of every data class
// stored in one product, or of one data class.
type LagMetric struct {
	// Target is what the block's label names: "data.orders", or a product
	// as written ("aws.aurora").
	Target string
	// Data is set when Target names a data class; Product, the canonical
	// "PROVIDER.PRODUCT", when it names a product. One of them is set once
	// the module has loaded without errors.
	Data    *Address
	Product string
	Expr    string

	DeclRange   hcl.Range
	TargetRange hcl.Range
}

// Placeholders each alert expression may use.
var (
	healthPlaceholders     = []string{"region", "service"}
	endpointPlaceholders   = []string{"service"}
	dependencyPlaceholders = []string{"dependency"}
	lagPlaceholders        = []string{"data", "product", "region", "service"}
)

var placeholderRE = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

var labelNameRE = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

func (l *loader) decodeAlertsBlock(block *hcl.Block) *AlertSettings {
	a := &AlertSettings{DeclRange: block.DefRange}
	content := l.content(block.Body, alertsSchema)
	a.Attrs = attrRanges(content, "", nil)
	attrs := content.Attributes
	if v, ok := l.str(attrs["service_health"]); ok && l.placeholders(attrs["service_health"], v, healthPlaceholders) {
		a.ServiceHealth = v
	}
	if v, ok := l.str(attrs["endpoint_health"]); ok && l.placeholders(attrs["endpoint_health"], v, endpointPlaceholders) {
		a.EndpointHealth = v
	}
	if v, ok := l.str(attrs["dependency_health"]); ok && l.placeholders(attrs["dependency_health"], v, dependencyPlaceholders) {
		a.DependencyHealth = v
	}
	if attr := attrs["labels"]; attr != nil {
		a.Labels = l.labelMap(attr)
	}
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		m := &LagMetric{Target: b.Labels[0], DeclRange: b.DefRange, TargetRange: b.LabelRanges[0]}
		if first, dup := seen[m.Target]; dup {
			l.diags = append(l.diags, duplicateDiag("replication_lag", fmt.Sprintf("%q", m.Target), b.DefRange, first))
			continue
		}
		seen[m.Target] = b.DefRange
		c := l.content(b.Body, lagMetricSchema)
		if v, ok := l.str(c.Attributes["expr"]); ok && l.placeholders(c.Attributes["expr"], v, lagPlaceholders) {
			m.Expr = v
			a.Lag = append(a.Lag, m)
		}
	}
	return a
}

// placeholders reports whether every $word in expr is one of allowed.
func (l *loader) placeholders(attr *hcl.Attribute, expr string, allowed []string) bool {
	ok := true
	for _, m := range placeholderRE.FindAllStringSubmatch(expr, -1) {
		if !containsString(allowed, m[1]) {
			l.errorf(attr, "Unknown placeholder", "The expression uses $%s, which mrplan does not fill in.%s This expression may use %s.",
				m[1], didYouMean(m[1], allowed, "$"), andList(dollar(allowed)))
			ok = false
		}
	}
	if strings.TrimSpace(expr) == "" {
		l.errorf(attr, "Empty expression", "Give a PromQL expression, or leave the argument out for the default.")
		ok = false
	}
	return ok
}

func (l *loader) labelMap(attr *hcl.Attribute) map[string]string {
	v, ok := l.value(attr)
	if !ok {
		return nil
	}
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		l.errorf(attr, "Incorrect attribute value type", "The labels argument must be a map of strings, such as { team = \"sre\" }.")
		return nil
	}
	out := map[string]string{}
	for it := v.ElementIterator(); it.Next(); {
		k, ev := it.Element()
		name := k.AsString()
		if !labelNameRE.MatchString(name) {
			l.errorf(attr, "Invalid label name", "Prometheus label names are letters, digits and underscores, not starting with a digit; %q is not one.", name)
			continue
		}
		if ev.IsNull() || ev.Type() != cty.String {
			l.errorf(attr, "Incorrect attribute value type", "The value of label %q must be a string.", name)
			continue
		}
		out[name] = ev.AsString()
	}
	return out
}

// resolveAlerts resolves each replication_lag target once every block is
// declared: a data class, or a catalog product (by any of its names).
func (l *loader) resolveAlerts() {
	a := l.mod.Settings.Alerts
	if a == nil {
		return
	}
	for _, m := range a.Lag {
		if name, ok := strings.CutPrefix(m.Target, "data."); ok {
			addr := Address{KindData, name}
			if _, ok := l.mod.index[addr]; ok {
				m.Data = &addr
				continue
			}
			names := make([]string, 0, len(l.mod.Data))
			for _, d := range l.mod.Data {
				names = append(names, d.Name)
			}
			sort.Strings(names)
			l.lookupError(m.TargetRange, "Unknown data class",
				fmt.Sprintf("There is no data class %q in this module.%s", name, didYouMean(name, names, "data.")))
			continue
		}
		if p := l.resolveProduct(m.Target, m.TargetRange, "a replication_lag target", nil); p != nil {
			m.Product = p.Ref()
		}
	}
	// Data-class overrides first, then products, each by name: the order
	// views look them up in.
	sort.SliceStable(a.Lag, func(i, j int) bool { return a.Lag[i].Target < a.Lag[j].Target })
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func dollar(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "$" + n
	}
	return out
}
