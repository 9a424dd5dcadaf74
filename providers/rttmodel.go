package providers

import (
	"math"
	"sort"
	"time"
)

// RTTModel estimates a round trip where no measurement exists. It is fitted
// to the published measurements the catalogs hold (FitRTTModel), and
// validated by leaving one source out at a time (ValidateRTTModel):
//
//	rtt = overhead(A)/2 + overhead(B)/2 + floor × factor(corridor) [+ cross-border]
//
// The overhead, per continent, is what dominates short hops (switching,
// the detour to the nearest exchange: a few milliseconds, which a
// distance-only model misses on short pairs). The factor, per corridor (the
// two continents), is how much longer than the great circle the cables
// run: lowest across the Pacific and the Atlantic, near 2 where routes go
// round a continent (Europe to Asia). A corridor or continent with too few
// measurements to fit takes the pooled figure. A pair with exactly one end
// in mainland China adds CrossBorder, the detour through the border
// gateways, which no dataset here measures: it is stated as an assumption.
// The estimate is never below the floor.
type RTTModel struct {
	Overhead        map[string]float64 // ms, by continent
	Factor          map[string]float64 // by corridor, Corridor's names
	PooledOverhead  float64            // ms, for a continent not fitted
	PooledFactor    float64            // for a corridor not fitted
	CrossBorder     time.Duration
	CrossBorderNote string
	// Points is how many measurements the model was fitted to, Sources how
	// many sources they came from.
	Points, Sources int
}

// CrossBorderPenalty is added to a pair with one end in mainland China and
// the other outside it. No measurement dataset the catalogs hold has such a
// pair; public reports put cross-border round trips well above what
// distance explains, and 30 ms is mrplan's conservative assumption for a
// cloud backbone (public internet paths are far slower).
const (
	CrossBorderPenalty       = 30 * time.Millisecond
	CrossBorderPenaltySource = "https://www.alibabacloud.com/blog/how-china-is-different-part-2-cloud-infrastructure-networking_594503"
)

// minSupport is how many training measurements a corridor or continent
// needs for its own figure.
const minSupport = 3

// Corridor names the route class of a pair: its two continents in
// alphabetical order, "Europe–North America", or one continent,
// "intra Europe".
func Corridor(a, b *Region) string {
	ca, cb := continentOf(a), continentOf(b)
	if ca == cb {
		return "intra " + ca
	}
	if cb < ca {
		ca, cb = cb, ca
	}
	return ca + "–" + cb
}

func continentOf(r *Region) string {
	if r.Continent == "" {
		return "unknown"
	}
	return r.Continent
}

// crossesChina: exactly one end is in mainland China (Hong Kong and Macao
// have their own codes).
func crossesChina(a, b *Region) bool { return (a.Country == "CN") != (b.Country == "CN") }

// Relay is a known slow corridor: measured round trips show its traffic
// going through a third city rather than straight, because no direct
// route carries it (Israel to the Gulf and to Asia, southern Africa to South
// America: both through Marseille, where the cables from Europe to Africa,
// the Middle East and Asia land). The pairs are recognised by country and
// continent, never fitted, and are left out of the fit, which they would
// otherwise distort.
type Relay struct {
	Name  string
	Via   *Region
	Match func(a, b *Region) bool // in either order
	// Source is the measurement table that shows it.
	Source string
}

var marseille = &Region{Provider: "site", Code: "marseille", Name: "Marseille", City: "Marseille",
	Country: "FR", Continent: "Europe", Lat: 43.30, Lon: 5.37}

// Relays lists the known slow corridors.
func Relays() []Relay {
	const azure = "https://learn.microsoft.com/azure/networking/azure-network-latency"
	eastOfIsrael := func(r *Region) bool {
		return r.Country != "IL" && (r.Continent == "Asia" || r.Continent == "Middle East" || r.Continent == "Oceania")
	}
	return []Relay{
		{Name: "Israel to the Gulf, Asia and Oceania", Via: marseille, Source: azure,
			Match: func(a, b *Region) bool {
				return a.Country == "IL" && eastOfIsrael(b) || b.Country == "IL" && eastOfIsrael(a)
			}},
		{Name: "southern Africa to South America", Via: marseille, Source: azure,
			Match: func(a, b *Region) bool {
				za := func(r *Region) bool { return r.Country == "ZA" }
				sa := func(r *Region) bool { return r.Continent == "South America" }
				return za(a) && sa(b) || za(b) && sa(a)
			}},
	}
}

