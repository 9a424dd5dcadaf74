package views

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// ReportMeta is what a report says about its own making.
type ReportMeta struct {
	Version string
	// Generated is printed only when set (mrplan report --timestamp), so
	// reports are byte-identical by default.
	Generated time.Time
	// Today dates the drill schedule; none is shown when it is zero.
	Today time.Time
}

// report is everything the HTML and Markdown reports show, worked out once
// from the module, its plan and its findings, every list sorted.
type report struct {
	Title     string
	Version   string
	Generated string

	Summary     reportSummary
	Regions     []reportRegion
	Services    []reportService
	Data        []reportData
	Residency   reportResidency
	Matrix      reportMatrix
	Findings    []reportFinding
	Assumptions []reportAssumption
	// Gaps are the hidden single-region dependencies, one line each, the
	// first maxGapLines of them; GapsMore counts the rest.
	Gaps     []string
	GapsMore int
	// Drills and Runbooks come from the ops package (report_ops.go).
	Drills   []reportDrill
	Runbooks []reportRunbook
}

const maxGapLines = 40

type reportSummary struct {
	Regions, Providers, Services, Data, Dependencies int
	Tiers                                            [3]int
	Core                                             []reportCore
	Errors, Warnings, Notices                        int
	ObjectivesMissed                                 int
	GapServices                                      int
	// ObservedCrossRegion counts the services observed calling a regional
	// endpoint in another region (MR107, with --observe): hidden
	// single-region dependencies of the running system, not of the module.
	ObservedCrossRegion int
	Countries           []string
	DownInRegionLoss    int // services down in at least one region loss
}

type reportCore struct{ Name, Why, Shape string }

type reportRegion struct {
	Name, Provider, Code, Place, Country string
	Lat, Lon                             float64
	HasGeo                               bool
	Zones                                int
	Active, Standby                      []string // service names
}

type reportService struct {
	Name, Description        string
	Tier                     int
	TierWhy                  string
	Regions                  []string
	Primary                  string
	Topology, Standby        string
	TopologyWhy              string
	WriteMode, WriteWhy      string
	Pattern, Routing         string
	Failover, FailoverWhy    string
	Guards                   string
	RPO, RTO                 objectiveCell
	Gaps                     []string
	HasGaps, Core, RTOManual bool
}

// objectiveCell is an achieved figure against its objective.
type objectiveCell struct {
	Achieved, Objective string
	// Status: "ok", "miss", or "none" when there is no objective.
	Status string
	Why    string
}

type reportData struct {
	Name, Owner, Class, ClassWhy string
	Regions                      []string
	Mechanisms                   []reportMechanism
	Conflict, ConflictWhy        string
	RPO, RPOWhy                  string
	Penalty                      string
	Notes                        []string
}

type reportMechanism struct{ Name, Why string }

type reportMatrix struct {
	Groups  []matrixGroup
	Columns []matrixColumn
	Rows    []matrixRow
	Data    []matrixRow
	// Capacity has a row per service with a capacity figure: the load on
	// the regions left against what they can carry.
	Capacity []matrixRow
	// Quiet says how many zone losses change nothing at all; they share
	// one column.
	Quiet   int
	Details []scenarioDetail
}

type matrixGroup struct {
	Label string
	Span  int
}

type matrixColumn struct {
	Domain, Target string
}

type matrixRow struct {
	Name  string
	Cells []matrixCell
}

type matrixCell struct {
	// Kind is the CSS class: serving, rerouted, failed-over, down, exposed,
	// lost (every copy of data lost), none.
	Kind   string
	Text   string
	Sub    string // a second, smaller line: the time, or what took it down
	Detail string
}

type scenarioDetail struct {
	Name  string
	Lines []scenarioLine
}

type scenarioLine struct{ Kind, Text string }

type reportFinding struct {
	Severity, Rule, RuleName, Subject, Summary, Detail, Fix, Location, DocURL string
}

type reportAssumption struct {
	Name, Value, Default, Doc, Source string
	Overridden, SourceIsURL           bool
}

