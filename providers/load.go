package providers

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sync"
	"time"
)

// The built-in catalogs are data, not code: providers/data holds, per
// catalog, regions.json (one region a line), products.json and, where
// published measurements exist, rtt.json (measured round trips), and where
// the provider pairs its regions, pairs.json; plus catalogs.json (names,
// titles and notices) and rtt-sites.json (measured cities outside the
// catalogs, for the round-trip model). Every fact carries the public
// address it was taken from.
//
//go:embed data/catalogs.json data/jurisdictions.json data/costs.json data/LICENSE.cloud-regions data/*/regions.json data/*/products.json data/*/rtt.json data/*/pairs.json data/rtt-sites.json data/*/control_planes.json
var dataFS embed.FS

// builtinData is everything decoded from dataFS, once.
type builtinData struct {
	cats []*Catalog
	// rtts holds the preferred measurement of each pair (the first listed);
	// all holds every measurement, in file order, for the model's fit.
	rtts  map[pairKey]MeasuredRTT
	all   []MeasuredRTT
	model *RTTModel
	// sites are the cities of rtt-sites.json, measured by other clouds,
	// named "site.NAME": the model's fit and validation see them, plans
	// never do.
	sites map[string]*Region
}

var loadBuiltins = sync.OnceValue(func() *builtinData {
	cats, err := decodeCatalogs(dataFS)
	if err != nil {
		panic("providers: built-in catalog data is broken: " + err.Error())
	}
	rtts, all, err := decodeRTTs(dataFS, cats)
	if err != nil {
		panic("providers: built-in round-trip data is broken: " + err.Error())
	}
	sites, siteRTTs, err := decodeSites(dataFS)
	if err != nil {
		panic("providers: built-in round-trip data is broken: " + err.Error())
	}
	all = append(all, siteRTTs...)
	d := &builtinData{cats: cats, rtts: rtts, all: all, sites: sites}
	d.model = FitRTTModel(all, d.lookup)
	return d
})

// lookup finds a built-in region, or a measured site ("site.NAME").
func (d *builtinData) lookup(ref string) *Region {
	if name, code, ok := SplitRef(ref); ok && name == "site" {
		return d.sites[code]
	}
	return regionLookup(d.cats)(ref)
}

type sitesJSON struct {
	Notes string `json:"notes"`
	Sites []struct {
		Name      string  `json:"name"`
		City      string  `json:"city"`
		Country   string  `json:"country"`
		Continent string  `json:"continent"`
		Lat       float64 `json:"lat"`
		Lon       float64 `json:"lon"`
	} `json:"sites"`
	Measurements []rttJSON `json:"measurements"`
}

// decodeSites reads rtt-sites.json: measured cities outside the catalogs.
func decodeSites(fsys fs.FS) (map[string]*Region, []MeasuredRTT, error) {
	var sj sitesJSON
	if err := decodeFile(fsys, "data/rtt-sites.json", &sj); err != nil {
		return nil, nil, err
	}
	sites := map[string]*Region{}
	for _, s := range sj.Sites {
		sites[s.Name] = &Region{Provider: "site", Code: s.Name, Name: s.City, City: s.City, Country: s.Country,
			Continent: s.Continent, Lat: s.Lat, Lon: s.Lon}
	}
	var out []MeasuredRTT
	var errs []error
	for _, r := range sj.Measurements {
		d, err := time.ParseDuration(r.RTT)
		_, a, _ := SplitRef(r.A)
		_, b, _ := SplitRef(r.B)
		switch {
		case err != nil || d <= 0:
			errs = append(errs, fmt.Errorf("rtt-sites.json: %s-%s: bad rtt %q", r.A, r.B, r.RTT))
		case sites[a] == nil || sites[b] == nil:
			errs = append(errs, fmt.Errorf("rtt-sites.json: %s-%s: unknown site", r.A, r.B))
		case !isAddress(r.Source) || r.Statistic == "" || r.Date == "":
			errs = append(errs, fmt.Errorf("rtt-sites.json: %s-%s: give the source, statistic and date", r.A, r.B))
		}
		out = append(out, MeasuredRTT{A: r.A, B: r.B, RTT: d, Source: r.Source, Statistic: r.Statistic, Date: r.Date})
	}
	return sites, out, errors.Join(errs...)
}

// regionLookup finds a built-in region by "PROVIDER.CODE".
func regionLookup(cats []*Catalog) func(string) *Region {
	byName := map[string]*Catalog{}
	for _, c := range cats {
		byName[c.Name] = c
	}
	return func(ref string) *Region {
		name, code, ok := SplitRef(ref)
		if !ok {
			return nil
		}
		c, ok := byName[name]
		if !ok {
			return nil
		}
		r, _ := c.Region(code)
		return r
	}
}

