package lang

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func addrStrings(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Addr.String()
	}
	return out
}

func TestCompositionExpands(t *testing.T) {
	m := loadClean(t, "testdata/valid/composition")
	var got []string
	for _, s := range m.Services {
		got = append(got, s.Addr().String())
	}
	want := []string{
		`service.api["eu-west-1"]`, `service.api["us-east-1"]`,
		`module.cell.service.db`, `module.cell.module.store.service.blob`,
		`service.worker[0]`, `service.worker[1]`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("services = %q, want %q", got, want)
	}

	api := m.Service(`api["eu-west-1"]`)
	if api.Description != "US api in eu-west-1" {
		t.Errorf("description = %q", api.Description)
	}
	if r := addrStrings(api.Regions); !slices.Equal(r, []string{"region.eu-west-1"}) {
		t.Errorf("regions = %q", r)
	}
	if api.Policy.RPO != time.Minute || api.Policy.RTO != 5*time.Minute {
		t.Errorf("policy from objective.tier[\"silver\"] with its optional default: %v/%v", api.Policy.RPO, api.Policy.RTO)
	}
	deps := addrStrings(api.DependsOn)
	wantDeps := []string{"service.worker[0]", "service.worker[1]", "module.cell.module.store.service.blob"}
	if !slices.Equal(deps, wantDeps) {
		t.Errorf("depends_on = %q, want %q (a whole counted block stands for its instances; a module output for what it names)", deps, wantDeps)
	}

	w := m.Service("worker[1]")
	if w.Description != "worker 1" || w.Primary.Addr.String() != "region.us-east-1" || len(w.Regions) != 2 {
		t.Errorf("worker[1] = %q, primary %s, regions %q", w.Description, w.Primary.Addr, addrStrings(w.Regions))
	}

	db := m.Service("module.cell.db")
	if db == nil || len(db.Writes) != 1 || db.Writes[0].Addr.String() != "module.cell.data.rows" {
		t.Fatalf("module.cell.service.db writes %v", db)
	}
	if d := m.DataClass("module.cell.rows"); d == nil || d.Owner.Addr.String() != "module.cell.service.db" {
		t.Errorf("module.cell.data.rows owner: %+v", d)
	}
	if len(m.Calls) != 2 || m.Calls[0].Path != "module.cell" || m.Calls[1].Path != "module.cell.module.store" {
		t.Errorf("calls: %+v", m.Calls)
	}
	if len(m.Moved) != 1 || m.Moved[0].To.String() != `service.api["us-east-1"]` {
		t.Errorf("moved: %+v", m.Moved)
	}
	if len(m.Outputs) != 1 || m.Outputs[0].Value.LengthInt() != 2 {
		t.Errorf("outputs: %+v", m.Outputs)
	}
	if r := m.Region(`extra["ap-south-1"]`); r == nil || r.Code != "ap-south-1" || r.Geo == nil || r.Geo.City == "" {
		t.Errorf("a region instance's code defaults to its key: %+v", r)
	}
	if d := m.Dependency("dns[1]"); d == nil || !d.Global {
		t.Errorf("dependency.dns[1]: %+v", d)
	}
	if len(m.Audiences) != 2 || m.Audiences[0].Name != `users["eu"]` || m.Audiences[0].Near.Addr.String() != "region.eu-west-1" || m.Audiences[1].Share != 0.6 {
		t.Errorf("audiences: %+v", m.Audiences)
	}
	if got := m.Instances(Address{KindService, "worker"}); len(got) != 2 {
		t.Errorf("instances of service.worker: %v", got)
	}
}

func TestAddressStrings(t *testing.T) {
	for _, c := range []struct {
		a           Address
		str, module string
		label       string
	}{
		{Address{KindService, "api"}, "service.api", "", "api"},
		{Address{KindService, `api["eu.1"]`}, `service.api["eu.1"]`, "", "api"},
		{Address{KindData, "module.cell.rows"}, "module.cell.data.rows", "module.cell", "rows"},
		{Address{KindService, `module.a.module.b.x[3]`}, "module.a.module.b.service.x[3]", "module.a.module.b", "x"},
		{Address{KindService, `module.cell["eu.1"].x`}, `module.cell["eu.1"].service.x`, `module.cell["eu.1"]`, "x"},
		{Address{KindData, `module.cell[0].module.s.d["k"]`}, `module.cell[0].module.s.data.d["k"]`, `module.cell[0].module.s`, "d"},
	} {
		if got := c.a.String(); got != c.str {
			t.Errorf("%#v.String() = %q, want %q", c.a, got, c.str)
		}
		if got := c.a.Module(); got != c.module {
			t.Errorf("%#v.Module() = %q, want %q", c.a, got, c.module)
		}
		if got := c.a.Label(); got != c.label {
			t.Errorf("%#v.Label() = %q, want %q", c.a, got, c.label)
		}
	}
}

