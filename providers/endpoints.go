package providers

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Endpoint knowledge lives beside each built-in catalog in
// data/NAME/endpoints.json: the hostname patterns a provider's APIs answer
// on, with the product and the region each is served from, so that an
// observed DNS query can be named. It is kept apart from products.json on
// purpose: it changes with the vendors' hostnames, not with their products.
//
//go:embed data/*/endpoints.json
var endpointFS embed.FS

// Endpoint is one hostname pattern of a provider.
type Endpoint struct {
	Provider string
	// Pattern is the hostname pattern as written: "{service}.{region}.amazonaws.com".
	Pattern string
	Product string // product name in the catalog, or ""
	Service string // API name when there is no product, or ""
	Scope   Scope
	// Home is the region a global endpoint is served from ("us-east-1" for
	// sts.amazonaws.com), or "" when it is served everywhere.
	Home     string
	Internal bool // a private name (VPC DNS, metadata)
	Note     string
	Source   string

	labels [][]part // the pattern, split into labels and parts
}

// Host is what an observed hostname is, named from the endpoint patterns.
type Host struct {
	Endpoint *Endpoint
	Provider string
	Product  string // catalog product, "" when the API has none in the catalog
	Service  string // the API name from the hostname, when the pattern has {service}
	Region   string // the region it is served from; for a global endpoint, its home
	Scope    Scope
	Internal bool
}

type endpointFile struct {
	Endpoints []struct {
		Pattern  string `json:"pattern"`
		Product  string `json:"product"`
		Service  string `json:"service"`
		Scope    Scope  `json:"scope"`
		Home     string `json:"home"`
		Internal bool   `json:"internal"`
		Note     string `json:"note"`
		Source   string `json:"source"`
	} `json:"endpoints"`
	Services  map[string]string `json:"services"`
	Terraform map[string]string `json:"terraform"`
}

type endpointSet struct {
	provider  string
	endpoints []*Endpoint
	services  map[string]string
	terraform map[string]string
	regions   map[string]bool
}

var loadEndpoints = sync.OnceValue(func() []*endpointSet {
	sets, err := decodeEndpoints(endpointFS, Builtins())
	if err != nil {
		panic("providers: built-in endpoint data is broken: " + err.Error())
	}
	return sets
})

func decodeEndpoints(fsys fs.FS, cats []*Catalog) ([]*endpointSet, error) {
	var out []*endpointSet
	for _, c := range cats {
		name := path.Join("data", c.Name, "endpoints.json")
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // a catalog without endpoints (generic): nothing to name
		}
		var f endpointFile
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		set := &endpointSet{provider: c.Name, services: f.Services, terraform: f.Terraform, regions: map[string]bool{}}
		for _, r := range c.Regions {
			set.regions[r.Code] = true
		}
		for i, e := range f.Endpoints {
			if e.Source == "" {
				return nil, fmt.Errorf("%s: endpoint %d (%s) has no source", name, i, e.Pattern)
			}
			if e.Product != "" {
				if _, ok := c.Product(e.Product); !ok {
					return nil, fmt.Errorf("%s: endpoint %s names unknown product %q", name, e.Pattern, e.Product)
				}
			}
			if e.Home != "" && !set.regions[e.Home] {
				return nil, fmt.Errorf("%s: endpoint %s is homed in unknown region %q", name, e.Pattern, e.Home)
			}
			ep := &Endpoint{
				Provider: c.Name, Pattern: e.Pattern, Product: e.Product, Service: e.Service,
				Scope: e.Scope, Home: e.Home, Internal: e.Internal, Note: e.Note, Source: e.Source,
			}
			for _, l := range strings.Split(e.Pattern, ".") {
				ep.labels = append(ep.labels, splitParts(l))
			}
			set.endpoints = append(set.endpoints, ep)
		}
		for svc, p := range f.Services {
			if _, ok := c.Product(p); !ok {
				return nil, fmt.Errorf("%s: service %s names unknown product %q", name, svc, p)
			}
		}
		for typ, p := range f.Terraform {
			if _, ok := c.Product(p); !ok {
				return nil, fmt.Errorf("%s: Terraform type %s names unknown product %q", name, typ, p)
			}
		}
		out = append(out, set)
	}
	return out, nil
}

// Endpoints lists the built-in endpoint patterns of a provider, in the
// order they are tried.
func Endpoints(provider string) []*Endpoint {
	for _, s := range loadEndpoints() {
		if s.provider == provider {
			return s.endpoints
		}
	}
	return nil
}

