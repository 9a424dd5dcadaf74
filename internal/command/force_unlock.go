package command

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/lang"
)

type forceUnlockFlags struct {
	module string
	state  string
	force  bool
}

func newForceUnlockCmd(s Streams, g *globals) *cobra.Command {
	f := &forceUnlockFlags{}
	cmd := &cobra.Command{
		Use:   "force-unlock",
		Short: "Release the state's lock left by an apply that died",
		Long: `Force-unlock removes the lock on the module's state (mrplan.state.json.lock)
that an apply holds while it runs. An apply releases it when it ends, even
when interrupted by Ctrl-C or SIGTERM; only a run killed outright (SIGKILL, a
crash, a power cut) leaves it behind.

It removes the lock only when the process that took it ran on this machine
and is no longer running. A lock taken on another machine (a shared file
system) or by a live process is left, unless --force says you checked.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return exit(runForceUnlock(s, g, f))
		},
	}
	cmd.Flags().StringVar(&f.module, "module", ".", "`DIR` holding the module (and its state)")
	cmd.Flags().StringVar(&f.state, "state", "", "the state `FILE` whose lock to release, instead of the module's")
	cmd.Flags().BoolVar(&f.force, "force", false, "remove the lock even when its holder may be alive or ran elsewhere")
	return cmd
}

func runForceUnlock(s Streams, g *globals, f *forceUnlockFlags) int {
	path := f.state
	if path == "" {
		m, hdiags := lang.LoadDirOptions(f.module, g.loadOptions(nil))
		if hdiags.HasErrors() {
			fmt.Fprintf(s.Err, "Error: cannot load the module in %s (%s), so its state file is unknown; pass -state FILE.\n", f.module, firstError(hdiags))
			return ExitError
		}
		var err error
		if path, err = statePath(f.module, m, ""); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
	}
	holder, err := state.ReadLock(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(s.Out, "The state %s is not locked.\n", path)
		return ExitOK
	case err != nil:
		fmt.Fprintf(s.Err, "Error: cannot read the lock %s: %s\n", state.LockPath(path), err)
		return ExitError
	case !holder.Dead && !f.force:
		fmt.Fprintf(s.Err, "Error: the state %s is locked by %s, which may still be running (or ran on another machine), so the lock was left. If you are sure no mrplan holds it, run mrplan force-unlock --force.\n", path, holder)
		return ExitError
	}
	if err := state.ForceUnlock(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(s.Err, "Error: cannot remove the lock %s: %s\n", state.LockPath(path), err)
		return ExitError
	}
	fmt.Fprintf(s.Out, "Released the lock on %s, held by %s.\n", path, holder)
	return ExitOK
}
