package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A -var value that does not fit is one error, said in the type's words,
// and the variable is not also reported as having no value.
func TestVarValueErrors(t *testing.T) {
	dir := t.TempDir()
	src := "provider \"aws\" {}\nvariable \"n\" { type = number }\nvariable \"l\" { type = list(string) }\nregion \"us-east-1\" {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		vars []VarArg
		env  map[string]string
		want string
	}{
		{[]VarArg{{Name: "n", Value: "abc"}, {Name: "l", Value: `["a"]`}}, nil, "a number is required"},
		{[]VarArg{{Name: "n", Value: "3"}, {Name: "l", Value: "[a"}}, nil, "is not a valid literal"},
		{[]VarArg{{Name: "n", Value: "3"}}, map[string]string{"l": "nope("}, "MRPLAN_VAR_l"},
	} {
		_, diags := LoadDirOptions(dir, LoadOptions{Vars: c.vars, Env: c.env})
		if len(diags) != 1 || !strings.Contains(diags[0].Detail, c.want) {
			t.Errorf("%v %v: want one error saying %q, got %v", c.vars, c.env, c.want, diags)
		}
	}
	if _, diags := LoadDirOptions(dir, LoadOptions{Vars: []VarArg{{Name: "n", Value: "3"}, {Name: "l", Value: `["a", "b"]`}}}); diags.HasErrors() {
		t.Errorf("valid values: %v", diags)
	}
}

// When a module file does not parse, a -var for a variable it may declare
// is not reported as undeclared: the syntax error is the one to fix.
func TestVarUndeclaredAfterSyntaxError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte("provider \"aws\" {}\nvariable \"n\" {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := LoadDirOptions(dir, LoadOptions{Vars: []VarArg{{Name: "n", Value: "1"}}})
	for _, d := range diags {
		if d.Summary == "Value for undeclared variable" {
			t.Errorf("an undeclared-variable error besides the syntax error: %s", d.Detail)
		}
	}
	if !diags.HasErrors() {
		t.Error("no syntax error")
	}
}
