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
// catalog, regions.json (one region a line) and products.json, plus
// catalogs.json (names, titles and notices) and rtt.json (measured round
// trips). Every fact carries the public address it was taken from.
//
//go:embed data/catalogs.json data/rtt.json data/LICENSE.cloud-regions data/*/regions.json data/*/products.json data/*/control_planes.json
var dataFS embed.FS

var loadBuiltins = sync.OnceValues(func() ([]*Catalog, map[pairKey]MeasuredRTT) {
	cats, err := decodeCatalogs(dataFS)
	if err != nil {
		panic("providers: built-in catalog data is broken: " + err.Error())
	}
	rtts, err := decodeRTTs(dataFS, cats)
	if err != nil {
		panic("providers: built-in round-trip data is broken: " + err.Error())
	}
	return cats, rtts
})

type catalogEntry struct {
	Name   string `json:"name"`
	Title  string `json:"title"`
	Notice string `json:"notice"`
}

type regionJSON struct {
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	City      string  `json:"city"`
	Country   string  `json:"country"`
	Continent string  `json:"continent"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Zones     int     `json:"zones"`
	Notes     string  `json:"notes"`
	Source    string  `json:"source"`
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
	Failover     string            `json:"failover"`
	MultiWriter  bool              `json:"multi_writer"`
	Conflict     []string          `json:"conflict"`
	ControlPlane string            `json:"control_plane"`
	Limits       string            `json:"limits"`
	Notes        string            `json:"notes"`
	Source       string            `json:"source"`
	Sources      map[string]string `json:"sources"`
}

type rttJSON struct {
	A      string `json:"a"`
	B      string `json:"b"`
	RTT    string `json:"rtt"`
	Source string `json:"source"`
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
	var rs []regionJSON
	if err := decodeFile(fsys, path.Join("data", e.Name, "regions.json"), &rs); err != nil {
		return nil, err
	}
	var ps []productJSON
	if err := decodeFile(fsys, path.Join("data", e.Name, "products.json"), &ps); err != nil {
		return nil, err
	}
	regions := make([]*Region, len(rs))
	for i, r := range rs {
		regions[i] = &Region{Code: r.Code, Name: r.Name, City: r.City, Country: r.Country,
			Continent: r.Continent, Lat: r.Lat, Lon: r.Lon, Zones: r.Zones, Notes: r.Notes, Source: r.Source}
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
	cps, err := decodeControlPlanes(fsys, c)
	if err != nil {
		return nil, err
	}
	c.controlPlanes = cps
	return c, nil
}

func (pj productJSON) product() (*Product, error) {
	p := &Product{Name: pj.Name, Aliases: pj.Aliases, Title: pj.Title, Kind: pj.Kind, Scope: pj.Scope,
		Replication: pj.Replication, MultiWriter: pj.MultiWriter, Conflict: pj.Conflict,
		ControlPlane: pj.ControlPlane, Limits: pj.Limits, Notes: pj.Notes, Sources: map[string]string{}}
	var err error
	if p.Lag, err = parseDuration("lag", pj.Lag); err != nil {
		return nil, err
	}
	if p.Failover, err = parseDuration("failover", pj.Failover); err != nil {
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

func decodeRTTs(fsys fs.FS, cats []*Catalog) (map[pairKey]MeasuredRTT, error) {
	var rs []rttJSON
	if err := decodeFile(fsys, "data/rtt.json", &rs); err != nil {
		return nil, err
	}
	byName := map[string]*Catalog{}
	for _, c := range cats {
		byName[c.Name] = c
	}
	exists := func(ref string) bool {
		for i := 0; i < len(ref); i++ {
			if ref[i] == '.' {
				c, ok := byName[ref[:i]]
				if !ok {
					return false
				}
				_, ok = c.Region(ref[i+1:])
				return ok
			}
		}
		return false
	}
	out := map[pairKey]MeasuredRTT{}
	var errs []error
	for _, r := range rs {
		d, err := time.ParseDuration(r.RTT)
		switch {
		case err != nil || d <= 0:
			errs = append(errs, fmt.Errorf("rtt.json: %s-%s: bad rtt %q", r.A, r.B, r.RTT))
		case !exists(r.A) || !exists(r.B):
			errs = append(errs, fmt.Errorf("rtt.json: %s-%s: unknown region", r.A, r.B))
		case !isAddress(r.Source):
			errs = append(errs, fmt.Errorf("rtt.json: %s-%s: no source address", r.A, r.B))
		}
		k := newPairKey(r.A, r.B)
		if _, dup := out[k]; dup {
			errs = append(errs, fmt.Errorf("rtt.json: %s-%s: measured twice", r.A, r.B))
		}
		out[k] = MeasuredRTT{A: r.A, B: r.B, RTT: d, Source: r.Source}
	}
	return out, errors.Join(errs...)
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
