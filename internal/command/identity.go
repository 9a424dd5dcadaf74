package command

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mrplan/mrplan/internal/state"
)

// moduleIdentity names the module in dir the same way on every machine
// that checks out its repository: its directory relative to the root of
// the repository that holds it (the nearest parent with a .git),
// slash-separated ("infra/checkout", or "." for the root itself). Outside
// a repository it is the directory's own name. A state records it, so
// that a state belonging to another module is refused instead of being
// compared with this one, or overwritten by it.
func moduleIdentity(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Base(dir)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	for p := abs; ; {
		if _, err := os.Lstat(filepath.Join(p, ".git")); err == nil {
			rel, err := filepath.Rel(p, abs)
			if err != nil {
				break
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(p)
		if parent == p {
			break
		}
		p = parent
	}
	return filepath.Base(abs)
}

// checkStateModule refuses a state that another module recorded. A state
// without a module identity (written before mrplan recorded one) is taken
// as this module's; the next apply records it.
func checkStateModule(path string, st *state.State, identity string) error {
	if st == nil || st.Module == "" || st.Module == identity {
		return nil
	}
	return fmt.Errorf("the state %s belongs to the module %q, not to this module %q, so it was not used. Give this module its own state (mrplan { state }, or -state FILE), or, if the module moved, edit the state's \"module\" to %q", path, st.Module, identity, identity)
}
