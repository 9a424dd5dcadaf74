package views

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
)

// Edge states of the "What really runs" graph: observed and declared,
// observed but undeclared, declared but never observed.
const (
	edgeDeclared   = "declared"
	edgeUndeclared = "undeclared"
	edgeUnobserved = "unobserved"
)

// observedView is the observed dependency graph drawn against the declared
// one: every service with evidence, what it was seen calling, and what it
// declares but was never seen calling.
type observedView struct {
	Nodes []observedNode
	Edges []observedEdge
	// Rows are the observed calls for the report's table, undeclared first.
	Rows     []observedRow
	Drift    []observedDrift
	Summary  DiscoverSummary
	Unplaced int
	// Trimmed: too many calls to draw, so only undeclared ones are.
	Trimmed bool
}

type observedNode struct {
	ID, Label  string
	Service    bool // a service of the module; else a target
	Undeclared bool // a target nothing declares
}

type observedEdge struct {
	From, To string // node IDs
	State    string
	Calls    int64
}

type observedRow struct {
	Service, Target, Kind, ServedFrom, From, Declared string
	Calls                                             int64
	Undeclared                                        bool
}

type observedDrift struct {
	Block, Deployed, Declared, Resources string
}

func buildObservedView(m *lang.Module, d *observe.Discovery) *observedView {
	v := &observedView{Summary: SummariseDiscovery(d), Unplaced: len(d.Unplaced)}
	ids := map[string]string{}
	node := func(key, label string, service, undeclared bool) string {
		if id, ok := ids[key]; ok {
			return id
		}
		id := "n" + strconv.Itoa(len(ids))
		ids[key] = id
		v.Nodes = append(v.Nodes, observedNode{ID: id, Label: label, Service: service, Undeclared: undeclared})
		return id
	}
	seen := map[lang.Address]map[lang.Address]bool{} // caller -> declared blocks observed
	var callers []lang.Address
	edgeAt := map[[3]string]int{}
	for _, dep := range d.Dependencies {
		from := node(dep.Service.String(), dep.Service.Name, true, false)
		if seen[dep.Service] == nil {
			seen[dep.Service] = map[lang.Address]bool{}
			callers = append(callers, dep.Service)
		}
		var to, state string
		switch {
		case dep.DeclaredAs != nil:
			seen[dep.Service][*dep.DeclaredAs] = true
			to, state = node(dep.DeclaredAs.String(), blockLabel(*dep.DeclaredAs), dep.DeclaredAs.Kind == lang.KindService, false), edgeDeclared
		case dep.Kind == observe.TargetInternal:
			continue // named nothing; the table lists it
		case dep.Callee != nil:
			to, state = node(dep.Callee.String(), blockLabel(*dep.Callee), dep.Callee.Kind == lang.KindService, false), edgeUndeclared
		default:
			to, state = node("target:"+dep.Target, dep.Target, false, true), edgeUndeclared
		}
		if i, ok := edgeAt[[3]string{from, to, state}]; ok {
			v.Edges[i].Calls += dep.Calls // two hosts of one declared block
			continue
		}
		edgeAt[[3]string{from, to, state}] = len(v.Edges)
		v.Edges = append(v.Edges, observedEdge{From: from, To: to, State: state, Calls: dep.Calls})
	}
	// GitHub draws at most 500 edges of a Mermaid graph: past a bound, the
	// undeclared calls are drawn and the rest left to the table.
	if len(v.Edges) > maxObservedEdges {
		var keep []observedEdge
		for _, e := range v.Edges {
			if e.State == edgeUndeclared && len(keep) < maxObservedEdges {
				keep = append(keep, e)
			}
		}
		used := map[string]bool{}
		for _, e := range keep {
			used[e.From], used[e.To] = true, true
		}
		var nodes []observedNode
		for _, n := range v.Nodes {
			if used[n.ID] {
				nodes = append(nodes, n)
			}
		}
		v.Nodes, v.Edges, v.Trimmed = nodes, keep, true
		return v.finish(d)
	}
	for _, caller := range callers {
		s := m.Service(caller.Name)
		if s == nil {
			continue
		}
		var refs []lang.Ref
		refs = append(append(append(refs, s.DependsOn...), s.Reads...), s.Writes...)
		done := map[lang.Address]bool{}
		for _, r := range refs {
			if seen[caller][r.Addr] || done[r.Addr] {
				continue
			}
			done[r.Addr] = true
			to := node(r.Addr.String(), blockLabel(r.Addr), r.Addr.Kind == lang.KindService, false)
			v.Edges = append(v.Edges, observedEdge{From: ids[caller.String()], To: to, State: edgeUnobserved})
		}
	}
	return v.finish(d)
}

