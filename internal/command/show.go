package command

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/fsguard"
	"github.com/mrplan/mrplan/internal/state"
	"github.com/mrplan/mrplan/internal/views"
)

type showFlags struct {
	format string
	json   bool
	docURL string
	title  string
}

func newShowCmd(s Streams, g *globals) *cobra.Command {
	f := &showFlags{}
	cmd := &cobra.Command{
		Use:   "show FILE",
		Short: "Render a saved plan (plan -out), or the plan a state file accepted",
		Long: `Show renders the plan saved in FILE by 'mrplan plan -out FILE': what it
changes against its baseline, its new and resolved findings, and its summary,
as text, JSON (the file itself) or Markdown (a pull-request comment). FILE may
also be a state file (mrplan.state.json): show renders the plan it accepted.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return exit(runShow(s, g, f, args[0]))
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text, json, or markdown (a pull-request comment)")
	cmd.Flags().BoolVar(&f.json, "json", false, "short for --format json")
	cmd.Flags().StringVar(&f.title, "title", "", "the Markdown comment's heading (default \"mrplan plan: \" and the module's or file's name)")
	cmd.Flags().StringVar(&f.docURL, "doc-url", checks.DocURL, "where the Markdown links a check's page (`URL` + MR101.md)")
	return cmd
}

func runShow(s Streams, g *globals, f *showFlags, file string) int {
	format, ok := planFormat(s, "show", f.format, f.json)
	if !ok {
		return ExitError
	}
	sp, err := readPlanFile(file)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	switch format {
	case "json":
		var flat, b bytes.Buffer
		if err = json.Compact(&flat, sp.Raw); err == nil {
			err = json.Indent(&b, flat.Bytes(), "", "  ")
		}
		if err == nil {
			b.WriteByte('\n')
			_, err = s.Out.Write(b.Bytes())
		}
	case "markdown":
		title := f.title
		if title == "" {
			title = "mrplan plan: " + filepath.Base(file)
		}
		err = views.PlanMarkdown{Title: title, DocURL: f.docURL}.WriteSaved(s.Out, sp)
	default:
		err = views.PlanText{Color: g.color(s.OutTerminal)}.WriteSaved(s.Out, sp)
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s\n", err)
		return ExitError
	}
	return ExitOK
}

// readPlanFile reads a saved plan, or the plan a state file holds.
func readPlanFile(file string) (*views.SavedPlan, error) {
	src, err := fsguard.ReadRegularFile(file, fsguard.MaxFileBytes())
	if err != nil {
		return nil, fmt.Errorf("cannot read the plan: %w", err)
	}
	var probe struct {
		Serial *int            `json:"serial"`
		Plan   json.RawMessage `json:"plan"`
	}
	if json.Unmarshal(src, &probe) == nil && probe.Serial != nil && len(probe.Plan) > 0 {
		st, err := state.Parse(file, src)
		if err != nil {
			return nil, err
		}
		return views.ReadPlan(file, st.Plan)
	}
	if err := views.CheckPlanDigest(file, src); err != nil {
		return nil, err
	}
	return views.ReadPlan(file, src)
}