func relayFor(a, b *Region) *Relay {
	for _, r := range Relays() {
		if r.Match(a, b) {
			return &r
		}
	}
	return nil
}

// ModelTerms is how the model arrived at an estimate.
type ModelTerms struct {
	Corridor    string
	Factor      float64       // route factor applied to the floor
	Overhead    time.Duration // fixed part
	CrossBorder time.Duration // 0 unless the pair leaves mainland China
	// Via names the city a known slow corridor is relayed through ("" when
	// the route is direct); the estimate is then the sum of the two legs.
	Via string
	RTT time.Duration // the model's estimate, never below the floor
}

// Estimate is the model's round trip between two regions, never below the
// floor.
func (m *RTTModel) Estimate(a, b *Region, p GeoParams) ModelTerms {
	t := m.direct(a, b, p)
	if r := relayFor(a, b); r != nil {
		legs := m.direct(a, r.Via, p).RTT + m.direct(r.Via, b, p).RTT
		if legs > t.RTT {
			t.RTT, t.Via = legs, r.Via.City
		}
	}
	return t
}

func (m *RTTModel) direct(a, b *Region, p GeoParams) ModelTerms {
	km := DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
	floor := FloorRTT(km, p)
	t := ModelTerms{Corridor: Corridor(a, b)}
	t.Factor = m.factor(t.Corridor)
	t.Overhead = msDuration((m.overhead(continentOf(a)) + m.overhead(continentOf(b))) / 2)
	if crossesChina(a, b) {
		t.CrossBorder = m.CrossBorder
	}
	rtt := time.Duration(float64(floor)*t.Factor) + t.Overhead + t.CrossBorder
	t.RTT = max(rtt, floor)
	return t
}

func (m *RTTModel) factor(corridor string) float64 {
	if f, ok := m.Factor[corridor]; ok {
		return f
	}
	return m.PooledFactor
}

func (m *RTTModel) overhead(continent string) float64 {
	if o, ok := m.Overhead[continent]; ok {
		return o
	}
	return m.PooledOverhead
}

// point is one measurement ready for the fit.
type point struct {
	a, b    *Region
	floorMs float64
	rttMs   float64
	source  string
}

func toPoints(ms []MeasuredRTT, lookup func(string) *Region, p GeoParams) []point {
	var out []point
	for _, m := range ms {
		a, b := lookup(m.A), lookup(m.B)
		if a == nil || b == nil {
			continue
		}
		km := DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
		out = append(out, point{a: a, b: b, floorMs: 2 * km / p.FibreSpeedKmPerMs,
			rttMs: float64(m.RTT) / float64(time.Millisecond), source: m.Source})
	}
	return out
}

// FitRTTModel fits the model to measurements, minimising the squared
// relative error (a 2 ms miss on a 5 ms hop counts as much as 40 ms on
// 100 ms): first the pooled overhead and factor, then per continent and
// corridor where they have minSupport measurements, pulled toward the
// pooled figures so that a thinly measured corridor does not run away. The
// fit is deterministic: the same measurements give the same model.
func FitRTTModel(ms []MeasuredRTT, lookup func(string) *Region) *RTTModel {
	p := DefaultGeoParams()
	return fitPoints(toPoints(ms, lookup, p))
}

