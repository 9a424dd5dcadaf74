package command

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/mrplan/mrplan/internal/views"
)

// edit replaces old with new in one file of a module; old must occur once.
type edit struct{ file, old, new string }

// diffCase is one kind of change: the module after setup is applied as the
// accepted state, then change is made and planned against it.
type diffCase struct {
	example       string
	setup, change []edit
}

var diffCases = map[string]diffCase{
	"objective-tightened": {example: "global-commerce", change: []edit{
		{"services.mr.hcl", `rto     = "4h"`, `rto     = "1m"`}}},
	"region-added": {example: "global-commerce", change: []edit{
		{"services.mr.hcl", "regions     = [region.us-east-1]\n\n  reads  = [data.products, data.rec-models]",
			"regions     = [region.us-east-1, region.eu-west-1]\n\n  reads  = [data.products, data.rec-models]"}}},
	"dependency-added": {example: "global-commerce", change: []edit{
		{"services.mr.hcl", "depends_on = [dependency.email-provider]", "depends_on = [dependency.email-provider, dependency.payment-gateway]"}}},
	"data-class-removed": {example: "global-commerce", change: []edit{
		{"data.mr.hcl", "data \"rec-models\" {\n  owner           = service.recommendations\n  product         = \"aws.s3\"\n  size            = \"2TiB\"\n  regenerable     = true\n  backup_interval = \"7d\"\n}\n", ""},
		{"services.mr.hcl", "reads  = [data.products, data.rec-models]\n  writes = [data.rec-models]", "reads = [data.products]"}}},
	"check-newly-failing": {example: "global-commerce",
		setup:  []edit{{"main.mr.hcl", `check "MR403" {`, "check \"MR101\" {\n    enabled = false\n  }\n\n  check \"MR403\" {"}},
		change: []edit{{"main.mr.hcl", "check \"MR101\" {\n    enabled = false\n  }\n\n  check \"MR403\" {", `check "MR403" {`}}},
	// Payments fails over to the US too: a third active region raises the
	// cost, and its replicas of EU data are copies outside the residency.
	"residency-broken": {example: "eu-payments", change: []edit{
		{"services.mr.hcl", "regions        = [region.eu-west-1, region.eu-central-1]\n  witness        = region.us-east-1",
			"regions        = [region.eu-west-1, region.eu-central-1, region.us-east-1]"}}},
	// The support desk gains a cold standby: a tenth of a region more.
	"cold-standby-added": {example: "eu-payments", change: []edit{
		{"services.mr.hcl", "criticality = \"auxiliary\"\n  regions     = [region.us-east-1]\n  reads       = [data.cardholders]",
			"criticality = \"auxiliary\"\n  regions     = [region.us-east-1, region.eu-west-1]\n  reads       = [data.cardholders]"}}},
	// A block that gains for_each is a new instance address: with a moved
	// block the diff shows a move, without one a removal and a creation.
	"moved-into-for_each": {example: "global-commerce", change: []edit{
		{"services.mr.hcl", "service \"notifications\" {\n", "service \"notifications\" {\n  for_each = toset([\"mail\"])\n"},
		{"main.mr.hcl", "provider \"aws\" {}\n", "provider \"aws\" {}\n\nmoved {\n  from = service.notifications\n  to   = service.notifications[\"mail\"]\n}\n"}}},
	"instance-without-moved": {example: "global-commerce", change: []edit{
		{"services.mr.hcl", "service \"notifications\" {\n", "service \"notifications\" {\n  count = 1\n"}}},
	"finding-resolved": {example: "ride-hailing", change: []edit{
		{"objectives.mr.hcl", "rpo          = \"1s\"\n  rto          = \"1m\"", "rpo          = \"1s\"\n  rto          = \"5m\""}}},
}

// copyExample copies examples/<name> into a temporary directory and makes
// it the working directory, so plans name the state mrplan.state.json.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if strings.HasPrefix(d.Name(), "mrplan.state.json") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dst)
	return dst
}

