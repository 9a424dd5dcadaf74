package fuzz

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
)

// FuzzLoadFile loads arbitrary bytes as the one file of a module, in native
// syntax: loading and rendering the diagnostics must not panic, and every
// error that points somewhere must point inside that file.
func FuzzLoadFile(f *testing.F) {
	seed(f, "*.mr.hcl")
	f.Fuzz(func(t *testing.T, src []byte) {
		loadOne(t, "main.mr.hcl", src)
	})
}

// FuzzLoadJSONFile is FuzzLoadFile for HCL's JSON syntax.
func FuzzLoadJSONFile(f *testing.F) {
	seed(f, "*.mr.json")
	f.Fuzz(func(t *testing.T, src []byte) {
		loadOne(t, "main.mr.json", src)
	})
}

// seed adds every testdata module file matching pattern to the corpus.
func seed(f *testing.F, pattern string) {
	for _, glob := range []string{"../testdata/*/*/" + pattern, "../../examples/*/" + pattern} {
		files, _ := filepath.Glob(glob)
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
}

func loadOne(t *testing.T, name string, src []byte) {
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if m == nil {
		t.Fatal("LoadDir returned no module")
	}
	for _, d := range diags {
		if d.Severity != hcl.DiagError || d.Subject == nil {
			continue
		}
		checkRange(t, d, *d.Subject, path, len(src))
	}
	// Rendering what was found must not panic either, whatever the bytes.
	ds := diag.FromHCL(diags)
	if err := (views.DiagnosticsText{Files: m.Files, Color: true}).Write(io.Discard, ds); err != nil {
		t.Fatal(err)
	}
	if err := views.DiagnosticsJSON(io.Discard, ds, false); err != nil {
		t.Fatal(err)
	}
}

func checkRange(t *testing.T, d *hcl.Diagnostic, r hcl.Range, path string, size int) {
	t.Helper()
	switch {
	case r.Filename != path:
		t.Errorf("%q: range in file %q, want %q", d.Summary, r.Filename, path)
	case r.Start.Byte < 0 || r.End.Byte < r.Start.Byte || r.End.Byte > size:
		t.Errorf("%q: byte range %d-%d outside the file's %d bytes", d.Summary, r.Start.Byte, r.End.Byte, size)
	case r.Start.Line < 1 || r.Start.Column < 1 || r.End.Line < r.Start.Line:
		t.Errorf("%q: bad position %d:%d-%d:%d", d.Summary, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
}

// FuzzExpand loads a root module and a child module it may call, both
// arbitrary, seeded with what stresses the evaluator: deep and cyclic
// module calls, huge counts and for_each values, locals that read
// themselves. Loading must end quickly with diagnostics, never hang or
// panic, and every error must point inside one of the two files.
func FuzzExpand(f *testing.F) {
	for _, c := range expandSeeds {
		f.Add([]byte(c[0]), []byte(c[1]))
	}
	f.Fuzz(func(t *testing.T, root, child []byte) {
		dir := t.TempDir()
		rootPath := filepath.Join(dir, "main.mr.hcl")
		childPath := filepath.Join(dir, "cell", "main.mr.hcl")
		if err := os.MkdirAll(filepath.Dir(childPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rootPath, root, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(childPath, child, 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		m, diags := lang.LoadDir(dir)
		if took := time.Since(start); took > 20*time.Second {
			t.Errorf("loading took %s", took)
		}
		if m == nil {
			t.Fatal("LoadDir returned no module")
		}
		sizes := map[string]int{rootPath: len(root), childPath: len(child)}
		for _, d := range diags {
			if d.Severity != hcl.DiagError || d.Subject == nil {
				continue
			}
			if size, ok := sizes[d.Subject.Filename]; ok {
				checkRange(t, d, *d.Subject, d.Subject.Filename, size)
			} else if !strings.HasPrefix(d.Subject.Filename, "<value for") {
				t.Errorf("%q points at %s, not a module file", d.Summary, d.Subject.Filename)
			}
		}
		if err := (views.DiagnosticsText{Files: m.Files, Color: true}).Write(io.Discard, diag.FromHCL(diags)); err != nil {
			t.Fatal(err)
		}
	})
}

const expandRegion = `
region "r" {
  city    = "Dublin"
  country = "IE"
  lat     = 53.35
  lon     = -6.26
}
`

var expandSeeds = [][2]string{
	// a module that calls itself: a cycle, reported once
	{expandRegion + `module "c" {
  source = "./cell"
}`, `module "again" {
  source = "../cell"
}`},
	// counts and for_each at, above and far above the limit
	{expandRegion + `service "a" {
  count   = 10001
  regions = [region.r]
}
service "b" {
  for_each = toset([for i in range(20000) : tostring(i)])
  regions  = [region.r]
}
service "c" {
  count   = 1e300
  regions = [region.r]
}
service "d" {
  count   = -1
  regions = [region.r]
}`, ``},
	// locals that read themselves and each other
	{expandRegion + `locals {
  a = local.a
  b = [local.c]
  c = { x = local.b }
  d = length(local.d) + 1
}
service "s" {
  count   = length(local.b)
  regions = [region.r]
}`, ``},
	// inputs, outputs and instance references across the call
	{expandRegion + `variable "n" {
  default = 3
}
module "c" {
  source = "./cell"
  n      = var.n
  rs     = [region.r]
}
service "top" {
  for_each   = toset(["x", "y"])
  regions    = [region.r]
  depends_on = [module.c.all, service.top["y"]]
}`, `variable "n" {}
variable "rs" {}
service "w" {
  count      = var.n
  regions    = var.rs
  depends_on = count.index > 0 ? [service.w[count.index - 1]] : []
}
output "all" {
  value = service.w
}`},
	// thousands of module instances: stopped by the total limit
	{expandRegion + `module "c" {
  count  = 5000
  source = "./cell"
  n      = count.index
}`, `variable "n" {}
service "s" {
  count   = var.n % 3
  regions = [region.r]
}`},
}
