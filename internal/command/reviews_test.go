package command

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// TestPlanReviews plans the three architectures a reviewer wrote for issue
// 14 (a card processor on AWS with a GCP secondary, an Azure B2B SaaS in
// cells, a game backend in mainland China and Tokyo) and keeps what
// validate and plan say about them: every judgment in these files is one a
// senior SRE reads in a design review.
func TestPlanReviews(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "PlanReviews")))
	dirs, _ := filepath.Glob(filepath.Join("testdata", "reviews", "*"))
	if len(dirs) != 3 {
		t.Fatalf("want the three review modules, got %v", dirs)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(abs)
			out, errOut, code := runCLI(t, "validate")
			g.Assert(t, name+".validate", fmt.Appendf(nil, "exit %d\n%s%s", code, out, errOut))
			out, errOut, code = runCLI(t, "plan")
			if code != ExitOK {
				t.Fatalf("plan exits %d: %s", code, errOut)
			}
			g.Assert(t, name+".plan", fmt.Appendf(nil, "exit %d\n%s%s", code, out, errOut))
			js, _, _ := runCLI(t, "plan", "-json")
			checkPlanJSON(t, js)
			g.Assert(t, name+".json", []byte(js))
		})
	}
}
