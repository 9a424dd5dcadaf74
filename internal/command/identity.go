package command

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/lang"
)

// moduleIdentity names the module in dir the same way on every machine
// that checks out its repository: its directory relative to the root of
// the repository that holds it (the nearest parent with a .git),
// slash-separated ("infra/checkout", or "." for the root itself). Outside
// a repository it is the directory's own name. A state records it, so
// that a state belonging to another module is refused instead of being
// compared with this one, or overwritten by it.
func moduleIdentity(dir string) string {
	_, id := identityOf(dir)
	return id
}

// identityOf is the module in dir's identity and the directory it is
// relative to: the repository's root, or outside one dir's parent.
func identityOf(dir string) (base, id string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Dir(dir), filepath.Base(dir)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for p := abs; ; {
		if _, err := os.Lstat(filepath.Join(p, ".git")); err == nil {
			if rel, err := filepath.Rel(p, abs); err == nil {
				return p, filepath.ToSlash(rel)
			}
			break
		}
		parent := filepath.Dir(p)
		if parent == p {
			break
		}
		p = parent
	}
	return filepath.Dir(abs), filepath.Base(abs)
}

// checkStateModule refuses a state that another module recorded: one whose
// module is still there, beside this one, holding module files. A state
// whose module is no longer where it recorded is this module moved or
// renamed (with its state, say), and is used; the next apply records the
// new identity. A state without a module identity (written before mrplan
// recorded one) is taken as this module's.
func checkStateModule(path string, st *state.State, dir string) error {
	base, identity := identityOf(dir)
	if st == nil || st.Module == "" || st.Module == identity {
		return nil
	}
	other := filepath.Join(base, filepath.FromSlash(st.Module))
	if files, err := lang.ModuleFiles(other); err != nil || len(files) == 0 {
		return nil
	}
	return fmt.Errorf("the state %s belongs to the module %q, not to this module %q, so it was not used. Give this module its own state (mrplan { state }, or -state FILE)", path, st.Module, identity)
}
