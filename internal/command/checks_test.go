package command

import (
	"strings"
	"testing"
	"time"

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
