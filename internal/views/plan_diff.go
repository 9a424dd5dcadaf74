package views

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// PlanDiff is a plan compared with a baseline: the accepted state, or a
// plan saved from the base branch. Both sides are compared in the plan
// JSON's shape (SPEC §7.1), since a baseline only exists as that JSON: an
// entry's attributes are its JSON fields, nested objects flattened to
// "objective.rto", its reasons and notes left out (they explain, they are
// not decisions).
type PlanDiff struct {
	// Baseline names what the plan was compared with, for people ("the
	// accepted state mrplan.state.json (serial 3)"); empty when there was
	// none and everything is new.
	Baseline string
	// Source says where the baseline came from ("mrplan.state.json, serial
	// 3"); empty when there was none.
	Source string
	// Entries holds every service and data class of either side, sorted by
	// address, no-ops included.
	Entries []DiffEntry
	// New are the findings (indexes into the plan's findings) the baseline
	// did not have; Resolved are the baseline's findings the plan no longer has.
	New      []int
	Resolved []DiffFinding
	// NewFindings are the new findings themselves, in New's order.
	NewFindings []DiffFinding
	// Errors, Warnings and Notices count all the plan's findings.
	Errors, Warnings, Notices int
	// Scenarios are the services whose fate in a failure scenario changed,
	// in the plan's scenario order, then by address. Scenarios or services
	// only one side has are left out: their entries are created or removed.
	Scenarios []ScenarioChange
	// CostBefore and CostAfter are the plans' total relative costs
	// (summary.cost_relative); CostBefore is nil when the baseline has none.
	CostBefore, CostAfter *float64

	Create, Update, Delete int
	// Move counts entries found in the baseline under the address a
	// moved block names as their from.
	Move int

	moves map[string]string // moved blocks: from → to
}

// CostLine says what the plan does to the total relative cost: "Cost: 1.0
// → 2.3 (relative to one region, traffic-weighted)", or the total alone
// when there is nothing to compare; "" when there are no services.
func (d *PlanDiff) CostLine() string {
	if d.CostAfter == nil {
		return ""
	}
	const unit = " (relative to each service in one region with no standby, weighted by traffic)"
	after := strconv.FormatFloat(*d.CostAfter, 'f', 1, 64)
	if d.CostBefore == nil || *d.CostBefore == *d.CostAfter {
		return "Cost: " + after + unit + "."
	}
	return "Cost: " + strconv.FormatFloat(*d.CostBefore, 'f', 1, 64) + " → " + after + unit + "."
}

// costValue is a service's relative cost, which diffs print to a tenth:
// "1.0", "2.3".
type costValue float64

// DiffEntry is one service or data class and what happens to it.
type DiffEntry struct {
	Address string
	Kind    string // "service" or "data"
	Name    string
	Action  planner.Action
	// MovedFrom is the baseline's address of an entry that a moved block
	// moved, "" for the rest.
	MovedFrom string
	// Attrs are the changed attributes of an update, all attributes of a
	// create or a delete; Hidden counts an update's unchanged ones. A create
	// of the plan being compared leaves them out: the plan's own service or
	// data class says it all.
	Attrs  []AttrChange
	Hidden int
	// Before and After are the entry's plan JSON objects; nil when absent,
	// or when the entry is the plan's own (svc or data), which the plan
	// JSON writes out from the plan.
	Before, After json.RawMessage

	svc  *planner.Service
	data *planner.Data
	// sameBefore: Before is the same JSON as the plan's own entry.
	sameBefore bool
}

// AttrChange is one attribute of an entry: its values before and after in
// Terraform's notation ("45m", ["a", "b"], null), "" when absent, and the
// reasons for the new value.
type AttrChange struct {
	Name          string
	Before, After string
	Reason        string
}

// ScenarioChange is one service whose outcome in one failure scenario
// changed: "serving", "rerouted", "failed over" or "down".
type ScenarioChange struct {
	Scenario, Address, Before, After string
}

// DiffFinding is a finding as a baseline recorded it.
type DiffFinding struct {
	Severity, Rule, Subject, Summary string
}

// The baselines a plan is compared with, as PlanDiff.Baseline names them.
const (
	BaselineState = "the accepted state"
	BaselinePlan  = "the baseline plan"
)

// HasChanges says whether recording the plan would change the state.
func (d *PlanDiff) HasChanges() bool {
	return d.Create+d.Update+d.Delete+d.Move+len(d.New)+len(d.Resolved) > 0
}

