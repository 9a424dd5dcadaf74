package views

import (
	"encoding/json"
	"io"
	"time"

	"github.com/mrplan/mrplan/providers"
	"github.com/mrplan/mrplan/units"
)

// ProvidersFormatVersion is the format_version of the JSON below; it changes
// when the shape breaks.
const ProvidersFormatVersion = "1"

// ProvidersJSON renders the catalogs as JSON. The shapes are this view's
// own: the providers types carry no JSON tags. Durations are strings in the
// language's syntax, absent facts are null, empty lists are [].
type ProvidersJSON struct{}

type jsonCatalogSummary struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Builtin  bool   `json:"builtin"`
	Regions  int    `json:"regions"`
	Products int    `json:"products"`
	Notice   string `json:"notice"`
}

type jsonCatalog struct {
	FormatVersion string        `json:"format_version"`
	Name          string        `json:"name"`
	Title         string        `json:"title"`
	Builtin       bool          `json:"builtin"`
	Notice        string        `json:"notice"`
	Regions       []jsonRegion  `json:"regions"`
	Products      []jsonProduct `json:"products"`
}

// jsonRegion is a region as its catalog file states it, with its reference,
// and its notes even when there are none (the file leaves them out).
type jsonRegion struct {
	Ref string `json:"ref"`
	*providers.Region
	Pair  *string `json:"pair"`
	Notes string  `json:"notes"`
}

type jsonControlPlane struct {
	Name       string `json:"name"`
	Region     string `json:"region"`
	PinnedTo   string `json:"pinned_to"`
	Operations string `json:"operations"`
	DataPlane  string `json:"data_plane"`
	Source     string `json:"source"`
}

type jsonProduct struct {
	Ref          string   `json:"ref"`
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases"`
	Title        string   `json:"title"`
	Kind         string   `json:"kind"`
	Scope        string   `json:"scope"`
	Replication  []string `json:"replication"`
	Lag          *string  `json:"lag"`
	LagBound     *string  `json:"lag_bound"`
	Failover     *string  `json:"failover"`
	FailoverBnd  *string  `json:"failover_bound"`
	FailoverBy   *string  `json:"failover_by"`
	FailoverGrc  *string  `json:"failover_grace"`
	PairedOnly   bool     `json:"paired_only"`
	Witness      bool     `json:"witness"`
	MultiWriter  bool     `json:"multi_writer"`
	Conflict     []string `json:"conflict"`
	ControlPlane *string  `json:"control_plane"`
	// ControlPlanes are the catalog's control planes the product relies on
	// for changes (providers/data/NAME/control_planes.json).
	ControlPlanes []jsonControlPlane `json:"control_planes"`
	Limits        string             `json:"limits"`
	Notes         string             `json:"notes"`
	Sources       map[string]string  `json:"sources"`
}

type jsonRTT struct {
	FormatVersion string   `json:"format_version"`
	From          string   `json:"from"`
	To            string   `json:"to"`
	DistanceKm    float64  `json:"distance_km"`
	FloorMs       float64  `json:"floor_ms"`
	RTTMs         float64  `json:"rtt_ms"`
	ModelMs       float64  `json:"model_ms"`
	Corridor      string   `json:"corridor"`
	Via           string   `json:"via"`
	MeasuredMs    *float64 `json:"measured_ms"`
	Statistic     string   `json:"statistic"`
	Date          string   `json:"date"`
	Source        string   `json:"source"`
}

// Catalogs lists the catalogs with their counts.
func (ProvidersJSON) Catalogs(w io.Writer, cats []*providers.Catalog) error {
	out := struct {
		FormatVersion string               `json:"format_version"`
		Catalogs      []jsonCatalogSummary `json:"catalogs"`
	}{ProvidersFormatVersion, []jsonCatalogSummary{}}
	for _, c := range cats {
		out.Catalogs = append(out.Catalogs, jsonCatalogSummary{c.Name, c.Title, c.Builtin, len(c.Regions), len(c.Products), c.Notice})
	}
	return provWriteJSON(w, out)
}

