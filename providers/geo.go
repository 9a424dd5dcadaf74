package providers

import (
	"math"
	"sort"
	"time"
)

// EarthRadiusKm is the mean Earth radius used for great-circle distances,
// the IUGG mean radius R1 (6371.0088 km) to the kilometre; the haversine
// formula on a sphere errs by under 0.5% against the ellipsoid.
const EarthRadiusKm = 6371.0

// GeoParams are the assumptions round-trip estimates rest on. lang fills them
// from the module's `mrplan { assumptions {} }`.
type GeoParams struct {
	RouteFactor        float64       // real route length over the great circle
	FibreSpeedKmPerMs  float64       // light in fibre
	ShortHopDistanceKm float64       // below this, ShortHopOverhead dominates
	ShortHopOverhead   time.Duration // fixed overhead of a short hop
	// Fitted: estimate with the model fitted to the published measurements
	// (RTTModel), not the route factor and short-hop terms above. The
	// defaults are fitted; a module that sets route_factor or a short-hop
	// assumption asks for its own simple model, and gets it.
	Fitted bool
	// ModelOnly: ignore published measurements and give the model's
	// estimate alone (`mrplan providers rtt --model`).
	ModelOnly bool
}

// DistanceKm is the great-circle distance between two points, by the
// haversine formula.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// RTTEstimate is a round-trip estimate between two regions.
type RTTEstimate struct {
	DistanceKm float64
	Floor      time.Duration // light in fibre along the great circle, both ways
	RTT        time.Duration // the estimate: never below Floor
	// Source is the address of the published measurement the estimate is,
	// or "" when there is none (or ModelOnly was asked).
	Source string
	// Measured is that published round trip, or 0; Statistic and Date say
	// what it is and when it was taken.
	Measured        time.Duration
	Statistic, Date string
	// Model is the model's own estimate, which RTT is when nothing was
	// measured; Terms say how it was reached (Fitted only).
	Model time.Duration
	Terms ModelTerms
}

// Pattern is the geographic shape of a set of regions (SPEC §5.4).
type Pattern string

const (
	PatternSingleRegion Pattern = "single-region"
	PatternSameCity     Pattern = "same-city"
	PatternCrossCity    Pattern = "cross-city"
	PatternCrossCountry Pattern = "cross-country"
)

// Geography defaults and constants. lang's `mrplan { assumptions {} }`
// overrides the GeoParams; the constants below are not assumptions a module
// tunes but facts about the data.
const (
	// InterZoneRTT is the round trip between two zones of one region. The
	// best of 50 pings between AWS zones measured 0.25 to 3.37 ms depending
	// on the region; the top of that range is used, so that a synchronous
	// write across zones is never estimated too cheap.
	InterZoneRTT       = 3370 * time.Microsecond
	InterZoneRTTSource = "https://www.xkyle.com/Measuring-AWS-Region-and-AZ-Latency/"

	// SameCityMaxKm is how close two regions must be to count as one city
	// (one metropolitan area): Ashburn and Sterling, or two providers'
	// regions in Frankfurt. Region coordinates are city centroids, so names
	// are not compared: "Virginia" names a state for Azure.
	SameCityMaxKm = 50.0
)

// DefaultGeoParams returns the geography assumptions' defaults, the same
// values lang.DefaultAssumptions gives (a test in internal/command holds
// the two together), for callers without a module (the `mrplan providers
// rtt` command).
func DefaultGeoParams() GeoParams {
	return GeoParams{
		RouteFactor:        1.5,
		FibreSpeedKmPerMs:  200,
		ShortHopDistanceKm: 500,
		ShortHopOverhead:   5 * time.Millisecond,
		Fitted:             true,
	}
}

// Ref is the "PROVIDER.CODE" string that names the region across catalogs.
func (r *Region) Ref() string { return r.Provider + "." + r.Code }

// FloorRTT is the physical floor of a round trip over km of great circle:
// light in fibre there and back, with no detour and no switching.
func FloorRTT(km float64, p GeoParams) time.Duration {
	if p.FibreSpeedKmPerMs <= 0 {
		return 0
	}
	return msDuration(2 * km / p.FibreSpeedKmPerMs)
}

