package planner

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/internal/gen/gentest"
	"github.com/mrplan/mrplan/lang"
)

func TestMain(m *testing.M) {
	code := m.Run()
	gentest.Cleanup()
	os.Exit(code)
}

// cpuTime is the process's user and system time so far: on a machine
// shared with other work, CPU time per operation says more than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScenarios plays every failure scenario of a generated module,
// shallow and chained, at each benchmark size: the plan's decisions and
// graph are made once, outside the timing.
//
//	go test ./planner -run '^$' -bench Scenarios -benchmem
func BenchmarkScenarios(b *testing.B) {
	for _, n := range gentest.Sizes() {
		for _, s := range []gen.Shape{gen.Shallow, gen.Chain} {
			dir := gentest.Dir(b, gen.Options{Services: n, Shape: s})
			b.Run(gentest.Name(n, s), func(b *testing.B) {
				m, diags := lang.LoadDir(dir)
				if diags.HasErrors() {
					b.Fatal(diags.Error())
				}
				p := newPlanner(m, Options{})
				p.plan()
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					p.out.Scenarios = nil
					p.playScenarios()
				}
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