func buildReport(m *lang.Module, p *planner.Plan, findings []diag.Diagnostic, meta ReportMeta) *report {
	r := &report{Title: moduleTitle(m), Version: meta.Version}
	if !meta.Generated.IsZero() {
		r.Generated = meta.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	r.buildServices(p)
	if len(r.Gaps) > maxGapLines {
		r.Gaps, r.GapsMore = r.Gaps[:maxGapLines], len(r.Gaps)-maxGapLines
	}
	r.buildRegions(m, p)
	r.buildData(p)
	r.buildResidency(p)
	r.buildMatrix(p)
	r.buildOps(p, meta.Today)
	r.buildFindings(findings)
	r.buildAssumptions(m)
	r.buildSummary(m, p, findings)
	return r
}

func moduleTitle(m *lang.Module) string {
	dir := m.Dir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Base(dir)
}

func (r *report) buildServices(p *planner.Plan) {
	for _, s := range p.Services {
		why := reasonsBy(s.Reasons)
		rs := reportService{
			Name: s.Addr.Name, Tier: s.Tier, TierWhy: firstText(why[planner.DecideTier]),
			Regions: s.Regions, Primary: s.Primary,
			Topology: s.Topology.String(), Standby: s.Standby.String(),
			TopologyWhy: firstText(why[planner.DecideTopology]),
			WriteMode:   s.WriteMode.String(), WriteWhy: firstText(why[planner.DecideWriteMode]),
			Pattern: string(s.Pattern), Routing: RoutingWord(s.Routing),
			Failover: s.Failover.String(), FailoverWhy: firstText(why[planner.DecideFailover]),
			Core: s.Tier == 0,
		}
		if s.Block != nil {
			rs.Description = flatText(s.Block.Description)
		}
		var guards []string
		for _, g := range s.Guards {
			guards = append(guards, g.String())
		}
		rs.Guards = strings.Join(guards, " + ")
		rs.RPO = objectiveCell{Achieved: units.FormatDuration(s.RPO), Status: "none", Why: firstText(why[planner.DecideRPO])}
		if s.Objective.HasRPO {
			rs.RPO.Objective = units.FormatDuration(s.Objective.RPO)
			rs.RPO.Status = okOrMiss(s.RPO <= s.Objective.RPO)
		}
		rs.RTO = objectiveCell{Achieved: "unbounded", Status: "none", Why: firstText(why[planner.DecideRTO])}
		if !s.RTO.Unbounded {
			rs.RTO.Achieved = units.FormatDuration(s.RTO.Total)
		}
		if s.Objective.HasRTO {
			rs.RTO.Objective = units.FormatDuration(s.Objective.RTO)
			rs.RTO.Status = okOrMiss(!s.RTO.Worse(s.Objective.RTO))
		}
		// One line per thing missing and path to it, with every region
		// where it is missing.
		var keys []string
		where := map[string][]string{}
		for _, g := range s.Gaps {
			line := fmt.Sprintf("%s is missing (%s)", g.Missing, pathText(g.Path))
			if g.ControlPlane != "" {
				line += "; its control plane is in " + g.ControlPlane
			}
			if _, ok := where[line]; !ok {
				keys = append(keys, line)
			}
			where[line] = append(where[line], g.Region)
		}
		for _, k := range keys {
			line := "in " + strings.Join(where[k], ", ") + ", " + k
			rs.Gaps = append(rs.Gaps, line)
			r.Gaps = append(r.Gaps, s.Addr.String()+": "+line)
		}
		rs.HasGaps = len(rs.Gaps) > 0
		r.Services = append(r.Services, rs)
	}
}

func okOrMiss(ok bool) string {
	if ok {
		return "ok"
	}
	return "miss"
}

func firstText(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

func (r *report) buildRegions(m *lang.Module, p *planner.Plan) {
	for _, reg := range m.Regions {
		rr := reportRegion{Name: reg.Name, Provider: reg.Provider, Code: reg.Code}
		if g := reg.Geo; g != nil {
			rr.Place, rr.Country, rr.Zones = flatText(g.City), flatText(g.Country), g.Zones
			rr.Lat, rr.Lon, rr.HasGeo = g.Lat, g.Lon, g.Lat != 0 || g.Lon != 0
		}
		for _, s := range p.Services {
			switch {
			case slices.Contains(s.Active, reg.Name):
				rr.Active = append(rr.Active, s.Addr.Name)
			case slices.Contains(s.Standbys, reg.Name) || s.Witness == reg.Name:
				rr.Standby = append(rr.Standby, s.Addr.Name)
			}
		}
		r.Regions = append(r.Regions, rr)
	}
}

func (r *report) buildData(p *planner.Plan) {
	for _, d := range p.Data {
		why := reasonsBy(d.Reasons)
		rd := reportData{
			Name: d.Addr.Name, Class: d.Class.String(), ClassWhy: firstText(why[planner.DecideClass]),
			Regions: d.Regions, Conflict: d.Conflict.String(), ConflictWhy: firstText(why[planner.DecideConflict]),
			RPO: "not counted", RPOWhy: firstText(why[planner.DecideRPO]),
		}
		if d.Block != nil {
			rd.Owner = d.Block.Owner.Addr.Name
		}
		if d.Counts {
			rd.RPO = units.FormatDuration(d.RPO)
		}
		if d.WritePenalty > 0 {
			rd.Penalty = units.FormatDuration(d.WritePenalty)
		}
		mechWhy := why[planner.DecideMechanisms]
		for _, mech := range d.Mechanisms {
			rm := reportMechanism{Name: mech.String()}
			for _, w := range mechWhy {
				if rest, ok := strings.CutPrefix(w, rm.Name+": "); ok {
					rm.Why = rest
					break
				}
			}
			rd.Mechanisms = append(rd.Mechanisms, rm)
		}
		for _, n := range d.Notes {
			rd.Notes = append(rd.Notes, ExplainNote(n))
		}
		r.Data = append(r.Data, rd)
	}
}

// buildMatrix lays the failure scenarios out as columns, services and data
// classes as rows. Zone losses that change nothing at all share one column.
func (r *report) buildMatrix(p *planner.Plan) {
	mx := &r.Matrix
	var cols []*planner.Scenario
	var quietZone *planner.Scenario
	var quietZones []*planner.Scenario
	for _, sc := range p.Scenarios {
		if sc.Domain == lang.DomainZone && quiet(sc) {
			mx.Quiet++
			quietZones = append(quietZones, sc)
			if quietZone == nil {
				quietZone = sc
			}
			continue
		}
		cols = append(cols, sc)
	}
	if quietZone != nil {
		cols = append([]*planner.Scenario{quietZone}, cols...)
	}
	for i, sc := range cols {
		label := sc.Domain.String()
		target := sc.Target
		if sc == quietZone {
			target = "any one"
			if mx.Quiet > 1 {
				target = fmt.Sprintf("any of %d", mx.Quiet)
			}
		}
		mx.Columns = append(mx.Columns, matrixColumn{Domain: label, Target: target})
		if n := len(mx.Groups); n > 0 && mx.Groups[n-1].Label == label && i > 0 {
			mx.Groups[n-1].Span++
		} else {
			mx.Groups = append(mx.Groups, matrixGroup{Label: label, Span: 1})
		}
	}
	// Services and each column's affected services are both sorted by
	// address: one cursor per column walks its list once.
	next := make([]int, len(cols))
	for _, s := range p.Services {
		row := matrixRow{Name: s.Addr.Name}
		for c, sc := range cols {
			cell := matrixCell{Kind: "serving", Text: "serving"}
			if k := next[c]; k < len(sc.Affected) && sc.Affected[k].Service == s.Addr {
				cell = outcomeCell(sc, sc.Affected[k])
				next[c]++
			}
			row.Cells = append(row.Cells, cell)
		}
		mx.Rows = append(mx.Rows, row)
	}
	for _, d := range p.Data {
		row := matrixRow{Name: d.Addr.Name}
		for _, sc := range cols {
			cell := matrixCell{Kind: "none", Text: "—"}
			for _, e := range sc.Exposed {
				if e.Data != d.Addr {
					continue
				}
				cell = matrixCell{Kind: "exposed", Text: "exposed", Sub: "≤ " + units.FormatDuration(e.RPO), Detail: "can lose up to " + units.FormatDuration(e.RPO) + " of writes"}
				if e.Bound > e.RPO {
					cell.Sub = "≈ " + units.FormatDuration(e.RPO) + ", ≤ " + units.FormatDuration(e.Bound)
					cell.Detail = "loses about " + units.FormatDuration(e.RPO) + " of writes, up to " + units.FormatDuration(e.Bound) + " (the documented bound)"
				}
				if e.AllCopiesLost {
					cell = matrixCell{Kind: "lost", Text: "all copies", Sub: "backups, " + units.FormatDuration(e.RPO), Detail: "every copy lost; backups hold all but the last " + units.FormatDuration(e.RPO)}
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		mx.Data = append(mx.Data, row)
	}
	for _, s := range p.Services {
		if s.Capacity == nil {
			continue
		}
		row := matrixRow{Name: s.Addr.Name}
		for _, sc := range cols {
			// The quiet zones share a column: it shows the fullest of them.
			scs := []*planner.Scenario{sc}
			if sc == quietZone {
				scs = quietZones
			}
			cell := matrixCell{Kind: "none", Text: "—"}
			worst := -1.0
			for _, z := range scs {
				for _, c := range z.Capacity {
					if c.Service != s.Addr {
						continue
					}
					used := math.Inf(1)
					if c.Available > 0 {
						used = c.Needed / c.Available
					}
					if used > worst {
						worst = used
						cell = capacityCell(c)
					}
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		mx.Capacity = append(mx.Capacity, row)
	}
	for _, sc := range cols {
		if sc == quietZone {
			continue
		}
		det := scenarioDetail{Name: sc.Name()}
		for _, o := range sc.Affected {
			switch o.Outcome {
			case planner.OutcomeDown:
				det.Lines = append(det.Lines, scenarioLine{"down", fmt.Sprintf("%s is down: %s", o.Service.Name, downCause(sc, o.Service))})
			case planner.OutcomeFailedOver:
				det.Lines = append(det.Lines, scenarioLine{"failed-over", fmt.Sprintf("%s fails over to %s in %s", o.Service.Name, firstOf(o.Regions), units.FormatDuration(o.RTO))})
			}
		}
		for _, e := range sc.Exposed {
			if e.AllCopiesLost {
				det.Lines = append(det.Lines, scenarioLine{"lost", fmt.Sprintf("%s loses every copy; backups hold all but the last %s", e.Data.Name, units.FormatDuration(e.RPO))})
			}
		}
		for _, c := range sc.Capacity {
			if c.Short() {
				det.Lines = append(det.Lines, scenarioLine{"down", fmt.Sprintf("%s is short of capacity: needs %s rps, the regions left carry %s (%s)",
					c.Service.Name, planner.RPS(c.Needed), planner.RPS(c.Available), RegionLoads(c))})
			}
		}
		if len(det.Lines) > 0 {
			mx.Details = append(mx.Details, det)
		}
	}
}

func quiet(sc *planner.Scenario) bool {
	if len(sc.Exposed) > 0 {
		return false
	}
	for _, c := range sc.Capacity {
		if c.Short() {
			return false
		}
	}
	return len(sc.Affected) == 0
}

// capacityCell shows how full the regions left are: "75%", or "short"
// with the missing requests per second.
func capacityCell(c planner.CapacityUse) matrixCell {
	detail := planner.RPS(c.Needed) + " rps on " + planner.RPS(c.Available) + ": " + RegionLoads(c)
	if c.Short() {
		missing := c.Needed - c.Available
		sub := "over in a region"
		if missing > 0 {
			sub = "−" + planner.RPS(missing) + " rps"
		}
		return matrixCell{Kind: "down", Text: "short", Sub: sub, Detail: detail}
	}
	pct := 100.0
	if c.Available > 0 {
		pct = c.Needed / c.Available * 100
	}
	return matrixCell{Kind: "serving", Text: strconv.Itoa(int(pct+0.5)) + "% used", Sub: planner.RPS(c.Headroom()) + " rps free", Detail: detail}
}

func outcomeCell(sc *planner.Scenario, o planner.ServiceOutcome) matrixCell {
	switch o.Outcome {
	case planner.OutcomeServing:
		return matrixCell{Kind: "serving", Text: "serving"}
	case planner.OutcomeRerouted:
		return matrixCell{Kind: "rerouted", Text: "rerouted", Sub: units.FormatDuration(o.RTO),
			Detail: "rerouted to " + strings.Join(o.Regions, ", ") + " in " + units.FormatDuration(o.RTO)}
	case planner.OutcomeFailedOver:
		return matrixCell{Kind: "failed-over", Text: "fails over", Sub: units.FormatDuration(o.RTO),
			Detail: "fails over to " + firstOf(o.Regions) + " in " + units.FormatDuration(o.RTO)}
	case planner.OutcomeDegraded:
		var by []string
		for _, a := range o.DegradedBy {
			by = append(by, a.String())
		}
		return matrixCell{Kind: "rerouted", Text: "degraded", Sub: "soft calls lost",
			Detail: "serving without " + strings.Join(by, ", ") + " (soft calls: fallback or scoped callers)"}
	}
	cell := matrixCell{Kind: "down", Text: "down", Sub: "regions lost", Detail: downCause(sc, o.Service)}
	if o.Depth > 1 {
		cell.Sub = o.Root.Name
	}
	return cell
}

func (r *report) buildFindings(ds []diag.Diagnostic) {
	for _, d := range ds {
		f := reportFinding{Severity: d.Severity.String(), Rule: d.Rule, RuleName: d.RuleName,
			Subject: d.Subject, Summary: d.Summary, Detail: d.Detail, Fix: d.Fix}
		if d.Range != nil && d.Range.Filename != "" {
			f.Location = fmt.Sprintf("%s:%d", filepath.Base(d.Range.Filename), d.Range.Start.Line)
		}
		if d.Rule != "" && checks.Doc(d.Rule) != "" {
			f.DocURL = checks.DocURL + d.Rule + ".md"
		}
		r.Findings = append(r.Findings, f)
	}
}

func (r *report) buildAssumptions(m *lang.Module) {
	defaults := lang.DefaultAssumptions()
	for _, def := range lang.AssumptionDefs {
		a := reportAssumption{Name: def.Name, Value: def.Format(&m.Settings.Assumptions),
			Default: def.Format(&defaults), Doc: def.Doc, Source: def.Source}
		_, a.Overridden = m.Settings.Attrs["assumptions."+def.Name]
		a.SourceIsURL = strings.HasPrefix(def.Source, "https://")
		r.Assumptions = append(r.Assumptions, a)
	}
}

func (r *report) buildSummary(m *lang.Module, p *planner.Plan, ds []diag.Diagnostic) {
	sm := &r.Summary
	sm.Regions, sm.Services, sm.Data, sm.Dependencies = len(m.Regions), len(p.Services), len(p.Data), len(m.Dependencies)
	providers := map[string]bool{}
	countries := map[string]bool{}
	for _, reg := range m.Regions {
		providers[reg.Provider] = true
		if reg.Geo != nil && reg.Geo.Country != "" {
			countries[reg.Geo.Country] = true
		}
	}
	sm.Providers = len(providers)
	for c := range countries {
		sm.Countries = append(sm.Countries, c)
	}
	sort.Strings(sm.Countries)
	for _, s := range r.Services {
		if s.Tier >= 0 && s.Tier < 3 {
			sm.Tiers[s.Tier]++
		}
		if s.Core {
			shape := s.Topology + " in " + strings.Join(s.Regions, ", ")
			if len(s.Regions) == 1 {
				shape = "only in " + s.Regions[0]
			}
			sm.Core = append(sm.Core, reportCore{s.Name, s.TierWhy, shape + "; RTO " + s.RTO.Achieved})
		}
		if s.RPO.Status == "miss" || s.RTO.Status == "miss" {
			sm.ObjectivesMissed++
		}
		if s.HasGaps {
			sm.GapServices++
		}
	}
	sm.Errors, sm.Warnings, sm.Notices = diag.Count(ds)
	crossRegion := map[string]bool{}
	for _, d := range ds {
		if d.Rule == "MR107" && d.Subject != "" {
			crossRegion[d.Subject] = true
		}
	}
	sm.ObservedCrossRegion = len(crossRegion)
	down := map[lang.Address]bool{}
	for _, sc := range p.Scenarios {
		if sc.Domain != lang.DomainRegion {
			continue
		}
		for _, o := range sc.Affected {
			if o.Outcome == planner.OutcomeDown {
				down[o.Service] = true
			}
		}
	}
	sm.DownInRegionLoss = len(down)
}
