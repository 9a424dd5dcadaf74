package views

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// PlanText renders a plan for people, in Terraform's style. Without a
// baseline: one block per service and data class with "+" attributes and
// the reason under each decision, the failure scenarios as a table with
// what each one breaks, the findings, and a summary line. With one: only
// what changes ("+" create, "~" update with "old -> new", "-" remove), the
// reason under each changed decision, new findings marked "!", resolved
// ones, and the summary line.
type PlanText struct {
	// Files holds the module's source for finding snippets.
	Files map[string][]byte
	Color bool
	// Diff is the plan compared with its baseline; nil is no baseline.
	Diff *PlanDiff
}

type attr struct {
	name, value string
	reasons     []string
}

// Write renders p and its findings (sorted by the caller).
func (v PlanText) Write(w io.Writer, p *planner.Plan, findings []diag.Diagnostic) error {
	d := v.Diff
	if d == nil {
		d = CreatedSummary(p, findings)
	}
	if d.Baseline != "" {
		return v.writeDiff(w, p, d)
	}
	bw := bufio.NewWriter(w)
	if len(p.Changes) == 0 {
		fmt.Fprintf(bw, "%s The module declares no service and no data class.\n\n", v.bold("No changes."))
	} else {
		fmt.Fprintf(bw, "mrplan will create the following architecture. Entries are marked:\n")
		fmt.Fprintf(bw, "  %s create\n\n", v.green("+"))
	}
	for _, s := range p.Services {
		v.block(bw, s.Addr.String(), "service", s.Addr.Label(), serviceAttrs(s), serviceFooter(s))
	}
	for _, d := range p.Data {
		v.block(bw, d.Addr.String(), "data", d.Addr.Label(), dataAttrs(d), notesLines(d.Notes))
	}
	v.scenarios(bw, p)
	if len(findings) > 0 {
		bw.Flush()
		DiagnosticsText{Files: v.Files, Module: p.Module, Color: v.Color}.Write(w, findings)
	}
	v.summary(bw, d)
	return bw.Flush()
}

// WriteSaved renders a saved plan: what it changes against its baseline
// (everything, when it had none), its new and resolved findings, and the
// summary line.
func (v PlanText) WriteSaved(w io.Writer, sp *SavedPlan) error {
	return v.writeDiff(w, nil, sp.Diff)
}

func (v PlanText) summary(w *bufio.Writer, d *PlanDiff) {
	if line := d.CostLine(); line != "" {
		fmt.Fprintf(w, "%s%s\n", v.bold("Cost:"), strings.TrimPrefix(line, "Cost:"))
	}
	fmt.Fprintf(w, "%s%s\n", v.bold("Plan:"), strings.TrimPrefix(d.SummaryLine(), "Plan:"))
	if d.Errors+d.Warnings+d.Notices > 0 {
		fmt.Fprintf(w, "Findings: %d error(s), %d warning(s), %d notice(s).\n", d.Errors, d.Warnings, d.Notices)
	}
}

