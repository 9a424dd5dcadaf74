package ops

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/gen"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

func planDir(t *testing.T, dir string) *planner.Plan {
	t.Helper()
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatalf("load %s: %s", dir, diags.Error())
	}
	return planner.PlanModule(m)
}

func moduleDirs(t *testing.T) []string {
	dirs, err := filepath.Glob("../examples/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return append(dirs, "testdata/chain5", "testdata/overrides")
}

// TestStepsAddUpToPlanRTO: in every runbook of every example, the
// expected durations of a service's steps add up to the plan's RTO for that
// service in that scenario, the RTO the scenario itself records.
func TestStepsAddUpToPlanRTO(t *testing.T) {
	for _, dir := range moduleDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p := planDir(t, dir)
			rb := BuildRunbook(p)
			scenarios := map[string]*planner.Scenario{}
			for _, sc := range p.Scenarios {
				scenarios[sc.Name()] = sc
			}
			checked := 0
			for _, sec := range rb.Sections {
				for _, sr := range sec.Services {
					if !sr.Bounded {
						if sr.Outcome != planner.OutcomeDown {
							t.Errorf("%s: %s is %s but has no bounded RTO", sec.Name(), sr.Service.Addr, sr.Outcome)
						}
						continue
					}
					checked++
					if got := sr.StepsTotal(); got != sr.RTO {
						t.Errorf("%s: %s steps add up to %s, its RTO is %s", sec.Name(), sr.Service.Addr, got, sr.RTO)
					}
					// The RTO is the plan's: the scenario's outcome, or the
					// zone-level RTO for a zone that loses no region.
					want := sr.Service.RTO.Total
					for _, name := range sec.Names {
						sc := scenarios[name]
						if len(sc.Lost) > 0 {
							want = sc.OutcomeOf(sr.Service).RTO
						}
						if sr.RTO != want {
							t.Errorf("%s: %s RTO %s, the plan says %s", name, sr.Service.Addr, sr.RTO, want)
						}
					}
				}
			}
			if checked == 0 {
				t.Error("no runbook with steps")
			}
		})
	}
}

// TestPromotionFollowsDependencies plays the loss of the primary region of
// a chain of five services (storefront → orders → payments → ledger →
// accounts): accounts must move first and storefront last, every data class
// must be promoted before the service that writes it shifts traffic, and
// data.receipts, written by two of them, is promoted once, with the first.
func TestPromotionFollowsDependencies(t *testing.T) {
	p := planDir(t, "testdata/chain5")
	rb := BuildRunbook(p)
	sec, ok := rb.Find("region us-east-1")
	if !ok {
		t.Fatalf("no section for region us-east-1 in %v", rb.Names())
	}
	var order []string
	for _, sr := range sec.Services {
		order = append(order, sr.Service.Addr.Name)
	}
	want := []string{"accounts", "ledger", "payments", "orders", "storefront"}
	if !slices.Equal(order, want) {
		t.Fatalf("services in order %v, want %v", order, want)
	}
	// Walk every step of the section in order; a data class's promotion
	// must come before any traffic shift of a service that writes it.
	promotedAt := map[string]int{}
	promoteLines := 0
	i := 0
	for _, sr := range sec.Services {
		for _, st := range sr.Steps {
			i++
			switch st.Kind {
			case StepPromote:
				for _, d := range st.Promotes {
					name := d.String()
					if _, dup := promotedAt[name]; dup {
						t.Errorf("%s promoted twice", name)
					}
					promotedAt[name] = i
					promoteLines++
				}
			case StepShift:
				for _, d := range p.Data {
					if !slices.Contains(d.Writers, sr.Service.Addr) {
						continue
					}
					at, ok := promotedAt[d.Addr.String()]
					if !ok || at > i {
						t.Errorf("%s shifts traffic (step %d) before %s is promoted", sr.Service.Addr, i, d.Addr)
					}
				}
			}
		}
	}
	if promoteLines != 6 {
		t.Errorf("%d promotions, want 6 (one per data class)", promoteLines)
	}
	if promotedAt["data.receipts"] == 0 || promotedAt["data.receipts"] > promotedAt["data.orders"] {
		t.Errorf("data.receipts promoted at %d, after data.orders at %d: it belongs with payments", promotedAt["data.receipts"], promotedAt["data.orders"])
	}
}

func TestFindScenario(t *testing.T) {
	rb := BuildRunbook(planDir(t, "../examples/global-commerce"))
	for _, name := range []string{"region us-east-1 lost", "Region us-east-1", "us-east-1", "zone us-east-1-z2 lost", "us-east-1-z3", "country US"} {
		if _, ok := rb.Find(name); !ok {
			t.Errorf("Find(%q) found nothing", name)
		}
	}
	if s, _ := rb.Find("us-east-1-z3"); s != nil && s.Name() != "zone us-east-1-z1 lost" {
		t.Errorf("us-east-1-z3 is covered by %q, want the shared zone section", s.Name())
	}
	for _, name := range []string{"us-east-9", "region", ""} {
		if s, ok := rb.Find(name); ok {
			t.Errorf("Find(%q) = %q, want nothing", name, s.Name())
		}
	}
}

// TestStepsAddUpOnGeneratedModules runs the same sums over generated
// modules of both graph shapes, which have every topology, standby and
// failover mode the planner picks, and dependency chains hundreds long.
func TestStepsAddUpOnGeneratedModules(t *testing.T) {
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		t.Run(shape.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := gen.Write(dir, gen.Options{Services: 300, Shape: shape, Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
			p := planDir(t, dir)
			rb := BuildRunbook(p)
			n := 0
			for _, sec := range rb.Sections {
				pos := map[lang.Address]int{}
				for i, sr := range sec.Services {
					pos[sr.Service.Addr] = i
				}
				for i, sr := range sec.Services {
					if sr.Bounded {
						n++
						if got := sr.StepsTotal(); got != sr.RTO {
							t.Errorf("%s: %s steps add up to %s, RTO %s", sec.Name(), sr.Service.Addr, got, sr.RTO)
						}
					}
					// A direct dependency the scenario also touches comes first.
					for _, r := range sr.Service.Block.DependsOn {
						if j, ok := pos[r.Addr]; ok && j > i {
							t.Errorf("%s: %s (at %d) comes before its dependency %s (at %d)", sec.Name(), sr.Service.Addr, i, r.Addr, j)
						}
					}
				}
			}
			if n == 0 {
				t.Error("no bounded runbook")
			}
		})
	}
}
