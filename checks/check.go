package checks

import (
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/planner"
)

// Check is one rule of the catalog.
type Check interface {
	Info() Info
	// Run returns the check's findings, each made by Info.finding, at the
	// check's default severity; Run (the package function) re-grades them.
	Run(ctx *Context) []diag.Diagnostic
}

// Info describes a check. ID and Name never change once released:
// configuration, ignores and CI dashboards refer to them.
type Info struct {
	ID       string // "MR101"
	Name     string // "hidden-single-region-dependency"
	Severity diag.Severity
	Summary  string // one line: what a finding means
	Fix      string // one line: what to do about it
}

// Context is all a check may look at: the module, its plan, and, when
// mrplan lint runs, the dependency manifests. A check never reaches for
// anything else, so a check is a pure function of its Context.
type Context struct {
	Module *lang.Module
	Plan   *planner.Plan // never nil: planned from Module
	// Manifests are the dependency manifests mrplan lint was given; nil in
	// validate, where the lint-only checks find nothing.
	Manifests []*manifest.Manifest
	// Observed is what --observe files showed, matched against Module;
	// nil when none were given, and then MR106–MR108 find nothing.
	Observed *observe.Discovery
	// Today is the date drills and ignore expiries are judged against.
	Today time.Time

	onceIndex
}

// Lint reports whether the run is mrplan lint's: then the dependency checks
// judge the manifests' edges, and leave the module's own to validate.
func (ctx *Context) Lint() bool { return ctx.Manifests != nil }

// finding builds a diagnostic of this check about subject, pointing at rng.
// Summary is the check's short phrase; detail names the concrete regions,
// dependencies and figures.
func (i Info) finding(subject lang.Address, rng hcl.Range, summary, detail string) diag.Diagnostic {
	r := rng
	return diag.Diagnostic{
		Severity: i.Severity,
		Rule:     i.ID,
		RuleName: i.Name,
		Subject:  subject.String(),
		Summary:  summary,
		Detail:   detail,
		Fix:      i.Fix,
		Range:    &r,
	}
}

// findingf is finding with a formatted detail.
func (i Info) findingf(subject lang.Address, rng hcl.Range, summary, format string, args ...any) diag.Diagnostic {
	return i.finding(subject, rng, summary, fmt.Sprintf(format, args...))
}

// attrRange returns the range of the attribute name in attrs, or fallback
// when it is not set: the tightest range a finding about it can point at.
func attrRange(attrs map[string]hcl.Range, name string, fallback hcl.Range) hcl.Range {
	if r, ok := attrs[name]; ok {
		return r
	}
	return fallback
}
