package lang

import (
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestParseAddress(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"service.checkout", "service.checkout", true},
		{"region.us-east-1", "region.us-east-1", true},
		{"region", "", false},
		{"regoin.x", "", false},
		{"service.", "", false},
		{"service.a b", "", false},
		{`service.api["eu"]`, `service.api["eu"]`, true},
		{`service.api["eu.1"]`, `service.api["eu.1"]`, true},
		{"service.worker[0]", "service.worker[0]", true},
		{"service.worker[-1]", "", false},
		{"service.worker[01]", "", false},
		{`service.api[eu]`, "", false},
		{`service.api["eu"`, "", false},
		{"module.cells.service.db", "module.cells.service.db", true},
		{`module.a.module.b.data.rows[2]`, `module.a.module.b.data.rows[2]`, true},
		{"module.cells.region.eu", "", false},
		{"module..service.x", "", false},
		{`module.cell["eu.1"].service.api[0]`, `module.cell["eu.1"].service.api[0]`, true},
		{`module.cell[2].module.x.data.d`, `module.cell[2].module.x.data.d`, true},
		{`module.cell[x].service.a`, "", false},
	} {
		a, err := ParseAddress(c.in)
		if (err == nil) != c.ok || c.ok && a.String() != c.want {
			t.Errorf("ParseAddress(%q) = %v, %v", c.in, a, err)
		}
	}
}

// validIdentifier agrees with hclsyntax.ValidIdentifier on every string of
// up to two ASCII characters and on some longer and non-ASCII ones.
func TestValidIdentifierIsHCLs(t *testing.T) {
	cases := []string{"", "svc-00001", "_x", "a_b-c9", "-a", "9a", "a.b", "a b", "é", "aé", "a\u200d", "日本", "a\x00"}
	for c := 0; c < 0x80; c++ {
		cases = append(cases, string(rune(c)))
		for c2 := 0; c2 < 0x80; c2++ {
			cases = append(cases, string(rune(c))+string(rune(c2)))
		}
	}
	for _, s := range cases {
		if got, want := validIdentifier(s), hclsyntax.ValidIdentifier(s); got != want {
			t.Errorf("validIdentifier(%q) = %v, HCL says %v", s, got, want)
		}
	}
}
