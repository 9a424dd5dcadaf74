package checks

import (
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

func TestParseIgnore(t *testing.T) {
	rng := hcl.Range{Filename: "main.mr.hcl"}
	ig, diags := parseIgnore(" MR101,MR102  tier-inversion until=2026-11-22 -- reason -- with dashes", rng)
	if len(diags) != 0 || ig == nil {
		t.Fatalf("parseIgnore: %v", diags)
	}
	if len(ig.checks) != 3 || ig.checks[2] != "MR102" || ig.reason != "reason -- with dashes" {
		t.Errorf("parsed %+v", ig)
	}
	// The expiry holds through the day it names.
	for day, want := range map[int]bool{21: false, 22: false, 23: true} {
		if got := ig.expired(time.Date(2026, 11, day, 0, 0, 0, 0, time.UTC)); got != want {
			t.Errorf("expired on the %dth = %v, want %v", day, got, want)
		}
	}
	for _, text := range []string{" MR101", " MR101 --  ", " -- reason", " MR101 until=31.3.2027 -- reason", " MR1O1 -- reason"} {
		if ig, diags := parseIgnore(text, rng); ig != nil || len(diags) != 1 {
			t.Errorf("%q: want one error, got %v", text, diags)
		}
	}
}

func TestMentionsIgnore(t *testing.T) {
	for src, want := range map[string]bool{
		"":                        false,
		"ignore":                  true,
		"IGNORE":                  true,
		"# mrplan-IgNoRe: MR101":  true,
		"x ignor":                 false,
		"gnore":                   false,
		"regions = [\"a\"]\nigno": false,
		"ggignore":                true,
		"iGnore":                  true,
		"ignor\ne":                false,
	} {
		if got := mentionsIgnore([]byte(src)); got != want {
			t.Errorf("mentionsIgnore(%q) = %v, want %v", src, got, want)
		}
	}
}
