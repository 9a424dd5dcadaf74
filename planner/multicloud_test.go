package planner_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A game backend in mainland China with an international front end in
// Tokyo on two clouds: the scenarios beyond zone, region and country are a
// metro (AWS and GCP Tokyo share one), each provider, and each third-party
// or single-home dependency; audiences give the share of users affected;
// availability composes over hard calls only.
const multiCloud = `
provider "aws" {}
provider "gcp" {}
provider "alicloud" {}

region "tokyo-aws" {
  provider = "aws"
  code     = "ap-northeast-1"
}
region "tokyo-gcp" {
  provider = "gcp"
  code     = "asia-northeast1"
}
region "shanghai" {
  provider = "alicloud"
  code     = "cn-shanghai"
}
region "hangzhou" {
  provider = "alicloud"
  code     = "cn-hangzhou"
}

audience "mainland" {
  share = 0.75
  near  = region.shanghai
}
audience "international" {
  share = 0.25
  near  = region.tokyo-aws
}

objective "game" {
  rpo          = "5s"
  rto          = "5m"
  availability = "99.95%"
}

service "lobby" {
  criticality = "core"
  objective   = objective.game
  regions     = [region.shanghai, region.hangzhou]
  depends_on  = [dependency.global-sign-in, dependency.wechat-login]
  call {
    to        = dependency.global-sign-in
    audiences = [audience.international]
  }
}

service "intl-gateway" {
  criticality = "core"
  objective   = objective.game
  regions     = [region.tokyo-aws, region.tokyo-gcp]
  depends_on  = [dependency.global-sign-in]
}

dependency "global-sign-in" {
  kind    = "identity"
  regions = [region.tokyo-aws]
}

dependency "wechat-login" {
  kind   = "third-party"
  global = true
}
`

func TestMultiCloudScenarios(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(multiCloud), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planner.PlanModule(m)
	byName := map[string]*planner.Scenario{}
	for _, sc := range p.Scenarios {
		byName[sc.Name()] = sc
	}
	metro := byName["metro Tokyo, JP lost"]
	if metro == nil || strings.Join(metro.Lost, ",") != "tokyo-aws,tokyo-gcp" {
		t.Fatalf("no Tokyo metro scenario losing both clouds' regions: %+v", metro)
	}
	if o := metro.OutcomeOf(p.Service("intl-gateway")); o.Outcome != planner.OutcomeDown {
		t.Errorf("metro Tokyo: intl-gateway is %s, want down: two clouds in one city are one failure domain", o.Outcome)
	}
	if o := metro.OutcomeOf(p.Service("lobby")); o.Outcome != planner.OutcomeDegraded || len(o.DegradedBy) != 1 {
		t.Errorf("metro Tokyo: lobby is %s %v, want degraded by the scoped international sign-in", o.Outcome, o.DegradedBy)
	}
	if metro.UsersAffected != 0.25 {
		t.Errorf("metro Tokyo: %v of users affected, want 0.25", metro.UsersAffected)
	}
	for _, name := range []string{"provider alicloud lost", "provider aws lost", "provider gcp lost",
		"dependency global-sign-in lost", "dependency wechat-login lost"} {
		if byName[name] == nil {
			t.Errorf("no scenario %q", name)
		}
	}
	if o := byName["dependency wechat-login lost"].OutcomeOf(p.Service("lobby")); o.Outcome != planner.OutcomeDown {
		t.Errorf("wechat-login lost: lobby is %s, want down (a hard call)", o.Outcome)
	}
	// GCP Tokyo survives an AWS loss, but the sign-in it hard-depends on
	// lives on AWS only: the provider scenario says so.
	if o := byName["provider aws lost"].OutcomeOf(p.Service("intl-gateway")); o.Outcome != planner.OutcomeDown || o.Root.Name != "global-sign-in" {
		t.Errorf("provider aws lost: intl-gateway is %s (root %s), want down through dependency.global-sign-in", o.Outcome, o.Root)
	}
	// Scoped calls do not count against availability; hard ones do.
	lobby := p.Service("lobby")
	if lobby.Availability < 99.98 || lobby.Availability > 100 {
		t.Errorf("lobby composed availability %v%%: two regions and a global dependency should give ≈ 99.99%%", lobby.Availability)
	}
	gw := p.Service("intl-gateway")
	if gw.Availability >= lobby.Availability {
		t.Errorf("intl-gateway %v%% should be below lobby %v%%: it hard-depends on a single-region sign-in", gw.Availability, lobby.Availability)
	}
}
