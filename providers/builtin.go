package providers

// Builtins returns the built-in catalogs, sorted by name. They are decoded
// and checked once; broken embedded data is a programmer error and panics,
// and a test loads them all. Callers share the catalogs and must not change
// them.
func Builtins() []*Catalog {
	return loadBuiltins().cats
}

// DataLicense is the licence of the region list the aws, azure and gcp
// region data were derived from (MIT); it travels with the binary.
func DataLicense() string {
	b, err := dataFS.ReadFile("data/LICENSE.cloud-regions")
	if err != nil {
		panic("providers: embedded licence missing: " + err.Error())
	}
	return string(b)
}

// pairKey names an unordered pair of regions, "aws.us-east-1" and
// "aws.eu-west-1" in either order.
type pairKey struct{ a, b string }

func newPairKey(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

// Measured returns the published round-trip measurement between two regions
// named "PROVIDER.CODE", in either order: the preferred one when several
// sources measured the pair.
func Measured(a, b string) (MeasuredRTT, bool) {
	m, ok := loadBuiltins().rtts[newPairKey(a, b)]
	return m, ok
}

// Measurements lists the preferred measurement of every measured pair,
// sorted by pair.
func Measurements() []MeasuredRTT {
	rtts := loadBuiltins().rtts
	out := make([]MeasuredRTT, 0, len(rtts))
	for _, m := range rtts {
		out = append(out, m)
	}
	sortMeasurements(out)
	return out
}

// AllMeasurements lists every published measurement, several per pair when
// several sources measured it, in the catalogs' order: what the model is
// fitted to and validated against.
func AllMeasurements() []MeasuredRTT {
	return append([]MeasuredRTT(nil), loadBuiltins().all...)
}

// Model returns the round-trip model fitted to every built-in measurement.
func Model() *RTTModel { return loadBuiltins().model }

// LookupRegion finds a built-in region by "PROVIDER.CODE", or one of the
// measured sites outside the catalogs that the model is fitted to
// ("site.tokyo").
func LookupRegion(ref string) (*Region, bool) {
	r := loadBuiltins().lookup(ref)
	return r, r != nil
}