// EstimateRTT estimates the round trip between two regions:
//
//   - a published measurement of the pair is the estimate, and Source
//     names it (unless p.ModelOnly);
//   - otherwise the model: the one fitted to the published measurements
//     (RTTModel) when p.Fitted, else the floor times the route factor, plus
//     the fixed short-hop overhead when the regions are closer than the
//     short-hop distance (beyond it never below its value there, so that a
//     farther pair is never estimated faster);
//   - the estimate is never below the floor.
//
// A region paired with itself gives InterZoneRTT, the round trip between its
// zones.
func EstimateRTT(a, b *Region, p GeoParams) RTTEstimate {
	if a.Provider == b.Provider && a.Code == b.Code {
		return RTTEstimate{RTT: InterZoneRTT, Model: InterZoneRTT, Source: InterZoneRTTSource}
	}
	km := DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
	est := RTTEstimate{DistanceKm: km, Floor: FloorRTT(km, p)}
	if p.Fitted {
		est.Terms = Model().Estimate(a, b, p)
		est.Model = est.Terms.RTT
	} else {
		est.Model = modelRTT(km, p)
	}
	est.RTT = est.Model
	if m, ok := Measured(a.Ref(), b.Ref()); ok && !p.ModelOnly {
		est.Measured, est.Source, est.Statistic, est.Date = m.RTT, m.Source, m.Statistic, m.Date
		est.RTT = m.RTT
	}
	est.RTT = max(est.RTT, est.Floor)
	return est
}

func modelRTT(km float64, p GeoParams) time.Duration {
	rtt := time.Duration(float64(FloorRTT(km, p)) * p.RouteFactor)
	if p.ShortHopDistanceKm > 0 {
		hop := min(km, p.ShortHopDistanceKm)
		short := time.Duration(float64(FloorRTT(hop, p))*p.RouteFactor) + p.ShortHopOverhead
		rtt = max(rtt, short)
	}
	return rtt
}

func msDuration(ms float64) time.Duration {
	return time.Duration(math.Round(ms * float64(time.Millisecond)))
}

// distinct drops repeated regions (by provider and code), keeping order.
func distinct(regions []*Region) []*Region {
	seen := map[string]bool{}
	out := make([]*Region, 0, len(regions))
	for _, r := range regions {
		if !seen[r.Ref()] {
			seen[r.Ref()] = true
			out = append(out, r)
		}
	}
	return out
}

// PatternOf is the geographic shape of a set of regions (SPEC §5.4):
//
//   - no region: "";
//   - one region: same-city when it has two zones or more (zones are sites
//     in one metropolitan area), single-region otherwise;
//   - several regions all within SameCityMaxKm of each other: same-city;
//   - all in one country: cross-city;
//   - otherwise, or when a region's country is unknown: cross-country.
func PatternOf(regions []*Region) Pattern {
	rs := distinct(regions)
	switch len(rs) {
	case 0:
		return ""
	case 1:
		if rs[0].Zones >= 2 {
			return PatternSameCity
		}
		return PatternSingleRegion
	}
	sameCity, sameCountry := true, true
	for i, a := range rs {
		if a.Country == "" || a.Country != rs[0].Country {
			sameCountry = false
		}
		for _, b := range rs[i+1:] {
			if DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) > SameCityMaxKm {
				sameCity = false
			}
		}
	}
	switch {
	case sameCity:
		return PatternSameCity
	case sameCountry:
		return PatternCrossCity
	}
	return PatternCrossCountry
}

// FarthestPair returns the two regions of a set that are farthest apart and
// their distance, the first such pair in the order given. With one distinct
// region it returns that region twice and 0; with none, nils.
func FarthestPair(regions []*Region) (a, b *Region, km float64) {
	rs := distinct(regions)
	if len(rs) == 0 {
		return nil, nil, 0
	}
	a, b = rs[0], rs[0]
	for i, x := range rs {
		for _, y := range rs[i+1:] {
			if d := DistanceKm(x.Lat, x.Lon, y.Lat, y.Lon); d > km {
				a, b, km = x, y, d
			}
		}
	}
	return a, b, km
}

// WorstRTT returns the pair of a set with the longest estimated round trip
// and that estimate: the round trip a synchronous write across all of them
// waits for at least. Measurements can make it a different pair than
// FarthestPair's. One distinct region gives its inter-zone round trip; none
// gives nils and a zero estimate.
func WorstRTT(regions []*Region, p GeoParams) (a, b *Region, est RTTEstimate) {
	rs := distinct(regions)
	if len(rs) == 0 {
		return nil, nil, RTTEstimate{}
	}
	a, b = rs[0], rs[0]
	est = EstimateRTT(a, b, p)
	for i, x := range rs {
		for _, y := range rs[i+1:] {
			if e := EstimateRTT(x, y, p); e.RTT > est.RTT {
				a, b, est = x, y, e
			}
		}
	}
	return a, b, est
}

func sortMeasurements(ms []MeasuredRTT) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].A != ms[j].A {
			return ms[i].A < ms[j].A
		}
		return ms[i].B < ms[j].B
	})
}
