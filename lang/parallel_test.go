package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/providers"
)

// loadWith loads dir with n files at a time.
func loadWith(t *testing.T, dir string, n int) (*Module, hcl.Diagnostics) {
	t.Helper()
	saved := workers
	workers = func() int { return n }
	defer func() { workers = saved }()
	return LoadDirWith(dir, providers.NewRegistry())
}

// Loading a module's files in parallel gives the module and the
// diagnostics of a serial load, byte for byte: on a generated module of
// 500 services, and on one with mistakes across files (duplicates, a
// second mrplan block, unknown references, a file that does not parse).
func TestParallelLoadIsSerialLoad(t *testing.T) {
	clean := t.TempDir()
	if err := gen.Write(clean, gen.Options{Services: 500, Files: 40}); err != nil {
		t.Fatal(err)
	}
	broken := t.TempDir()
	if err := gen.Write(broken, gen.Options{Services: 200, Files: 10, Shape: gen.Chain}); err != nil {
		t.Fatal(err)
	}
	extra := map[string]string{
		"services-000.mr.hcl": "", // appended to
		"x-dup.mr.hcl": `mrplan {}
service "svc-00001" { regions = [region.us-east-1] }
region "us-east-1" {}
service "new" {
  regions    = [region.nowhere]
  depends_on = [service.svc-0000]
  rpo        = "soon"
}
data "d" {
  owner   = service.new
  product = "aws.nothing"
}
`,
		"y-dup.mr.hcl": `service "new" { regions = [region.us-east-2] }
data "d" {
  owner   = service.new
  product = "aws.dynamodb"
}
`,
		"z.mr.json": `{"service": {"j": {"regions": ["region.us-east-1"], "tier": 7}}}`,
	}
	for name, text := range extra {
		f, err := os.OpenFile(filepath.Join(broken, name), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		if text == "" {
			text = "service \"svc-00002\" {\n  regions = [region.eu-west-1]\n}\n"
		}
		fmt.Fprint(f, text)
		f.Close()
	}
	unparsable := t.TempDir()
	for name, text := range map[string]string{
		"a.mr.hcl": "region \"us-east-1\" { provider = \"aws\" }\nservice \"a\" { regions = [region.us-east-1], depends_on = [service.b] }\n",
		"b.mr.hcl": "service \"b\" {\n  regions = [region.us-east-1\n",
		"c.mr.hcl": "service \"c\" { regions = [region.nowhere] }\n",
	} {
		if err := os.WriteFile(filepath.Join(unparsable, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for name, dir := range map[string]string{"clean": clean, "mistakes": broken, "unparsable": unparsable} {
		t.Run(name, func(t *testing.T) {
			sm, sd := loadWith(t, dir, 1)
			for _, n := range []int{2, 3, 8} {
				pm, pd := loadWith(t, dir, n)
				if got, want := diagText(pd), diagText(sd); got != want {
					t.Fatalf("%d workers: diagnostics differ from a serial load:\n%s\nserial:\n%s", n, got, want)
				}
				if !reflect.DeepEqual(pd, sd) {
					t.Fatalf("%d workers: diagnostics differ from a serial load in their ranges or extras", n)
				}
				if !reflect.DeepEqual(pm, sm) {
					t.Fatalf("%d workers: the module differs from a serial load's", n)
				}
			}
			if name == "clean" && sd.HasErrors() || name != "clean" && !sd.HasErrors() {
				t.Fatalf("%s: errors: %v", name, sd.HasErrors())
			}
		})
	}
}

func diagText(ds hcl.Diagnostics) string {
	var out string
	for _, d := range ds {
		out += fmt.Sprintf("%d %s: %s", d.Severity, d.Summary, d.Detail)
		if d.Subject != nil {
			out += " @ " + d.Subject.String()
		}
		out += "\n"
	}
	return out
}
