package command

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

type applyFlags struct {
	module      string
	moduleSet   bool // --module was given: a saved plan's recorded directory is not used
	state       string
	autoApprove bool
	lockTimeout time.Duration
	checks      checkOptions
}

func newApplyCmd(s Streams, g *globals) *cobra.Command {
	f := &applyFlags{}
	cmd := &cobra.Command{
		Use:   "apply [PLANFILE]",
		Short: "Record a plan, findings included, as the accepted architecture in the state file",
		Long: `Apply records a plan as the module's accepted architecture, in its state file
(mrplan { state }, default mrplan.state.json beside the module). Later plans
are compared with it.

With PLANFILE (saved by 'mrplan plan -out PLANFILE'), apply records that plan,
from any directory: the plan records where its module is, relative to the plan
file, and apply finds the module there (or, if it moved, in the plan file's
directory or the working directory, when the files there are those planned).
It refuses a plan made from module files that have changed, been added or been
removed since (it names the file), a plan made against an older state, and a
plan with errors. Plan again and apply the new file.

Without PLANFILE, apply plans the module, shows what changes, and records it
once you answer 'yes'; -auto-approve skips the question, and is required when
the input is not a terminal.

Findings are part of the plan and never block apply; language errors do.
The state is locked while apply runs, so two applies cannot interleave.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := ""
			if len(args) == 1 {
				file = args[0]
			}
			f.moduleSet = cmd.Flags().Changed("module")
			return exit(runApply(s, g, f, file))
		},
	}
	cmd.Flags().StringVar(&f.module, "module", ".", "`DIR` holding the module (and its state); with PLANFILE, default the directory the plan records")
	cmd.Flags().StringVar(&f.state, "state", "", "record in the state `FILE` instead of the module's (which must be inside the module directory)")
	cmd.Flags().BoolVar(&f.autoApprove, "auto-approve", false, "record without asking (for CI)")
	cmd.Flags().DurationVar(&f.lockTimeout, "lock-timeout", 10*time.Second, "how long to wait for another run's lock on the state")
	f.checks.register(cmd.Flags())
	return cmd
}

func runApply(s Streams, g *globals, f *applyFlags, file string) int {
	if file != "" {
		return applySaved(s, g, f, file)
	}
	return applyNow(s, g, f)
}

// applySaved records a plan saved by plan -out, once it is sure the module
// and the state are still what the plan was made from.
func applySaved(s Streams, g *globals, f *applyFlags, file string) int {
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		fmt.Fprintf(s.Err, "Error: %s is a directory, not a plan file. To plan and record the module in it, run mrplan apply --module %s; to record a saved plan, pass the file that mrplan plan -out wrote.\n", file, file)
		return ExitError
	}
	sp, err := readPlanFile(file)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	if sp.Errored {
		fmt.Fprintf(s.Err, "Error: the plan %s has errors and cannot be recorded; fix them and plan again.\n", file)
		return ExitError
	}
	dir, err := locateModule(file, sp, f.module, f.moduleSet, g.loadOptions(nil))
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s.\n", err)
		return ExitError
	}
	m, hdiags := lang.LoadDirOptions(dir, g.loadOptions(nil))
	if hdiags.HasErrors() {
		fmt.Fprintf(s.Err, "Error: cannot load the module in %s (%s), so the plan %s cannot be checked against it. Pass --module DIR, the directory the plan was made from, and run mrplan validate there.\n",
			dir, firstError(hdiags), file)
		return ExitError
	}
	if stale := staleFiles(sp.Files, fileHashes(m)); stale != "" {
		fmt.Fprintf(s.Err, "Error: the plan %s is stale: %s since it was made. Plan again (mrplan plan -out %s) and apply the new plan.\n", file, stale, file)
		return ExitError
	}
	if err := replanMatches(m, sp, f.checks, file); err != nil {
		fmt.Fprintf(s.Err, "Error: %s.\n", err)
		return ExitError
	}
	path, err := statePath(dir, m, f.state)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return record(s, path, f.lockTimeout, func(st *state.State) (*state.State, string, error) {
		if err := checkStateModule(path, st, dir); err != nil {
			return nil, "", err
		}
		cur := 0
		if st != nil {
			cur = st.Serial
		}
		if cur != sp.StateSerial {
			return nil, "", fmt.Errorf("the plan %s is stale: it was made against serial %d of the state %s, which is now at serial %d. Plan again and apply the new plan", file, sp.StateSerial, path, cur)
		}
		d := sp.Diff
		if st != nil && d.Baseline == views.BaselineState && !d.HasChanges() {
			return nil, "", nil
		}
		return &state.State{MrplanVersion: version.Version, Module: moduleIdentity(dir), ConfigHash: sp.ConfigHash, Files: sp.Files, Plan: sp.Raw},
			fmt.Sprintf("%d added, %d changed, %d removed", d.Create, d.Update, d.Delete), nil
	})
}

// applyNow plans the module, shows the diff and records it once approved,
// holding the lock from before it reads the state until it has written it.
func applyNow(s Streams, g *globals, f *applyFlags) int {
	m, hdiags := lang.LoadDirOptions(f.module, g.loadOptions(nil))
	if hdiags.HasErrors() {
		_, code := planDir(s, g, f.module, "", f.state, f.checks, false, false)
		return code
	}
	path, err := statePath(f.module, m, f.state)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return record(s, path, f.lockTimeout, func(*state.State) (*state.State, string, error) {
		r, code := planDir(s, g, f.module, "", f.state, f.checks, false, false)
		if code != ExitOK {
			return nil, "", errSilent
		}
		d := r.meta.Diff
		if err := (views.PlanText{Files: r.mod.Files, Color: g.color(s.OutTerminal), Diff: d}).Write(s.Out, r.plan, r.findings); err != nil {
			return nil, "", err
		}
		if r.state != nil && !d.HasChanges() {
			return nil, "", nil
		}
		if !f.autoApprove {
			if !inputIsTerminal(s.In) {
				return nil, "", errors.New("apply needs -auto-approve when its input is not a terminal: review the plan above (or save it with mrplan plan -out FILE and apply that file)")
			}
			fmt.Fprint(s.Out, "\nDo you want to record this architecture?\n  mrplan will record the plan above as the accepted state in "+path+".\n  Only 'yes' will be accepted:\n\n  Enter a value: ")
			line, _ := bufio.NewReader(s.In).ReadString('\n')
			if strings.TrimSpace(line) != "yes" {
				fmt.Fprintln(s.Out, "\nApply cancelled: nothing was recorded.")
				return nil, "", errCancelled
			}
		}
		var js bytes.Buffer
		if err := views.PlanJSON(&js, r.plan, r.findings, r.meta); err != nil {
			return nil, "", err
		}
		return &state.State{MrplanVersion: version.Version, Module: moduleIdentity(f.module), ConfigHash: r.meta.ConfigHash, Files: r.meta.Files, Plan: js.Bytes()},
			fmt.Sprintf("%d added, %d changed, %d removed", d.Create, d.Update, d.Delete), nil
	})
}

// replanMatches plans the module again and confirms that the saved plan's
// decisions and findings are what the module produces now (Terraform's
// rule for a saved plan): a plan whose digest was recomputed after an
// edit, or made by another mrplan or with other check options, is
// refused, naming what differs first.
func replanMatches(m *lang.Module, sp *views.SavedPlan, co checkOptions, file string) error {
	p := planner.PlanModule(m)
	findings := planFindings(m, p, co)
	meta := views.PlanMeta{Version: version.Version, ConfigHash: configHash(m), Files: fileHashes(m)}
	var err error
	if meta.Diff, err = views.DiffPlan(p, findings, nil, "", ""); err != nil {
		return err
	}
	var now bytes.Buffer
	if err := views.PlanJSON(&now, p, findings, meta); err != nil {
		return err
	}
	what, err := views.PlanMatches(sp.Raw, now.Bytes())
	if err != nil {
		return fmt.Errorf("cannot compare the plan %s with the module: %w", file, err)
	}
	if what == "" {
		return nil
	}
	why := "it was edited, or made with other check options (plan and apply with the same --enable-check and --disable-check flags)"
	if sp.Version != version.Version {
		why = fmt.Sprintf("it was made by mrplan %s, and this is mrplan %s", sp.Version, version.Version)
	}
	return fmt.Errorf("the plan %s does not match what the module produces now: %s differs, so %s. Plan again (mrplan plan -out %s) and apply the new plan", file, what, why, file)
}

// afterLock runs once apply holds the state's lock; tests stop there to
// send a signal.
var afterLock = func() {}

var (
	errSilent    = errors.New("already reported")
	errCancelled = errors.New("cancelled")
)

// record locks the state at path, reads it, and writes what next makes of
// it with the next serial. next returns a nil state when there is nothing
// to record.
func record(s Streams, path string, timeout time.Duration, next func(*state.State) (*state.State, string, error)) int {
	// Registered before the lock is taken, so a signal at any moment
	// releases it: UnlockIfOurs leaves another run's lock alone.
	unregister := onInterrupt(func() { state.UnlockIfOurs(path) })
	unlock, err := state.Lock(path, timeout)
	if err != nil {
		unregister()
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	defer func() {
		unregister()
		unlock()
	}()
	// Holding the lock, no other run writes this state: a temporary file
	// of it is what a killed run left.
	state.RemoveStaleTemps(path)
	afterLock()
	old, err := state.Read(path)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	st, what, err := next(old)
	switch {
	case errors.Is(err, errSilent), errors.Is(err, errCancelled):
		return ExitError
	case err != nil:
		fmt.Fprintf(s.Err, "Error: %s.\n", strings.TrimSuffix(err.Error(), "."))
		return ExitError
	case st == nil:
		fmt.Fprintf(s.Out, "\nNothing to record: the state %s already holds this architecture.\n", path)
		return ExitOK
	}
	st.Serial = 1
	if old != nil {
		st.Serial = old.Serial + 1
	}
	interrupts.critical.Lock()
	err = state.Write(path, st)
	interrupts.critical.Unlock()
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write the state %s: %s; the previous state is unchanged.\n", path, err)
		return ExitError
	}
	fmt.Fprintf(s.Out, "\nApply complete! Recorded the architecture in %s (serial %d): %s.\n", path, st.Serial, what)
	return ExitOK
}

// firstError is the first error's summary and detail, for a one-line message.
func firstError(ds hcl.Diagnostics) string {
	for _, d := range ds {
		if d.Severity == hcl.DiagError {
			return strings.TrimSuffix(d.Summary+": "+d.Detail, ".")
		}
	}
	return "unknown error"
}

// staleFiles names the module files that differ from those a plan was made
// from ("main.mr.hcl changed, extra.mr.hcl was added"); "" when none do.
func staleFiles(planned, now map[string]string) string {
	var out []string
	names := map[string]bool{}
	for n := range planned {
		names[n] = true
	}
	for n := range now {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		p, inPlan := planned[n]
		c, inDir := now[n]
		switch {
		case !inPlan:
			out = append(out, n+" was added")
		case !inDir:
			out = append(out, n+" was removed")
		case p != c:
			out = append(out, n+" changed")
		}
	}
	return strings.Join(out, ", ")
}

// inputIsTerminal says whether apply may ask its question: the input is a
// terminal, or (in tests) a reader that says it is one.
func inputIsTerminal(in io.Reader) bool {
	switch r := in.(type) {
	case interface{ IsTerminal() bool }:
		return r.IsTerminal()
	case *os.File:
		return term.IsTerminal(int(r.Fd()))
	}
	return false
}