func applyEdits(t *testing.T, edits []edit) {
	t.Helper()
	for _, e := range edits {
		b, err := os.ReadFile(e.file)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), e.old); n != 1 {
			t.Fatalf("%s: %q occurs %d times, want once", e.file, e.old, n)
		}
		if err := os.WriteFile(e.file, []byte(strings.Replace(string(b), e.old, e.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mustApply(t *testing.T) {
	t.Helper()
	out, errOut, code := runCLI(t, "apply", "-auto-approve")
	if code != ExitOK || !strings.Contains(out, "Apply complete!") {
		t.Fatalf("apply -auto-approve: exit %d\n%s%s", code, out, errOut)
	}
}

// TestPlanDiff pins, for each kind of change, the text and Markdown of the
// plan against the accepted state; every case has changes, so exits 2.
func TestPlanDiff(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "PlanDiff")))
	for _, name := range sortedNames(diffCases) {
		c := diffCases[name]
		t.Run(name, func(t *testing.T) {
			copyExample(t, c.example)
			applyEdits(t, c.setup)
			mustApply(t)
			applyEdits(t, c.change)
			out, errOut, code := runCLI(t, "plan", "-detailed-exitcode")
			if code != ExitChanges {
				t.Fatalf("plan -detailed-exitcode exits %d, want 2: %s", code, errOut)
			}
			g.Assert(t, name+".text", []byte(out))
			md, _, code := runCLI(t, "plan", "-detailed-exitcode", "--format", "markdown", "--title", "mrplan plan: "+c.example, "--doc-url", "docs/checks/")
			if code != ExitChanges || len(md) > 65536 || !strings.HasPrefix(md, "<!-- mrplan:plan -->\n") {
				t.Errorf("markdown: exit %d, %d characters", code, len(md))
			}
			g.Assert(t, name+".md", []byte(md))
			js, _, _ := runCLI(t, "plan", "-json")
			checkPlanJSON(t, js)
			if !strings.Contains(js, `"has_changes": true`) {
				t.Error("the JSON does not say the plan has changes")
			}
		})
	}
}