type catalogEntry struct {
	Name   string `json:"name"`
	Title  string `json:"title"`
	Notice string `json:"notice"`
}

// productJSON is a product as products.json writes it. Source is the
// address of every stated fact that Sources does not name.
type productJSON struct {
	Name         string            `json:"name"`
	Aliases      []string          `json:"aliases"`
	Title        string            `json:"title"`
	Kind         ProductKind       `json:"kind"`
	Scope        Scope             `json:"scope"`
	Replication  []Replication     `json:"replication"`
	Lag          string            `json:"lag"`
	LagBound     string            `json:"lag_bound"`
	Failover     string            `json:"failover"`
	FailoverBnd  string            `json:"failover_bound"`
	FailoverBy   FailoverTrigger   `json:"failover_by"`
	FailoverGrc  string            `json:"failover_grace"`
	PairedOnly   bool              `json:"paired_only"`
	Witness      bool              `json:"witness"`
	MultiWriter  bool              `json:"multi_writer"`
	Conflict     []string          `json:"conflict"`
	ControlPlane string            `json:"control_plane"`
	Limits       string            `json:"limits"`
	Notes        string            `json:"notes"`
	Source       string            `json:"source"`
	Sources      map[string]string `json:"sources"`
}

type rttJSON struct {
	A         string `json:"a"`
	B         string `json:"b"`
	RTT       string `json:"rtt"`
	Statistic string `json:"statistic"`
	Date      string `json:"date"`
	Source    string `json:"source"`
}

func decodeCatalogs(fsys fs.FS) ([]*Catalog, error) {
	var entries []catalogEntry
	if err := decodeFile(fsys, "data/catalogs.json", &entries); err != nil {
		return nil, err
	}
	var cats []*Catalog
	var errs []error
	for _, e := range entries {
		c, err := decodeCatalog(fsys, e)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, c.Check()...)
		cats = append(cats, c)
	}
	for i := 1; i < len(cats); i++ {
		if cats[i-1].Name >= cats[i].Name {
			errs = append(errs, fmt.Errorf("catalogs.json: %q must come after %q", cats[i-1].Name, cats[i].Name))
		}
	}
	return cats, errors.Join(errs...)
}

func decodeCatalog(fsys fs.FS, e catalogEntry) (*Catalog, error) {
	// regions.json holds Regions as they are: their fields carry the tags.
	var regions []*Region
	if err := decodeFile(fsys, path.Join("data", e.Name, "regions.json"), &regions); err != nil {
		return nil, err
	}
	var ps []productJSON
	if err := decodeFile(fsys, path.Join("data", e.Name, "products.json"), &ps); err != nil {
		return nil, err
	}
	products := make([]*Product, len(ps))
	for i, pj := range ps {
		p, err := pj.product()
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", e.Name, pj.Name, err)
		}
		products[i] = p
	}
	c := NewCatalog(e.Name, e.Title, regions, products)
	c.Builtin = true
	c.Notice = e.Notice
	if err := decodePairs(fsys, c); err != nil {
		return nil, err
	}
	cps, err := decodeControlPlanes(fsys, c)
	if err != nil {
		return nil, err
	}
	c.controlPlanes = cps
	return c, nil
}

type pairsJSON struct {
	Source string `json:"source"`
	Notes  string `json:"notes"`
	Pairs  []struct {
		Region    string `json:"region"`
		Secondary string `json:"secondary"`
	} `json:"pairs"`
	Unpaired []string `json:"unpaired"`
}

// decodePairs reads a catalog's pairs.json, when it has one: each region's
// fixed secondary. Pairs may be one-way (West India's secondary is South
// India, whose own is Central India).
func decodePairs(fsys fs.FS, c *Catalog) error {
	name := path.Join("data", c.Name, "pairs.json")
	if _, err := fs.Stat(fsys, name); err != nil {
		return nil
	}
	var pj pairsJSON
	if err := decodeFile(fsys, name, &pj); err != nil {
		return err
	}
	var errs []error
	if !isAddress(pj.Source) {
		errs = append(errs, fmt.Errorf("%s: no source address", name))
	}
	for _, p := range pj.Pairs {
		r, ok := c.Region(p.Region)
		_, okS := c.Region(p.Secondary)
		switch {
		case !ok || !okS:
			errs = append(errs, fmt.Errorf("%s: %s-%s: unknown region", name, p.Region, p.Secondary))
		case r.Pair != "":
			errs = append(errs, fmt.Errorf("%s: %s paired twice", name, p.Region))
		case p.Region == p.Secondary:
			errs = append(errs, fmt.Errorf("%s: %s paired with itself", name, p.Region))
		default:
			r.Pair, r.PairSource = p.Secondary, pj.Source
		}
	}
	for _, u := range pj.Unpaired {
		if r, ok := c.Region(u); !ok || r.Pair != "" {
			errs = append(errs, fmt.Errorf("%s: unpaired region %s is unknown or paired", name, u))
		}
	}
	// The table is the provider's whole pairing: a region it does not
	// pair has no pair, which is as much a documented fact.
	for _, r := range c.Regions {
		r.PairSource = pj.Source
	}
	return errors.Join(errs...)
}

