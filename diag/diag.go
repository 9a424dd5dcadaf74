// Package diag is the one record every problem mrplan reports becomes, be it
// a language error from lang (no rule) or a finding from checks (with a rule
// ID and subject), so that every output format renders both alike.
package diag

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Severity orders problems; a run fails at or above --min-severity.
type Severity int

const (
	Notice Severity = iota + 1
	Warning
	Error
)

var severityNames = []string{"", "notice", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning" or "notice".
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if n != "" && n == s {
			return Severity(i), true
		}
	}
	return 0, false
}

// Diagnostic is one reported problem.
type Diagnostic struct {
	Severity Severity
	Rule     string // check ID, "MR101"; empty for language errors
	RuleName string // "hidden-single-region-dependency"
	Subject  string // address the finding is about, "service.checkout"; empty for language errors
	Summary  string // short phrase, no full stop
	Detail   string // full sentences
	Fix      string // how to fix it, for checks
	Range    *hcl.Range
	// Related are other places worth showing ("first declared here").
	Related []hcl.Range
	// List, when its Count is not zero, is a list of names inside Detail
	// that can run to thousands (every service that goes down with a
	// dependency): text output shows its first few and counts the rest
	// ("and 412 more"); JSON and the machine formats keep Detail whole.
	List List
}

// List marks a list inside a Diagnostic's Detail: Detail[Start:End] is
// Count items joined by ", ", the last by " and ", none of them holding
// either separator.
type List struct {
	Start, End, Count int
}

// ShortDetail is d's Detail with its List cut to the first shown items and
// a count of the rest: "a, b, c and 412 more". The Detail itself when the
// list has at most one name more than shown ("and 1 more" saves nothing),
// or when List does not fit the Detail.
func (d *Diagnostic) ShortDetail(shown int) string {
	l := d.List
	if l.Count <= shown+1 || shown < 1 || l.Start < 0 || l.End > len(d.Detail) || l.Start > l.End {
		return d.Detail
	}
	items := d.Detail[l.Start:l.End]
	cut := 0
	for range shown {
		i := strings.Index(items[cut:], ", ")
		if i < 0 {
			return d.Detail // not the list it says it is
		}
		cut += i + len(", ")
	}
	cut -= len(", ")
	var b strings.Builder
	b.Grow(l.Start + cut + 32 + len(d.Detail) - l.End)
	b.WriteString(d.Detail[:l.Start+cut])
	b.WriteString(" and ")
	b.WriteString(groupThousands(l.Count - shown))
	b.WriteString(" more")
	b.WriteString(d.Detail[l.End:])
	return b.String()
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FromHCL converts language diagnostics. HCL has no notice level; its
// warnings stay warnings. A diagnostic whose Extra has a
// RelatedRanges() []hcl.Range method (lang's duplicate declarations) gets
// those ranges as Related.
func FromHCL(ds hcl.Diagnostics) []Diagnostic {
	out := make([]Diagnostic, 0, len(ds))
	for _, d := range ds {
		sev := Error
		if d.Severity == hcl.DiagWarning {
			sev = Warning
		}
		var related []hcl.Range
		if r, ok := d.Extra.(interface{ RelatedRanges() []hcl.Range }); ok {
			related = r.RelatedRanges()
		}
		out = append(out, Diagnostic{Severity: sev, Summary: d.Summary, Detail: d.Detail, Range: d.Subject, Related: related})
	}
	return out
}

// Sort orders diagnostics by file, line, column, then rule and subject and
// summary, so output is the same on every run.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return Less(ds[i], ds[j]) })
}

// Less is the order Sort uses.
func Less(a, b Diagnostic) bool {
	ra, rb := rangeOrZero(a.Range), rangeOrZero(b.Range)
	if ra.Filename != rb.Filename {
		return ra.Filename < rb.Filename
	}
	if ra.Start.Line != rb.Start.Line {
		return ra.Start.Line < rb.Start.Line
	}
	if ra.Start.Column != rb.Start.Column {
		return ra.Start.Column < rb.Start.Column
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	if a.Subject != b.Subject {
		return a.Subject < b.Subject
	}
	return a.Summary < b.Summary
}

func rangeOrZero(r *hcl.Range) hcl.Range {
	if r == nil {
		return hcl.Range{}
	}
	return *r
}

// Count returns how many diagnostics are at each severity.
func Count(ds []Diagnostic) (errors, warnings, notices int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		case Notice:
			notices++
		}
	}
	return
}
