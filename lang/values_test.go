package lang

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// attrOf parses `x = EXPR` and returns the attribute.
func attrOf(t *testing.T, expr string) *hcl.Attribute {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte("x = "+expr+"\n"), "t.mr.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %q: %s", expr, diags.Error())
	}
	attrs, _ := f.Body.JustAttributes()
	return attrs["x"]
}

// decodeCase is one expression, what decoding must give, or the summary of
// the one error it must report.
type decodeCase struct {
	expr string
	want any
	err  string
}

func runDecodeCases(t *testing.T, cases []decodeCase, decode func(*decoder, *hcl.Attribute) (any, bool)) {
	t.Helper()
	for _, c := range cases {
		d := newDecoder()
		got, ok := decode(d, attrOf(t, c.expr))
		switch {
		case c.err != "":
			if ok || len(d.diags) != 1 || d.diags[0].Summary != c.err {
				t.Errorf("%s: want one %q error, got ok=%v %v", c.expr, c.err, ok, d.diags)
			}
		case !ok || len(d.diags) > 0:
			t.Errorf("%s: unexpected failure: %v", c.expr, d.diags)
		case got != c.want:
			t.Errorf("%s: got %v, want %v", c.expr, got, c.want)
		}
	}
}

func TestDecodeDuration(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{`"90s"`, 90 * time.Second, ""},
		{`"7d"`, 7 * 24 * time.Hour, ""},
		{`"1d12h"`, 36 * time.Hour, ""},
		{`"${2 * 15}m"`, 30 * time.Minute, ""},
		{`true ? "1h" : "2h"`, time.Hour, ""},
		{`30`, nil, "Missing unit"},
		{`"-5m"`, nil, "Invalid duration"},
		{`"fast"`, nil, "Invalid duration"},
		{`["1s"]`, nil, "Incorrect attribute value type"},
		{`file("/etc/passwd")`, nil, "Call to unknown function"},
		{`var.x`, nil, "References not allowed here"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.duration(a) })
}

func TestDecodeSizeAndPercent(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{`"500GB"`, int64(500e9), ""},
		{`"2TiB"`, int64(2 << 40), ""},
		{`"10 gigs"`, nil, "Invalid size"},
		{`10`, nil, "Missing unit"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.size(a) })
	runDecodeCases(t, []decodeCase{
		{`"99.95%"`, 99.95, ""},
		{`99.9`, 99.9, ""},
		{`101`, nil, "Value out of range"},
		{`"high"`, nil, "Invalid percentage"},
		{`false`, nil, "Incorrect attribute value type"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.percent(a) })
}

func TestDecodeNumbersAndDates(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{`0.5`, 0.5, ""},
		{`"0.25"`, 0.25, ""}, // HCL converts numeric strings, as Terraform does
		{`1 - 0.5`, 0.5, ""},
		{`1.5`, nil, "Value out of range"},
		{`"half"`, nil, "Incorrect attribute value type"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.number(a, 0, 1) })
	runDecodeCases(t, []decodeCase{
		{`2`, 2, ""},
		{`1.5`, nil, "Invalid number"},
		{`3`, nil, "Value out of range"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.integer(a, 0, 2) })
	runDecodeCases(t, []decodeCase{
		{`"2026-03-31"`, "2026-03-31", ""},
		{`"2026-02-30"`, nil, "Invalid date"},
		{`"31/03/2026"`, nil, "Invalid date"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) {
		v, ok := d.date(a)
		return v.Format(time.DateOnly), ok
	})
}

func TestDecodeEnum(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{`"active-passive"`, int(TopologyActivePassive), ""},
		{`"auto"`, int(TopologyAuto), ""},
		{`"active-activ"`, nil, "Invalid value"},
		{`1`, nil, "Invalid value"},
	}, func(d *decoder, a *hcl.Attribute) (any, bool) { return d.enum(a, topologyNames) })

	d := newDecoder()
	d.enum(attrOf(t, `"active-activ"`), topologyNames)
	if detail := d.diags[0].Detail; !strings.Contains(detail, `Did you mean "active-active"?`) {
		t.Errorf("no suggestion in %q", detail)
	}
}

