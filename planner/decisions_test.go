package planner_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// TestDecisions plans every module under testdata/decisions and checks the
// expectations written in it as comments:
//
//	# want: service.checkout tier=0 topology=active-active guards=quorum,fencing
//
// Each key names one field of the entry's plan (see flatten); only the keys
// given are compared. lost(DOMAIN:TARGET) is the entry's fate in that
// failure scenario: serving, rerouted>REGIONS@RTO, failed-over>REGIONS@RTO,
// down@CAUSE for services; safe, exposed@RPO, gone@RPO for data. A new case
// is a new file.
func TestDecisions(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "decisions", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no decision modules: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			m := load(t, dir)
			p := planner.PlanModule(m)
			got := flatten(p)
			wants := readWants(t, m)
			if len(wants) == 0 {
				t.Fatalf("%s has no # want: lines", dir)
			}
			for _, w := range wants {
				fields, ok := got[w.addr]
				if !ok {
					t.Errorf("%s: %s is not in the plan", w.pos, w.addr)
					continue
				}
				for _, kv := range w.kvs {
					k, v, _ := strings.Cut(kv, "=")
					if fields[k] != v {
						t.Errorf("%s: %s %s = %q, want %q", w.pos, w.addr, k, fields[k], v)
					}
				}
			}
		})
	}
}

// load reads a module directory. A decision table that declares no
// provider of its own is planned with testdata/provider.mr.hcl, the custom
// catalog the tables share, laid beside its files in a temporary directory.
func load(t testing.TB, dir string) *lang.Module {
	t.Helper()
	if filepath.Base(filepath.Dir(dir)) == "decisions" {
		if _, err := os.Stat(filepath.Join(dir, "provider.mr.hcl")); os.IsNotExist(err) {
			dir = withSharedProvider(t, dir)
		}
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatalf("%s does not load: %s", dir, diags.Error())
	}
	return m
}

// sharedProvider is the custom catalog every decision table plans with,
// unless the table declares its own.
var sharedProvider = filepath.Join("testdata", "provider.mr.hcl")

// withSharedProvider copies the module files of dir and the shared provider
// into a temporary directory and returns it.
func withSharedProvider(t testing.TB, dir string) string {
	t.Helper()
	tmp := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.mr.*"))
	for _, src := range append(files, sharedProvider) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

type want struct {
	pos  string
	addr string
	kvs  []string
}

func readWants(t *testing.T, m *lang.Module) []want {
	var out []want
	var names []string
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sc := bufio.NewScanner(bytes.NewReader(m.Files[n]))
		line := 0
		for sc.Scan() {
			line++
			_, rest, ok := strings.Cut(sc.Text(), "# want:")
			if !ok {
				continue
			}
			f := strings.Fields(rest)
			if len(f) < 2 {
				t.Fatalf("%s:%d: a want line needs an address and key=value pairs", n, line)
			}
			out = append(out, want{pos: n + ":" + itoa(line), addr: f[0], kvs: f[1:]})
		}
	}
	return out
}