// SummaryLine is the last line of a text plan: "Plan: 2 to add, 1 to
// change, 0 to remove. 1 new finding, 2 resolved."
func (d *PlanDiff) SummaryLine() string {
	nf := "new findings"
	if len(d.New) == 1 {
		nf = "new finding"
	}
	moved := ""
	if d.Move > 0 {
		moved = fmt.Sprintf(", %d to move", d.Move)
	}
	return fmt.Sprintf("Plan: %d to add, %d to change, %d to remove%s. %d %s, %d resolved.",
		d.Create, d.Update, d.Delete, moved, len(d.New), nf, len(d.Resolved))
}

// diffSide is the part of a plan's JSON a diff reads.
type diffSide struct {
	Services  []json.RawMessage  `json:"services"`
	Data      []json.RawMessage  `json:"data"`
	Findings  []jsonDiagnostic   `json:"findings"`
	Scenarios []jsonPlanScenario `json:"scenarios"`
	Summary   struct {
		CostRelative *float64 `json:"cost_relative"`
	} `json:"summary"`
}

// outcomes maps each service of a plan's side to its outcome in the
// scenario: serving unless the scenario lists it.
func outcomes(sc jsonPlanScenario, services []string) map[string]string {
	m := make(map[string]string, len(services))
	for _, a := range services {
		m[a] = "serving"
	}
	for _, x := range sc.Rerouted {
		m[x.Address] = "rerouted"
	}
	for _, x := range sc.FailedOver {
		m[x.Address] = "failed over"
	}
	for _, x := range sc.Down {
		m[x.Address] = "down"
	}
	return m
}

// addresses lists the addresses of a side's services.
func addresses(objs []json.RawMessage) []string {
	out := make([]string, 0, len(objs))
	for _, raw := range objs {
		if addr, ok := leadingAddress(raw); ok && addr != "" {
			out = append(out, addr)
			continue
		}
		var obj struct {
			Address string `json:"address"`
		}
		if json.Unmarshal(raw, &obj) == nil && obj.Address != "" {
			out = append(out, obj.Address)
		}
	}
	return out
}

// scenarioChanges lists the services whose outcome differs between the
// scenarios of the same name on both sides.
func scenarioChanges(before, after diffSide) []ScenarioChange {
	was := map[string]map[string]string{}
	beforeServices, afterServices := addresses(before.Services), addresses(after.Services)
	for _, sc := range before.Scenarios {
		was[sc.Name] = outcomes(sc, beforeServices)
	}
	var out []ScenarioChange
	for _, sc := range after.Scenarios {
		old, ok := was[sc.Name]
		if !ok {
			continue
		}
		now := outcomes(sc, afterServices)
		for _, addr := range sortedKeys(now) {
			if o := old[addr]; o != "" && o != now[addr] {
				out = append(out, ScenarioChange{sc.Name, addr, o, now[addr]})
			}
		}
	}
	return out
}

// DiffPlan compares p (with its findings) with base, a plan's JSON (a saved
// plan, or the plan a state recorded); a nil base is no baseline, and
// everything is created. name describes the baseline for people.
//
// Errors name the baseline by source.
func DiffPlan(p *planner.Plan, findings []diag.Diagnostic, base []byte, name, source string) (*PlanDiff, error) {
	if base == nil {
		return created(p, findings, name, source), nil
	}
	var after, before diffSide
	after, err := entriesSide(p, findings)
	if err != nil {
		return nil, err
	}
	after.Scenarios = make([]jsonPlanScenario, 0, len(p.Scenarios))
	for _, sc := range p.Scenarios {
		after.Scenarios = append(after.Scenarios, jsonScenario(sc))
	}
	if err := json.Unmarshal(base, &before); err != nil {
		return nil, fmt.Errorf("%s is not a plan: %v", source, err)
	}
	d := &PlanDiff{Baseline: name, Source: source, CostBefore: before.Summary.CostRelative, CostAfter: totalCost(p)}
	if p.Module != nil && len(p.Module.Moved) > 0 {
		d.moves = map[string]string{}
		for _, m := range p.Module.Moved {
			d.moves[m.From.String()] = m.To.String()
		}
	}
	if err := d.entries("service", before.Services, after.Services, func(e *DiffEntry, i int) { e.svc = p.Services[i] }); err != nil {
		return nil, fmt.Errorf("%s: %v", source, err)
	}
	if err := d.entries("data", before.Data, after.Data, func(e *DiffEntry, i int) { e.data = p.Data[i] }); err != nil {
		return nil, fmt.Errorf("%s: %v", source, err)
	}
	sort.SliceStable(d.Entries, func(i, j int) bool { return d.Entries[i].Address < d.Entries[j].Address })

	had := map[string]bool{}
	for _, f := range before.Findings {
		had[findingKey(f)] = true
	}
	has := map[string]bool{}
	for i, f := range after.Findings {
		k := findingKey(f)
		has[k] = true
		if !had[k] {
			d.New = append(d.New, i)
			d.NewFindings = append(d.NewFindings, DiffFinding{f.Severity, f.Rule, f.Subject, f.Summary})
		}
	}
	d.Errors, d.Warnings, d.Notices = diag.Count(findings)
	if base != nil {
		d.Scenarios = scenarioChanges(before, after)
	}
	for _, f := range before.Findings {
		if !has[findingKey(f)] {
			d.Resolved = append(d.Resolved, DiffFinding{f.Severity, f.Rule, f.Subject, f.Summary})
			has[findingKey(f)] = true // a duplicate is resolved once
		}
	}
	return d, nil
}

