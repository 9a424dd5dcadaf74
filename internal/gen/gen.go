// Package gen writes large, realistic mrplan modules for benchmarks, scale
// tests and anyone who wants to see how mrplan behaves on an organisation of
// thousands of services.
//
// A module is seeded, so the same options always give the same bytes. It has
// a mix of tiers (through three objectives and explicit criticality),
// products from the built-in aws catalog, 24 regions, one data class per
// service, a dependency per ten services, and depends_on lists of about three
// references per service, spread over a given number of files. Its shape is
// either shallow (a layered DAG a handful of levels deep) or chain (every
// service also depends on the next one, so the graph is as deep as it is
// long). Every generated module loads with no language errors; the checks
// find what a real organisation's module would show them.
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
)

// Shape is the form of the depends_on graph.
type Shape int

const (
	// Shallow is a layered DAG: each service depends on services of the next
	// of a few layers, so paths are short.
	Shallow Shape = iota
	// Chain adds an edge from every service to the next, so the longest path
	// runs through every service.
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
}

// File is one generated module file.
type File struct {
	Name string
	Src  []byte
}

// Regions is the number of regions of every generated module.
const Regions = 24

// The 24 aws regions the modules use, grouped by geography so a service's
// regions are near each other as a real deployment's would be.
var regionNames = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1",
	"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1",
	"eu-south-1", "eu-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
	"ap-southeast-2", "ap-south-1", "sa-east-1", "me-central-1", "il-central-1", "af-south-1",
}

// Data class products by tier (0 core, 1 important, 2 auxiliary), all from
// the built-in aws catalog.
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
	return o
}

// service is what the generator decides about one service before writing.
type service struct {
	tier    int
	regions []int
	deps    []string
	reads   int // index of a service whose data class it reads, or -1
}

// Generate returns the files of a module. Names sort in the order written:
// 000-main.mr.hcl (settings, regions, objectives, audiences),
// 001-dependencies.mr.hcl, then services-NNN.mr.hcl.
func Generate(o Options) []File {
	o = o.withDefaults()
	rng := rand.New(rand.NewPCG(o.Seed, 0x6d72706c616e))
	n := o.Services
	svc := make([]service, n)
	const layers = 6
	for i := range svc {
		s := &svc[i]
		switch r := rng.IntN(100); {
		case r < 10:
			s.tier = 0
		case r < 40:
			s.tier = 1
		default:
			s.tier = 2
		}
		// Regions: a group of nearby regions of a home geography.
		home := rng.IntN(4) * 6
		count := []int{3, 2, 1}[s.tier] + rng.IntN(2)
		start := rng.IntN(6)
		for k := range count {
			s.regions = append(s.regions, home+(start+k)%6)
		}
		s.reads = -1
	}
	// depends_on: about three references per service. A reference goes to a
	// service later in the list, so the graph is a DAG; its distance decides
	// the depth.
	layerOf := func(i int) int { return i * layers / n }
	for i := range svc {
		s := &svc[i]
		want := 2 + rng.IntN(3) // 2..4, three on average
		seen := map[int]bool{}
		if o.Shape == Chain && i+1 < n {
			s.deps = append(s.deps, svcName(i+1))
			seen[i+1] = true
			want--
		}
		for k := 0; k < want; k++ {
			if rng.IntN(100) < 12 {
				d := -1 - rng.IntN(o.Dependencies) // dependencies are negative in seen
				if !seen[d] {
					seen[d] = true
					s.deps = append(s.deps, "dependency."+depName(-1-d))
				}
				continue
			}
			// A service of the next layer (shallow) or anywhere later (chain).
			lo := (layerOf(i) + 1) * n / layers
			hi := (layerOf(i) + 2) * n / layers
			if o.Shape == Chain {
				lo, hi = i+1, n
			}
			hi = min(hi, n)
			if lo >= hi {
				continue
			}
			j := lo + rng.IntN(hi-lo)
			if seen[j] {
				continue
			}
			seen[j] = true
			s.deps = append(s.deps, svcName(j))
			if s.reads < 0 && rng.IntN(4) == 0 {
				s.reads = j
			}
		}
	}

	files := make([]File, 0, o.Files)
	files = append(files, File{Name: "000-main.mr.hcl", Src: mainFile()})
	files = append(files, File{Name: "001-dependencies.mr.hcl", Src: dependenciesFile(rng, o.Dependencies)})
	serviceFiles := o.Files - 2
	var b bytes.Buffer
	for f := range serviceFiles {
		b.Reset()
		lo, hi := f*n/serviceFiles, (f+1)*n/serviceFiles
		for i := lo; i < hi; i++ {
			writeService(&b, rng, i, &svc[i])
		}
		files = append(files, File{Name: fmt.Sprintf("services-%03d.mr.hcl", f), Src: bytes.Clone(b.Bytes())})
	}
	return files
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

func dependenciesFile(rng *rand.Rand, n int) []byte {
	var b strings.Builder
	b.WriteString("# Generated by mrplan-gen: what the services call that they do not run.\n")
	for i := range n {
		k := dependencyKinds[rng.IntN(len(dependencyKinds))]
		fmt.Fprintf(&b, "\ndependency %q {\n  kind    = %q\n", depName(i), k.kind)
		if k.product != "" {
			fmt.Fprintf(&b, "  product = \"aws.%s\"\n", k.product)
		}
		if k.kind == "dns" {
			b.WriteString("  global  = true\n")
		} else {
			home := rng.IntN(4) * 6
			first := rng.IntN(6)
			fmt.Fprintf(&b, "  regions = [region.%s", regionNames[home+first])
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, ", region.%s", regionNames[home+(first+1+rng.IntN(5))%6])
			}
			b.WriteString("]\n")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("  fallback = \"serve from a local cache; degrade gracefully\"\n")
		}
		b.WriteString("}\n")
	}
	return []byte(b.String())
}

