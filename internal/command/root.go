package command

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/mrplan/mrplan/fsguard"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/units"
	"github.com/mrplan/mrplan/version"
)

// Streams are where a command reads and writes. Tests give buffers.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// OutTerminal and ErrTerminal say whether Out and Err are terminals,
	// which turns on colour and interactive prompts.
	OutTerminal bool
	ErrTerminal bool
}

// StdStreams returns the process's standard streams.
func StdStreams() Streams {
	return Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		OutTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// exitError carries an exit code up through cobra without printing anything
// more: the command has already said what went wrong.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// exit makes a command's RunE end the run with code.
func exit(code int) error {
	if code == ExitOK {
		return nil
	}
	return exitError{code}
}

// globals are the flags every command has.
type globals struct {
	noColor  bool
	progress bool // --progress: a bar on stderr after a second, on a terminal
	chdir    string
	// vars are the -var and -var-file options in order; environ is the
	// environment MRPLAN_VAR_NAME values are read from (os.Environ when nil).
	vars    []lang.VarArg
	environ func() []string
	// maxFileSize is --max-file-size: the largest file read (module files,
	// manifests, saved plans, states, observation files); "0" for no limit.
	maxFileSize string
}

// applyMaxFileSize sets the size limit on files read from --max-file-size,
// or else MRPLAN_MAX_FILE_SIZE, or else the default.
func (g *globals) applyMaxFileSize() error {
	v, from := g.maxFileSize, "--max-file-size"
	if v == "" {
		v, from = os.Getenv("MRPLAN_MAX_FILE_SIZE"), "MRPLAN_MAX_FILE_SIZE"
	}
	if v == "" {
		fsguard.SetMaxFileBytes(fsguard.DefaultMaxFileBytes)
		return nil
	}
	if v == "0" {
		fsguard.SetMaxFileBytes(0)
		return nil
	}
	n, err := units.ParseSize(v)
	if err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	fsguard.SetMaxFileBytes(n)
	return nil
}

// color says whether output to a stream may be coloured.
func (g *globals) color(terminal bool) bool { return terminal && !g.noColor }

// Main runs mrplan with args (without the program name) and returns the exit
// code.
func Main(args []string, s Streams) int {
	return MainContext(context.Background(), args, s)
}

// MainContext is Main with a context that a signal cancels (see
// MainWithSignals).
func MainContext(ctx context.Context, args []string, s Streams) int {
	root := newRootCmd(s)
	root.SetArgs(terraformStyleFlags(root, args))
	err := root.ExecuteContext(ctx)
	var ee exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.code
	default:
		// Usage mistakes: cobra's own errors (unknown flag, wrong arguments).
		fmt.Fprintf(s.Err, "Error: %s\n\nRun '%s --help' for usage.\n", err, root.CommandPath())
		return ExitError
	}
}

func newRootCmd(s Streams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "mrplan",
		Short: "Plan multi-region architecture from HCL: tiers, data sync, topology, RPO/RTO and failure scenarios",
		Long: `mrplan reads a module of *.mr.hcl files that describe regions, services, data
classes, dependencies and RPO/RTO objectives, plans a multi-region architecture
for it, and flags what breaks the objectives, above all hidden single-region
dependencies.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version.Version,
	}
	root.SetVersionTemplate("mrplan v{{.Version}}\n")
	// Made now, not at Execute, so that terraformStyleFlags sees them:
	// -version and -help, with one dash, as Terraform users type them.
	root.InitDefaultVersionFlag()
	root.InitDefaultHelpFlag()
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.PersistentFlags().BoolVar(&g.noColor, "no-color", false, "never colour the output (colour is used only on a terminal anyway)")
	// -chdir=DIR, as in Terraform: the whole run happens in DIR, so every
	// path on the command line, and every path printed, is relative to it.
	root.PersistentFlags().StringVar(&g.chdir, "chdir", "", "switch to `DIR` before doing anything else (as Terraform's -chdir)")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if err := g.applyMaxFileSize(); err != nil {
			return err
		}
		if g.chdir == "" {
			return nil
		}
		if err := os.Chdir(g.chdir); err != nil {
			fmt.Fprintf(s.Err, "Error: -chdir=%s: cannot switch to that directory: %s.\n", g.chdir, chdirReason(err))
			return exit(ExitError)
		}
		return nil
	}
	root.PersistentFlags().BoolVar(&g.progress, "progress", false, "show a progress bar on standard error when a run takes more than a second (only on a terminal)")
	root.PersistentFlags().StringVar(&g.maxFileSize, "max-file-size", "", "the largest `SIZE` of a file mrplan reads (module files, manifests, plans, states, --observe files), such as 256MiB; 0 for no limit (default 64MiB, or MRPLAN_MAX_FILE_SIZE)")
	addVarFlags(root.PersistentFlags(), g)
	root.AddCommand(
		newVersionCmd(s),
		newInitCmd(s),
		newValidateCmd(s, g),
		newFmtCmd(s, g),
		newChecksCmd(s, g),
		newLintCmd(s, g),
		newProvidersCmd(s, g),
		newPlanCmd(s, g),
		newShowCmd(s, g),
		newApplyCmd(s, g),
		newForceUnlockCmd(s, g),
		newReportCmd(s, g),
		newGraphCmd(s, g),
		newRunbookCmd(s, g),
		newAlertsCmd(s, g),
		newLSPCmd(s),
		newDiscoverCmd(s, g),
	)
	return root
}

func chdirReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "it does not exist"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// terraformStyleFlags lets users write long flags with one dash, as Terraform
// does (-json, -no-color, -out=FILE, -detailed-exitcode): an argument "-name"
// or "-name=value" whose name is a long flag somewhere in the command tree is
// rewritten to "--name". One-letter flags and anything after "--" are left.
func terraformStyleFlags(root *cobra.Command, args []string) []string {
	long := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		visit := func(f *pflag.Flag) { long[f.Name] = true }
		c.Flags().VisitAll(visit)
		c.PersistentFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if len(name) > 1 && long[name] {
				a = "-" + a
			}
		}
		out = append(out, a)
	}
	return out
}
