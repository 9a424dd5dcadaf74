package observe

import (
	"strings"
	"testing"
	"time"
)

func collect(t *testing.T, f Format, files ...string) (*Observations, []error) {
	t.Helper()
	c := NewCollector()
	var errs []error
	for _, name := range files {
		if err := c.ReadFile("testdata/"+name, f); err != nil {
			errs = append(errs, err)
		}
	}
	return c.Observations(), errs
}

func query(o *Observations, name, instance string) *Query {
	for _, q := range o.Queries {
		if q.Name == name && q.Source.Instance == instance {
			return q
		}
	}
	return nil
}

func TestResolverLog(t *testing.T) {
	o, errs := collect(t, FormatAuto, "resolver.jsonl")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if o.Files[0].Format != FormatResolver || o.Files[0].Records != 8 || o.Files[0].Skipped != 2 {
		t.Errorf("summary: %+v", o.Files[0])
	}
	q := query(o, "secretsmanager.us-east-1.amazonaws.com", "i-0c0ffee0checkout1")
	if q == nil || q.Calls != 1 || q.Source.VPC != "vpc-0a1b2c3d" || q.Source.Region != "eu-central-1" || q.Source.Addr != "10.1.4.17" {
		t.Fatalf("secretsmanager query: %+v", q)
	}
	if want := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC); !q.First.Equal(want) || !q.Last.Equal(want) {
		t.Errorf("first/last: %v %v", q.First, q.Last)
	}
	if q := query(o, "ip-10-1-7-9.eu-central-1.compute.internal", "i-0c0ffee0checkout1"); q == nil || !q.PrivateAnswer {
		t.Errorf("private answer not seen: %+v", q)
	}
	if q := query(o, "sqs.eu-west-1.amazonaws.com", "i-0dead0beef0001"); q == nil {
		t.Error("the CloudWatch Logs export line (timestamp first) was not read")
	}
	if query(o, "nonexistent.example.com", "i-0c0ffee0checkout1") != nil || o.Ignored != 1 {
		t.Errorf("NXDOMAIN should be ignored, ignored=%d", o.Ignored)
	}
	if len(o.Skipped) != 2 || o.Skipped[0].Line != 8 || o.Skipped[1].Line != 9 || !strings.Contains(o.Skipped[0].Reason, "truncated") {
		t.Errorf("skipped: %+v", o.Skipped)
	}
}

func TestResolverGzip(t *testing.T) {
	o, errs := collect(t, FormatAuto, "resolver.jsonl.gz")
	if len(errs) != 0 || len(o.Skipped) != 0 || o.Files[0].Records != 7 {
		t.Fatalf("gzip: %v %+v %+v", errs, o.Skipped, o.Files)
	}
	o, errs = collect(t, FormatAuto, "resolver-truncated.jsonl.gz")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if o.Files[0].Records == 0 || query(o, "secretsmanager.us-east-1.amazonaws.com", "i-0c0ffee0checkout1") == nil {
		t.Errorf("the lines before the truncation were lost: %+v", o.Files)
	}
	if first := o.Skipped[0]; first.Line != 0 || !strings.Contains(first.Reason, "gzip stream is truncated or corrupt") {
		t.Errorf("truncation not reported: %+v", o.Skipped)
	}
}

func TestNothingReadable(t *testing.T) {
	_, errs := collect(t, FormatAuto, "resolver-garbage.jsonl")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "testdata/resolver-garbage.jsonl: nothing in the file could be read") {
		t.Errorf("want an error naming the file, got %v", errs)
	}
	_, errs = collect(t, FormatResolver, "servicegraph.prom")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "servicegraph.prom") {
		t.Errorf("forced format: %v", errs)
	}
	c := NewCollector()
	if err := c.Read("x.txt", strings.NewReader("hello\n"), FormatAuto); err == nil || !strings.Contains(err.Error(), "--observe-format") {
		t.Errorf("unknown content: %v", err)
	}
	if err := c.ReadFile("testdata/missing.jsonl", FormatAuto); err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", err)
	}
}

func call(o *Observations, client, server string) *TraceCall {
	for _, c := range o.Calls {
		if c.Client == client && c.Server == server {
			return c
		}
	}
	return nil
}

func TestJaeger(t *testing.T) {
	o, errs := collect(t, FormatAuto, "jaeger.json", "jaeger-array.json")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if c := call(o, "checkout", "payments"); c == nil || c.Calls != 1540 || len(c.Files) != 2 {
		t.Errorf("checkout→payments: %+v", c)
	}
	if c := call(o, "payments", "ledger"); c == nil || c.Calls != 1499 {
		t.Errorf("payments→ledger (a link without callCount counts once): %+v", c)
	}
	if len(o.Skipped) != 1 || o.Skipped[0].Line != 6 || !strings.Contains(o.Skipped[0].Reason, `"child"`) {
		t.Errorf("skipped: %+v", o.Skipped)
	}
}

