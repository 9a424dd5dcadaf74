package providers

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestBuiltinsLoad proves that every embedded catalog decodes and passes
// Check: Builtins panics otherwise.
func TestBuiltinsLoad(t *testing.T) {
	var names []string
	for _, c := range Builtins() {
		names = append(names, c.Name)
		if errs := c.Check(); len(errs) > 0 {
			t.Errorf("%s: %v", c.Name, errs)
		}
		if !c.Builtin {
			t.Errorf("%s: not marked built-in", c.Name)
		}
	}
	if want := []string{"alicloud", "aws", "azure", "gcp", "generic"}; !slices.Equal(names, want) {
		t.Fatalf("Builtins() = %v, want %v", names, want)
	}
}

func TestBuiltinCounts(t *testing.T) {
	minRegions := map[string]int{"aws": 35, "gcp": 40, "azure": 60, "alicloud": 20, "generic": 0}
	reg := NewRegistry()
	products := 0
	for name, min := range minRegions {
		c, ok := reg.Catalog(name)
		if !ok {
			t.Fatalf("no catalog %q", name)
		}
		if len(c.Regions) < min {
			t.Errorf("%s: %d regions, want at least %d", name, len(c.Regions), min)
		}
		products += len(c.Products)
	}
	if products < 60 {
		t.Errorf("%d products in all, want at least 60", products)
	}
	generic, _ := reg.Catalog("generic")
	if len(generic.Regions) != 0 {
		t.Errorf("generic has %d regions; its stores run in the module's regions", len(generic.Regions))
	}
}

// TestProductNames pins the names the examples, lang and planner use.
func TestProductNames(t *testing.T) {
	want := map[string][]string{
		"aws": {"aurora-postgresql", "aurora-mysql", "rds-postgresql", "rds-mysql", "dynamodb", "dynamodb-mrsc",
			"keyspaces", "elasticache-redis", "memorydb", "s3", "s3-rtc", "sqs", "sns", "kinesis", "msk", "cognito",
			"iam", "organizations", "route53", "arc", "kms", "secrets-manager", "cloudfront", "opensearch", "documentdb", "neptune"},
		"gcp": {"spanner", "cloud-sql-postgresql", "cloud-sql-mysql", "alloydb", "firestore", "bigtable",
			"memorystore-redis", "gcs", "gcs-dual-region", "pubsub", "identity-platform", "cloud-dns",
			"secret-manager", "cloud-kms", "cloud-cdn"},
		"azure": {"cosmos-db", "cosmos-db-multi-write", "sql-database", "postgresql-flexible", "cache-redis",
			"storage-grs", "service-bus", "event-hubs", "entra-id", "dns", "key-vault", "front-door"},
		"alicloud": {"polardb-mysql", "polardb-global", "rds-mysql", "tair", "oss", "rocketmq", "mns", "ram",
			"alidns", "kms", "cdn", "tablestore"},
		"generic": {"postgresql", "mysql-semisync", "mysql-group-replication", "kafka-mm2",
			"confluent-cluster-linking", "redis", "redis-enterprise-aa", "cassandra", "cockroachdb", "mongodb", "etcd"},
	}
	reg := NewRegistry()
	for cat, names := range want {
		for _, n := range names {
			if _, ok := reg.Product(cat + "." + n); !ok {
				t.Errorf("no product %s.%s", cat, n)
			}
		}
	}
}

// TestCatalogInvariants restates the rules Check enforces, independently,
// over every built-in catalog, so that a weakened Check cannot pass them.
func TestCatalogInvariants(t *testing.T) {
	for _, c := range Builtins() {
		codes := map[string]bool{}
		for _, r := range c.Regions {
			if codes[r.Code] {
				t.Errorf("%s: duplicate region", r.Ref())
			}
			codes[r.Code] = true
			if r.Provider != c.Name {
				t.Errorf("%s: provider %q", r.Ref(), r.Provider)
			}
			if r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 || (r.Lat == 0 && r.Lon == 0) {
				t.Errorf("%s: coordinates %g, %g", r.Ref(), r.Lat, r.Lon)
			}
			if r.Zones < 0 {
				t.Errorf("%s: %d zones", r.Ref(), r.Zones)
			}
			if len(r.Country) != 2 || r.City == "" || r.Name == "" || !strings.HasPrefix(r.Source, "https://") {
				t.Errorf("%s: incomplete region %+v", r.Ref(), *r)
			}
		}
		for _, p := range c.Products {
			for _, f := range p.StatedFacts() {
				if !strings.HasPrefix(p.Sources[f], "https://") {
					t.Errorf("%s: fact %s has no source address", p.Ref(), f)
				}
			}
			async := p.Offers(ReplicationAsync)
			if async != (p.Lag > 0) {
				t.Errorf("%s: async %v but lag %s", p.Ref(), async, p.Lag)
			}
			if p.MultiWriter != (len(p.Conflict) > 0) {
				t.Errorf("%s: multi-writer %v but conflict %v", p.Ref(), p.MultiWriter, p.Conflict)
			}
			if p.ControlPlane != "" {
				if _, ok := c.Region(p.ControlPlane); !ok {
					t.Errorf("%s: control plane %q is not a region", p.Ref(), p.ControlPlane)
				}
			}
		}
	}
}

