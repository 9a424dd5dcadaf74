package fuzz

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/diag"
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
