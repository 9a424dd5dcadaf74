//go:build unix

package command

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/views"
)

// hostileModule writes a module whose one service lists n references on
// one line, every one after the first a duplicate, and n unknown regions
// on another: n warnings and n errors whose snippets are the same long
// lines.
func hostileModule(t *testing.T, n int) (dir string, size int) {
	t.Helper()
	dir = t.TempDir()
	base := "region \"a\" {\n  provider = \"aws\"\n  code     = \"us-east-1\"\n}\n" +
		"dependency \"x\" {\n  kind = \"third-party\"\n}\n"
	var unknown strings.Builder
	for i := range n {
		fmt.Fprintf(&unknown, "region.nope%d, ", i)
	}
	svc := "service \"s\" {\n  regions = [region.a, " + unknown.String() + "]\n" +
		"  depends_on = [" + strings.Repeat("dependency.x, ", n) + "]\n}\n"
	writeFile(t, filepath.Join(dir, "main.mr.hcl"), base)
	writeFile(t, filepath.Join(dir, "s.mr.hcl"), svc)
	return dir, len(base) + len(svc)
}

// TestDiagnosticOutputLinear is a property over growing inputs: whatever
// the size of a hostile module, each output format's size grows at most
// linearly with it, and the text one stays small (snippets are cut to a
// window, repeats of one kind in a block are counted, not shown). Before
// the cap, 2,000 duplicates on one line printed 84 MB.
func TestDiagnosticOutputLinear(t *testing.T) {
	formats := []string{"text", "compact", "json", "sarif", "junit", "github"}
	prev := map[string]int{}
	prevIn := 0
	for _, n := range []int{250, 500, 1000, 2000, 4000} {
		dir, in := hostileModule(t, n)
		for _, format := range formats {
			out, errOut, code := runCLI(t, "validate", "--format", format, dir)
			if code != ExitError {
				t.Fatalf("n=%d %s: exit %d, want 1; stderr %s", n, format, code, errOut)
			}
			got := len(out) + len(errOut)
			if format == "text" && got > 16<<10 {
				t.Errorf("n=%d: text output is %d bytes for %d of input; want under 16 KiB", n, got, in)
			}
			// Doubling the input may at most double the output, and some.
			if p := prev[format]; p > 0 && float64(got) > 2.2*float64(p)*float64(in)/float64(2*prevIn)+4096 {
				t.Errorf("%s: %d bytes of output for %d of input, after %d for %d: grows faster than the input", format, got, in, p, prevIn)
			}
			prev[format] = got
		}
		prevIn = in
	}
}

// TestDiagnosticTextFoldsRepeats: past five of one kind in one block, a
// line counts the rest.
func TestDiagnosticTextFoldsRepeats(t *testing.T) {
	dir, _ := hostileModule(t, 100)
	out, _, _ := runCLI(t, "validate", dir)
	if got := strings.Count(out, "Warning: Duplicate reference"); got != 5 || strings.Count(out, "Error: Unknown reference") != 5 {
		t.Errorf("%d duplicate-reference warnings shown in full, want 5", got)
	}
	want := fmt.Sprintf("(and 94 more \"Duplicate reference\" warnings in service \"s\" (%s), not shown)", filepath.Join(dir, "s.mr.hcl"))
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

// validModule writes a small valid module into dir.
func validModule(t *testing.T, dir string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "main.mr.hcl"), "region \"a\" {\n  provider = \"aws\"\n  code     = \"us-east-1\"\n}\n\n"+
		"service \"s\" {\n  regions = [region.a]\n}\n")
}

// runWithin runs the CLI and fails the test if it takes longer than a
// generous limit: a FIFO or /dev/zero once hung every command.
func runWithin(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.out, r.errOut, r.code = runCLI(t, args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.code
	case <-time.After(60 * time.Second):
		t.Fatalf("mrplan %v still running after 60s", args)
	}
	return "", "", 0
}

