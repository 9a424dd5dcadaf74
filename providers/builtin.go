package providers

// Builtins returns the built-in catalogs, sorted by name. They are decoded
// and checked once; broken embedded data is a programmer error and panics,
// and a test loads them all. Callers share the catalogs and must not change
// them.
func Builtins() []*Catalog {
	cats, _ := loadBuiltins()
	return cats
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
// named "PROVIDER.CODE", in either order.
func Measured(a, b string) (MeasuredRTT, bool) {
	_, rtts := loadBuiltins()
	m, ok := rtts[newPairKey(a, b)]
	return m, ok
}

// Measurements lists every published round-trip measurement the catalogs
// hold, sorted by pair.
func Measurements() []MeasuredRTT {
	_, rtts := loadBuiltins()
	out := make([]MeasuredRTT, 0, len(rtts))
	for _, m := range rtts {
		out = append(out, m)
	}
	sortMeasurements(out)
	return out
}