// totalCost is p's total relative cost, nil when it has no services.
func totalCost(p *planner.Plan) *float64 {
	if len(p.Services) == 0 {
		return nil
	}
	c := p.TotalCost()
	return &c
}

// created is the diff of p with no baseline: every service and data class
// is created, every finding is new. Nothing is rendered: the entries point
// at the plan's own services and data classes.
func created(p *planner.Plan, findings []diag.Diagnostic, name, source string) *PlanDiff {
	d := &PlanDiff{Baseline: name, Source: source, Entries: make([]DiffEntry, 0, len(p.Services)+len(p.Data)), CostAfter: totalCost(p)}
	for _, x := range p.Data {
		addr := x.Addr.String()
		d.Entries = append(d.Entries, DiffEntry{Address: addr, Kind: "data", Name: BlockLabel(addr, "data"), Action: planner.ActionCreate, data: x})
	}
	for _, s := range p.Services {
		addr := s.Addr.String()
		d.Entries = append(d.Entries, DiffEntry{Address: addr, Kind: "service", Name: BlockLabel(addr, "service"), Action: planner.ActionCreate, svc: s})
	}
	sort.SliceStable(d.Entries, func(i, j int) bool { return d.Entries[i].Address < d.Entries[j].Address })
	d.Create = len(d.Entries)
	d.New = make([]int, len(findings))
	d.NewFindings = make([]DiffFinding, len(findings))
	for i, f := range findings {
		d.New[i] = i
		// As the plan JSON has them (invalid UTF-8 replaced).
		d.NewFindings[i] = DiffFinding{jsonText(f.Severity.String()), jsonText(f.Rule), jsonText(f.Subject), jsonText(f.Summary)}
	}
	d.Errors, d.Warnings, d.Notices = diag.Count(findings)
	return d
}

// CreatedSummary is DiffPlan with no baseline for a reader that needs only
// its counts, HasChanges and summary lines (the text plan): every entry is
// created and every finding new, but Entries and NewFindings are left
// empty, neither entry nor finding copied. A plan JSON or Markdown comment
// needs DiffPlan's.
func CreatedSummary(p *planner.Plan, findings []diag.Diagnostic) *PlanDiff {
	d := &PlanDiff{CostAfter: totalCost(p), Create: len(p.Services) + len(p.Data)}
	d.New = make([]int, len(findings))
	for i := range d.New {
		d.New[i] = i
	}
	d.Errors, d.Warnings, d.Notices = diag.Count(findings)
	return d
}

// renderedSide is the plan's side of a diff read back from the whole plan
// JSON, scenarios included, as a baseline is read.
func renderedSide(p *planner.Plan, findings []diag.Diagnostic) (diffSide, error) {
	var side diffSide
	var cur bytes.Buffer
	if err := planJSON(&cur, p, findings, PlanMeta{}, nil); err != nil {
		return side, err
	}
	err := json.Unmarshal(cur.Bytes(), &side)
	return side, err
}