func fitPoints(all []point) *RTTModel {
	var pts []point
	for _, pt := range all {
		if relayFor(pt.a, pt.b) == nil {
			pts = append(pts, pt)
		}
	}
	m := &RTTModel{Overhead: map[string]float64{}, Factor: map[string]float64{},
		PooledOverhead: 5, PooledFactor: 1.5, CrossBorder: CrossBorderPenalty,
		CrossBorderNote: CrossBorderPenaltySource, Points: len(all)}
	sources := map[string]bool{}
	for _, pt := range all {
		sources[pt.source] = true
	}
	m.Sources = len(sources)
	if len(pts) < 2 {
		return m
	}
	// Pooled: rtt = o + f × floor.
	if th, ok := solveWLS(pts, func(pt point) []float64 { return []float64{1, pt.floorMs} }, nil, nil); ok {
		m.PooledOverhead, m.PooledFactor = max(th[0], 0), max(th[1], 1)
	}
	// Supported continents and corridors.
	contCount, corrCount := map[string]int{}, map[string]int{}
	for _, pt := range pts {
		contCount[continentOf(pt.a)]++
		contCount[continentOf(pt.b)]++
		corrCount[Corridor(pt.a, pt.b)]++
	}
	var conts, corrs []string
	for c, n := range contCount {
		if n >= minSupport {
			conts = append(conts, c)
		}
	}
	for c, n := range corrCount {
		if n >= minSupport {
			corrs = append(corrs, c)
		}
	}
	sort.Strings(conts)
	sort.Strings(corrs)
	ci, ki := map[string]int{}, map[string]int{}
	for i, c := range conts {
		ci[c] = i
	}
	for i, c := range corrs {
		ki[c] = len(conts) + i
	}
	n := len(conts) + len(corrs)
	prior := make([]float64, n)
	weight := make([]float64, n)
	for i := range conts {
		// A millisecond of overhead weighs like a 10% error on a 10 ms hop.
		prior[i], weight[i] = m.PooledOverhead, 0.01
	}
	for i := range corrs {
		prior[len(conts)+i], weight[len(conts)+i] = m.PooledFactor, 1
	}
	features := func(pt point) []float64 {
		x := make([]float64, n)
		for _, c := range []string{continentOf(pt.a), continentOf(pt.b)} {
			if i, ok := ci[c]; ok {
				x[i] += 0.5
			}
		}
		if i, ok := ki[Corridor(pt.a, pt.b)]; ok {
			x[i] = pt.floorMs
		}
		return x
	}
	// What unsupported terms contribute is fixed at the pooled figures.
	offset := func(pt point) float64 {
		o := 0.0
		for _, c := range []string{continentOf(pt.a), continentOf(pt.b)} {
			if _, ok := ci[c]; !ok {
				o += m.PooledOverhead / 2
			}
		}
		if _, ok := ki[Corridor(pt.a, pt.b)]; !ok {
			o += m.PooledFactor * pt.floorMs
		}
		return o
	}
	shifted := make([]point, len(pts))
	for i, pt := range pts {
		shifted[i] = pt
		shifted[i].rttMs = pt.rttMs - offset(pt)
	}
	th, ok := solveWLSScaled(shifted, pts, features, prior, weight)
	if !ok {
		return m
	}
	for c, i := range ci {
		m.Overhead[c] = round2(max(th[i], 0))
	}
	for c, i := range ki {
		m.Factor[c] = round2(max(th[i], 1))
	}
	m.PooledOverhead, m.PooledFactor = round2(m.PooledOverhead), round2(m.PooledFactor)
	return m
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// solveWLS fits y ≈ x·θ minimising Σ ((y − x·θ)/y)², plus the ridge terms
// Σ weight_k (θ_k − prior_k)² when prior is given.
func solveWLS(pts []point, features func(point) []float64, prior, weight []float64) ([]float64, bool) {
	return solveWLSScaled(pts, pts, features, prior, weight)
}

// solveWLSScaled is solveWLS with the targets of target and the relative
// weights of scale (the measured round trips), so that a shifted target is
// still weighed by the whole measurement.
func solveWLSScaled(target, scale []point, features func(point) []float64, prior, weight []float64) ([]float64, bool) {
	if len(target) == 0 {
		return nil, false
	}
	n := len(features(target[0]))
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n+1)
	}
	for i, pt := range target {
		x := features(pt)
		w := 1 / (scale[i].rttMs * scale[i].rttMs)
		for r := 0; r < n; r++ {
			for c := 0; c < n; c++ {
				a[r][c] += w * x[r] * x[c]
			}
			a[r][n] += w * x[r] * pt.rttMs
		}
	}
	for k := range prior {
		a[k][k] += weight[k]
		a[k][n] += weight[k] * prior[k]
	}
	return gauss(a)
}

