package ops

import (
	"path/filepath"
	"slices"
	"strings"
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
	return append(dirs, "testdata/chain5", "testdata/overrides", "testdata/multicloud")
}

// TestStepsAddUpToPlanRTO: in every runbook of every example, the
// expected durations of a service's steps add up to the plan's RTO for that
// service in that scenario, the RTO the scenario itself records; a service
// has no bounded RTO exactly when it is down. Provider and dependency
// scenarios included: every scenario of the plan has its section.
func TestStepsAddUpToPlanRTO(t *testing.T) {
	byDomain := map[lang.FailureDomain]int{}
	for _, dir := range moduleDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p := planDir(t, dir)
			rb := BuildRunbook(p)
			scenarios := map[string]*planner.Scenario{}
			for _, sc := range p.Scenarios {
				scenarios[sc.Name()] = sc
				if _, ok := rb.Find(sc.Name()); !ok {
					t.Errorf("scenario %s has no runbook section", sc.Name())
				}
			}
			checked := 0
			for _, sec := range rb.Sections {
				for _, sr := range sec.Services {
					if sr.Bounded && sr.Outcome == planner.OutcomeDown {
						t.Errorf("%s: %s is down but has a bounded RTO of %s", sec.Name(), sr.Service.Addr, sr.RTO)
					}
					if !sr.Bounded {
						if sr.Outcome != planner.OutcomeDown {
							t.Errorf("%s: %s is %s but has no bounded RTO", sec.Name(), sr.Service.Addr, sr.Outcome)
						}
						continue
					}
					checked++
					if sec.Domain == lang.DomainProvider || sec.Domain == lang.DomainDependency {
						byDomain[sec.Domain]++
					}
					if got := sr.StepsTotal(); got != sr.RTO {
						t.Errorf("%s: %s steps add up to %s, its RTO is %s", sec.Name(), sr.Service.Addr, got, sr.RTO)
					}
					// The RTO is the plan's: the scenario's outcome, or the
					// zone-level RTO for a zone that loses no region.
					want := sr.Service.RTO.Total
					for _, name := range sec.Names {
						sc := scenarios[name]
						if sc.Domain != lang.DomainZone || len(sc.Lost) > 0 {
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
	if byDomain[lang.DomainProvider] == 0 || byDomain[lang.DomainDependency] == 0 {
		t.Errorf("bounded services checked in provider and dependency sections: %v, want some of each", byDomain)
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
	rb = BuildRunbook(planDir(t, "../examples/observed-checkout"))
	for name, want := range map[string]string{
		"provider aws lost": "provider aws lost", "provider aws": "provider aws lost", "aws": "provider aws lost",
		"dependency stripe lost": "dependency stripe lost", "Dependency Stripe": "dependency stripe lost",
		"stripe": "dependency stripe lost", "dependency.stripe": "dependency stripe lost", "region.eu-west-1": "region eu-west-1 lost",
	} {
		if s, ok := rb.Find(name); !ok || s.Name() != want {
			t.Errorf("Find(%q) = %v, want %q", name, s, want)
		}
	}
	for _, name := range []string{"us-east-9", "region", "", "dependency", "dependency.", "service.checkout"} {
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

// TestProviderAndDependencySections plays testdata/multicloud: losing aws
// fails api over to gcp and reroutes web, which also runs on the fallback
// of its call to pricing (down with aws); losing intl-idp fails the
// sign-ins of international users only; losing tax-api puts web on the
// call block's fallback for one partition.
func TestProviderAndDependencySections(t *testing.T) {
	p := planDir(t, "testdata/multicloud")
	rb := BuildRunbook(p)
	find := func(name string) *Section {
		t.Helper()
		s, ok := rb.Find(name)
		if !ok {
			t.Fatalf("no section %q in %v", name, rb.Names())
		}
		return s
	}
	service := func(s *Section, name string) *ServiceRunbook {
		t.Helper()
		for _, sr := range s.Services {
			if sr.Service.Addr.Name == name {
				return sr
			}
		}
		t.Fatalf("%s: no service %s", s.Name(), name)
		return nil
	}
	kinds := func(sr *ServiceRunbook) []string {
		var out []string
		for _, st := range sr.Steps {
			out = append(out, st.Kind.String())
		}
		return out
	}

	aws := find("provider aws")
	if !slices.Equal(aws.Lost, []string{"us-east-1", "us-west-2"}) {
		t.Errorf("provider aws loses %v", aws.Lost)
	}
	api := service(aws, "api")
	if api.Outcome != planner.OutcomeFailedOver || !slices.Equal(api.To, []string{"us-central1"}) || api.StepsTotal() != api.RTO || api.RTO != api.Service.RegionRTO.Total {
		t.Errorf("api: %s to %v, steps %s, RTO %s", api.Outcome, api.To, api.StepsTotal(), api.RTO)
	}
	web := service(aws, "web")
	if got := kinds(web); !slices.Equal(got, []string{"detect", "shift-traffic", "fallback", "verify"}) {
		t.Errorf("web's steps on provider aws lost: %v", got)
	}
	if len(web.Fallbacks) != 1 || web.Fallbacks[0].Text != "show the last cached prices" || web.Fallbacks[0].Source != "call" {
		t.Errorf("web's fallbacks: %+v", web.Fallbacks)
	}
	for _, name := range []string{"pricing", "reports"} {
		sr := service(aws, name)
		if sr.Outcome != planner.OutcomeDown || sr.Bounded || len(sr.Steps) != 1 || sr.Steps[0].Kind != StepCommunicate {
			t.Errorf("%s: %s, bounded %v, steps %v", name, sr.Outcome, sr.Bounded, kinds(sr))
		}
		if !strings.Contains(strings.Join(sr.Steps[0].Do, " "), "on provider aws, which is lost") || !strings.HasPrefix(sr.FailBack[0], "When provider aws returns") {
			t.Errorf("%s: %q, fail back %q", name, sr.Steps[0].Do, sr.FailBack)
		}
	}
	if !strings.Contains(strings.Join(service(aws, "reports").Steps[0].Do, " "), "reports are regenerated") {
		t.Error("reports: compensation text not quoted")
	}

	gcp := find("provider gcp lost")
	if len(gcp.Dependencies) != 1 || gcp.Dependencies[0].Dependency.Name != "intl-idp" {
		t.Errorf("provider gcp takes %+v, want dependency.intl-idp (only in us-central1)", gcp.Dependencies)
	}

	// A dependency present only in a lost region goes with it, and its
	// probe is how the fallback's trigger shows; a global one does not.
	central := find("region us-central1")
	if len(central.Dependencies) != 1 || central.Dependencies[0].Dependency.Name != "intl-idp" || central.Signals[0].Selector() != `MrplanDependencyDown{dependency="intl-idp"}` {
		t.Errorf("region us-central1: dependencies %+v, signals %+v", central.Dependencies, central.Signals)
	}
	for _, d := range find("country US").Dependencies {
		if d.Dependency.Global {
			t.Errorf("country US lost lists the global %s as lost", d.Addr())
		}
	}

	idp := find("intl-idp")
	if idp.Domain != lang.DomainDependency || len(idp.Signals) == 0 || idp.Signals[0].Selector() != `MrplanDependencyDown{dependency="intl-idp"}` {
		t.Fatalf("intl-idp: %s, signals %+v", idp.Domain, idp.Signals)
	}
	w := service(idp, "web")
	if w.Outcome != planner.OutcomeDegraded || !w.Bounded || w.RTO != 0 || w.StepsTotal() != 0 {
		t.Errorf("web on intl-idp lost: %s, bounded %v, RTO %s, steps %s", w.Outcome, w.Bounded, w.RTO, w.StepsTotal())
	}
	if got := kinds(w); !slices.Equal(got, []string{"detect", "fallback", "communicate", "verify"}) {
		t.Errorf("web's steps on intl-idp lost: %v", got)
	}
	fb := strings.Join(w.Steps[1].Do, " ")
	if !strings.Contains(fb, "Requests from audience.international (30% of users) fail") {
		t.Errorf("scoped call without fallback: %q", fb)
	}
	if comm := strings.Join(w.Steps[2].Do, " "); !strings.Contains(comm, "international shoppers check out as guests") {
		t.Errorf("communicate: %q", comm)
	}

	tax := service(find("dependency tax-api lost"), "web")
	if len(tax.Fallbacks) != 1 || tax.Fallbacks[0].Partition != "EU tenants" {
		t.Fatalf("tax-api fallbacks: %+v", tax.Fallbacks)
	}
	if fb := strings.Join(tax.Steps[1].Do, " "); !strings.Contains(fb, `of partition "EU tenants" only`) || !strings.Contains(fb, `"charge the estimated tax and reconcile later"`) {
		t.Errorf("tax-api fallback step: %q", fb)
	}
	if !strings.Contains(tax.FailBack[0], "work off what the fallback deferred") {
		t.Errorf("tax-api fail back: %q", tax.FailBack)
	}
}

// TestDependencyAlerts: every dependency a service calls has a probe rule,
// critical when a caller needs it, with the module's expression.
func TestDependencyAlerts(t *testing.T) {
	f := BuildAlerts(planDir(t, "testdata/multicloud"))
	rules := map[string]Rule{}
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert == alertDependencyDown {
				rules[r.Labels["dependency"]] = r
			}
		}
	}
	if len(rules) != 2 {
		t.Fatalf("dependency rules for %v, want intl-idp and tax-api", rules)
	}
	r := rules["tax-api"]
	if r.Expr != `max(probe_success{job="bb-deps",target="tax-api"}) < 1` || r.Labels["severity"] != "warning" || r.Annotations["runbook"] != "mrplan runbook --scenario 'dependency tax-api'" {
		t.Errorf("tax-api rule: %+v", r)
	}
	f = BuildAlerts(planDir(t, "../examples/global-commerce"))
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert == alertDependencyDown && r.Labels["dependency"] == "payment-gateway" && r.Labels["severity"] != "critical" {
				t.Errorf("payment-gateway, called with no fallback, is %s", r.Labels["severity"])
			}
		}
	}
}

// TestCountsMatchFill: what a table of contents shows of a section before
// it is written (Counts, LostDependencies) is what writing it gives, and a
// released section is written again the same.
func TestCountsMatchFill(t *testing.T) {
	for _, dir := range moduleDirs(t) {
		p := planDir(t, dir)
		rb := Index(p)
		for _, s := range rb.Sections {
			acting, exposed := rb.Counts(s)
			deps := len(rb.LostDependencies(s))
			rb.Fill(s)
			if acting != len(s.Services) || exposed != len(s.Exposed) || deps != len(s.Dependencies) {
				t.Errorf("%s %s: counted %d services, %d data, %d dependencies; filled %d, %d, %d",
					filepath.Base(dir), s.Name(), acting, exposed, deps, len(s.Services), len(s.Exposed), len(s.Dependencies))
			}
			steps := 0
			for _, sr := range s.Services {
				steps += len(sr.Steps)
			}
			rb.Release(s)
			if s.Filled() || s.Services != nil {
				t.Fatalf("%s: still filled after Release", s.Name())
			}
			rb.Fill(s)
			again := 0
			for _, sr := range s.Services {
				again += len(sr.Steps)
			}
			if again != steps || len(s.Services) != acting {
				t.Errorf("%s %s: refilled with %d services, %d steps; first %d, %d", filepath.Base(dir), s.Name(), len(s.Services), again, acting, steps)
			}
		}
	}
}
