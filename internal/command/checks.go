package command

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

// today is the date checks judge drill ages and ignore expiries against:
// the current UTC date. Tests pin it, so golden output does not age.
var today = func() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// checkOptions are the flags validate and lint share for choosing checks.
type checkOptions struct {
	enable, disable []string
	config          string // --config FILE; "" finds .mrplan.hcl
	// observe is the --observe evidence of validate, plan and report; nil
	// for the commands that take none.
	observe *observeOptions
}

func (o *checkOptions) register(f *pflag.FlagSet) {
	f.StringSliceVar(&o.enable, "enable-check", nil, "run a check the module turned off (ID or name; repeatable, or comma-separated)")
	f.StringSliceVar(&o.disable, "disable-check", nil, "do not run a check (ID or name; repeatable, or comma-separated)")
	f.StringVar(&o.config, "config", "", "check settings shared across modules, from `FILE` (default: "+checks.ConfigFileName+" in the module's directory or a parent, up to the repository root)")
}

// shared is the configuration file a run uses: --config, or the nearest
// .mrplan.hcl above the module. path is "" when there is none.
type shared struct {
	path     string
	settings []*lang.CheckSetting
	src      []byte
	diags    []diag.Diagnostic
}

func (o *checkOptions) shared(mod *lang.Module) shared {
	path := o.config
	if path == "" && mod != nil {
		path = checks.FindConfigFile(mod.Dir)
	}
	if path == "" {
		return shared{}
	}
	settings, src, hd := checks.LoadConfigFile(path)
	return shared{path: path, settings: settings, src: src, diags: diag.FromHCL(hd)}
}

// flags are the check flags with the shared settings.
func (o *checkOptions) flags(mod *lang.Module) (checks.Flags, shared) {
	sh := o.shared(mod)
	return checks.Flags{Enable: o.enable, Disable: o.disable, Shared: sh.settings}, sh
}

// sources adds the configuration file to files, for snippets of its
// diagnostics; files itself is not changed.
func (o *checkOptions) sources(mod *lang.Module, files map[string][]byte) map[string][]byte {
	sh := o.shared(mod)
	if sh.src == nil {
		return files
	}
	out := make(map[string][]byte, len(files)+1)
	for k, v := range files {
		out[k] = v
	}
	out[sh.path] = sh.src
	return out
}

// runChecks plans mod and runs every enabled check over it and, for lint,
// over the manifests (nil in validate). A flag naming no check comes back
// as an error diagnostic, so it is reported like any other problem.
func runChecks(mod *lang.Module, o checkOptions, manifests []*manifest.Manifest) []diag.Diagnostic {
	return runChecksOn(mod, planner.PlanModule(mod), o, manifests)
}

// runChecksOn is runChecks for a command that has planned mod already.
func runChecksOn(mod *lang.Module, p *planner.Plan, o checkOptions, manifests []*manifest.Manifest) []diag.Diagnostic {
	flags, sh := o.flags(mod)
	if len(sh.diags) > 0 && diagErrors(sh.diags) {
		return sh.diags // a broken configuration file: its errors, not checks run on half of it
	}
	cfg, cfgDiags, err := checks.NewConfig(mod.Settings, flags)
	if err != nil {
		return []diag.Diagnostic{{Severity: diag.Error, Summary: "Unknown check", Detail: err.Error() + "."}}
	}
	ctx := &checks.Context{Module: mod, Plan: p, Manifests: manifests, Today: today()}
	if o.observe != nil {
		// The reading's own diagnostics (unreadable files, skipped lines)
		// are the command's to report: validate lists them, plan and report
		// print them on standard error.
		ctx.Observed, _ = o.observe.discover(mod)
	}
	return append(append(checks.Run(ctx, cfg), cfgDiags...), sh.diags...)
}

// ruleCatalog describes checks to the views: every check, or with ran set,
// those the run would have run (for JUnit's passing testcases).
func ruleCatalog(mod *lang.Module, o *checkOptions, lint bool) []views.Rule {
	var cfg *checks.Config
	if o != nil && mod != nil {
		flags, _ := o.flags(mod)
		cfg, _, _ = checks.NewConfig(mod.Settings, flags)
	}
	var out []views.Rule
	for _, ch := range checks.All() {
		info := ch.Info()
		if cfg != nil && (!cfg.Enabled(info.ID) || lint && !checks.LintCheck(info.ID) || !lint && checks.LintOnly(info.ID)) {
			continue
		}
		if cfg != nil && checks.ObservedCheck(info.ID) && (o.observe == nil || len(o.observe.files) == 0) {
			continue // no evidence was given: the check judged nothing
		}
		out = append(out, views.Rule{
			ID: info.ID, Name: info.Name, Severity: info.Severity, Summary: info.Summary, Fix: info.Fix,
			Doc: checks.Doc(info.ID), HelpURI: checks.DocURL + info.ID + ".md",
		})
	}
	return out
}

func diagErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// writeCIFormat renders ds as SARIF, JUnit or GitHub annotations; it
// reports false when format is none of them.
func writeCIFormat(s Streams, format, suite string, ds []diag.Diagnostic, files map[string][]byte,
	mod *lang.Module, o *checkOptions, lint, checksSkipped bool, minSev diag.Severity) (bool, error) {
	switch format {
	case "sarif":
		root, _ := os.Getwd()
		return true, views.SARIF{
			ToolName: "mrplan", ToolVersion: version.Version, InformationURI: "https://github.com/mrplan/mrplan",
			Rules: ruleCatalog(nil, nil, false), Files: files, Root: root, ChecksSkipped: checksSkipped,
		}.Write(s.Out, ds)
	case "junit":
		return true, views.JUnit{Suite: suite, Rules: ruleCatalog(mod, o, lint), MinSeverity: minSev,
			ChecksSkipped: checksSkipped}.Write(s.Out, ds)
	case "github":
		return true, views.GitHubAnnotations(s.Out, ds)
	case "checkstyle":
		return true, views.Checkstyle(s.Out, ds)
	}
	return false, nil
}

type checksOptions struct {
	format string
	json   bool
}

func newChecksCmd(s Streams, g *globals) *cobra.Command {
	var o checksOptions
	cmd := &cobra.Command{
		Use:   "checks [ID]",
		Short: "List the checks, or explain one",
		Long: `Checks lists every check mrplan runs, with its ID, name, default severity
and what a finding means. Given a check's ID or name, it shows the check's
documentation: what it finds, why it matters, an example and the fix.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if o.json {
				o.format = "json"
			}
			if o.format != "text" && o.format != "json" {
				fmt.Fprintf(s.Err, "Error: --format must be text or json, not %q.\n", o.format)
				return exit(ExitError)
			}
			if len(args) == 1 {
				return exit(explainCheck(s, g, o, args[0]))
			}
			return exit(listChecks(s, o))
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&o.json, "json", false, "short for --format json")
	return cmd
}

type jsonCheck struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Fix      string `json:"fix"`
	HelpURI  string `json:"help_uri"`
	Doc      string `json:"doc,omitempty"`
}

func listChecks(s Streams, o checksOptions) int {
	rules := ruleCatalog(nil, nil, false)
	if o.format == "json" {
		out := make([]jsonCheck, len(rules))
		for i, r := range rules {
			out[i] = jsonCheck{r.ID, r.Name, r.Severity.String(), r.Summary, r.Fix, r.HelpURI, ""}
		}
		return writeJSON(s, out)
	}
	tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tSUMMARY")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write output: %s\n", err)
		return ExitError
	}
	fmt.Fprintln(s.Out, "\nRun 'mrplan checks ID' for one check's documentation.")
	return ExitOK
}

func explainCheck(s Streams, g *globals, o checksOptions, word string) int {
	ch := checks.Lookup(word)
	if ch == nil {
		fmt.Fprintf(s.Err, "Error: no check %q.%s Run 'mrplan checks' for the list.\n", word, checks.Suggest(word))
		return ExitError
	}
	info := ch.Info()
	doc := checks.Doc(info.ID)
	if o.format == "json" {
		return writeJSON(s, jsonCheck{info.ID, info.Name, info.Severity.String(), info.Summary, info.Fix,
			checks.DocURL + info.ID + ".md", doc})
	}
	if err := (views.Markdown{Color: g.color(s.OutTerminal)}).Write(s.Out, doc); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write output: %s\n", err)
		return ExitError
	}
	return ExitOK
}

func writeJSON(s Streams, v any) int {
	enc := json.NewEncoder(s.Out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write output: %s\n", err)
		return ExitError
	}
	return ExitOK
}

// formatList names the formats of validate and lint, for --format's help
// and its error.
func formatList() string {
	return "text, compact, json, sarif, junit, checkstyle or github"
}
