package lang

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

var regionSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "provider"},
		{Name: "code"},
		{Name: "city"},
		{Name: "country"},
		{Name: "lat"},
		{Name: "lon"},
		{Name: "zones"},
		{Name: "capacity"},
	},
}

func (l *loader) decodeRegionBlock(block *hcl.Block) *Region {
	r := &Region{
		Name:      block.Labels[0],
		Code:      block.Labels[0],
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, regionSchema)
	r.Attrs = attrRanges(content, "", nil)
	a := content.Attributes
	l.recordExpr(r.Addr(), a["provider"])
	l.recordExpr(r.Addr(), a["code"])
	if v, ok := l.str(a["provider"]); ok {
		r.Provider = v
	}
	if v, ok := l.str(a["code"]); ok {
		r.Code = v
	}
	if v, ok := l.str(a["city"]); ok {
		r.City = &v
	}
	if v, ok := l.str(a["country"]); ok {
		r.Country = &v
	}
	if v, ok := l.number(a["lat"], -90, 90); ok {
		r.Lat = &v
	}
	if v, ok := l.number(a["lon"], -180, 180); ok {
		r.Lon = &v
	}
	if v, ok := l.integer(a["zones"], 0, 1000); ok {
		r.Zones = &v
	}
	if v, ok := l.number(a["capacity"], 0, inf); ok {
		r.Capacity = &v
	}
	return r
}

// resolveRegion picks the region's provider and looks its code up in that
// catalog, merging the block's overrides into Geo.
func (l *loader) resolveRegion(r *Region) {
	m := l.mod
	fail := l.lookupError
	// Geography counts as given when written, even if a value was invalid
	// (that is reported already; a "missing" error would only echo it).
	explicit := true
	for _, name := range []string{"city", "country", "lat", "lon"} {
		if _, ok := r.Attrs[name]; !ok {
			explicit = false
		}
	}

	if r.Provider == "" {
		switch {
		case len(m.Providers) == 1:
			r.Provider = m.Providers[0].Name
		case len(m.Providers) == 0 && explicit:
			// Geography given in full: no catalog is needed.
		case len(m.Providers) == 0:
			fail(r.DeclRange, "Missing provider",
				fmt.Sprintf("Region %q names no provider, and the module declares none. Declare a provider block (such as provider \"aws\" {}) or give the region's city, country, lat and lon.", r.Name))
			return
		default:
			fail(r.DeclRange, "Missing provider",
				fmt.Sprintf("Region %q must say which provider it belongs to, because the module declares %d providers. Add provider = %q, or another of them.", r.Name, len(m.Providers), m.Providers[0].Name))
			return
		}
	}

	var entry *providers.Region
	if r.Provider != "" {
		cat, ok := m.Registry.Catalog(r.Provider)
		if !ok {
			names := m.Registry.Names()
			fail(l.exprRange(r.Addr(), "provider", r.DeclRange), "Unknown provider",
				fmt.Sprintf("There is no provider %q: declare a provider block for it, or use one of %s.%s", r.Provider, wordList(names), didYouMean(r.Provider, names, "")))
			return
		}
		l.checkDeclared(cat, l.exprRange(r.Addr(), "provider", r.DeclRange), fmt.Sprintf("Region %q", r.Name))
		if e, ok := cat.Region(r.Code); ok {
			entry = e
		} else if !explicit {
			codes := make([]string, len(cat.Regions))
			for i, e := range cat.Regions {
				codes[i] = e.Code
			}
			rng := l.exprRange(r.Addr(), "code", r.NameRange)
			fail(rng, "Unknown region code",
				fmt.Sprintf("The %s catalog has no region %q.%s For a region the catalog lacks, give its city, country, lat and lon.", r.Provider, r.Code, didYouMean(r.Code, codes, "")))
			return
		}
	}

	geo := providers.Region{Provider: r.Provider, Code: r.Code, Name: r.Name}
	if entry != nil {
		geo = *entry
	}
	if r.City != nil {
		geo.City = *r.City
	}
	if r.Country != nil {
		geo.Country = *r.Country
	}
	if r.Lat != nil {
		geo.Lat = *r.Lat
	}
	if r.Lon != nil {
		geo.Lon = *r.Lon
	}
	if r.Zones != nil {
		geo.Zones = *r.Zones
	} else if entry == nil {
		geo.Zones = 1
	}
	r.Geo = &geo
}