func sortedNames[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// The round trip a new user makes: plan, apply, plan again (no changes,
// exit 0), edit, plan (exactly the expected "~" lines, exit 2).
func TestPlanApplyPlan(t *testing.T) {
	copyExample(t, "global-commerce")
	if _, _, code := runCLI(t, "plan", "-detailed-exitcode"); code != ExitChanges {
		t.Fatalf("a first plan with no state exits %d, want 2", code)
	}
	mustApply(t)
	out, _, code := runCLI(t, "plan", "-detailed-exitcode")
	if code != ExitOK || !strings.HasPrefix(out, "No changes. The architecture matches the accepted state.\n") {
		t.Fatalf("plan after apply: exit %d\n%s", code, out)
	}
	js, _, _ := runCLI(t, "plan", "-json")
	if !strings.Contains(js, `"has_changes": false`) || strings.Contains(js, `"action": "create"`) {
		t.Error("plan -json after apply still has changes")
	}
	// A saved plan with no changes records nothing: the serial stays.
	runCLI(t, "plan", "-out", "same.json")
	if out, errOut, code := runCLI(t, "apply", "same.json"); code != ExitOK || !strings.Contains(out, "Nothing to record") {
		t.Errorf("apply of an unchanged plan: exit %d %s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile("mrplan.state.json"); !bytes.Contains(b, []byte(`"serial": 1,`)) {
		t.Error("an apply with nothing to record moved the serial")
	}
	applyEdits(t, diffCases["objective-tightened"].change)
	out, _, code = runCLI(t, "plan", "-detailed-exitcode")
	if code != ExitChanges {
		t.Fatalf("plan after the edit exits %d, want 2", code)
	}
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "~ ") {
			got = append(got, strings.Join(strings.Fields(line), " "))
		}
	}
	want := []string{
		`~ update in place`,
		`~ service "orders" {`,
		// A hot standby costs a whole region; the cold one it replaces, a tenth.
		`~ cost = 1.1 -> 2.0`,
		`~ failover = "manual" -> "automatic"`,
		`~ objective.rto = "4h" -> "1m"`,
		`~ rto = "1h32m30s" -> "2m30s"`,
		`~ rto_breakdown.decision = "30m" -> "0s"`,
		`~ rto_breakdown.provisioning = "1h" -> "0s"`,
		`~ split_brain_guard = [] -> ["fencing"]`,
		`~ standby = "cold" -> "hot"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the ~ lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(out, "\nCost: ") || !strings.Contains(out, " → ") {
		t.Errorf("no total cost change above the summary:\n%s", out)
	}
	if !strings.Contains(out, "Plan: 0 to add, 1 to change, 0 to remove. 2 new findings, 0 resolved.\n") {
		t.Errorf("summary line missing:\n%s", out)
	}
}

// A saved plan is refused once a module file changed, was added or was
// removed, naming the file; and once the state moved on.
func TestApplyStalePlan(t *testing.T) {
	for name, tc := range map[string]struct {
		mutate func(t *testing.T)
		want   string
	}{
		"changed": {func(t *testing.T) { applyEdits(t, diffCases["objective-tightened"].change) }, "services.mr.hcl changed since it was made"},
		"added": {func(t *testing.T) {
			os.WriteFile("extra.mr.hcl", []byte("# nothing\n"), 0o644)
		}, "extra.mr.hcl was added"},
		"removed": {func(t *testing.T) {
			os.Rename("objectives.mr.hcl", "objectives.txt")
			b, _ := os.ReadFile("objectives.txt")
			os.WriteFile("objectives2.mr.hcl", b, 0o644)
		}, "objectives.mr.hcl was removed"},
		"state-moved": {func(t *testing.T) { mustApply(t) }, "made against serial 0 of the state mrplan.state.json, which is now at serial 1"},
	} {
		t.Run(name, func(t *testing.T) {
			copyExample(t, "global-commerce")
			if _, errOut, code := runCLI(t, "plan", "-out", "tfplan.json"); code != ExitOK {
				t.Fatalf("plan -out: %s", errOut)
			}
			tc.mutate(t)
			before, _ := os.ReadFile("mrplan.state.json")
			_, errOut, code := runCLI(t, "apply", "tfplan.json")
			if code != ExitError || !strings.Contains(errOut, "the plan tfplan.json is stale") || !strings.Contains(errOut, tc.want) {
				t.Errorf("apply of a stale plan: exit %d, %q; want %q", code, errOut, tc.want)
			}
			if after, _ := os.ReadFile("mrplan.state.json"); !bytes.Equal(before, after) {
				t.Error("a refused apply changed the state")
			}
		})
	}
}

// A saved plan applies as it was saved, and show renders it in every format.
func TestApplyAndShowSavedPlan(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ShowSavedPlan")))
	copyExample(t, "global-commerce")
	mustApply(t)
	applyEdits(t, diffCases["objective-tightened"].change)
	if _, errOut, code := runCLI(t, "plan", "-out", "tfplan.json", "-detailed-exitcode"); code != ExitChanges {
		t.Fatalf("plan -out: exit %d %s", code, errOut)
	}
	for _, format := range []string{"text", "markdown"} {
		out, errOut, code := runCLI(t, "show", "tfplan.json", "--format", format, "--doc-url", "docs/checks/")
		if code != ExitOK {
			t.Fatalf("show --format %s: exit %d %s", format, code, errOut)
		}
		g.Assert(t, format, []byte(out))
	}
	js, _, _ := runCLI(t, "show", "tfplan.json", "-json")
	saved, _ := os.ReadFile("tfplan.json")
	if js != string(saved) {
		t.Error("show -json is not the saved plan")
	}
	out, errOut, code := runCLI(t, "apply", "tfplan.json")
	if code != ExitOK || !strings.Contains(out, "(serial 2): 0 added, 1 changed, 0 removed.") {
		t.Fatalf("apply tfplan.json: exit %d %s%s", code, out, errOut)
	}
	if out, _, code := runCLI(t, "plan", "-detailed-exitcode"); code != ExitOK {
		t.Errorf("plan after applying the saved plan: exit %d\n%s", code, out)
	}
	// show reads a state file as the plan it accepted.
	if out, errOut, code := runCLI(t, "show", "mrplan.state.json"); code != ExitOK || !strings.Contains(out, `~ standby`) {
		t.Errorf("show mrplan.state.json: exit %d %s%s", code, out, errOut)
	}
}

// plan --compare-to diffs against a plan saved from the base branch, as a
// pull request's CI does, and gives the same changes as against the state.
func TestPlanCompareTo(t *testing.T) {
	copyExample(t, "global-commerce")
	if _, errOut, code := runCLI(t, "plan", "-out", "base.json"); code != ExitOK {
		t.Fatal(errOut)
	}
	mustApply(t)
	applyEdits(t, diffCases["objective-tightened"].change)
	vsBase, _, code := runCLI(t, "plan", "--compare-to", "base.json", "-detailed-exitcode")
	if code != ExitChanges || !strings.Contains(vsBase, "mrplan compared this plan with the baseline plan (base.json)") {
		t.Fatalf("plan --compare-to: exit %d\n%s", code, vsBase)
	}
	vsState, _, _ := runCLI(t, "plan")
	strip := func(s string) string { _, rest, _ := strings.Cut(s, "\n"); return rest }
	if strip(vsBase) != strip(vsState) {
		t.Errorf("the diff against base.json differs from the diff against the state:\n%s\n---\n%s", vsBase, vsState)
	}
	os.WriteFile("broken.json", []byte("{"), 0o644)
	if _, errOut, code := runCLI(t, "plan", "--compare-to", "broken.json"); code != ExitError || !strings.Contains(errOut, "broken.json is not a saved plan") {
		t.Errorf("--compare-to a broken file: exit %d %q", code, errOut)
	}
}

// A corrupt or newer state is an error naming the file, for plan and for
// apply, and apply does not overwrite it.
func TestDamagedState(t *testing.T) {
	for name, src := range map[string]string{
		"corrupt": `{"format_version": "1", "serial": 3, "plan": {"services": [`,
		"newer":   `{"format_version": "7", "serial": 3, "mrplan_version": "3.0.0", "plan": {}}`,
	} {
		t.Run(name, func(t *testing.T) {
			copyExample(t, "bank-ledger")
			os.WriteFile("mrplan.state.json", []byte(src), 0o644)
			for _, args := range [][]string{{"plan"}, {"apply", "-auto-approve"}} {
				_, errOut, code := runCLI(t, args...)
				if code != ExitError || !strings.Contains(errOut, "the state mrplan.state.json") {
					t.Errorf("%v over a %s state: exit %d %q", args, name, code, errOut)
				}
			}
			if b, _ := os.ReadFile("mrplan.state.json"); string(b) != src {
				t.Error("the damaged state was overwritten")
			}
		})
	}
}

// Two applies at once: one waits for the other's lock, both succeed in
// turn, and the state is valid JSON at serial 2.
func TestConcurrentApply(t *testing.T) {
	copyExample(t, "bank-ledger")
	done := make(chan string, 2)
	for range 2 {
		go func() {
			var out, errb bytes.Buffer
			code := Main([]string{"apply", "-auto-approve"}, Streams{In: bytes.NewReader(nil), Out: &out, Err: &errb})
			done <- fmt.Sprintf("%d %s", code, errb.String())
		}()
	}
	for range 2 {
		if r := <-done; r != "0 " {
			t.Errorf("a concurrent apply: %s", r)
		}
	}
	out, errOut, code := runCLI(t, "show", "mrplan.state.json", "-json")
	if code != ExitOK || !strings.Contains(out, `"format_version": "`+views.PlanFormatVersion+`"`) {
		t.Fatalf("show the state: %d %s", code, errOut)
	}
	b, _ := os.ReadFile("mrplan.state.json")
	if !bytes.Contains(b, []byte(`"serial": 1`)) {
		t.Errorf("the second apply had nothing to record, so the serial stays 1:\n%.200s", b)
	}

	// A lock another run holds fails a run that will not wait, cleanly.
	os.WriteFile("mrplan.state.json.lock", []byte(`{"pid":4242,"created":"2026-01-02T03:04:05Z","host":"ci"}`), 0o644)
	_, errOut, code = runCLI(t, "apply", "-auto-approve", "-lock-timeout", "50ms")
	if code != ExitError || !strings.Contains(errOut, "is locked by pid 4242 on ci since 2026-01-02T03:04:05Z") {
		t.Errorf("apply under another's lock: exit %d %q", code, errOut)
	}
}

// Without -auto-approve, apply asks on a terminal and records only on
// "yes"; when the input is not a terminal it refuses and says why.
func TestApplyApproval(t *testing.T) {
	copyExample(t, "bank-ledger")
	_, errOut, code := runCLI(t, "apply")
	if code != ExitError || !strings.Contains(errOut, "apply needs -auto-approve when its input is not a terminal") {
		t.Errorf("apply without a terminal: exit %d %q", code, errOut)
	}
	for _, tc := range []struct {
		answer string
		want   int
	}{{"no\n", ExitError}, {"yes\n", ExitOK}} {
		answer, want := tc.answer, tc.want
		var out, errb bytes.Buffer
		code := Main([]string{"apply"}, Streams{In: fakeTerminal{strings.NewReader(answer)}, Out: &out, Err: &errb})
		if code != want || !strings.Contains(out.String(), "Do you want to record this architecture?") ||
			!strings.Contains(out.String(), "Only 'yes' will be accepted:") {
			t.Errorf("answer %q: exit %d\n%s%s", answer, code, out.String()[max(0, out.Len()-400):], errb.String())
		}
		_, err := os.Stat("mrplan.state.json")
		if (err == nil) != (want == ExitOK) {
			t.Errorf("answer %q: state exists = %v", answer, err == nil)
		}
	}
}

type fakeTerminal struct{ *strings.Reader }

func (fakeTerminal) IsTerminal() bool { return true }

// The README's diff excerpt is the objective-tightened golden diff, line
// for line.
func TestREADMEDiffExcerpt(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("../../golden/PlanDiff/objective-tightened.text.golden")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "$ mrplan plan -detailed-exitcode\n")
	excerpt, _, ok2 := strings.Cut(rest, "$ echo $?\n")
	if !ok || !ok2 {
		t.Fatal("README has no plan -detailed-exitcode excerpt")
	}
	if excerpt != string(golden) {
		t.Errorf("README's diff excerpt differs from golden/PlanDiff/objective-tightened.text.golden:\n%s", excerpt)
	}
}