// writeDiff renders what changes against the baseline, as terraform plan
// does against its state.
//
// p gives a created entry its full block; without it (a saved plan) a
// created entry lists its attributes from the JSON.
func (v PlanText) writeDiff(w io.Writer, p *planner.Plan, d *PlanDiff) error {
	bw := bufio.NewWriter(w)
	if d.Baseline != "" && !d.HasChanges() {
		fmt.Fprintf(bw, "%s The architecture matches %s.\n", v.bold("No changes."), d.Baseline)
		if d.Source != "" {
			fmt.Fprintf(bw, "(Compared with %s.)\n", d.Source)
		}
		if d.Errors+d.Warnings+d.Notices > 0 {
			fmt.Fprintf(bw, "Findings: %d error(s), %d warning(s), %d notice(s), all known to the baseline.\n", d.Errors, d.Warnings, d.Notices)
		}
		return bw.Flush()
	}
	if d.Baseline == "" {
		fmt.Fprintf(bw, "mrplan will create the following architecture (no baseline: everything is new). Entries are marked:\n")
	} else {
		fmt.Fprintf(bw, "mrplan compared this plan with %s (%s). Entries are marked:\n", d.Baseline, d.Source)
	}
	for _, m := range []struct {
		n          int
		mark, word string
	}{{d.Create, v.green("+"), "create"}, {d.Update, v.yellow("~"), "update in place"}, {d.Delete, v.red("-"), "remove"}, {d.Move, ">", "move"}, {len(d.New), v.red("!"), "new finding"}} {
		if m.n > 0 {
			fmt.Fprintf(bw, "  %s %s\n", m.mark, m.word)
		}
	}
	fmt.Fprintln(bw)
	services := map[string]*planner.Service{}
	data := map[string]*planner.Data{}
	if p != nil {
		for _, s := range p.Services {
			services[s.Addr.String()] = s
		}
		for _, x := range p.Data {
			data[x.Addr.String()] = x
		}
	}
	for _, e := range d.Entries {
		switch e.Action {
		case planner.ActionCreate:
			if s := services[e.Address]; s != nil {
				v.block(bw, e.Address, "service", e.Name, serviceAttrs(s), serviceFooter(s))
			} else if x := data[e.Address]; x != nil {
				v.block(bw, e.Address, "data", e.Name, dataAttrs(x), notesLines(x.Notes))
			} else {
				v.changeBlock(bw, e)
			}
		case planner.ActionUpdate, planner.ActionDelete:
			v.changeBlock(bw, e)
		case planner.ActionNoOp:
			if e.MovedFrom != "" {
				fmt.Fprintf(bw, "  %s\n", v.bold("# "+e.MovedFrom+" has moved to "+e.Address))
				fmt.Fprintf(bw, "    %s %q {\n", e.Kind, e.Name)
				fmt.Fprintf(bw, "        %s\n    }\n\n", v.dim("# (no attribute changes)"))
			}
		}
	}
	v.fates(bw, d.Scenarios)
	if len(d.New) > 0 {
		fmt.Fprintf(bw, "%s\n", v.bold("New findings:"))
		for _, f := range d.NewFindings {
			fmt.Fprintf(bw, "  %s %s\n", v.red("!"), findingLine(f.Severity, f.Rule, f.Subject, f.Summary))
		}
		fmt.Fprintln(bw)
	}
	if len(d.Resolved) > 0 {
		fmt.Fprintf(bw, "%s\n", v.bold("Resolved findings:"))
		for _, f := range d.Resolved {
			fmt.Fprintf(bw, "  resolved: %s\n", findingLine(f.Severity, f.Rule, f.Subject, f.Summary))
		}
		fmt.Fprintln(bw)
	}
	v.summary(bw, d)
	return bw.Flush()
}

// fates lists, per failure scenario, the services whose outcome changed:
// "-" now down, "+" no longer down, "~" otherwise.
func (v PlanText) fates(w *bufio.Writer, cs []ScenarioChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintf(w, "%s\n", v.bold("Failure scenarios that play out differently:"))
	for i, c := range cs {
		if i == 0 || cs[i-1].Scenario != c.Scenario {
			fmt.Fprintf(w, "  %s:\n", c.Scenario)
		}
		mark := v.yellow("~")
		switch {
		case c.After == "down":
			mark = v.red("-")
		case c.Before == "down":
			mark = v.green("+")
		}
		fmt.Fprintf(w, "    %s %s: %s -> %s\n", mark, c.Address, c.Before, c.After)
	}
	fmt.Fprintln(w)
}

// findingLine is a finding on one line: "warning MR101 service.a: summary".
func findingLine(severity, rule, subject, summary string) string {
	s := severity
	if rule != "" {
		s += " " + rule
	}
	if subject != "" {
		s += " " + subject
	}
	return s + ": " + summary
}

