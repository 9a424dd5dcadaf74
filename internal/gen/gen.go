// Package gen writes large, realistic mrplan modules for benchmarks, scale
// tests and anyone who wants to see how mrplan behaves on an organisation of
// thousands of services.
//
// A module is seeded, so the same options always give the same bytes. It is
// the module of an organisation whose CI gate passes: `mrplan validate`
// finds no error in it, at any size from 100 services up and in both
// shapes, and only a seeded sprinkle of warnings and notices on under 1%
// of the services (an auxiliary service made active-active, an owner
// without a replication_lag_alert, a stale failover drill, a tier-0 service
// without a compensation plan, in the shallow shape a tier inversion), so
// the checks still have something to report.
//
// The module has 24 aws regions grouped in eight cells of three nearby
// regions. Every service lives in one cell: a tier-0 (core) service runs
// active-active in all three of its cell's regions, a tier-1 (important)
// service in the first two, a tier-2 (auxiliary) service in the first one,
// or in the first two with a cold standby. A service only depends on
// services of its own cell that run in every region it runs in and are of
// its tier or a more available one, so no dependency, direct or transitive,
// is missing from a region a service runs or fails over in. Each service
// writes one data class (aws products chosen so that its objective is
// achievable), sometimes reads one of a callee's, and there is one
// dependency block per ten services, placed in a cell's regions, global, or
// soft (with a fallback). Tier-0 and tier-1 services record a failover
// drill within the 90 days before Options.Today, and every service in more
// than one region alerts on replication lag; tier-0 services have a
// compensation plan. Objectives are met with the planner's defaults: no
// routing or dns_ttl is set, and no failover is automatic without a quorum.
//
// The shape of the depends_on graph, about three references per service,
// is either shallow (a layered DAG six levels deep: a service calls
// services of the next layer down, or a later one, and the bottom layer
// calls only dependency blocks) or chain (93% of the services, all in the
// first cell, form a chain in which each depends on the next, so the graph
// is as deep as it is long; along the chain tiers only get more critical
// and regions only wider, as they must for the module to validate, so
// nearly every service of the chain runs in us-east-1; the other 7% are
// spread over the other cells).
//
// gen does not read or decide anything about modules: it only writes them.
// The language lives in lang, the plan in planner.
package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Shape is the form of the depends_on graph.
type Shape int

const (
	// Shallow is a layered DAG: each service depends on services of the next
	// of a few layers, so paths are short.
	Shallow Shape = iota
	// Chain makes most services a chain, each depending on the next, so the
	// longest path runs through nearly every service.
	Chain
)

func (s Shape) String() string {
	if s == Chain {
		return "chain"
	}
	return "shallow"
}

// ParseShape reads "shallow" or "chain".
func ParseShape(s string) (Shape, error) {
	switch s {
	case "shallow":
		return Shallow, nil
	case "chain":
		return Chain, nil
	}
	return 0, fmt.Errorf("unknown shape %q: want shallow or chain", s)
}

// Options say what to generate. The zero value of a field takes its default.
type Options struct {
	Services     int    // number of services and of data classes; default 1,000
	Dependencies int    // number of dependency blocks; default Services/10
	Files        int    // number of files; default 100 (at least 3)
	Seed         uint64 // default 1
	Shape        Shape
	// ForEach writes the services and data classes as one for_each block
	// each, over locals spread across the files (addresses
	// service.svc["svc-00042"] and data.store["svc-00042"]), instead of a
	// block per service: the same module, to measure expansion against.
	ForEach bool
	// Flawed is the percentage of services seeded with a flaw, 1 to 100,
	// for measuring a module that does not pass its gate; 0 is the default
	// sprinkle (under 1%). With it, services at the bottom of the graph
	// also call a dependency block placed in one region only (MR101): in
	// the chain shape the end of the chain, so every service above it is
	// named in that one finding.
	Flawed int
	// Today dates the failover drills: each lies within the 90 days before
	// it. Default: the current date (UTC), so give it for the same bytes on
	// every day.
	Today time.Time
}

// File is one generated module file.
type File struct {
	Name string
	Src  []byte
}

// Regions is the number of regions of every generated module.
const Regions = 24

// cellSize is the number of regions of a cell.
const cellSize = 3