// Special files named *.mr.hcl are refused by name, never read: a FIFO
// (which would wait for a writer for ever), a symlink to /dev/zero or
// /dev/urandom (which never end).
func TestSpecialModuleFilesRefused(t *testing.T) {
	dir := t.TempDir()
	validModule(t, dir)
	fifo := filepath.Join(dir, "fifo.mr.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(dev); err == nil {
			if err := os.Symlink(dev, filepath.Join(dir, filepath.Base(dev)+".mr.hcl")); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, cmd := range [][]string{{"validate", dir}, {"plan", dir}, {"fmt", "-check", dir}} {
		out, errOut, code := runWithin(t, cmd...)
		if code != ExitError {
			t.Errorf("%v: exit %d, want 1", cmd, code)
		}
		all := strings.Join(strings.Fields(out+errOut), " ")
		for _, want := range []string{fifo + ": it is a named pipe (FIFO), not a regular file", "zero.mr.hcl: it is a symlink to /dev/zero, outside the module directory"} {
			if !strings.Contains(all, want) {
				t.Errorf("%v: output does not say %q:\n%s", cmd, want, all)
			}
		}
	}
}

// A file over the size limit is refused, naming the file and the way to
// raise the limit; the flag and MRPLAN_MAX_FILE_SIZE raise it.
func TestModuleFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	validModule(t, dir)
	writeFile(t, filepath.Join(dir, "big.mr.hcl"), "# "+strings.Repeat("x", 2000)+"\n")
	big := filepath.Join(dir, "big.mr.hcl")
	out, _, code := runCLI(t, "validate", "--max-file-size", "1KB", dir)
	if code != ExitError || !strings.Contains(out, big) || !strings.Contains(out, "larger than the limit of 1000 bytes") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	if _, _, code := runCLI(t, "validate", "--max-file-size", "1MiB", dir); code != ExitOK {
		t.Errorf("with a 1MiB limit: exit %d", code)
	}
	t.Setenv("MRPLAN_MAX_FILE_SIZE", "1KB")
	if out, _, code := runCLI(t, "validate", dir); code != ExitError || !strings.Contains(out, "larger than the limit") {
		t.Errorf("MRPLAN_MAX_FILE_SIZE=1KB: exit %d\n%s", code, out)
	}
	if _, _, code := runCLI(t, "validate", "--max-file-size", "0", dir); code != ExitOK {
		t.Errorf("--max-file-size 0 (no limit): exit %d", code)
	}
	if _, errOut, code := runCLI(t, "validate", "--max-file-size", "lots", dir); code != ExitError || !strings.Contains(errOut, "--max-file-size") {
		t.Errorf("a bad size: exit %d, %s", code, errOut)
	}
}

// A module file that is a symlink leaving the module's tree is refused and
// its contents never printed; one inside the tree is read.
func TestModuleSymlinkOutsideRefused(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "mod")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	validModule(t, dir)
	secret := filepath.Join(root, "secret.mr.hcl")
	writeFile(t, secret, "TOPSECRET-TOKEN = = =\n")
	if err := os.Symlink("../secret.mr.hcl", filepath.Join(dir, "leak.mr.hcl")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.mr.hcl")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "sub", "extra.txt"), "dependency \"d\" {\n  kind = \"third-party\"\n}\n")
	if err := os.Symlink("sub/extra.txt", filepath.Join(dir, "inside.mr.hcl")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"validate", dir}, {"fmt", "-diff", dir}} {
		out, errOut, code := runCLI(t, cmd...)
		all := strings.Join(strings.Fields(out+errOut), " ")
		if code != ExitError {
			t.Errorf("%v: exit %d, want 1", cmd, code)
		}
		if strings.Contains(all, "TOPSECRET") || strings.Contains(all, "root:") {
			t.Errorf("%v printed a file outside the module:\n%s", cmd, all)
		}
		for _, name := range []string{"leak.mr.hcl", "passwd.mr.hcl"} {
			if !strings.Contains(all, filepath.Join(dir, name)) || !strings.Contains(all, "outside the module directory") {
				t.Errorf("%v does not refuse %s by name:\n%s", cmd, name, all)
			}
		}
		if strings.Contains(all, "inside.mr.hcl") && strings.Contains(all, "refused") {
			t.Errorf("%v refused a symlink inside the module:\n%s", cmd, all)
		}
	}
}