// maxObservedEdges bounds the observed graph.
const maxObservedEdges = 300

// finish fills the view's tables.
func (v *observedView) finish(d *observe.Discovery) *observedView {
	for _, dep := range d.Dependencies {
		row := observedRow{Service: dep.Service.String(), Target: dep.Target, Kind: dep.Kind.String(), ServedFrom: servedFrom(dep),
			From: dash(strings.Join(dep.FromRegions, ", ")), Declared: declaredWord(dep), Calls: dep.Calls, Undeclared: dep.Undeclared()}
		v.Rows = append(v.Rows, row)
	}
	sort.SliceStable(v.Rows, func(i, j int) bool { return v.Rows[i].Undeclared && !v.Rows[j].Undeclared })
	for _, dep := range d.Deployed {
		if extra, missing := dep.Drift(); len(extra)+len(missing) > 0 {
			var rs []string
			for _, r := range dep.Resources {
				rs = append(rs, r.Address)
			}
			v.Drift = append(v.Drift, observedDrift{Block: dep.Address.String(), Deployed: strings.Join(dep.Regions, ", "),
				Declared: strings.Join(dep.DeclaredRegions, ", "), Resources: strings.Join(rs, ", ")})
		}
	}
	return v
}

// blockLabel is a graph label for a block: the name alone for a service,
// the kind and name otherwise ("data.orders").
func blockLabel(a lang.Address) string {
	if a.Kind == lang.KindService {
		return a.Name
	}
	return a.String()
}

// writeObservedMermaid draws the view as a Mermaid flowchart: observed and
// declared calls solid, undeclared ones thick and red, declared calls never
// observed dotted and grey.
func writeObservedMermaid(w *bufio.Writer, v *observedView) {
	w.WriteString("flowchart LR\n")
	for _, n := range v.Nodes {
		shape := "[%s]"
		if n.Service {
			shape = "([%s])"
		}
		fmt.Fprintf(w, "  %s"+shape+"\n", n.ID, mermaidLabel([]string{n.Label}))
	}
	var red, grey []string
	for i, e := range v.Edges {
		switch e.State {
		case edgeUnobserved:
			fmt.Fprintf(w, "  %s -.-> %s\n", e.From, e.To)
			grey = append(grey, strconv.Itoa(i))
		case edgeUndeclared:
			fmt.Fprintf(w, "  %s ==>|%d| %s\n", e.From, e.Calls, e.To)
			red = append(red, strconv.Itoa(i))
		default:
			fmt.Fprintf(w, "  %s -->|%d| %s\n", e.From, e.Calls, e.To)
		}
	}
	w.WriteString("  classDef undeclared fill:#fde2e2,stroke:#c62828,color:#7f1d1d\n")
	var undeclared []string
	for _, n := range v.Nodes {
		if n.Undeclared {
			undeclared = append(undeclared, n.ID)
		}
	}
	if len(undeclared) > 0 {
		fmt.Fprintf(w, "  class %s undeclared\n", strings.Join(undeclared, ","))
	}
	if len(red) > 0 {
		fmt.Fprintf(w, "  linkStyle %s stroke:#c62828,stroke-width:3px\n", strings.Join(red, ","))
	}
	if len(grey) > 0 {
		fmt.Fprintf(w, "  linkStyle %s stroke:#9e9e9e\n", strings.Join(grey, ","))
	}
}

