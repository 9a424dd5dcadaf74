package views

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
)

// bigDiscovery is a service observed calling n undeclared hosts and n
// declared ones.
func bigDiscovery(n int) *observe.Discovery {
	d := &observe.Discovery{}
	svc := lang.Address{Kind: lang.KindService, Name: "api"}
	dep := lang.Address{Kind: lang.KindDependency, Name: "known"}
	for i := 0; i < n; i++ {
		d.Dependencies = append(d.Dependencies,
			&observe.Dependency{Service: svc, Target: fmt.Sprintf("host-%04d.example.com", i), Kind: observe.TargetThirdParty, Calls: 1},
			&observe.Dependency{Service: svc, Target: fmt.Sprintf("known-%04d.example.com", i), Kind: observe.TargetThirdParty, Calls: 1, DeclaredAs: &dep})
	}
	return d
}

// TestDiscoverMarkdownBounded: thousands of observed names still make a
// comment GitHub accepts.
func TestDiscoverMarkdownBounded(t *testing.T) {
	var b bytes.Buffer
	if err := DiscoverMarkdown(&b, "t", bigDiscovery(3000)); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 65536 || !strings.Contains(b.String(), "… and 2850 more") {
		t.Errorf("%d bytes", b.Len())
	}
}

// TestObservedGraphBounded: past the bound only undeclared calls are drawn,
// and no node is left without an edge.
func TestObservedGraphBounded(t *testing.T) {
	m := &lang.Module{}
	v := buildObservedView(m, bigDiscovery(400))
	if !v.Trimmed || len(v.Edges) != maxObservedEdges || len(v.Rows) != 800 {
		t.Fatalf("trimmed %v, %d edges, %d rows", v.Trimmed, len(v.Edges), len(v.Rows))
	}
	for _, e := range v.Edges {
		if e.State != edgeUndeclared {
			t.Fatalf("a %s edge was kept", e.State)
		}
	}
	if len(v.Nodes) != maxObservedEdges+1 {
		t.Errorf("%d nodes for %d edges from one service", len(v.Nodes), len(v.Edges))
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeObservedMermaid(w, v)
	w.Flush()
	if strings.Count(b.String(), "==>") != maxObservedEdges {
		t.Error("not every kept edge is drawn")
	}
}