// flatten prints every field a decision table may check, by address.
func flatten(p *planner.Plan) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, s := range p.Services {
		rto := "unbounded"
		if !s.RTO.Unbounded {
			rto = units.FormatDuration(s.RTO.Total)
		}
		var gaps []string
		for _, g := range s.Gaps {
			var path []string
			for _, st := range g.Path {
				path = append(path, st.Addr.String())
			}
			gaps = append(gaps, g.Region+":"+strings.Join(path, ">"))
		}
		out[s.Addr.String()] = map[string]string{
			"tier":      itoa(s.Tier),
			"topology":  s.Topology.String(),
			"standby":   s.Standby.String(),
			"write":     s.WriteMode.String(),
			"pattern":   string(s.Pattern),
			"routing":   s.Routing.String(),
			"failover":  s.Failover.String(),
			"guards":    join(s.Guards),
			"rpo":       units.FormatDuration(s.RPO),
			"rto":       rto,
			"active":    strings.Join(s.Active, ","),
			"standbys":  strings.Join(s.Standbys, ","),
			"primary":   s.Primary,
			"notes":     joinNotes(s.Notes),
			"gaps":      strings.Join(gaps, ","),
			"detection": units.FormatDuration(s.RTO.Detection),
			"promotion": units.FormatDuration(s.RTO.Promotion),
			"decision":  units.FormatDuration(s.RTO.Decision),
			"provision": units.FormatDuration(s.RTO.Provision),
			"restore":   units.FormatDuration(s.RTO.Restore),
			"reasons":   fmt.Sprint(s.Reasons),
			"capacity":  capacityWords(s.Capacity),
			"cost":      strconv.FormatFloat(s.Cost.Relative, 'f', 1, 64),
		}
	}
	for _, d := range p.Data {
		loss := "unknown"
		if d.LossKnown {
			loss = units.FormatDuration(d.LossTolerance)
		}
		rpo := "none"
		if d.Counts {
			rpo = units.FormatDuration(d.RPO)
		}
		out[d.Addr.String()] = map[string]string{
			"class":       d.Class.String(),
			"loss":        loss,
			"mechanisms":  join(d.Mechanisms),
			"replication": d.Replication.String(),
			"conflict":    d.Conflict.String(),
			"write":       d.WriteMode.String(),
			"rpo":         rpo,
			"rpo_bound":   units.FormatDuration(d.RPOBound),
			"zone_rpo":    units.FormatDuration(d.ZoneRPO),
			"in_flight":   strconv.FormatBool(d.InFlight),
			"penalty":     units.FormatDuration(d.WritePenalty),
			"regions":     strings.Join(d.Regions, ","),
			"notes":       joinNotes(d.Notes),
			"reasons":     fmt.Sprint(d.Reasons),
			"copies":      copiesWords(d.Copies),
			"backup":      d.BackupRegion,
			"remote":      remoteWords(d.RemoteReads),
		}
	}
	for _, sc := range p.Scenarios {
		key := "lost(" + sc.Domain.String() + ":" + sc.Target + ")"
		for _, s := range p.Services {
			o := sc.OutcomeOf(s)
			v := o.Outcome.String()
			switch o.Outcome {
			case planner.OutcomeFailedOver, planner.OutcomeRerouted:
				v += ">" + strings.Join(o.Regions, "+") + "@" + units.FormatDuration(o.RTO)
			case planner.OutcomeDown:
				v += "@" + o.Root.String()
			}
			if len(o.DegradedBy) > 0 {
				v += "~" + join(o.DegradedBy)
			}
			out[o.Service.String()][key] = v
		}
		for _, d := range p.Data {
			out[d.Addr.String()][key] = "safe"
		}
		for _, c := range sc.Capacity {
			out[c.Service.String()]["cap("+sc.Domain.String()+":"+sc.Target+")"] = capacityWords(&c)
		}
		for _, e := range sc.Exposed {
			v := "exposed@" + units.FormatDuration(e.RPO)
			if e.AllCopiesLost {
				v = "gone@" + units.FormatDuration(e.RPO)
			}
			out[e.Data.String()][key] = v
		}
	}
	return out
}

func join[T interface{ String() string }](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = x.String()
	}
	return strings.Join(s, ",")
}

func joinNotes(ns []planner.Note) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = n.Kind.String()
	}
	return strings.Join(s, ",")
}

func itoa(i int) string { return strconv.Itoa(i) }

// capacityWords is a load as the wants write it: needed/available, then
// each region's load:capacity, "!" when short: 3000/2000!us-west-2:3000:2000.
func capacityWords(c *planner.CapacityUse) string {
	if c == nil {
		return "none"
	}
	s := planner.RPS(c.Needed) + "/" + planner.RPS(c.Available)
	if c.Short() {
		s += "!"
	}
	for _, r := range c.Regions {
		s += "," + r.Region + ":" + planner.RPS(r.Load) + ":" + planner.RPS(r.Capacity)
	}
	return s
}

// copiesWords lists copies as region:kind, "+f" on a failover target and
// "!" outside the residency.
func copiesWords(cs []planner.Copy) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Region + ":" + c.Kind.String()
		if c.FailoverTarget {
			out[i] += "+f"
		}
		if !c.Allowed {
			out[i] += "!"
		}
	}
	return strings.Join(out, ",")
}

func remoteWords(rs []planner.RemoteRead) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Service.String() + "@" + r.Region + "<" + r.From
	}
	return strings.Join(out, ",")
}
