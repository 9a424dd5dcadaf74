package command

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// goldenDir is the absolute fixture folder of one golden test, so that
// tests may change directory.
func goldenDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// validateGolden runs validate in dir (from inside it, so file names in the
// output do not depend on where the repository is) as text and as JSON,
// and compares both, with the exit code, against fixtures named name.
func validateGolden(t *testing.T, g *goldie.Goldie, dir, name string) (code int) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	out, errOut, code := runCLI(t, "validate")
	g.Assert(t, name+".text", fmt.Appendf(nil, "exit %d\n%s%s", code, out, errOut))

	jsonOut, _, jsonCode := runCLI(t, "validate", "-json")
	if jsonCode != code {
		t.Errorf("validate -json exits %d, validate %d", jsonCode, code)
	}
	var parsed struct {
		Valid bool `json:"valid"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &parsed); err != nil {
		t.Fatalf("validate -json is not JSON: %v\n%s", err, jsonOut)
	}
	if parsed.Valid != (code == ExitOK) {
		t.Errorf("valid is %v but the exit code is %d", parsed.Valid, code)
	}
	checkSchema(t, "validate", []byte(jsonOut))
	g.Assert(t, name+".json", []byte(jsonOut))
	return code
}

func TestValidateErrors(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ValidateErrors")))
	dirs, _ := filepath.Glob("../../lang/testdata/errors/*")
	if len(dirs) == 0 {
		t.Fatal("no error cases found")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			if code := validateGolden(t, g, dir, filepath.Base(dir)); code != ExitError {
				t.Errorf("exit code %d, want %d", code, ExitError)
			}
		})
	}
}

// TestValidateExamples covers every examples/* module there is; a new
// example gets its fixtures with GOLDIE_UPDATE=1.
func TestValidateExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ValidateExamples")))
	dirs, _ := filepath.Glob("../../examples/*")
	for _, dir := range dirs {
		if files, _ := filepath.Glob(filepath.Join(dir, "*.mr.*")); len(files) == 0 {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			validateGolden(t, g, dir, filepath.Base(dir))
		})
	}
}

func TestValidateCompact(t *testing.T) {
	t.Chdir("../../lang/testdata/errors/references")
	out, _, code := runCLI(t, "validate", "-format", "compact")
	want := "main.mr.hcl:16:35: error: Unknown reference: There is no region named \"eu-west1\" in this module. Did you mean \"region.eu-west-1\"?\n"
	if code != ExitError || len(out) < len(want) || out[:len(want)] != want {
		t.Errorf("compact output (exit %d):\n%s", code, out)
	}
}

func TestValidateFlags(t *testing.T) {
	for _, args := range [][]string{
		{"validate", "-format", "yaml", "../../lang/testdata/valid/custom-provider"},
		{"validate", "-min-severity", "fatal", "../../lang/testdata/valid/custom-provider"},
		{"validate", "a", "b"},
	} {
		_, errOut, code := runCLI(t, args...)
		if code != ExitError || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	// The module is valid as language; its check findings are not what this
	// test is about.
	out, _, code := runCLI(t, "validate", "-min-severity", "notice",
		"-disable-check", "MR202,MR204,MR501,MR502", "../../lang/testdata/valid/custom-provider")
	if code != ExitOK || out != "Success! The module is valid.\n" {
		t.Errorf("valid module: exit %d, output %q", code, out)
	}
	out, _, code = runCLI(t, "validate", "does-not-exist")
	if code != ExitError || out == "" {
		t.Errorf("missing directory: exit %d, output %q", code, out)
	}
}

// TestValidateColor: colour on a terminal only, and never with -no-color.
func TestValidateColor(t *testing.T) {
	dir := "../../lang/testdata/errors/references"
	for _, c := range []struct {
		args     []string
		terminal bool
		colour   bool
	}{
		{[]string{"validate", dir}, true, true},
		{[]string{"-no-color", "validate", dir}, true, false},
		{[]string{"validate", "-no-color", dir}, true, false},
		{[]string{"validate", dir}, false, false},
	} {
		var out bytes.Buffer
		Main(c.args, Streams{In: bytes.NewReader(nil), Out: &out, Err: &out, OutTerminal: c.terminal, ErrTerminal: c.terminal})
		if got := strings.Contains(out.String(), "\x1b["); got != c.colour {
			t.Errorf("%v on a terminal=%v: colour %v, want %v", c.args, c.terminal, got, c.colour)
		}
	}
}

// TestValidateUnknownCheckWithErrors: a check block naming no check, and a
// malformed ignore, are reported in the same run as the module's language
// errors, not only once they are fixed.
func TestValidateUnknownCheckWithErrors(t *testing.T) {
	dir := t.TempDir()
	src := `mrplan {
  check "MR10" { enabled = false }
}
region "us-east-1" { provider = "aws" }
# mrplan-ignore MR401 -- one region is enough here
service "a" {
  regions = [region.us-east-1]
  rpo     = "5min"
}
provider "aws" {}
`
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "validate", "-format", "compact", dir)
	if code != ExitError || !strings.Contains(out, `main.mr.hcl:2:9: error: Unknown check: There is no check "MR10". Did you mean "MR101"?`) ||
		!strings.Contains(out, "main.mr.hcl:5:1: error: Malformed ignore") || !strings.Contains(out, "Invalid duration") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}
