package command

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/mrplan/mrplan/internal/views"
)

func planExamples(t *testing.T) []string {
	t.Helper()
	dirs, _ := filepath.Glob("../../examples/*")
	var out []string
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		t.Fatal("no examples found")
	}
	return out
}

// TestPlanExamples pins the plan of every examples/* module, text and JSON;
// a new example gets its fixtures with GOLDIE_UPDATE=1.
func TestPlanExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "PlanExamples")))
	for _, dir := range planExamples(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(abs)
			out, errOut, code := runCLI(t, "plan")
			if code != ExitOK {
				t.Fatalf("plan exits %d: %s", code, errOut)
			}
			g.Assert(t, name+".text", fmt.Appendf(nil, "exit %d\n%s%s", code, out, errOut))
			again, _, _ := runCLI(t, "plan")
			if again != out {
				t.Error("two runs of plan print different text")
			}

			js, _, code := runCLI(t, "plan", "-json")
			if code != ExitOK {
				t.Fatalf("plan -json exits %d", code)
			}
			checkPlanJSON(t, js)
			g.Assert(t, name+".json", []byte(js))
			if again, _, _ := runCLI(t, "plan", "--format", "json"); again != js {
				t.Error("two runs of plan -json print different bytes")
			}

			md, _, code := runCLI(t, "plan", "--format", "markdown", "--doc-url", "docs/checks/")
			if code != ExitOK || !strings.HasPrefix(md, "<!-- mrplan:plan -->\n") || len(md) > 65536 {
				t.Errorf("plan --format markdown: exit %d, %d characters", code, len(md))
			}
			g.Assert(t, name+".md", []byte(md))
		})
	}
}

// checkPlanJSON checks the shape SPEC §7.1 promises: every top-level key,
// and lists that are [] rather than null when empty.
func checkPlanJSON(t *testing.T, js string) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &top); err != nil {
		t.Fatalf("plan -json is not JSON: %v", err)
	}
	checkSchema(t, "plan", []byte(js))
	for _, k := range []string{"format_version", "mrplan_version", "config_hash", "services", "data", "changes",
		"findings", "scenarios", "summary", "has_changes", "errored"} {
		if _, ok := top[k]; !ok {
			t.Errorf("plan JSON has no %q", k)
		}
	}
	if strings.Contains(js, ": null,\n") && strings.Contains(js, "[]") {
		// nulls are allowed only where documented (before, witness, rto, rpo and rpo_bound, loss_tolerance, via,
		// an availability target the objective does not set, users_affected without audiences)
		for _, line := range strings.Split(js, "\n") {
			l := strings.TrimSpace(line)
			if strings.HasSuffix(l, ": null,") || strings.HasSuffix(l, ": null") {
				key := strings.Trim(strings.SplitN(l, ":", 2)[0], `"`)
				switch key {
				case "before", "after", "witness", "rto", "rpo", "rpo_bound", "loss_tolerance", "via", "capacity", "backup_region", "cost_relative", "target", "users_affected":
				default:
					t.Errorf("unexpected null: %s", l)
				}
			}
		}
	}
	var p struct {
		FormatVersion string `json:"format_version"`
		ConfigHash    string `json:"config_hash"`
		Changes       []struct {
			Action string `json:"action"`
		} `json:"changes"`
		Summary struct {
			Create, Update, Delete, Move int
			New                          int `json:"new_findings"`
			Resolved                     int `json:"resolved_findings"`
		} `json:"summary"`
		HasChanges bool `json:"has_changes"`
	}
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		t.Fatal(err)
	}
	if p.FormatVersion != views.PlanFormatVersion || !strings.HasPrefix(p.ConfigHash, "sha256:") || len(p.ConfigHash) != 7+64 {
		t.Errorf("format_version %q, config_hash %q", p.FormatVersion, p.ConfigHash)
	}
	n := map[string]int{}
	for _, c := range p.Changes {
		n[c.Action]++
	}
	s := p.Summary
	if s.Create != n["create"] || s.Update != n["update"] || s.Delete != n["delete"] ||
		p.HasChanges != (s.Create+s.Update+s.Delete+s.Move+s.New+s.Resolved > 0) || n["create"]+n["update"]+n["delete"]+n["no-op"] != len(p.Changes) {
		t.Errorf("summary %+v, has_changes %v, for changes %v", s, p.HasChanges, n)
	}
}

