package command

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/fsguard"
	"github.com/mrplan/mrplan/internal/progress"
	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

type planFlags struct {
	format           string
	json             bool
	out              string
	compareTo        string
	docURL           string
	title            string
	detailedExitcode bool
	state            string
	checks           checkOptions
	observe          observeOptions
}

func newPlanCmd(s Streams, g *globals) *cobra.Command {
	f := &planFlags{}
	cmd := &cobra.Command{
		Use:   "plan [DIR]",
		Short: "Plan the architecture of a module and show how it differs from the accepted state",
		Long: `Plan reads the module in DIR (default: the current directory) and decides its
architecture: every service's tier, topology, write mode, routing and failover;
every data class's class and sync mechanisms; achieved RPO and RTO against the
objectives; what happens when each zone, region and country is lost; and the
findings of the checks. Every decision carries the reason for it.

The plan is compared with the accepted state (the module's mrplan.state.json,
written by 'mrplan apply'), or with a plan saved from another branch given by
--compare-to: only what changes is shown, "+" create, "~" update, "-" remove,
and "!" a finding the baseline did not have. With no state, everything is new.

Findings are part of the plan and never change its exit code: use
'mrplan validate' as the gate. With -detailed-exitcode, plan exits 0 when
nothing changed, 2 when something did, 1 on an error.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			return exit(runPlan(s, g, f, moduleDir(args)))
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text, json, or markdown (a pull-request comment)")
	cmd.Flags().BoolVar(&f.json, "json", false, "short for --format json")
	cmd.Flags().StringVar(&f.out, "out", "", "also write the plan as JSON to `FILE`, atomically, for show and apply")
	cmd.Flags().StringVar(&f.compareTo, "compare-to", "", "compare with the plan saved in `PLANFILE` (plan -out) instead of the state")
	cmd.Flags().StringVar(&f.title, "title", "", "the Markdown comment's heading (default \"mrplan plan: \" and the module's or file's name)")
	cmd.Flags().StringVar(&f.docURL, "doc-url", checks.DocURL, "where the Markdown links a check's page (`URL` + MR101.md)")
	cmd.Flags().BoolVar(&f.detailedExitcode, "detailed-exitcode", false, "exit 2 when the plan has changes, 0 when it has none")
	cmd.Flags().StringVar(&f.state, "state", "", "compare with the state in `FILE` instead of the module's (which must be inside the module directory)")
	f.checks.register(cmd.Flags())
	f.observe.register(cmd.Flags())
	f.checks.observe = &f.observe
	return cmd
}

// planned is a module planned and compared with its baseline.
type planned struct {
	mod       *lang.Module
	plan      *planner.Plan
	findings  []diag.Diagnostic
	meta      views.PlanMeta
	statePath string
	state     *state.State // nil: nothing accepted yet
}

// planDir loads and plans the module in dir and compares it with the
// plan in compareTo, or with the state when compareTo is empty. A language
// error, an unreadable baseline or a damaged state is printed (as JSON on
// stdout when jsonOut) and ExitError returned.
//
// stateFlag is -state: the state file to use instead of the module's own,
// wherever it is (the module's must resolve inside its directory).
//
// countsOnly says the caller reads only the diff's counts when there is
// no baseline (the text plan): its entries and new findings are not built.
func planDir(s Streams, g *globals, dir, compareTo, stateFlag string, co checkOptions, jsonOut, countsOnly bool) (*planned, int) {
	pr, stopProgress := progress.Start(s.Err, g.progress, s.ErrTerminal)
	defer stopProgress()
	m, hdiags := lang.LoadDirOptions(dir, g.loadOptions(pr))
	if hdiags.HasErrors() {
		stopProgress()
		ds := diag.FromHCL(hdiags)
		diag.Sort(ds)
		if jsonOut {
			views.DiagnosticsJSONView{Files: m.Files, Module: m}.Write(s.Out, ds, false)
		} else {
			views.DiagnosticsText{Files: m.Files, Module: m, Color: g.color(s.ErrTerminal)}.Write(s.Err, ds)
		}
		return nil, ExitError
	}
	if co.observe != nil {
		if _, ds := co.observe.discover(m); len(ds) > 0 {
			stopProgress()
			views.DiagnosticsText{Files: m.Files, Module: m, Color: g.color(s.ErrTerminal)}.Write(s.Err, ds)
			if co.observe.failed() {
				return nil, ExitError
			}
		}
	}
	sp, err := statePath(dir, m, stateFlag)
	if err != nil {
		stopProgress()
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return nil, ExitError
	}
	pr.Phase("plan", 0)
	r := &planned{mod: m, plan: planner.PlanModule(m), statePath: sp}
	pr.Phase("checks", 0)
	r.findings = planFindings(m, r.plan, co)
	stopProgress()
	r.meta = views.PlanMeta{Version: version.Version, ConfigHash: configHash(m), Files: fileHashes(m)}

	st, serr := state.Read(r.statePath)
	if serr == nil && compareTo == "" {
		serr = checkStateModule(r.statePath, st, dir)
	}
	if serr != nil && compareTo == "" {
		fmt.Fprintf(s.Err, "Error: %s.\n", strings.TrimSuffix(serr.Error(), "."))
		return nil, ExitError
	}
	r.state = st
	if st != nil {
		r.meta.StateSerial = st.Serial
	}
	switch {
	case compareTo != "":
		var src []byte
		if src, err = fsguard.ReadRegularFile(compareTo, fsguard.MaxFileBytes()); err == nil {
			if err = views.CheckPlanDigest(compareTo, src); err != nil {
				fmt.Fprintf(s.Err, "Error: %s.\n", err)
				return nil, ExitError
			}
			if _, err = views.ReadPlan(compareTo, src); err == nil {
				r.meta.Diff, err = views.DiffPlan(r.plan, r.findings, src, views.BaselinePlan, compareTo)
			}
		}
	case st != nil:
		r.meta.Diff, err = views.DiffPlan(r.plan, r.findings, st.Plan, views.BaselineState,
			r.statePath+", serial "+strconv.Itoa(st.Serial))
	case countsOnly:
		r.meta.Diff = views.CreatedSummary(r.plan, r.findings)
	default:
		r.meta.Diff, err = views.DiffPlan(r.plan, r.findings, nil, "", "")
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot compare the plan: %s\n", err)
		return nil, ExitError
	}
	return r, ExitOK
}

func runPlan(s Streams, g *globals, f *planFlags, dir string) int {
	format, ok := planFormat(s, "plan", f.format, f.json)
	if !ok {
		return ExitError
	}
	r, code := planDir(s, g, dir, f.compareTo, f.state, f.checks, format == "json", format == "text" && f.out == "")
	if code != ExitOK {
		return code
	}
	if f.out != "" {
		r.meta.ModuleDir = recordedModuleDir(f.out, dir)
	}
	if format == "json" && f.out == "" {
		// Streamed: the plan JSON is never held whole.
		if err := views.PlanJSON(s.Out, r.plan, r.findings, r.meta); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
		if f.detailedExitcode && r.meta.Diff.HasChanges() {
			return ExitChanges
		}
		return ExitOK
	}
	var js bytes.Buffer
	if format == "json" || f.out != "" {
		if err := views.PlanJSON(&js, r.plan, r.findings, r.meta); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
	}
	if f.out != "" {
		if err := saveSealedPlan(f.out, js.Bytes()); err != nil {
			fmt.Fprintf(s.Err, "Error: cannot write the plan: %s\n", err)
			return ExitError
		}
	}
	var err error
	switch format {
	case "json":
		_, err = s.Out.Write(js.Bytes())
	case "markdown":
		title := f.title
		if title == "" {
			title = "mrplan plan: " + filepath.Base(absOr(dir))
		}
		err = views.PlanMarkdown{Title: title, DocURL: f.docURL, Diff: r.meta.Diff}.Write(s.Out, r.plan, r.findings)
	default:
		err = views.PlanText{Files: r.mod.Files, Color: g.color(s.OutTerminal), Diff: r.meta.Diff}.Write(s.Out, r.plan, r.findings)
		if err == nil && f.out != "" {
			// The command to type where the user is: under -chdir, the
			// path is relative to DIR, so the hint repeats -chdir.
			apply := "mrplan apply " + shellWord(f.out)
			if g.chdir != "" {
				apply = "mrplan -chdir=" + shellWord(g.chdir) + " apply " + shellWord(f.out)
			}
			_, err = fmt.Fprintf(s.Out, "\nSaved the plan to %s. Record it with: %s\n", f.out, apply)
		}
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	if f.detailedExitcode && r.meta.Diff.HasChanges() {
		return ExitChanges
	}
	return ExitOK
}

// shellWord quotes s for a POSIX shell when it needs it, so a printed
// command can be pasted as it is.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]#~;&|<>(){}!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// planFindings is where the checks hook into the plan: findings are part of
// the plan (SPEC §7) and never change its exit code. They are the findings
// validate reports for the same module and flags.
func planFindings(m *lang.Module, p *planner.Plan, co checkOptions) []diag.Diagnostic {
	ds := runChecksOn(m, p, co, nil)
	diag.Sort(ds)
	if ds == nil {
		ds = []diag.Diagnostic{}
	}
	return ds
}

// statePath is the state file: explicit (-state) when given, used as it
// is; otherwise the module's, mrplan { state } relative to the module
// (default mrplan.state.json beside it), which must resolve inside the
// module's directory after symlinks: a module from a pull request cannot
// make apply write, or plan read, a file elsewhere ("../x", "/etc/x").
func statePath(dir string, m *lang.Module, explicit string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	p := lang.DefaultStateFile
	if m.Settings != nil && m.Settings.State != "" {
		p = m.Settings.State
	}
	if _, err := lang.ResolveInside(dir, p); err != nil {
		where := ""
		if m.Settings != nil {
			if r, ok := m.Settings.Attrs["state"]; ok {
				where = fmt.Sprintf(" (set at %s:%d,%d)", r.Filename, r.Start.Line, r.Start.Column)
			}
		}
		var refused *fsguard.RefusedError
		if errors.As(err, &refused) {
			return "", fmt.Errorf("the state file %q%s %s, so mrplan neither reads nor writes it. Keep the state inside the module, or pass -state PATH to use a file elsewhere on purpose", p, where, refused.Reason)
		}
		return "", fmt.Errorf("cannot place the state file %q%s: %w", p, where, err)
	}
	if filepath.IsAbs(p) {
		return p, nil
	}
	return filepath.Join(dir, p), nil
}

// configHash is "sha256:" over the module's files in lexical order, each as
// its name (fileKey), its length and its bytes, so the hash does not depend on
// how the directory was named on the command line.
func configHash(m *lang.Module) string {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return fileKey(m, names[i]) < fileKey(m, names[j]) })
	h := sha256.New()
	for _, n := range names {
		io.WriteString(h, fileKey(m, n)+"\n"+strconv.Itoa(len(m.Files[n]))+"\n")
		h.Write(m.Files[n])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// fileHashes maps each module file's name (fileKey) to "sha256:…" of its bytes.
func fileHashes(m *lang.Module) map[string]string {
	out := make(map[string]string, len(m.Files))
	for n, src := range m.Files {
		sum := sha256.Sum256(src)
		out[fileKey(m, n)] = "sha256:" + hex.EncodeToString(sum[:])
	}
	return out
}

// fileKey names a module file in hashes: its base name for a file of the
// root module, its path from the root module's directory, with slashes,
// for a child module's (modules/cell/main.mr.hcl).
func fileKey(m *lang.Module, name string) string {
	if rel, err := filepath.Rel(m.Dir, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(name)
}

// absOr names dir by its absolute path, for titles; dir itself when that
// fails.
func absOr(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// savePlanFile writes data to a temporary file next to path and renames
// it into place, so a reader never sees half a file. A signal waits for
// it to finish, so it leaves no temporary file either.
func savePlanFile(path string, data []byte) error {
	interrupts.critical.Lock()
	defer interrupts.critical.Unlock()
	return state.WriteFileAtomic(path, data, 0o644)
}

// saveSealedPlan writes the plan JSON js to path (plan -out) with its
// digest (see views.SealPlan), which show and apply check.
func saveSealedPlan(path string, js []byte) error {
	sealed, err := views.SealPlan(js)
	if err != nil {
		return err
	}
	return savePlanFile(path, sealed)
}

// planFormat is the output format of plan or show: --format, or json with
// -json; false (and the error printed) when it is not one they render.
func planFormat(s Streams, cmd, format string, json bool) (string, bool) {
	if json {
		format = "json"
	}
	if format != "text" && format != "json" && format != "markdown" {
		fmt.Fprintf(s.Err, "Error: unknown --format %q for %s; use text, json or markdown.\n", format, cmd)
		return "", false
	}
	return format, true
}
