package command

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/internal/views"
)

type discoverOptions struct {
	format  string
	json    bool
	write   string
	title   string
	observe observeOptions
}

func newDiscoverCmd(s Streams, g *globals) *cobra.Command {
	var o discoverOptions
	cmd := &cobra.Command{
		Use:   "discover [DIR] --observe FILE...",
		Short: "Show the dependencies observed in DNS logs, traces and Terraform state, against the module",
		Long: `Discover reads evidence of what really runs and calls what, offline, from
files you already have, and compares it with the module in DIR (default: the
current directory):

  Route 53 Resolver query logs   JSON lines, as delivered to S3 or exported
                                 from CloudWatch Logs; .gz accepted
  Jaeger dependencies            {"data": [{"parent", "child", "callCount"}]}
                                 or the bare array
  OpenTelemetry service graph    traces_service_graph_request_total in
                                 Prometheus text exposition
  Terraform JSON                 terraform show -json of a state or a saved
                                 plan, or a terraform.tfstate

Each call is attributed to a service by its observe block (VPCs, instance
globs, CIDRs, trace names), each hostname named from the provider catalogs'
endpoint patterns, and each call matched against the service's depends_on,
reads and writes. Undeclared calls are marked "!". Lines that cannot be read
are skipped and listed; a file of which nothing can be read is an error.

--write FILE drafts dependency blocks for what is undeclared, with the
evidence as comments, for you to review and keep. MR106, MR107 and MR108 judge
the same evidence in validate, plan and report with --observe.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			if o.json {
				o.format = "json"
			}
			return exit(runDiscover(s, g, &o, moduleDir(args)))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json, or markdown (a pull-request comment)")
	f.BoolVar(&o.json, "json", false, "short for --format json")
	f.StringVar(&o.write, "write", "", "also write HCL dependency blocks for what is undeclared to `FILE`, atomically")
	f.StringVar(&o.title, "title", "", "the Markdown comment's heading (default \"mrplan discover: \" and the module's name)")
	o.observe.register(f)
	return cmd
}

func runDiscover(s Streams, g *globals, o *discoverOptions, dir string) int {
	if o.format != "text" && o.format != "json" && o.format != "markdown" {
		fmt.Fprintf(s.Err, "Error: unknown --format %q for discover; use text, json or markdown.\n", o.format)
		return ExitError
	}
	if len(o.observe.files) == 0 {
		fmt.Fprintln(s.Err, "Error: nothing to discover from: give one or more --observe FILE (resolver logs, Jaeger or service-graph exports, terraform show -json).")
		return ExitError
	}
	m, ok := loadForView(s, g, dir)
	if !ok {
		return ExitError
	}
	d, ds := o.observe.discover(m)
	if o.observe.failed() {
		var errs []diag.Diagnostic
		for _, x := range ds {
			if x.Severity == diag.Error {
				errs = append(errs, x)
			}
		}
		views.DiagnosticsText{Files: m.Files, Module: m, Color: g.color(s.ErrTerminal)}.Write(s.Err, errs)
		return ExitError
	}
	var buf bytes.Buffer
	var err error
	switch o.format {
	case "json":
		err = views.DiscoverJSON(&buf, d)
	case "markdown":
		title := o.title
		if title == "" {
			abs, _ := filepath.Abs(dir)
			title = "mrplan discover: " + filepath.Base(abs)
		}
		err = views.DiscoverMarkdown(&buf, title, d)
	default:
		err = views.DiscoverText(&buf, dir, d)
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot render the discovery: %s\n", err)
		return ExitError
	}
	if o.write != "" {
		if err := state.WriteFileAtomic(o.write, views.DiscoverHCL(m, d), 0o644); err != nil {
			fmt.Fprintf(s.Err, "Error: cannot write %s: %s\n", o.write, err)
			return ExitError
		}
		if o.format == "text" {
			fmt.Fprintf(&buf, "Wrote the undeclared dependencies as HCL to %s.\n", o.write)
		} else {
			fmt.Fprintf(s.Err, "Wrote the undeclared dependencies as HCL to %s.\n", o.write)
		}
	}
	if _, err := s.Out.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return ExitOK
}
