package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

// File name suffixes of module files: HCL native syntax and HCL JSON syntax.
const (
	SuffixHCL  = ".mr.hcl"
	SuffixJSON = ".mr.json"
)

// IsModuleFile reports whether a file's base name makes it a module file:
// it ends in .mr.hcl or .mr.json and is not hidden or an editor's lock or
// backup file (".main.mr.hcl", "#main.mr.hcl#", ".#main.mr.hcl"), as
// Terraform ignores them too.
func IsModuleFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") {
		return false
	}
	return strings.HasSuffix(name, SuffixHCL) || strings.HasSuffix(name, SuffixJSON)
}

// ModuleFiles lists the module files of dir, not recursively, in lexical
// order, joined to dir as given.
func ModuleFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries { // os.ReadDir sorts by name
		if !e.IsDir() && IsModuleFile(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// LoadDir loads the module in dir: every *.mr.hcl and *.mr.json file in it,
// decoded, resolved and checked against the provider catalogs. It reports
// every problem it finds, sorted by file and line, and returns the module
// even when there are errors (then partial; see Module).
//
// File names in ranges and Module.Files are dir joined with the file's name,
// so they are relative to the working directory when dir is.
func LoadDir(dir string) (*Module, hcl.Diagnostics) {
	return LoadDirWith(dir, providers.NewRegistry())
}

// LoadDirWith is LoadDir with the catalogs of reg (built-in ones, say, or a
// test's own). The module's custom providers are added to reg, so a
// registry serves one load: give each call a fresh one.
func LoadDirWith(dir string, reg *providers.Registry) (*Module, hcl.Diagnostics) {
	return loadDir(dir, LoadOptions{Registry: reg})
}

// LoadOptions are what a load takes besides the directory: the values of
// the root module's variables and where to report progress. The zero
// value loads as LoadDir does.
type LoadOptions struct {
	// Vars are the -var and -var-file options in the order given.
	Vars []VarArg
	// Env holds MRPLAN_VAR_NAME values by NAME (see EnvVars); lang never
	// reads the environment itself.
	Env map[string]string
	// Registry defaults to providers.NewRegistry().
	Registry *providers.Registry
	Progress Progress
	// Overlay holds texts to load instead of files on disk, by absolute
	// path: the documents an editor holds, unsaved. It serves the root
	// module's files, child modules' files and *.auto.mrvars files alike,
	// and a module file or auto variables file in it that is not on disk
	// yet is loaded too. The other files are read from disk as always;
	// the overlay's files must lie inside the module's tree just the same.
	Overlay map[string][]byte

	// How the load is spread over goroutines and chunks; the zero values
	// are all cores, native files in chunks. Every setting loads the same
	// module with the same diagnostics: tests compare a serial, whole-file
	// load with a parallel, chunked one.
	//
	// Workers is how many files are loaded at once: 0 is GOMAXPROCS.
	Workers int
	// Whole parses each native-syntax file whole, not a run of top-level
	// blocks at a time (see loadChunks).
	Whole bool
	// ChunkBytes is how much source a chunk holds at least (but for the
	// last): 0 is 4 KiB; 1 cuts at every place allowed.
	ChunkBytes int
}

// LoadDirOptions is LoadDir with options.
func LoadDirOptions(dir string, o LoadOptions) (*Module, hcl.Diagnostics) {
	return loadDir(dir, o)
}

// Progress hears how a load goes, for a progress bar: a phase ("load",
// with the number of files, then "resolve") and each file done. Its
// methods are called from several goroutines at once.
type Progress interface {
	Phase(name string, total int)
	Add(n int)
}

// LoadDirProgress is LoadDir telling pr how it goes.
func LoadDirProgress(dir string, pr Progress) (*Module, hcl.Diagnostics) {
	return loadDir(dir, LoadOptions{Progress: pr})
}

func loadDir(dir string, o LoadOptions) (*Module, hcl.Diagnostics) {
	reg, pr := o.Registry, o.Progress
	if reg == nil {
		reg = providers.NewRegistry()
	}
	l := newLoader(dir, reg)
	l.overlay = newOverlay(o.Overlay)
	l.opts = o
	l.cur = newScope(dir)
	if abs, err := filepath.Abs(dir); err == nil {
		l.cur.dirs = []string{abs}
	} else {
		l.cur.dirs = []string{dir}
	}
	files, err := l.overlay.moduleFiles(dir)
	switch {
	case os.IsNotExist(err):
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Module directory not found",
			Detail:   fmt.Sprintf("There is no directory %q. Give the directory that holds the module's *.mr.hcl files.", dir),
		})
	case err != nil && isFile(dir):
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Not a directory",
			Detail:   fmt.Sprintf("%q is a file. A module is a directory: give the directory that holds it, %q.", dir, filepath.Dir(dir)),
		})
	case err != nil:
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot read module directory",
			Detail:   err.Error() + ".",
		})
	case len(files) == 0:
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No module files",
			Detail:   fmt.Sprintf("The directory %q has no *.mr.hcl or *.mr.json file, so there is nothing to load.", dir),
		})
	}
	if len(files) == 0 {
		return l.mod, l.diags
	}

	if pr != nil {
		pr.Phase("load", len(files))
	}
	l.mergeFiles(loadFiles(dir, reg, files, o, pr, "", l.overlay))
	if pr != nil {
		pr.Phase("resolve", 0)
	}
	l.rootInputs(l.cur, o)
	l.evaluate(l.cur)
	l.finish()
	clampRanges(l.diags, l.mod.Files)
	return l.mod, l.diags
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// clampRanges keeps every diagnostic's ranges inside its file: the parsers
// can point one byte past the end of a truncated file.
func clampRanges(diags hcl.Diagnostics, files map[string][]byte) {
	for _, d := range diags {
		for _, r := range []*hcl.Range{d.Subject, d.Context} {
			if r == nil {
				continue
			}
			src, ok := files[r.Filename]
			if !ok {
				continue
			}
			if r.End.Byte > len(src) {
				r.End = posAt(src, len(src))
			}
			if r.Start.Byte > r.End.Byte {
				r.Start = r.End
			}
		}
	}
}

// posAt is the position of byte offset off in src.
func posAt(src []byte, off int) hcl.Pos {
	pos := hcl.Pos{Line: 1, Column: 1, Byte: off}
	for _, c := range string(src[:off]) {
		if c == '\n' {
			pos.Line++
			pos.Column = 1
		} else {
			pos.Column++
		}
	}
	return pos
}
