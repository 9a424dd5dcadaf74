package bench_test

import (
	"bytes"
	"io"
	"os"
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
		var buf bytes.Buffer
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
