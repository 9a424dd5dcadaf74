package views

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/internal/units"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// PlanFormatVersion is the format_version of the plan JSON (SPEC §7.1); it
// changes when the shape breaks. Fields may be added without a change.
const PlanFormatVersion = "1"

// PlanMeta is what a plan's JSON records besides the plan itself.
type PlanMeta struct {
	Version    string // mrplan's version
	ConfigHash string // "sha256:…" over the module's files
	// Files maps each module file's base name to "sha256:…" of its bytes,
	// so apply can name the file that changed since the plan was made.
	Files map[string]string
	// StateSerial is the serial of the state when the plan was made (0: no
	// state); apply refuses the plan once the state has moved on.
	StateSerial int
	// Diff is the plan compared with its baseline; nil is no baseline, and
	// everything is created.
	Diff *PlanDiff
}

type jsonPlan struct {
	FormatVersion string               `json:"format_version"`
	MrplanVersion string               `json:"mrplan_version"`
	ConfigHash    string               `json:"config_hash"`
	Files         map[string]string    `json:"files"`
	StateSerial   int                  `json:"state_serial"`
	Baseline      string               `json:"baseline"`
	BaselineSrc   string               `json:"baseline_source"`
	Services      []*jsonPlanService   `json:"services"`
	Data          []*jsonPlanData      `json:"data"`
	Changes       []jsonPlanChange     `json:"changes"`
	Findings      []jsonDiagnostic     `json:"findings"`
	NewFindings   []jsonDiagnostic     `json:"new_findings"`
	Resolved      []jsonDiagnostic     `json:"resolved_findings"`
	Scenarios     []jsonPlanScenario   `json:"scenarios"`
	Fates         []jsonFateChange     `json:"scenario_changes"`
	Summary       jsonPlanSummary      `json:"summary"`
	HasChanges    bool                 `json:"has_changes"`
	Errored       bool                 `json:"errored"`
	Assumptions   []jsonPlanAssumption `json:"assumptions"`
}

type jsonPlanService struct {
	Address         string            `json:"address"`
	Tier            int               `json:"tier"`
	Topology        string            `json:"topology"`
	Standby         string            `json:"standby"`
	WriteMode       string            `json:"write_mode"`
	Pattern         string            `json:"pattern"`
	Regions         []string          `json:"regions"`
	ActiveRegions   []string          `json:"active_regions"`
	StandbyRegions  []string          `json:"standby_regions"`
	Primary         string            `json:"primary"`
	Witness         *string           `json:"witness"`
	Routing         string            `json:"routing"`
	HealthCheck     bool              `json:"health_check"`
	Failover        string            `json:"failover"`
	SplitBrainGuard []string          `json:"split_brain_guard"`
	RPO             string            `json:"rpo"`
	RTO             *string           `json:"rto"` // null when unbounded
	RTOBreakdown    jsonRTO           `json:"rto_breakdown"`
	Objective       jsonObjective     `json:"objective"`
	Reasons         map[string]string `json:"reasons"`
	Gaps            []jsonGap         `json:"gaps"`
	Notes           []jsonNote        `json:"notes"`
}

type jsonRTO struct {
	Unbounded bool   `json:"unbounded"`
	Detection string `json:"detection"`
	Promotion string `json:"promotion"`
	DNSTTL    string `json:"dns_ttl"`
	Decision  string `json:"decision"`
	Provision string `json:"provisioning"`
	Restore   string `json:"restore"`
}

type jsonObjective struct {
	RPO     *string `json:"rpo"`
	RTO     *string `json:"rto"`
	Survive string  `json:"survive"`
}

type jsonGap struct {
	Region       string   `json:"region"`
	Missing      string   `json:"missing"`
	Path         []string `json:"path"`
	Elided       int      `json:"elided"` // nodes left out of a long path after its 8th`
	ControlPlane string   `json:"control_plane,omitempty"`
}

type jsonNote struct {
	Kind    string     `json:"kind"`
	Attr    string     `json:"attribute"`
	Message string     `json:"message"`
	Range   *jsonRange `json:"range,omitempty"`
}

