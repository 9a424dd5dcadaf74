package views

import (
	"encoding/json"
	"io"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/units"
)

// RunbookJSON renders a runbook as JSON (format_version "1"): the same
// sections, steps and durations as the Markdown, for tools that page,
// track or drill from it. Durations are strings in the language's syntax.
type RunbookJSON struct{}

type jsonRunbook struct {
	FormatVersion string           `json:"format_version"`
	Scenarios     []jsonRBScenario `json:"scenarios"`
}

type jsonRBScenario struct {
	Name  string   `json:"name"`
	Names []string `json:"names"`
	Kind  string   `json:"kind"`
	Lost  []string `json:"lost"`
	// DependenciesLost are what a provider or dependency scenario takes
	// away besides regions.
	DependenciesLost []jsonRBDependency `json:"dependencies_lost"`
	DataAtRisk       []jsonRBExposed    `json:"data_at_risk"`
	Signals          []jsonRBSignal     `json:"signals"`
	Services         []jsonRBService    `json:"services"`
	Serving          int                `json:"serving_untouched"`
}

type jsonRBDependency struct {
	Address string   `json:"address"`
	Kind    string   `json:"kind"`
	Product string   `json:"product"`
	Callers []string `json:"callers"`
}

type jsonRBFallback struct {
	To        string   `json:"to"`
	Fallback  string   `json:"fallback"`
	Source    string   `json:"source"`
	Audiences []string `json:"audiences"`
	Partition string   `json:"partition"`
}

type jsonRBExposed struct {
	Address       string `json:"address"`
	Product       string `json:"product"`
	RPO           string `json:"rpo"`
	AllCopiesLost bool   `json:"all_copies_lost"`
}

type jsonRBSignal struct {
	Alert    string            `json:"alert"`
	Selector string            `json:"selector"`
	Labels   map[string]string `json:"labels"`
	Matches  []string          `json:"matches"`
	After    string            `json:"after"`
	Meaning  string            `json:"meaning"`
}

type jsonRBService struct {
	Address      string       `json:"address"`
	Outcome      string       `json:"outcome"`
	From         []string     `json:"from"`
	To           []string     `json:"to"`
	Automatic    bool         `json:"automatic"`
	RTO          *string      `json:"rto"`
	ObjectiveRTO *string      `json:"objective_rto"`
	StepsTotal   *string      `json:"steps_total"`
	Steps        []jsonRBStep `json:"steps"`
	Cause        []string     `json:"cause"`
	// DegradedBy and Fallbacks: the soft calls' targets the scenario takes
	// down, and how the service does without each.
	DegradedBy []string         `json:"degraded_by"`
	Fallbacks  []jsonRBFallback `json:"fallbacks"`
	FailBack   []string         `json:"fail_back"`
}

type jsonRBStep struct {
	Kind     string       `json:"kind"`
	Duration string       `json:"duration"`
	Budget   string       `json:"budget"`
	Do       []string     `json:"do"`
	Links    []jsonRBLink `json:"links"`
}

type jsonRBLink struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

func (RunbookJSON) Write(w io.Writer, rb *ops.Runbook) error {
	out := jsonRunbook{FormatVersion: "1", Scenarios: []jsonRBScenario{}}
	for _, s := range rb.Sections {
		filled := s.Filled()
		rb.Fill(s)
		js := jsonRBScenario{
			Name: s.Name(), Names: s.Names, Kind: s.Domain.String(), Lost: orEmpty(s.Lost),
			DependenciesLost: []jsonRBDependency{}, DataAtRisk: []jsonRBExposed{}, Signals: []jsonRBSignal{}, Services: []jsonRBService{}, Serving: s.Serving,
		}
		for _, d := range s.Dependencies {
			js.DependenciesLost = append(js.DependenciesLost, jsonRBDependency{Address: d.Addr().String(), Kind: d.Dependency.Kind.String(), Product: d.Product, Callers: addrStrings(d.Callers)})
		}
		for _, e := range s.Exposed {
			js.DataAtRisk = append(js.DataAtRisk, jsonRBExposed{Address: e.Data.Addr.String(), Product: e.Product, RPO: units.FormatDuration(e.RPO), AllCopiesLost: e.AllCopiesLost})
		}
		for _, sig := range s.Signals {
			labels := map[string]string{}
			for _, l := range sig.Labels {
				labels[l.Name] = l.Value
			}
			js.Signals = append(js.Signals, jsonRBSignal{Alert: sig.Alert, Selector: sig.Selector(), Labels: labels, Matches: orEmpty(sig.Values), After: units.FormatDuration(sig.After), Meaning: sig.Meaning})
		}
		for _, sr := range s.Services {
			jsr := jsonRBService{
				Address: sr.Service.Addr.String(), Outcome: sr.Outcome.String(), From: orEmpty(sr.From), To: orEmpty(sr.To),
				Automatic: sr.Automatic, Steps: []jsonRBStep{}, Cause: orEmpty(sr.Cause), FailBack: orEmpty(sr.FailBack),
				DegradedBy: addrStrings(sr.DegradedBy), Fallbacks: []jsonRBFallback{},
			}
			for _, f := range sr.Fallbacks {
				jsr.Fallbacks = append(jsr.Fallbacks, jsonRBFallback{To: f.To.String(), Fallback: f.Text, Source: f.Source, Audiences: addrStrings(f.Audiences), Partition: f.Partition})
			}
			if sr.Bounded {
				jsr.RTO, jsr.StepsTotal = durPtr(sr.RTO), durPtr(sr.StepsTotal())
			}
			if sr.Objective > 0 {
				jsr.ObjectiveRTO = durPtr(sr.Objective)
			}
			for _, st := range sr.Steps {
				jst := jsonRBStep{Kind: st.Kind.String(), Duration: units.FormatDuration(st.Duration), Budget: st.Budget, Do: orEmpty(st.Do), Links: []jsonRBLink{}}
				for _, l := range st.Links {
					jst.Links = append(jst.Links, jsonRBLink{Title: l.Title, URL: l.URL})
				}
				jsr.Steps = append(jsr.Steps, jst)
			}
			js.Services = append(js.Services, jsr)
		}
		out.Scenarios = append(out.Scenarios, js)
		if !filled {
			rb.Release(s) // js holds what it needs
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func durPtr(d time.Duration) *string {
	s := units.FormatDuration(d)
	return &s
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func addrStrings(as []lang.Address) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}