// TestBuiltinFacts pins the facts the issue names: what mrplan must know.
func TestBuiltinFacts(t *testing.T) {
	reg := NewRegistry()
	euw1, _ := reg.Region("aws", "eu-west-1")
	if euw1 == nil || euw1.City != "Dublin" || euw1.Country != "IE" || euw1.Continent != "Europe" || euw1.Zones != 3 {
		t.Errorf("aws.eu-west-1 = %+v", euw1)
	}
	if usw1, _ := reg.Region("aws", "us-west-1"); usw1 == nil || usw1.Zones != 3 {
		t.Errorf("aws.us-west-1 = %+v, want 3 zones", usw1)
	}
	if usw2, _ := reg.Region("aws", "us-west-2"); usw2 == nil || usw2.City != "Boardman" {
		t.Errorf("aws.us-west-2 = %+v, want Boardman", usw2)
	}
	ddb, _ := reg.Product("aws.dynamodb")
	if ddb == nil || !ddb.MultiWriter || !slices.Equal(ddb.Conflict, []string{ConflictLWW}) || ddb.Lag != time.Second {
		t.Errorf("aws.dynamodb = %+v", ddb)
	}
	for _, ref := range []string{"aws.sqs", "aws.cognito", "azure.service-bus", "alicloud.mns"} {
		if p, _ := reg.Product(ref); p == nil || p.Scope != ScopeRegional || !p.Offers(ReplicationNone) {
			t.Errorf("%s should be regional and unreplicated: %+v", ref, p)
		}
	}
	for ref, cp := range map[string]string{"aws.iam": "us-east-1", "aws.organizations": "us-east-1",
		"aws.route53": "us-east-1", "aws.arc": "us-west-2"} {
		if p, _ := reg.Product(ref); p == nil || p.Scope != ScopeGlobal || p.ControlPlane != cp {
			t.Errorf("%s: want global with control plane %s, got %+v", ref, cp, p)
		}
	}
}

func TestMeasurementsResolve(t *testing.T) {
	reg := NewRegistry()
	ms := Measurements()
	if len(ms) < 16 {
		t.Fatalf("%d measurements, want the 16 of resilience-facts §5", len(ms))
	}
	for _, m := range ms {
		for _, ref := range []string{m.A, m.B} {
			p, code, _ := strings.Cut(ref, ".")
			if _, ok := reg.Region(p, code); !ok {
				t.Errorf("measurement names unknown region %s", ref)
			}
		}
		if got, ok := Measured(m.B, m.A); !ok || got != m {
			t.Errorf("Measured(%s, %s) is not symmetric", m.B, m.A)
		}
	}
}

// TestDataLicense: the MIT notice of the derived region data travels with
// the binary, and every catalog built from it says so.
func TestDataLicense(t *testing.T) {
	l := DataLicense()
	if !strings.Contains(l, "MIT License") || !strings.Contains(l, "Copyright (c) 2025 Jason Wilbur") {
		t.Errorf("DataLicense() = %q", l)
	}
	reg := NewRegistry()
	for _, name := range []string{"aws", "azure", "gcp"} {
		c, _ := reg.Catalog(name)
		if !strings.Contains(c.Notice, "MIT License") {
			t.Errorf("%s: notice %q", name, c.Notice)
		}
	}
}

// TestAzurePairs: Microsoft's table, one-way pairs included, and the
// regions it lists without a pair.
func TestAzurePairs(t *testing.T) {
	reg := NewRegistry()
	for code, want := range map[string]string{"eastus": "westus", "westus": "eastus", "northeurope": "westeurope",
		"westindia": "southindia", "southindia": "centralindia", "brazilsouth": "southcentralus",
		"southcentralus": "northcentralus", "westus3": "eastus", "polandcentral": "", "mexicocentral": ""} {
		r, ok := reg.Region("azure", code)
		if !ok || r.Pair != want {
			t.Errorf("azure.%s: pair %q, want %q", code, r.Pair, want)
		}
	}
	if r, _ := reg.Region("azure", "polandcentral"); r.PairSource == "" {
		t.Error("polandcentral is documented as unpaired; its source is missing")
	}
	if p, _ := reg.Product("azure.storage-grs"); p == nil || !p.PairedOnly {
		t.Error("azure.storage-grs replicates only to the pair")
	}
}