// changeBlock renders an update ("~ attr = old -> new", the rest counted)
// or a removal ("- attr = old -> null").
func (v PlanText) changeBlock(w *bufio.Writer, e DiffEntry) {
	mark, verb := v.yellow("~"), "will be updated in place"
	switch e.Action {
	case planner.ActionDelete:
		mark, verb = v.red("-"), "will be removed"
	case planner.ActionCreate:
		mark, verb = v.green("+"), "will be created"
	}
	if e.MovedFrom != "" {
		verb += " (moved from " + e.MovedFrom + ")"
	}
	fmt.Fprintf(w, "  %s\n", v.bold("# "+e.Address+" "+verb))
	fmt.Fprintf(w, "  %s %s %q {\n", mark, e.Kind, e.Name)
	width := 0
	for _, a := range e.Attrs {
		width = max(width, len(a.Name))
	}
	for _, a := range e.Attrs {
		switch {
		case a.Before == "":
			fmt.Fprintf(w, "      %s %-*s = %s\n", v.green("+"), width, a.Name, a.After)
		case a.After == "":
			fmt.Fprintf(w, "      %s %-*s = %s -> null\n", v.red("-"), width, a.Name, a.Before)
		default:
			fmt.Fprintf(w, "      %s %-*s = %s -> %s\n", v.yellow("~"), width, a.Name, a.Before, a.After)
		}
		if a.Reason != "" {
			fmt.Fprintf(w, "          %s\n", v.dim("# "+a.Reason))
		}
	}
	switch e.Hidden {
	case 0:
	case 1:
		fmt.Fprintf(w, "        %s\n", v.dim("(1 unchanged attribute hidden)"))
	default:
		fmt.Fprintf(w, "        %s\n", v.dim(fmt.Sprintf("(%d unchanged attributes hidden)", e.Hidden)))
	}
	fmt.Fprintf(w, "    }\n\n")
}

func (v PlanText) block(w *bufio.Writer, addr, kind, name string, attrs []attr, footer []string) {
	fmt.Fprintf(w, "  %s\n", v.bold("# "+addr+" will be created"))
	fmt.Fprintf(w, "  %s %s %q {\n", v.green("+"), kind, name)
	width := 0
	for _, a := range attrs {
		if len(a.name) > width {
			width = len(a.name)
		}
	}
	for _, a := range attrs {
		fmt.Fprintf(w, "      %s %-*s = %s\n", v.green("+"), width, a.name, a.value)
		for _, r := range a.reasons {
			fmt.Fprintf(w, "          %s\n", v.dim("# "+r))
		}
	}
	for _, f := range footer {
		fmt.Fprintf(w, "      %s\n", f)
	}
	fmt.Fprintf(w, "    }\n\n")
}

func serviceAttrs(s *planner.Service) []attr {
	why := reasonsBy(s.Reasons)
	rpo := quote(units.FormatDuration(s.RPO))
	if s.Objective.HasRPO {
		rpo += "  (objective " + units.FormatDuration(s.Objective.RPO) + ")"
	}
	rto := "unbounded"
	if !s.RTO.Unbounded {
		rto = quote(units.FormatDuration(s.RTO.Total))
	}
	if s.Objective.HasRTO {
		rto += "  (objective " + units.FormatDuration(s.Objective.RTO) + ")"
	}
	attrs := []attr{
		{"tier", strconv.Itoa(s.Tier), why[planner.DecideTier]},
		{"topology", quote(s.Topology.String()), why[planner.DecideTopology]},
		{"standby", quote(s.Standby.String()), why[planner.DecideStandby]},
		{"regions", quoteList(s.Regions), nil},
		{"primary", quote(s.Primary), nil},
	}
	if len(s.Standbys) > 0 {
		attrs = append(attrs, attr{"standby_regions", quoteList(s.Standbys), nil})
	}
	if s.Witness != "" {
		attrs = append(attrs, attr{"witness", quote(s.Witness), nil})
	}
	attrs = append(attrs,
		attr{"pattern", quote(string(s.Pattern)), why[planner.DecidePattern]},
		attr{"write_mode", quote(s.WriteMode.String()), why[planner.DecideWriteMode]},
		attr{"routing", quote(RoutingWord(s.Routing)), why[planner.DecideRouting]},
		attr{"failover", quote(s.Failover.String()), why[planner.DecideFailover]},
		attr{"split_brain_guard", guardList(s.Guards), why[planner.DecideGuard]},
		attr{"rpo", rpo, why[planner.DecideRPO]},
		attr{"rto", rto, why[planner.DecideRTO]},
		attr{"availability", availabilityText(s), why[planner.DecideAvailability]},
	)
	attrs = append(attrs, attr{"cost", strconv.FormatFloat(s.Cost.Relative, 'f', 1, 64), reasonsBy(s.Cost.Reasons)[planner.DecideCost]})
	var capWhy []string
	if len(s.CapacityMissing) > 0 {
		capWhy = []string{"no capacity is given for " + strings.Join(s.CapacityMissing, ", ") + ": failures that leave the service there are not judged"}
	}
	if c := s.Capacity; c != nil {
		attrs = append(attrs, attr{"capacity", fmt.Sprintf("%s rps on %s (%s)", planner.RPS(c.Needed), planner.RPS(c.Available), RegionLoads(*c)), capWhy})
	} else if len(capWhy) > 0 {
		attrs = append(attrs, attr{"capacity", "unknown", capWhy})
	}
	return attrs
}

