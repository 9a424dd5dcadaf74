package command

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/providers"
)

// endpointJSON is one pattern in `providers endpoints -json`.
type endpointJSON struct {
	Provider string  `json:"provider"`
	Pattern  string  `json:"pattern"`
	Product  *string `json:"product"`
	Service  *string `json:"service"`
	Scope    *string `json:"scope"`
	Home     *string `json:"home"`
	Internal bool    `json:"internal"`
	Source   string  `json:"source"`
}

// hostJSON is what `providers endpoints HOST -json` says a hostname is.
type hostJSON struct {
	Host     string        `json:"host"`
	Matched  bool          `json:"matched"`
	Region   *string       `json:"region"`
	Endpoint *endpointJSON `json:"endpoint"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func endpointView(e *providers.Endpoint) *endpointJSON {
	return &endpointJSON{Provider: e.Provider, Pattern: e.Pattern, Product: optional(e.Product), Service: optional(e.Service),
		Scope: optional(string(e.Scope)), Home: optional(e.Home), Internal: e.Internal, Source: e.Source}
}

func newProvidersEndpointsCmd(s Streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "endpoints [CATALOG | HOST]",
		Short: "List the hostname patterns discovery names observed calls by, or tell what one hostname is",
		Long: `Endpoints lists the hostname patterns of the built-in catalogs' APIs, in the
order they are tried (the first match wins), each with its product or API,
scope, the region a global endpoint is served from, and its source. With a
CATALOG it lists that catalog's; with a HOST it says which pattern names it,
as 'mrplan discover' would.`,
		Example: `  mrplan providers endpoints aws
  mrplan providers endpoints sts.amazonaws.com
  mrplan providers endpoints secretsmanager.us-east-1.amazonaws.com -json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			arg := ""
			if len(args) == 1 {
				arg = args[0]
			}
			return exit(runProvidersEndpoints(s, arg, asJSON))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func runProvidersEndpoints(s Streams, arg string, asJSON bool) int {
	reg := providers.NewRegistry()
	if _, isCatalog := reg.Catalog(arg); arg != "" && !isCatalog {
		if !strings.Contains(arg, ".") {
			fmt.Fprintf(s.Err, "Error: %q is neither a catalog (%s) nor a hostname.\n", arg, strings.Join(reg.Names(), ", "))
			return ExitError
		}
		h, ok := providers.MatchHost(arg)
		if asJSON {
			out := hostJSON{Host: arg, Matched: ok}
			if ok {
				out.Region, out.Endpoint = optional(h.Region), endpointView(h.Endpoint)
			}
			return writeEndpointsJSON(s, out)
		}
		if !ok {
			fmt.Fprintf(s.Out, "%s matches no catalog's endpoint pattern: discover calls it third-party, or internal when it resolves to a private address.\n", arg)
			return ExitOK
		}
		what := h.Provider
		if h.Product != "" {
			what = h.Provider + "." + h.Product
		} else if h.Service != "" {
			what = h.Provider + " API " + h.Service
		}
		switch {
		case h.Internal:
			fmt.Fprintf(s.Out, "%s is internal (%s), by pattern %s.\n", arg, h.Provider, h.Endpoint.Pattern)
		case h.Region != "" && h.Scope == providers.ScopeGlobal:
			fmt.Fprintf(s.Out, "%s is %s, a global endpoint served from %s, by pattern %s.\n", arg, what, h.Region, h.Endpoint.Pattern)
		case h.Region != "":
			fmt.Fprintf(s.Out, "%s is %s, served from %s, by pattern %s.\n", arg, what, h.Region, h.Endpoint.Pattern)
		default:
			fmt.Fprintf(s.Out, "%s is %s (%s), by pattern %s.\n", arg, what, orWord(string(h.Scope), "scope unknown"), h.Endpoint.Pattern)
		}
		if h.Endpoint.Note != "" {
			fmt.Fprintf(s.Out, "Note: %s.\n", h.Endpoint.Note)
		}
		fmt.Fprintf(s.Out, "Source: %s\n", h.Endpoint.Source)
		return ExitOK
	}
	var eps []*providers.Endpoint
	for _, name := range reg.Names() {
		if arg == "" || arg == name {
			eps = append(eps, providers.Endpoints(name)...)
		}
	}
	if asJSON {
		out := make([]*endpointJSON, 0, len(eps))
		for _, e := range eps {
			out = append(out, endpointView(e))
		}
		return writeEndpointsJSON(s, map[string]any{"format_version": "1", "endpoints": out})
	}
	tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tPATTERN\tNAMES\tSCOPE\tSERVED FROM\tSOURCE")
	for _, e := range eps {
		api := "-"
		if strings.Contains(e.Pattern, "{service}") {
			api = "{service}"
		}
		names := orWord(e.Product, orWord(e.Service, api))
		if e.Internal {
			names = "(internal)"
		}
		home := "{region}"
		if e.Home != "" {
			home = e.Home
		} else if !strings.Contains(e.Pattern, "{region}") {
			home = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Provider, e.Pattern, names, orWord(string(e.Scope), "-"), home, e.Source)
	}
	if err := tw.Flush(); err != nil {
		return ExitError
	}
	return ExitOK
}

func orWord(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func writeEndpointsJSON(s Streams, v any) int {
	enc := json.NewEncoder(s.Out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return ExitOK
}
