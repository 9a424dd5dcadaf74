package providers

import (
	"math"
	"strings"
	"testing"
	"time"
)

func region(t *testing.T, ref string) *Region {
	t.Helper()
	reg := NewRegistry()
	for i := range ref {
		if ref[i] == '.' {
			if r, ok := reg.Region(ref[:i], ref[i+1:]); ok {
				return r
			}
		}
	}
	t.Fatalf("no region %s", ref)
	return nil
}

func TestDistanceAndFloor(t *testing.T) {
	p := DefaultGeoParams()
	// resilience-facts.md §5: great circle and floor from the city coordinates.
	cases := []struct {
		a, b    string
		km      float64
		floorMs float64
	}{
		{"aws.us-east-1", "aws.eu-west-1", 5461, 54.6},
		{"aws.us-east-1", "aws.us-west-2", 3503, 35.0},
		{"aws.ca-central-1", "aws.us-east-1", 787, 7.9},
		{"aws.af-south-1", "aws.us-east-1", 12754, 127.5},
		{"aws.ap-east-1", "aws.ap-southeast-1", 2581, 25.8},
		{"aws.ap-east-1", "aws.ap-northeast-1", 2888, 28.9},
		{"azure.eastus", "azure.westus", 3721, 37.2},
		{"azure.eastus", "azure.brazilsouth", 7612, 76.1},
		{"azure.westus2", "azure.japaneast", 7873, 78.7},
		{"azure.canadacentral", "azure.westeurope", 5982, 59.8},
		{"azure.japaneast", "azure.japanwest", 403, 4.0},
		{"azure.koreacentral", "azure.koreasouth", 325, 3.3},
		{"azure.centralindia", "azure.westindia", 124, 1.2},
		{"azure.uaenorth", "azure.uaecentral", 131, 1.3},
		{"azure.australiaeast", "azure.australiasoutheast", 714, 7.1},
		{"azure.canadacentral", "azure.canadaeast", 729, 7.3},
	}
	for _, tc := range cases {
		a, b := region(t, tc.a), region(t, tc.b)
		est := EstimateRTT(a, b, p)
		if math.Abs(est.DistanceKm-tc.km) > tc.km*0.01+2 {
			t.Errorf("%s-%s: %.0f km, want about %.0f", tc.a, tc.b, est.DistanceKm, tc.km)
		}
		floorMs := float64(est.Floor) / float64(time.Millisecond)
		if math.Abs(floorMs-tc.floorMs) > tc.floorMs*0.01+0.1 {
			t.Errorf("%s-%s: floor %.1f ms, want about %.1f", tc.a, tc.b, floorMs, tc.floorMs)
		}
	}
}

// TestEstimateAgainstMeasured checks every measured pair: the estimate is
// the preferred measurement (never below the floor) and names its source,
// statistic and date; with ModelOnly it is the model's alone. How close the
// model comes is TestRTTAccuracy's business.
func TestEstimateAgainstMeasured(t *testing.T) {
	p := DefaultGeoParams()
	only := p
	only.ModelOnly = true
	for _, m := range Measurements() {
		a, b := region(t, m.A), region(t, m.B)
		est := EstimateRTT(a, b, p)
		if est.RTT != max(m.RTT, est.Floor) || est.Source != m.Source || est.Measured != m.RTT ||
			est.Statistic == "" || est.Date == "" {
			t.Errorf("%s-%s: %+v, want the measurement %+v", m.A, m.B, est, m)
		}
		mo := EstimateRTT(a, b, only)
		if mo.Source != "" || mo.Measured != 0 || mo.RTT != max(mo.Model, mo.Floor) || mo.Model != est.Model {
			t.Errorf("%s-%s with --model: %+v", m.A, m.B, mo)
		}
	}
}