// availabilityText is the composed availability with the objective's
// target beside it, as rpo and rto show theirs.
func availabilityText(s *planner.Service) string {
	out := quote(availabilityWord(s.Availability))
	if t := s.Objective.Availability; t != nil {
		out += "  (objective " + availabilityWord(*t) + ")"
	}
	return out
}

func availabilityWord(v float64) string {
	return strconv.FormatFloat(math.Floor(v*1e4)/1e4, 'f', -1, 64) + "%"
}

func serviceFooter(s *planner.Service) []string {
	var out []string
	for _, g := range s.Gaps {
		line := fmt.Sprintf("# gap: in %s, %s is not available: %s", g.Region, g.Missing, elidedPathText(g.Path, g.Elided))
		if g.ControlPlane != "" {
			line += " (its control plane is in " + g.ControlPlane + ")"
		}
		out = append(out, line)
	}
	return append(out, notesLines(s.Notes)...)
}

func notesLines(ns []planner.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, "# note: "+ExplainNote(n))
	}
	return out
}

func dataAttrs(d *planner.Data) []attr {
	why := reasonsBy(d.Reasons)
	lt := "unknown"
	if d.LossKnown {
		lt = quote(units.FormatDuration(d.LossTolerance))
	}
	rpo := "not counted"
	if d.Counts {
		rpo = quote(units.FormatDuration(d.RPO))
	}
	mechs := make([]string, len(d.Mechanisms))
	for i, m := range d.Mechanisms {
		mechs[i] = m.String()
	}
	attrs := []attr{
		{"class", quote(d.Class.String()), why[planner.DecideClass]},
		{"loss_tolerance", lt, why[planner.DecideLossTolerance]},
		{"regions", quoteList(d.Regions), nil},
		{"mechanisms", quoteList(mechs), why[planner.DecideMechanisms]},
		{"replication", quote(d.Replication.String()), nil},
		{"conflict", quote(d.Conflict.String()), why[planner.DecideConflict]},
		{"write_mode", quote(d.WriteMode.String()), nil},
		{"rpo", rpo, why[planner.DecideRPO]},
	}
	if d.Counts && d.RPOBound > d.RPO {
		attrs = append(attrs, attr{"rpo_bound", quote(units.FormatDuration(d.RPOBound)), nil})
	}
	if d.Lag > 0 {
		attrs = append(attrs, attr{"lag", quote(units.FormatDuration(d.Lag)), nil})
	}
	if d.LagBound > 0 {
		attrs = append(attrs, attr{"lag_bound", quote(units.FormatDuration(d.LagBound)), nil})
	}
	attrs = append(attrs, attr{"write_penalty", quote(units.FormatDuration(d.WritePenalty)), why[planner.DecideWritePenalty]})
	if len(d.Block.Residency) > 0 {
		attrs = append(attrs, attr{"residency", quoteList(ResidencyNames(d)), nil})
	}
	if len(d.Copies) > 0 {
		copies := make([]string, len(d.Copies))
		for i, c := range d.Copies {
			copies[i] = CopyText(c)
		}
		var rs []string
		for _, r := range why[planner.DecideBackupRegion] {
			rs = append(rs, "backups in "+d.BackupRegion+": "+r)
		}
		attrs = append(attrs, attr{"copies", quoteList(copies), append(rs, why[planner.DecideCopies]...)})
	}
	return attrs
}