func TestServiceGraph(t *testing.T) {
	o, errs := collect(t, FormatAuto, "servicegraph.prom")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	// 1500 (the later scrape of the same series, not 1200+1500) + 20 (another connection type).
	if c := call(o, "checkout", "payments"); c == nil || c.Calls != 1520 {
		t.Errorf("checkout→payments: %+v", c)
	}
	if c := call(o, "payments", "ledger"); c == nil || c.Calls != 90 {
		t.Errorf("payments→ledger: %+v", c)
	}
	if len(o.Skipped) != 2 || o.Skipped[0].Line != 7 || o.Skipped[1].Line != 8 {
		t.Errorf("skipped: %+v", o.Skipped)
	}
}

func resource(o *Observations, addr string) *Resource {
	for _, r := range o.Resources {
		if r.Address == addr {
			return r
		}
	}
	return nil
}

func TestTerraform(t *testing.T) {
	o, errs := collect(t, FormatAuto, "tfstate-show.json", "tfplan-show.json", "terraform.tfstate")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct{ addr, provider, regions string }{
		{"aws_dynamodb_table.orders", "aws", "eu-central-1 eu-west-1"},
		{"aws_iam_role.deploy", "aws", ""},
		{"module.checkout.aws_ecs_service.app", "aws", "eu-central-1"},
		{"module.checkout.aws_instance.worker[0]", "aws", "us-east-1"},
		{"module.checkout.module.cache.google_redis_instance.sessions", "gcp", "europe-west3"},
		{"azurerm_cosmosdb_account.profiles", "azure", "northeurope westeurope"},
		{"aws_sqs_queue.jobs", "aws", "us-west-2"},
		{"module.ledger.aws_rds_cluster.main", "aws", "us-east-1"},
		{`aws_s3_bucket.assets["eu"]`, "aws", "eu-west-1"},
	} {
		r := resource(o, c.addr)
		if r == nil {
			t.Errorf("%s: not read", c.addr)
			continue
		}
		if r.Provider != c.provider || strings.Join(r.Regions, " ") != c.regions {
			t.Errorf("%s: got %s %v, want %s %s", c.addr, r.Provider, r.Regions, c.provider, c.regions)
		}
	}
	if resource(o, "data.aws_caller_identity.current") != nil {
		t.Error("data sources are not deployed resources")
	}
	_, errs = collect(t, FormatAuto, "tfstate-broken.json")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "tfstate-broken.json") {
		t.Errorf("broken state: %v", errs)
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		head string
		want Format
	}{
		{`{"version":"1.1","query_name":"a.b."}`, FormatResolver},
		{"2026-11-02T10:00:00Z {\"query_name\":\"a\"}", FormatResolver},
		{`[{"parent":"a","child":"b"}]`, FormatJaeger},
		{`{"data":[{"parent":"a","child":"b","callCount":1}]}`, FormatJaeger},
		{`{"format_version":"1.0","terraform_version":"1.9.0","values":{}}`, FormatTerraform},
		{"# HELP x\ntraces_service_graph_request_total{client=\"a\",server=\"b\"} 1\n", FormatServiceGraph},
		{`{"hello":1}`, FormatAuto},
		{"", FormatAuto},
	} {
		if got := Detect([]byte(c.head)); got != c.want {
			t.Errorf("%q: got %v, want %v", c.head, got, c.want)
		}
	}
}

func TestPrivateAddr(t *testing.T) {
	for s, want := range map[string]bool{
		"10.1.2.3": true, "172.16.0.1": true, "172.32.0.1": false, "192.168.1.1": true, "127.0.0.1": true, "169.254.169.254": true,
		"52.94.0.10": false, "10.1.2": false, "10.1.2.300": false, "fd00::1": true, "fe80::1": true, "2600:1f18::1": false, "::1": true, "": false,
	} {
		if got := privateAddr([]byte(s)); got != want {
			t.Errorf("%q: got %v", s, got)
		}
	}
}

func TestLongLine(t *testing.T) {
	good := `{"query_name":"sqs.eu-west-1.amazonaws.com.","vpc_id":"vpc-1","region":"eu-west-1","srcaddr":"10.0.0.1"}`
	long := `{"query_name":"` + strings.Repeat("a", maxLine+10) + `"}`
	for _, tail := range []string{"\n", ""} {
		c := NewCollector()
		if err := c.Read("long.jsonl", strings.NewReader(good+"\n"+long+tail), FormatResolver); err != nil {
			t.Fatal(err)
		}
		o := c.Observations()
		if len(o.Skipped) != 1 || o.Skipped[0].Line != 2 || !strings.Contains(o.Skipped[0].Reason, "longer than") || len(o.Queries) != 1 {
			t.Errorf("tail %q: %+v", tail, o.Skipped)
		}
	}
}
