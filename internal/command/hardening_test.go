package command

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
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
