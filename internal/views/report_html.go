package views

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io"
	"net/url"
	"strings"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/planner"
)

//go:embed reportassets/report.html.tmpl reportassets/report.css
var reportAssets embed.FS

var reportHTMLTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"join": strings.Join,
	"inc":  func(n int) int { return n + 1 },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	"host": hostOf,
}).ParseFS(reportAssets, "reportassets/report.html.tmpl"))

var reportCSS = func() template.CSS {
	b, err := reportAssets.ReadFile("reportassets/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// ReportHTML renders the architecture report as one self-contained HTML
// file: inline CSS (light and dark, print, narrow screens), the region map
// and the dependency graph as inline SVG, no script, no external resource.
type ReportHTML struct {
	Meta ReportMeta
	// Observed, when set (report --observe), adds the "What really runs"
	// section: the observed dependency graph against the declared one.
	Observed *observe.Discovery
}

type reportHTMLData struct {
	*report
	CSS      template.CSS
	MapSVG   template.HTML
	GraphSVG template.HTML
	// GraphBig: too many nodes to draw one by one and stay readable, so
	// each group is drawn as one node.
	GraphBig bool
	// Observed is the "What really runs" section; nil without --observe.
	Observed    *observedView
	ObservedSVG template.HTML
}

const bigGraphNodes = 60

// Write renders the report of m, its plan p and findings (sorted).
func (v ReportHTML) Write(ctx context.Context, w io.Writer, m *lang.Module, p *planner.Plan, findings []diag.Diagnostic) error {
	r := buildReport(m, p, findings, v.Meta)
	big := p.Graph != nil && len(p.Graph.Nodes) > bigGraphNodes
	svg, err := GraphSVG(ctx, p, GroupByRegion, big)
	if err != nil {
		return err
	}
	data := reportHTMLData{
		report: r,
		CSS:    reportCSS,
		MapSVG: regionMapSVG(r.Regions),
		// Graphviz escapes every label it writes; the SVG is ours to inline.
		GraphSVG: template.HTML(svg),
		GraphBig: big,
	}
	if v.Observed != nil {
		data.Observed = buildObservedView(m, v.Observed)
		if len(data.Observed.Edges) > 0 {
			svg, err := observedSVG(ctx, data.Observed)
			if err != nil {
				return err
			}
			data.ObservedSVG = template.HTML(svg)
		}
	}
	var buf bytes.Buffer
	if err := reportHTMLTemplate.Execute(&buf, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// hostOf names a source address by its host, "docs.aws.amazon.com".
func hostOf(s string) string {
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return s
}
