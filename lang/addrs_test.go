package lang

import "testing"

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
	} {
		a, err := ParseAddress(c.in)
		if (err == nil) != c.ok || c.ok && a.String() != c.want {
			t.Errorf("ParseAddress(%q) = %v, %v", c.in, a, err)
		}
	}
}
