package command

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

type lintOptions struct {
	module      string
	format      string
	json        bool
	minSeverity string
	checks      checkOptions
	baseline    baselineOptions
	force       bool
}

func newLintCmd(s Streams, g *globals) *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "lint --module DIR MANIFEST...",
		Short: "Check service teams' dependency manifests against the module",
		Long: `Lint reads dependency manifests — *.deps.hcl files and Backstage
catalog-info.yaml components — and compares each with the module in --module:
a dependency the module does not declare is drift (MR103), a declared one the
manifest no longer has is stale (MR104), and the single-region and tier checks
(MR101, MR102) run over the manifest's edges. A directory argument stands for
every manifest under it.

It exits 1 when there is an error, or a finding at or above --min-severity
(default error); otherwise 0.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if o.json {
				o.format = "json"
			}
			return exit(runLint(s, g, o, args))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.module, "module", ".", "the module directory the manifests are checked against")
	f.StringVar(&o.format, "format", "text", "output format: "+formatList())
	f.BoolVar(&o.json, "json", false, "short for --format json")
	f.StringVar(&o.minSeverity, "min-severity", "error", "the lowest severity that fails the run: error, warning or notice")
	o.checks.register(f)
	o.baseline.register(f)
	f.BoolVar(&o.force, "force", false, "report everything found but exit 0 (as tflint --force); usage errors still exit 1")
	return cmd
}

func runLint(s Streams, g *globals, o lintOptions, paths []string) int {
	minSev, ok := diag.ParseSeverity(o.minSeverity)
	if !ok {
		fmt.Fprintf(s.Err, "Error: --min-severity must be error, warning or notice, not %q.\n", o.minSeverity)
		return ExitError
	}
	files, err := manifest.Files(paths)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	if len(files) == 0 {
		fmt.Fprintf(s.Err, "Error: no manifests (*.deps.hcl, catalog-info.yaml) in %v.\n", paths)
		return ExitError
	}

	mod, hclDiags := lang.LoadDirOptions(o.module, g.loadOptions(nil))
	var manifests []*manifest.Manifest
	sources := map[string][]byte{}
	for name, src := range mod.Files {
		sources[name] = src
	}
	for _, f := range files {
		ms, src, d := manifest.Load(f)
		hclDiags = append(hclDiags, d...)
		manifests = append(manifests, ms...)
		sources[f] = src
	}
	ds := diag.FromHCL(hclDiags)
	if !hclDiags.HasErrors() {
		// A manifest about an unknown service is an error of its own; the
		// other manifests are still checked.
		ds = append(ds, diag.FromHCL(manifest.Resolve(mod, manifests))...)
		ds = append(ds, runChecks(mod, o.checks, nonNil(manifests))...)
	}
	return writeDiagnostics(s, g, diagnosticsOutput{
		suite: "mrplan lint", format: o.format, minSev: minSev,
		files: o.checks.sources(mod, sources), mod: mod, checks: &o.checks, baseline: &o.baseline, force: o.force, lint: true, checksSkipped: hclDiags.HasErrors(),
		summary: func(ds []diag.Diagnostic, valid bool) error { return lintSummary(s, len(files), ds, valid) },
	}, ds)
}

// nonNil marks a lint run even when every manifest file held no component:
// checks tell lint from validate by a non-nil manifest list.
func nonNil(ms []*manifest.Manifest) []*manifest.Manifest {
	if ms == nil {
		return []*manifest.Manifest{}
	}
	return ms
}

func lintSummary(s Streams, files int, ds []diag.Diagnostic, valid bool) error {
	errs, warns, notices := diag.Count(ds)
	what := "1 manifest file"
	if files != 1 {
		what = fmt.Sprintf("%d manifest files", files)
	}
	var err error
	switch {
	case len(ds) == 0:
		_, err = fmt.Fprintf(s.Out, "Success! %s agree with the module.\n", what)
	case valid:
		_, err = fmt.Fprintf(s.Out, "Checked %s, with %s.\n", what, counts(errs, warns, notices))
	default:
		_, err = fmt.Fprintf(s.Out, "Checked %s: %s.\n", what, counts(errs, warns, notices))
	}
	return err
}