func TestEstimateRTT(t *testing.T) {
	p := DefaultGeoParams()
	use1, euw1 := region(t, "aws.us-east-1"), region(t, "aws.eu-west-1")
	est := EstimateRTT(use1, euw1, p)
	// cloudping's P50 grid, both directions averaged: 70 and 69 ms.
	if got := est.RTT; got != 69500*time.Microsecond || !strings.Contains(est.Source, "jvm-libp2p") {
		t.Errorf("us-east-1 to eu-west-1: %s from %s, want 69.5ms from cloudping's grid", got, est.Source)
	}
	if back := EstimateRTT(euw1, use1, p); back != est {
		t.Errorf("not symmetric: %+v and %+v", est, back)
	}
	// A cross-provider pair with no measurement: the fitted model only.
	weu := region(t, "azure.westeurope")
	x := EstimateRTT(use1, weu, p)
	if x.Source != "" || x.Measured != 0 || x.RTT != Model().Estimate(use1, weu, p).RTT || x.Terms.Corridor != "Europe–North America" {
		t.Errorf("aws.us-east-1 to azure.westeurope: %+v", x)
	}
	// A region with itself: the inter-zone round trip.
	if self := EstimateRTT(use1, use1, p); self.RTT != InterZoneRTT || self.DistanceKm != 0 || self.Source != InterZoneRTTSource {
		t.Errorf("same region: %+v", self)
	}
	// A module's own route factor asks for the simple model; below 1 it is
	// clamped to the floor.
	low := p
	low.RouteFactor, low.ShortHopDistanceKm, low.Fitted = 0.5, 0, false
	if x := EstimateRTT(use1, weu, low); x.RTT != x.Floor {
		t.Errorf("route factor 0.5: %s, want the floor %s", x.RTT, x.Floor)
	}
	// Leaving mainland China adds the cross-border penalty.
	sh, hk := region(t, "alicloud.cn-shanghai"), region(t, "alicloud.cn-hongkong")
	if x := EstimateRTT(sh, hk, p); x.Terms.CrossBorder != CrossBorderPenalty {
		t.Errorf("Shanghai to Hong Kong: %+v, want the cross-border penalty", x.Terms)
	}
	if x := EstimateRTT(sh, region(t, "alicloud.cn-beijing"), p); x.Terms.CrossBorder != 0 {
		t.Errorf("Shanghai to Beijing crosses no border: %+v", x.Terms)
	}
	// A known slow corridor is the two legs through its relay, either way.
	only := p
	only.ModelOnly = true
	il, ae := region(t, "azure.israelcentral"), region(t, "azure.uaenorth")
	x, y := EstimateRTT(il, ae, only), EstimateRTT(ae, il, only)
	if x.Terms.Via != "Marseille" || x.RTT != y.RTT || x.RTT < 2*x.Floor {
		t.Errorf("Israel to the UAE: %+v and %+v, want relayed through Marseille", x.Terms, y.Terms)
	}
	if z := EstimateRTT(il, region(t, "azure.westeurope"), only); z.Terms.Via != "" {
		t.Errorf("Israel to the Netherlands is direct: %+v", z.Terms)
	}
}

// TestShortHop: below the short-hop distance the fixed overhead is added;
// beyond it the estimate never falls back below its value at the threshold,
// so that it grows with distance.
func TestShortHop(t *testing.T) {
	p := DefaultGeoParams()
	at := func(km float64) time.Duration { return modelRTT(km, p) }
	if got, want := at(0), 5*time.Millisecond; got != want {
		t.Errorf("0 km: %s, want %s", got, want)
	}
	if got, want := at(100), 6500*time.Microsecond; got != want { // 1 ms × 1.5 + 5 ms
		t.Errorf("100 km: %s, want %s", got, want)
	}
	prev := time.Duration(0)
	for km := 0.0; km <= 2000; km += 10 {
		if r := at(km); r < prev {
			t.Fatalf("estimate drops from %s to %s at %.0f km", prev, r, km)
		} else {
			prev = r
		}
	}
	if got, want := at(1000), 15*time.Millisecond; got != want { // 10 ms × 1.5
		t.Errorf("1000 km: %s, want %s", got, want)
	}
}

