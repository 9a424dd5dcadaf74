// Command gen writes the region lists of the built-in aws, azure and gcp
// catalogs (providers/data/NAME/regions.json) from the MIT-licensed
// cloud-regions list, applying the corrections below where the vendors' own
// pages disagree with it. It was run once to seed the catalogs; rerun it only
// to refresh them from a newer list, and read the diff:
//
//	go run ./providers/internal/gen -in ../shared/data/cloud-regions/regions.json -out providers/data
//
// The alicloud regions are not in that list and are kept by hand.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mrplan/mrplan/providers"
)

type upstream struct {
	Regions []struct {
		Provider    string `json:"provider"`
		RegionCode  string `json:"regionCode"`
		DisplayName string `json:"displayName"`
		RegionType  string `json:"regionType"`
		Status      string `json:"status"`
		Location    struct {
			CountryCode string  `json:"countryCode"`
			City        string  `json:"city"`
			Latitude    float64 `json:"latitude"`
			Longitude   float64 `json:"longitude"`
			Continent   string  `json:"continent"`
		} `json:"location"`
		AvailabilityZones int `json:"availabilityZones"`
	} `json:"regions"`
}

// region is one line of a regions.json file: the catalog's own type, so the
// two cannot drift.
type region = providers.Region

// sources are the vendor pages every region of a catalog was checked against.
var sources = map[string]string{
	"aws":   "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html",
	"azure": "https://learn.microsoft.com/en-us/azure/reliability/regions-list",
	"gcp":   "https://cloud.google.com/about/locations",
}

var continents = map[string]string{
	"africa":        "Africa",
	"asia":          "Asia",
	"europe":        "Europe",
	"middle-east":   "Middle East",
	"north-america": "North America",
	"oceania":       "Oceania",
	"south-america": "South America",
}

// correction overrides what the upstream list says about one region.
type correction struct {
	apply  func(r *region)
	source string // the public page that says so
}

var corrections = map[string]correction{
	// The data centres of us-west-2 are in Morrow and Umatilla counties,
	// near Boardman, not in Portland, 260 km west.
	"aws.us-west-2": {func(r *region) {
		r.City, r.Lat, r.Lon = "Boardman", 45.8399, -119.7006
		r.Notes = "Data centres near Boardman, Oregon (Morrow and Umatilla counties), not Portland."
	}, "https://aws.amazon.com/about-aws/global-infrastructure/regions_az/"},
	// AWS lists three zones for N. California (usw1-az1, -az2, -az3), though
	// accounts created before 2014 see only two of them.
	"aws.us-west-1": {func(r *region) {
		r.Zones = 3
		r.Notes = "Older accounts can place resources in two of the three zones only."
	}, "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html"},
	"aws.us-gov-west-1": {func(r *region) {
		r.Notes = "AWS GovCloud (US) partition: separate accounts, US persons only."
	}, "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/whatis.html"},
	"aws.us-gov-east-1": {func(r *region) {
		r.Notes = "AWS GovCloud (US) partition: separate accounts, US persons only."
	}, "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/whatis.html"},
	"aws.cn-north-1": {func(r *region) {
		r.Notes = "AWS China partition, operated by Sinnet: separate accounts."
	}, "https://docs.amazonaws.cn/en_us/aws/latest/userguide/introduction.html"},
	"aws.cn-northwest-1": {func(r *region) {
		r.Notes = "AWS China partition, operated by NWCD: separate accounts."
	}, "https://docs.amazonaws.cn/en_us/aws/latest/userguide/introduction.html"},
	// us-east1's zones are b, c and d; the list says 4.
	"gcp.us-east1": {func(r *region) { r.Zones = 3 }, "https://cloud.google.com/compute/docs/regions-zones"},
	// The GCP regions below keep three zones in one or two buildings.
	"gcp.northamerica-south1":     {sharedBuildings, spannerConfigs},
	"gcp.asia-northeast2":         {sharedBuildings, spannerConfigs},
	"gcp.northamerica-northeast1": {sharedBuildings, spannerConfigs},
}

// usStates are the "cities" the upstream list gives for Azure's US regions:
// Microsoft publishes only the state.
var usStates = map[string]bool{"Arizona": true, "California": true, "Illinois": true, "Iowa": true,
	"Texas": true, "Virginia": true, "Washington": true, "Wyoming": true}

const spannerConfigs = "https://cloud.google.com/spanner/docs/instance-configurations"

func sharedBuildings(r *region) {
	r.Notes = "Its three zones are housed in one or two physical data centres: a zone is not a separate building."
}

func main() {
	in := flag.String("in", "../shared/data/cloud-regions/regions.json", "the upstream regions.json")
	out := flag.String("out", "providers/data", "the catalog data directory")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var u upstream
	if err := json.Unmarshal(b, &u); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	byProvider := map[string][]region{}
	used := map[string]bool{}
	for _, ur := range u.Regions {
		src, ok := sources[ur.Provider]
		if !ok || ur.Status != "ga" {
			continue
		}
		l := ur.Location
		cont, ok := continents[l.Continent]
		if !ok {
			return fmt.Errorf("%s.%s: unknown continent %q", ur.Provider, ur.RegionCode, l.Continent)
		}
		r := region{
			Code: ur.RegionCode, Name: ur.DisplayName, City: l.City, Country: l.CountryCode,
			Continent: cont, Lat: l.Latitude, Lon: l.Longitude, Zones: ur.AvailabilityZones, Source: src,
		}
		if ur.Provider == "azure" && usStates[r.City] {
			r.Notes = "Microsoft gives the state, not the city; the coordinates are the ones Azure publishes for the region."
		}
		key := ur.Provider + "." + ur.RegionCode
		if c, ok := corrections[key]; ok {
			c.apply(&r)
			r.Source = c.source
			used[key] = true
		}
		byProvider[ur.Provider] = append(byProvider[ur.Provider], r)
	}
	for key := range corrections {
		if !used[key] {
			return fmt.Errorf("correction for %s matches no region", key)
		}
	}
	for p, rs := range byProvider {
		sort.Slice(rs, func(i, j int) bool { return rs[i].Code < rs[j].Code })
		if err := write(filepath.Join(out, p, "regions.json"), rs); err != nil {
			return err
		}
	}
	return nil
}

// write puts one region on each line, so that a diff shows which changed.
func write(path string, rs []region) error {
	var sb strings.Builder
	sb.WriteString("[\n")
	for i, r := range rs {
		line, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sb.WriteString("  ")
		sb.Write(line)
		if i < len(rs)-1 {
			sb.WriteString(",")
		}
		sb.WriteString("\n")
	}
	sb.WriteString("]\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}
