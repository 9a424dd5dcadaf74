package command

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

type reportOptions struct {
	out       string
	timestamp bool
	checks    checkOptions
	observe   observeOptions
}

// now is the clock --timestamp reads. Tests pin it.
var now = time.Now

func newReportCmd(s Streams, g *globals) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report [DIR] -o FILE",
		Short: "Write an architecture report of a module, as self-contained HTML or Markdown",
		Long: `Report plans the module in DIR (default: the current directory), runs every
check, and writes an architecture report to FILE: a summary (what is core and
why, counts, findings by severity), a map of the regions and what runs where,
every service's decisions with achieved RPO and RTO against its objectives, the
dependency graph with hidden single-region dependencies in red, each data class
and how it is kept in sync, the failure matrix (every zone, region and country
lost), the findings, and every assumption the estimates rest on.

The format follows FILE's extension: .html gives one self-contained page (no
network needed to view or print it; light and dark), .md gives Markdown with
Mermaid diagrams that GitHub renders. The output is the same for the same
module on every run; --timestamp adds the time it was generated.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return exit(runReport(s, g, o, dir))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "the report file: FILE.html or FILE.md (required)")
	f.BoolVar(&o.timestamp, "timestamp", false, "print the time the report was generated in it")
	o.checks.register(f)
	o.observe.register(f)
	return cmd
}

func runReport(s Streams, g *globals, o reportOptions, dir string) int {
	if o.out == "" {
		fmt.Fprintln(s.Err, "Error: no output file: give one with -o FILE.html or -o FILE.md.")
		return ExitError
	}
	var format string
	switch strings.ToLower(filepath.Ext(o.out)) {
	case ".html", ".htm":
		format = "html"
	case ".md", ".markdown":
		format = "md"
	default:
		fmt.Fprintf(s.Err, "Error: cannot tell the report format from %q: the file name must end in .html or .md.\n", o.out)
		return ExitError
	}
	m, ok := loadForView(s, g, dir)
	if !ok {
		return ExitError
	}
	o.checks.observe = &o.observe
	observed, ods := o.observe.discover(m)
	if len(ods) > 0 {
		views.DiagnosticsText{Files: m.Files, Module: m, Color: g.color(s.ErrTerminal)}.Write(s.Err, ods)
		if o.observe.failed() {
			return ExitError
		}
	}
	p := planner.PlanModule(m)
	findings := runChecks(m, o.checks, nil)
	meta := views.ReportMeta{Version: version.Version, Today: today()}
	if o.timestamp {
		meta.Generated = now()
	}
	var buf bytes.Buffer
	var err error
	if format == "html" {
		err = views.ReportHTML{Meta: meta, Observed: observed}.Write(context.Background(), &buf, m, p, findings)
	} else {
		err = views.ReportMarkdown{Meta: meta, Observed: observed}.Write(&buf, m, p, findings)
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot render the report: %s\n", err)
		return ExitError
	}
	if code := emit(s, o.out, buf.Bytes()); code != ExitOK {
		return code
	}
	fmt.Fprintf(s.Out, "Wrote the report to %s.\n", o.out)
	return ExitOK
}
