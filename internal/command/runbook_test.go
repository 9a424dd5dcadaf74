package command

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// runIn runs the CLI from inside dir, so that nothing in the output depends
// on where the repository is.
func runIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	return runCLI(t, args...)
}

func TestRunbookExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "RunbookExamples")), goldie.WithNameSuffix(".md"))
	chain, _ := filepath.Abs("../../ops/testdata/chain5")
	multicloud, _ := filepath.Abs("../../ops/testdata/multicloud")
	for _, dir := range append(exampleDirs(t), chain, multicloud) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out, errOut, code := runIn(t, dir, "runbook")
			if code != ExitOK {
				t.Fatalf("runbook: exit %d\n%s", code, errOut)
			}
			g.Assert(t, filepath.Base(dir), []byte(out))
			if again, _, _ := runCLI(t, "runbook"); again != out {
				t.Error("two runs give different runbooks")
			}
		})
	}
}

func TestRunbookDrillExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "RunbookDrill")), goldie.WithNameSuffix(".md"))
	for _, dir := range exampleDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out, errOut, code := runIn(t, dir, "runbook", "--drill")
			if code != ExitOK {
				t.Fatalf("runbook --drill: exit %d\n%s", code, errOut)
			}
			g.Assert(t, filepath.Base(dir), []byte(out))
		})
	}
}

func TestAlertsExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "AlertsExamples")), goldie.WithNameSuffix(".yml"))
	dirs := exampleDirs(t)
	overrides, _ := filepath.Abs("../../ops/testdata/overrides")
	multicloud, _ := filepath.Abs("../../ops/testdata/multicloud")
	for _, dir := range append(dirs, overrides, multicloud) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out, errOut, code := runIn(t, dir, "alerts")
			if code != ExitOK {
				t.Fatalf("alerts: exit %d\n%s", code, errOut)
			}
			g.Assert(t, filepath.Base(dir), []byte(out))
		})
	}
}

func TestRunbookJSONExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "RunbookJSON")), goldie.WithNameSuffix(".json"))
	for _, name := range []string{"bank-ledger", "private-cloud", "multicloud"} {
		dir, _ := filepath.Abs("../../examples/" + name)
		if name == "multicloud" {
			dir, _ = filepath.Abs("../../ops/testdata/multicloud")
		}
		out, errOut, code := runIn(t, dir, "runbook", "-json")
		if code != ExitOK {
			t.Fatalf("%s: runbook -json: exit %d\n%s", name, code, errOut)
		}
		if !json.Valid([]byte(out)) {
			t.Fatalf("%s: runbook -json is not JSON", name)
		}
		g.Assert(t, name, []byte(out))
	}
}

