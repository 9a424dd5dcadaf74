package command

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
)

// fmtWorkdir copies a module from lang/testdata/fmt into a temporary
// directory and changes into it, so fmt may rewrite it and file names in
// the output are short.
func fmtWorkdir(t *testing.T, name string) {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("../../lang/testdata/fmt", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFmtCheckAndDiff(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "FmtCheckAndDiff")))
	fmtWorkdir(t, "messy")
	before := readFile(t, "main.mr.hcl")

	out, errOut, code := runCLI(t, "fmt", "-check")
	if code != ExitNotFormatted || out != "main.mr.hcl\n" || errOut != "" {
		t.Errorf("fmt -check: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = runCLI(t, "fmt", "-check", "-diff", ".")
	if code != ExitNotFormatted {
		t.Errorf("fmt -check -diff: exit %d", code)
	}
	g.Assert(t, "diff", []byte(out))
	if readFile(t, "main.mr.hcl") != before {
		t.Error("fmt -check changed a file")
	}
}

func TestFmtRewrites(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "FmtRewrites")))
	fmtWorkdir(t, "messy")
	json := readFile(t, "generated.mr.json")

	out, errOut, code := runCLI(t, "fmt")
	if code != ExitOK || out != "main.mr.hcl\n" || errOut != "" {
		t.Errorf("fmt: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	g.Assert(t, "main.mr.hcl", []byte(readFile(t, "main.mr.hcl")))
	if readFile(t, "generated.mr.json") != json {
		t.Error("fmt changed a .mr.json file")
	}
	if leftovers, _ := filepath.Glob(".*.tmp"); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	out, _, code = runCLI(t, "fmt", "-check")
	if code != ExitOK || out != "" {
		t.Errorf("fmt is not idempotent: exit %d, %q", code, out)
	}
}

func TestFmtLeavesBrokenFiles(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "FmtLeavesBrokenFiles")))
	fmtWorkdir(t, "broken")
	before := readFile(t, "main.mr.hcl")

	out, errOut, code := runCLI(t, "fmt")
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	g.Assert(t, "output", fmt.Appendf(nil, "stdout:\n%sstderr:\n%s", out, errOut))
	if readFile(t, "main.mr.hcl") != before {
		t.Error("fmt rewrote a file that does not parse")
	}
	if readFile(t, "ok.mr.hcl") == "objective \"gold\" {\n  rpo=\"0s\"\n  rto = \"5m\"\n}\n" {
		t.Error("fmt did not format the file that parses")
	}
}

func TestFmtMissingDirectory(t *testing.T) {
	_, errOut, code := runCLI(t, "fmt", filepath.Join(t.TempDir(), "nope"))
	if code != ExitError || errOut == "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func runCLIWithInput(t *testing.T, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, Streams{In: strings.NewReader(input), Out: &out, Err: &errb})
	return out.String(), errb.String(), code
}

func TestFmtStdin(t *testing.T) {
	messy := "objective \"gold\" {\n  rpo=\"0s\"\n  rto = \"5m\"\n}\n"
	tidy := "objective \"gold\" {\n  rpo = \"0s\"\n  rto = \"5m\"\n}\n"

	out, errOut, code := runCLIWithInput(t, messy, "fmt", "-")
	if code != ExitOK || out != tidy || errOut != "" {
		t.Errorf("fmt -: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if out, _, code = runCLIWithInput(t, messy, "fmt", "-check", "-"); code != ExitNotFormatted || out != "" {
		t.Errorf("fmt -check -: exit %d, stdout %q", code, out)
	}
	if out, _, code = runCLIWithInput(t, tidy, "fmt", "-check", "-"); code != ExitOK || out != "" {
		t.Errorf("fmt -check - on tidy input: exit %d, stdout %q", code, out)
	}
	if out, _, code = runCLIWithInput(t, messy, "fmt", "-diff", "-"); code != ExitOK || !strings.Contains(out, "+  rpo = \"0s\"") {
		t.Errorf("fmt -diff -: exit %d, stdout %q", code, out)
	}
	_, errOut, code = runCLIWithInput(t, "objective \"gold\" {\n  rpo = \n}\n", "fmt", "-")
	if code != ExitError || !strings.Contains(errOut, "on <stdin> line 2") {
		t.Errorf("fmt - with a syntax error: exit %d, stderr %q", code, errOut)
	}
}

func TestFmtSeveralDirectories(t *testing.T) {
	fmtWorkdir(t, "messy")
	if err := os.Mkdir("tidy", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("tidy/main.mr.hcl", []byte("objective \"gold\" {\n  rpo = \"0s\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, "fmt", "-check", "tidy", ".")
	if code != ExitNotFormatted || out != "main.mr.hcl\n" {
		t.Errorf("fmt -check tidy .: exit %d, stdout %q", code, out)
	}
	_, _, code = runCLI(t, "fmt", "-check", ".", filepath.Join(t.TempDir(), "nope"))
	if code != ExitError {
		t.Errorf("an error in one directory must win over exit 3: exit %d", code)
	}
}

// TestFmtComposition formats the constructs of SPEC §9 (variables with
// type constraints, locals with for expressions, for_each, moved) in a
// root module, a child module below it with -recursive, and a variables
// file.
func TestFmtComposition(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	messy := "variable \"x\" {\ntype=list(object({a=string,b=optional(number,1)}))\ndefault=[]\n}\nlocals {\na=1\nbb = [for k,v in var.x: v.a if v.b>0]\n}\nservice \"s\" {\nfor_each=toset([\"a\"])\nregions=[region[each.key]]\n}\nmoved {\nfrom=service.t\nto=service.s[\"a\"]\n}\n"
	tidy := "variable \"x\" {\n  type    = list(object({ a = string, b = optional(number, 1) }))\n  default = []\n}\nlocals {\n  a  = 1\n  bb = [for k, v in var.x : v.a if v.b > 0]\n}\nservice \"s\" {\n  for_each = toset([\"a\"])\n  regions  = [region[each.key]]\n}\nmoved {\n  from = service.t\n  to   = service.s[\"a\"]\n}\n"
	for name, text := range map[string]string{"main.mr.hcl": messy, "cells/cell/main.mr.hcl": messy, "prod.mrvars.hcl": "env=\"prod\"\nregions =[\"a\"]\n"} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runCLI(t, "fmt")
	if code != ExitOK || out != "main.mr.hcl\nprod.mrvars.hcl\n" {
		t.Fatalf("fmt: exit %d\n%s%s", code, out, errOut)
	}
	if got := readFile(t, "main.mr.hcl"); got != tidy {
		t.Errorf("main.mr.hcl formatted as\n%s", got)
	}
	if got := readFile(t, "prod.mrvars.hcl"); got != "env     = \"prod\"\nregions = [\"a\"]\n" {
		t.Errorf("prod.mrvars.hcl formatted as\n%s", got)
	}
	if _, _, code := runCLI(t, "fmt", "-check", "-recursive"); code != ExitNotFormatted {
		t.Errorf("fmt -check -recursive exits %d, want %d for the child module", code, ExitNotFormatted)
	}
	runCLI(t, "fmt", "-recursive")
	if got := readFile(t, filepath.Join("cells", "cell", "main.mr.hcl")); got != tidy {
		t.Errorf("child module formatted as\n%s", got)
	}
}