// ResidencyNames lists a data class's residency as written, duplicates
// dropped.
func ResidencyNames(d *planner.Data) []string {
	out := make([]string, 0, len(d.Block.Residency))
	for _, j := range d.Block.Residency {
		if j.Jurisdiction != nil {
			out = append(out, j.Jurisdiction.Name)
		}
	}
	return out
}

// CopyText is one copy on a line: "eu-central-1 replica (failover target)",
// with "outside residency" when it breaks it.
func CopyText(c planner.Copy) string {
	s := c.Region + " " + c.Kind.String()
	var tags []string
	if c.FailoverTarget {
		tags = append(tags, "failover target")
	}
	if !c.Allowed {
		tags = append(tags, "outside residency")
	}
	if len(tags) > 0 {
		s += " (" + strings.Join(tags, ", ") + ")"
	}
	return s
}

// CapacityLine words one service's load on its serving regions in a
// scenario: "! service.checkout is short of capacity: …" or "= service.api
// carries 3000 rps on 4000 (1000 rps headroom): …".
func CapacityLine(c planner.CapacityUse) string {
	if c.Short() {
		return fmt.Sprintf("! %s is short of capacity: needs %s rps, the regions left carry %s (%s)",
			c.Service, planner.RPS(c.Needed), planner.RPS(c.Available), RegionLoads(c))
	}
	return fmt.Sprintf("= %s carries %s rps on %s (%s rps headroom): %s",
		c.Service, planner.RPS(c.Needed), planner.RPS(c.Available), planner.RPS(c.Headroom()), RegionLoads(c))
}

// RegionLoads lists each serving region's load over its capacity:
// "us-east-1 1500/2000, us-west-2 1500/2000".
func RegionLoads(c planner.CapacityUse) string {
	parts := make([]string, len(c.Regions))
	for i, r := range c.Regions {
		parts[i] = r.Region + " " + planner.RPS(r.Load) + "/" + planner.RPS(r.Capacity)
	}
	return strings.Join(parts, ", ")
}