// writeModuleFiles writes files (name → text) into a new directory.
func writeModuleFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const varsModule = `
variable "env" {
  type = string
}
variable "count_of" {
  type    = number
  default = 1
}
region "r" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}
service "s" {
  count       = var.count_of
  description = var.env
  regions     = [region.r]
}
`

// TestVariablePrecedence follows Terraform: the environment, then
// *.auto.mrvars.hcl files in lexical order, then -var and -var-file in
// the order given, later winning.
func TestVariablePrecedence(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{
		"main.mr.hcl":            varsModule,
		"a.auto.mrvars.hcl":      "env = \"auto-a\"\n",
		"b.auto.mrvars.hcl":      "env = \"auto-b\"\ncount_of = 3\n",
		"prod.mrvars.hcl":        "env = \"file\"\n",
		"unused.auto.mrvars.hcl": "",
	})
	load := func(o LoadOptions) *Module {
		t.Helper()
		m, diags := LoadDirOptions(dir, o)
		if len(diags) > 0 {
			t.Fatal(diags.Error())
		}
		return m
	}
	env := map[string]string{"env": "from-env", "count_of": "2"}
	if m := load(LoadOptions{Env: env}); m.Services[0].Description != "auto-b" || len(m.Services) != 3 {
		t.Errorf("auto files over the environment: %q, %d services", m.Services[0].Description, len(m.Services))
	}
	m := load(LoadOptions{Env: env, Vars: []VarArg{{Name: "env", Value: "cli"}, {File: filepath.Join(dir, "prod.mrvars.hcl")}}})
	if m.Services[0].Description != "file" {
		t.Errorf("a later -var-file wins over an earlier -var: %q", m.Services[0].Description)
	}
	m = load(LoadOptions{Vars: []VarArg{{File: filepath.Join(dir, "prod.mrvars.hcl")}, {Name: "env", Value: "cli"}, {Name: "count_of", Value: "0"}}})
	if len(m.Services) != 0 {
		t.Errorf("count = 0 leaves no instance, got %d", len(m.Services))
	}
	if m.Variables[0].From != "-var" {
		t.Errorf("from = %q", m.Variables[0].From)
	}
}

func TestVariableErrors(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{"main.mr.hcl": varsModule})
	_, diags := LoadDirOptions(dir, LoadOptions{Vars: []VarArg{{Name: "count_of", Value: "two"}, {Name: "nev", Value: "x"}}})
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.Summary+": "+d.Detail)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		`No value for required variable`,
		`Invalid value for variable`,
		`A -var option sets "nev", but the module declares no such variable. Did you mean "env"?`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
	if _, err := ParseVarArg("novalue"); err == nil {
		t.Error("-var without = is accepted")
	}
	if got := EnvVars([]string{"MRPLAN_VAR_env=prod", "MRPLAN_VAR_=x", "HOME=/root"}); len(got) != 1 || got["env"] != "prod" {
		t.Errorf("EnvVars = %v", got)
	}
}

// A diagnostic inside a repeated block names the instance, once for all
// instances that make the same mistake, whether decoding or resolving
// found it.
func TestDiagnosticsNameTheInstance(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{"main.mr.hcl": `
region "r" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}
service "api" {
  for_each    = toset(["a", "b", "c"])
  regions     = [region.r]
  depends_on  = [service.nope]
  criticality = each.key == "a" ? "hihg" : "core"
}
`})
	_, diags := LoadDir(dir)
	var got []string
	for _, d := range diags {
		got = append(got, d.Summary+": "+d.Detail)
	}
	want := []string{
		`Unknown reference: There is no service named "nope" in this module. In service.api["a"] and 2 more instances.`,
		`Invalid value: The criticality argument must be one of "core", "important" or "auxiliary"; "hihg" is not. In service.api["a"].`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// toset and tolist take a short cut for elements of one primitive type
// and give what cty's conversion gives for the rest.
func TestFastCollections(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{`toset(["b", "a", "a"])`, `cty.SetVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})`},
		{`toset([1, "a"])`, `cty.SetVal([]cty.Value{cty.StringVal("1"), cty.StringVal("a")})`},
		{`tolist(["x", "y"])`, `cty.ListVal([]cty.Value{cty.StringVal("x"), cty.StringVal("y")})`},
		{`toset([])`, `cty.SetValEmpty(cty.DynamicPseudoType)`},
		{`length(toset([for i in range(5) : tostring(i % 3)]))`, `cty.NumberIntVal(3)`},
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(c.expr), "t", hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		v, diags := expr.Value(&hcl.EvalContext{Functions: functions})
		if diags.HasErrors() {
			t.Errorf("%s: %s", c.expr, diags.Error())
			continue
		}
		if got := v.GoString(); got != c.want {
			t.Errorf("%s = %s, want %s", c.expr, got, c.want)
		}
	}
}