// gauss solves the augmented system in place by elimination with partial
// pivoting; ok is false when it is singular.
func gauss(a [][]float64) ([]float64, bool) {
	n := len(a)
	for c := 0; c < n; c++ {
		piv := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[piv][c]) {
				piv = r
			}
		}
		if math.Abs(a[piv][c]) < 1e-12 {
			return nil, false
		}
		a[c], a[piv] = a[piv], a[c]
		for r := 0; r < n; r++ {
			if r == c {
				continue
			}
			f := a[r][c] / a[c][c]
			for k := c; k <= n; k++ {
				a[r][k] -= f * a[c][k]
			}
		}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = a[i][n] / a[i][i]
	}
	return x, true
}

// Accuracy is how close estimates come to published measurements.
type Accuracy struct {
	Pairs, Within int     // measurements compared, and within the tolerance
	Tolerance     float64 // 0.3 for ±30%
	// Worst lists the measurements furthest off, worst first.
	Worst []Miss
}

// Miss is one estimate against one measurement.
type Miss struct {
	A, B       string
	Source     string
	Measured   time.Duration
	Estimated  time.Duration
	RelativeOf float64 // (estimated − measured) / measured
}

// Share is the fraction of pairs within the tolerance.
func (a Accuracy) Share() float64 {
	if a.Pairs == 0 {
		return 0
	}
	return float64(a.Within) / float64(a.Pairs)
}

// ValidateRTTModel measures the model as a reviewer should: for each
// source, the model is fitted to the other sources only and judged on the
// held-out one's figures (leave one source out), so that no figure is
// judged by a model that saw it.
func ValidateRTTModel(ms []MeasuredRTT, lookup func(string) *Region, tolerance float64) Accuracy {
	p := DefaultGeoParams()
	pts := toPoints(ms, lookup, p)
	bySource := map[string][]point{}
	var sources []string
	for _, pt := range pts {
		if bySource[pt.source] == nil {
			sources = append(sources, pt.source)
		}
		bySource[pt.source] = append(bySource[pt.source], pt)
	}
	acc := Accuracy{Tolerance: tolerance}
	for _, src := range sources {
		var train []point
		for _, pt := range pts {
			if pt.source != src {
				train = append(train, pt)
			}
		}
		m := fitPoints(train)
		for _, pt := range bySource[src] {
			acc.add(m.Estimate(pt.a, pt.b, p).RTT, pt)
		}
	}
	acc.sortWorst()
	return acc
}

// CheckEstimates judges the estimates mrplan gives (a measured figure
// where one exists, else the model fitted to every source) against every
// published measurement, the ones a pair's preferred figure disagrees with
// included.
func CheckEstimates(ms []MeasuredRTT, lookup func(string) *Region, tolerance float64) Accuracy {
	p := DefaultGeoParams()
	acc := Accuracy{Tolerance: tolerance}
	for _, pt := range toPoints(ms, lookup, p) {
		acc.add(EstimateRTT(pt.a, pt.b, p).RTT, pt)
	}
	acc.sortWorst()
	return acc
}

func (a *Accuracy) add(est time.Duration, pt point) {
	meas := time.Duration(pt.rttMs * float64(time.Millisecond))
	rel := (float64(est) - float64(meas)) / float64(meas)
	a.Pairs++
	if math.Abs(rel) <= a.Tolerance {
		a.Within++
	}
	a.Worst = append(a.Worst, Miss{A: pt.a.Ref(), B: pt.b.Ref(), Source: pt.source, Measured: meas, Estimated: est, RelativeOf: rel})
}

func (a *Accuracy) sortWorst() {
	sort.SliceStable(a.Worst, func(i, j int) bool {
		di, dj := math.Abs(a.Worst[i].RelativeOf), math.Abs(a.Worst[j].RelativeOf)
		if di != dj {
			return di > dj
		}
		return a.Worst[i].A+a.Worst[i].B < a.Worst[j].A+a.Worst[j].B
	})
	if len(a.Worst) > 10 {
		a.Worst = a.Worst[:10]
	}
}