// The 24 aws regions the modules use, as eight cells of three nearby
// regions; a service of a cell runs in a prefix of its cell's regions.
var regionNames = []string{
	"us-east-1", "us-east-2", "ca-central-1",
	"us-west-2", "us-west-1", "ca-west-1",
	"eu-west-1", "eu-west-2", "eu-west-3",
	"eu-central-1", "eu-central-2", "eu-north-1",
	"eu-south-1", "eu-south-2", "il-central-1",
	"ap-northeast-1", "ap-northeast-3", "ap-northeast-2",
	"ap-southeast-1", "ap-south-1", "ap-southeast-2",
	"sa-east-1", "me-central-1", "af-south-1",
}

const cells = Regions / cellSize

// syncCells are the first cells, whose regions are close enough for
// synchronous replication within a 50ms write latency budget, except
// noSyncCell: Tel Aviv is about 50 to 60 ms from Milan and Madrid in
// Microsoft's measured table (routes go round through Marseille), so the
// eu-south cell is too far apart for a synchronous quorum.
const (
	syncCells  = 6
	noSyncCell = 4
)

// Data class products by tier (0 core, 1 important, 2 auxiliary), all from
// the built-in aws catalog, each able to meet its tier's objective.
var dataProducts = [3][]string{
	{"aurora-postgresql", "dynamodb", "aurora-mysql", "dynamodb-mrsc", "memorydb"},
	{"aurora-postgresql", "dynamodb", "elasticache-redis", "documentdb", "s3", "keyspaces"},
	{"rds-postgresql", "rds-mysql", "s3", "opensearch", "sqs", "kinesis"},
}

// Dependency kinds with a fitting aws product ("" for none).
var dependencyKinds = []struct{ kind, product string }{
	{"third-party", ""},
	{"identity", "cognito"},
	{"queue", "sqs"},
	{"cache", "elasticache-redis"},
	{"database", "dynamodb"},
	{"secrets", "secrets-manager"},
	{"dns", "route53"},
	{"object-store", "s3"},
}

var objectives = []string{"revenue-path", "shopping", "best-effort"}

func (o Options) withDefaults() Options {
	if o.Services <= 0 {
		o.Services = 1000
	}
	if o.Dependencies <= 0 {
		o.Dependencies = max(1, o.Services/10)
	}
	if o.Files <= 0 {
		o.Files = 100
	}
	o.Files = max(o.Files, 3)
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Today.IsZero() {
		o.Today = time.Now().UTC()
	}
	y, m, d := o.Today.Date()
	o.Today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return o
}

// flaw is the set of findings a service is seeded to show: one at most in
// the sprinkle, every one that fits with Options.Flawed.
type flaw int

const (
	flawNone       flaw = 0
	flawActive     flaw = 1 << (iota - 1) // MR403: a tier-2 service made active-active
	flawNoLagAlert                        // MR502: replicated data, no replication_lag_alert
	flawNoComp                            // MR404: a tier-0 service without compensation
	flawStaleDrill                        // MR501: a failover drill older than 90 days
	flawInversion                         // MR102: one call to a less available service
)

// has says whether f includes g.
func (f flaw) has(g flaw) bool { return f&g != 0 }

// service is what the generator decides about one service before writing.
type service struct {
	tier  int
	cell  int
	width int // regions: the first width of its cell's
	layer int // shallow: its layer, 0 the top
	flaw  flaw
	deps  []string
	reads int // index of a service whose data class it reads, or -1
}

// canCall reports whether a service may depend on callee without a hidden
// single-region dependency or a tier inversion.
func (s *service) canCall(callee *service) bool {
	return callee.cell == s.cell && callee.width >= s.width && callee.tier <= s.tier
}

// dependency is one dependency block: a cell's, or everywhere (cell -1).
type dependency struct {
	cell int
	kind int // index into dependencyKinds
	soft bool
	// region, when not empty, is the one region the block is placed in
	// (Options.Flawed's hidden single-region dependencies).
	region string
}

