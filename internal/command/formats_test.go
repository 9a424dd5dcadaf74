package command

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/sebdah/goldie/v2"
)

// formats are every output format of validate and lint.
var formats = []string{"text", "compact", "json", "sarif", "junit", "checkstyle", "github"}

// formatsGolden runs args once per format, from inside dir, compares each
// output (with the exit code) with its fixture, checks that every format
// agrees on the exit code, and checks the SARIF and JUnit outputs beyond
// their bytes.
func formatsGolden(t *testing.T, g *goldie.Goldie, dir, name string, args ...string) (code int) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	for i, format := range formats {
		out, errOut, c := runCLI(t, append(args, "--format", format)...)
		if i == 0 {
			code = c
		} else if c != code {
			t.Errorf("--format %s exits %d, text %d", format, c, code)
		}
		g.Assert(t, name+"."+format, []byte(out+errOut))
		switch format {
		case "json":
			checkSchema(t, "validate", []byte(out))
		case "sarif":
			validateSARIF(t, []byte(out))
		case "junit", "checkstyle":
			if err := xml.Unmarshal([]byte(out), new(any)); err != nil {
				t.Errorf("%s output is not XML: %v", format, err)
			}
		}
	}
	return code
}

// TestValidateFormats renders every example, and modules with findings of
// every kind, in every format.
func TestValidateFormats(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ValidateFormats")))
	dirs, _ := filepath.Glob("../../examples/*")
	dirs = append(dirs, "../../checks/testdata/MR101/bad", "../../checks/testdata/MR302/bad", "../../checks/testdata/ignore/unused",
		"../../lang/testdata/errors/semantics") // language errors, filed under the reserved rule in SARIF
	for _, dir := range dirs {
		if files, _ := filepath.Glob(filepath.Join(dir, "*.mr.*")); len(files) == 0 {
			continue
		}
		name := filepath.Base(dir)
		if strings.Contains(dir, "/testdata/") {
			name = filepath.Base(filepath.Dir(dir)) + "-" + name
		}
		t.Run(name, func(t *testing.T) {
			formatsGolden(t, g, dir, name, "validate", "--min-severity", "warning")
		})
	}
}

// TestLintFormats lints an HCL manifest and a Backstage file against a
// module, in every format.
func TestLintFormats(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "LintFormats")))
	code := formatsGolden(t, g, "testdata/lint", "teams", "lint", "--module", "module", "teams")
	if code != ExitError {
		t.Errorf("lint exits %d, want %d", code, ExitError)
	}
}