// Catalog renders one catalog whole.
func (ProvidersJSON) Catalog(w io.Writer, c *providers.Catalog) error {
	out := jsonCatalog{FormatVersion: ProvidersFormatVersion, Name: c.Name, Title: c.Title, Builtin: c.Builtin,
		Notice: c.Notice, Regions: []jsonRegion{}, Products: []jsonProduct{}}
	for _, r := range c.Regions {
		out.Regions = append(out.Regions, toJSONRegion(r))
	}
	for _, p := range c.Products {
		out.Products = append(out.Products, toJSONProduct(p))
	}
	return provWriteJSON(w, out)
}

// Product renders one product with its sources.
func (ProvidersJSON) Product(w io.Writer, p *providers.Product) error {
	return provWriteJSON(w, struct {
		FormatVersion string `json:"format_version"`
		jsonProduct
	}{ProvidersFormatVersion, toJSONProduct(p)})
}

// Region renders one region.
func (ProvidersJSON) Region(w io.Writer, r *providers.Region) error {
	return provWriteJSON(w, struct {
		FormatVersion string `json:"format_version"`
		jsonRegion
	}{ProvidersFormatVersion, toJSONRegion(r)})
}

// RTT renders a round-trip estimate in the shape SPEC §7 gives:
// distance_km, floor_ms, rtt_ms and source, plus the pair, the model's own
// estimate and its corridor ("" for the simple model), and the measured
// figure (null when there is none) with its statistic and date, rounded to
// a tenth.
func (ProvidersJSON) RTT(w io.Writer, a, b *providers.Region, est providers.RTTEstimate, _ providers.GeoParams) error {
	out := jsonRTT{FormatVersion: ProvidersFormatVersion, From: a.Ref(), To: b.Ref(),
		DistanceKm: provTenth(est.DistanceKm), FloorMs: provMsTenth(est.Floor), RTTMs: provMsTenth(est.RTT),
		ModelMs: provMsTenth(est.Model), Corridor: est.Terms.Corridor, Via: est.Terms.Via, Statistic: est.Statistic, Date: est.Date, Source: est.Source}
	if est.Measured > 0 {
		m := provMsTenth(est.Measured)
		out.MeasuredMs = &m
	}
	return provWriteJSON(w, out)
}

func toJSONRegion(r *providers.Region) jsonRegion {
	var pair *string
	if r.Pair != "" {
		pair = &r.Pair
	}
	return jsonRegion{r.Ref(), r, pair, r.Notes}
}

func toJSONProduct(p *providers.Product) jsonProduct {
	out := jsonProduct{Ref: p.Ref(), Name: p.Name, Aliases: append([]string{}, p.Aliases...), Title: p.Title, Kind: string(p.Kind), Scope: string(p.Scope),
		Replication: []string{}, MultiWriter: p.MultiWriter, Conflict: []string{}, Limits: p.Limits, Notes: p.Notes,
		Sources: map[string]string{}}
	for _, r := range p.Replication {
		out.Replication = append(out.Replication, string(r))
	}
	out.Conflict = append(out.Conflict, p.Conflict...)
	if p.Lag > 0 {
		s := units.FormatDuration(p.Lag)
		out.Lag = &s
	}
	if p.Failover > 0 {
		s := units.FormatDuration(p.Failover)
		out.Failover = &s
	}
	out.LagBound = provJSONDuration(p.LagBound)
	out.FailoverBnd = provJSONDuration(p.FailoverBound)
	out.FailoverGrc = provJSONDuration(p.FailoverGrace)
	if p.FailoverBy != "" {
		s := string(p.FailoverBy)
		out.FailoverBy = &s
	}
	out.PairedOnly, out.Witness = p.PairedOnly, p.Witness
	if p.ControlPlane != "" {
		out.ControlPlane = &p.ControlPlane
	}
	out.ControlPlanes = []jsonControlPlane{}
	for _, cp := range providers.NewRegistry().ControlPlanesOf(p) {
		out.ControlPlanes = append(out.ControlPlanes, jsonControlPlane{cp.Name, cp.Region, cp.PinnedTo, cp.Operations, cp.DataPlane, cp.Source})
	}
	for f, src := range p.Sources {
		out.Sources[f] = src
	}
	return out
}

// provJSONDuration is a duration in the language's syntax, or nil (null)
// when the fact is not stated.
func provJSONDuration(d time.Duration) *string {
	if d <= 0 {
		return nil
	}
	s := units.FormatDuration(d)
	return &s
}

func provMsTenth(d time.Duration) float64 {
	return provTenth(float64(d) / float64(time.Millisecond))
}

func provWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
