package views

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"regexp"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/mrplan/mrplan/planner"
)

// graphvizMu serialises layouts: one Graphviz instance (a WebAssembly
// module) is not safe for concurrent use, and creating one per call costs
// more than waiting.
var graphvizMu sync.Mutex

// GraphSVG lays out a plan's dependency graph with Graphviz's dot (compiled
// to WebAssembly, so no system package is needed) and returns it as an SVG
// element to inline in HTML: no XML prolog, no doctype, no comments, and
// CSS classes on nodes and edges so a stylesheet can colour it for light
// and dark pages.
//
// With condense set, each cluster is folded into one node (see
// graphView.condensed): the overview a report of hundreds of services needs.
func GraphSVG(ctx context.Context, p *planner.Plan, group GroupBy, condense bool) ([]byte, error) {
	gv := graphFor(p, group, condense)
	var dot bytes.Buffer
	bw := bufio.NewWriter(&dot)
	writeDOT(bw, gv, dotStyle{classes: true})
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return renderSVG(ctx, dot.Bytes())
}

func renderSVG(ctx context.Context, dot []byte) ([]byte, error) {
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting Graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parsing the graph: %w", err)
	}
	defer g.Close()
	var out bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.SVG, &out); err != nil {
		return nil, fmt.Errorf("laying out the graph: %w", err)
	}
	return cleanSVG(out.Bytes()), nil
}

var (
	svgProlog   = regexp.MustCompile(`(?s)^.*?(<svg\b)`)
	svgComments = regexp.MustCompile(`(?s)<!--.*?-->\s*`)
)

// cleanSVG keeps the <svg> element only, without comments, so it can be
// inlined in HTML.
func cleanSVG(b []byte) []byte {
	b = svgProlog.ReplaceAll(b, []byte("$1"))
	b = svgComments.ReplaceAll(b, nil)
	b = bytes.TrimSpace(b)
	return bytes.Replace(b, []byte("<svg "), []byte(`<svg role="img" aria-label="Dependency graph" `), 1)
}
