package views

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/mrplan/mrplan/observe"
)

// DiscoverSummary counts what a discovery found, for the views' headlines.
type DiscoverSummary struct {
	Observed, Undeclared, Drifting, Unattributed int
	Records, Skipped                             int64
	Files                                        int
}

// SummariseDiscovery counts d.
func SummariseDiscovery(d *observe.Discovery) DiscoverSummary {
	s := DiscoverSummary{Observed: len(d.Dependencies), Unattributed: len(d.Unattributed), Files: len(d.Files)}
	for _, dep := range d.Dependencies {
		if dep.Undeclared() {
			s.Undeclared++
		}
	}
	for _, dep := range d.Deployed {
		if extra, missing := dep.Drift(); len(extra)+len(missing) > 0 {
			s.Drifting++
		}
	}
	for _, f := range d.Files {
		s.Records += f.Records
		s.Skipped += f.Skipped
	}
	return s
}

func countOf(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// declaredWord is a dependency's DECLARED column: the matching block, or
// why there is none.
func declaredWord(dep *observe.Dependency) string {
	switch {
	case dep.DeclaredAs != nil:
		return dep.DeclaredAs.String()
	case dep.Kind == observe.TargetInternal:
		return "(internal)"
	}
	return "undeclared"
}

func servedFrom(dep *observe.Dependency) string {
	switch {
	case dep.Homed:
		return dep.Region + " (global)"
	case dep.Region != "":
		return dep.Region
	case dep.Scope != "":
		return string(dep.Scope)
	}
	return "-"
}

// DiscoverText writes d as tables: the observed calls (undeclared ones
// marked "!"), the deployed blocks against their declared regions, what
// could not be attributed, and the lines skipped.
func DiscoverText(w io.Writer, dir string, d *observe.Discovery) error {
	s := SummariseDiscovery(d)
	var b strings.Builder
	fmt.Fprintf(&b, "Observed from %s (%s read, %s skipped), against %s.\n\n",
		countOf(int64(s.Files), "file", "files"), countOf(s.Records, "record", "records"), countOf(s.Skipped, "line", "lines"), dir)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	if len(d.Dependencies) > 0 {
		fmt.Fprintln(tw, "  SERVICE\tTARGET\tKIND\tPRODUCT\tSERVED FROM\tCALLED FROM\tCALLS\tDECLARED AS")
		for _, dep := range d.Dependencies {
			mark := " "
			if dep.Undeclared() {
				mark = "!"
			}
			fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", mark, dep.Service, commentSafe(dep.Target), dep.Kind, dash(dep.Product),
				servedFrom(dep), dash(strings.Join(dep.FromRegions, ",")), dep.Calls, declaredWord(dep))
		}
		tw.Flush()
		b.WriteString("\n")
	} else {
		b.WriteString("No calls were attributed to a service.\n\n")
	}
	if len(d.Deployed) > 0 {
		b.WriteString("Deployed (Terraform):\n\n")
		fmt.Fprintln(tw, "  BLOCK\tRESOURCES\tDEPLOYED IN\tDECLARED IN")
		for _, dep := range d.Deployed {
			mark := " "
			if extra, missing := dep.Drift(); len(extra)+len(missing) > 0 {
				mark = "!"
			}
			fmt.Fprintf(tw, "%s %s\t%d\t%s\t%s\n", mark, dep.Address, len(dep.Resources), dash(strings.Join(dep.Regions, ",")), dash(strings.Join(dep.DeclaredRegions, ",")))
		}
		tw.Flush()
		b.WriteString("\n")
	}
	if len(d.Unattributed) > 0 {
		b.WriteString("Unattributed (no service's observe block matches the source):\n\n")
		fmt.Fprintln(tw, "  TARGET\tFROM\tCALLS")
		for _, u := range d.Unattributed {
			fmt.Fprintf(tw, "  %s\t%s\t%d\n", commentSafe(u.Target), commentSafe(u.From), u.Calls)
		}
		tw.Flush()
		b.WriteString("\n")
	}
	if len(d.Skipped) > 0 {
		b.WriteString("Skipped:\n\n")
		for _, sk := range d.Skipped {
			if sk.Line > 0 {
				fmt.Fprintf(&b, "  %s:%d: %s\n", sk.Filename, sk.Line, commentSafe(sk.Reason))
			} else {
				fmt.Fprintf(&b, "  %s: %s\n", sk.Filename, commentSafe(sk.Reason))
			}
		}
		b.WriteString("\n")
	}
	switch {
	case s.Undeclared == 0 && s.Drifting == 0:
		fmt.Fprintf(&b, "Everything observed is declared.\n")
	default:
		fmt.Fprintf(&b, "%d of %d observed dependencies are undeclared; %s from their declared regions.\n",
			s.Undeclared, s.Observed, countOf(int64(s.Drifting), "deployed block drifts", "deployed blocks drift"))
		if s.Undeclared > 0 {
			b.WriteString("Run mrplan discover with --write FILE to draft the dependency blocks for review.\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
