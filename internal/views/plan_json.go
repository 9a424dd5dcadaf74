package views

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// PlanFormatVersion is the format_version of the plan JSON (SPEC §7.1); it
// changes when the shape breaks. Fields may be added without a change.
//
// Version 2 dropped a scenario's "serving" list (a service a scenario does
// not list serves as planned), gave each "down" entry a "via" in place of
// its whole cause path, and marked new findings with "new": true instead
// of repeating them in "new_findings".
const PlanFormatVersion = "2"

// readablePlanFormats are the plan format versions ReadPlan accepts: a
// version 1 plan reads the same way, its serving lists and cause paths
// unused and its new_findings taken as the new findings.
var readablePlanFormats = []string{"1", PlanFormatVersion}

// PlanMeta is what a plan's JSON records besides the plan itself.
type PlanMeta struct {
	Version    string // mrplan's version
	ConfigHash string // "sha256:…" over the module's files
	// Files maps each module file's base name to "sha256:…" of its bytes,
	// so apply can name the file that changed since the plan was made.
	Files map[string]string
	// ModuleDir is the module's directory as a saved plan records it, so
	// apply finds the module from any directory: relative to the plan
	// file's directory, with forward slashes, where possible; "" when the
	// plan is not saved to a file (then the key is left out).
	ModuleDir string
	// StateSerial is the serial of the state when the plan was made (0: no
	// state); apply refuses the plan once the state has moved on.
	StateSerial int
	// Diff is the plan compared with its baseline; nil is no baseline, and
	// everything is created.
	Diff *PlanDiff
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
	Degraded    []jsonDegraded    `json:"degraded"`
	DataExposed []jsonExposedData `json:"data_exposed"`
	Capacity    []jsonCapacity    `json:"capacity"`
	// UsersAffected is the share of users the scenario reaches, from the
	// module's audiences; null when it declares none.
	UsersAffected *float64 `json:"users_affected"`
}

// jsonCapacity is one service's load on the regions left in a scenario.
type jsonCapacity struct {
	Service      string           `json:"service"`
	NeededRPS    float64          `json:"needed_rps"`
	AvailableRPS float64          `json:"available_rps"`
	HeadroomRPS  float64          `json:"headroom_rps"`
	Short        bool             `json:"short"`
	Regions      []jsonRegionLoad `json:"regions"`
}

type jsonRegionLoad struct {
	Region      string  `json:"region"`
	LoadRPS     float64 `json:"load_rps"`
	CapacityRPS float64 `json:"capacity_rps"`
}

