package command

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/internal/version"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type planFlags struct {
	format           string
	json             bool
	out              string
	detailedExitcode bool
}

func newPlanCmd(s Streams, g *globals) *cobra.Command {
	f := &planFlags{}
	cmd := &cobra.Command{
		Use:   "plan [DIR]",
		Short: "Plan the architecture of a module: decisions with their reasons, failure scenarios, findings",
		Long: `Plan reads the module in DIR (default: the current directory) and prints the
architecture mrplan decides for it: every service's tier, topology, write mode,
routing and failover; every data class's class and sync mechanisms; achieved RPO
and RTO against the objectives; and what happens when each zone, region and
country is lost. Every decision carries the reason for it.

Findings are part of the plan and never change its exit code: use
'mrplan validate' as the gate.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			return exit(runPlan(s, g, f, moduleDir(args)))
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text, json, or markdown (a pull-request comment)")
	cmd.Flags().BoolVar(&f.json, "json", false, "short for --format json")
	cmd.Flags().StringVar(&f.out, "out", "", "also write the plan as JSON to `FILE`, atomically")
	cmd.Flags().BoolVar(&f.detailedExitcode, "detailed-exitcode", false, "exit 2 when the plan has changes, 0 when it has none")
	return cmd
}

func runPlan(s Streams, g *globals, f *planFlags, dir string) int {
	format := f.format
	if f.json {
		format = "json"
	}
	if format != "text" && format != "json" && format != "markdown" {
		fmt.Fprintf(s.Err, "Error: unknown --format %q for plan; use text, json or markdown.\n", format)
		return ExitError
	}
	m, hdiags := lang.LoadDir(dir)
	if hdiags.HasErrors() {
		ds := diag.FromHCL(hdiags)
		diag.Sort(ds)
		if format == "json" {
			views.DiagnosticsJSON(s.Out, ds, false)
		} else {
			views.DiagnosticsText{Files: m.Files, Color: g.color(s.ErrTerminal)}.Write(s.Err, ds)
		}
		return ExitError
	}
	p := planner.PlanModule(m)
	findings := planFindings(m, p)
	meta := views.PlanMeta{Version: version.Version, ConfigHash: configHash(m)}

	var js bytes.Buffer
	if format == "json" || f.out != "" {
		if err := views.PlanJSON(&js, p, findings, meta); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
	}
	if f.out != "" {
		if err := savePlanFile(f.out, js.Bytes()); err != nil {
			fmt.Fprintf(s.Err, "Error: cannot write the plan: %s\n", err)
			return ExitError
		}
	}
	var err error
	switch format {
	case "json":
		_, err = s.Out.Write(js.Bytes())
	case "markdown":
		err = views.PlanMarkdown{Title: "mrplan plan: " + filepath.Base(absOr(dir))}.Write(s.Out, p, findings)
	default:
		err = views.PlanText{Files: m.Files, Color: g.color(s.OutTerminal)}.Write(s.Out, p, findings)
		if err == nil && f.out != "" {
			_, err = fmt.Fprintf(s.Out, "\nSaved the plan to %s.\n", f.out)
		}
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	if f.detailedExitcode && len(p.Changes) > 0 {
		return ExitChanges
	}
	return ExitOK
}

// planFindings is where the checks hook into the plan: findings are part of
// the plan (SPEC §7) and never change its exit code. Until the checks are
// wired in, a plan has none.
func planFindings(m *lang.Module, p *planner.Plan) []diag.Diagnostic {
	_, _ = m, p
	return []diag.Diagnostic{}
}

// configHash is "sha256:" over the module's files in lexical order, each as
// its base name, its length and its bytes, so the hash does not depend on
// how the directory was named on the command line.
func configHash(m *lang.Module) string {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return filepath.Base(names[i]) < filepath.Base(names[j]) })
	h := sha256.New()
	for _, n := range names {
		io.WriteString(h, filepath.Base(n)+"\n"+strconv.Itoa(len(m.Files[n]))+"\n")
		h.Write(m.Files[n])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// savePlanFile writes data to a temporary file next to path and renames
// it into place, so a reader never sees half a plan.
func savePlanFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	for _, e := range []error{werr, serr, cerr} {
		if e != nil {
			os.Remove(name)
			return e
		}
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// absOr names dir by its absolute path, for titles; dir itself when that
// fails.
func absOr(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