func TestLintExitCodes(t *testing.T) {
	t.Chdir("testdata/lint")
	for _, c := range []struct {
		args []string
		code int
	}{
		// The YAML manifest alone: one undeclared dependency, an error.
		{[]string{"teams/payments/catalog-info.yaml"}, ExitError},
		// ... which a disabled MR103 leaves clean.
		{[]string{"--disable-check", "MR103", "teams/payments"}, ExitOK},
		// Warnings fail the run only from --min-severity warning.
		{[]string{"--disable-check", "MR101,MR102,MR103", "teams"}, ExitOK},
		{[]string{"--disable-check", "MR101,MR102,MR103", "--min-severity", "warning", "teams"}, ExitError},
		{[]string{"does-not-exist"}, ExitError},
		{[]string{"module"}, ExitError}, // a directory without manifests
	} {
		out, errOut, code := runCLI(t, append([]string{"lint", "--module", "module"}, c.args...)...)
		if code != c.code {
			t.Errorf("lint %v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errOut)
		}
	}
	out, _, _ := runCLI(t, "lint", "--module", "module", "--format", "compact", "teams/checkout/checkout.deps.hcl")
	if !strings.Contains(out, "teams/checkout/checkout.deps.hcl:8:12: error: Undeclared dependency: The manifest of service.checkout says it calls dependency.fraud-score, but the module has no dependency.fraud-score block.") {
		t.Errorf("compact lint output lacks the fraud-score drift:\n%s", out)
	}
	// A component the module does not know is an error; the others are
	// still linted.
	out, _, code := runCLI(t, "lint", "-module", "module", "-format", "compact", "unknown")
	want := []string{"unknown/catalog-info.yaml:4:9: error: Unknown service: ", `Did you mean "checkout"?`,
		"unknown/catalog-info.yaml:12:33: error: Undeclared dependency: ", "dependency.hsm", "(MR103)\n"}
	if code != ExitError || strings.Count(out, "\n") != 2 || !containsAll(out, want) {
		t.Errorf("unknown service: exit %d\n%s", code, out)
	}
	out, _, _ = runCLI(t, "lint", "-module", "module", "unknown")
	if !strings.Contains(out, `Did you mean "checkout"?`) {
		t.Errorf("no suggestion for the misspelt service:\n%s", out)
	}
}

// A notice alone never fails validate; an error always does; a warning
// does from --min-severity warning on.
func TestValidateMinSeverity(t *testing.T) {
	for _, c := range []struct {
		dir  string
		args []string
		code int
	}{
		{"../../checks/testdata/MR403/bad", nil, ExitOK}, // a notice
		{"../../checks/testdata/MR403/bad", []string{"--min-severity", "warning"}, ExitOK},
		{"../../checks/testdata/MR403/bad", []string{"--min-severity", "notice"}, ExitError},
		{"../../checks/testdata/MR404/bad", nil, ExitOK}, // a warning
		{"../../checks/testdata/MR404/bad", []string{"--min-severity", "warning"}, ExitError},
		{"../../checks/testdata/MR401/bad", nil, ExitError},
		{"../../checks/testdata/MR401/bad", []string{"--disable-check", "core-service-single-region"}, ExitOK},
		{"../../checks/testdata/ignore/settings", []string{"--enable-check", "MR404"}, ExitError},
		{"../../checks/testdata/MR401/bad", []string{"--disable-check", "MR999"}, ExitError},
	} {
		out, errOut, code := runCLI(t, append(append([]string{"validate"}, c.args...), c.dir)...)
		if code != c.code {
			t.Errorf("validate %v %s: exit %d, want %d\n%s%s", c.args, c.dir, code, c.code, out, errOut)
		}
	}
}

// The SARIF 2.1.0 schema is the one gosec ships in its module for its own
// tests: the OASIS errata01 schema, fetched through the Go module proxy at a
// pinned version (so go.sum's checksum database vouches for it) and never
// copied into this repository.
const (
	schemaModule = "github.com/securego/gosec/v2@v2.30.0"
	schemaPath   = "report/sarif/testdata/sarif-schema-2.1.0.json"
	schemaID     = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	// Run outside this module, so that its go.mod and go.sum stay as they are.
	dir, err := os.MkdirTemp("", "sarif-schema")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("go", "mod", "download", "-json", schemaModule)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(mod.Dir, schemaPath))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(schemaID)
})

// validateSARIF checks a log against the SARIF 2.1.0 schema and against
// what GitHub code scanning needs beyond it: every result names a rule of
// the catalog by ruleId and ruleIndex, has a fingerprint, and points at a
// repository-relative file with a full region.
func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("cannot obtain the SARIF schema from %s: %v", schemaModule, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not match the 2.1.0 schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("SARIF: want one run: %v", err)
	}
	run := log.Runs[0]
	for _, r := range run.Results {
		if r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s: ruleIndex %d does not name it", r.RuleID, r.RuleIndex)
		}
		if len(r.PartialFingerprints) == 0 {
			t.Errorf("result %s has no partialFingerprints", r.RuleID)
		}
		for _, l := range r.Locations {
			uri, reg := l.PhysicalLocation.ArtifactLocation.URI, l.PhysicalLocation.Region
			if uri == "" || strings.HasPrefix(uri, "/") || strings.Contains(uri, "://") || strings.Contains(uri, `\`) {
				t.Errorf("result %s: uri %q is not repository-relative", r.RuleID, uri)
			}
			if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
				t.Errorf("result %s: incomplete region %+v", r.RuleID, reg)
			}
		}
	}
}

// The schema check is real: a log without a tool driver fails it.
func TestSARIFSchemaRejects(t *testing.T) {
	schema, err := sarifSchema()
	if err != nil {
		t.Fatalf("cannot obtain the SARIF schema from %s: %v", schemaModule, err)
	}
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version": "2.1.0", "runs": [{"tool": {}, "results": []}]}`))
	if schema.Validate(inst) == nil {
		t.Error("a run without tool.driver passes the schema")
	}
}

// containsAll reports whether s contains every one of parts.
func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
