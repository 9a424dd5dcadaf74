package views

import (
	"fmt"
	"io"
	"strings"

	"github.com/mrplan/mrplan/observe"
)

// DiscoverMarkerComment marks a discover comment so that a CI job can find
// and update its own comment instead of adding one per push.
const DiscoverMarkerComment = "<!-- mrplan:discover -->"

// maxCommentRows bounds each table of the comment, so that a discovery of
// thousands of names stays under GitHub's 65,536-character comment limit.
const maxCommentRows = 150

// DiscoverMarkdown writes d as a pull-request comment: a headline, the
// undeclared calls and drifting deployments in the open, and everything
// else folded away.
func DiscoverMarkdown(w io.Writer, title string, d *observe.Discovery) error {
	s := SummariseDiscovery(d)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## %s\n\n", DiscoverMarkerComment, mdCell(title))
	fmt.Fprintf(&b, "**%s** of %d observed · **%s** drifting · %s unattributed · %s read, %s skipped\n\n",
		countOf(int64(s.Undeclared), "undeclared dependency", "undeclared dependencies"), s.Observed,
		countOf(int64(s.Drifting), "deployed block", "deployed blocks"), countOf(int64(s.Unattributed), "call", "calls"),
		countOf(s.Records, "record", "records"), countOf(s.Skipped, "line", "lines"))

	var undeclared, declared []*observe.Dependency
	for _, dep := range d.Dependencies {
		if dep.Undeclared() {
			undeclared = append(undeclared, dep)
		} else {
			declared = append(declared, dep)
		}
	}
	table := func(deps []*observe.Dependency) {
		b.WriteString("| Service | Target | Kind | Served from | Called from | Calls | Last seen | Declared as |\n|---|---|---|---|---|---:|---|---|\n")
		more := 0
		if len(deps) > maxCommentRows {
			deps, more = deps[:maxCommentRows], len(deps)-maxCommentRows
		}
		defer func() {
			if more > 0 {
				fmt.Fprintf(&b, "\n… and %d more: `mrplan discover -json` lists every one.\n", more)
			}
		}()
		for _, dep := range deps {
			last := "-"
			if !dep.Last.IsZero() {
				last = dep.Last.UTC().Format("2006-01-02 15:04Z")
			}
			fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s | %s | %d | %s | %s |\n", dep.Service, mdCodeCell(dep.Target), dep.Kind,
				mdCell(servedFrom(dep)), mdCell(dash(strings.Join(dep.FromRegions, ", "))), dep.Calls, last, mdCell(declaredWord(dep)))
		}
		b.WriteString("\n")
	}
	if len(undeclared) > 0 {
		b.WriteString("### Undeclared\n\n")
		table(undeclared)
		b.WriteString("`mrplan discover --write FILE` drafts the dependency blocks for these, with the evidence as comments.\n\n")
	}
	var drifting []*observe.Deployed
	for _, dep := range d.Deployed {
		if extra, missing := dep.Drift(); len(extra)+len(missing) > 0 {
			drifting = append(drifting, dep)
		}
	}
	if len(drifting) > 0 {
		b.WriteString("### Deployed elsewhere than declared\n\n| Block | Deployed in | Declared in | Resources |\n|---|---|---|---|\n")
		for _, dep := range drifting {
			var rs []string
			for _, r := range dep.Resources {
				rs = append(rs, "`"+mdCodeCell(r.Address)+"`")
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", dep.Address, strings.Join(dep.Regions, ", "), strings.Join(dep.DeclaredRegions, ", "), strings.Join(rs, "<br>"))
		}
		b.WriteString("\n")
	}
	if len(declared) > 0 {
		fmt.Fprintf(&b, "<details><summary>Declared or internal (%d)</summary>\n\n", len(declared))
		table(declared)
		b.WriteString("</details>\n\n")
	}
	if len(d.Unattributed) > 0 {
		fmt.Fprintf(&b, "<details><summary>Unattributed (%d)</summary>\n\n| Target | From | Calls |\n|---|---|---:|\n", len(d.Unattributed))
		for _, u := range d.Unattributed {
			fmt.Fprintf(&b, "| `%s` | `%s` | %d |\n", mdCodeCell(u.Target), mdCodeCell(u.From), u.Calls)
		}
		b.WriteString("\n</details>\n\n")
	}
	if len(d.Skipped) > 0 {
		fmt.Fprintf(&b, "<details><summary>Skipped lines (%d)</summary>\n\n", s.Skipped)
		for _, sk := range d.Skipped {
			fmt.Fprintf(&b, "- `%s:%d`: %s\n", mdCodeCell(sk.Filename), sk.Line, mdCell(sk.Reason))
		}
		b.WriteString("\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCodeCell makes text safe inside a code span in a table cell.
func mdCodeCell(s string) string {
	s = commentSafe(s)
	return strings.NewReplacer("|", `\|`, "\n", " ", "`", "'").Replace(s)
}
