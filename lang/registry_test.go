package lang

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mrplan/mrplan/providers"
)

// testRegistry has one built-in-like catalog of its own, so these tests do
// not depend on the real catalogs' contents.
func testRegistry() *providers.Registry {
	reg := providers.NewRegistry()
	reg.Add(&providers.Catalog{
		Name:    "testcloud",
		Builtin: true,
		Regions: []*providers.Region{
			{Provider: "testcloud", Code: "north-1", City: "Oslo", Country: "NO", Lat: 59.9, Lon: 10.7, Zones: 3},
			{Provider: "testcloud", Code: "south-1", City: "Rome", Country: "IT", Lat: 41.9, Lon: 12.5, Zones: 3},
		},
		Products: []*providers.Product{
			{Provider: "testcloud", Name: "kv", Kind: providers.KindDatabase, Scope: providers.ScopeRegional},
		},
	})
	return reg
}

func writeModule(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadWithBuiltinCatalog(t *testing.T) {
	dir := writeModule(t, `
provider "testcloud" {}

region "oslo" {
  code  = "north-1"
  zones = 2
}
region "south-1" {}

service "api" {
  regions = [region.oslo, region.south-1]
  writes  = [data.kv]
}

data "kv" {
  owner   = service.api
  product = "testcloud.kv"
}
`)
	m, diags := LoadDirWith(dir, testRegistry())
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	oslo := m.Region("oslo")
	if oslo.Provider != "testcloud" || oslo.Geo == nil || oslo.Geo.City != "Oslo" || oslo.Geo.Zones != 2 {
		t.Errorf("region.oslo: provider %q, geo %+v", oslo.Provider, oslo.Geo)
	}
	if g := m.Region("south-1").Geo; g == nil || g.Code != "south-1" || g.Zones != 3 {
		t.Errorf("region.south-1 geo %+v", g)
	}
	if p := m.DataClass("kv").Catalog; p == nil || p.Ref() != "testcloud.kv" {
		t.Errorf("product %+v", p)
	}
	if m.Providers[0].Catalog == nil || !m.Providers[0].Catalog.Builtin {
		t.Error("provider testcloud does not select the built-in catalog")
	}
}

func TestLoadWithBuiltinCatalogErrors(t *testing.T) {
	dir := writeModule(t, `
provider "testcloud" {
  product "extra" {
    kind = "cache"
  }
}

region "north-2" {}

region "lab" {
  code    = "lab-1"
  city    = "Bergen"
  country = "NO"
  lat     = 60.4
  lon     = 5.3
}
`)
	_, diags := LoadDirWith(dir, testRegistry())
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+": "+d.Detail)
	}
	want := []string{
		`Built-in provider redefined: "testcloud" is a built-in catalog, so it cannot define its own regions or products. Give the custom provider another name, such as "testcloud-custom", or remove the inline blocks and override a region's geography in its region block.`,
		`Unknown region code: The testcloud catalog has no region "north-2". Did you mean "north-1"? For a region the catalog lacks, give its city, country, lat and lon.`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("diagnostic %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}
