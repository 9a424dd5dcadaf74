package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

type providersOptions struct {
	format string
	json   bool
	module string
	g      *globals
}

// view picks the view for the chosen format, or says why none fits.
func (o *providersOptions) view(s Streams) (providersView, bool) {
	if o.json {
		o.format = "json"
	}
	switch o.format {
	case "text":
		return views.ProvidersText{}, true
	case "json":
		return views.ProvidersJSON{}, true
	}
	fmt.Fprintf(s.Err, "Error: --format must be text or json, not %q.\n", o.format)
	return nil, false
}

func (o *providersOptions) flags(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&o.json, "json", false, "short for --format json")
	cmd.Flags().StringVar(&o.module, "module", "", "also show the custom providers of the module in `DIR`, and use its assumptions and regions")
}

// load returns the registry to show: the built-in catalogs, plus a
// module's custom providers when --module is given (then also the module).
// A module with language errors is not shown: validate explains them.
func (o *providersOptions) load(s Streams) (*providers.Registry, *lang.Module, bool) {
	if o.module == "" {
		return providers.NewRegistry(), nil, true
	}
	mod, diags := lang.LoadDirOptions(o.module, o.g.loadOptions(nil))
	if diags.HasErrors() {
		fmt.Fprintf(s.Err, "Error: the module in %s has errors; run 'mrplan validate %s' to see them.\n", o.module, o.module)
		return nil, nil, false
	}
	return mod.Registry, mod, true
}

func newProvidersCmd(s Streams, g *globals) *cobra.Command {
	o := providersOptions{g: g}
	cmd := &cobra.Command{
		Use:   "providers [NAME]",
		Short: "List the catalogs of regions and products, or show one catalog, product or region",
		Long: `Providers shows what mrplan knows about clouds and self-run stores.

With no NAME it lists the built-in catalogs. NAME may be a catalog ("aws"),
for its regions and products; a product ("aws.aurora-postgresql"), for every
fact with the public address it came from; or a region ("aws.eu-west-1").
With --module DIR the module's custom providers are listed too.`,
		Example: `  mrplan providers
  mrplan providers aws
  mrplan providers aws.dynamodb -json
  mrplan providers rtt aws.us-east-1 aws.eu-west-1`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			v, ok := o.view(s)
			if !ok {
				return exit(ExitError)
			}
			reg, _, ok := o.load(s)
			if !ok {
				return exit(ExitError)
			}
			if len(args) == 0 {
				return exit(providersResult(s, v.Catalogs(s.Out, reg.Catalogs())))
			}
			return exit(showProvider(s, v, reg, args[0]))
		},
	}
	o.flags(cmd)
	cmd.AddCommand(newProvidersRTTCmd(s, g), newProvidersJurisdictionsCmd(s), newProvidersEndpointsCmd(s))
	return cmd
}