func (pj productJSON) product() (*Product, error) {
	p := &Product{Name: pj.Name, Aliases: pj.Aliases, Title: pj.Title, Kind: pj.Kind, Scope: pj.Scope,
		Replication: pj.Replication, MultiWriter: pj.MultiWriter, Conflict: pj.Conflict,
		FailoverBy: pj.FailoverBy, PairedOnly: pj.PairedOnly, Witness: pj.Witness,
		ControlPlane: pj.ControlPlane, Limits: pj.Limits, Notes: pj.Notes, Sources: map[string]string{}}
	var err error
	if p.Lag, err = parseDuration("lag", pj.Lag); err != nil {
		return nil, err
	}
	if p.Failover, err = parseDuration("failover", pj.Failover); err != nil {
		return nil, err
	}
	if p.LagBound, err = parseDuration("lag_bound", pj.LagBound); err != nil {
		return nil, err
	}
	if p.FailoverBound, err = parseDuration("failover_bound", pj.FailoverBnd); err != nil {
		return nil, err
	}
	if p.FailoverGrace, err = parseDuration("failover_grace", pj.FailoverGrc); err != nil {
		return nil, err
	}
	for f, src := range pj.Sources {
		p.Sources[f] = src
	}
	if pj.Source != "" {
		for _, f := range p.StatedFacts() {
			if p.Sources[f] == "" {
				p.Sources[f] = pj.Source
			}
		}
	}
	return p, nil
}

func parseDuration(field, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", field, err)
	}
	return d, nil
}

// decodeRTTs reads every catalog's rtt.json. A pair may be measured by
// several sources (they validate the model against each other); the first
// listed is the one estimates use. The same source twice for a pair is an
// error, as is a figure without a source, statistic or date.
func decodeRTTs(fsys fs.FS, cats []*Catalog) (map[pairKey]MeasuredRTT, []MeasuredRTT, error) {
	lookup := regionLookup(cats)
	out := map[pairKey]MeasuredRTT{}
	var all []MeasuredRTT
	var errs []error
	seen := map[string]bool{}
	for _, c := range cats {
		name := path.Join("data", c.Name, "rtt.json")
		if _, err := fs.Stat(fsys, name); err != nil {
			continue
		}
		var rs []rttJSON
		if err := decodeFile(fsys, name, &rs); err != nil {
			errs = append(errs, err)
			continue
		}
		for _, r := range rs {
			d, err := time.ParseDuration(r.RTT)
			where := fmt.Sprintf("%s: %s-%s", name, r.A, r.B)
			switch {
			case err != nil || d <= 0:
				errs = append(errs, fmt.Errorf("%s: bad rtt %q", where, r.RTT))
			case lookup(r.A) == nil || lookup(r.B) == nil:
				errs = append(errs, fmt.Errorf("%s: unknown region", where))
			case !isAddress(r.Source):
				errs = append(errs, fmt.Errorf("%s: no source address", where))
			case r.Statistic == "" || r.Date == "":
				errs = append(errs, fmt.Errorf("%s: give the statistic and the date of the measurement", where))
			}
			k := newPairKey(r.A, r.B)
			if id := k.a + " " + k.b + " " + r.Source; seen[id] {
				errs = append(errs, fmt.Errorf("%s: measured twice by the same source", where))
			} else {
				seen[id] = true
			}
			m := MeasuredRTT{A: r.A, B: r.B, RTT: d, Source: r.Source, Statistic: r.Statistic, Date: r.Date}
			all = append(all, m)
			if _, dup := out[k]; !dup {
				out[k] = m
			}
		}
	}
	return out, all, errors.Join(errs...)
}

// decodeFile decodes a JSON file strictly: an unknown field is an error, so
// that a misspelt fact cannot vanish silently.
func decodeFile(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