// A manifest found in a directory that is a symlink out of it is refused,
// naming it; the same file named on the command line is read.
func TestManifestSymlinkOutsideRefused(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	teams := filepath.Join(root, "teams")
	for _, d := range []string{mod, teams} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	validModule(t, mod)
	outside := filepath.Join(root, "other.deps.hcl")
	writeFile(t, outside, "service = \"s\"\n")
	link := filepath.Join(teams, "s.deps.hcl")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCLI(t, "lint", "--module", mod, teams)
	if code != ExitError || !strings.Contains(errOut, link) || !strings.Contains(errOut, "outside") {
		t.Errorf("lint DIR with a symlink out of it: exit %d, stderr:\n%s", code, errOut)
	}
	if out, errOut, code := runCLI(t, "lint", "--module", mod, link); code != ExitOK {
		t.Errorf("lint FILE named on the command line: exit %d\n%s%s", code, out, errOut)
	}
}

// The module's state setting must stay inside the module; -state puts it
// anywhere on purpose.
func TestStateOutsideModuleRefused(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	if err := os.Mkdir(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	validModule(t, mod)
	for _, p := range []string{"../escaped.json", filepath.Join(root, "abs.json")} {
		writeFile(t, filepath.Join(mod, "settings.mr.hcl"), fmt.Sprintf("mrplan {\n  state = %q\n}\n", p))
		for _, cmd := range [][]string{{"apply", "--module", mod, "-auto-approve"}, {"plan", mod}} {
			_, errOut, code := runCLI(t, cmd...)
			if code != ExitError || !strings.Contains(errOut, "outside the module directory") || !strings.Contains(errOut, "settings.mr.hcl:2,3") {
				t.Errorf("state %q, %v: exit %d, stderr:\n%s", p, cmd, code, errOut)
			}
		}
		entries, _ := os.ReadDir(root)
		if len(entries) != 1 {
			t.Errorf("state %q: apply wrote outside the module: %v", p, entries)
		}
	}
	explicit := filepath.Join(root, "elsewhere.json")
	if out, errOut, code := runCLI(t, "apply", "--module", mod, "-auto-approve", "-state", explicit); code != ExitOK {
		t.Fatalf("apply -state: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(explicit); err != nil {
		t.Errorf("apply -state did not write %s: %v", explicit, err)
	}
	if out, _, code := runCLI(t, "plan", "-state", explicit, "-detailed-exitcode", mod); code != ExitOK {
		t.Errorf("plan -state after apply -state: exit %d (want 0: no changes)\n%s", code, out)
	}
}

// savedPlan plans a copy of an example into a fresh directory with -out
// and returns the module directory and the plan file.
func savedPlan(t *testing.T, args ...string) (dir, file string) {
	t.Helper()
	dir = copyExample(t, "global-commerce")
	file = filepath.Join(t.TempDir(), "plan.json")
	if out, errOut, code := runCLI(t, append([]string{"plan", "-out", file, dir}, args...)...); code != ExitOK {
		t.Fatalf("plan -out: exit %d\n%s%s", code, out, errOut)
	}
	return dir, file
}

// Editing a saved plan's body is caught by its digest: show and apply
// refuse the file by name, and nothing is recorded.
func TestTamperedPlanRefused(t *testing.T) {
	dir, file := savedPlan(t)
	if _, errOut, code := runCLI(t, "show", file); code != ExitOK {
		t.Fatalf("show of an untouched plan: exit %d\n%s", code, errOut)
	}
	src, _ := os.ReadFile(file)
	// Re-indenting is not an edit: the digest is over canonical content.
	var v any
	if err := json.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	flat, _ := json.Marshal(v)
	writeFile(t, file, string(flat))
	if _, errOut, code := runCLI(t, "show", file); code != ExitOK {
		t.Errorf("show of a re-indented plan: exit %d\n%s", code, errOut)
	}
	for name, edit := range map[string]func(string) string{
		"a value":        func(s string) string { return strings.Replace(s, `"tier":`, `"tier":1,"x":`, 1) },
		"the findings":   func(s string) string { return regexpFindings.ReplaceAllString(s, `"findings":[]`) },
		"the digest":     func(s string) string { return regexpDigest.ReplaceAllString(s, "") },
		"a service name": func(s string) string { return strings.Replace(s, `"service.checkout"`, `"service.checkouts"`, 1) },
	} {
		writeFile(t, file, edit(string(src)))
		if edit(string(src)) == string(src) {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		for _, cmd := range [][]string{{"show", file}, {"apply", "--module", dir, file}, {"plan", "--compare-to", file, dir}} {
			_, errOut, code := runCLI(t, cmd...)
			if code != ExitError || !strings.Contains(errOut, file) || !strings.Contains(errOut, "digest") {
				t.Errorf("%s edited, %v: exit %d, stderr:\n%s", name, cmd[0], code, errOut)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "mrplan.state.json")); err == nil {
		t.Error("a tampered plan was recorded")
	}
}

var (
	regexpFindings = regexp.MustCompile(`"findings": \[\n(?s:.*?)\n  \]`)
	regexpDigest   = regexp.MustCompile(`,\n  "digest": "[^"]*"`)
)

// A saved plan that the module no longer produces (its digest recomputed
// after an edit, or other check flags at apply) is refused by apply.
func TestApplyReplansSavedPlan(t *testing.T) {
	dir, file := savedPlan(t)
	src, _ := os.ReadFile(file)
	// A forger who recomputes the digest: drop the findings and re-seal.
	body := regexpDigest.ReplaceAllString(string(src), "")
	body = regexpFindings.ReplaceAllString(body, `"findings": []`)
	if body == regexpDigest.ReplaceAllString(string(src), "") {
		t.Fatal("the plan has no findings to drop")
	}
	forged, err := views.SealPlan([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, file, string(forged))
	_, errOut, code := runCLI(t, "apply", "--module", dir, file)
	if code != ExitError || !strings.Contains(errOut, "does not match what the module produces now: findings differs") {
		t.Errorf("forged plan: exit %d, stderr:\n%s", code, errOut)
	}
	// Other check flags at apply than at plan.
	writeFile(t, file, string(src))
	_, errOut, code = runCLI(t, "apply", "--module", dir, "--disable-check", "MR501,MR502,MR503,MR401,MR402,MR403,MR404,MR301,MR302,MR303,MR201,MR202,MR203,MR204,MR205,MR101,MR102,MR103,MR104", file)
	if code != ExitError || !strings.Contains(errOut, "findings differs") {
		t.Errorf("other flags: exit %d, stderr:\n%s", code, errOut)
	}
	if out, errOut, code := runCLI(t, "apply", "--module", dir, file); code != ExitOK {
		t.Errorf("the untouched plan: exit %d\n%s%s", code, out, errOut)
	}
}

// A state that another module recorded is refused by plan and apply,
// naming both modules; a state without an identity is this module's.
func TestStateOfAnotherModuleRefused(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		validModule(t, d)
	}
	stateA := filepath.Join(a, "mrplan.state.json")
	if out, errOut, code := runCLI(t, "apply", "--module", a, "-auto-approve"); code != ExitOK {
		t.Fatalf("apply a: exit %d\n%s%s", code, out, errOut)
	}
	src, _ := os.ReadFile(stateA)
	if !strings.Contains(string(src), `"module": "a"`) {
		t.Errorf("the state does not record its module:\n%s", src)
	}
	for _, cmd := range [][]string{{"plan", "-state", stateA, b}, {"apply", "--module", b, "-state", stateA, "-auto-approve"}} {
		_, errOut, code := runCLI(t, cmd...)
		if code != ExitError || !strings.Contains(errOut, `belongs to the module "a", not to this module "b"`) {
			t.Errorf("%v: exit %d, stderr:\n%s", cmd, code, errOut)
		}
	}
	if after, _ := os.ReadFile(stateA); string(after) != string(src) {
		t.Error("apply of module b rewrote module a's state")
	}
	// An older state without "module" is taken as this module's.
	writeFile(t, stateA, strings.Replace(string(src), "  \"module\": \"a\",\n", "", 1))
	if out, errOut, code := runCLI(t, "plan", "-detailed-exitcode", a); code != ExitOK {
		t.Errorf("plan with a state without identity: exit %d\n%s%s", code, out, errOut)
	}
}

// TestMain lets a test run this binary as mrplan itself, to send it
// signals: MRPLAN_TEST_AS_CLI=1 runs the arguments as a command line, and
// MRPLAN_TEST_HOLD_LOCK=1 makes apply wait once it holds the lock.
func TestMain(m *testing.M) {
	if os.Getenv("MRPLAN_TEST_AS_CLI") == "1" {
		if os.Getenv("MRPLAN_TEST_HOLD_LOCK") == "1" {
			afterLock = func() {
				fmt.Fprintln(os.Stderr, "LOCKED")
				time.Sleep(2 * time.Minute)
			}
		}
		os.Exit(MainWithSignals(os.Args[1:], StdStreams()))
	}
	os.Exit(m.Run())
}

// SIGINT and SIGTERM during apply release the lock and exit 130 and 143;
// the state is left as it was.
func TestApplyInterruptedReleasesLock(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, ExitInterrupted}, {syscall.SIGTERM, ExitTerminated}} {
		dir := t.TempDir()
		validModule(t, dir)
		cmd := exec.Command(os.Args[0], "apply", "--module", dir, "-auto-approve")
		cmd.Env = append(os.Environ(), "MRPLAN_TEST_AS_CLI=1", "MRPLAN_TEST_HOLD_LOCK=1")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		locked := make(chan bool, 1)
		var rest strings.Builder
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if sc.Text() == "LOCKED" {
					locked <- true
				}
				rest.WriteString(sc.Text() + "\n")
			}
		}()
		select {
		case <-locked:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			t.Fatal("apply never took the lock")
		}
		if _, err := os.Stat(filepath.Join(dir, "mrplan.state.json.lock")); err != nil {
			t.Fatalf("no lock while apply runs: %v", err)
		}
		cmd.Process.Signal(c.sig)
		err = cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		if code != c.code {
			t.Errorf("%v: exit %d (%v), want %d\n%s", c.sig, code, err, c.code, rest.String())
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "main.mr.hcl" {
				t.Errorf("%v left %s behind", c.sig, e.Name())
			}
		}
	}
}

