package views

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

// referenceDiagnosticsJSON is how `validate -json` was rendered before it
// was streamed: the whole document built, then encoded by encoding/json.
func referenceDiagnosticsJSON(v DiagnosticsJSONView, ds []diag.Diagnostic, valid bool) []byte {
	errs, warns, _ := diag.Count(ds)
	out := jsonDiagnostics{FormatVersion: DiagnosticsFormatVersion, Valid: valid, ErrorCount: errs, WarningCount: warns,
		Diagnostics: make([]jsonDiagnostic, 0, len(ds))}
	for _, d := range ds {
		jd := jsonDiagnostic{Severity: d.Severity.String(), Rule: d.Rule, Subject: d.Subject, Summary: d.Summary, Detail: d.Detail, Fix: d.Fix}
		if d.Range != nil && d.Range.Filename != "" {
			jd.Range = &jsonRange{Filename: d.Range.Filename,
				Start: jsonPos{d.Range.Start.Line, d.Range.Start.Column, d.Range.Start.Byte},
				End:   jsonPos{d.Range.End.Line, d.Range.End.Column, d.Range.End.Byte}}
			jd.Snippet = v.snippet(d)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// The streamed `validate -json` is byte for byte what encoding/json wrote:
// on every example module's findings, and on diagnostics whose text needs
// escaping, with and without ranges, snippets and enclosing blocks.
func TestDiagnosticsJSONStreamedIsEncoded(t *testing.T) {
	src := []byte("service \"a\" {\n  regions = [region.x]\n}\n# \xff <b>&\u2028\n")
	r := func(sl, sc, sb, el, ec, eb int, file string) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: sl, Column: sc, Byte: sb}, End: hcl.Pos{Line: el, Column: ec, Byte: eb}}
	}
	odd := []diag.Diagnostic{
		{Severity: diag.Error, Summary: "Unknown region", Detail: "No region \"x\" <is> declared & \"quoted\" \\ \t\n\x01 \xfe\u2029.", Range: r(2, 13, 26, 2, 21, 34, "main.mr.hcl")},
		{Severity: diag.Warning, Rule: "MR403", RuleName: "x", Subject: "service.a", Summary: ">= 0.1", Detail: "", Fix: "Do it.", Range: r(1, 1, 0, 4, 1, 40, "main.mr.hcl")},
		{Severity: diag.Notice, Summary: "no range"},
		{Severity: diag.Error, Summary: "file not loaded", Range: r(1, 1, 0, 1, 2, 1, "other.mr.hcl")},
		{Severity: diag.Error, Summary: "out of bounds", Range: r(9, 1, 900, 9, 2, 901, "main.mr.hcl")},
		{Severity: diag.Error, Summary: "no file name", Range: &hcl.Range{}},
		{Severity: diag.Warning, Summary: "at the end", Range: r(4, 1, len(src)-1, 5, 1, len(src), "main.mr.hcl")},
	}
	cases := []struct {
		name string
		v    DiagnosticsJSONView
		ds   []diag.Diagnostic
	}{
		{"none", DiagnosticsJSONView{}, nil},
		{"escaping", DiagnosticsJSONView{Files: map[string][]byte{"main.mr.hcl": src}}, odd},
		{"no sources", DiagnosticsJSONView{}, odd},
	}
	for _, ex := range []string{"global-commerce", "ride-hailing", "observed-checkout"} {
		m, hd := lang.LoadDir("../../examples/" + ex)
		if hd.HasErrors() {
			t.Fatalf("%s: %s", ex, hd.Error())
		}
		ds := diag.FromHCL(hd)
		for f := range m.Files {
			// Every top-level block's first line, as a finding would point at it.
			ds = append(ds, diag.Diagnostic{Severity: diag.Warning, Rule: "MR999", Subject: "service.x", Summary: "s", Detail: "d",
				Range: &hcl.Range{Filename: f, Start: hcl.Pos{Line: 1, Column: 1, Byte: 0}, End: hcl.Pos{Line: 1, Column: 5, Byte: 4}}})
		}
		diag.Sort(ds)
		cases = append(cases, struct {
			name string
			v    DiagnosticsJSONView
			ds   []diag.Diagnostic
		}{ex, DiagnosticsJSONView{Files: m.Files, Module: m}, ds})
	}
	for _, c := range cases {
		for _, valid := range []bool{true, false} {
			var got bytes.Buffer
			if err := c.v.Write(&got, c.ds, valid); err != nil {
				t.Fatal(err)
			}
			if want := referenceDiagnosticsJSON(c.v, c.ds, valid); !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s: streamed JSON differs from encoding/json's:\n got: %s\nwant: %s", c.name, got.Bytes(), want)
			}
		}
	}
}