// MatchHost names a hostname ("secretsmanager.us-east-1.amazonaws.com",
// with or without the final dot, any case) from the built-in endpoint
// patterns. Providers are tried in name order and patterns in file order;
// the first match wins.
func MatchHost(host string) (Host, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" {
		return Host{}, false
	}
	labels := strings.Split(host, ".")
	for _, s := range loadEndpoints() {
		for _, ep := range s.endpoints {
			var m match
			if !matchLabels(ep.labels, labels, s.regions, &m) {
				continue
			}
			h := Host{Endpoint: ep, Provider: s.provider, Product: ep.Product, Service: ep.Service,
				Scope: ep.Scope, Internal: ep.Internal, Region: m.region}
			if m.service != "" {
				h.Service = m.service
				if h.Product == "" {
					h.Product = s.services[m.service]
				}
			}
			if h.Region == "" {
				h.Region = ep.Home
			}
			return h, true
		}
	}
	return Host{}, false
}

// TerraformProduct maps a Terraform resource type ("aws_dynamodb_table") to
// its provider and catalog product: through the catalogs' aliases, which
// name the types that create each product, or else through endpoints.json's
// "terraform" table, which holds the types whose product depends on their
// arguments (aws_db_instance runs any engine) with the product assumed
// when nothing else says.
func TerraformProduct(resourceType string) (provider, product string, ok bool) {
	if p, ok := builtinRegistry().ProductForTerraformType(resourceType); ok {
		return p.Provider, p.Name, true
	}
	for _, s := range loadEndpoints() {
		if p, found := s.terraform[resourceType]; found {
			return s.provider, p, true
		}
	}
	return "", "", false
}

// builtinRegistry holds the built-in catalogs, for lookups that need no
// module.
var builtinRegistry = sync.OnceValue(NewRegistry)

// TerraformTypes lists the Terraform resource types TerraformProduct knows, sorted.
func TerraformTypes() []string {
	var out []string
	for _, c := range Builtins() {
		for _, t := range c.TerraformTypes() {
			out = append(out, t.Type)
		}
	}
	for _, s := range loadEndpoints() {
		for t := range s.terraform {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// part is one piece of a pattern label: a literal, "*", "{region}" or "{service}".
type part struct {
	lit  string
	kind byte // 0 literal, '*', 'r' region, 's' service
}

func splitParts(label string) []part {
	var out []part
	for label != "" {
		switch {
		case strings.HasPrefix(label, "{region}"):
			out, label = append(out, part{kind: 'r'}), label[len("{region}"):]
		case strings.HasPrefix(label, "{service}"):
			out, label = append(out, part{kind: 's'}), label[len("{service}"):]
		case label[0] == '*':
			out, label = append(out, part{kind: '*'}), label[1:]
		default:
			i := strings.IndexAny(label, "{*")
			if i <= 0 {
				i = len(label)
			}
			out, label = append(out, part{lit: label[:i]}), label[i:]
		}
	}
	return out
}

type match struct{ region, service string }

// matchLabels matches a hostname's labels against a pattern's. A first
// label that is "*" alone matches one or more labels; everything else
// matches one label.
func matchLabels(pat [][]part, host []string, regions map[string]bool, m *match) bool {
	if len(pat) > 0 && len(pat[0]) == 1 && pat[0][0].kind == '*' {
		rest := pat[1:]
		if len(host) <= len(rest) {
			return false
		}
		return matchLabels(rest, host[len(host)-len(rest):], regions, m)
	}
	if len(pat) != len(host) {
		return false
	}
	for i := len(pat) - 1; i >= 0; i-- { // the domain first: most patterns fail there
		if !matchLabel(pat[i], host[i], regions, m) {
			return false
		}
	}
	return true
}

func matchLabel(parts []part, s string, regions map[string]bool, m *match) bool {
	if len(parts) == 0 {
		return s == ""
	}
	p := parts[0]
	switch p.kind {
	case 0:
		return strings.HasPrefix(s, p.lit) && matchLabel(parts[1:], s[len(p.lit):], regions, m)
	case 's':
		if len(parts) == 1 {
			if s == "" {
				return false
			}
			m.service = s
			return true
		}
		fallthrough
	case '*':
		for i := len(s); i >= 1; i-- {
			if matchLabel(parts[1:], s[i:], regions, m) {
				if p.kind == 's' {
					m.service = s[:i]
				}
				return true
			}
		}
		return false
	case 'r':
		for i := len(s); i >= 1; i-- {
			if regions[s[:i]] && matchLabel(parts[1:], s[i:], regions, m) {
				m.region = s[:i]
				return true
			}
		}
	}
	return false
}
