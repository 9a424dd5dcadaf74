package views

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mrplan/mrplan/providers"
	"github.com/mrplan/mrplan/units"
)

// ProvidersText renders the catalogs for `mrplan providers`, aligned in
// columns. Every method writes the same bytes for the same catalogs.
type ProvidersText struct{}

func provTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

// Catalogs lists the catalogs with their counts.
func (ProvidersText) Catalogs(w io.Writer, cats []*providers.Catalog) error {
	bw := bufio.NewWriter(w)
	tw := provTable(bw)
	fmt.Fprintln(tw, "CATALOG\tTITLE\tREGIONS\tPRODUCTS")
	notices := map[string][]string{}
	var order []string
	for _, c := range cats {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", c.Name, c.Title, len(c.Regions), len(c.Products))
		if c.Notice != "" {
			if notices[c.Notice] == nil {
				order = append(order, c.Notice)
			}
			notices[c.Notice] = append(notices[c.Notice], c.Name)
		}
	}
	tw.Flush()
	for _, n := range order {
		fmt.Fprintf(bw, "\n%s: %s\n", strings.Join(notices[n], ", "), n)
	}
	fmt.Fprintln(bw, "\nRun 'mrplan providers NAME' for a catalog's regions and products.")
	return bw.Flush()
}

// Catalog lists one catalog's regions and products.
func (ProvidersText) Catalog(w io.Writer, c *providers.Catalog) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s (%s): %s, %s\n\n", c.Title, c.Name, provCount(len(c.Regions), "region"), provCount(len(c.Products), "product"))
	if len(c.Regions) == 0 {
		fmt.Fprintln(bw, "No regions: these products run in the regions the module declares.")
	} else {
		tw := provTable(bw)
		fmt.Fprintln(tw, "REGION\tNAME\tCITY\tCOUNTRY\tCONTINENT\tZONES")
		for _, r := range c.Regions {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", r.Code, r.Name, r.City, r.Country, r.Continent, r.Zones)
		}
		tw.Flush()
	}
	if len(c.Products) > 0 {
		fmt.Fprintln(bw)
		tw := provTable(bw)
		fmt.Fprintln(tw, "PRODUCT\tKIND\tSCOPE\tREPLICATION\tLAG (BOUND)\tFAILOVER (BOUND) BY\tMULTI-WRITER\tCONFLICT\tCONTROL PLANE")
		for _, p := range c.Products {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p.Name, p.Kind, p.Scope, provModes(p.Replication),
				provBounded(p.Lag, p.LagBound), provFailover(p), provYesNo(p.MultiWriter), provList(p.Conflict), provDash(p.ControlPlane))
		}
		tw.Flush()
	}
	if c.Notice != "" {
		fmt.Fprintf(bw, "\n%s\n", c.Notice)
	}
	if len(c.Regions) > 0 {
		fmt.Fprintf(bw, "\nRun 'mrplan providers %s.PRODUCT' or '%s.REGION' for one entry with its sources.\n", c.Name, c.Name)
	} else {
		fmt.Fprintf(bw, "\nRun 'mrplan providers %s.PRODUCT' for one product with its sources.\n", c.Name)
	}
	return bw.Flush()
}

// Product prints every fact of one product with the address it came from.
func (ProvidersText) Product(w io.Writer, p *providers.Product) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s\n", p.Ref(), p.Title)
	if len(p.Aliases) > 0 {
		fmt.Fprintf(bw, "Also written: %s\n", strings.Join(p.Aliases, ", "))
	}
	fmt.Fprintln(bw)
	tw := provTable(bw)
	fmt.Fprintln(tw, "FACT\tVALUE\tSOURCE")
	for _, f := range providers.Facts() {
		if f == providers.FactLimits {
			continue // prose: printed below the table
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f, provFact(p, f), provDash(p.Sources[f]))
	}
	tw.Flush()
	if p.Limits != "" {
		fmt.Fprintf(bw, "\nLimits: %s\n  Source: %s\n", p.Limits, provDash(p.Sources[providers.FactLimits]))
	}
	if p.Notes != "" {
		fmt.Fprintf(bw, "\nNotes: %s\n", p.Notes)
	}
	if cps := providers.NewRegistry().ControlPlanesOf(p); len(cps) > 0 {
		fmt.Fprintf(bw, "\nControl planes (what a failover must not need):\n")
		for _, cp := range cps {
			fmt.Fprintf(bw, "  %s, %s: %s.\n    Source: %s\n", cp.Name, controlPlaneWhere(cp), cp.Operations, provDash(cp.Source))
		}
	}
	return bw.Flush()
}