type jsonPlanData struct {
	Address       string            `json:"address"`
	Class         string            `json:"class"`
	LossTolerance *string           `json:"loss_tolerance"`
	Regions       []string          `json:"regions"`
	Mechanisms    []string          `json:"mechanisms"`
	Forced        bool              `json:"forced"`
	Replication   string            `json:"replication"`
	Conflict      string            `json:"conflict"`
	WriteMode     string            `json:"write_mode"`
	RPO           *string           `json:"rpo"` // null when it does not count (regenerable)
	Lag           string            `json:"lag"`
	WritePenalty  string            `json:"write_penalty"`
	Reasons       map[string]string `json:"reasons"`
	Notes         []jsonNote        `json:"notes"`
}

type jsonPlanChange struct {
	Address string          `json:"address"`
	Action  string          `json:"action"`
	Before  json.RawMessage `json:"before"`
	After   json.RawMessage `json:"after"`
}

// jsonFateChange is a service whose outcome in a failure scenario differs
// from the baseline's.
type jsonFateChange struct {
	Scenario string `json:"scenario"`
	Address  string `json:"address"`
	Before   string `json:"before"`
	After    string `json:"after"`
}

type jsonPlanScenario struct {
	Name        string            `json:"name"`
	Kind        string            `json:"kind"`
	Target      string            `json:"target"`
	LostRegions []string          `json:"lost_regions"`
	Rerouted    []jsonMoved       `json:"rerouted"`
	FailedOver  []jsonMoved       `json:"failed_over"`
	Down        []jsonDown        `json:"down"`
	DataExposed []jsonExposedData `json:"data_exposed"`
}

type jsonMoved struct {
	Address string   `json:"address"`
	To      []string `json:"to"`
	RTO     string   `json:"rto"`
}

// jsonDown is a service a scenario takes down, and the dependency it fell
// through (null when its own regions are all lost).
type jsonDown struct {
	Address string  `json:"address"`
	Via     *string `json:"via"`
}

type jsonExposedData struct {
	Address       string `json:"address"`
	RPO           string `json:"rpo"`
	AllCopiesLost bool   `json:"all_copies_lost"`
}

type jsonPlanSummary struct {
	Create           int `json:"create"`
	Update           int `json:"update"`
	Delete           int `json:"delete"`
	Errors           int `json:"errors"`
	Warnings         int `json:"warnings"`
	NewFindings      int `json:"new_findings"`
	ResolvedFindings int `json:"resolved_findings"`
}

type jsonPlanAssumption struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// PlanJSON renders p in the `plan -json` shape of SPEC §7.1, findings
// included (already sorted by the caller). Every list is sorted and
// rendered as [] when empty; durations are strings in the language's syntax.
// The changes, summary and has_changes come from meta.Diff.
func PlanJSON(w io.Writer, p *planner.Plan, findings []diag.Diagnostic, meta PlanMeta) error {
	d := meta.Diff
	if d == nil {
		var err error
		if d, err = DiffPlan(p, findings, nil, "", ""); err != nil {
			return err
		}
	}
	return planJSON(w, p, findings, meta, d)
}

