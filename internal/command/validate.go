package command

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/progress"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
)

type validateOptions struct {
	format      string
	json        bool
	minSeverity string
	checks      checkOptions
	baseline    baselineOptions
	force       bool
	observe     observeOptions
}

func newValidateCmd(s Streams, g *globals) *cobra.Command {
	var o validateOptions
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a module: syntax, types, references, and every check",
		Long: `Validate loads the module in DIR (default: the current directory), resolves
its references, runs every check, and reports every problem found in one run.

It exits 1 when there is a language error, or a finding at or above
--min-severity (default error); otherwise 0. Use it as a CI gate.

To adopt the gate on an architecture that already has findings, record them
once with --write-baseline FILE and run with --baseline FILE: only findings
not in the file fail (matched by check, subject and message, not by line),
and recorded ones that are gone are reported as notices. --force reports
everything and exits 0.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			if o.json {
				o.format = "json"
			}
			return exit(runValidate(s, g, o, moduleDir(args)))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: "+formatList())
	f.BoolVar(&o.json, "json", false, "short for --format json")
	f.StringVar(&o.minSeverity, "min-severity", "error", "the lowest severity that fails the run: error, warning or notice")
	o.checks.register(f)
	o.baseline.register(f)
	f.BoolVar(&o.force, "force", false, "report everything found but exit 0 (as tflint --force); usage errors still exit 1")
	o.observe.register(f)
	o.checks.observe = &o.observe
	return cmd
}

// completeModuleDir completes the DIR argument with directories.
func completeModuleDir(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// moduleDir is the optional DIR argument of a command: the current
// directory when none is given.
func moduleDir(args []string) string {
	if len(args) == 0 {
		return "."
	}
	return args[0]
}

func runValidate(s Streams, g *globals, o validateOptions, dir string) int {
	minSev, ok := diag.ParseSeverity(o.minSeverity)
	if !ok {
		fmt.Fprintf(s.Err, "Error: --min-severity must be error, warning or notice, not %q.\n", o.minSeverity)
		return ExitError
	}
	pr, stopProgress := progress.Start(s.Err, g.progress, s.ErrTerminal)
	mod, hclDiags := lang.LoadDirOptions(dir, g.loadOptions(pr))
	ds := diag.FromHCL(hclDiags)
	if !hclDiags.HasErrors() {
		pr.Phase("checks", 0)
		if found := runChecks(mod, o.checks, nil); len(ds) == 0 {
			ds = found // most runs: no language warnings to put first
		} else {
			ds = append(ds, found...)
		}
		_, observed := o.observe.discover(mod)
		ds = append(ds, observed...)
	} else {
		// The checks do not run on a module with language errors, but a
		// check block naming no check, or a malformed ignore comment, is a
		// mistake in the files like any other: report it in the same run.
		flags, sh := o.checks.flags(mod)
		ds = append(append(ds, checks.ConfigDiagnostics(mod, flags)...), sh.diags...)
	}
	stopProgress()
	return writeDiagnostics(s, g, diagnosticsOutput{
		suite: "mrplan validate", format: o.format, minSev: minSev,
		files: o.checks.sources(mod, mod.Files), mod: mod, checks: &o.checks, baseline: &o.baseline, force: o.force, checksSkipped: hclDiags.HasErrors(),
		summary: func(ds []diag.Diagnostic, valid bool) error { return validateSummary(s, ds, valid) },
	}, ds)
}

// diagnosticsOutput says how validate or lint renders one run's diagnostics.
type diagnosticsOutput struct {
	suite  string // "mrplan validate", "mrplan lint": names the SARIF and JUnit runs
	format string
	minSev diag.Severity
	files  map[string][]byte // sources for snippets and fingerprints
	mod    *lang.Module
	checks *checkOptions
	lint   bool
	// checksSkipped: language errors stopped the run before the checks.
	checksSkipped bool
	baseline      *baselineOptions
	force         bool // exit 0 whatever is found
	// summary closes the text output with the verdict on ds, the
	// diagnostics reported (after the baseline).
	summary func(ds []diag.Diagnostic, valid bool) error
}

// writeDiagnostics sorts ds, renders them in the chosen format and returns
// the exit code: ExitError when any diagnostic is at or above minSev, or
// when the output could not be written.
func writeDiagnostics(s Streams, g *globals, o diagnosticsOutput, ds []diag.Diagnostic) int {
	diag.Sort(ds)
	ds, known, ok := applyBaseline(s, o.baseline, ds, o.checksSkipped)
	if !ok {
		return ExitError
	}
	valid := true
	for _, d := range ds {
		if d.Severity >= o.minSev {
			valid = false
		}
	}
	var err error
	switch o.format {
	case "text":
		err = views.DiagnosticsText{Files: o.files, Module: o.mod, Color: g.color(s.OutTerminal)}.Write(s.Out, ds)
		if err == nil {
			err = o.summary(ds, valid)
		}
		if err == nil && known.known > 0 {
			_, err = fmt.Fprintf(s.Out, "Not shown: %s recorded in the baseline %s.\n", plural(known.known, "finding"), known.path)
		}
	case "compact":
		err = views.DiagnosticsCompact(s.Out, ds)
	case "json":
		err = views.DiagnosticsJSONView{Files: o.files, Module: o.mod}.Write(s.Out, ds, valid)
	default:
		var known bool
		known, err = writeCIFormat(s, o.format, o.suite, ds, o.files, o.mod, o.checks, o.lint, o.checksSkipped, o.minSev)
		if !known {
			fmt.Fprintf(s.Err, "Error: --format must be %s, not %q.\n", formatList(), o.format)
			return ExitError
		}
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write output: %s\n", err)
		return ExitError
	}
	if !valid && !o.force {
		return ExitError
	}
	return ExitOK
}

// validateSummary closes the text output with the verdict, as terraform
// validate does.
func validateSummary(s Streams, ds []diag.Diagnostic, valid bool) error {
	errs, warns, notices := diag.Count(ds)
	var err error
	switch {
	case len(ds) == 0:
		_, err = fmt.Fprintln(s.Out, "Success! The module is valid.")
	case valid:
		_, err = fmt.Fprintf(s.Out, "The module is valid, with %s.\n", counts(errs, warns, notices))
	default:
		_, err = fmt.Fprintf(s.Out, "The module is not valid: %s.\n", counts(errs, warns, notices))
	}
	return err
}

func counts(errs, warns, notices int) string {
	var parts []string
	for _, c := range []struct {
		n    int
		word string
	}{{errs, "error"}, {warns, "warning"}, {notices, "notice"}} {
		switch {
		case c.n == 1:
			parts = append(parts, "1 "+c.word)
		case c.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", c.n, c.word))
		}
	}
	switch len(parts) {
	case 0:
		return "no problems"
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " and " + parts[1]
	}
	return parts[0] + ", " + parts[1] + " and " + parts[2]
}
