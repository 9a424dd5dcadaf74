package views

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
)

func TestGitHubAnnotationsEscape(t *testing.T) {
	var b strings.Builder
	ds := []diag.Diagnostic{{
		Severity: diag.Warning, Rule: "MR101", RuleName: "hidden-single-region-dependency",
		Summary: "Hidden single-region dependency",
		Detail:  "50% of users: a, b\nsecond line",
		Fix:     "Fix it.",
		Range: &hcl.Range{Filename: "dir,with:odd/main.mr.hcl",
			Start: hcl.Pos{Line: 3, Column: 5}, End: hcl.Pos{Line: 3, Column: 9}},
	}, {
		Severity: diag.Notice, Summary: "Unused ignore", Detail: "",
	}}
	if err := GitHubAnnotations(&b, ds); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=dir%2Cwith%3Aodd/main.mr.hcl,line=3,col=5,endLine=3,endColumn=9,title=MR101 hidden-single-region-dependency::50%25 of users: a, b%0Asecond line%0AFix: Fix it.\n" +
		"::notice title=Unused ignore::Unused ignore\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
