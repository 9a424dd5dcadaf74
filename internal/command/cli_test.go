package command

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/version"
)

// runCLI runs mrplan in-process with args and returns what it wrote to
// standard output and standard error, and its exit code. Output is never a
// terminal, so never coloured.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Streams{In: bytes.NewReader(nil), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func TestVersion(t *testing.T) {
	want := "mrplan v" + version.Version + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		out, errOut, code := runCLI(t, args...)
		if code != ExitOK || out != want {
			t.Errorf("%v: code %d, output %q (want %q), stderr %q", args, code, out, want, errOut)
		}
	}
	out, _, code := runCLI(t, "version", "-json")
	var got struct {
		Version  string `json:"mrplan_version"`
		Platform string `json:"platform"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != ExitOK || err != nil {
		t.Fatalf("version -json: code %d, %v, output %q", code, err, out)
	}
	if got.Version != version.Version || !strings.Contains(got.Platform, "_") {
		t.Errorf("version -json = %+v", got)
	}
}

func TestTerraformStyleFlags(t *testing.T) {
	_, _, code := runCLI(t, "-no-color", "version")
	if code != ExitOK {
		t.Fatalf("-no-color version: code %d", code)
	}
	_, errOut, code := runCLI(t, "-bogus-flag", "version")
	if code != ExitError || errOut == "" {
		t.Fatalf("unknown flag: code %d, stderr %q", code, errOut)
	}
}

// TestPathMistakes: a directory given to apply, or a manifest that does not
// exist given to lint, gets a sentence that names the path and the fix, not
// an error from the file system.
func TestPathMistakes(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"apply", "../../examples/global-commerce"}, "run mrplan apply --module ../../examples/global-commerce"},
		{[]string{"lint", "--module", "../../examples/global-commerce", "missing.deps.hcl"}, "no manifest or directory missing.deps.hcl"},
	} {
		_, errOut, code := runCLI(t, c.args...)
		if code != ExitError || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "stat ") {
			t.Errorf("%v: code %d, stderr %q; want exit 1 and %q", c.args, code, errOut, c.want)
		}
	}
}

// TestJUnitChecksRanDespiteResolveError: a manifest about an unknown service
// is an error without a check ID, but the other manifests are still checked,
// so JUnit must not call the checks skipped.
func TestJUnitChecksRanDespiteResolveError(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "ghost.deps.hcl")
	if err := os.WriteFile(m, []byte("service = \"no-such-service\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "lint", "--module", "../../examples/global-commerce", "--format", "junit", m)
	if code != ExitError || !strings.Contains(out, `name="no findings"`) || strings.Contains(out, "<skipped") {
		t.Errorf("code %d; want exit 1, passing checks and nothing skipped:\n%s", code, out)
	}
}

// TestBaseline: a baseline written from a module holds its findings back,
// also after the code moves; a new finding fails the run; an entry that no
// longer occurs is a notice. lint takes the same flags.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../examples/global-commerce", dir)
	bl := filepath.Join(dir, "baseline.json")
	if out, errOut, code := runCLI(t, "validate", dir); code != ExitError {
		t.Fatalf("the example should have a finding to baseline: code %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := runCLI(t, "validate", "--write-baseline", bl, dir)
	if code != ExitOK || !strings.Contains(errOut, "Wrote the baseline") || !strings.Contains(out, "Not shown: 1 finding recorded in the baseline") {
		t.Fatalf("--write-baseline: code %d\n%s%s", code, out, errOut)
	}
	first, err := os.ReadFile(bl)
	if err != nil {
		t.Fatal(err)
	}
	// Lines above every block move every finding.
	svc := filepath.Join(dir, "services.mr.hcl")
	src, _ := os.ReadFile(svc)
	if err := os.WriteFile(svc, append([]byte("# moved\n\n\n"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := runCLI(t, "validate", "--baseline", bl, dir); code != ExitOK {
		t.Fatalf("--baseline after moving code: code %d\n%s%s", code, out, errOut)
	}
	if _, _, code := runCLI(t, "validate", "--write-baseline", bl, dir); code != ExitOK {
		t.Fatal("rewrite failed")
	}
	if again, _ := os.ReadFile(bl); !bytes.Equal(first, again) {
		t.Errorf("baseline not stable under a re-run:\n%s\n%s", first, again)
	}
	// An entry that is gone is reported as a notice; it does not fail.
	var f map[string]any
	_ = json.Unmarshal(first, &f)
	f["findings"] = append(f["findings"].([]any), map[string]any{"rule": "MR102", "subject": "service.gone", "message": "Tier inversion: fixed", "count": 1})
	edited, _ := json.Marshal(f)
	_ = os.WriteFile(bl, edited, 0o644)
	out, _, code = runCLI(t, "validate", "--baseline", bl, "-format", "compact", dir)
	if code != ExitOK || !strings.Contains(out, "notice: Baseline entry no longer found") || !strings.Contains(out, "MR102 on service.gone") {
		t.Errorf("fixed entry: code %d\n%s", code, out)
	}
	// An empty baseline: every finding is new.
	_ = os.WriteFile(bl, []byte(`{"format_version": "1", "findings": []}`), 0o644)
	if _, _, code := runCLI(t, "validate", "--baseline", bl, dir); code != ExitError {
		t.Errorf("empty baseline: code %d, want 1", code)
	}
	if _, errOut, code := runCLI(t, "lint", "--module", dir, "--baseline", filepath.Join(dir, "missing.json"), "../../examples/global-commerce"); code != ExitError || !strings.Contains(errOut, "does not exist") {
		t.Errorf("lint with a missing baseline: code %d, %s", code, errOut)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestApplyFromAnywhere: a saved plan records its module relative to the
// plan file, so apply works from another directory, after plan and module
// moved together, and from inside a module moved alone; a module that is
// nowhere to be found is refused with a sentence that names --module.
func TestApplyFromAnywhere(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "arch", "mod")
	plans := filepath.Join(root, "arch", "plans")
	for _, d := range []string{mod, plans} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	copyDir(t, "../../examples/bank-ledger", mod)
	_ = os.Remove(filepath.Join(mod, "mrplan.state.json"))
	plan := filepath.Join(plans, "p.json")
	out, errOut, code := runCLI(t, "plan", mod, "-out", plan)
	if code != ExitOK || !strings.Contains(out, "Record it with: mrplan apply "+plan) {
		t.Fatalf("plan -out: code %d\n%s%s", code, out, errOut)
	}
	saved, _ := os.ReadFile(plan)
	if !strings.Contains(string(saved), `"module_dir": "../mod"`) {
		t.Fatalf("the plan does not record its module relative to itself:\n%.400s", saved)
	}
	// The test runs in internal/command: another directory than the module's.
	if out, errOut, code := runCLI(t, "apply", plan); code != ExitOK || !strings.Contains(out, filepath.Join(mod, "mrplan.state.json")) {
		t.Fatalf("apply from elsewhere: code %d\n%s%s", code, out, errOut)
	}

	// Plan and module move together: found again through the relative path.
	moved := filepath.Join(root, "moved")
	if err := os.Rename(filepath.Join(root, "arch"), moved); err != nil {
		t.Fatal(err)
	}
	plan = filepath.Join(moved, "plans", "p.json")
	mod = filepath.Join(moved, "mod")
	if _, _, code := runCLI(t, "plan", mod, "-out", plan); code != ExitOK {
		t.Fatal("plan again")
	}
	if err := os.Rename(mod, filepath.Join(moved, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runCLI(t, "apply", plan)
	if code != ExitError || !strings.Contains(errOut, "holds no module files now") || !strings.Contains(errOut, "--module DIR") {
		t.Errorf("module gone: code %d, %q", code, errOut)
	}
	// Inside the moved module, apply finds it by its files.
	t.Chdir(filepath.Join(moved, "elsewhere"))
	if out, errOut, code := runCLI(t, "apply", plan); code != ExitOK {
		t.Errorf("apply inside the moved module: code %d\n%s%s", code, out, errOut)
	}
}

// TestChdir: -chdir=DIR, with one dash or two, runs the command in DIR.
func TestChdir(t *testing.T) {
	wd, _ := os.Getwd()
	t.Chdir(wd) // restores the directory -chdir changes
	for _, args := range [][]string{
		{"-chdir=../../examples", "validate", "bank-ledger"},
		{"--chdir", "../../examples/bank-ledger", "validate"},
	} {
		t.Chdir(wd)
		if out, errOut, code := runCLI(t, args...); code != ExitOK {
			t.Errorf("%v: code %d\n%s%s", args, code, out, errOut)
		}
	}
	t.Chdir(wd)
	tmp := t.TempDir()
	copyDir(t, "../../examples/bank-ledger", tmp)
	_ = os.Remove(filepath.Join(tmp, "mrplan.state.json"))
	out, errOut, code := runCLI(t, "-chdir="+tmp, "plan", "-out", "p.json")
	if want := "Record it with: mrplan -chdir=" + tmp + " apply p.json"; code != ExitOK || !strings.Contains(out, want) {
		t.Errorf("plan -out under -chdir: code %d, want %q in\n%s%s", code, want, out, errOut)
	}
	t.Chdir(wd)
	if out, errOut, code := runCLI(t, "-chdir="+tmp, "apply", "p.json"); code != ExitOK {
		t.Errorf("the hint's command fails: code %d\n%s%s", code, out, errOut)
	}
	t.Chdir(wd)
	_, errOut, code = runCLI(t, "-chdir=no-such-dir", "validate")
	if code != ExitError || !strings.Contains(errOut, "-chdir=no-such-dir: cannot switch to that directory: it does not exist") {
		t.Errorf("missing dir: code %d, %q", code, errOut)
	}
}

// TestForce: --force reports everything and exits 0, as tflint's does; a
// usage error still exits 1.
func TestForce(t *testing.T) {
	dir := "../../examples/global-commerce"
	if _, _, code := runCLI(t, "validate", dir); code != ExitError {
		t.Fatalf("the example should fail without --force: code %d", code)
	}
	out, _, code := runCLI(t, "validate", "--force", "-format", "compact", dir)
	if code != ExitOK || !strings.Contains(out, "(MR101)") {
		t.Errorf("--force: code %d\n%s", code, out)
	}
	if _, _, code := runCLI(t, "validate", "--force", "--min-severity", "bogus", dir); code != ExitError {
		t.Errorf("--force with a usage error: code %d, want 1", code)
	}
}

// TestConfigFile: a .mrplan.hcl above the module, up to the repository's
// root, sets checks for every module under it; the module's own settings
// and the flags win over it; --config names another file; mistakes in it
// are diagnostics on its lines.
func TestConfigFile(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".git"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(root, "infra", "commerce")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, "../../examples/global-commerce", mod)
	write := func(name, src string) string {
		p := filepath.Join(root, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(".mrplan.hcl", "check \"MR101\" {\n  severity = \"warning\"\n}\n")
	out, _, code := runCLI(t, "validate", "-format", "compact", mod)
	if code != ExitOK || !strings.Contains(out, "warning: Hidden single-region dependency") {
		t.Errorf("shared severity: code %d\n%s", code, out)
	}
	if _, _, code := runCLI(t, "validate", "--enable-check", "MR101", "--min-severity", "warning", mod); code != ExitError {
		t.Errorf("the flags should still apply: code %d", code)
	}
	other := write("strict.hcl", "check \"hidden-single-region-dependency\" {\n  enabled = false\n}\n")
	out, _, code = runCLI(t, "validate", "--config", other, "-format", "compact", mod)
	if code != ExitOK || strings.Contains(out, "MR101") {
		t.Errorf("--config: code %d\n%s", code, out)
	}
	bad := write("bad.hcl", "check \"MR999\" {\n  enabled = \"no\"\n}\nrule \"x\" {}\n")
	out, _, code = runCLI(t, "validate", "--config", bad, "-format", "compact", mod)
	for _, want := range []string{"bad.hcl:2:13: error: Invalid enabled", "bad.hcl:4:1: error: Unsupported block type"} {
		if code != ExitError || !strings.Contains(out, want) {
			t.Errorf("a broken --config: code %d, want %q in\n%s", code, want, out)
		}
	}
	out, _, code = runCLI(t, "validate", "--config", filepath.Join(root, "missing.hcl"), mod)
	if code != ExitError || !strings.Contains(out, "Configuration file not found") {
		t.Errorf("a missing --config: code %d\n%s", code, out)
	}
	// Without the file, the module's own settings alone.
	if err := os.Remove(filepath.Join(root, ".mrplan.hcl")); err != nil {
		t.Fatal(err)
	}
	if _, _, code := runCLI(t, "validate", mod); code != ExitError {
		t.Errorf("without the file MR101 is an error again: code %d", code)
	}
}

// TestInit: the starter module validates clean and is formatted; init
// never overwrites a module.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "arch")
	out, errOut, code := runCLI(t, "init", dir)
	if code != ExitOK || !strings.Contains(out, "Wrote a starter module to "+filepath.Join(dir, "main.mr.hcl")) {
		t.Fatalf("init: code %d\n%s%s", code, out, errOut)
	}
	if out, _, code := runCLI(t, "validate", dir); code != ExitOK || out != "Success! The module is valid.\n" {
		t.Errorf("the starter module does not validate clean: code %d\n%s", code, out)
	}
	if _, errOut, code := runCLI(t, "fmt", "-check", dir); code != ExitOK {
		t.Errorf("the starter module is not formatted: code %d %s", code, errOut)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "main.mr.hcl"))
	for _, want := range []string{`provider "aws"`, `region "us-east-1"`, `service "web"`, `data "accounts"`, "# "} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the starter module lacks %q", want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runCLI(t, "init", dir)
	if code != ExitError || !strings.Contains(errOut, "already holds a module (main.mr.hcl)") {
		t.Errorf("init over a module: code %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "main.mr.hcl")); string(b) != "# mine\n" {
		t.Errorf("init overwrote the file: %q", b)
	}
	other := t.TempDir()
	_ = os.WriteFile(filepath.Join(other, "infra.mr.json"), []byte("{}"), 0o644)
	if _, _, code := runCLI(t, "init", other); code != ExitError {
		t.Errorf("init beside a JSON module file: code %d", code)
	}
}

// TestREADMEPlanExcerpt: the README's plan excerpt is the real output, with
// "…" lines standing for lines left out.
func TestREADMEPlanExcerpt(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start = "```console\n$ mrplan plan examples/global-commerce\n"
	i := strings.Index(string(readme), start)
	if i < 0 {
		t.Fatal("the README has no plan excerpt")
	}
	excerpt := string(readme[i+len(start):])
	excerpt = excerpt[:strings.Index(excerpt, "```\n")]
	wd, _ := os.Getwd()
	t.Chdir("../..")
	out, _, code := runCLI(t, "plan", "examples/global-commerce")
	t.Chdir(wd)
	if code != ExitOK {
		t.Fatalf("plan exits %d", code)
	}
	real := strings.Split(out, "\n")
	at := 0
	for _, line := range strings.Split(strings.TrimSuffix(excerpt, "\n"), "\n") {
		if strings.TrimSpace(line) == "…" {
			continue
		}
		for at < len(real) && real[at] != line {
			at++
		}
		if at == len(real) {
			t.Fatalf("the README's plan excerpt has a line the real output lacks (or has out of order):\n%s", line)
		}
		at++
	}
}
