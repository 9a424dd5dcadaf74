package views

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/mrplan/mrplan/planner"
)

// GraphDOT renders a plan's dependency graph as Graphviz DOT: services as
// rounded boxes, data classes as cylinders, dependencies as components;
// clusters by region or tier; the edges of hidden single-region
// dependencies (MR101) and the nodes on them in red.
type GraphDOT struct {
	GroupBy GroupBy
	// Condense draws each cluster as one node (see graphView.condensed).
	Condense bool
}

// Write renders p.
func (v GraphDOT) Write(w io.Writer, p *planner.Plan) error {
	bw := bufio.NewWriter(w)
	writeDOT(bw, graphFor(p, v.GroupBy, v.Condense), dotStyle{})
	return bw.Flush()
}

// dotStyle: the report's SVG is styled by CSS classes (light and dark);
// plain DOT carries its own colours.
type dotStyle struct {
	classes bool
}

const (
	dotRed   = "#c62828"
	dotFont  = "Helvetica"
	dotMuted = "#6b7280"
)

func writeDOT(w *bufio.Writer, gv *graphView, st dotStyle) {
	w.WriteString("digraph \"mrplan\" {\n")
	fmt.Fprintf(w, "  graph [rankdir=LR, fontname=%s, fontsize=11, nodesep=0.25, ranksep=0.6, newrank=true, compound=true];\n", dotQuote(dotFont))
	fmt.Fprintf(w, "  node [fontname=%s, fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#4b5563\", penwidth=1];\n", dotQuote(dotFont))
	fmt.Fprintf(w, "  edge [fontname=%s, fontsize=8, color=%s, fontcolor=%s, arrowsize=0.7];\n", dotQuote(dotFont), dotQuote(dotMuted), dotQuote(dotMuted))
	for _, c := range gv.Clusters {
		fmt.Fprintf(w, "\n  subgraph %s {\n", dotQuote("cluster_"+c.ID))
		fmt.Fprintf(w, "    label=%s; labeljust=l; style=\"rounded,filled\"; fillcolor=\"#f3f4f6\"; color=\"#d1d5db\";", dotQuote(c.Label))
		if st.classes {
			fmt.Fprintf(w, " class=%s;", dotQuote("cluster"))
		}
		w.WriteString("\n")
		for _, n := range c.Nodes {
			w.WriteString("    ")
			writeDOTNode(w, n, st)
		}
		w.WriteString("  }\n")
	}
	if len(gv.Loose) > 0 {
		w.WriteString("\n")
	}
	for _, n := range gv.Loose {
		w.WriteString("  ")
		writeDOTNode(w, n, st)
	}
	if len(gv.Edges) > 0 {
		w.WriteString("\n")
	}
	for _, e := range gv.Edges {
		var attrs []string
		if e.Label != "" {
			attrs = append(attrs, "label="+dotQuote(e.Label))
		}
		switch e.Kind {
		case planner.EdgeReads:
			attrs = append(attrs, "style=dashed")
		case planner.EdgeOwner:
			attrs = append(attrs, "style=dotted", "arrowhead=none")
		}
		if e.Kind == planner.EdgeDependsOn && !e.Hard {
			attrs = append(attrs, "style=dashed")
		}
		if e.Gap {
			attrs = append(attrs, "color="+dotQuote(dotRed), "fontcolor="+dotQuote(dotRed), "penwidth=2")
		}
		if st.classes {
			cls := "edge-" + e.Kind.String()
			if e.Gap {
				cls += " gap"
			}
			attrs = append(attrs, "class="+dotQuote(cls))
		}
		fmt.Fprintf(w, "  %s -> %s", dotQuote(nodeID(e.From)), dotQuote(nodeID(e.To)))
		if len(attrs) > 0 {
			fmt.Fprintf(w, " [%s]", strings.Join(attrs, ", "))
		}
		w.WriteString(";\n")
	}
	w.WriteString("}\n")
}

func writeDOTNode(w *bufio.Writer, n *graphNode, st dotStyle) {
	attrs := []string{"label=" + dotQuote(strings.Join(n.Lines, "\n"))}
	switch n.Class() {
	case "group":
		attrs = append(attrs, "shape=box", "style=\"rounded,filled,dashed\"", "fillcolor=\"#ffffff\"")
	case "data":
		attrs = append(attrs, "shape=cylinder", "style=filled", "fillcolor=\"#eef2ff\"")
	case "dependency":
		attrs = append(attrs, "shape=component", "style=filled", "fillcolor=\"#fefce8\"")
	default:
		if n.Tier == 0 {
			attrs = append(attrs, "penwidth=2")
		}
	}
	if n.Gap {
		attrs = append(attrs, "color="+dotQuote(dotRed))
	}
	if n.Missing {
		attrs = append(attrs, "penwidth=2.5", "fontcolor="+dotQuote(dotRed), "fontname="+dotQuote(dotFont+"-Bold"))
	}
	if st.classes {
		cls := n.Class()
		if n.Addr.Kind.String() == "service" {
			cls += fmt.Sprintf(" tier%d", n.Tier)
		}
		if n.Gap {
			cls += " gap"
		}
		if n.Missing {
			cls += " missing"
		}
		attrs = append(attrs, "class="+dotQuote(cls), "tooltip="+dotQuote(n.Addr.String()))
	}
	fmt.Fprintf(w, "%s [%s];\n", dotQuote(n.ID()), strings.Join(attrs, ", "))
}

// dotQuote makes s a DOT double-quoted string. A newline becomes \n, which
// Graphviz centres as a line break.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}