func (v PlanText) scenarios(w *bufio.Writer, p *planner.Plan) {
	if len(p.Scenarios) == 0 {
		return
	}
	fmt.Fprintf(w, "%s\n\n", v.bold("Failure scenarios:"))
	header := []string{"scenario", "serving", "degraded", "rerouted", "failed over", "down", "data exposed"}
	rows := [][]string{header}
	scs := p.Scenarios
	for i := 0; i < len(scs); i++ {
		sc := scs[i]
		name := sc.Name()
		// The zones of a region whose loss takes no region down play out
		// alike: one row says so for all of them.
		if sc.Domain == lang.DomainZone && len(sc.Lost) == 0 {
			j := i
			for j+1 < len(scs) && scs[j+1].Domain == lang.DomainZone && len(scs[j+1].Lost) == 0 && scs[j+1].Region == sc.Region {
				j++
			}
			if j > i {
				name = fmt.Sprintf("zone %s … %s lost (each)", sc.Target, strings.TrimPrefix(scs[j].Target, sc.Region+"-"))
				i = j
			}
		}
		var n [planner.OutcomeDegraded + 1]int
		for _, o := range sc.Affected {
			n[o.Outcome]++
		}
		n[planner.OutcomeServing] = len(p.Services) - len(sc.Affected)
		rows = append(rows, []string{name, strconv.Itoa(n[planner.OutcomeServing]), strconv.Itoa(n[planner.OutcomeDegraded]), strconv.Itoa(n[planner.OutcomeRerouted]),
			strconv.Itoa(n[planner.OutcomeFailedOver]), strconv.Itoa(n[planner.OutcomeDown]), strconv.Itoa(len(sc.Exposed))})
	}
	widths := make([]int, len(header))
	for _, r := range rows {
		for i, c := range r {
			if l := len([]rune(c)); l > widths[i] {
				widths[i] = l
			}
		}
	}
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := widths[i] - len([]rune(c))
			if i == 0 {
				b.WriteString(c + strings.Repeat(" ", pad))
			} else {
				b.WriteString("  " + strings.Repeat(" ", pad) + c)
			}
		}
		line := "  " + b.String()
		if ri == 0 {
			line = v.bold(line)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintln(w)
	var path []planner.Step // writeDownLine's
	for i, sc := range p.Scenarios {
		title := sc.Name()
		// The zones of a region whose loss takes no region down play out
		// alike, as in the table: the first says it for all of them.
		if sc.Domain == lang.DomainZone && len(sc.Lost) == 0 {
			if i > 0 && scs[i-1].Domain == lang.DomainZone && len(scs[i-1].Lost) == 0 && scs[i-1].Region == sc.Region {
				continue
			}
			j := i
			for j+1 < len(scs) && scs[j+1].Domain == lang.DomainZone && len(scs[j+1].Lost) == 0 && scs[j+1].Region == sc.Region {
				j++
			}
			if j > i {
				title = fmt.Sprintf("zone %s … %s lost (each)", sc.Target, strings.TrimPrefix(scs[j].Target, sc.Region+"-"))
			}
		}
		// Each line is written as it is made, the title before the first:
		// a region's loss can take down thousands of services.
		started := false
		begin := func() {
			if !started {
				fmt.Fprintf(w, "  %s:\n", title)
				started = true
			}
		}
		emit := func(l string) {
			begin()
			w.WriteString("    ")
			w.WriteString(l)
			w.WriteByte('\n')
		}
		for _, o := range sc.Affected {
			switch o.Outcome {
			case planner.OutcomeRerouted:
				emit(fmt.Sprintf("~ %s is rerouted to %s in %s", o.Service, strings.Join(o.Regions, ", "), units.FormatDuration(o.RTO)))
			case planner.OutcomeFailedOver:
				line := fmt.Sprintf("~ %s fails over to %s in %s", o.Service, firstOf(o.Regions), units.FormatDuration(o.RTO))
				if sc.Domain == lang.DomainZone && len(sc.Lost) == 0 {
					line = fmt.Sprintf("~ %s fails over to another zone of %s in %s", o.Service, firstOf(o.Regions), units.FormatDuration(o.RTO))
				} else if len(o.Regions) > 1 {
					line += " (" + strings.Join(o.Regions[1:], ", ") + " serving on)"
				}
				emit(line)
			case planner.OutcomeDown:
				begin()
				writeDownLine(w, sc, o.Service, &path)
			case planner.OutcomeDegraded:
				emit(fmt.Sprintf("≈ %s is degraded: %s", o.Service, degradedCause(p, o)))
			}
			if o.Outcome != planner.OutcomeDegraded && len(o.DegradedBy) > 0 {
				emit(fmt.Sprintf("≈ %s is also degraded: %s", o.Service, degradedCause(p, o)))
			}
		}
		if sc.UsersKnown && len(sc.Audiences) > 0 {
			var names []string
			for _, a := range sc.Audiences {
				names = append(names, a.String())
			}
			emit(fmt.Sprintf("@ %s of users affected (%s)", percent(sc.UsersAffected), strings.Join(names, ", ")))
		}
		for _, e := range sc.Exposed {
			if e.AllCopiesLost {
				emit(fmt.Sprintf("! %s loses every copy; backups hold all but the last %s", e.Data, units.FormatDuration(e.RPO)))
			} else if e.RPO == 0 {
				emit(fmt.Sprintf("! %s loses no acknowledged write", e.Data))
			} else if e.Bound > e.RPO {
				emit(fmt.Sprintf("! %s loses about %s of writes, up to %s (the documented bound)", e.Data, units.FormatDuration(e.RPO), units.FormatDuration(e.Bound)))
			} else {
				emit(fmt.Sprintf("! %s can lose up to %s of writes", e.Data, units.FormatDuration(e.RPO)))
			}
		}
		for _, c := range sc.Capacity {
			emit(CapacityLine(c))
		}
		if started {
			fmt.Fprintln(w)
		}
	}
}

