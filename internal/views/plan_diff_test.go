package views

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// With no baseline, DiffPlan reads each entry as the whole plan JSON has it.
func TestEntriesSideIsRenderedSide(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	if len(dirs) == 0 {
		t.Fatal("no examples")
	}
	findings := []diag.Diagnostic{
		{Severity: diag.Error, Rule: "MR402", Subject: "service.a", Summary: "<b> & \xff"},
		{Severity: diag.Notice, Summary: "plain"},
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		p := planner.PlanModule(m)
		got, err := entriesSide(p, findings)
		if err != nil {
			t.Fatal(err)
		}
		want, err := renderedSide(p, findings)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name      string
			got, want []json.RawMessage
		}{{"services", got.Services, want.Services}, {"data", got.Data, want.Data}} {
			if len(c.got) != len(c.want) {
				t.Fatalf("%s: %d %s, want %d", dir, len(c.got), c.name, len(c.want))
			}
			for i := range c.got {
				var g, w bytes.Buffer
				if err := json.Compact(&g, c.got[i]); err != nil {
					t.Fatal(err)
				}
				if err := json.Compact(&w, c.want[i]); err != nil {
					t.Fatal(err)
				}
				if g.String() != w.String() {
					t.Errorf("%s: %s[%d]:\n%s\nwant\n%s", dir, c.name, i, g.String(), w.String())
				}
			}
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("%s: findings %+v, want %+v", dir, got.Findings, want.Findings)
		}
	}
}

// The plan JSON writes each scenario as jsonScenario shapes it.
func TestScenarioWriterIsJSONScenario(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		for _, sc := range planner.PlanModule(m).Scenarios {
			var got bytes.Buffer
			pw := newPlanWriter(&got, false)
			pw.scenario(sc)
			if err := pw.flush(); err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(jsonScenario(sc))
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("%s: %s:\n%s\nwant\n%s", dir, sc.Name(), got.String(), want)
			}
		}
	}
}

// The plan JSON appends each reason as ExplainReason words it.
func TestAppendReasonTextIsExplainReason(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	n := 0
	check := func(r planner.Reason) {
		n++
		if got, want := string(appendReasonText(nil, &r)), string(appendJSONChars(nil, ExplainReason(r))); got != want {
			t.Errorf("%v: %s, want %s", r, got, want)
		}
	}
	check(planner.Reason{Code: planner.RTOZone, Args: []string{"detection", "30s", "dns", "1m"}})
	check(planner.Reason{Code: planner.MechAsyncWithinLoss, Args: []string{"a", "b", "c", "d"}})
	check(planner.Reason{Code: planner.MechAsyncWithinLoss, Args: []string{"a", "b", "c", ""}})
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		p := planner.PlanModule(m)
		for _, s := range p.Services {
			for _, r := range s.Reasons {
				check(r)
			}
		}
		for _, d := range p.Data {
			for _, r := range d.Reasons {
				check(r)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d reasons", n)
	}
}

func TestSameJSONAndLeadingAddress(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{`{"a": [1, 2], "b": "x y"}`, `{"a":[1,2],"b":"x y"}`, true},
		{`{"a": "x y"}`, `{"a":"xy"}`, false},
		{`{"a": "q\" b"}`, `{"a":"q\" b"}`, true},
		{`{"a": "q\\" , "b": 1}`, `{"a":"q\\","b":1}`, true},
		{`{"a": 1}`, `{"a": 1, "b": 2}`, false},
		{"\n  [ ]", "[]", true},
	} {
		if got := sameJSON([]byte(c.a), []byte(c.b)); got != c.same {
			t.Errorf("sameJSON(%s, %s) = %v", c.a, c.b, got)
		}
	}
	for _, c := range []struct {
		raw, addr string
		ok        bool
	}{
		{`{"address":"service.a","tier":0}`, "service.a", true},
		{"{\n    \"address\": \"data.b\",\n", "data.b", true},
		{`{"tier":0,"address":"service.a"}`, "", false},
		{`{"address":"service.\u00e9"}`, "", false},
	} {
		if addr, ok := leadingAddress([]byte(c.raw)); addr != c.addr || ok != c.ok {
			t.Errorf("leadingAddress(%s) = %q, %v", c.raw, addr, ok)
		}
	}
}

