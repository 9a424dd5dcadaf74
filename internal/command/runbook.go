package command

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

type runbookOptions struct {
	scenario string
	out      string
	json     bool
	drill    bool
}

func newRunbookCmd(s Streams, g *globals) *cobra.Command {
	var o runbookOptions
	cmd := &cobra.Command{
		Use:   "runbook [DIR]",
		Short: "Write the failover runbook of each failure scenario, as Markdown or JSON",
		Long: `Runbook plans the module in DIR (default: the current directory) and writes,
for every failure scenario (each zone, region, metro, country, provider and
dependency lost), what to do: what is lost and which data is at risk, the
alerts that detect it, who decides
(automatic failover, or the incident commander within manual_decision_time),
then per service, dependencies first, numbered steps: fence the lost primary,
promote each data class with the store's own operation, shift traffic (routing
policy and DNS TTL), rebuild what is regenerated, verify; each step with its
expected duration from the plan's RTO breakdown, adding up to the service's
RTO in that scenario. A service that stays up while something it calls softly
is down switches to the declared fallback (the call block's, scoped to its
audiences or partition); one with nothing to fail over to says what recovery
waits on and quotes its compensation. Then how to fail back.

--scenario picks one scenario by name ("region us-east-1 lost", "region
us-east-1", region.us-east-1, or just "us-east-1"; "provider aws", "aws";
"dependency stripe lost", dependency.stripe, "stripe"). --drill writes game-day scripts instead: the
drill schedule of the tier 0 and 1 services (from failover_drill and the
90-day rule) and, for each scenario due, what to inject, what to observe, the
pass criteria and how to abort.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return exit(runRunbook(s, g, o, dir))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.scenario, "scenario", "", "only the scenario NAME, such as \"region us-east-1\" (mrplan runbook lists them all)")
	f.StringVarP(&o.out, "out", "o", "", "write to FILE (atomically) instead of standard output")
	f.BoolVar(&o.json, "json", false, "write JSON instead of Markdown")
	f.BoolVar(&o.drill, "drill", false, "write the drill schedule and game-day scripts instead of the runbook")
	_ = cmd.RegisterFlagCompletionFunc("scenario", completeScenario) // the flag exists: no error
	return cmd
}

func runRunbook(s Streams, g *globals, o runbookOptions, dir string) int {
	if o.json && o.drill {
		fmt.Fprintln(s.Err, "Error: --drill writes Markdown only; leave out -json.")
		return ExitError
	}
	m, ok := loadForView(s, g, dir)
	if !ok {
		return ExitError
	}
	p := planner.PlanModule(m)
	rb := ops.Index(p)
	var only *ops.Section
	if o.scenario != "" {
		sec, ok := rb.Find(o.scenario)
		if !ok {
			fmt.Fprintf(s.Err, "Error: no scenario %q in this module. The scenarios are:\n", o.scenario)
			for _, n := range rb.Names() {
				fmt.Fprintf(s.Err, "  %s\n", n)
			}
			return ExitError
		}
		only = sec
	}
	title := moduleTitle(dir)
	var buf bytes.Buffer
	var err error
	switch {
	case o.drill:
		drills := ops.BuildDrills(p, rb, today())
		var days []*ops.GameDay
		if only != nil {
			days = []*ops.GameDay{ops.BuildGameDay(rb, only, nil)}
		} else {
			days = ops.GameDays(rb, drills)
		}
		err = views.GameDayMarkdown{Version: version.Version, Title: title}.Write(&buf, drills, days)
	default:
		if only != nil {
			rb.Sections = []*ops.Section{only}
		}
		// The views fill each section as they write it.
		if o.json {
			err = views.RunbookJSON{}.Write(&buf, rb)
		} else {
			err = views.RunbookMarkdown{Version: version.Version, Title: title}.Write(&buf, rb)
		}
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot render the runbook: %s\n", err)
		return ExitError
	}
	return emit(s, o.out, buf.Bytes())
}

// completeScenario offers the scenarios of the module named by the
// command's argument (or the current directory), when it loads cleanly.
func completeScenario(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	dir := "."
	if len(args) == 1 {
		dir = args[0]
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return ops.Index(planner.PlanModule(m)).Names(), cobra.ShellCompDirectiveNoFileComp
}

// moduleTitle names a module in generated documents: its directory's base
// name, the same on every machine.
func moduleTitle(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	return strings.TrimSpace(filepath.Base(abs))
}
