package baseline

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
)

func finding(rule, subject, summary string, line int) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Error, Rule: rule, Subject: subject, Summary: summary, Detail: "Because.",
		Range: &hcl.Range{Filename: "main.mr.hcl", Start: hcl.Pos{Line: line, Column: 1}}}
}

func TestApplyMatchesByKeyNotLine(t *testing.T) {
	before := []diag.Diagnostic{
		finding("MR101", "service.a", "Hidden single-region dependency", 3),
		finding("MR101", "service.a", "Hidden single-region dependency", 9),
		finding("MR201", "data.orders", "RPO objective not met", 20),
		{Severity: diag.Error, Summary: "Unknown region"}, // language error: never recorded
	}
	f := FromDiagnostics(before)
	if f.Total() != 3 || len(f.Entries) != 2 {
		t.Fatalf("recorded %+v", f.Entries)
	}
	after := []diag.Diagnostic{
		finding("MR101", "service.a", "Hidden single-region dependency", 40), // moved
		finding("MR101", "service.a", "Hidden single-region dependency", 41), // moved
		finding("MR101", "service.a", "Hidden single-region dependency", 42), // a third: new
		finding("MR102", "service.b", "Tier inversion", 50),                  // new
		{Severity: diag.Error, Summary: "Unknown region"},
	}
	r := f.Apply(after)
	if r.Known != 2 || len(r.Diagnostics) != 3 {
		t.Fatalf("known %d, left %+v", r.Known, r.Diagnostics)
	}
	if r.Diagnostics[0].Range.Start.Line != 42 || r.Diagnostics[1].Rule != "MR102" || r.Diagnostics[2].Rule != "" {
		t.Errorf("left %+v", r.Diagnostics)
	}
	if len(r.Fixed) != 1 || r.Fixed[0].Rule != "MR201" || r.Fixed[0].Count != 1 {
		t.Errorf("fixed %+v", r.Fixed)
	}
}

func TestWriteIsStableAndReadable(t *testing.T) {
	ds := []diag.Diagnostic{
		finding("MR201", "data.orders", "RPO objective not met", 20),
		finding("MR101", "service.b", "Hidden single-region dependency", 3),
		finding("MR101", "service.a", "Hidden single-region dependency", 9),
	}
	reversed := []diag.Diagnostic{ds[2], ds[1], ds[0]}
	a, b := FromDiagnostics(ds).Marshal(), FromDiagnostics(reversed).Marshal()
	if !bytes.Equal(a, b) {
		t.Fatalf("order changed the bytes:\n%s\n%s", a, b)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := Write(path, FromDiagnostics(ds)); err != nil {
		t.Fatal(err)
	}
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.Marshal(), a) {
		t.Errorf("read back:\n%s\nwant:\n%s", f.Marshal(), a)
	}
	if f.Entries[0].Subject != "service.a" || f.Entries[2].Rule != "MR201" {
		t.Errorf("not sorted: %+v", f.Entries)
	}
}

func TestParseRejects(t *testing.T) {
	for _, src := range []string{
		`{}`,
		`{"format_version": "9", "findings": []}`,
		`{"format_version": "1", "findings": [{"rule": "MR101"}]}`,
		`{"format_version": "1", "findings": [], "extra": 1}`,
		`not json`,
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse(%s) accepted it", src)
		}
	}
}
