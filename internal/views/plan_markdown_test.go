package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	var out strings.Builder
	if err := (PlanMarkdown{}).Write(&out, planner.PlanModule(m), nil); err != nil {
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
