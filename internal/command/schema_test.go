package command

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// docsDir is resolved before any test changes directory.
var docsDir, _ = filepath.Abs(filepath.Join("..", "..", "docs"))

var (
	schemaOnce sync.Once
	schemas    map[string]*jsonschema.Schema
	schemaErr  error
)

// checkSchema validates js against docs/NAME.schema.json, the published
// schema consumers generate bindings from: every JSON the tests produce
// goes through it, so the schema cannot drift from the output.
func checkSchema(t *testing.T, name string, js []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := compiledSchemas(t)[name].Validate(doc); err != nil {
		t.Errorf("output does not match docs/%s.schema.json: %v", name, err)
	}
}

func compiledSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		schemas = map[string]*jsonschema.Schema{}
		c := jsonschema.NewCompiler()
		for _, n := range []string{"plan", "validate"} {
			s, err := c.Compile(filepath.Join(docsDir, n+".schema.json"))
			if err != nil {
				schemaErr = err
				return
			}
			schemas[n] = s
		}
	})
	if schemaErr != nil {
		t.Fatalf("the schemas do not compile: %v", schemaErr)
	}
	return schemas
}

// TestSchemas: a saved plan (with module_dir) and show -json match the plan
// schema, and the schemas reject what they should, so they are not vacuous.
func TestSchemas(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../examples/social-feed", dir)
	plan := filepath.Join(dir, "plan.json")
	if _, errOut, code := runCLI(t, "plan", dir, "-out", plan); code != ExitOK {
		t.Fatalf("plan -out: %s", errOut)
	}
	saved, _ := os.ReadFile(plan)
	checkSchema(t, "plan", saved)
	show, _, _ := runCLI(t, "show", "-json", plan)
	checkSchema(t, "plan", []byte(show))

	for name, bad := range map[string]string{
		"plan":     strings.Replace(string(saved), `"format_version": "2"`, `"format_version": "2", "surprise": 1`, 1),
		"validate": `{"format_version": "1", "valid": true, "error_count": 0, "warning_count": 0, "diagnostics": [{"severity": "fatal", "summary": "x", "detail": ""}]}`,
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if compiledSchemas(t)[name].Validate(doc) == nil {
			t.Errorf("docs/%s.schema.json accepts a document it should reject", name)
		}
	}
}
