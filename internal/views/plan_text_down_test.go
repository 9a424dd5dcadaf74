package views

import (
	"bufio"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// The text plan writes a down service's line as downCause words it, for
// every down service of every scenario: on a chain whose end calls a
// single-region dependency, so its cause paths are long and shortened,
// and on the examples.
func TestWriteDownLineIsDownCause(t *testing.T) {
	chain := t.TempDir()
	if err := gen.Write(chain, gen.Options{Services: 300, Shape: gen.Chain, Flawed: 100, Files: 5, Today: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	dirs := []string{chain, "../../examples/global-commerce", "../../examples/ride-hailing", "../../examples/social-feed"}
	elided := 0
	var path []planner.Step
	for _, dir := range dirs {
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", dir, diags.Error())
		}
		p := planner.PlanModule(m)
		for _, sc := range p.Scenarios {
			for _, o := range sc.Affected {
				if o.Outcome != planner.OutcomeDown {
					continue
				}
				var b strings.Builder
				w := bufio.NewWriter(&b)
				writeDownLine(w, sc, o.Service, &path)
				w.Flush()
				want := fmt.Sprintf("    - %s is down: %s\n", o.Service, downCause(sc, o.Service))
				if b.String() != want {
					t.Fatalf("%s, %s:\n got %q\nwant %q", dir, sc.Name(), b.String(), want)
				}
				if strings.Contains(want, " more … ") {
					elided++
				}
			}
		}
	}
	if elided == 0 {
		t.Error("no shortened cause path was compared")
	}
}
