package command

import (
	"bytes"
	"testing"
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
	out, _, code := runCLI(t, "version")
	if code != ExitOK || out == "" {
		t.Fatalf("version: code %d, output %q", code, out)
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