// Generate returns the files of a module. Names sort in the order written:
// 000-main.mr.hcl (settings, regions, objectives, audiences),
// 001-dependencies.mr.hcl, then services-NNN.mr.hcl.
func Generate(o Options) []File {
	o = o.withDefaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x6d72706c616e))
	n := o.Services
	svc := make([]service, n)
	if o.Shape == Chain {
		placeChain(rng, svc)
	} else {
		placeShallow(rng, svc)
	}
	// The sprinkle of findings: per mille of the services a flaw fits, and
	// never more flawed services than 1% of all, so a small module too has
	// warnings and notices on under 2% of its services.
	flaws, maxFlaws := 0, max(1, n/100)
	for i := range svc {
		s := &svc[i]
		s.reads = -1
		u := rng.IntN(1000)
		if o.Flawed > 0 {
			// Every flaw that fits, on Flawed% of the services.
			if rng.IntN(100) < o.Flawed {
				s.flaw = fitting(o, s)
			}
			continue
		}
		switch {
		case flaws >= maxFlaws:
		case u < 15:
			if s.tier == 2 && s.width == 2 {
				s.flaw = flawActive
			}
		case u < 20:
			if s.tier < 2 {
				s.flaw = flawNoLagAlert
			}
		case u < 32:
			if s.tier == 0 {
				s.flaw = flawNoComp
			}
		case u < 37:
			if s.tier < 2 {
				s.flaw = flawStaleDrill
			}
		case u < 45:
			if s.tier == 1 && o.Shape == Shallow {
				s.flaw = flawInversion
			}
		}
		if s.flaw != flawNone {
			flaws++
		}
	}

	deps := makeDependencies(rng, o.Dependencies)
	byCell := make([][]int, cells+1) // dependency indices per cell; the last are everywhere
	for i, d := range deps {
		c := d.cell
		if c < 0 {
			c = cells
		}
		byCell[c] = append(byCell[c], i)
	}
	if o.Shape == Chain {
		linkChain(rng, svc, byCell)
	} else {
		linkShallow(rng, svc, byCell)
	}
	if o.Flawed > 0 {
		deps = hideSingleRegion(rng, o, svc, deps)
	}

	files := make([]File, 0, o.Files)
	files = append(files, File{Name: "000-main.mr.hcl", Src: mainFile()})
	files = append(files, File{Name: "001-dependencies.mr.hcl", Src: dependenciesFile(deps)})
	serviceFiles := o.Files - 2
	if o.ForEach {
		serviceFiles--
		files = append(files, File{Name: "002-cells.mr.hcl", Src: forEachBlocks(serviceFiles)})
	}
	var b bytes.Buffer
	for f := range serviceFiles {
		b.Reset()
		lo, hi := f*n/serviceFiles, (f+1)*n/serviceFiles
		if o.ForEach {
			fmt.Fprintf(&b, "# Generated by mrplan-gen: services %d to %d, as values for the for_each blocks of 002-cells.mr.hcl.\n\nlocals {\n  svc_%03d = {\n", lo, hi-1, f)
		}
		for i := lo; i < hi; i++ {
			w := decideService(rng, o.Today, i, &svc[i])
			if o.ForEach {
				writeEntry(&b, w)
			} else {
				writeService(&b, w)
			}
		}
		if o.ForEach {
			b.WriteString("  }\n}\n")
		}
		files = append(files, File{Name: fmt.Sprintf("services-%03d.mr.hcl", f), Src: bytes.Clone(b.Bytes())})
	}
	return files
}

// forEachBlocks is the for_each form's one service block and one data
// block, stamped out over the merged locals of the services files.
func forEachBlocks(parts int) []byte {
	var b strings.Builder
	b.WriteString("# Generated by mrplan-gen: every service and its data class, one instance per entry\n# of the locals in services-NNN.mr.hcl.\n\nlocals {\n  svc = merge(")
	for f := range parts {
		if f > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "local.svc_%03d", f)
	}
	b.WriteString(")\n")
	b.WriteString(`  criticality = ["core", "important", "auxiliary"]
  objective   = [objective.revenue-path, objective.shopping, objective.best-effort]
}

service "svc" {
  for_each     = local.svc
  description  = each.value.description
  criticality  = local.criticality[each.value.tier]
  revenue      = each.value.revenue
  objective    = local.objective[each.value.tier]
  regions      = [for r in each.value.regions : region[r]]
  topology     = each.value.topology
  depends_on   = concat([for c in each.value.calls : service.svc[c]], [for d in each.value.deps : dependency[d]])
  reads        = [for r in each.value.reads : data.store[r]]
  writes       = [data.store[each.key]]
  compensation = each.value.compensation
  failover_drill = each.value.drill

  traffic {
    rps        = each.value.rps
    read_ratio = each.value.ratio
  }

  observability {
    replication_lag_alert = each.value.lag_alert
  }
}

data "store" {
  for_each       = local.svc
  owner          = service.svc[each.key]
  product        = each.value.product
  size           = each.value.size
  write_rate     = each.value.writes
  loss_tolerance = each.value.loss
}
`)
	return []byte(b.String())
}

