package lang

import (
	"strings"
	"testing"
)

func TestObserveBlock(t *testing.T) {
	m, diags := LoadDir("testdata/valid/observe")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if got := strings.Join(m.Settings.InternalZones, ","); got != "corp.example.com,svc.shop" {
		t.Errorf("internal_zones: %s", got)
	}
	o := m.Service("checkout").Observe
	if o == nil || strings.Join(o.Names, ",") != "checkout,checkout-api" || o.VPCs[0] != "vpc-0a1b2c3d" ||
		o.Instances[0] != "i-0c0ffee0*" || o.CIDRs[0].String() != "10.1.4.0/24" || o.Terraform[0] != "module.checkout" {
		t.Errorf("service observe: %+v", o)
	}
	if _, ok := m.Service("checkout").Attrs["observe.cidrs"]; !ok {
		t.Error("observe attribute ranges are not kept")
	}
	if d := m.DataClass("orders").Observe; d == nil || d.Terraform[0] != "aws_dynamodb_table.orders" {
		t.Errorf("data observe: %+v", d)
	}
	if d := m.Dependency("stripe").Observe; d == nil || strings.Join(d.Hosts, ",") != "api.stripe.com,*.stripe.com" {
		t.Errorf("dependency observe: %+v", d)
	}
}