func TestRunbookScenarioAndJSON(t *testing.T) {
	dir, _ := filepath.Abs("../../examples/global-commerce")
	out, errOut, code := runIn(t, dir, "runbook", "--scenario", "us-east-1", "-json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var got struct {
		FormatVersion string `json:"format_version"`
		Scenarios     []struct {
			Name     string `json:"name"`
			Services []struct {
				Address    string  `json:"address"`
				RTO        *string `json:"rto"`
				StepsTotal *string `json:"steps_total"`
				Steps      []struct {
					Kind string `json:"kind"`
				} `json:"steps"`
			} `json:"services"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("runbook -json: %v\n%s", err, out)
	}
	if got.FormatVersion != "1" || len(got.Scenarios) != 1 || got.Scenarios[0].Name != "region us-east-1 lost" {
		t.Fatalf("runbook --scenario us-east-1 -json: %+v", got)
	}
	for _, s := range got.Scenarios[0].Services {
		if s.RTO != nil && (s.StepsTotal == nil || *s.StepsTotal != *s.RTO) {
			t.Errorf("%s: steps_total %v, rto %v", s.Address, s.StepsTotal, *s.RTO)
		}
	}
}

func TestRunbookErrors(t *testing.T) {
	dir, _ := filepath.Abs("../../examples/global-commerce")
	_, errOut, code := runIn(t, dir, "runbook", "--scenario", "region mars-1")
	if code != ExitError || !strings.Contains(errOut, `no scenario "region mars-1"`) || !strings.Contains(errOut, "  region us-east-1 lost\n") || !strings.Contains(errOut, "  zone us-east-1-z2 lost\n") {
		t.Errorf("unknown scenario: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runCLI(t, "runbook", "--drill", "-json")
	if code != ExitError || !strings.Contains(errOut, "--drill") {
		t.Errorf("--drill -json: exit %d\n%s", code, errOut)
	}
	bad, _ := filepath.Abs("../../ops/testdata/bad-overrides")
	_, errOut, code = runIn(t, bad, "alerts")
	if code != ExitError || !strings.Contains(errOut, "Unknown placeholder") || !strings.Contains(errOut, "Unknown data class") || !strings.Contains(errOut, "main.mr.hcl:9") && !strings.Contains(errOut, "line 9") {
		t.Errorf("bad overrides: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "line 12") || !strings.Contains(errOut, "may use $dependency.") {
		t.Errorf("bad dependency_health: no diagnostic naming $dependency\n%s", errOut)
	}
}

// TestRunbookWritesAtomically: -o writes the file whole, and leaves no
// temporary file next to it.
func TestRunbookWritesAtomically(t *testing.T) {
	dir, _ := filepath.Abs("../../examples/bank-ledger")
	outDir := t.TempDir()
	for _, args := range [][]string{
		{"runbook", "-o", filepath.Join(outDir, "runbook.md")},
		{"alerts", "-o", filepath.Join(outDir, "alerts.yml")},
	} {
		if _, errOut, code := runIn(t, dir, args...); code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	entries, _ := os.ReadDir(outDir)
	if len(entries) != 2 {
		t.Errorf("files written: %v, want runbook.md and alerts.yml only", entries)
	}
	b, _ := os.ReadFile(filepath.Join(outDir, "runbook.md"))
	if !strings.HasPrefix(string(b), "# Failover runbook: bank-ledger\n") {
		t.Errorf("runbook.md starts %q", string(b[:min(len(b), 60)]))
	}
}

// The README's runbook excerpts quote the runbooks of examples (a region
// of examples/bank-ledger, a dependency of examples/observed-checkout);
// every line they quote must still be in them.
func TestRunbookREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "<!-- section: operations -->")
	if !ok {
		t.Fatal("README has no operations section")
	}
	section, _, _ = strings.Cut(section, "<!-- /section: operations -->")
	const prompt = "```console\n$ mrplan runbook examples/"
	seen := map[string]bool{}
	for rest := section; ; {
		_, after, ok := strings.Cut(rest, prompt)
		if !ok {
			break
		}
		cmdLine, block, _ := strings.Cut(after, "\n")
		block, rest, _ = strings.Cut(block, "```")
		example, scenario, ok := strings.Cut(cmdLine, " --scenario ")
		if !ok {
			t.Errorf("README runbook excerpt without --scenario: %s", cmdLine)
			continue
		}
		seen[example] = true
		dir, _ := filepath.Abs("../../examples/" + example)
		out, _, code := runIn(t, dir, "runbook", "--scenario", scenario)
		if code != ExitOK {
			t.Fatalf("%s: runbook --scenario %s: exit %d", example, scenario, code)
		}
		plain := strings.NewReplacer(`\_`, "_", "&lt;", "<", "&gt;", ">").Replace(out)
		for _, l := range strings.Split(block, "\n") {
			if l == "" || l == "…" {
				continue
			}
			if !strings.Contains(plain, l+"\n") {
				t.Errorf("README quotes a line the runbook of %s no longer has: %s", example, l)
			}
		}
	}
	if !seen["bank-ledger"] || !seen["observed-checkout"] {
		t.Errorf("README's operations section quotes runbooks of %v, want bank-ledger and observed-checkout", seen)
	}
}

func TestRunbookScenarioCompletion(t *testing.T) {
	dir, _ := filepath.Abs("../../examples/bank-ledger")
	out, _, _ := runCLI(t, "__complete", "runbook", dir, "--scenario", "")
	for _, want := range []string{"region westeurope lost\n", "country NL lost\n", "zone northeurope-z2 lost\n", "provider azure lost\n", "dependency sepa-gateway lost\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("completion lacks %q:\n%s", want, out)
		}
	}
}