// entriesSide is renderedSide without the scenarios, which only a diff
// against a baseline compares: each service and data class is rendered on
// its own, as planJSON renders it (the whitespace aside, which the plan
// JSON's changes drop), so a plan with no baseline is not rendered whole
// and read back.
func entriesSide(p *planner.Plan, findings []diag.Diagnostic) (diffSide, error) {
	var side diffSide
	pw := newPlanWriter(nil, false)
	raw := func() json.RawMessage {
		r := bytes.Clone(pw.b)
		pw.b = pw.b[:0]
		return r
	}
	side.Services = make([]json.RawMessage, 0, len(p.Services))
	for _, s := range p.Services {
		pw.service(s)
		side.Services = append(side.Services, raw())
	}
	side.Data = make([]json.RawMessage, 0, len(p.Data))
	for _, d := range p.Data {
		pw.data(d)
		side.Data = append(side.Data, raw())
	}
	// The findings' text is what the plan JSON says (invalid UTF-8
	// replaced), of what a diff compares and reports: not their details.
	side.Findings = make([]jsonDiagnostic, 0, len(findings))
	for _, f := range findings {
		side.Findings = append(side.Findings, jsonDiagnostic{Severity: jsonText(f.Severity.String()), Rule: jsonText(f.Rule),
			Subject: jsonText(f.Subject), Summary: jsonText(f.Summary)})
	}
	return side, nil
}

// findingKey identifies a finding across plans: its check, subject and
// summary. Its range is left out, so an edit that moves lines does not
// make every finding new.
func findingKey(f jsonDiagnostic) string {
	return f.Rule + "\x00" + f.Subject + "\x00" + f.Summary
}

