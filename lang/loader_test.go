package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// wantMarker is an inline expectation on the line a diagnostic must point
// at: `# error: Unknown reference`. Several may share a line.
var wantMarker = regexp.MustCompile(`#\s*(error|warning):\s*([^#]*[^#\s])`)

// TestLoadErrors loads every module under testdata/errors and compares its
// diagnostics with the markers in its files: every marker is hit, and
// nothing else is reported.
func TestLoadErrors(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/errors/*")
	if len(dirs) == 0 {
		t.Fatal("no test cases under testdata/errors")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := markers(t, dir)
			_, diags := LoadDir(dir)
			var got []string
			for _, d := range diags {
				got = append(got, diagKey(d))
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("diagnostics differ\n--- got\n%s\n--- want\n%s\n--- details\n%s",
					strings.Join(got, "\n"), strings.Join(want, "\n"), diags.Error())
			}
			if len(want) == 0 {
				t.Error("a case under testdata/errors must expect at least one diagnostic")
			}
		})
	}
}

// TestLoadValid loads every module under testdata/valid: none may report
// anything.
func TestLoadValid(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/valid/*")
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			m, diags := LoadDir(dir)
			for _, d := range diags {
				t.Error(d.Error())
			}
			if m == nil || len(m.Files) == 0 {
				t.Fatal("no files loaded")
			}
		})
	}
}

func diagKey(d *hcl.Diagnostic) string {
	sev := "error"
	if d.Severity == hcl.DiagWarning {
		sev = "warning"
	}
	if d.Subject == nil {
		return fmt.Sprintf("-:0: %s: %s", sev, d.Summary)
	}
	return fmt.Sprintf("%s:%d: %s: %s", filepath.Base(d.Subject.Filename), d.Subject.Start.Line, sev, d.Summary)
}

func markers(t *testing.T, dir string) []string {
	t.Helper()
	// Child modules' files, in subdirectories, carry markers too.
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && IsModuleFile(d.Name()) {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			for _, m := range wantMarker.FindAllStringSubmatch(line, -1) {
				want = append(want, fmt.Sprintf("%s:%d: %s: %s", filepath.Base(f), i+1, m[1], m[2]))
			}
		}
	}
	// Diagnostics about the directory itself have no line to mark; a case
	// lists them in a file named "want".
	if extra, err := os.ReadFile(filepath.Join(dir, "want")); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(extra)), "\n") {
			if line != "" {
				want = append(want, line)
			}
		}
	}
	sort.Strings(want)
	return want
}

// A long reference list reports each duplicate once, at the repeated
// mention, as a short one does.
func TestLongReferenceListDuplicates(t *testing.T) {
	dir := t.TempDir()
	var src strings.Builder
	src.WriteString("provider \"aws\" {}\nregion \"us-east-1\" {}\n")
	var deps []string
	for i := range 20 {
		fmt.Fprintf(&src, "service \"s%d\" {\n  regions = [region.us-east-1]\n}\n", i)
		deps = append(deps, fmt.Sprintf("service.s%d", i))
	}
	deps = append(deps, "service.s3", "service.s17", "service.s3")
	fmt.Fprintf(&src, "service \"gw\" {\n  regions    = [region.us-east-1]\n  depends_on = [%s]\n}\n", strings.Join(deps, ", "))
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := LoadDir(dir)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%s: %s @%d", d.Summary, d.Detail, d.Subject.Start.Column))
	}
	line := "  depends_on = [" + strings.Join(deps, ", ")
	col := func(n int) int { // the column of the nth mention of the last three
		i := len(line) - len(strings.Join(deps[20+n:], ", "))
		return i + 1
	}
	want := []string{
		fmt.Sprintf("Duplicate reference: service.s3 is listed twice in depends_on; the second mention has no effect. Remove it. @%d", col(0)),
		fmt.Sprintf("Duplicate reference: service.s17 is listed twice in depends_on; the second mention has no effect. Remove it. @%d", col(1)),
		fmt.Sprintf("Duplicate reference: service.s3 is listed twice in depends_on; the second mention has no effect. Remove it. @%d", col(2)),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if gw := m.Service("gw"); gw == nil || len(gw.DependsOn) != 20 {
		t.Errorf("gw depends on %v, want the 20 services once each", gw)
	}
}
