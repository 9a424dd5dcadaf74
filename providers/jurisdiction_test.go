package providers

import "testing"

func TestJurisdictions(t *testing.T) {
	eu, ok := LookupJurisdiction("EU")
	if !ok || !eu.Group || len(eu.Members) != 27 || eu.Source == "" {
		t.Fatalf("EU = %+v, %v", eu, ok)
	}
	if !eu.Covers("IE") || eu.Covers("NO") || eu.Covers("GB") {
		t.Errorf("EU covers IE %v, NO %v, GB %v", eu.Covers("IE"), eu.Covers("NO"), eu.Covers("GB"))
	}
	eea, _ := LookupJurisdiction("EEA")
	if !eea.Covers("NO") || !eea.Covers("DE") || eea.Covers("CH") {
		t.Errorf("EEA members %v", eea.Members)
	}
	cn, ok := LookupJurisdiction("CN")
	if !ok || cn.Group || cn.Covers("HK") || !cn.Covers("CN") {
		t.Errorf("CN = %+v", cn)
	}
	if _, ok := LookupJurisdiction("eu"); ok {
		t.Error("lookup is exact: eu is not EU")
	}
	// Every country code a built-in region uses is a jurisdiction.
	for _, c := range Builtins() {
		for _, r := range c.Regions {
			if _, ok := LookupJurisdiction(r.Country); !ok {
				t.Errorf("%s.%s: country %q is not an ISO code", c.Name, r.Code, r.Country)
			}
		}
	}
	js := Jurisdictions()
	if !js[0].Group || js[len(js)-1].Group {
		t.Error("Jurisdictions lists groups first")
	}
}

func TestDecodeJurisdictionsRejects(t *testing.T) {
	for _, src := range []string{
		`{"countries":[{"code":"de","name":"x"}]}`,
		`{"countries":[{"code":"DE","name":"x"}],"groups":[{"name":"DE","members":["DE"],"source":"s"}]}`,
		`{"countries":[{"code":"DE","name":"x"}],"groups":[{"name":"G","members":["XX"],"source":"s"}]}`,
		`{"countries":[{"code":"DE","name":"x"}],"groups":[{"name":"G","members":["DE"]}]}`,
	} {
		if _, err := decodeJurisdictions([]byte(src)); err == nil {
			t.Errorf("accepted %s", src)
		}
	}
}

func TestCosts(t *testing.T) {
	// gcp.spanner's premium was worked out from prices no public page
	// could be read to confirm (issue #18): it must not come back unsourced.
	if c, ok := Cost("gcp.spanner"); ok {
		t.Errorf("gcp.spanner has an unverified cost entry: %+v", c)
	}
	for _, cf := range loadCosts() {
		if _, ok := NewRegistry().Product(cf.Product); !ok {
			t.Errorf("cost entry %s names no catalog product", cf.Product)
		}
	}
	good := `{"products":[{"product":"gcp.spanner","sync_premium":0.5,"source":"https://cloud.google.com/spanner/pricing","read":"2026-12-04"}]}`
	if m, err := decodeCosts([]byte(good)); err != nil || m["gcp.spanner"].Read != "2026-12-04" {
		t.Errorf("decodeCosts(%s) = %v, %v", good, m, err)
	}
	for _, src := range []string{
		`{"products":[{"product":"gcp.spanner","sync_premium":0.5,"source":"https://cloud.google.com/spanner/pricing"}]}`,
		`{"products":[{"product":"gcp.spanner","sync_premium":0.5,"source":"from memory","read":"2026-12-04"}]}`,
		`{"products":[{"product":"gcp.spanner","sync_premium":0.5,"source":"https://cloud.google.com/spanner/pricing","read":"Dec 4"}]}`,
		`{"products":[{"product":"gcp.spanner","sync_premium":-1,"source":"https://cloud.google.com/spanner/pricing","read":"2026-12-04"}]}`,
		`{"products":[{"product":"spanner","sync_premium":0.5,"source":"https://cloud.google.com/spanner/pricing","read":"2026-12-04"}]}`,
	} {
		if _, err := decodeCosts([]byte(src)); err == nil {
			t.Errorf("accepted %s", src)
		}
	}
}