func newProvidersJurisdictionsCmd(s Streams) *cobra.Command {
	var o providersOptions
	cmd := &cobra.Command{
		Use:   "jurisdictions [NAME]",
		Short: "List the country codes and groups a data class's residency may name",
		Long: `Jurisdictions lists what residency = [...] accepts: named groups (EU, EEA,
EFTA, GCC, GDPR-ADEQUATE, UK) with their members and the page each list was
taken from, then every ISO 3166-1 alpha-2 country code. With NAME it shows
that one.`,
		Example: `  mrplan providers jurisdictions
  mrplan providers jurisdictions EEA -json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if o.json {
				o.format = "json"
			}
			if o.format != "text" && o.format != "json" {
				fmt.Fprintf(s.Err, "Error: --format must be text or json, not %q.\n", o.format)
				return exit(ExitError)
			}
			js := providers.Jurisdictions()
			if len(args) == 1 {
				j, ok := providers.LookupJurisdiction(args[0])
				if !ok {
					fmt.Fprintf(s.Err, "Error: no jurisdiction %q.%s\n", args[0], suggestJurisdiction(args[0]))
					return exit(ExitError)
				}
				js = []*providers.Jurisdiction{j}
			}
			write := views.JurisdictionsText
			if o.format == "json" {
				write = views.JurisdictionsJSON
			}
			if err := write(s.Out, js); err != nil {
				fmt.Fprintf(s.Err, "Error: %v\n", err)
				return exit(ExitError)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&o.json, "json", false, "short for --format json")
	return cmd
}

func suggestJurisdiction(name string) string {
	if sug := providers.Suggest(strings.ToUpper(name), providers.JurisdictionNames()); sug != "" {
		return fmt.Sprintf(" Did you mean %q?", sug)
	}
	return ""
}

func newProvidersRTTCmd(s Streams, g *globals) *cobra.Command {
	o := providersOptions{g: g}
	var modelOnly bool
	cmd := &cobra.Command{
		Use:   "rtt A B",
		Short: "Estimate the round trip between two regions named PROVIDER.CODE",
		Long: `Rtt estimates the round trip between two regions, named PROVIDER.CODE
(aws.us-east-1, azure.westeurope): the great-circle distance, the floor set by
light in fibre, the model's estimate, a published measurement when the
catalogs hold one (with its statistic and date), and the estimate, which is
the measurement where there is one and the model otherwise, never below the
floor. The model is fitted to the published measurements: a fixed overhead
per continent plus the floor times a route factor per corridor, and a
penalty for traffic leaving mainland China. --model ignores measurements and
shows the model's estimate alone. With --module DIR the module's assumptions
apply (setting route_factor or a short-hop assumption asks for the simple
model with those figures) and its regions are accepted as region.NAME.`,
		Example: `  mrplan providers rtt aws.us-east-1 aws.eu-west-1
  mrplan providers rtt aws.us-east-1 aws.eu-west-1 --model
  mrplan providers rtt aws.us-east-1 azure.westeurope -json
  mrplan providers rtt region.sh-jq region.bj-yz --module examples/private-cloud`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			v, ok := o.view(s)
			if !ok {
				return exit(ExitError)
			}
			reg, mod, ok := o.load(s)
			if !ok {
				return exit(ExitError)
			}
			a, okA := lookupRegion(s, reg, mod, args[0])
			b, okB := lookupRegion(s, reg, mod, args[1])
			if !okA || !okB {
				return exit(ExitError)
			}
			p := providers.DefaultGeoParams()
			if mod != nil {
				p = mod.Settings.Assumptions.Geo()
			}
			p.ModelOnly = modelOnly
			return exit(providersResult(s, v.RTT(s.Out, a, b, providers.EstimateRTT(a, b, p), p)))
		},
	}
	o.flags(cmd)
	cmd.Flags().BoolVar(&modelOnly, "model", false, "ignore published measurements and show the model's estimate alone")
	return cmd
}

// showProvider prints the catalog, product or region that name names.
func showProvider(s Streams, v providersView, reg *providers.Registry, name string) int {
	catName, entry, _ := providers.SplitRef(name)
	c, ok := reg.Catalog(catName)
	if !ok {
		fmt.Fprintf(s.Err, "Error: no catalog %q.%s\n\nCatalogs: %s.\n", catName,
			suggestion(catName, reg.Names(), ""), strings.Join(reg.Names(), ", "))
		return ExitError
	}
	if !strings.Contains(name, ".") {
		return providersResult(s, v.Catalog(s.Out, c))
	}
	if p, ok := c.Product(entry); ok {
		return providersResult(s, v.Product(s.Out, p))
	}
	if r, ok := c.Region(entry); ok {
		return providersResult(s, v.Region(s.Out, r))
	}
	names := append(c.ReferenceNames(), c.RegionCodes()...)
	fmt.Fprintf(s.Err, "Error: catalog %s has no product or region %q.%s\n\nRun 'mrplan providers %s' to list them.\n",
		c.Name, entry, suggestion(entry, names, c.Name+"."), c.Name)
	return ExitError
}

// lookupRegion finds a region named PROVIDER.CODE, or region.NAME in the
// module when one is loaded, or says why not.
func lookupRegion(s Streams, reg *providers.Registry, mod *lang.Module, ref string) (*providers.Region, bool) {
	catName, code, ok := providers.SplitRef(ref)
	if ok && catName == "region" {
		if mod == nil {
			fmt.Fprintf(s.Err, "Error: %s names a region of a module: add --module DIR.\n", ref)
			return nil, false
		}
		r := mod.Region(code)
		switch {
		case r == nil:
			var names []string
			for _, r := range mod.Regions {
				names = append(names, r.Name)
			}
			fmt.Fprintf(s.Err, "Error: the module declares no region %q.%s\n", code, suggestion(code, names, "region."))
			return nil, false
		case r.Geo == nil:
			fmt.Fprintf(s.Err, "Error: %s has no geography: give it city, country, lat and lon.\n", ref)
			return nil, false
		}
		return r.Geo, true
	}
	if !ok {
		var refs []string
		for _, c := range reg.Catalogs() {
			if r, ok := c.Region(ref); ok {
				refs = append(refs, fmt.Sprintf("%q", r.Ref()))
			}
		}
		hint := ""
		if len(refs) > 0 {
			hint = " Did you mean " + strings.Join(refs, " or ") + "?"
		}
		fmt.Fprintf(s.Err, "Error: %q is not a region name: write PROVIDER.CODE, such as aws.us-east-1.%s\n", ref, hint)
		return nil, false
	}
	c, ok := reg.Catalog(catName)
	if !ok {
		fmt.Fprintf(s.Err, "Error: no catalog %q.%s\n", catName, suggestion(catName, reg.Names(), ""))
		return nil, false
	}
	r, ok := c.Region(code)
	if !ok {
		if len(c.Regions) == 0 {
			fmt.Fprintf(s.Err, "Error: catalog %s has no regions: its stores run in the regions a module declares.\n", c.Name)
		} else {
			fmt.Fprintf(s.Err, "Error: catalog %s has no region %q.%s\n", c.Name, code, suggestion(code, c.RegionCodes(), c.Name+"."))
		}
		return nil, false
	}
	return r, true
}

func suggestion(given string, candidates []string, prefix string) string {
	if s := providers.Suggest(given, candidates); s != "" {
		return fmt.Sprintf(" Did you mean %q?", prefix+s)
	}
	return ""
}

func providersResult(s Streams, err error) int {
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return ExitOK
}

// providersView is one output format of the providers command;
// views.ProvidersText and views.ProvidersJSON are the two.
type providersView interface {
	Catalogs(w io.Writer, cats []*providers.Catalog) error
	Catalog(w io.Writer, c *providers.Catalog) error
	Product(w io.Writer, p *providers.Product) error
	Region(w io.Writer, r *providers.Region) error
	RTT(w io.Writer, a, b *providers.Region, est providers.RTTEstimate, p providers.GeoParams) error
}