// A temporary state file that a killed run left is removed by the next
// apply, once it holds the lock.
func TestApplyRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	validModule(t, dir)
	stale := filepath.Join(dir, ".mrplan.state.json.tmp-12345")
	writeFile(t, stale, "{half")
	if _, errOut, code := runCLI(t, "apply", "--module", dir, "-auto-approve"); code != ExitOK {
		t.Fatalf("apply: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
}

// force-unlock releases a lock whose process is dead, and leaves one whose
// process lives unless --force.
func TestForceUnlock(t *testing.T) {
	dir := t.TempDir()
	validModule(t, dir)
	lock := filepath.Join(dir, "mrplan.state.json.lock")
	host, _ := os.Hostname()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	writeFile(t, lock, fmt.Sprintf(`{"pid": %d, "created": "2026-12-01T00:00:00Z", "host": %q}`, dead.Process.Pid, host))
	if _, errOut, code := runCLI(t, "apply", "--module", dir, "-auto-approve", "--lock-timeout", "0s"); code != ExitError || !strings.Contains(errOut, "no longer running") || !strings.Contains(errOut, "mrplan force-unlock") {
		t.Errorf("apply under a dead lock: exit %d, %s", code, errOut)
	}
	out, errOut, code := runCLI(t, "force-unlock", "--module", dir)
	if code != ExitOK || !strings.Contains(out, "Released the lock") {
		t.Errorf("force-unlock of a dead lock: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(lock); err == nil {
		t.Error("the dead lock is still there")
	}
	writeFile(t, lock, fmt.Sprintf(`{"pid": %d, "created": "2026-12-01T00:00:00Z", "host": %q}`, os.Getpid(), host))
	if _, errOut, code := runCLI(t, "force-unlock", "--module", dir); code != ExitError || !strings.Contains(errOut, "may still be running") {
		t.Errorf("force-unlock of a live lock: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(lock); err != nil {
		t.Error("a live lock was removed")
	}
	if _, _, code := runCLI(t, "force-unlock", "--module", dir, "--force"); code != ExitOK {
		t.Errorf("force-unlock --force: exit %d", code)
	}
	if out, _, code := runCLI(t, "force-unlock", "--module", dir); code != ExitOK || !strings.Contains(out, "not locked") {
		t.Errorf("force-unlock with no lock: exit %d, %s", code, out)
	}
}