func TestPlanOut(t *testing.T) {
	dir := planExamples(t)[0]
	outDir := t.TempDir()
	file := filepath.Join(outDir, "plan.json")
	text, errOut, code := runCLI(t, "plan", "-out="+file, dir)
	if code != ExitOK {
		t.Fatalf("plan -out exits %d: %s", code, errOut)
	}
	if !strings.Contains(text, "Saved the plan to "+file) {
		t.Errorf("plan -out does not say where it saved the plan")
	}
	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	js, _, _ := runCLI(t, "plan", "-json", dir)
	// The saved plan is plan -json, plus where its module is (for apply)
	// and its digest as the last field.
	recorded := `  "module_dir": "` + recordedModuleDir(file, dir) + `",` + "\n"
	if !strings.Contains(string(saved), recorded) {
		t.Errorf("the -out file does not record %q", recorded)
	}
	if err := views.CheckPlanDigest(file, saved); err != nil {
		t.Error(err)
	}
	unsealed := strings.Replace(string(saved), recorded, "", 1)
	if at := strings.LastIndex(unsealed, ",\n  \"digest\""); at < 0 || unsealed[:at]+"\n}\n" != js {
		t.Error("the -out file is not plan -json with its module directory and digest")
	}
	// Overwriting works, and leaves no temporary file behind.
	if _, _, code := runCLI(t, "plan", "-json", "-out", file, dir); code != ExitOK {
		t.Fatalf("second plan -out exits %d", code)
	}
	entries, _ := os.ReadDir(outDir)
	if len(entries) != 1 {
		t.Errorf("files left in the -out directory: %d, want 1", len(entries))
	}
	if _, errOut, code := runCLI(t, "plan", "-out", filepath.Join(outDir, "missing", "plan.json"), dir); code != ExitError || errOut == "" {
		t.Errorf("-out into a missing directory: exit %d, stderr %q", code, errOut)
	}
}

func TestPlanExitCodes(t *testing.T) {
	dir := planExamples(t)[0]
	if _, _, code := runCLI(t, "plan", "-detailed-exitcode", dir); code != ExitChanges {
		t.Errorf("-detailed-exitcode with changes: exit %d, want %d", code, ExitChanges)
	}
	if _, errOut, code := runCLI(t, "plan", "--format", "yaml", dir); code != ExitError || errOut == "" {
		t.Errorf("unknown format: exit %d, stderr %q", code, errOut)
	}
	if out, errOut, code := runCLI(t, "plan", t.TempDir()); code != ExitError || errOut == "" || out != "" {
		t.Errorf("empty directory: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, _, code := runCLI(t, "plan", filepath.Join(t.TempDir(), "nowhere")); code != ExitError {
		t.Errorf("missing directory: exit %d", code)
	}
}

func TestPlanLanguageErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte("service \"a\" {\n  regions = [region.nowhere]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "plan", dir)
	if code != ExitError || out != "" || !strings.Contains(errOut, "nowhere") {
		t.Errorf("language error: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	js, _, code := runCLI(t, "plan", "-json", dir)
	var d struct {
		Valid       bool              `json:"valid"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	if code != ExitError || json.Unmarshal([]byte(js), &d) != nil || d.Valid || len(d.Diagnostics) == 0 {
		t.Errorf("language error as JSON: exit %d, output %q", code, js)
	}
}

// A module with nothing to plan still prints every list, as [].
func TestPlanEmptyListsAreArrays(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte("region \"eu-west-1\" {\n  provider = \"aws\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	js, errOut, code := runCLI(t, "plan", "-json", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	checkPlanJSON(t, js)
	for _, want := range []string{`"services": []`, `"data": []`, `"changes": []`, `"findings": []`, `"has_changes": false`} {
		if !strings.Contains(js, want) {
			t.Errorf("plan JSON lacks %s", want)
		}
	}
	text, _, _ := runCLI(t, "plan", dir)
	if !strings.Contains(text, "Plan: 0 to add, 0 to change, 0 to remove.") {
		t.Errorf("text plan of an empty module:\n%s", text)
	}
}

// The README's plan excerpt quotes the plan of examples/global-commerce;
// every line it quotes must still be in that plan.
func TestReadmePlanExcerpt(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "<!-- section: plan -->")
	_, section, ok2 := strings.Cut(section, "```console\n")
	section, _, _ = strings.Cut(section, "```")
	if !ok || !ok2 {
		t.Fatal("README has no plan section with a console excerpt")
	}
	out, _, _ := runCLI(t, "plan", "../../examples/global-commerce")
	for _, line := range strings.Split(section, "\n") {
		l := strings.TrimSpace(line)
		if l == "" || l == "…" || !strings.HasPrefix(line, "  ") || strings.HasPrefix(l, "$") {
			continue
		}
		if !strings.Contains(out, l) {
			t.Errorf("README quotes a line the plan no longer has: %s", l)
		}
	}
}