// planJSON is PlanJSON; a nil d leaves the changes out (DiffPlan reads
// only the decisions and findings).
func planJSON(w io.Writer, p *planner.Plan, findings []diag.Diagnostic, meta PlanMeta, d *PlanDiff) error {
	out := jsonPlan{
		FormatVersion: PlanFormatVersion,
		MrplanVersion: meta.Version,
		ConfigHash:    meta.ConfigHash,
		Files:         meta.Files,
		StateSerial:   meta.StateSerial,
		Services:      make([]*jsonPlanService, 0, len(p.Services)),
		Data:          make([]*jsonPlanData, 0, len(p.Data)),
		Changes:       []jsonPlanChange{},
		Findings:      make([]jsonDiagnostic, 0, len(findings)),
		NewFindings:   []jsonDiagnostic{},
		Resolved:      []jsonDiagnostic{},
		Fates:         []jsonFateChange{},
		Scenarios:     make([]jsonPlanScenario, 0, len(p.Scenarios)),
		Assumptions:   []jsonPlanAssumption{},
	}
	if out.Files == nil {
		out.Files = map[string]string{}
	}
	for _, s := range p.Services {
		out.Services = append(out.Services, jsonService(s))
	}
	for _, d := range p.Data {
		out.Data = append(out.Data, jsonData(d))
	}
	if d != nil {
		out.Baseline, out.BaselineSrc = d.Baseline, d.Source
		for _, e := range d.Entries {
			out.Changes = append(out.Changes, jsonPlanChange{Address: e.Address, Action: e.Action.String(), Before: rawOrNull(e.Before), After: rawOrNull(e.After)})
		}
		out.Summary.Create, out.Summary.Update, out.Summary.Delete = d.Create, d.Update, d.Delete
		out.Summary.NewFindings, out.Summary.ResolvedFindings = len(d.New), len(d.Resolved)
		for _, i := range d.New {
			out.NewFindings = append(out.NewFindings, toJSONDiagnostic(findings[i]))
		}
		for _, f := range d.Resolved {
			out.Resolved = append(out.Resolved, jsonDiagnostic{Severity: f.Severity, Rule: f.Rule, Subject: f.Subject, Summary: f.Summary})
		}
		for _, c := range d.Scenarios {
			out.Fates = append(out.Fates, jsonFateChange(c))
		}
		out.HasChanges = d.HasChanges()
	}
	for _, d := range findings {
		out.Findings = append(out.Findings, toJSONDiagnostic(d))
	}
	out.Summary.Errors, out.Summary.Warnings, _ = diag.Count(findings)
	for _, sc := range p.Scenarios {
		out.Scenarios = append(out.Scenarios, jsonScenario(sc))
	}
	a := p.Assumptions
	for _, def := range lang.AssumptionDefs {
		out.Assumptions = append(out.Assumptions, jsonPlanAssumption{def.Name, def.Format(&a)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func rawOrNull(r json.RawMessage) json.RawMessage {
	if r == nil {
		return json.RawMessage("null")
	}
	return r
}

func jsonService(s *planner.Service) *jsonPlanService {
	js := &jsonPlanService{
		Address:         s.Addr.String(),
		Tier:            s.Tier,
		Topology:        s.Topology.String(),
		Standby:         s.Standby.String(),
		WriteMode:       s.WriteMode.String(),
		Pattern:         string(s.Pattern),
		Regions:         list(s.Regions),
		ActiveRegions:   list(s.Active),
		StandbyRegions:  list(s.Standbys),
		Primary:         s.Primary,
		Routing:         RoutingWord(s.Routing),
		HealthCheck:     s.HealthCheck,
		Failover:        s.Failover.String(),
		SplitBrainGuard: []string{},
		RPO:             units.FormatDuration(s.RPO),
		RTOBreakdown: jsonRTO{
			Unbounded: s.RTO.Unbounded,
			Detection: units.FormatDuration(s.RTO.Detection),
			Promotion: units.FormatDuration(s.RTO.Promotion),
			DNSTTL:    units.FormatDuration(s.RTO.DNSTTL),
			Decision:  units.FormatDuration(s.RTO.Decision),
			Provision: units.FormatDuration(s.RTO.Provision),
			Restore:   units.FormatDuration(s.RTO.Restore),
		},
		Objective: jsonObjective{Survive: s.Objective.Survive.String()},
		Reasons:   reasonMap(s.Reasons),
		Gaps:      make([]jsonGap, 0, len(s.Gaps)),
		Notes:     jsonNotes(s.Notes),
	}
	if s.Witness != "" {
		w := s.Witness
		js.Witness = &w
	}
	if s.Objective.Survive == 0 {
		js.Objective.Survive = lang.DomainRegion.String()
	}
	for _, g := range s.Guards {
		js.SplitBrainGuard = append(js.SplitBrainGuard, g.String())
	}
	if !s.RTO.Unbounded {
		js.RTO = durPtr(s.RTO.Total)
	}
	if s.Objective.HasRPO {
		js.Objective.RPO = durPtr(s.Objective.RPO)
	}
	if s.Objective.HasRTO {
		js.Objective.RTO = durPtr(s.Objective.RTO)
	}
	for _, g := range s.Gaps {
		js.Gaps = append(js.Gaps, jsonGap{Region: g.Region, Missing: g.Missing.String(), Path: pathStrings(g.Path), Elided: g.Elided, ControlPlane: g.ControlPlane})
	}
	return js
}

func jsonData(d *planner.Data) *jsonPlanData {
	jd := &jsonPlanData{
		Address:      d.Addr.String(),
		Class:        d.Class.String(),
		Regions:      list(d.Regions),
		Mechanisms:   make([]string, 0, len(d.Mechanisms)),
		Forced:       d.Forced,
		Replication:  d.Replication.String(),
		Conflict:     d.Conflict.String(),
		WriteMode:    d.WriteMode.String(),
		Lag:          units.FormatDuration(d.Lag),
		WritePenalty: units.FormatDuration(d.WritePenalty),
		Reasons:      reasonMap(d.Reasons),
		Notes:        jsonNotes(d.Notes),
	}
	if d.LossKnown {
		jd.LossTolerance = durPtr(d.LossTolerance)
	}
	if d.Counts {
		jd.RPO = durPtr(d.RPO)
	}
	for _, m := range d.Mechanisms {
		jd.Mechanisms = append(jd.Mechanisms, m.String())
	}
	return jd
}

func jsonScenario(sc *planner.Scenario) jsonPlanScenario {
	js := jsonPlanScenario{
		Name: sc.Name(), Kind: sc.Domain.String(), Target: sc.Target, LostRegions: list(sc.Lost),
		Rerouted: []jsonMoved{}, FailedOver: []jsonMoved{}, Down: []jsonDown{},
		DataExposed: make([]jsonExposedData, 0, len(sc.Exposed)),
	}
	for _, o := range sc.Affected {
		switch o.Outcome {
		case planner.OutcomeRerouted:
			js.Rerouted = append(js.Rerouted, jsonMoved{o.Service.String(), list(o.Regions), units.FormatDuration(o.RTO)})
		case planner.OutcomeFailedOver:
			js.FailedOver = append(js.FailedOver, jsonMoved{o.Service.String(), list(o.Regions), units.FormatDuration(o.RTO)})
		case planner.OutcomeDown:
			jd := jsonDown{Address: o.Service.String()}
			if o.Depth > 1 {
				via := o.Via.Addr.String()
				jd.Via = &via
			}
			js.Down = append(js.Down, jd)
		}
	}
	for _, e := range sc.Exposed {
		js.DataExposed = append(js.DataExposed, jsonExposedData{e.Data.String(), units.FormatDuration(e.RPO), e.AllCopiesLost})
	}
	return js
}

// reasonMap files the reasons under their decision's name; several reasons
// for one decision are joined with "; " in the order they were made.
func reasonMap(rs []planner.Reason) map[string]string {
	m := make(map[string]string, len(rs))
	for _, r := range rs {
		k := r.Decision.String()
		text := ExplainReason(r)
		if prev, ok := m[k]; ok {
			text = prev + "; " + text
		}
		m[k] = text
	}
	return m
}

func jsonNotes(ns []planner.Note) []jsonNote {
	out := make([]jsonNote, 0, len(ns))
	for _, n := range ns {
		jn := jsonNote{Kind: n.Kind.String(), Attr: n.Attr, Message: ExplainNote(n)}
		if n.Range.Filename != "" {
			jn.Range = &jsonRange{Filename: n.Range.Filename,
				Start: jsonPos{n.Range.Start.Line, n.Range.Start.Column}, End: jsonPos{n.Range.End.Line, n.Range.End.Column}}
		}
		out = append(out, jn)
	}
	return out
}

func toJSONDiagnostic(d diag.Diagnostic) jsonDiagnostic {
	jd := jsonDiagnostic{Severity: d.Severity.String(), Rule: d.Rule, Subject: d.Subject,
		Summary: d.Summary, Detail: d.Detail, Fix: d.Fix}
	if d.Range != nil && d.Range.Filename != "" {
		jd.Range = &jsonRange{Filename: d.Range.Filename,
			Start: jsonPos{d.Range.Start.Line, d.Range.Start.Column}, End: jsonPos{d.Range.End.Line, d.Range.End.Column}}
	}
	return jd
}

// RoutingWord is how plans print a routing policy: "none" for a service
// with one region (the planner leaves it at auto: nothing to route).
func RoutingWord(r lang.RoutingPolicy) string {
	if r == lang.RoutingAuto {
		return "none"
	}
	return r.String()
}

func pathStrings(steps []planner.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Addr.String()
	}
	return out
}

func list(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func durPtr(d time.Duration) *string {
	s := units.FormatDuration(d)
	return &s
}

// pathText joins a path with arrows: "service.a → dependency.b".
func pathText(steps []planner.Step) string { return elidedPathText(steps, 0) }

// elidedPathText is pathText marking where a long path was shortened.
func elidedPathText(steps []planner.Step, elided int) string {
	s := pathStrings(steps)
	if elided > 0 && len(s) > 8 {
		s = append(append(append([]string{}, s[:8]...), "… "+strconv.Itoa(elided)+" more …"), s[8:]...)
	}
	return strings.Join(s, " → ")
}