// entries compares the entries of one kind; attach, when not nil, ties an
// entry to the plan's own after[i].
func (d *PlanDiff) entries(kind string, before, after []json.RawMessage, attach func(e *DiffEntry, i int)) error {
	// An entry's attributes are read only when needed: not for an entry
	// whose JSON is the same on both sides, whitespace aside.
	type side struct {
		raw    json.RawMessage
		i      int
		parsed bool
		attrs  map[string]any
		why    map[string]string
	}
	parse := func(s *side) error {
		if s.parsed {
			return nil
		}
		var obj map[string]any
		if err := json.Unmarshal(s.raw, &obj); err != nil {
			return err
		}
		s.why = map[string]string{}
		if rs, ok := obj["reasons"].(map[string]any); ok {
			for k, v := range rs {
				s.why[k], _ = v.(string)
			}
		}
		s.attrs = map[string]any{}
		for k, v := range obj {
			switch k {
			case "address", "reasons", "notes":
				continue
			case "capacity":
				// One attribute, on one line as the text plan words it.
				if c, ok := v.(map[string]any); ok {
					s.attrs["capacity"] = capacityLine(c)
				} else {
					s.attrs["capacity"] = v
				}
				continue
			case "cost":
				// One attribute, explained by its terms.
				if c, ok := v.(map[string]any); ok {
					if rel, ok := c["relative"].(float64); ok {
						s.attrs["cost"] = costValue(rel)
					}
					if rs, ok := c["reasons"].([]any); ok {
						var parts []string
						for _, r := range rs {
							if t, ok := r.(string); ok {
								parts = append(parts, t)
							}
						}
						s.why["cost"] = strings.Join(parts, "; ")
					}
				}
				continue
			}
			flatten(s.attrs, k, v)
		}
		s.parsed = true
		return nil
	}
	read := func(objs []json.RawMessage) (map[string]*side, []string, error) {
		m := make(map[string]*side, len(objs))
		order := make([]string, 0, len(objs))
		for i, raw := range objs {
			addr, ok := leadingAddress(raw)
			if !ok {
				var obj struct {
					Address string `json:"address"`
				}
				if err := json.Unmarshal(raw, &obj); err != nil {
					return nil, nil, err
				}
				addr = obj.Address
			}
			if addr == "" {
				return nil, nil, fmt.Errorf("a %s entry has no address", kind)
			}
			if _, dup := m[addr]; !dup {
				order = append(order, addr)
			}
			m[addr] = &side{raw: raw, i: i}
		}
		return m, order, nil
	}
	bm, border, err := read(before)
	if err != nil {
		return err
	}
	am, aorder, err := read(after)
	if err != nil {
		return err
	}
	// A moved block renames a baseline entry when its from is in the
	// baseline but not in the plan, and its to is in the plan but not in
	// the baseline (Terraform's rule); else it has no effect.
	movedFrom := map[string]string{}
	for i, addr := range border {
		to, ok := d.moves[addr]
		if !ok {
			continue
		}
		if _, still := am[addr]; still {
			continue
		}
		if _, taken := bm[to]; taken {
			continue
		}
		if _, there := am[to]; !there {
			continue
		}
		bm[to] = bm[addr]
		delete(bm, addr)
		border[i] = to
		movedFrom[to] = addr
	}
	for _, addr := range aorder {
		a := am[addr]
		e := DiffEntry{Address: addr, Kind: kind, Name: BlockLabel(addr, kind), After: a.raw}
		if attach != nil {
			e.After = nil
			attach(&e, a.i)
		}
		b, existed := bm[addr]
		if from, moved := movedFrom[addr]; moved {
			e.MovedFrom = from
			d.Move++
		}
		switch {
		case !existed:
			e.Action = planner.ActionCreate
			d.Create++
			if attach != nil {
				break // the plan's own entry says it all
			}
			if err := parse(a); err != nil {
				return err
			}
			for _, k := range sortedKeys(a.attrs) {
				if a.attrs[k] != nil {
					e.Attrs = append(e.Attrs, AttrChange{Name: k, After: formatValue(a.attrs[k]), Reason: a.why[k]})
				}
			}
		case sameJSON(b.raw, a.raw):
			e.Before, e.sameBefore = b.raw, true
			e.Action = planner.ActionNoOp
		default:
			e.Before = b.raw
			if err := parse(a); err != nil {
				return err
			}
			if err := parse(b); err != nil {
				return err
			}
			explained := map[string]bool{}
			for _, k := range sortedKeys(union(a.attrs, b.attrs)) {
				bv, bok := b.attrs[k]
				av, aok := a.attrs[k]
				// Every attribute is always written (null or [] when empty),
				// so one the baseline lacks is one its mrplan did not know
				// yet: upgrading mrplan is not a change to the architecture.
				if bok && aok && formatValue(bv) == formatValue(av) || !bok && aok {
					e.Hidden++
					continue
				}
				c := AttrChange{Name: k}
				if rk := reasonKey(k); !explained[rk] {
					c.Reason, explained[rk] = a.why[rk], true
				}
				if bok {
					c.Before = formatValue(bv)
				}
				if aok {
					c.After = formatValue(av)
				}
				e.Attrs = append(e.Attrs, c)
			}
			if len(e.Attrs) > 0 {
				e.Action = planner.ActionUpdate
				d.Update++
			} else {
				e.Action = planner.ActionNoOp
			}
		}
		d.Entries = append(d.Entries, e)
	}
	for _, addr := range border {
		if _, kept := am[addr]; kept {
			continue
		}
		b := bm[addr]
		e := DiffEntry{Address: addr, Kind: kind, Name: BlockLabel(addr, kind), Action: planner.ActionDelete, Before: b.raw}
		if err := parse(b); err != nil {
			return err
		}
		for _, k := range sortedKeys(b.attrs) {
			if b.attrs[k] != nil {
				e.Attrs = append(e.Attrs, AttrChange{Name: k, Before: formatValue(b.attrs[k])})
			}
		}
		d.Delete++
		d.Entries = append(d.Entries, e)
	}
	return nil
}

// leadingAddress reads the address of an entry's JSON object when it is
// its first field, plain ASCII with no escapes, as mrplan writes it.
func leadingAddress(raw []byte) (string, bool) {
	ws := func(i int) int {
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\t' || raw[i] == '\r') {
			i++
		}
		return i
	}
	i := ws(0)
	if i >= len(raw) || raw[i] != '{' {
		return "", false
	}
	i = ws(i + 1)
	const key = `"address"`
	if !bytes.HasPrefix(raw[i:], []byte(key)) {
		return "", false
	}
	i = ws(i + len(key))
	if i >= len(raw) || raw[i] != ':' {
		return "", false
	}
	i = ws(i + 1)
	if i >= len(raw) || raw[i] != '"' {
		return "", false
	}
	start := i + 1
	for i = start; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '"':
			return string(raw[start:i]), true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return "", false
		}
	}
	return "", false
}

