package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
)

// evidence says how an observed call was seen, for a finding's detail:
// "16 calls from eu-central-1 and eu-west-1, first 2026-11-30T00:01:00Z,
// last 2026-11-30T21:06:00Z, in resolver.jsonl.gz".
func evidence(d *observe.Dependency) string {
	var b strings.Builder
	calls := "calls"
	if d.Calls == 1 {
		calls = "call"
	}
	fmt.Fprintf(&b, "%d %s", d.Calls, calls)
	if len(d.FromRegions) > 0 {
		fmt.Fprintf(&b, " from %s", list(d.FromRegions))
	}
	if !d.First.IsZero() {
		fmt.Fprintf(&b, ", first seen %s, last seen %s", d.First.Format(time.RFC3339), d.Last.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, ", in %s", list(d.Sources))
	return b.String()
}

// targetPhrase names what was called: "secretsmanager.us-east-1.amazonaws.com
// (aws.secrets-manager, served from us-east-1)".
func targetPhrase(m *lang.Module, d *observe.Dependency) string {
	var parts []string
	if d.Product != "" {
		parts = append(parts, d.Product)
	} else if d.Provider != "" {
		name := d.Provider
		if c, ok := m.Registry.Catalog(d.Provider); ok && c.Title != "" {
			name = c.Title
		}
		parts = append(parts, "an API of "+name)
	}
	switch {
	case d.Homed:
		parts = append(parts, "a global endpoint served from "+d.Region)
	case d.Region != "":
		parts = append(parts, "served from "+d.Region)
	case d.Kind == observe.TargetThirdParty:
		parts = append(parts, "a third party")
	}
	if d.Callee != nil && d.Kind != observe.TargetService {
		parts = append(parts, "the observe hosts of "+d.Callee.String())
	}
	target := printable(d.Target)
	if len(parts) == 0 {
		return target
	}
	return target + " (" + strings.Join(parts, ", ") + ")"
}

// printable replaces control characters and non-ASCII in a name taken from
// a log, which a finding prints to a terminal.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f {
			return '?'
		}
		return r
	}, s)
}

// callRange is where a finding about a service's observed calls points:
// its depends_on, or the block.
func callRange(s *lang.Service) hcl.Range {
	return attrRange(s.Attrs, "depends_on", s.DeclRange)
}
