package providers

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCheckCustom feeds Check a custom catalog with one mistake per entry
// and expects each to be reported, naming the entry.
func TestCheckCustom(t *testing.T) {
	ok := func() *Product {
		return &Product{Name: "tidb", Kind: KindDatabase, Scope: ScopeRegional,
			Replication: []Replication{ReplicationSync, ReplicationAsync}, Lag: 2 * time.Second}
	}
	cases := []struct {
		name   string
		region *Region
		prod   func(p *Product)
		want   string
	}{
		{name: "valid"},
		{name: "latitude", region: &Region{Code: "x", Lat: 91}, want: "corp.x: latitude 91 is outside -90..90"},
		{name: "longitude", region: &Region{Code: "x", Lon: -181}, want: "longitude -181 is outside"},
		{name: "zones", region: &Region{Code: "x", Zones: -1}, want: "zones -1 is negative"},
		{name: "country", region: &Region{Code: "x", Country: "China"}, want: `country "China" is not an ISO 3166-1`},
		{name: "kind", prod: func(p *Product) { p.Kind = "databse" }, want: `corp.tidb: kind "databse" is not one of database, cache`},
		{name: "scope", prod: func(p *Product) { p.Scope = "zonal" }, want: `scope "zonal" is not one of regional`},
		{name: "mode", prod: func(p *Product) { p.Replication = []Replication{"semisync"} }, want: `replication "semisync" is not one of`},
		{name: "no mode means none", prod: func(p *Product) { p.Replication, p.Lag = nil, 0 }},
		{name: "none and more", prod: func(p *Product) { p.Replication = []Replication{"none", "async"} }, want: `"none" cannot be combined`},
		// A custom product may leave its lag unknown; the planner assumes the worst.
		{name: "async without lag", prod: func(p *Product) { p.Lag = 0 }, want: ""},
		{name: "sync with lag", prod: func(p *Product) { p.Replication = []Replication{"sync"} }, want: "offers no async replication"},
		{name: "multi-writer", prod: func(p *Product) { p.MultiWriter = true }, want: "offers no conflict resolution"},
		{name: "conflict single writer", prod: func(p *Product) { p.Conflict = []string{"lww"} }},
		{name: "conflict value", prod: func(p *Product) { p.MultiWriter, p.Conflict = true, []string{"merge"} }, want: `conflict resolution "merge" is not one of lww, crdt, custom or consensus`},
		{name: "control plane", prod: func(p *Product) { p.ControlPlane = "sh-a" }, want: "a regional product has no control plane"},
		{name: "source", prod: func(p *Product) { p.Sources = map[string]string{"lag": "the docs"} }, want: `source of fact "lag" is not an http(s) address`},
		{name: "fact", prod: func(p *Product) { p.Sources = map[string]string{"latency": "https://x"} }, want: `unknown fact "latency"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			regions := []*Region{{Code: "sh-a", City: "Shanghai", Country: "CN", Lat: 31.23, Lon: 121.47, Zones: 2}}
			if tc.region != nil {
				regions = append(regions, tc.region)
			}
			p := ok()
			if tc.prod != nil {
				tc.prod(p)
			}
			errs := NewCatalog("corp", "", regions, []*Product{p}).Check()
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			all := strings.Join(msgs, "\n")
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Fatalf("unexpected errors:\n%s", all)
			case tc.want != "" && !strings.Contains(all, tc.want):
				t.Fatalf("want an error containing %q, got:\n%s", tc.want, all)
			}
		})
	}
}

func TestCheckDuplicates(t *testing.T) {
	c := NewCatalog("corp", "", []*Region{{Code: "a"}, {Code: "a"}},
		[]*Product{{Name: "p", Kind: KindCache, Scope: ScopeRegional, Replication: []Replication{"none"}},
			{Name: "p", Kind: KindCache, Scope: ScopeRegional, Replication: []Replication{"none"}}})
	got := c.Check()
	if len(got) != 2 || got[0].Error() != "corp.a: region declared twice" || got[1].Error() != "corp.p: product declared twice" {
		t.Fatalf("Check() = %v", got)
	}
}

// TestCheckBuiltinNeedsSources: a built-in entry without sources fails.
func TestCheckBuiltinNeedsSources(t *testing.T) {
	c := NewCatalog("corp", "Corp", []*Region{{Code: "a", Name: "A", City: "X", Country: "CN", Continent: "Asia", Lat: 1, Lon: 1}},
		[]*Product{{Name: "p", Title: "P", Kind: KindCache, Scope: ScopeRegional, Replication: []Replication{"none"}}})
	c.Builtin = true
	c.Products = append(c.Products, &Product{Name: "q", Title: "Q", Kind: KindCache, Scope: ScopeRegional, Conflict: []string{"lww"}},
		&Product{Name: "r", Title: "R", Kind: KindDatabase, Scope: ScopeRegional, Replication: []Replication{ReplicationAsync}})
	var msgs []string
	for _, e := range c.Check() {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"corp.a: a built-in region needs the public address", `corp.p: fact "scope" has no public source address`,
		"corp.q: replication lists no mode", "corp.q: offers conflict resolution but accepts writes in one region only",
		"corp.r: offers async replication but gives no typical lag"} {
		if !strings.Contains(all, want) {
			t.Errorf("want %q in:\n%s", want, all)
		}
	}
}

// TestCheckErrorFields: each error names its entry and the attribute at
// fault, so that lang can point at the right line of a custom provider.
func TestCheckErrorFields(t *testing.T) {
	c := NewCatalog("corp", "", []*Region{{Code: "sh-a", Lat: 100}},
		[]*Product{{Name: "tidb", Kind: KindDatabase, Scope: ScopeRegional, Replication: []Replication{ReplicationSync}, Lag: time.Second}})
	var got []CheckError
	for _, err := range c.Check() {
		var ce *CheckError
		if !errors.As(err, &ce) {
			t.Fatalf("%v is not a *CheckError", err)
		}
		got = append(got, *ce)
	}
	want := []CheckError{
		{Catalog: "corp", Entry: EntryRegion, Name: "sh-a", Field: "lat", Message: "latitude 100 is outside -90..90"},
		{Catalog: "corp", Entry: EntryProduct, Name: "tidb", Field: "lag", Message: "gives a lag of 1s but offers no async replication: synchronous modes lose nothing"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check() =\n%+v\nwant\n%+v", got, want)
	}
}
