package views

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// GraphMermaid renders a plan's dependency graph as a Mermaid flowchart that
// GitHub renders: ids made of letters, digits and underscores (names with a
// dash are spelled with an underscore, and a clash gets a number), labels
// quoted and escaped, subgraphs by region or tier, the edges of hidden
// single-region dependencies in red.
type GraphMermaid struct {
	GroupBy GroupBy
	// Condense draws each cluster as one node (see graphView.condensed).
	Condense bool
}

// Write renders p.
func (v GraphMermaid) Write(w io.Writer, p *planner.Plan) error {
	bw := bufio.NewWriter(w)
	writeMermaid(bw, graphFor(p, v.GroupBy, v.Condense), "")
	return bw.Flush()
}

// writeMermaid writes the flowchart, each line prefixed by indent.
func writeMermaid(w *bufio.Writer, gv *graphView, indent string) {
	ids := mermaidIDs(gv)
	line := func(format string, args ...any) {
		w.WriteString(indent)
		fmt.Fprintf(w, format, args...)
		w.WriteString("\n")
	}
	line("flowchart LR")
	line("  classDef service fill:#ffffff,stroke:#4b5563,color:#111827")
	line("  classDef core fill:#ffffff,stroke:#111827,stroke-width:2px,color:#111827")
	line("  classDef data fill:#eef2ff,stroke:#4b5563,color:#111827")
	line("  classDef dependency fill:#fefce8,stroke:#4b5563,color:#111827")
	line("  classDef gap stroke:%s,stroke-width:2px", dotRed)
	line("  classDef missing stroke:%s,stroke-width:3px,color:%s", dotRed, dotRed)
	node := func(pad string, n *graphNode) {
		label := mermaidLabel(n.Lines)
		var shape string
		switch n.Addr.Kind {
		case lang.KindData:
			shape = "[(" + label + ")]"
		case lang.KindDependency:
			shape = "{{" + label + "}}"
		default:
			shape = "(" + label + ")"
		}
		line("%s%s%s", pad, ids[n.Addr], shape)
	}
	for i, c := range gv.Clusters {
		line("  subgraph c%d[%s]", i, mermaidLabel([]string{c.Label}))
		for _, n := range c.Nodes {
			node("    ", n)
		}
		line("  end")
	}
	for _, n := range gv.Loose {
		node("  ", n)
	}
	var red []string
	for i, e := range gv.Edges {
		var arrow string
		switch {
		case e.Kind == planner.EdgeWrites:
			arrow = "==>"
		case e.Kind == planner.EdgeReads || e.Kind == planner.EdgeDependsOn && !e.Hard:
			arrow = "-.->"
		case e.Kind == planner.EdgeOwner:
			arrow = "-.-"
		default:
			arrow = "-->"
		}
		if e.Label != "" {
			arrow += `|"` + mermaidEscape(e.Label) + `"|`
		}
		line("  %s %s %s", ids[e.From], arrow, ids[e.To])
		if e.Gap {
			red = append(red, strconv.Itoa(i))
		}
	}
	classes := map[string][]string{}
	var order []string
	mark := func(cls string, n *graphNode) {
		if _, ok := classes[cls]; !ok {
			order = append(order, cls)
		}
		classes[cls] = append(classes[cls], ids[n.Addr])
	}
	for _, n := range gv.nodes() {
		switch {
		case n.Missing:
			mark("missing", n)
		case n.Gap:
			mark("gap", n)
		case n.Addr.Kind == lang.KindService && n.Tier == 0:
			mark("core", n)
		default:
			mark(n.Class(), n)
		}
	}
	for _, cls := range []string{"service", "core", "data", "dependency", "gap", "missing"} {
		if len(classes[cls]) > 0 {
			line("  class %s %s", strings.Join(classes[cls], ","), cls)
		}
	}
	if len(red) > 0 {
		line("  linkStyle %s stroke:%s,stroke-width:2px,color:%s", strings.Join(red, ","), dotRed, dotRed)
	}
}

// nodes lists every node, clusters first, in drawing order.
func (gv *graphView) nodes() []*graphNode {
	var out []*graphNode
	for _, c := range gv.Clusters {
		out = append(out, c.Nodes...)
	}
	return append(out, gv.Loose...)
}

// mermaidIDs gives each node an id Mermaid accepts everywhere: a kind
// prefix (so "end" or "graph" never clash with keywords) and the name with
// every character other than a letter or digit spelled "_". Two names that
// become the same id ("a-b", "a_b") get a number, in sorted order.
func mermaidIDs(gv *graphView) map[lang.Address]string {
	nodes := gv.nodes()
	sorted := make([]lang.Address, len(nodes))
	for i, n := range nodes {
		sorted[i] = n.Addr
	}
	sortAddresses(sorted)
	prefix := map[lang.Kind]string{lang.KindService: "s_", lang.KindData: "d_", lang.KindDependency: "x_"}
	ids := map[lang.Address]string{}
	taken := map[string]bool{}
	for _, a := range sorted {
		base := prefix[a.Kind] + mermaidSafe(a.Name)
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "_" + strconv.Itoa(n)
		}
		taken[id] = true
		ids[a] = id
	}
	return ids
}

func mermaidSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// mermaidLabel is a quoted node label; lines are joined with <br/>.
func mermaidLabel(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = mermaidEscape(l)
	}
	return `"` + strings.Join(esc, "<br/>") + `"`
}

// mermaidEscape spells the characters that end or confuse a quoted Mermaid
// label as Mermaid's entity codes.
func mermaidEscape(s string) string {
	r := strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "#", "#35;", "|", "#124;", "\n", " ")
	return r.Replace(s)
}
