package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/gen"
)

// loadWith loads dir with n files at a time, in chunks of at least
// chunkBytes (0: the default).
func loadWith(t *testing.T, dir string, n, chunkBytes int) (*Module, hcl.Diagnostics) {
	t.Helper()
	return LoadDirOptions(dir, LoadOptions{Workers: n, ChunkBytes: chunkBytes})
}

// loadWhole loads dir one file at a time, parsing each file whole.
func loadWhole(t *testing.T, dir string) (*Module, hcl.Diagnostics) {
	t.Helper()
	return LoadDirOptions(dir, LoadOptions{Workers: 1, Whole: true})
}

// Loading a module's files in parallel, each in chunks, gives the module
// and the diagnostics of a serial load of whole files, byte for byte: on a generated module of
// 500 services, and on one with mistakes across files (duplicates, a
// second mrplan block, unknown references, a file that does not parse).
func TestParallelLoadIsSerialLoad(t *testing.T) {
	t.Parallel()
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
			sm, sd := loadWhole(t, dir)
			for _, n := range []int{1, 2, 3, 8} {
				pm, pd := loadWith(t, dir, n, 0)
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

// Parsing files in chunks, cut wherever allowed, gives the module and the
// diagnostics of whole-file parses on every test module and example,
// including files that do not parse and "}" lines inside heredocs and
// comments.
func TestChunkedLoadIsWholeLoad(t *testing.T) {
	t.Parallel()
	tricky := t.TempDir()
	for name, text := range map[string]string{
		"heredoc.mr.hcl":  "region \"us-east-1\" {}\nservice \"a\" {\n  regions = [region.us-east-1]\n  description = <<EOT\n}\nservice \"b\" {\n}\nEOT\n}\nservice \"c\" {\n  regions = [region.us-east-1]\n}\n",
		"comment.mr.hcl":  "/*\n}\nservice \"d\" {\n}\n*/\nservice \"e\" {\n  regions = [region.us-east-1]\n}\n",
		"toplevel.mr.hcl": "service \"f\" {\n  regions = [region.us-east-1]\n}\nx = 1\n}\nservice \"g\" {\n  regions = [region.us-east-1]\n}\n",
		"unknown.mr.hcl":  "service \"h\" {\n  regions = [region.us-east-1]\n}\nbogus \"x\" {\n}\nservice \"i\" {\n  regions = [region.us-east-1]\n}\n",
		"crlf.mr.hcl":     "service \"j\" {\r\n  regions = [region.us-east-1]\r\n}\r\nservice \"k\" {\r\n  regions = [region.us-east-2]\r\n}\r\n",
	} {
		if err := os.WriteFile(filepath.Join(tricky, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs, _ := filepath.Glob("testdata/*/*")
	examples, _ := filepath.Glob("../examples/*")
	dirs = append(append(dirs, examples...), tricky)
	for _, dir := range dirs {
		wm, wd := loadWhole(t, dir)
		cm, cd := loadWith(t, dir, 1, 1)
		if got, want := diagText(cd), diagText(wd); got != want {
			t.Fatalf("%s: diagnostics differ from whole-file parses:\n%s\nwhole:\n%s", dir, got, want)
		}
		if !reflect.DeepEqual(cd, wd) {
			t.Fatalf("%s: diagnostics differ from whole-file parses in their ranges or extras", dir)
		}
		if !reflect.DeepEqual(cm, wm) {
			t.Fatalf("%s: the module differs from whole-file parses'", dir)
		}
	}
}