// sameJSON says whether a and b are the same JSON text once the
// whitespace between tokens is dropped; both are valid JSON.
func sameJSON(a, b []byte) bool {
	i, j := 0, 0
	inString := false
	for {
		if !inString {
			for i < len(a) && isJSONSpace(a[i]) {
				i++
			}
			for j < len(b) && isJSONSpace(b[j]) {
				j++
			}
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		c := a[i]
		if c != b[j] {
			return false
		}
		switch {
		case inString && c == '\\':
			i, j = i+1, j+1
			if i == len(a) || j == len(b) || a[i] != b[j] {
				return false
			}
		case c == '"':
			inString = !inString
		}
		i, j = i+1, j+1
	}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// reasonKey is the decision that explains an attribute: "rto" for
// "rto_breakdown.detection", "topology" for "topology".
func reasonKey(attr string) string {
	k, _, _ := strings.Cut(attr, ".")
	return strings.TrimSuffix(k, "_breakdown")
}

// flatten files v under name, objects as "name.key"; a list of objects
// (a service's gaps) becomes a list of one-line strings, so it diffs as a
// list.
func flatten(into map[string]any, name string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			flatten(into, name+"."+k, x)
		}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			if o, ok := x.(map[string]any); ok {
				out[i] = objectLine(o)
			} else {
				out[i] = x
			}
		}
		into[name] = out
	default:
		into[name] = v
	}
}

// objectLine is an object on one line: a service's gap as the text plan
// words it ("in eu-west-1, dependency.x is not available: service.a →
// dependency.x"), anything else as its non-empty fields in key order.
func objectLine(o map[string]any) string {
	if region, ok := o["region"].(string); ok {
		if missing, ok := o["missing"].(string); ok {
			var path []string
			if steps, ok := o["path"].([]any); ok {
				for _, st := range steps {
					path = append(path, fmt.Sprint(st))
				}
			}
			return "in " + region + ", " + missing + " is not available: " + strings.Join(path, " → ")
		}
	}
	if region, ok := o["region"].(string); ok {
		if kind, ok := o["kind"].(string); ok { // a data class's copy
			var tags []string
			if o["failover_target"] == true {
				tags = append(tags, "failover target")
			}
			if o["allowed"] == false {
				tags = append(tags, "outside residency")
			}
			line := region + " " + kind
			if len(tags) > 0 {
				line += " (" + strings.Join(tags, ", ") + ")"
			}
			return line
		}
		if svc, ok := o["service"].(string); ok { // a remote read
			from, _ := o["from"].(string)
			return svc + " in " + region + " reads from " + from
		}
	}
	var parts []string
	for _, k := range sortedKeys(o) {
		if o[k] == nil || o[k] == "" || o[k] == float64(0) {
			continue
		}
		parts = append(parts, k+"="+strings.Trim(formatValue(o[k]), `"`))
	}
	return strings.Join(parts, " ")
}

// capacityLine is a service's capacity object as the text plan words it:
// "3000 rps on 8000 (eu-west-1 1950/4000, eu-central-1 1050/4000)".
func capacityLine(c map[string]any) string {
	f := func(v any) string {
		x, _ := v.(float64)
		return strconv.FormatFloat(math.Round(x), 'f', -1, 64)
	}
	var regions []string
	if rs, ok := c["regions"].([]any); ok {
		for _, r := range rs {
			if o, ok := r.(map[string]any); ok {
				name, _ := o["region"].(string)
				regions = append(regions, name+" "+f(o["load_rps"])+"/"+f(o["capacity_rps"]))
			}
		}
	}
	return f(c["needed_rps"]) + " rps on " + f(c["available_rps"]) + " (" + strings.Join(regions, ", ") + ")"
}

// formatValue prints a JSON value as Terraform prints one in a plan.
func formatValue(v any) string {
	switch v := v.(type) {
	case costValue:
		return strconv.FormatFloat(float64(v), 'f', 1, 64)
	case nil:
		return "null"
	case string:
		return strconv.Quote(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = formatValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return "{" + objectLine(v) + "}"
	}
	return fmt.Sprint(v)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func union(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a)+len(b))
	for k, v := range b {
		out[k] = v
	}
	for k, v := range a {
		out[k] = v
	}
	return out
}

// SavedPlan is a plan read back from its JSON (a -out file): what show
// renders and apply records.
type SavedPlan struct {
	Raw         []byte
	Version     string
	ConfigHash  string
	Files       map[string]string
	ModuleDir   string // as recorded: relative to the plan file, slashed; "" in older plans
	StateSerial int
	Errored     bool
	Diff        *PlanDiff
	// Topologies counts the services by topology; DataClasses the data classes.
	Topologies  map[string]int
	DataClasses int
}

