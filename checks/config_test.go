package checks

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

func TestConfig(t *testing.T) {
	off := false
	settings := &lang.Settings{Checks: []*lang.CheckSetting{
		{ID: "MR403", Severity: "warning"},
		{ID: "MR404", Enabled: &off},
		{ID: "mr501", Enabled: &off},
	}}
	cfg, diags, err := NewConfig(settings, Flags{Enable: []string{"MR501"}, Disable: []string{"tier-inversion,MR205"}})
	if err != nil || len(diags) != 0 {
		t.Fatalf("NewConfig: %v %v", err, diags)
	}
	for id, want := range map[string]bool{"MR101": true, "MR102": false, "MR205": false, "MR404": false, "MR501": true} {
		if cfg.Enabled(id) != want {
			t.Errorf("%s enabled = %v, want %v", id, !want, want)
		}
	}
	if got := cfg.Severity(Lookup("MR403")); got != diag.Warning {
		t.Errorf("MR403 severity %s, want warning", got)
	}

	// The re-graded severity is the one findings carry.
	m, hd := lang.LoadDir("testdata/MR403/bad")
	if hd.HasErrors() {
		t.Fatal(hd.Error())
	}
	ds := Run(&Context{Module: m, Plan: planner.PlanModule(m), Today: testToday}, cfg)
	if len(ds) != 1 || ds[0].Rule != "MR403" || ds[0].Severity != diag.Warning {
		t.Errorf("want one MR403 warning, got %v", ds)
	}

	_, _, err = NewConfig(nil, Flags{Disable: []string{"MR10"}})
	if err == nil || !strings.Contains(err.Error(), `Did you mean "MR101"?`) {
		t.Errorf("unknown flag check: %v", err)
	}
	_, _, err = NewConfig(nil, Flags{Enable: []string{"tier-invresion"}})
	if err == nil || !strings.Contains(err.Error(), `Did you mean "tier-inversion"?`) {
		t.Errorf("misspelt name: %v", err)
	}
}