func TestDecodeRefs(t *testing.T) {
	cases := []struct {
		expr   string
		want   string // the addresses, space-separated
		errors []string
	}{
		{`[region.us-east-1, region.eu_west]`, "region.us-east-1 region.eu_west", nil},
		{`[]`, "", nil},
		{`["region.x"]`, "", []string{"Invalid reference"}},
		{`[us-east-1]`, "", []string{"Invalid reference"}},
		{`[regoin.x]`, "", []string{"Invalid reference"}},
		{`[service.x, region.y]`, "region.y", []string{"Invalid reference kind"}},
		{`[region.x.y]`, "", []string{"Invalid reference"}},
		{`region.x`, "", []string{"Invalid reference list"}},
	}
	for _, c := range cases {
		d := newDecoder()
		refs, _ := d.refs(attrOf(t, c.expr), refRegion)
		var got []string
		for _, r := range refs {
			got = append(got, r.Addr.String())
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: got %v, want %s", c.expr, got, c.want)
		}
		var errs []string
		for _, diag := range d.diags {
			errs = append(errs, diag.Summary)
		}
		if strings.Join(errs, ",") != strings.Join(c.errors, ",") {
			t.Errorf("%s: errors %v, want %v", c.expr, errs, c.errors)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	for _, c := range []struct{ given, want string }{
		{"eu-west1", "eu-west-1"},
		{"us-esat-1", "us-east-1"},
		{"zzz", ""},
	} {
		if got := nearest(c.given, []string{"eu-west-1", "us-east-1", "ap-south-1"}); got != c.want {
			t.Errorf("nearest(%q) = %q, want %q", c.given, got, c.want)
		}
	}
}

// TestDidYouMeanLongNames: edit distance is quadratic, so very long names
// are not compared at all. Comparing two 50,000-character names would take
// minutes; the guard below only catches that hang, it times nothing finer.
func TestDidYouMeanLongNames(t *testing.T) {
	long := strings.Repeat("a", 50000)
	done := make(chan string, 1)
	go func() { done <- nearest(long, []string{long + "b", long + "c"}) }()
	select {
	case got := <-done:
		if got != "" {
			t.Errorf("suggested a %d-character name", len(got))
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("nearest compared two 50,000-character names (no answer after 2 minutes)")
	}
}

// TestUnsupportedSuggestions: every unexpected argument or block, in every
// block and nested block, names what it may have meant.
func TestUnsupportedSuggestions(t *testing.T) {
	_, diags := LoadDir("testdata/errors/nested-suggestions")
	if len(diags) == 0 {
		t.Fatal("no diagnostics")
	}
	for _, d := range diags {
		if !strings.Contains(d.Detail, "Did you mean") {
			t.Errorf("no suggestion: %s", d.Error())
		}
	}
}

// TestUnknownAssumptionLists: the detail lists the assumptions there are,
// rather than sending the reader elsewhere.
func TestUnknownAssumptionLists(t *testing.T) {
	_, diags := LoadDir("testdata/errors/assumptions")
	for _, d := range diags {
		if !strings.Contains(d.Detail, "failover_drill_max_age") || strings.Contains(d.Detail, "mrplan providers") {
			t.Errorf("detail does not list the assumptions: %s", d.Detail)
		}
	}
	if !strings.Contains(diags[0].Detail, `Did you mean "detection_time"?`) {
		t.Errorf("no suggestion: %s", diags[0].Detail)
	}
}

// TestUnitHints: a unit slip gets the spelling meant.
func TestUnitHints(t *testing.T) {
	for in, want := range map[string]string{
		"5min": `Did you mean "5m"?`, "2 hours": `Did you mean "2h"?`, "1day": `Did you mean "1d"?`, "90S": `Did you mean "90s"?`,
	} {
		if got := unitHint(in, durationUnitFix); !strings.Contains(got, want) {
			t.Errorf("duration %q: hint %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"900tb": `Did you mean "900TB"? Size units are case-sensitive.`, "2tib": `"2TiB"`, "500G": `"500GB"`,
	} {
		if got := unitHint(in, sizeUnitFix); !strings.Contains(got, want) {
			t.Errorf("size %q: hint %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"soon", "5 fortnights", "12"} {
		if got := unitHint(in, durationUnitFix); got != "" {
			t.Errorf("duration %q: unexpected hint %q", in, got)
		}
	}
}

// TestValueReferenceDetail: a reference in a value argument says where
// references may stand, at the whole reference, instead of HCL's bare
// "Variables not allowed".
func TestValueReferenceDetail(t *testing.T) {
	_, diags := LoadDir("testdata/errors/value-references")
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %s", diags.Error())
	}
	d := diags[0]
	if !strings.Contains(d.Detail, "objective = objective.gold") || d.Subject.End.Column-d.Subject.Start.Column != len("objective.gold.rpo") {
		t.Errorf("detail or range: %s %v", d.Detail, d.Subject)
	}
}
