package lang

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/fsguard"
)

// ReadModuleFile reads name, a file of the module in dir (or that the
// module names, such as a file fmt rewrites), as the loader does: inside
// dir's tree after symlinks, a regular file, no larger than MaxFileBytes.
func ReadModuleFile(dir, name string) ([]byte, error) {
	realRoot, err := fsguard.ResolveExisting(dir)
	if err != nil {
		return nil, err
	}
	return readModuleFile(realRoot, name, nil)
}

// readModuleFile reads one of a module's files: inside the module's tree
// after symlinks (realRoot is the module directory resolved), regular,
// and no larger than MaxFileBytes. A file in ov is not read: its text
// there is used, under the same rules but for being regular (an editor's
// unsaved text has no file type), so the language server refuses what
// validate refuses.
func readModuleFile(realRoot, name string, ov overlay) ([]byte, error) {
	if realRoot != "" {
		real, err := fsguard.ResolveExisting(name)
		if err != nil {
			return nil, err
		}
		if !fsguard.Within(realRoot, real) {
			return nil, &fsguard.RefusedError{File: name, Reason: "is a symlink to " + real + ", outside the module directory; mrplan reads only files in the module's tree"}
		}
	}
	if text, ok := ov.text(name); ok {
		if err := fsguard.CheckSize(name, int64(len(text))); err != nil {
			return nil, err
		}
		return text, nil
	}
	return fsguard.ReadRegularFile(name, fsguard.MaxFileBytes())
}

// overlay holds texts to use instead of files on disk, by cleaned
// absolute path (LoadOptions.Overlay).
type overlay map[string][]byte

func newOverlay(texts map[string][]byte) overlay {
	if len(texts) == 0 {
		return nil
	}
	ov := make(overlay, len(texts))
	for name, text := range texts {
		if abs, err := filepath.Abs(name); err == nil {
			ov[abs] = text
		}
	}
	return ov
}

// text is the overlay's text for the file name (as the loader names it,
// relative to the working directory or absolute).
func (ov overlay) text(name string) ([]byte, bool) {
	if len(ov) == 0 {
		return nil, false
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, false
	}
	text, ok := ov[abs]
	return text, ok
}

// namesIn is the base names of the overlay's files directly in dir that
// keep says to take, sorted: files the editor holds that are not saved yet
// are part of the module all the same.
func (ov overlay) namesIn(dir string, keep func(name string) bool) []string {
	if len(ov) == 0 {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	var out []string
	for p := range ov {
		if filepath.Dir(p) == abs && keep(filepath.Base(p)) {
			out = append(out, filepath.Base(p))
		}
	}
	sort.Strings(out)
	return out
}

// moduleFiles is ModuleFiles with the overlay's module files in dir that
// are not on disk added, in lexical order.
func (ov overlay) moduleFiles(dir string) ([]string, error) {
	files, err := ModuleFiles(dir)
	if err != nil {
		return files, err
	}
	extra := ov.namesIn(dir, IsModuleFile)
	if len(extra) == 0 {
		return files, nil
	}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		seen[filepath.Base(f)] = true
	}
	for _, name := range extra {
		if !seen[name] {
			files = append(files, filepath.Join(dir, name))
		}
	}
	sort.Strings(files)
	return files, nil
}

// readErrorDiag reports a module file that could not be read, or was
// refused, with its name as the place.
func readErrorDiag(name string, err error) *hcl.Diagnostic {
	rng := hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
	var refused *fsguard.RefusedError
	if errors.As(err, &refused) {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Module file refused",
			Detail:   fmt.Sprintf("mrplan did not read %s: it %s. Replace it with a regular file inside the module directory, or remove it.", name, refused.Reason),
			Subject:  &rng,
		}
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Cannot read module file",
		Detail:   err.Error() + ".",
		Subject:  &rng,
	}
}

// ResolveInside resolves path, relative to the module directory root
// unless absolute, after every symlink, and returns it when it stays in
// root's tree; otherwise a *fsguard.RefusedError names it. It is the one
// rule for whatever a module names that mrplan reads or writes: child
// module sources, manifests found in it, its state file.
func ResolveInside(root, path string) (string, error) { return fsguard.ResolveInside(root, path) }
