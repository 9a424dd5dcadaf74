package bench_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/bench"
	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/internal/command"
	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/internal/gen/gentest"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

func TestMain(m *testing.M) {
	code := m.Run()
	gentest.Cleanup()
	os.Exit(code)
}

var shapes = []gen.Shape{gen.Shallow, gen.Chain}

// each runs f as a sub-benchmark per size and shape, on a generated module.
func each(b *testing.B, f func(b *testing.B, dir string)) {
	for _, n := range gentest.Sizes() {
		for _, s := range shapes {
			dir := gentest.Dir(b, gen.Options{Services: n, Shape: s})
			b.Run(gentest.Name(n, s), func(b *testing.B) {
				b.ReportAllocs()
				f(b, dir)
			})
		}
	}
}

// BenchmarkFloor is the parse floor: hclparse and a visit of every block
// and attribute, on one core.
func BenchmarkFloor(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		files, err := lang.ModuleFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		for b.Loop() {
			if _, err := bench.Floor(files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func load(b *testing.B, dir string) *lang.Module {
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		b.Fatal(diags.Error())
	}
	return m
}

// BenchmarkLoad is lang.LoadDir: parse, decode and resolve.
func BenchmarkLoad(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		for b.Loop() {
			load(b, dir)
		}
	})
}

// BenchmarkPlan is planner.PlanModule, scenarios included.
func BenchmarkPlan(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		m := load(b, dir)
		for b.Loop() {
			planner.PlanModule(m)
		}
	})
}

// BenchmarkChecks runs every check of validate over a planned module.
func BenchmarkChecks(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		m := load(b, dir)
		p := planner.PlanModule(m)
		cfg, _, err := checks.NewConfig(m.Settings, checks.Flags{})
		if err != nil {
			b.Fatal(err)
		}
		today := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		for b.Loop() {
			checks.Run(&checks.Context{Module: m, Plan: p, Today: today}, cfg)
		}
	})
}

// BenchmarkRenderJSON renders a plan as JSON.
func BenchmarkRenderJSON(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		m := load(b, dir)
		p := planner.PlanModule(m)
		// One render first sizes the buffer, so the loop measures the
		// rendering, not the buffer's growth.
		var buf bytes.Buffer
		if err := views.PlanJSON(&buf, p, nil, views.PlanMeta{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			buf.Reset()
			if err := views.PlanJSON(&buf, p, nil, views.PlanMeta{Version: "bench"}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len())/1e6, "MB")
	})
}

// run runs mrplan in process, with MRPLAN_BENCH_FLAGS (space-separated,
// such as "--disable-check MR402") after the command's name.
func run(b *testing.B, args ...string) {
	if extra := strings.Fields(os.Getenv("MRPLAN_BENCH_FLAGS")); len(extra) > 0 {
		args = append(append([]string{args[0]}, extra...), args[1:]...)
	}
	var errs strings.Builder
	code := command.Main(args, command.Streams{In: strings.NewReader(""), Out: io.Discard, Err: &errs})
	if code == 2 || errs.Len() > 0 && code != 0 && code != 1 {
		b.Fatalf("mrplan %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
}

// BenchmarkValidate is `mrplan validate DIR`, in process.
func BenchmarkValidate(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		for b.Loop() {
			run(b, "validate", dir)
		}
	})
}

// BenchmarkPlanJSON is `mrplan plan --format json DIR`, in process.
func BenchmarkPlanJSON(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		for b.Loop() {
			run(b, "plan", "--format", "json", dir)
		}
	})
}