func TestPatternOf(t *testing.T) {
	custom := func(code, country string, lat, lon float64, zones int) *Region {
		return &Region{Provider: "corp", Code: code, Country: country, Lat: lat, Lon: lon, Zones: zones}
	}
	cases := []struct {
		name string
		in   []*Region
		want Pattern
	}{
		{"none", nil, ""},
		{"one region, three zones", []*Region{region(t, "aws.eu-west-1")}, PatternSameCity},
		{"one region, no zones", []*Region{region(t, "azure.westus")}, PatternSingleRegion},
		{"one region twice", []*Region{region(t, "azure.westus"), region(t, "azure.westus")}, PatternSingleRegion},
		{"two providers in Ashburn", []*Region{region(t, "aws.us-east-1"), region(t, "gcp.us-east4")}, PatternSameCity},
		{"two sites in Shanghai", []*Region{custom("sh-a", "CN", 31.23, 121.47, 2), custom("sh-b", "CN", 31.10, 121.60, 1)}, PatternSameCity},
		{"Virginia, 160 km apart", []*Region{region(t, "azure.eastus"), region(t, "azure.eastus2")}, PatternCrossCity},
		{"Hangzhou and Beijing", []*Region{region(t, "alicloud.cn-hangzhou"), region(t, "alicloud.cn-beijing")}, PatternCrossCity},
		{"Beijing and Hong Kong", []*Region{region(t, "alicloud.cn-beijing"), region(t, "alicloud.cn-hongkong")}, PatternCrossCountry},
		{"us-east-1 and eu-west-1", []*Region{region(t, "aws.us-east-1"), region(t, "aws.eu-west-1")}, PatternCrossCountry},
		{"unknown country", []*Region{custom("a", "", 1, 1, 1), custom("b", "", 2, 2, 1)}, PatternCrossCountry},
	}
	for _, tc := range cases {
		if got := PatternOf(tc.in); got != tc.want {
			t.Errorf("%s: PatternOf = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFarthestAndWorst(t *testing.T) {
	p := DefaultGeoParams()
	use1, euw1, use2 := region(t, "aws.us-east-1"), region(t, "aws.eu-west-1"), region(t, "aws.us-east-2")
	a, b, km := FarthestPair([]*Region{use1, use2, euw1, use1})
	if a != use2 || b != euw1 || km < 5500 {
		t.Errorf("FarthestPair = %s, %s, %.0f km", a.Ref(), b.Ref(), km)
	}
	if a, b, km := FarthestPair([]*Region{use1}); a != use1 || b != use1 || km != 0 {
		t.Errorf("FarthestPair of one = %v %v %v", a, b, km)
	}
	if a, b, _ := FarthestPair(nil); a != nil || b != nil {
		t.Errorf("FarthestPair of none = %v %v", a, b)
	}
	wa, wb, est := WorstRTT([]*Region{use1, use2, euw1}, p)
	if wa != use2 || wb != euw1 || est.RTT != EstimateRTT(use2, euw1, p).RTT {
		t.Errorf("WorstRTT = %s, %s, %+v", wa.Ref(), wb.Ref(), est)
	}
	if _, _, est := WorstRTT([]*Region{use1}, p); est.RTT != InterZoneRTT {
		t.Errorf("WorstRTT of one = %+v", est)
	}
	// A measurement can make a nearer pair the worse one: af-south-1 is
	// measured at 226.9 ms from us-east-1.
	afs1 := region(t, "aws.af-south-1")
	if _, _, est := WorstRTT([]*Region{use1, afs1}, p); est.RTT < 226900*time.Microsecond {
		t.Errorf("WorstRTT(us-east-1, af-south-1) = %s, want at least the measured 226.9ms", est.RTT)
	}
}
