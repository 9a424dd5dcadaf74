package views

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/planner"
)

// Every reason code and note kind the planner can produce has words.
func TestEveryReasonHasWords(t *testing.T) {
	for _, c := range planner.ReasonCodes() {
		if reasonTexts[c] == "" && c != planner.RTOSum && c != planner.RTOZone {
			t.Errorf("reason code %d has no text", c)
		}
	}
	for k := planner.NoteMechanismNotOffered; k <= planner.NoteAvailabilityShort; k++ {
		if noteTexts[k] == "" {
			t.Errorf("note kind %s has no text", k)
		}
	}
}

func TestExplainReason(t *testing.T) {
	cases := []struct {
		r    planner.Reason
		want string
	}{
		{planner.Reason{Code: planner.TierCriticality, Args: []string{"core", "0"}}, "criticality = core"},
		{planner.Reason{Code: planner.TierFromRTO, Args: []string{"5m", "≤ 5m", "0"}}, "rto 5m ≤ 5m"},
		{planner.Reason{Code: planner.MechAsyncWithinLoss, Args: []string{"async-replication", "30s", "1s", "75ms"}},
			"async-replication: loss tolerance 30s allows a lag of 1s, and sync would add ≥ 75ms"},
		{planner.Reason{Code: planner.MechAsyncWithinLoss, Args: []string{"async-replication", "30s", "1s", ""}},
			"async-replication: loss tolerance 30s allows a lag of 1s"},
		{planner.Reason{Code: planner.RTOSum, Args: []string{"detection", "30s", "dns ttl", "1m"}}, "detection 30s + dns ttl 1m"},
		{planner.Reason{Code: planner.TierCriticality}, "criticality = "},
	}
	for _, c := range cases {
		if got := ExplainReason(c.r); got != c.want {
			t.Errorf("ExplainReason(%v) = %q, want %q", c.r, got, c.want)
		}
		if strings.Contains(ExplainReason(c.r), "{") {
			t.Errorf("unfilled placeholder in %q", ExplainReason(c.r))
		}
	}
}