func writeService(b *bytes.Buffer, rng *rand.Rand, i int, s *service) {
	name := fmt.Sprintf("svc-%05d", i)
	fmt.Fprintf(b, "service %q {\n", name)
	fmt.Fprintf(b, "  description = \"Generated service %d, tier %d.\"\n", i, s.tier)
	fmt.Fprintf(b, "  criticality = %q\n", []string{"core", "important", "auxiliary"}[s.tier])
	if s.tier == 0 && rng.IntN(3) == 0 {
		b.WriteString("  revenue     = true\n")
	}
	fmt.Fprintf(b, "  objective   = objective.%s\n", objectives[s.tier])
	b.WriteString("  regions     = [")
	for k, r := range s.regions {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString("region." + regionNames[r])
	}
	b.WriteString("]\n")
	if len(s.deps) > 0 {
		fmt.Fprintf(b, "  depends_on  = [%s]\n", strings.Join(s.deps, ", "))
	}
	if s.reads >= 0 {
		fmt.Fprintf(b, "  reads       = [data.svc-%05d-data]\n", s.reads)
	}
	fmt.Fprintf(b, "  writes      = [data.%s-data]\n", name)
	if s.tier < 2 {
		fmt.Fprintf(b, "\n  traffic {\n    rps        = %d\n    read_ratio = 0.%d\n  }\n", 10+rng.IntN(2000), 5+rng.IntN(5))
	}
	b.WriteString("}\n\n")

	products := dataProducts[s.tier]
	fmt.Fprintf(b, "data \"%s-data\" {\n  owner          = service.%s\n  product        = \"aws.%s\"\n", name, name, products[rng.IntN(len(products))])
	fmt.Fprintf(b, "  size           = \"%dGB\"\n  write_rate     = %d\n", 1+rng.IntN(2000), rng.IntN(500))
	fmt.Fprintf(b, "  loss_tolerance = %s\n}\n\n", []string{`"5s"`, `"15m"`, `"1d"`}[s.tier])
}
