package command

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type graphOptions struct {
	format   string
	groupBy  string
	condense bool
	out      string
}

func newGraphCmd(s Streams, g *globals) *cobra.Command {
	var o graphOptions
	cmd := &cobra.Command{
		Use:   "graph [DIR]",
		Short: "Print the service, data and dependency graph as DOT or Mermaid",
		Long: `Graph plans the module in DIR (default: the current directory) and prints its
dependency graph: services, data classes and dependencies as nodes; depends_on,
reads, writes and ownership as edges. Nodes are grouped in clusters by region
(a service in its primary region's, a data class with its owner, a dependency
in the region it is pinned to or in "every region"), by tier, or not at all.
The hidden single-region dependencies (MR101) are drawn in red. For a module of
hundreds of services, --condense draws each cluster as one node.

Render DOT with Graphviz ('mrplan graph | dot -Tsvg > graph.svg'); paste
Mermaid into a Markdown file between a "` + "```mermaid" + `" fence.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return exit(runGraph(s, g, o, dir))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "dot", "output format: dot or mermaid")
	f.StringVar(&o.groupBy, "group-by", "region", "clusters: region, tier or none")
	f.BoolVar(&o.condense, "condense", false, "draw each cluster as one node that counts what it holds, keeping apart what a single-region dependency ends at (for large modules)")
	f.StringVarP(&o.out, "out", "o", "", "write to FILE (atomically) instead of standard output")
	return cmd
}

func runGraph(s Streams, g *globals, o graphOptions, dir string) int {
	group, ok := views.ParseGroupBy(o.groupBy)
	if !ok {
		fmt.Fprintf(s.Err, "Error: --group-by must be region, tier or none, not %q.\n", o.groupBy)
		return ExitError
	}
	var render func(*bytes.Buffer, *planner.Plan) error
	switch o.format {
	case "dot":
		render = func(b *bytes.Buffer, p *planner.Plan) error {
			return views.GraphDOT{GroupBy: group, Condense: o.condense}.Write(b, p)
		}
	case "mermaid":
		render = func(b *bytes.Buffer, p *planner.Plan) error {
			return views.GraphMermaid{GroupBy: group, Condense: o.condense}.Write(b, p)
		}
	default:
		fmt.Fprintf(s.Err, "Error: --format must be dot or mermaid, not %q.\n", o.format)
		return ExitError
	}
	m, ok := loadForView(s, g, dir)
	if !ok {
		return ExitError
	}
	var buf bytes.Buffer
	if err := render(&buf, planner.PlanModule(m)); err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return emit(s, o.out, buf.Bytes())
}

// loadForView loads the module in dir. On language errors it prints them
// and reports false: a view of a broken module is never written.
func loadForView(s Streams, g *globals, dir string) (*lang.Module, bool) {
	m, hdiags := lang.LoadDirOptions(dir, g.loadOptions(nil))
	if hdiags.HasErrors() {
		ds := diag.FromHCL(hdiags)
		diag.Sort(ds)
		views.DiagnosticsText{Files: m.Files, Module: m, Color: g.color(s.ErrTerminal)}.Write(s.Err, ds)
		return nil, false
	}
	return m, true
}

// emit writes data to path atomically, or to standard output when path is
// empty.
func emit(s Streams, path string, data []byte) int {
	if path == "" {
		if _, err := s.Out.Write(data); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
		return ExitOK
	}
	if err := savePlanFile(path, data); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write %s: %s\n", path, err)
		return ExitError
	}
	return ExitOK
}
