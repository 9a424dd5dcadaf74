package lang

import (
	"strings"
	"testing"
)

const alertsBase = `
provider "aws" {}
region "us-east-1" {}
service "wallet" {
  regions = [region.us-east-1]
  writes  = [data.balances]
}
data "balances" {
  owner   = service.wallet
  product = "aws.aurora-postgresql"
}
`

func TestAlertsBlockDecodes(t *testing.T) {
	dir := writeModule(t, `
mrplan {
  alerts {
    labels          = { team = "sre", env = "prod" }
    service_health  = "up{svc=\"$service\",region=\"$region\"}"
    endpoint_health = "probe_success{svc=\"$service\"}"
    dependency_health = "probe_success{dep=\"$dependency\"}"
    replication_lag "data.balances" { expr = "lag{db=\"$data\"}" }
    replication_lag "aws.aurora-postgresql" { expr = "aurora_lag{db=\"$data\",p=\"$product\"}" }
  }
}
`+alertsBase)
	m, diags := LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	a := m.Settings.Alerts
	if a == nil {
		t.Fatal("no alerts settings")
	}
	if a.Labels["team"] != "sre" || a.Labels["env"] != "prod" || len(a.Labels) != 2 {
		t.Errorf("labels %v", a.Labels)
	}
	if !strings.Contains(a.ServiceHealth, "$region") || !strings.Contains(a.EndpointHealth, "$service") {
		t.Errorf("health %q, endpoint %q", a.ServiceHealth, a.EndpointHealth)
	}
	if a.DependencyHealth != `probe_success{dep="$dependency"}` {
		t.Errorf("dependency health %q", a.DependencyHealth)
	}
	if len(a.Lag) != 2 {
		t.Fatalf("lag overrides %+v", a.Lag)
	}
	// Sorted by target: the product first, then the data class.
	if a.Lag[0].Product != "aws.aurora-postgresql" || a.Lag[0].Data != nil {
		t.Errorf("product override %+v", a.Lag[0])
	}
	if a.Lag[1].Data == nil || a.Lag[1].Data.String() != "data.balances" {
		t.Errorf("data override %+v", a.Lag[1])
	}
}

// TestAlertsBlockErrors: every mistake is reported in one run, each at
// the attribute or label at fault.
func TestAlertsBlockErrors(t *testing.T) {
	dir := writeModule(t, `
mrplan {
  alerts {
    labels         = { "9lives" = "x", ok = 3 }
    service_health = "up{svc=\"$svc\"}"
    endpoint_health = ""
    replication_lag "data.balance" { expr = "x" }
    replication_lag "aws.nosuch" { expr = "x" }
    replication_lag "data.balances" { expr = "lag{x=\"$region\"}" }
    replication_lag "data.balances" { expr = "again" }
    replication_lag "aws.dynamodb" {}
    dependency_health = "probe_success{svc=\"$service\"}"
  }
}
`+alertsBase)
	_, diags := LoadDir(dir)
	want := map[string]int{ // summary → line
		"Invalid label name":                        4,
		"Incorrect attribute value type":            4,
		"Unknown placeholder":                       5,
		"Empty expression":                          6,
		"Unknown data class":                        7,
		"Unknown product":                           8,
		`Duplicate replication_lag "data.balances"`: 10,
		"Missing required argument":                 11,
	}
	var dependencyPlaceholder bool
	for _, d := range diags {
		if d.Summary == "Unknown placeholder" && d.Subject != nil && d.Subject.Start.Line == 12 && strings.Contains(d.Detail, "may use $dependency.") {
			dependencyPlaceholder = true
		}
	}
	if !dependencyPlaceholder {
		t.Errorf("dependency_health with $service: no diagnostic at line 12 naming $dependency: %v", diags)
	}
	got := map[string]int{}
	for _, d := range diags {
		if _, seen := got[d.Summary]; d.Subject != nil && !seen {
			got[d.Summary] = d.Subject.Start.Line // the first of each
		}
	}
	for summary, line := range want {
		if got[summary] != line {
			t.Errorf("%q at line %d, want line %d (all: %v)", summary, got[summary], line, got)
		}
	}
}
