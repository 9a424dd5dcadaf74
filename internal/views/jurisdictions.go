package views

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mrplan/mrplan/providers"
)

// JurisdictionsText lists the jurisdictions a residency may name: the
// groups with their members and sources, then the countries.
func JurisdictionsText(w io.Writer, js []*providers.Jurisdiction) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tMEMBERS")
	for _, j := range js {
		members := "-"
		if j.Group {
			members = strings.Join(j.Members, " ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", j.Name, j.Title, members)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var notes []string
	for _, j := range js {
		if j.Group {
			line := fmt.Sprintf("  %s: %s", j.Name, j.Source)
			if j.Notes != "" {
				line += "\n    " + j.Notes
			}
			notes = append(notes, line)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\nSources:\n%s\n", strings.Join(notes, "\n"))
	}
	if len(js) > 0 && !js[len(js)-1].Group {
		fmt.Fprintf(w, "\nCountries are ISO 3166-1 alpha-2 codes (%s). CN is mainland China; HK, MO and TW are separate.\n", js[len(js)-1].Source)
	}
	return nil
}

type jsonJurisdiction struct {
	Name    string   `json:"name"`
	Title   string   `json:"title"`
	Group   bool     `json:"group"`
	Members []string `json:"members"`
	Notes   string   `json:"notes,omitempty"`
	Source  string   `json:"source"`
}

// JurisdictionsJSON is JurisdictionsText as a JSON array.
func JurisdictionsJSON(w io.Writer, js []*providers.Jurisdiction) error {
	out := make([]jsonJurisdiction, len(js))
	for i, j := range js {
		out[i] = jsonJurisdiction{j.Name, j.Title, j.Group, j.Members, j.Notes, j.Source}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