// jsonDegraded is a service that stays up while soft calls' targets are
// lost: by lists them. Rerouted and failed-over services appear too when
// they also lost a soft call.
type jsonDegraded struct {
	Address string   `json:"address"`
	By      []string `json:"by"`
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
	RPOBound      string `json:"rpo_bound"`
	AllCopiesLost bool   `json:"all_copies_lost"`
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
// only the decisions and findings). The document is streamed to w.
func planJSON(w io.Writer, p *planner.Plan, findings []diag.Diagnostic, meta PlanMeta, d *PlanDiff) error {
	pw := newPlanWriter(w, true)
	j := pw.jsonWriter
	j.beginObject()
	j.key("format_version")
	j.str(PlanFormatVersion)
	j.key("mrplan_version")
	j.str(meta.Version)
	j.key("config_hash")
	j.str(meta.ConfigHash)
	j.key("files")
	j.stringMap(meta.Files)
	if meta.ModuleDir != "" {
		j.key("module_dir")
		j.str(meta.ModuleDir)
	}
	j.key("state_serial")
	j.int(meta.StateSerial)
	var baseline, source string
	if d != nil {
		baseline, source = d.Baseline, d.Source
	}
	j.key("baseline")
	j.str(baseline)
	j.key("baseline_source")
	j.str(source)

	j.key("services")
	j.beginArray()
	for _, s := range p.Services {
		pw.service(s)
	}
	j.endArray()
	j.key("data")
	j.beginArray()
	for _, x := range p.Data {
		pw.data(x)
	}
	j.endArray()

	j.key("changes")
	j.beginArray()
	if d != nil {
		for i := range d.Entries {
			if err := pw.change(&d.Entries[i]); err != nil {
				return err
			}
		}
	}
	j.endArray()

	// A finding new against the baseline says so; d.New is ascending.
	var isNew []int
	if d != nil {
		isNew = d.New
	}
	j.key("findings")
	j.beginArray()
	for i := range findings {
		fresh := len(isNew) > 0 && isNew[0] == i
		if fresh {
			isNew = isNew[1:]
		}
		pw.finding(&findings[i], fresh)
	}
	j.endArray()
	j.key("resolved_findings")
	j.beginArray()
	if d != nil {
		for _, f := range d.Resolved {
			pw.resolved(f)
		}
	}
	j.endArray()

	j.key("scenarios")
	j.beginArray()
	for _, sc := range p.Scenarios {
		pw.scenario(sc)
	}
	j.endArray()
	j.key("scenario_changes")
	j.beginArray()
	if d != nil {
		for _, c := range d.Scenarios {
			j.beginObject()
			j.key("scenario")
			j.str(c.Scenario)
			j.key("address")
			j.str(c.Address)
			j.key("before")
			j.str(c.Before)
			j.key("after")
			j.str(c.After)
			j.endObject()
		}
	}
	j.endArray()

	var create, update, del, move, nNew, nResolved int
	hasChanges := false
	if d != nil {
		create, update, del, move, nNew, nResolved = d.Create, d.Update, d.Delete, d.Move, len(d.New), len(d.Resolved)
		hasChanges = d.HasChanges()
	}
	errs, warns, _ := diag.Count(findings)
	j.key("summary")
	j.beginObject()
	for _, c := range []struct {
		k string
		n int
	}{{"create", create}, {"update", update}, {"delete", del}, {"move", move}, {"errors", errs}, {"warnings", warns},
		{"new_findings", nNew}, {"resolved_findings", nResolved}} {
		j.key(c.k)
		j.int(c.n)
	}
	j.key("cost_relative")
	if len(p.Services) == 0 {
		j.null()
	} else {
		j.num(p.TotalCost())
	}
	j.endObject()
	j.key("has_changes")
	j.bool(hasChanges)
	j.key("errored")
	j.bool(false)
	j.key("assumptions")
	j.beginArray()
	a := p.Assumptions
	for _, def := range lang.AssumptionDefs {
		j.beginObject()
		j.key("name")
		j.str(def.Name)
		j.key("value")
		j.str(def.Format(&a))
		j.endObject()
	}
	j.endArray()
	j.endObject()
	j.b = append(j.b, '\n')
	return j.flush()
}

// planWriter writes a plan's parts through a jsonWriter, with what it
// reuses from one element to the next.
type planWriter struct {
	*jsonWriter
	durs    map[time.Duration]string
	reasons []reasonRef
}

// reasonRef is a reason, by its index, under its decision's name.
type reasonRef struct {
	decision string
	i        int
}

func newPlanWriter(w io.Writer, indent bool) *planWriter {
	return &planWriter{jsonWriter: newJSONWriter(w, indent), durs: map[time.Duration]string{}}
}

// dur is a duration in the language's syntax, formatted once per value.
func (pw *planWriter) dur(d time.Duration) {
	s, ok := pw.durs[d]
	if !ok {
		s = units.FormatDuration(d)
		pw.durs[d] = s
	}
	pw.str(s)
}

// change is one entry of the changes: its before and after objects are the
// baseline's JSON, or the plan's own entry written out again.
func (pw *planWriter) change(e *DiffEntry) error {
	pw.beginObject()
	pw.key("address")
	pw.str(e.Address)
	pw.key("action")
	pw.str(e.Action.String())
	if e.MovedFrom != "" {
		pw.key("previous_address")
		pw.str(e.MovedFrom)
	}
	for _, side := range []struct {
		k   string
		raw json.RawMessage
		cur bool
	}{{"before", e.Before, e.sameBefore}, {"after", e.After, true}} {
		pw.key(side.k)
		switch {
		case side.cur && e.svc != nil:
			pw.service(e.svc)
		case side.cur && e.data != nil:
			pw.data(e.data)
		case side.raw == nil:
			pw.null()
		default:
			if err := pw.raw(side.raw); err != nil {
				return err
			}
		}
	}
	pw.endObject()
	return nil
}

func (pw *planWriter) service(s *planner.Service) {
	pw.beginObject()
	pw.key("address")
	pw.addr(s.Addr)
	pw.key("tier")
	pw.int(s.Tier)
	pw.key("topology")
	pw.str(s.Topology.String())
	pw.key("standby")
	pw.str(s.Standby.String())
	pw.key("write_mode")
	pw.str(s.WriteMode.String())
	// Write modes are decided per data class; "mixed" above means they
	// differ, and this says how each class is written.
	pw.key("data_write_modes")
	modes := make(map[string]string, len(s.DataWrites))
	for _, w := range s.DataWrites {
		modes[w.Data.String()] = w.Mode.String()
	}
	pw.stringMap(modes)
	pw.key("pattern")
	pw.str(string(s.Pattern))
	pw.key("regions")
	pw.strings(s.Regions)
	pw.key("active_regions")
	pw.strings(s.Active)
	pw.key("standby_regions")
	pw.strings(s.Standbys)
	pw.key("primary")
	pw.str(s.Primary)
	pw.key("witness")
	if s.Witness == "" {
		pw.null()
	} else {
		pw.str(s.Witness)
	}
	pw.key("routing")
	pw.str(RoutingWord(s.Routing))
	pw.key("health_check")
	pw.bool(s.HealthCheck)
	pw.key("failover")
	pw.str(s.Failover.String())
	pw.key("split_brain_guard")
	pw.beginArray()
	for _, g := range s.Guards {
		pw.str(g.String())
	}
	pw.endArray()
	pw.key("rpo")
	pw.dur(s.RPO)
	pw.key("rto")
	if s.RTO.Unbounded {
		pw.null()
	} else {
		pw.dur(s.RTO.Total)
	}
	pw.key("availability")
	pw.beginObject()
	pw.key("composed")
	pw.str(availabilityWord(s.Availability))
	pw.key("target")
	if t := s.Objective.Availability; t != nil {
		pw.str(availabilityWord(*t))
	} else {
		pw.null()
	}
	pw.endObject()
	pw.key("rto_breakdown")
	pw.beginObject()
	pw.key("unbounded")
	pw.bool(s.RTO.Unbounded)
	for _, c := range []struct {
		k string
		d time.Duration
	}{{"detection", s.RTO.Detection}, {"promotion", s.RTO.Promotion}, {"dns_ttl", s.RTO.DNSTTL},
		{"decision", s.RTO.Decision}, {"provisioning", s.RTO.Provision}, {"restore", s.RTO.Restore}} {
		pw.key(c.k)
		pw.dur(c.d)
	}
	pw.endObject()
	pw.key("objective")
	pw.beginObject()
	pw.key("rpo")
	if s.Objective.HasRPO {
		pw.dur(s.Objective.RPO)
	} else {
		pw.null()
	}
	pw.key("rto")
	if s.Objective.HasRTO {
		pw.dur(s.Objective.RTO)
	} else {
		pw.null()
	}
	pw.key("survive")
	if s.Objective.Survive == 0 {
		pw.str(lang.DomainRegion.String())
	} else {
		pw.str(s.Objective.Survive.String())
	}
	pw.endObject()
	pw.key("reasons")
	pw.reasonsObject(s.Reasons)
	pw.key("gaps")
	pw.beginArray()
	for _, g := range s.Gaps {
		pw.beginObject()
		pw.key("region")
		pw.str(g.Region)
		pw.key("missing")
		pw.str(g.Missing.String())
		pw.key("path")
		pw.beginArray()
		for _, st := range g.Path {
			pw.addr(st.Addr)
		}
		pw.endArray()
		pw.key("elided")
		pw.int(g.Elided)
		if g.ControlPlane != "" {
			pw.key("control_plane")
			pw.str(g.ControlPlane)
		}
		pw.endObject()
	}
	pw.endArray()
	pw.key("cost")
	pw.beginObject()
	pw.key("relative")
	pw.num(s.Cost.Relative)
	pw.key("reasons")
	pw.beginArray()
	for _, r := range s.Cost.Reasons {
		pw.str(ExplainReason(r))
	}
	pw.endArray()
	pw.endObject()
	pw.key("capacity")
	if s.Capacity == nil {
		pw.null()
	} else {
		pw.capacity(*s.Capacity, false)
	}
	pw.key("capacity_missing")
	pw.strings(s.CapacityMissing)
	pw.key("notes")
	pw.notes(s.Notes)
	pw.endObject()
}

func (pw *planWriter) data(d *planner.Data) {
	pw.beginObject()
	pw.key("address")
	pw.addr(d.Addr)
	pw.key("class")
	pw.str(d.Class.String())
	pw.key("loss_tolerance")
	if d.LossKnown {
		pw.dur(d.LossTolerance)
	} else {
		pw.null()
	}
	pw.key("regions")
	pw.strings(d.Regions)
	pw.key("mechanisms")
	pw.beginArray()
	for _, m := range d.Mechanisms {
		pw.str(m.String())
	}
	pw.endArray()
	pw.key("forced")
	pw.bool(d.Forced)
	pw.key("replication")
	pw.str(d.Replication.String())
	pw.key("conflict")
	pw.str(d.Conflict.String())
	pw.key("write_mode")
	pw.str(d.WriteMode.String())
	pw.key("rpo")
	if d.Counts {
		pw.dur(d.RPO)
	} else {
		pw.null()
	}
	pw.key("rpo_bound")
	if d.Counts {
		pw.dur(d.RPOBound)
	} else {
		pw.null()
	}
	pw.key("lag")
	pw.dur(d.Lag)
	pw.key("lag_bound")
	pw.dur(d.LagBound)
	pw.key("write_penalty")
	pw.dur(d.WritePenalty)
	pw.key("residency")
	pw.strings(ResidencyNames(d))
	pw.key("copies")
	pw.beginArray()
	for _, c := range d.Copies {
		pw.beginObject()
		pw.key("region")
		pw.str(c.Region)
		pw.key("kind")
		pw.str(c.Kind.String())
		pw.key("failover_target")
		pw.bool(c.FailoverTarget)
		pw.key("allowed")
		pw.bool(c.Allowed)
		pw.endObject()
	}
	pw.endArray()
	pw.key("backup_region")
	if d.BackupRegion == "" {
		pw.null()
	} else {
		pw.str(d.BackupRegion)
	}
	pw.key("remote_reads")
	pw.beginArray()
	for _, r := range d.RemoteReads {
		pw.beginObject()
		pw.key("service")
		pw.addr(r.Service)
		pw.key("region")
		pw.str(r.Region)
		pw.key("from")
		pw.str(r.From)
		pw.endObject()
	}
	pw.endArray()
	pw.key("reasons")
	pw.reasonsObject(d.Reasons)
	pw.key("notes")
	pw.notes(d.Notes)
	pw.endObject()
}

// reasonsObject files the reasons under their decision's name, keys
// sorted; several reasons for one decision are joined with "; " in the
// order they were made. The texts are appended as ExplainReason words them.
func (pw *planWriter) reasonsObject(rs []planner.Reason) {
	byKey := pw.reasons[:0]
	for i := range rs {
		byKey = append(byKey, reasonRef{rs[i].Decision.String(), i})
	}
	slices.SortStableFunc(byKey, func(a, b reasonRef) int { return strings.Compare(a.decision, b.decision) })
	pw.beginObject()
	for i := 0; i < len(byKey); {
		k := byKey[i].decision
		pw.key(k)
		pw.elem()
		pw.b = append(pw.b, '"')
		for first := true; i < len(byKey) && byKey[i].decision == k; i++ {
			if !first {
				pw.b = append(pw.b, ';', ' ')
			}
			first = false
			pw.b = appendReasonText(pw.b, &rs[byKey[i].i])
		}
		pw.b = append(pw.b, '"')
	}
	pw.endObject()
	pw.reasons = byKey[:0]
}

// appendReasonText appends ExplainReason(*r), escaped for a JSON string,
// without building it.
func appendReasonText(dst []byte, r *planner.Reason) []byte {
	args := r.Args
	switch r.Code {
	case planner.RTOSum, planner.RTOZone:
		for i := 0; i+1 < len(args); i += 2 {
			if i > 0 {
				dst = append(dst, " + "...)
			}
			dst = appendJSONChars(dst, args[i])
			dst = append(dst, ' ')
			dst = appendJSONChars(dst, args[i+1])
		}
		if r.Code == planner.RTOZone {
			dst = append(dst, `, for a zone loss (survive = \"zone\")`...)
		}
		return dst
	}
	text := reasonTexts[r.Code]
	start := 0
	for i := 0; i < len(text); i++ {
		j := strings.IndexByte(text[i:], '{')
		if j < 0 {
			break
		}
		i += j
		if i+2 < len(text) && text[i+2] == '}' && text[i+1] >= '0' && text[i+1] <= '9' {
			dst = appendJSONChars(dst, text[start:i])
			if n := int(text[i+1] - '0'); n < len(args) {
				if n == 3 && r.Code == planner.MechAsyncWithinLoss && args[3] != "" {
					dst = append(dst, ", and sync would add ≥ "...)
				}
				dst = appendJSONChars(dst, args[n])
			}
			i += 2
			start = i + 1
		}
	}
	return appendJSONChars(dst, text[start:])
}

func (pw *planWriter) notes(ns []planner.Note) {
	pw.beginArray()
	for _, n := range ns {
		pw.beginObject()
		pw.key("kind")
		pw.str(n.Kind.String())
		pw.key("attribute")
		pw.str(n.Attr)
		pw.key("message")
		pw.str(ExplainNote(n))
		if n.Range.Filename != "" {
			pw.key("range")
			pw.rangeObject(n.Range.Filename, n.Range.Start.Line, n.Range.Start.Column, n.Range.End.Line, n.Range.End.Column)
		}
		pw.endObject()
	}
	pw.endArray()
}

func (pw *planWriter) rangeObject(file string, sl, sc, el, ec int) {
	pw.beginObject()
	pw.key("filename")
	pw.str(file)
	for _, p := range []struct {
		k         string
		line, col int
	}{{"start", sl, sc}, {"end", el, ec}} {
		pw.key(p.k)
		pw.beginObject()
		pw.key("line")
		pw.int(p.line)
		pw.key("column")
		pw.int(p.col)
		pw.endObject()
	}
	pw.endObject()
}

// finding is a diagnostic in the shape of SPEC §7.1, with "new": true when
// the baseline did not have it.
func (pw *planWriter) finding(d *diag.Diagnostic, fresh bool) {
	pw.findingObject(d.Severity.String(), d.Rule, d.Subject, d.Summary, d.Detail, d.Fix, d.Range, fresh)
}

// resolved is a baseline's finding the plan no longer has.
func (pw *planWriter) resolved(f DiffFinding) {
	pw.findingObject(f.Severity, f.Rule, f.Subject, f.Summary, "", "", nil, false)
}

func (pw *planWriter) findingObject(severity, rule, subject, summary, detail, fix string, r *hcl.Range, fresh bool) {
	pw.beginObject()
	pw.key("severity")
	pw.str(severity)
	if rule != "" {
		pw.key("rule")
		pw.str(rule)
	}
	if subject != "" {
		pw.key("subject")
		pw.str(subject)
	}
	pw.key("summary")
	pw.str(summary)
	pw.key("detail")
	pw.str(detail)
	if fix != "" {
		pw.key("fix")
		pw.str(fix)
	}
	if r != nil && r.Filename != "" {
		pw.key("range")
		pw.rangeObject(r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	if fresh {
		pw.key("new")
		pw.bool(true)
	}
	pw.endObject()
}

// scenario writes one failure scenario as jsonScenario shapes it, from
// the services it affects: no list of those left serving, a down service
// with the dependency it fell through ("via", null when its own regions are
// lost).
func (pw *planWriter) scenario(sc *planner.Scenario) {
	pw.beginObject()
	pw.key("name")
	pw.str(sc.Name())
	pw.key("kind")
	pw.str(sc.Domain.String())
	pw.key("target")
	pw.str(sc.Target)
	pw.key("lost_regions")
	pw.strings(sc.Lost)
	for _, m := range []struct {
		k string
		o planner.Outcome
	}{{"rerouted", planner.OutcomeRerouted}, {"failed_over", planner.OutcomeFailedOver}} {
		pw.key(m.k)
		pw.beginArray()
		for i := range sc.Affected {
			o := &sc.Affected[i]
			if o.Outcome != m.o {
				continue
			}
			pw.beginObject()
			pw.key("address")
			pw.addr(o.Service)
			pw.key("to")
			pw.strings(o.Regions)
			pw.key("rto")
			pw.dur(o.RTO)
			pw.endObject()
		}
		pw.endArray()
	}
	pw.key("down")
	pw.beginArray()
	for i := range sc.Affected {
		o := &sc.Affected[i]
		if o.Outcome != planner.OutcomeDown {
			continue
		}
		pw.beginObject()
		pw.key("address")
		pw.addr(o.Service)
		pw.key("via")
		if o.Depth > 1 {
			pw.addr(o.Via.Addr)
		} else {
			pw.null()
		}
		pw.endObject()
	}
	pw.endArray()
	pw.key("degraded")
	pw.beginArray()
	for i := range sc.Affected {
		o := &sc.Affected[i]
		if len(o.DegradedBy) == 0 {
			continue
		}
		pw.beginObject()
		pw.key("address")
		pw.addr(o.Service)
		pw.key("by")
		pw.beginArray()
		for _, a := range o.DegradedBy {
			pw.addr(a)
		}
		pw.endArray()
		pw.endObject()
	}
	pw.endArray()
	pw.key("data_exposed")
	pw.beginArray()
	for _, e := range sc.Exposed {
		pw.beginObject()
		pw.key("address")
		pw.addr(e.Data)
		pw.key("rpo")
		pw.dur(e.RPO)
		pw.key("rpo_bound")
		pw.dur(e.Bound)
		pw.key("all_copies_lost")
		pw.bool(e.AllCopiesLost)
		pw.endObject()
	}
	pw.endArray()
	pw.key("capacity")
	pw.beginArray()
	for _, c := range sc.Capacity {
		pw.capacity(c, true)
	}
	pw.endArray()
	pw.key("users_affected")
	if usersKnown(sc) {
		pw.raw([]byte(strconv.FormatFloat(sc.UsersAffected, 'f', -1, 64)))
	} else {
		pw.null()
	}
	pw.endObject()
}

// capacity writes one service's load on its serving regions: the
// scenario's entry (with the service), or the service's own before any
// failure.
func (pw *planWriter) capacity(c planner.CapacityUse, withService bool) {
	pw.beginObject()
	if withService {
		pw.key("service")
		pw.addr(c.Service)
	}
	pw.key("needed_rps")
	pw.num(roundRPS(c.Needed))
	pw.key("available_rps")
	pw.num(roundRPS(c.Available))
	pw.key("headroom_rps")
	pw.num(roundRPS(c.Headroom()))
	pw.key("short")
	pw.bool(c.Short())
	pw.key("regions")
	pw.beginArray()
	for _, r := range c.Regions {
		pw.beginObject()
		pw.key("region")
		pw.str(r.Region)
		pw.key("load_rps")
		pw.num(roundRPS(r.Load))
		pw.key("capacity_rps")
		pw.num(roundRPS(r.Capacity))
		pw.endObject()
	}
	pw.endArray()
	pw.endObject()
}

// roundRPS keeps a tenth of a request per second: enough to add up, and
// free of float noise in the JSON.
func roundRPS(f float64) float64 { return math.Round(f*10) / 10 }

// usersKnown: the scenario's share of users means something only when the
// module declares audiences; the plan marks that by the audience count of
// a scenario that reaches some, or any share given.
func usersKnown(sc *planner.Scenario) bool { return sc.UsersKnown }

func jsonScenario(sc *planner.Scenario) jsonPlanScenario {
	js := jsonPlanScenario{
		Name: sc.Name(), Kind: sc.Domain.String(), Target: sc.Target, LostRegions: list(sc.Lost),
		Rerouted: []jsonMoved{}, FailedOver: []jsonMoved{}, Down: []jsonDown{}, Degraded: []jsonDegraded{},
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
		if len(o.DegradedBy) > 0 {
			jd := jsonDegraded{Address: o.Service.String(), By: []string{}}
			for _, a := range o.DegradedBy {
				jd.By = append(jd.By, a.String())
			}
			js.Degraded = append(js.Degraded, jd)
		}
	}
	for _, e := range sc.Exposed {
		js.DataExposed = append(js.DataExposed, jsonExposedData{e.Data.String(), units.FormatDuration(e.RPO), units.FormatDuration(e.Bound), e.AllCopiesLost})
	}
	js.Capacity = make([]jsonCapacity, 0, len(sc.Capacity))
	for _, c := range sc.Capacity {
		jc := jsonCapacity{Service: c.Service.String(), NeededRPS: roundRPS(c.Needed), AvailableRPS: roundRPS(c.Available),
			HeadroomRPS: roundRPS(c.Headroom()), Short: c.Short(), Regions: make([]jsonRegionLoad, 0, len(c.Regions))}
		for _, r := range c.Regions {
			jc.Regions = append(jc.Regions, jsonRegionLoad{r.Region, roundRPS(r.Load), roundRPS(r.Capacity)})
		}
		js.Capacity = append(js.Capacity, jc)
	}
	if usersKnown(sc) {
		share := sc.UsersAffected
		js.UsersAffected = &share
	}
	return js
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