type savedJSON struct {
	FormatVersion  string            `json:"format_version"`
	MrplanVersion  string            `json:"mrplan_version"`
	ConfigHash     string            `json:"config_hash"`
	Files          map[string]string `json:"files"`
	ModuleDir      string            `json:"module_dir"`
	StateSerial    int               `json:"state_serial"`
	Baseline       string            `json:"baseline"`
	BaselineSource string            `json:"baseline_source"`
	Services       []struct {
		Topology string `json:"topology"`
	} `json:"services"`
	Data     []json.RawMessage `json:"data"`
	Changes  []jsonPlanChange  `json:"changes"`
	Findings []savedFinding    `json:"findings"`
	// New is the list of new findings of plans saved before a finding said
	// "new": true itself.
	New      []jsonDiagnostic `json:"new_findings"`
	Resolved []jsonDiagnostic `json:"resolved_findings"`
	Errored  *bool            `json:"errored"`
	Fates    []jsonFateChange `json:"scenario_changes"`
}

type savedFinding struct {
	jsonDiagnostic
	New bool `json:"new"`
}

// ReadPlan reads a plan's JSON as `plan -out` saved it; name is the file,
// for errors.
func ReadPlan(name string, src []byte) (*SavedPlan, error) {
	var j savedJSON
	if err := json.Unmarshal(src, &j); err != nil {
		return nil, fmt.Errorf("%s is not a saved plan: %v", name, err)
	}
	if j.FormatVersion == "" || j.Errored == nil || j.Changes == nil {
		return nil, fmt.Errorf("%s is not a saved plan: it has no format_version, changes or errored; save one with mrplan plan -out FILE", name)
	}
	if !slices.Contains(readablePlanFormats, j.FormatVersion) {
		return nil, fmt.Errorf("%s has plan format_version %q; this mrplan reads %q", name, j.FormatVersion, PlanFormatVersion)
	}
	sp := &SavedPlan{Raw: src, Version: j.MrplanVersion, ConfigHash: j.ConfigHash, Files: j.Files, ModuleDir: j.ModuleDir, StateSerial: j.StateSerial,
		Errored: *j.Errored, Topologies: map[string]int{}, DataClasses: len(j.Data)}
	for _, s := range j.Services {
		sp.Topologies[s.Topology]++
	}
	d := &PlanDiff{Baseline: j.Baseline, Source: j.BaselineSource}
	var before, after [2][]json.RawMessage
	for _, c := range j.Changes {
		k := 0
		if strings.HasPrefix(c.Address, "data.") {
			k = 1
		}
		if len(c.Before) > 0 && string(c.Before) != "null" {
			before[k] = append(before[k], c.Before)
		}
		if len(c.After) > 0 && string(c.After) != "null" {
			after[k] = append(after[k], c.After)
		}
	}
	if err := d.entries("service", before[0], after[0], nil); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if err := d.entries("data", before[1], after[1], nil); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	sort.SliceStable(d.Entries, func(i, j int) bool { return d.Entries[i].Address < d.Entries[j].Address })
	if j.New != nil { // the older shape
		for i, f := range j.New {
			d.New = append(d.New, i)
			d.NewFindings = append(d.NewFindings, DiffFinding{f.Severity, f.Rule, f.Subject, f.Summary})
		}
	} else {
		for i, f := range j.Findings {
			if f.New {
				d.New = append(d.New, i)
				d.NewFindings = append(d.NewFindings, DiffFinding{f.Severity, f.Rule, f.Subject, f.Summary})
			}
		}
	}
	for _, f := range j.Resolved {
		d.Resolved = append(d.Resolved, DiffFinding{f.Severity, f.Rule, f.Subject, f.Summary})
	}
	for _, c := range j.Fates {
		d.Scenarios = append(d.Scenarios, ScenarioChange(c))
	}
	for _, f := range j.Findings {
		switch f.Severity {
		case "error":
			d.Errors++
		case "warning":
			d.Warnings++
		default:
			d.Notices++
		}
	}
	sp.Diff = d
	return sp, nil
}

// BlockLabel is the label of the block an address names, as written in
// its module: "db" for module.cell.service.db, "api" for
// service.api["eu"]. A plan shows it on the block line, under the
// address, as Terraform does.
func BlockLabel(addr, kind string) string {
	if a, err := lang.ParseAddress(addr); err == nil {
		return a.Label()
	}
	return strings.TrimPrefix(addr, kind+".")
}