// touchOnePercent copies the module in dir and changes the criticality of
// every hundredth service, so that its decisions change.
func touchOnePercent(b *testing.B, dir string) string {
	out := b.TempDir()
	files, err := filepath.Glob(filepath.Join(dir, "*.hcl"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no module files in %s: %v", dir, err)
	}
	svc := regexp.MustCompile(`service "svc-(\d+)" \{\n(?:.*\n)*?  criticality = "([a-z-]+)"`)
	touched := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		src = svc.ReplaceAllFunc(src, func(m []byte) []byte {
			g := svc.FindSubmatch(m)
			if !strings.HasSuffix(string(g[1]), "00") {
				return m
			}
			touched++
			to := "core"
			if string(g[2]) == "core" {
				to = "auxiliary"
			}
			return bytes.Replace(m, []byte(`"`+string(g[2])+`"`), []byte(`"`+to+`"`), 1)
		})
		if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if touched == 0 {
		b.Fatal("no service changed")
	}
	return out
}

// BenchmarkPlanDiff compares a plan with a saved baseline in which ~1% of
// the services differ, and renders the plan JSON with its changes.
func BenchmarkPlanDiff(b *testing.B) {
	each(b, func(b *testing.B, dir string) {
		var base bytes.Buffer
		if err := views.PlanJSON(&base, planner.PlanModule(load(b, dir)), nil, views.PlanMeta{Version: "bench"}); err != nil {
			b.Fatal(err)
		}
		p := planner.PlanModule(load(b, touchOnePercent(b, dir)))
		var buf bytes.Buffer
		var d *views.PlanDiff
		for b.Loop() {
			var err error
			if d, err = views.DiffPlan(p, nil, base.Bytes(), views.BaselinePlan, "base.json"); err != nil {
				b.Fatal(err)
			}
			buf.Reset()
			if err := views.PlanJSON(&buf, p, nil, views.PlanMeta{Version: "bench", Diff: d}); err != nil {
				b.Fatal(err)
			}
		}
		if d.Update == 0 {
			b.Fatal("the diff has no update")
		}
		b.ReportMetric(float64(d.Update), "updates")
		b.ReportMetric(float64(len(d.Scenarios)), "fates")
		b.ReportMetric(float64(buf.Len())/1e6, "MB")
	})
}

// BenchmarkForEach is `mrplan validate` on one module written two ways: a
// block per service (flat), and one for_each block each for the services
// and the data classes over locals (gen.Options.ForEach). The for_each
// form should stay within 1.2x of the flat one.
func BenchmarkForEach(b *testing.B) {
	for _, n := range gentest.Sizes() {
		for _, fe := range []bool{false, true} {
			dir := gentest.Dir(b, gen.Options{Services: n, ForEach: fe, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
			name := fmt.Sprintf("%dk/flat", n/1000)
			if fe {
				name = fmt.Sprintf("%dk/for_each", n/1000)
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					run(b, "validate", dir)
				}
			})
		}
	}
}

// BenchmarkForEachUniform is `mrplan validate` on 10,000 services of one
// shape, stamped out by for_each over setproduct of 100 cells and 100
// kinds, against the same services written out flat.
func BenchmarkForEachUniform(b *testing.B) {
	flat, fe := b.TempDir(), b.TempDir()
	writeUniform(b, flat, fe)
	for _, c := range []struct{ name, dir string }{{"10k/flat", flat}, {"10k/for_each", fe}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				run(b, "validate", c.dir)
			}
		})
	}
}

// writeUniform writes the two forms of BenchmarkForEachUniform's module.
func writeUniform(tb testing.TB, flat, fe string) {
	const head = `provider "aws" {}
region "us-east-1" {}
region "eu-west-1" {}

objective "cell" {
  rpo = "1m"
  rto = "5m"
}
`
	var cells, kinds []string
	for i := range 100 {
		cells = append(cells, fmt.Sprintf("%q", fmt.Sprintf("c%02d", i)))
		kinds = append(kinds, fmt.Sprintf("%q", fmt.Sprintf("k%02d", i)))
	}
	src := head + fmt.Sprintf(`
locals {
  cells = [%s]
  kinds = [%s]
  keys  = toset([for p in setproduct(local.cells, local.kinds) : join("-", p)])
}

service "svc" {
  for_each    = local.keys
  description = "cell service ${each.key}"
  criticality = "important"
  objective   = objective.cell
  regions     = [region.us-east-1, region.eu-west-1]
  writes      = [data.store[each.key]]
}

data "store" {
  for_each       = local.keys
  owner          = service.svc[each.key]
  product        = "aws.dynamodb"
  size           = "100GB"
  loss_tolerance = "15m"
}
`, strings.Join(cells, ", "), strings.Join(kinds, ", "))
	if err := os.WriteFile(filepath.Join(fe, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
	for c := range 100 {
		var b strings.Builder
		if c == 0 {
			b.WriteString(head)
		}
		for k := range 100 {
			key := fmt.Sprintf("c%02d-k%02d", c, k)
			fmt.Fprintf(&b, `
service "svc-%[1]s" {
  description = "cell service %[1]s"
  criticality = "important"
  objective   = objective.cell
  regions     = [region.us-east-1, region.eu-west-1]
  writes      = [data.store-%[1]s]
}

data "store-%[1]s" {
  owner          = service.svc-%[1]s
  product        = "aws.dynamodb"
  size           = "100GB"
  loss_tolerance = "15m"
}
`, key)
		}
		if err := os.WriteFile(filepath.Join(flat, fmt.Sprintf("s%03d.mr.hcl", c)), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// The two forms of the uniform module are the same 10,000 services.
func TestUniformForms(t *testing.T) {
	flat, fe := t.TempDir(), t.TempDir()
	writeUniform(t, flat, fe)
	a, _ := lang.LoadDir(flat)
	b, _ := lang.LoadDir(fe)
	if len(a.Services) != 10000 || len(b.Services) != 10000 || len(a.Data) != 10000 || len(b.Data) != 10000 {
		t.Fatalf("flat %d/%d, for_each %d/%d", len(a.Services), len(a.Data), len(b.Services), len(b.Data))
	}
}
