package observe

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mrplan/mrplan/lang"
)

// loadModule writes src as the one file of a module and loads it.
func loadModule(t *testing.T, src string) *lang.Module {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return m
}

const twoServices = `
mrplan {
  internal_zones = ["corp.example.com"]
}
provider "aws" {}
region "eu-west-1" {}
service "api" {
  regions = [region.eu-west-1]
  observe {
    vpcs  = ["vpc-shared"]
    cidrs = ["10.0.0.0/16"]
  }
}
service "worker" {
  regions = [region.eu-west-1]
  observe {
    vpcs      = ["vpc-shared"]
    cidrs     = ["10.0.8.0/24"]
    instances = ["i-0work*"]
  }
}
service "batch" {
  regions = [region.eu-west-1]
  observe {
    vpcs = ["vpc-shared"]
  }
}
`

func TestAttribution(t *testing.T) {
	m := &matcher{mod: loadModule(t, twoServices), sources: map[Source]attribution{}, hosts: map[string]hostName{}}
	for _, c := range []struct {
		src  Source
		want string
	}{
		{Source{VPC: "vpc-shared", Addr: "10.0.1.5", Instance: "i-0work1"}, "worker"}, // an instance glob beats a wider CIDR
		{Source{VPC: "vpc-shared", Addr: "10.0.8.9"}, "worker"},                       // the narrowest CIDR wins
		{Source{VPC: "vpc-shared", Addr: "10.0.1.5"}, "api"},                          // a CIDR beats the shared VPC
		{Source{VPC: "vpc-shared", Addr: "192.168.1.1"}, ""},                          // three services share the VPC: no guess
		{Source{VPC: "vpc-other", Addr: "172.16.0.1"}, ""},
	} {
		a := m.attribute(c.src)
		got := ""
		if a.service != nil {
			got = a.service.Name
		}
		if got != c.want {
			t.Errorf("%+v: got %q (%s), want %q", c.src, got, a.reason, c.want)
		}
		if c.want == "" && a.reason == "" {
			t.Errorf("%+v: unattributed without a reason", c.src)
		}
	}
}

func TestAddrUnder(t *testing.T) {
	for _, c := range []struct {
		addr, prefix string
		want         bool
	}{
		{"module.checkout.aws_instance.x", "module.checkout", true},
		{`module.checkout["eu"].aws_instance.x`, "module.checkout", true},
		{"module.checkout2.aws_instance.x", "module.checkout", false},
		{"aws_dynamodb_table.orders", "aws_dynamodb_table.orders", true},
		{"aws_dynamodb_table.orders_archive", "aws_dynamodb_table.orders", false},
	} {
		if got := addrUnder(c.addr, c.prefix); got != c.want {
			t.Errorf("addrUnder(%q, %q) = %v", c.addr, c.prefix, got)
		}
	}
}

func TestHostNames(t *testing.T) {
	m := &matcher{mod: loadModule(t, twoServices), sources: map[Source]attribution{}, hosts: map[string]hostName{}}
	for host, want := range map[string]TargetKind{
		"ldap.corp.example.com":       TargetInternal, // under a zone the module marks internal
		"corp.example.com":            TargetInternal,
		"notcorp.example.com":         TargetThirdParty,
		"payments.svc.cluster.local":  TargetInternal,
		"api.stripe.com":              TargetThirdParty,
		"kms.eu-west-1.amazonaws.com": TargetCloudService,
		"ip-10-0-0-1.ec2.internal":    TargetInternal,
		"localhost":                   TargetInternal,
	} {
		if got := m.name(host, false).kind; got != want {
			t.Errorf("%s: %v, want %v", host, got, want)
		}
	}
	if got := m.name("billing.example.net", true).kind; got != TargetInternal {
		t.Errorf("a name that resolved to a private address is internal, got %v", got)
	}
}
