package lang

import (
	"errors"
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/fsguard"
)

// ReadModuleFile reads name, a file of the module in dir (or that the
// module names, such as a file fmt rewrites), as the loader does: inside
// dir's tree after symlinks, a regular file, no larger than MaxFileBytes.
func ReadModuleFile(dir, name string) ([]byte, error) {
	realRoot, err := fsguard.ResolveExisting(dir)
	if err != nil {
		return nil, err
	}
	return readModuleFile(realRoot, name)
}

// readModuleFile reads one of a module's files: inside the module's tree
// after symlinks (realRoot is the module directory resolved), regular,
// and no larger than MaxFileBytes.
func readModuleFile(realRoot, name string) ([]byte, error) {
	if realRoot != "" {
		real, err := fsguard.ResolveExisting(name)
		if err != nil {
			return nil, err
		}
		if !fsguard.Within(realRoot, real) {
			return nil, &fsguard.RefusedError{File: name, Reason: "is a symlink to " + real + ", outside the module directory; mrplan reads only files in the module's tree"}
		}
	}
	return fsguard.ReadRegularFile(name, fsguard.MaxFileBytes())
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
