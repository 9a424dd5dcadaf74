package command

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/internal/version"
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