// writeEntry writes one service as an entry of a locals map: what the
// for_each blocks read as each.value.
func writeEntry(b *bytes.Buffer, w *written) {
	str := func(s string) string {
		if s == "" {
			return "null"
		}
		return fmt.Sprintf("%q", s)
	}
	list := func(xs []string) string {
		q := make([]string, len(xs))
		for i, x := range xs {
			q[i] = fmt.Sprintf("%q", x)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	reads := "[]"
	if w.reads >= 0 {
		reads = fmt.Sprintf("[\"svc-%05d\"]", w.reads)
	}
	revenue, topology, rps, ratio := "null", "null", "null", "null"
	if w.revenue {
		revenue = "true"
	}
	if w.active {
		topology = `"active-active"`
	}
	if w.traffic {
		rps, ratio = fmt.Sprint(w.rps), fmt.Sprintf("0.%d", w.ratio)
	}
	fmt.Fprintf(b, "    \"svc-%05d\" = { description = \"Generated service %d, tier %d.\", tier = %d, revenue = %s, regions = %s, topology = %s, calls = %s, deps = %s, reads = %s, compensation = %s, drill = %s, rps = %s, ratio = %s, lag_alert = %s, product = \"aws.%s\", size = \"%dGB\", writes = %d, loss = %q }\n",
		w.i, w.i, w.tier, w.tier, revenue, list(w.regions), topology, list(w.calls), list(w.deps), reads, str(w.compensation), str(w.drill), rps, ratio, str(w.lagAlert), w.product, w.size, w.writes, w.loss)
}

// layers is the depth of the shallow shape.
const layers = 6

// tierOdds are, per layer of the shallow shape, the percentages of tier-0
// and tier-1 services: the lower a layer, the more of a platform it is.
var tierOdds = [layers][2]int{{3, 20}, {5, 25}, {8, 30}, {11, 32}, {15, 35}, {18, 38}}

func widthOf(rng *rand.Rand, tier int) int {
	switch tier {
	case 0:
		return 3
	case 1:
		return 2
	}
	if rng.IntN(4) == 0 {
		return 2 // a cold standby
	}
	return 1
}

// placeShallow gives each service a layer, a tier and a cell.
func placeShallow(rng *rand.Rand, svc []service) {
	n := len(svc)
	for i := range svc {
		s := &svc[i]
		s.layer = i * layers / n
		odds := tierOdds[s.layer]
		switch r := rng.IntN(100); {
		case r < odds[0]:
			s.tier = 0
		case r < odds[0]+odds[1]:
			s.tier = 1
		default:
			s.tier = 2
		}
		s.cell = rng.IntN(cells)
		s.width = widthOf(rng, s.tier)
	}
}

// chainShare is the share, in percent, of services on the chain.
const chainShare = 93

// placeChain puts the first chainShare% of the services on the chain, in
// cell 0, with tiers falling and widths growing along it, and spreads the
// rest over the other cells.
func placeChain(rng *rand.Rand, svc []service) {
	n := len(svc)
	m := chainLen(n)
	for i := range svc {
		s := &svc[i]
		if i >= m {
			s.cell = 1 + rng.IntN(cells-1)
			switch r := rng.IntN(100); {
			case r < 10:
				s.tier = 0
			case r < 40:
				s.tier = 1
			default:
				s.tier = 2
			}
			s.width = widthOf(rng, s.tier)
			continue
		}
		// Along the chain: 60% tier 2 (the last quarter of them with a
		// cold standby), 30% tier 1, 10% tier 0.
		switch p := i * 100 / m; {
		case p < 45:
			s.tier, s.width = 2, 1
		case p < 60:
			s.tier, s.width = 2, 2
		case p < 90:
			s.tier, s.width = 1, 2
		default:
			s.tier, s.width = 0, 3
		}
	}
}

func chainLen(n int) int { return (n*chainShare + 99) / 100 }

// pickDependency returns a dependency block a service of the cell can call,
// or -1.
func pickDependency(rng *rand.Rand, cell int, byCell [][]int) int {
	own, all := byCell[cell], byCell[cells]
	if len(own)+len(all) == 0 {
		return -1
	}
	k := rng.IntN(len(own) + len(all))
	if k < len(own) {
		return own[k]
	}
	return all[k-len(own)]
}

// refs is how many references a service has: 2..4, three on average.
func refs(rng *rand.Rand) int { return 2 + rng.IntN(3) }

type linker struct {
	rng    *rand.Rand
	svc    []service
	byCell [][]int
	seen   map[int]bool
}

func (l *linker) addService(i, j int) {
	if l.seen[j] {
		return
	}
	l.seen[j] = true
	s := &l.svc[i]
	s.deps = append(s.deps, svcName(j))
	if s.reads < 0 && l.rng.IntN(4) == 0 {
		s.reads = j
	}
}

func (l *linker) addDependency(i int) {
	s := &l.svc[i]
	d := pickDependency(l.rng, s.cell, l.byCell)
	if d < 0 || l.seen[-1-d] {
		return
	}
	l.seen[-1-d] = true // dependencies are negative in seen
	s.deps = append(s.deps, "dependency."+depName(d))
}

// linkShallow draws each service's depends_on from the next layer of its
// cell, falling back to any later layer, then to dependency blocks.
func linkShallow(rng *rand.Rand, svc []service, byCell [][]int) {
	// groups[cell*layers+layer] lists the services of a cell and layer.
	groups := make([][]int, cells*layers)
	for i := range svc {
		groups[svc[i].cell*layers+svc[i].layer] = append(groups[svc[i].cell*layers+svc[i].layer], i)
	}
	l := &linker{rng: rng, svc: svc, byCell: byCell}
	for i := range svc {
		s := &svc[i]
		l.seen = map[int]bool{}
		want := refs(rng)
		if s.flaw.has(flawInversion) {
			if j := find(rng, svc, groups, s, func(c *service) bool {
				return c.cell == s.cell && c.width >= s.width && c.tier > s.tier
			}); j >= 0 {
				l.addService(i, j)
				want--
			}
		}
		for range want {
			if rng.IntN(100) < 12 || s.layer == layers-1 {
				l.addDependency(i)
				continue
			}
			if j := find(rng, svc, groups, s, s.canCall); j >= 0 {
				l.addService(i, j)
			} else {
				l.addDependency(i)
			}
		}
	}
}

// find returns a service of s's cell in a lower layer that ok accepts,
// trying the next layer first, or -1.
func find(rng *rand.Rand, svc []service, groups [][]int, s *service, ok func(*service) bool) int {
	for layer := s.layer + 1; layer < layers; layer++ {
		g := groups[s.cell*layers+layer]
		if len(g) == 0 {
			continue
		}
		for range 8 {
			if j := g[rng.IntN(len(g))]; ok(&svc[j]) {
				return j
			}
		}
		for _, j := range g {
			if ok(&svc[j]) {
				return j
			}
		}
	}
	return -1
}

// linkChain links each chain service to the next and to later ones; the
// services off the chain call later services of their cell.
func linkChain(rng *rand.Rand, svc []service, byCell [][]int) {
	n := len(svc)
	m := chainLen(n)
	l := &linker{rng: rng, svc: svc, byCell: byCell}
	for i := range svc {
		s := &svc[i]
		l.seen = map[int]bool{}
		want := refs(rng)
		if i+1 < m {
			l.addService(i, i+1)
			want--
		}
		for range want {
			if rng.IntN(100) < 12 {
				l.addDependency(i)
				continue
			}
			lo := i + 1
			if lo >= n || i+1 >= m && i < m {
				l.addDependency(i)
				continue
			}
			hi := n
			if i < m {
				hi = m
			}
			found := false
			for range 8 {
				j := lo + rng.IntN(hi-lo)
				if s.canCall(&svc[j]) {
					l.addService(i, j)
					found = true
					break
				}
			}
			if !found {
				l.addDependency(i)
			}
		}
	}
}

// fitting is every flaw the service can show.
func fitting(o Options, s *service) flaw {
	var f flaw
	if s.tier == 2 && s.width == 2 {
		f |= flawActive
	}
	if s.tier < 2 {
		f |= flawNoLagAlert | flawStaleDrill
	}
	if s.tier == 0 {
		f |= flawNoComp
	}
	if s.tier == 1 && o.Shape == Shallow {
		f |= flawInversion
	}
	return f
}

// hideSingleRegion gives each cell a dependency block placed only in the
// cell's second region, and makes services at the bottom of the graph
// call it: the end of the chain, or Flawed% of the shallow shape's bottom
// layer. Each is missing from the service's other regions, and every
// service that reaches one goes down with it there (MR101).
func hideSingleRegion(rng *rand.Rand, o Options, svc []service, deps []dependency) []dependency {
	first := len(deps)
	for c := range cells {
		deps = append(deps, dependency{cell: c, kind: 4, region: regionNames[c*cellSize+1]})
	}
	call := func(i int) {
		s := &svc[i]
		s.deps = append(s.deps, "dependency."+depName(first+s.cell))
	}
	if o.Shape == Chain {
		call(chainLen(len(svc)) - 1)
		return deps
	}
	for i := range svc {
		if svc[i].layer == layers-1 && rng.IntN(100) < o.Flawed {
			call(i)
		}
	}
	return deps
}

// Write generates a module into dir, which must exist.
func Write(dir string, o Options) error {
	for _, f := range Generate(o) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func svcName(i int) string { return fmt.Sprintf("service.svc-%05d", i) }
func depName(i int) string { return fmt.Sprintf("dep-%04d", i) }

func mainFile() []byte {
	var b strings.Builder
	b.WriteString("# Generated by mrplan-gen: settings, regions, objectives and audiences.\n\nmrplan {\n  required_version = \">= 0.1\"\n}\n\nprovider \"aws\" {}\n\n")
	for _, r := range regionNames {
		fmt.Fprintf(&b, "region %q {}\n", r)
	}
	b.WriteString(`
objective "revenue-path" {
  rpo          = "5s"
  rto          = "5m"
  availability = "99.99%"
  survive      = "region"
}

objective "shopping" {
  rpo          = "15m"
  rto          = "1h"
  availability = 99.9
}

objective "best-effort" {
  rpo     = "24h"
  rto     = "1d"
  survive = "zone"
}

audience "americas" {
  share = 0.45
  near  = region.us-east-1
}

audience "europe" {
  share = 0.35
  near  = region.eu-west-1
}

audience "asia" {
  share = 0.20
  near  = region.ap-northeast-1
}
`)
	return []byte(b.String())
}

// makeDependencies places the dependency blocks: most in one cell's
// regions, some everywhere (dns, and a few global third parties), some soft.
func makeDependencies(rng *rand.Rand, n int) []dependency {
	deps := make([]dependency, n)
	for i := range deps {
		d := &deps[i]
		d.kind = rng.IntN(len(dependencyKinds))
		d.cell = i % cells
		switch k := dependencyKinds[d.kind]; {
		case k.kind == "dns":
			// Route 53's control plane is in us-east-1: callers elsewhere
			// keep a fallback so a failover never waits for it.
			d.cell, d.soft = -1, true
		case k.kind == "third-party" && rng.IntN(2) == 0:
			d.cell = -1
		}
		if rng.IntN(4) == 0 {
			d.soft = true
		}
	}
	return deps
}

func dependenciesFile(deps []dependency) []byte {
	var b strings.Builder
	b.WriteString("# Generated by mrplan-gen: what the services call that they do not run.\n")
	for i, d := range deps {
		k := dependencyKinds[d.kind]
		fmt.Fprintf(&b, "\ndependency %q {\n  kind    = %q\n", depName(i), k.kind)
		if k.product != "" {
			fmt.Fprintf(&b, "  product = \"aws.%s\"\n", k.product)
		}
		if d.region != "" {
			b.WriteString("  regions = [region." + d.region + "]\n")
		} else if d.cell < 0 {
			b.WriteString("  global  = true\n")
		} else {
			b.WriteString("  regions = [")
			for r := range cellSize {
				if r > 0 {
					b.WriteString(", ")
				}
				b.WriteString("region." + regionNames[d.cell*cellSize+r])
			}
			b.WriteString("]\n")
		}
		if d.soft {
			b.WriteString("  fallback = \"serve from a local cache; degrade gracefully\"\n")
		}
		b.WriteString("}\n")
	}
	return []byte(b.String())
}

var compensations = []string{
	"Failed orders are retried from the outbox; customers get a voucher.",
	"Requests lost in a failover are replayed; users see a retry banner.",
	"Affected users are notified and credited within a day.",
}

// written is everything written about one service and its data class,
// drawn from the generator's random source in the order of the flat form,
// so both forms of a module hold the same values.
type written struct {
	i, tier      int
	revenue      bool
	regions      []string
	active       bool
	refs         []string // depends_on as the flat form writes it
	calls, deps  []string // the services' and the dependencies' names in it
	reads        int
	compensation string
	drill        string
	traffic      bool
	rps, ratio   int
	lagAlert     string
	product      string
	size, writes int
	loss         string
}

func decideService(rng *rand.Rand, today time.Time, i int, s *service) *written {
	w := &written{i: i, tier: s.tier, reads: s.reads, active: s.flaw.has(flawActive)}
	if s.tier == 0 && rng.IntN(3) == 0 {
		w.revenue = true
	}
	for k := range s.width {
		w.regions = append(w.regions, regionNames[s.cell*cellSize+k])
	}
	w.refs = s.deps
	for _, d := range s.deps {
		if name, ok := strings.CutPrefix(d, "service."); ok {
			w.calls = append(w.calls, name)
		} else {
			w.deps = append(w.deps, strings.TrimPrefix(d, "dependency."))
		}
	}
	if s.tier == 0 && !s.flaw.has(flawNoComp) {
		w.compensation = compensations[rng.IntN(len(compensations))]
	}
	if s.tier < 2 {
		age := rng.IntN(90)
		if s.flaw.has(flawStaleDrill) {
			age = 100 + rng.IntN(200)
		}
		w.drill = today.AddDate(0, 0, -age).Format(time.DateOnly)
		w.traffic = true
		w.rps = 10 + rng.IntN(2000)
		w.ratio = 5 + rng.IntN(5)
	}
	if s.width > 1 && !s.flaw.has(flawNoLagAlert) {
		w.lagAlert = []string{"2s", "5m", "1h"}[s.tier]
	}
	// An active-active auxiliary service keeps its data replicated as a
	// tier-1 service would, so every region it serves in has it.
	dataTier := s.tier
	if s.flaw.has(flawActive) {
		dataTier = 1
	}
	products := dataProducts[dataTier]
	w.product = products[rng.IntN(len(products))]
	if w.product == "dynamodb-mrsc" && (s.cell >= syncCells || s.cell == noSyncCell) {
		w.product = "dynamodb" // strong consistency across regions too far apart for synchronous writes
	}
	w.size = 1 + rng.IntN(2000)
	w.writes = rng.IntN(500)
	w.loss = []string{"5s", "15m", "1d"}[dataTier]
	return w
}

func writeService(b *bytes.Buffer, w *written) {
	name := fmt.Sprintf("svc-%05d", w.i)
	fmt.Fprintf(b, "service %q {\n", name)
	fmt.Fprintf(b, "  description = \"Generated service %d, tier %d.\"\n", w.i, w.tier)
	fmt.Fprintf(b, "  criticality = %q\n", []string{"core", "important", "auxiliary"}[w.tier])
	if w.revenue {
		b.WriteString("  revenue     = true\n")
	}
	fmt.Fprintf(b, "  objective   = objective.%s\n", objectives[w.tier])
	b.WriteString("  regions     = [")
	for k, r := range w.regions {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("region." + r)
	}
	b.WriteString("]\n")
	if w.active {
		b.WriteString("  topology    = \"active-active\"\n")
	}
	if len(w.refs) > 0 {
		fmt.Fprintf(b, "  depends_on  = [%s]\n", strings.Join(w.refs, ", "))
	}
	if w.reads >= 0 {
		fmt.Fprintf(b, "  reads       = [data.svc-%05d-data]\n", w.reads)
	}
	fmt.Fprintf(b, "  writes      = [data.%s-data]\n", name)
	if w.compensation != "" {
		fmt.Fprintf(b, "  compensation = %q\n", w.compensation)
	}
	if w.traffic {
		fmt.Fprintf(b, "  failover_drill = %q\n", w.drill)
		fmt.Fprintf(b, "\n  traffic {\n    rps        = %d\n    read_ratio = 0.%d\n  }\n", w.rps, w.ratio)
	}
	if w.lagAlert != "" {
		fmt.Fprintf(b, "\n  observability {\n    replication_lag_alert = %q\n  }\n", w.lagAlert)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "data \"%s-data\" {\n  owner          = service.%s\n  product        = \"aws.%s\"\n", name, name, w.product)
	fmt.Fprintf(b, "  size           = \"%dGB\"\n  write_rate     = %d\n", w.size, w.writes)
	fmt.Fprintf(b, "  loss_tolerance = %q\n}\n\n", w.loss)
}
