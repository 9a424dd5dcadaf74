package command

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// providersModule declares a custom provider and regions of its own and of
// aws, with a route factor of 1.3.
const providersModule = "testdata/providers/custom"

// TestProviders compares every form of `mrplan providers` with its golden
// output, text and JSON: the catalog list, each catalog, one product, one
// region, round trips (measured, cross-provider, one region), a module's
// custom provider and regions, and the errors.
func TestProviders(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "Providers")))
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"list", []string{"providers"}, ExitOK},
		{"alicloud", []string{"providers", "alicloud"}, ExitOK},
		{"aws", []string{"providers", "aws"}, ExitOK},
		{"azure", []string{"providers", "azure"}, ExitOK},
		{"gcp", []string{"providers", "gcp"}, ExitOK},
		{"generic", []string{"providers", "generic"}, ExitOK},
		{"product", []string{"providers", "aws.aurora-postgresql"}, ExitOK},
		{"product-global", []string{"providers", "aws.iam"}, ExitOK},
		{"region", []string{"providers", "aws.us-west-2"}, ExitOK},
		{"rtt-measured", []string{"providers", "rtt", "aws.us-east-1", "aws.eu-west-1"}, ExitOK},
		{"rtt-cross-provider", []string{"providers", "rtt", "aws.us-east-1", "azure.westeurope"}, ExitOK},
		{"rtt-short-hop", []string{"providers", "rtt", "azure.japaneast", "azure.japanwest"}, ExitOK},
		{"rtt-same-region", []string{"providers", "rtt", "gcp.us-central1", "gcp.us-central1"}, ExitOK},
		{"rtt-model", []string{"providers", "rtt", "aws.us-east-1", "aws.eu-west-1", "--model"}, ExitOK},
		{"rtt-model-json", []string{"providers", "rtt", "azure.centralindia", "azure.westindia", "--model", "-json"}, ExitOK},
		{"rtt-leaves-china", []string{"providers", "rtt", "alicloud.cn-shanghai", "alicloud.cn-hongkong"}, ExitOK},
		{"product-bounds", []string{"providers", "azure.cosmos-db"}, ExitOK},
		{"product-grace", []string{"providers", "azure.sql-database", "-json"}, ExitOK},
		{"region-pair", []string{"providers", "azure.westindia"}, ExitOK},
		{"region-unpaired", []string{"providers", "azure.polandcentral", "-json"}, ExitOK},
		{"unknown-catalog", []string{"providers", "awz"}, ExitError},
		{"unknown-product", []string{"providers", "aws.auroa-postgresql"}, ExitError},
		{"unknown-region", []string{"providers", "rtt", "aws.us-est-1", "aws.eu-west-1"}, ExitError},
		{"rtt-not-a-ref", []string{"providers", "rtt", "us-east-1", "aws.eu-west-1"}, ExitError},
		{"rtt-generic", []string{"providers", "rtt", "generic.x", "aws.eu-west-1"}, ExitError},
		{"module-list", []string{"providers", "--module", providersModule}, ExitOK},
		{"module-catalog", []string{"providers", "corp", "--module", providersModule}, ExitOK},
		{"module-product", []string{"providers", "corp.tidb", "--module", providersModule}, ExitOK},
		{"module-rtt", []string{"providers", "rtt", "region.shanghai", "region.beijing", "--module", providersModule}, ExitOK},
		{"module-rtt-mixed", []string{"providers", "rtt", "region.frankfurt", "corp.sh-a", "--module", providersModule}, ExitOK},
		{"module-rtt-unknown", []string{"providers", "rtt", "region.shanghia", "region.beijing", "--module", providersModule}, ExitError},
		{"module-broken", []string{"providers", "--module", "testdata/providers/none"}, ExitError},
		{"rtt-region-without-module", []string{"providers", "rtt", "region.shanghai", "aws.eu-west-1"}, ExitError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errOut)
			}
			g.Assert(t, tc.name+".text", fmt.Appendf(nil, "exit %d\n%s%s", code, out, errOut))

			jsonOut, jsonErr, jsonCode := runCLI(t, append(tc.args, "-json")...)
			if jsonCode != code {
				t.Errorf("-json exits %d, text %d", jsonCode, code)
			}
			if code != ExitOK {
				if jsonOut != "" || jsonErr != errOut {
					t.Errorf("-json on an error: stdout %q, stderr %q, want the text error", jsonOut, jsonErr)
				}
				return
			}
			if !json.Valid([]byte(jsonOut)) {
				t.Fatalf("-json is not JSON:\n%s", jsonOut)
			}
			g.Assert(t, tc.name+".json", []byte(jsonOut))
		})
	}
}

// TestProvidersRTTShape pins the JSON keys SPEC §7 promises for rtt.
func TestProvidersRTTShape(t *testing.T) {
	out, _, code := runCLI(t, "providers", "rtt", "aws.us-east-1", "aws.eu-west-1", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"distance_km", "floor_ms", "rtt_ms", "source"} {
		if _, ok := got[key]; !ok {
			t.Errorf("no %q in %s", key, out)
		}
	}
	if got["floor_ms"] != 54.6 || got["distance_km"] != 5461.1 {
		t.Errorf("floor_ms %v, distance_km %v; want 54.6 and 5461.1", got["floor_ms"], got["distance_km"])
	}
}

// TestGeoDefaultsAgree: `providers rtt` without a module uses
// providers.DefaultGeoParams, a plan uses lang's defaults; they must agree.
func TestGeoDefaultsAgree(t *testing.T) {
	a := lang.DefaultAssumptions()
	if got, want := providers.DefaultGeoParams(), a.Geo(); got != want {
		t.Errorf("providers.DefaultGeoParams() = %+v, lang defaults give %+v", got, want)
	}
}

func TestProvidersBadFormat(t *testing.T) {
	_, errOut, code := runCLI(t, "providers", "--format", "yaml")
	if code != ExitError || !strings.Contains(errOut, `--format must be text or json, not "yaml"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestProvidersJurisdictions(t *testing.T) {
	out, _, code := runCLI(t, "providers", "jurisdictions", "EEA")
	if code != ExitOK || !strings.Contains(out, "EEA") || !strings.Contains(out, " NO ") || !strings.Contains(out, "https://www.efta.int/") {
		t.Errorf("providers jurisdictions EEA: exit %d\n%s", code, out)
	}
	out, _, code = runCLI(t, "providers", "jurisdictions", "-json")
	if code != ExitOK || !strings.Contains(out, `"name": "GDPR-ADEQUATE"`) || !strings.Contains(out, `"name": "CN"`) {
		t.Errorf("providers jurisdictions -json: exit %d", code)
	}
	_, errOut, code := runCLI(t, "providers", "jurisdictions", "eea")
	if code != ExitError || !strings.Contains(errOut, `Did you mean "EEA"?`) {
		t.Errorf("an unknown jurisdiction: exit %d, %s", code, errOut)
	}
}
