package command

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/internal/views"
)

// TestCellsExampleMatchesFlat: examples/social-feed-cells is
// examples/social-feed rebuilt with a variable, a local and two cells from a
// child module, so its plan must be social-feed's but for the cells'
// addresses (and the order that sorting by address gives).
func TestCellsExampleMatchesFlat(t *testing.T) {
	flat, _, _ := runCLI(t, "plan", "-json", "../../examples/social-feed")
	cells, _, _ := runCLI(t, "plan", "-json", "../../examples/social-feed-cells")
	cells = strings.NewReplacer(
		"module.likes.service.api", "service.likes", "module.graph.service.api", "service.graph",
		"module.likes.data.store", "data.like-counts", "module.graph.data.store", "data.follows",
		"module.likes.api", "likes", "module.graph.api", "graph",
		"module.likes.store", "like-counts", "module.graph.store", "follows",
	).Replace(cells)
	if !strings.Contains(flat, `"service.likes"`) {
		t.Fatalf("social-feed's plan lacks service.likes:\n%.300s", flat)
	}
	for _, part := range []string{"services", "data", "scenarios", "findings"} {
		a, b := planPart(t, flat, part), planPart(t, cells, part)
		if !reflect.DeepEqual(a, b) {
			ja, _ := json.MarshalIndent(a, "", " ")
			jb, _ := json.MarshalIndent(b, "", " ")
			t.Errorf("%s differ:\n--- social-feed\n%.3000s\n--- social-feed-cells\n%.3000s", part, ja, jb)
		}
	}
}

// planPart is one part of a plan's JSON with every list of objects
// sorted by address, and findings and notes without their ranges (the
// files differ).
func planPart(t *testing.T, js, part string) any {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		t.Fatal(err)
	}
	v := p[part]
	if part == "findings" {
		for _, f := range v.([]any) {
			delete(f.(map[string]any), "range")
			delete(f.(map[string]any), "related")
		}
	}
	for _, e := range asList(v) {
		if m, ok := e.(map[string]any); ok {
			for _, n := range asList(m["notes"]) {
				if nm, ok := n.(map[string]any); ok {
					delete(nm, "range")
				}
			}
		}
	}
	return sortByAddress(v)
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func sortByAddress(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = sortByAddress(e)
		}
	case []any:
		for i, e := range x {
			x[i] = sortByAddress(e)
		}
		key := func(e any) string {
			b, _ := json.Marshal(e)
			if m, ok := e.(map[string]any); ok {
				if a, ok := m["address"].(string); ok {
					return a + "\x00" + string(b)
				}
			}
			return string(b)
		}
		sort.SliceStable(x, func(i, j int) bool { return key(x[i]) < key(x[j]) })
	}
	return v
}

// TestCompositionCommands runs validate with -var, a variables file and
// MRPLAN_VAR_ on a module with for_each and a child module, and checks
// the addresses in the plan.
func TestCompositionCommands(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"main.mr.hcl": `
variable "regions" {
  type = list(string)
}
variable "tier" {
  type    = string
  default = "core"
}
region "eu" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}
region "us" {
  city    = "Ashburn"
  country = "US"
  lat     = 39.04
  lon     = -77.49
}
service "api" {
  for_each     = toset(var.regions)
  criticality  = var.tier
  regions      = [region.eu, region.us]
  primary      = region[each.key]
  compensation = "retry"
  depends_on   = [module.cell.db]
}
module "cell" {
  source = "./cell"
}
`,
		"cell/main.mr.hcl": `
service "db" {
  criticality  = "core"
  regions      = [region.eu, region.us]
  compensation = "retry"
}
output "db" {
  value = service.db
}
`,
		"prod.mrvars.hcl": "tier = \"important\"\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, errOut, code := runCLI(t, "validate"); code != ExitError || !strings.Contains(out+errOut, "No value for required variable") {
		t.Errorf("validate without regions: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv("MRPLAN_VAR_regions", `["eu", "us"]`)
	js, errOut, code := runCLI(t, "plan", "-json", "-var-file", "prod.mrvars.hcl", "-var", "tier=core")
	if code != ExitOK {
		t.Fatalf("plan: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{`"address": "service.api[\"eu\"]"`, `"address": "service.api[\"us\"]"`, `"address": "module.cell.service.db"`, `"tier": 0`} {
		if !strings.Contains(js, want) {
			t.Errorf("plan JSON lacks %s", want)
		}
	}
	out, _, _ := runCLI(t, "plan", "-var-file", "prod.mrvars.hcl")
	if !strings.Contains(out, "# service.api[\"eu\"] will be created\n  + service \"api\" {") || !strings.Contains(out, "tier              = 1") {
		t.Errorf("plan text:\n%s", out)
	}
	if out, errOut, code := runCLI(t, "validate", "-var", "nope=1"); code != ExitError || !strings.Contains(out+errOut, "Value for undeclared variable") {
		t.Errorf("validate -var nope=1: exit %d\n%s%s", code, out, errOut)
	}
}

// TestREADMECompositionExample loads the README's composition example,
// with the regions and the child module it leaves out: it must have no
// language error.
func TestREADMECompositionExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- section: composition -->")
	if !ok {
		t.Fatal("README has no composition section")
	}
	_, rest, _ = strings.Cut(rest, "```hcl\n")
	example, _, _ := strings.Cut(rest, "```\n")
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"main.mr.hcl":                  example,
		"regions.mr.hcl":               "provider \"aws\" {}\nregion \"us-east-1\" {}\nregion \"eu-west-1\" {}\n",
		"modules/payments/main.mr.hcl": "variable \"regions\" {\n  type = list(string)\n}\n\nservice \"api\" {\n  regions = [for r in var.regions : region[r]]\n}\n\noutput \"api\" {\n  value = service.api\n}\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	js, _, _ := runCLI(t, "validate", "-json")
	var v struct {
		Diagnostics []struct {
			Rule    string `json:"rule"`
			Summary string `json:"summary"`
			Detail  string `json:"detail"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	for _, d := range v.Diagnostics {
		if d.Rule == "" {
			t.Errorf("the README's example: %s: %s", d.Summary, d.Detail)
		}
	}
}

// A plan saved before composition (no summary.move, no previous_address)
// still reads: show renders it, and a plan compared with it of the same
// module has no changes. It is sealed as plan -out seals it: a saved plan
// without a digest is refused whatever its shape (see the hardening tests).
func TestPlanFromBeforeCompositionStillLoads(t *testing.T) {
	copyExample(t, "social-feed")
	js, _, code := runCLI(t, "plan", "-json")
	if code != ExitOK {
		t.Fatalf("plan -json: exit %d", code)
	}
	old := strings.Replace(js, "\n    \"move\": 0,", "", 1)
	if old == js {
		t.Fatal("the plan JSON has no summary.move to remove")
	}
	sealed, err := views.SealPlan([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("old.json", sealed, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCLI(t, "show", "old.json"); code != ExitOK || !strings.Contains(out, "service.timeline") {
		t.Errorf("show old.json: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := runCLI(t, "plan", "--compare-to", "old.json", "-detailed-exitcode")
	if code != ExitOK || !strings.Contains(out, "No changes.") {
		t.Errorf("plan --compare-to old.json: exit %d\n%s%s", code, out, errOut)
	}
}
