package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/providers"
)

// DiscoverHCL drafts, for review, the module text that would declare what
// was observed but not declared: a dependency block per undeclared target,
// commented with the services that call it and the evidence, the region
// blocks those need, and comments for calls to blocks that exist but are
// not listed. The text is formatted as mrplan fmt would.
func DiscoverHCL(mod *lang.Module, d *observe.Discovery) []byte {
	var b strings.Builder
	b.WriteString("# Drafted by mrplan discover from observed calls: review, keep what is right,\n")
	b.WriteString("# and add each dependency to the depends_on of the services named above it.\n")

	byTarget := map[string][]*observe.Dependency{}
	var targets []string
	var listOnly, services, odd []*observe.Dependency
	for _, dep := range d.Dependencies {
		if !dep.Undeclared() {
			continue
		}
		switch {
		case dep.Callee != nil:
			listOnly = append(listOnly, dep) // the block exists; depends_on lacks it
		case dep.Kind == observe.TargetService:
			services = append(services, dep)
		case !hostname(dep.Target):
			odd = append(odd, dep) // a name no block can carry as it is
		default:
			if byTarget[dep.Target] == nil {
				targets = append(targets, dep.Target)
			}
			byTarget[dep.Target] = append(byTarget[dep.Target], dep)
		}
	}
	sort.Strings(targets)

	names := map[string]bool{}
	for _, dd := range mod.Dependencies {
		names[dd.Name] = true
	}
	regionBlocks := map[string]bool{}
	var regionOrder []string
	for _, t := range targets {
		deps := byTarget[t]
		first := deps[0]
		name := uniqueName(names, dependencyName(first))
		b.WriteString("\n")
		for _, dep := range deps {
			fmt.Fprintf(&b, "# %s called %s: %s.\n", dep.Service, dep.Target, commentSafe(evidenceLine(dep)))
		}
		fmt.Fprintf(&b, "dependency %q {\n", name)
		fmt.Fprintf(&b, "  kind = %q\n", dependencyKind(mod, first))
		if first.Product != "" {
			fmt.Fprintf(&b, "  product = %q\n", first.Product)
		}
		switch {
		case first.Region != "":
			region, ok := regionFor(mod, first.Provider, first.Region)
			if !ok {
				if !regionBlocks[first.Region] {
					regionBlocks[first.Region] = true
					regionOrder = append(regionOrder, first.Provider+"\x00"+first.Region)
				}
				region = first.Region
			}
			if first.Homed {
				fmt.Fprintf(&b, "  # a global endpoint served from %s only\n", first.Region)
			}
			fmt.Fprintf(&b, "  regions = [region.%s]\n", region)
		case first.Scope == providers.ScopeGlobal:
			b.WriteString("  global = true\n")
		default:
			b.WriteString("  # where is it served from? set regions = [...], or global = true\n")
		}
		b.WriteString("  observe {\n")
		fmt.Fprintf(&b, "    hosts = [%q]\n", first.Target)
		b.WriteString("  }\n}\n")
	}
	for _, key := range regionOrder {
		provider, code, _ := strings.Cut(key, "\x00")
		b.WriteString("\n")
		fmt.Fprintf(&b, "# Called, but not a region the module declares.\n")
		if len(mod.Providers) > 1 {
			fmt.Fprintf(&b, "region %q {\n  provider = %q\n}\n", code, provider)
		} else {
			fmt.Fprintf(&b, "region %q {}\n", code)
		}
	}
	if len(services) > 0 {
		b.WriteString("\n# Traced services the module does not declare:\n")
		for _, dep := range services {
			fmt.Fprintf(&b, "#   %s called %s: %s.\n", dep.Service, commentSafe(strconv.Quote(dep.Target)), commentSafe(evidenceLine(dep)))
		}
		b.WriteString("# Declare each as a service (with its regions), or name it in an existing\n")
		b.WriteString("# service's observe { names }.\n")
	}
	if len(odd) > 0 {
		b.WriteString("\n# Queried names that are not hostnames, left for you to judge:\n")
		for _, dep := range odd {
			fmt.Fprintf(&b, "#   %s queried %s: %s.\n", dep.Service, commentSafe(strconv.QuoteToASCII(dep.Target)), commentSafe(evidenceLine(dep)))
		}
	}
	if len(listOnly) > 0 {
		b.WriteString("\n# Calls to declared blocks that the caller's depends_on does not list:\n")
		for _, dep := range listOnly {
			fmt.Fprintf(&b, "#   %s calls %s (%s): %s.\n", dep.Service, dep.Callee, commentSafe(dep.Target), commentSafe(evidenceLine(dep)))
		}
	}
	return hclwrite.Format([]byte(b.String()))
}

// hostname reports whether s is a plain DNS name, safe in an HCL string
// and a comment as it is.
func hostname(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.', r == '_':
		default:
			return false
		}
	}
	return true
}

// commentSafe keeps a comment on its line: control characters and
// anything outside printable ASCII become "?".
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f {
			return '?'
		}
		return r
	}, s)
}

func evidenceLine(d *observe.Dependency) string {
	s := countOf(d.Calls, "call", "calls")
	if len(d.FromRegions) > 0 {
		s += " from " + strings.Join(d.FromRegions, ", ")
	}
	if !d.First.IsZero() {
		s += ", " + d.First.UTC().Format(time.RFC3339) + " to " + d.Last.UTC().Format(time.RFC3339)
	}
	return s + " (" + strings.Join(d.Sources, ", ") + ")"
}

// dependencyName names a drafted block after what it is: the product and
// its region ("secrets-manager-us-east-1"), the API ("sts"), or the
// domain of a third party ("stripe" for api.stripe.com).
func dependencyName(d *observe.Dependency) string {
	var base string
	switch {
	case d.Product != "":
		_, base, _ = strings.Cut(d.Product, ".")
	case d.Kind == observe.TargetCloudService:
		base = strings.SplitN(d.Target, ".", 2)[0]
	default:
		labels := strings.Split(d.Target, ".")
		base = labels[0]
		if len(labels) >= 2 {
			base = labels[len(labels)-2]
		}
	}
	if d.Region != "" && d.Scope == providers.ScopeRegional {
		base += "-" + d.Region
	}
	var out strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			out.WriteRune(r)
		default:
			out.WriteRune('-')
		}
	}
	s := strings.Trim(out.String(), "-")
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		s = "observed-" + s
	}
	return s
}

func uniqueName(taken map[string]bool, name string) string {
	n, i := name, 2
	for taken[n] {
		n = fmt.Sprintf("%s-%d", name, i)
		i++
	}
	taken[n] = true
	return n
}

// dependencyKind is the kind of a drafted dependency block.
func dependencyKind(mod *lang.Module, d *observe.Dependency) string {
	if d.Kind == observe.TargetThirdParty {
		return "third-party"
	}
	if p, ok := mod.Registry.Product(d.Product); ok {
		switch p.Kind {
		case providers.KindDatabase, providers.KindCache, providers.KindQueue, providers.KindObjectStore,
			providers.KindIdentity, providers.KindDNS, providers.KindSecrets:
			return string(p.Kind)
		}
		return "other"
	}
	if strings.HasPrefix(d.Target, "sts.") || strings.HasPrefix(d.Target, "login.") {
		return "identity"
	}
	return "other"
}

// regionFor is the module's region block for a provider's region code.
func regionFor(mod *lang.Module, provider, code string) (string, bool) {
	for _, r := range mod.Regions {
		if r.Code == code && (r.Provider == "" || r.Provider == provider) {
			return r.Name, true
		}
	}
	return "", false
}