// HCL's JSON syntax takes the same constructs: a type constraint as a
// string, for_each and count, references inside templates.
func TestCompositionInJSON(t *testing.T) {
	m := loadClean(t, "testdata/valid/json-composition")
	if len(m.Services) != 4 || m.Service(`api["b"]`).Description != "api b of 2" {
		t.Fatalf("services: %d", len(m.Services))
	}
	if deps := addrStrings(m.Service("w[1]").DependsOn); !slices.Equal(deps, []string{`service.api["a"]`}) {
		t.Errorf("w[1] depends on %q", deps)
	}
}

// A repeated block with no instance stands for nothing in a list, and a
// for_each that reads a variable given no value reports only that.
func TestEmptyExpansionsAndMissingValues(t *testing.T) {
	region := "region \"r\" {\n  city    = \"Dublin\"\n  country = \"IE\"\n  lat     = 53.35\n  lon     = -6.26\n}\n"
	dir := writeModuleFiles(t, map[string]string{"main.mr.hcl": region + `
service "w" {
  count   = 0
  regions = [region.r]
}
service "api" {
  regions    = [region.r]
  depends_on = [service.w]
}
`})
	m, diags := LoadDir(dir)
	if len(diags) > 0 || len(m.Services) != 1 || len(m.Service("api").DependsOn) != 0 {
		t.Errorf("count = 0: %d services, %s", len(m.Services), diags.Error())
	}

	dir = writeModuleFiles(t, map[string]string{"main.mr.hcl": region + `
variable "names" {
  type = set(string)
}
service "api" {
  for_each = var.names
  regions  = [region.r]
}
`})
	_, diags = LoadDir(dir)
	if len(diags) != 1 || diags[0].Summary != "No value for required variable" {
		t.Errorf("want only the missing variable, got %s", diags.Error())
	}
}

// for_each and count on a module call stamp out copies of the child:
// module.cell["a"].service.api, module.spare[1].data.store.
func TestModuleRepetition(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{
		"main.mr.hcl": `
provider "aws" {}
region "us-east-1" {}
region "eu-west-1" {}

variable "cells" {
  default = { a = "us-east-1", b = "eu-west-1" }
}

module "cell" {
  for_each = var.cells
  source   = "./cell"
  region   = each.value
  name     = each.key
}

module "spare" {
  count  = 2
  source = "./cell"
  region = "us-east-1"
  name   = "spare${count.index}"
}

service "front" {
  regions    = [region.us-east-1, region.eu-west-1]
  depends_on = [for k, c in module.cell : c.api]
  reads      = [module.spare[1].store]
}
`,
		"cell/main.mr.hcl": `
variable "region" {
  type = string
}
variable "name" {
  type = string
}
service "api" {
  description = "cell ${var.name}"
  regions     = [region[var.region]]
  writes      = [data.store]
}
data "store" {
  owner   = service.api
  product = "aws.dynamodb"
}
output "api" {
  value = service.api
}
output "store" {
  value = data.store
}
`})
	m, diags := LoadDir(dir)
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	var got []string
	for _, s := range m.Services {
		got = append(got, s.Addr().String())
	}
	slices.Sort(got)
	want := []string{`module.cell["a"].service.api`, `module.cell["b"].service.api`, "module.spare[0].service.api", "module.spare[1].service.api", "service.front"}
	if !slices.Equal(got, want) {
		t.Fatalf("services %q, want %q", got, want)
	}
	front := m.Service("front")
	if deps := addrStrings(front.DependsOn); !slices.Equal(deps, want[:2]) {
		t.Errorf("front depends on %q", deps)
	}
	if reads := addrStrings(front.Reads); !slices.Equal(reads, []string{"module.spare[1].data.store"}) {
		t.Errorf("front reads %q", reads)
	}
	if s := m.Service(`module.cell["b"].api`); s.Description != "cell b" || s.Regions[0].Addr.String() != "region.eu-west-1" {
		t.Errorf("module.cell[\"b\"].service.api: %q in %v", s.Description, s.Regions)
	}
	if len(m.Calls) != 4 || m.Calls[0].Path != `module.cell["a"]` {
		t.Errorf("calls: %d, first %q", len(m.Calls), m.Calls[0].Path)
	}
}

// Module instances are bounded in all, however count multiplies them.
func TestModuleInstancesAreBounded(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{
		"main.mr.hcl":      "module \"c\" {\n  count  = 5000\n  source = \"./cell\"\n}\n",
		"cell/main.mr.hcl": "output \"x\" {\n  value = 1\n}\n",
	})
	_, diags := LoadDir(dir)
	n := 0
	for _, d := range diags {
		if d.Summary == "Too many module instances" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one Too many module instances, got %d in %s", n, diags.Error())
	}
}