// observedSVG lays the view out with Graphviz for the HTML report, styled
// by the report's CSS classes like the dependency graph.
func observedSVG(ctx context.Context, v *observedView) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("digraph observed {\n  rankdir=LR;\n  bgcolor=\"transparent\";\n  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range v.Nodes {
		class := "target"
		attrs := []string{"label=" + dotQuote(n.Label)}
		switch {
		case n.Service:
			class = "service"
		case n.Undeclared:
			class = "undeclared"
			attrs = append(attrs, `color="#c62828"`, `fontcolor="#c62828"`, `penwidth=2`)
		}
		attrs = append(attrs, "class="+dotQuote("obs-"+class))
		fmt.Fprintf(&b, "  %s [%s];\n", n.ID, strings.Join(attrs, ", "))
	}
	for _, e := range v.Edges {
		switch e.State {
		case edgeUnobserved:
			fmt.Fprintf(&b, "  %s -> %s [style=dashed, color=\"#9e9e9e\", class=\"obs-unobserved\", tooltip=\"declared, never observed\"];\n", e.From, e.To)
		case edgeUndeclared:
			fmt.Fprintf(&b, "  %s -> %s [label=\"%d\", color=\"#c62828\", fontcolor=\"#c62828\", penwidth=2.5, class=\"obs-undeclared\", tooltip=\"observed, not declared\"];\n", e.From, e.To, e.Calls)
		default:
			fmt.Fprintf(&b, "  %s -> %s [label=\"%d\", color=\"#2e7d32\", class=\"obs-declared\", tooltip=\"observed and declared\"];\n", e.From, e.To, e.Calls)
		}
	}
	b.WriteString("}\n")
	return renderSVG(ctx, b.Bytes())
}

// observedMarkdown writes the report's "What really runs" section.
func (md *mdWriter) observed(m *lang.Module, d *observe.Discovery) {
	v := buildObservedView(m, d)
	s := v.Summary
	md.printf("## What really runs\n\n")
	md.printf("Observed in %d %s (%d records): %d dependencies, **%d undeclared**; %d deployed %s drift from the declared regions; %d %s could not be attributed to a service.\n\n",
		s.Files, plural(s.Files, "file", "files"), s.Records, s.Observed, s.Undeclared, s.Drifting, plural(s.Drifting, "block", "blocks"), s.Unattributed, plural(s.Unattributed, "call", "calls"))
	if len(v.Edges) > 0 {
		md.printf("Solid arrows were observed and are declared; thick red arrows were observed but nothing declares them; dotted grey arrows are declared but were never observed. Labels count calls.\n\n")
		if v.Trimmed {
			md.printf("Too many calls to draw them all: only the undeclared ones are drawn; the table lists every call.\n\n")
		}
		md.printf("```mermaid\n")
		writeObservedMermaid(md.w, v)
		md.printf("```\n\n")
	}
	if len(v.Rows) > 0 {
		md.row("", "Service", "Target", "Kind", "Served from", "Called from", "Calls", "Declared as")
		md.rule("---", "---", "---", "---", "---", "---", "--:", "---")
		for _, r := range v.Rows {
			mark := ""
			if r.Undeclared {
				mark = mdMark["error"]
			}
			md.row(mark, "`"+r.Service+"`", "`"+mdCodeCell(r.Target)+"`", r.Kind, mdCell(r.ServedFrom), mdCell(r.From), strconv.FormatInt(r.Calls, 10), mdCell(r.Declared))
		}
		md.printf("\n")
	}
	if len(v.Drift) > 0 {
		md.printf("### Deployed elsewhere than declared\n\n")
		md.row("Block", "Deployed in", "Declared in", "Resources")
		md.rule("---", "---", "---", "---")
		for _, dr := range v.Drift {
			md.row("`"+dr.Block+"`", mdCell(dr.Deployed), mdCell(dr.Declared), "`"+mdCodeCell(dr.Resources)+"`")
		}
		md.printf("\n")
	}
}
