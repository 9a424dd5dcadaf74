package providers

import (
	"math"
	"time"
)

// EarthRadiusKm is the mean Earth radius used for great-circle distances.
const EarthRadiusKm = 6371.0

// GeoParams are the assumptions round-trip estimates rest on. lang fills them
// from the module's `mrplan { assumptions {} }`.
type GeoParams struct {
	RouteFactor        float64       // real route length over the great circle
	FibreSpeedKmPerMs  float64       // light in fibre
	ShortHopDistanceKm float64       // below this, ShortHopOverhead dominates
	ShortHopOverhead   time.Duration // fixed overhead of a short hop
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
	Source     string        // the measurement used, or "" when estimated
}

// Pattern is the geographic shape of a set of regions (SPEC §5.4).
type Pattern string

const (
	PatternSingleRegion Pattern = "single-region"
	PatternSameCity     Pattern = "same-city"
	PatternCrossCity    Pattern = "cross-city"
	PatternCrossCountry Pattern = "cross-country"
)
