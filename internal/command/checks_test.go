package command

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"

	"github.com/mrplan/mrplan/checks"
)

// Golden output must not age: drill ages and ignore expiries are judged as
// of this date in every test of the package.
func init() {
	today = func() time.Time { return time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) }
}

func TestChecksList(t *testing.T) {
	out, _, code := runCLI(t, "checks")
	if code != ExitOK {
		t.Fatalf("checks: exit %d", code)
	}
	for _, ch := range checks.All() {
		info := ch.Info()
		if !strings.Contains(out, info.ID+"  "+info.Name) {
			t.Errorf("checks does not list %s %s:\n%s", info.ID, info.Name, out)
		}
	}
}

func TestChecksExplain(t *testing.T) {
	for _, ch := range checks.All() {
		id := ch.Info().ID
		out, _, code := runCLI(t, "checks", strings.ToLower(id))
		if code != ExitOK || !strings.HasPrefix(out, id+" "+ch.Info().Name) || !strings.Contains(out, "How to fix") {
			t.Errorf("checks %s: exit %d, output:\n%s", id, code, out)
		}
	}
	_, errOut, code := runCLI(t, "checks", "MR10")
	if code != ExitError || !strings.Contains(errOut, `Did you mean "MR101"?`) {
		t.Errorf("checks MR10: exit %d, stderr %q", code, errOut)
	}
}

// The README's catalog table is the catalog: a check added, renamed or
// re-graded without it fails here.
func TestChecksREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range checks.All() {
		i := ch.Info()
		row := fmt.Sprintf("| [%s](docs/checks/%s.md) | `%s` | %s | %s |", i.ID, i.ID, i.Name, i.Severity, i.Summary)
		if !strings.Contains(string(readme), row) {
			t.Errorf("README lacks the row\n%s", row)
		}
	}
}

func TestChecksGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ChecksCommand")))
	out, _, _ := runCLI(t, "checks")
	g.Assert(t, "list", []byte(out))
	out, _, _ = runCLI(t, "checks", "-json")
	g.Assert(t, "list.json", []byte(out))
	out, _, _ = runCLI(t, "checks", "hidden-single-region-dependency")
	g.Assert(t, "MR101", []byte(out))
}