// controlPlaneWhere says where a control plane lives: "only in us-east-1",
// "in the resource group's region", "global".
func controlPlaneWhere(cp *providers.ControlPlane) string {
	switch {
	case cp.Region != "":
		return "only in " + cp.Region
	case cp.PinnedTo != "":
		return "in the " + strings.ReplaceAll(cp.PinnedTo, "-", " ") + "'s region"
	}
	return "one global control plane"
}

// Region prints one region's geography and its source.
func (ProvidersText) Region(w io.Writer, r *providers.Region) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s\n\n", r.Ref(), r.Name)
	tw := provTable(bw)
	fmt.Fprintf(tw, "city\t%s\n", r.City)
	fmt.Fprintf(tw, "country\t%s\n", r.Country)
	fmt.Fprintf(tw, "continent\t%s\n", r.Continent)
	fmt.Fprintf(tw, "coordinates\t%s, %s\n", provNum(r.Lat), provNum(r.Lon))
	fmt.Fprintf(tw, "zones\t%d\n", r.Zones)
	switch {
	case r.Pair != "":
		fmt.Fprintf(tw, "pair\t%s (%s)\n", r.Pair, r.PairSource)
	case r.PairSource != "":
		fmt.Fprintf(tw, "pair\tnone: no paired-only features such as GRS (%s)\n", r.PairSource)
	}
	fmt.Fprintf(tw, "source\t%s\n", provDash(r.Source))
	tw.Flush()
	if r.Notes != "" {
		fmt.Fprintf(bw, "\nNotes: %s\n", r.Notes)
	}
	return bw.Flush()
}

// RTT explains a round-trip estimate between two regions.
func (ProvidersText) RTT(w io.Writer, a, b *providers.Region, est providers.RTTEstimate, p providers.GeoParams) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s (%s) to %s (%s)\n\n", a.Ref(), provPlace(a), b.Ref(), provPlace(b))
	tw := provTable(bw)
	if est.DistanceKm == 0 && est.Floor == 0 && a.Ref() == b.Ref() {
		fmt.Fprintf(tw, "estimate\t%s, the round trip between two zones of one region\n", provMs(est.RTT))
		fmt.Fprintf(tw, "source\t%s\n", est.Source)
		tw.Flush()
		return bw.Flush()
	}
	fmt.Fprintf(tw, "distance\t%s km\tgreat circle between the coordinates\n", provKm(est.DistanceKm))
	fmt.Fprintf(tw, "floor\t%s\tlight in fibre at %s km/ms, both ways\n", provMs(est.Floor), provNum(p.FibreSpeedKmPerMs))
	var model string
	if p.Fitted {
		t := est.Terms
		model = fmt.Sprintf("%s corridor: floor × %s + %s overhead", t.Corridor, provNum(t.Factor), provMs(t.Overhead))
		if t.CrossBorder > 0 {
			model += fmt.Sprintf(" + %s leaving mainland China", provMs(t.CrossBorder))
		}
		if t.Via != "" {
			model = fmt.Sprintf("a known slow corridor, relayed through %s: the two legs by the fitted model", t.Via)
		} else {
			model += ", fitted to published measurements"
		}
	} else {
		model = "floor × route factor " + provNum(p.RouteFactor)
		if est.DistanceKm < p.ShortHopDistanceKm {
			model += fmt.Sprintf(" + %s short-hop overhead (under %s km)", provMs(p.ShortHopOverhead), provNum(p.ShortHopDistanceKm))
		}
	}
	fmt.Fprintf(tw, "model\t%s\t%s\n", provMs(est.Model), model)
	switch {
	case est.Measured > 0:
		fmt.Fprintf(tw, "measured\t%s\t%s, %s: %s\n", provMs(est.Measured), est.Statistic, est.Date, est.Source)
	case p.ModelOnly:
		fmt.Fprintf(tw, "measured\t-\tignored (--model)\n")
	default:
		fmt.Fprintf(tw, "measured\t-\tno published measurement for this pair\n")
	}
	how := "the model"
	if est.Measured > 0 {
		how = "the measurement"
	}
	if est.RTT == est.Floor && est.RTT > max(est.Model, est.Measured) {
		how = "the floor"
	}
	fmt.Fprintf(tw, "estimate\t%s\t%s\n", provMs(est.RTT), how)
	tw.Flush()
	return bw.Flush()
}

func provCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func provPlace(r *providers.Region) string {
	if r.Country == "" {
		return r.City
	}
	return r.City + ", " + r.Country
}

func provFact(p *providers.Product, fact string) string {
	switch fact {
	case providers.FactKind:
		return string(p.Kind)
	case providers.FactScope:
		return string(p.Scope)
	case providers.FactReplication:
		return provModes(p.Replication)
	case providers.FactLag:
		return provDuration(p.Lag)
	case providers.FactLagBound:
		return provDuration(p.LagBound)
	case providers.FactFailover:
		return provDuration(p.Failover)
	case providers.FactFailoverBnd:
		return provDuration(p.FailoverBound)
	case providers.FactFailoverBy:
		return provDash(provTrigger(p.FailoverBy))
	case providers.FactFailoverGrc:
		return provDuration(p.FailoverGrace)
	case providers.FactPairedOnly:
		return provYesNo(p.PairedOnly)
	case providers.FactWitness:
		return provYesNo(p.Witness)
	case providers.FactMultiWriter:
		return provYesNo(p.MultiWriter)
	case providers.FactConflict:
		return provList(p.Conflict)
	case providers.FactControlPlane:
		return provDash(p.ControlPlane)
	case providers.FactLimits:
		return provDash(p.Limits)
	}
	return "-"
}

// provBounded shows a typical figure and, when published, its bound:
// "1s (15m)".
func provBounded(typical, bound time.Duration) string {
	s := provDuration(typical)
	if bound > 0 && bound != typical {
		s += " (" + provDuration(bound) + ")"
	}
	return s
}

func provFailover(p *providers.Product) string {
	s := provBounded(p.Failover, p.FailoverBound)
	if p.FailoverBy != "" {
		s += " " + string(p.FailoverBy)
	}
	if p.FailoverGrace > 0 {
		s += " +" + provDuration(p.FailoverGrace) + " grace"
	}
	return s
}

// provTrigger says who starts a failover, in words.
func provTrigger(t providers.FailoverTrigger) string {
	switch t {
	case providers.TriggerCustomer:
		return "customer (you start it)"
	case providers.TriggerService:
		return "service (the vendor decides, after its grace period)"
	case providers.TriggerLease:
		return "lease (consensus moves leadership on its own)"
	}
	return string(t)
}

func provModes(rs []providers.Replication) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return provList(s)
}

func provList(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ", ")
}

func provDuration(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return units.FormatDuration(d)
}

func provYesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func provDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func provNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// provMs prints a duration in milliseconds to a tenth.
func provMs(d time.Duration) string {
	return strconv.FormatFloat(provTenth(float64(d)/float64(time.Millisecond)), 'f', 1, 64) + " ms"
}

// provKm prints a distance to the kilometre, with thousands separated.
func provKm(f float64) string {
	s := strconv.FormatInt(int64(f+0.5), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func provTenth(f float64) float64 {
	if f < 0 {
		return -provTenth(-f)
	}
	return float64(int64(f*10+0.5)) / 10
}
