package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A large plan still fits one GitHub comment: the full plan is cut, and
// says so.
func TestPlanMarkdownFitsAComment(t *testing.T) {
	var b strings.Builder
	b.WriteString("region \"eu-west-1\" {\n  provider = \"aws\"\n}\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "service \"s%03d\" {\n  criticality = \"important\"\n  regions = [region.eu-west-1]\n}\n", i)
	}
	var out strings.Builder
	if err := (PlanMarkdown{}).Write(&out, planSource(t, b.String()), nil); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	if len(md) > 65536 {
		t.Errorf("the comment has %d characters, over GitHub's 65,536", len(md))
	}
	if !strings.Contains(md, "too long for a comment") || !strings.HasSuffix(md, "```\n\n</details>\n") {
		t.Errorf("a cut plan must say so and close its fence:\n%s", md[len(md)-300:])
	}
}

func TestDiffLines(t *testing.T) {
	got := diffLines("  + service \"a\" {\n      + tier = 0\n          # why\n\n    - service.a is down\n")
	want := "+   service \"a\" {\n+       tier = 0\n           # why\n\n-     service.a is down\n"
	if got != want {
		t.Errorf("diffLines:\n%q\nwant\n%q", got, want)
	}
}

// A large diff (every service of a big module changed, a finding on each)
// still fits one comment: the findings list is counted after 50, the diff
// is cut, and both say so.
func TestPlanMarkdownDiffFitsAComment(t *testing.T) {
	module := func(rto string) *planner.Plan {
		var b strings.Builder
		b.WriteString("region \"eu-west-1\" {\n  provider = \"aws\"\n}\nregion \"us-east-1\" {\n  provider = \"aws\"\n}\n")
		for i := 0; i < 400; i++ {
			fmt.Fprintf(&b, "service \"s%03d\" {\n  criticality = \"important\"\n  rto = %q\n  regions = [region.eu-west-1, region.us-east-1]\n}\n", i, rto)
		}
		return planSource(t, b.String())
	}
	var base strings.Builder
	if err := PlanJSON(&base, module("4h"), nil, PlanMeta{}); err != nil {
		t.Fatal(err)
	}
	head := module("1m")
	findings := make([]diag.Diagnostic, 0, 400)
	for i := 0; i < 400; i++ {
		findings = append(findings, diag.Diagnostic{Severity: diag.Error, Rule: "MR202", Subject: fmt.Sprintf("service.s%03d", i), Summary: "RTO objective unachievable"})
	}
	d, err := DiffPlan(head, findings, []byte(base.String()), "the accepted state", "mrplan.state.json, serial 1")
	if err != nil {
		t.Fatal(err)
	}
	if d.Update != 400 || len(d.New) != 400 {
		t.Fatalf("diff: %d updates, %d new findings", d.Update, len(d.New))
	}
	var out strings.Builder
	if err := (PlanMarkdown{Diff: d, DocURL: "docs/checks/"}).Write(&out, head, findings); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	if len(md) > 65536 {
		t.Errorf("the comment has %d characters, over GitHub's 65,536", len(md))
	}
	for _, want := range []string{"<!-- mrplan:plan -->\n", "… and 350 more", "[MR202](docs/checks/MR202.md)", "too long for a comment", "~   service \"s000\" {"} {
		if !strings.Contains(md, want) {
			t.Errorf("the comment lacks %q", want)
		}
	}
	if !strings.HasSuffix(md, "```\n\n</details>\n") {
		t.Error("a cut diff must close its fence and its details")
	}
}

// planSource plans a module of one file holding src.
func planSource(t *testing.T, src string) *planner.Plan {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	return planner.PlanModule(m)
}