// A no-op's before, written from the plan's own entry, is the baseline's
// JSON re-indented.
func TestNoOpBeforeIsBaseline(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		p := planner.PlanModule(m)
		var base bytes.Buffer
		if err := PlanJSON(&base, p, nil, PlanMeta{}); err != nil {
			t.Fatal(err)
		}
		d, err := DiffPlan(p, nil, base.Bytes(), BaselinePlan, "base")
		if err != nil {
			t.Fatal(err)
		}
		var streamed, raw bytes.Buffer
		if err := PlanJSON(&streamed, p, nil, PlanMeta{Diff: d}); err != nil {
			t.Fatal(err)
		}
		n := 0
		for i := range d.Entries {
			if d.Entries[i].sameBefore {
				n++
			}
			d.Entries[i].sameBefore = false
		}
		if n == 0 || n != len(d.Entries) {
			t.Errorf("%s: %d of %d entries the same", dir, n, len(d.Entries))
		}
		if err := PlanJSON(&raw, p, nil, PlanMeta{Diff: d}); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != raw.String() {
			t.Errorf("%s: the no-ops' before differs from the baseline's", dir)
		}
	}
}

// A baseline written by an older mrplan lacks the attributes added since
// (here cost, copies and capacity): they are not changes, and an
// unchanged module plans as no change after an upgrade.
func TestAttributesNewSinceTheBaselineAreNoChange(t *testing.T) {
	m, diags := lang.LoadDir("../../examples/eu-payments")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planner.PlanModule(m)
	var cur bytes.Buffer
	if err := PlanJSON(&cur, p, nil, PlanMeta{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(cur.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"services", "data"} {
		for _, e := range doc[key].([]any) {
			obj := e.(map[string]any)
			for _, k := range []string{"cost", "capacity", "capacity_missing", "copies", "residency", "backup_region", "remote_reads"} {
				delete(obj, k)
			}
		}
	}
	delete(doc["summary"].(map[string]any), "cost_relative")
	old, _ := json.Marshal(doc)
	d, err := DiffPlan(p, nil, old, BaselinePlan, "old.json")
	if err != nil {
		t.Fatal(err)
	}
	if d.Update+d.Create+d.Delete != 0 {
		for _, e := range d.Entries {
			for _, a := range e.Attrs {
				t.Errorf("%s: %s %s -> %s", e.Address, a.Name, a.Before, a.After)
			}
		}
	}
	if d.CostBefore != nil || d.CostAfter == nil || d.CostLine() == "" {
		t.Errorf("cost before %v after %v", d.CostBefore, d.CostAfter)
	}
}

// The text plan's summary of a plan with no baseline says what DiffPlan's
// says, without building its entries or copying its findings.
func TestCreatedSummaryIsDiffPlan(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	for _, dir := range dirs {
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		p := planner.PlanModule(m)
		findings := []diag.Diagnostic{{Severity: diag.Error, Rule: "MR101", Summary: "a"}, {Severity: diag.Notice, Summary: "b"}, {Severity: diag.Warning, Summary: "c"}}
		full, err := DiffPlan(p, findings, nil, "", "")
		if err != nil {
			t.Fatal(err)
		}
		sum := CreatedSummary(p, findings)
		if sum.SummaryLine() != full.SummaryLine() || sum.CostLine() != full.CostLine() || sum.HasChanges() != full.HasChanges() ||
			sum.Errors != full.Errors || sum.Warnings != full.Warnings || sum.Notices != full.Notices || !reflect.DeepEqual(sum.New, full.New) {
			t.Errorf("%s: summary %+v, want the counts of %+v", dir, sum, full)
		}
		if sum.Entries != nil || sum.NewFindings != nil {
			t.Errorf("%s: the summary built entries or findings", dir)
		}
	}
}