// degradedCause says what a degraded service lost and what it does instead:
// each soft call's fallback, or the callers its scope limits the loss to.
func degradedCause(p *planner.Plan, o planner.ServiceOutcome) string {
	var parts []string
	s := p.Service(o.Service.Name)
	for _, t := range o.DegradedBy {
		part := t.String() + " is lost"
		var c *lang.Call
		if s != nil {
			c = s.Block.Call(t)
		}
		var dep *lang.Dependency
		if t.Kind == lang.KindDependency {
			dep = p.Module.Dependency(t.Name)
		}
		switch {
		case c != nil && c.Scoped():
			var who []string
			for _, a := range c.Audiences {
				who = append(who, a.Addr.String())
			}
			if c.Partition != "" {
				who = append(who, "partition "+strconv.Quote(c.Partition))
			}
			part += ", called only for " + strings.Join(who, " and ")
			if share := audienceShare(p.Module, c.Audiences); share > 0 {
				part += fmt.Sprintf(" (%s of users)", percent(share))
			}
			if c.Fallback != "" {
				part += "; they get: " + c.Fallback
			}
		case c != nil && c.Fallback != "":
			part += "; fallback: " + c.Fallback
		case dep != nil && dep.Fallback != "":
			part += "; fallback: " + dep.Fallback
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// audienceShare sums the shares of the audiences named.
func audienceShare(m *lang.Module, refs []lang.Ref) float64 {
	total := 0.0
	for _, r := range refs {
		for _, a := range m.Audiences {
			if a.Name == r.Addr.Name {
				total += a.Share
			}
		}
	}
	return total
}

func percent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}

// downCause says why a service is down in sc: its regions lost, or the
// path to what is.
func downCause(sc *planner.Scenario, addr lang.Address) string {
	steps, elided := sc.CausePath(addr)
	if len(steps) <= 1 {
		return "all its regions are lost"
	}
	return "needs " + steps[len(steps)-1].Addr.String() + ", which is lost (" + elidedPathText(steps, elided) + ")"
}

// writeDownLine writes the scenario line of a down service, "- A is down: "
// and downCause's words, straight into w: a region's loss can take down
// thousands of services, each with a cause path of up to 17 addresses.
// buf is the caller's, reused for the path from one line to the next.
func writeDownLine(w *bufio.Writer, sc *planner.Scenario, addr lang.Address, buf *[]planner.Step) {
	w.WriteString("    - ")
	writeAddr(w, addr)
	w.WriteString(" is down: ")
	steps, elided := sc.AppendCausePath((*buf)[:0], addr)
	*buf = steps
	if len(steps) <= 1 {
		w.WriteString("all its regions are lost\n")
		return
	}
	w.WriteString("needs ")
	writeAddr(w, steps[len(steps)-1].Addr)
	w.WriteString(", which is lost (")
	for i, st := range steps {
		if i > 0 {
			w.WriteString(" → ")
		}
		if i == 8 && elided > 0 { // as elidedPathText marks it
			w.WriteString("… ")
			w.WriteString(strconv.Itoa(elided))
			w.WriteString(" more … → ")
		}
		writeAddr(w, st.Addr)
	}
	w.WriteString(")\n")
}

// writeAddr writes a.String() without building it.
func writeAddr(w *bufio.Writer, a lang.Address) {
	if strings.HasPrefix(a.Name, "module.") { // module.cell.service.db
		w.WriteString(a.String())
		return
	}
	w.WriteString(a.Kind.String())
	w.WriteByte('.')
	w.WriteString(a.Name)
}

func reasonsBy(rs []planner.Reason) map[planner.Decision][]string {
	m := map[planner.Decision][]string{}
	for _, r := range rs {
		m[r.Decision] = append(m[r.Decision], ExplainReason(r))
	}
	return m
}

func guardList(gs []planner.Guard) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.String()
	}
	return quoteList(names)
}

func quote(s string) string { return strconv.Quote(s) }

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strconv.Quote(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func firstOf(xs []string) string {
	if len(xs) == 0 {
		return "nowhere"
	}
	return xs[0]
}

func (v PlanText) paint(code, s string) string {
	if !v.Color {
		return s
	}
	return code + s + ansiReset
}

func (v PlanText) bold(s string) string   { return v.paint(ansiBold, s) }
func (v PlanText) green(s string) string  { return v.paint("\x1b[32m", s) }
func (v PlanText) dim(s string) string    { return v.paint("\x1b[2m", s) }
func (v PlanText) yellow(s string) string { return v.paint("\x1b[33m", s) }
func (v PlanText) red(s string) string    { return v.paint("\x1b[31m", s) }
