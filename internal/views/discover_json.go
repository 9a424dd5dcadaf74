package views

import (
	"encoding/json"
	"io"
	"sort"
	"time"

	"github.com/mrplan/mrplan/observe"
)

// The discover -json shape (SPEC section 8). These types are the versioned
// view of an observe.Discovery, which itself carries no JSON tags.
type discoverJSON struct {
	FormatVersion string                 `json:"format_version"`
	Dependencies  []discoverDependency   `json:"dependencies"`
	Deployed      []discoverDeployed     `json:"deployed"`
	Unplaced      []discoverUnplaced     `json:"unplaced"`
	Unattributed  []discoverUnattributed `json:"unattributed"`
	Skipped       []discoverSkipped      `json:"skipped"`
	Files         []discoverFile         `json:"files"`
}

type discoverDependency struct {
	Service     string   `json:"service"`
	Target      string   `json:"target"`
	Kind        string   `json:"kind"`
	Provider    *string  `json:"provider"`
	Product     *string  `json:"product"`
	Region      *string  `json:"region"`
	Scope       *string  `json:"scope"`
	FromRegions []string `json:"from_regions"`
	Calls       int64    `json:"calls"`
	FirstSeen   *string  `json:"first_seen"`
	LastSeen    *string  `json:"last_seen"`
	DeclaredAs  *string  `json:"declared_as"`
	Callee      *string  `json:"callee"`
	Sources     []string `json:"sources"`
}

type discoverDeployed struct {
	Address         string   `json:"address"`
	Terraform       string   `json:"terraform"`
	Regions         []string `json:"regions"`
	DeclaredRegions []string `json:"declared_regions"`
	Source          string   `json:"source"`
}

type discoverUnplaced struct {
	Terraform string   `json:"terraform"`
	Type      string   `json:"type"`
	Regions   []string `json:"regions"`
	Source    string   `json:"source"`
}

type discoverUnattributed struct {
	Target string  `json:"target"`
	Calls  int64   `json:"calls"`
	From   string  `json:"from"`
	Reason *string `json:"reason"`
}

type discoverSkipped struct {
	Filename string `json:"filename"`
	Line     int    `json:"line"`
	Reason   string `json:"reason"`
}

type discoverFile struct {
	Filename string `json:"filename"`
	Format   string `json:"format"`
	Records  int64  `json:"records"`
	Skipped  int64  `json:"skipped"`
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func timeOrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// DiscoverJSON writes d in the discover -json shape.
func DiscoverJSON(w io.Writer, d *observe.Discovery) error {
	out := discoverJSON{FormatVersion: "1", Dependencies: []discoverDependency{}, Deployed: []discoverDeployed{},
		Unplaced: []discoverUnplaced{}, Unattributed: []discoverUnattributed{}, Skipped: []discoverSkipped{}, Files: []discoverFile{}}
	for _, dep := range d.Dependencies {
		j := discoverDependency{
			Service: dep.Service.String(), Target: dep.Target, Kind: dep.Kind.String(),
			Provider: strOrNil(dep.Provider), Product: strOrNil(dep.Product), Region: strOrNil(dep.Region), Scope: strOrNil(string(dep.Scope)),
			FromRegions: nonNil(dep.FromRegions), Calls: dep.Calls, FirstSeen: timeOrNil(dep.First), LastSeen: timeOrNil(dep.Last),
			Sources: nonNil(dep.Sources),
		}
		if dep.DeclaredAs != nil {
			j.DeclaredAs = strOrNil(dep.DeclaredAs.String())
		}
		if dep.Callee != nil {
			j.Callee = strOrNil(dep.Callee.String())
		}
		out.Dependencies = append(out.Dependencies, j)
	}
	for _, dep := range d.Deployed {
		for _, r := range dep.Resources {
			out.Deployed = append(out.Deployed, discoverDeployed{Address: dep.Address.String(), Terraform: r.Address,
				Regions: nonNil(r.Regions), DeclaredRegions: nonNil(dep.DeclaredRegions), Source: r.File})
		}
	}
	sort.SliceStable(out.Deployed, func(i, j int) bool {
		a, b := out.Deployed[i], out.Deployed[j]
		if a.Address != b.Address {
			return a.Address < b.Address
		}
		return a.Terraform < b.Terraform
	})
	for _, r := range d.Unplaced {
		out.Unplaced = append(out.Unplaced, discoverUnplaced{Terraform: r.Address, Type: r.Type, Regions: nonNil(r.Regions), Source: r.File})
	}
	for _, u := range d.Unattributed {
		out.Unattributed = append(out.Unattributed, discoverUnattributed{Target: u.Target, Calls: u.Calls, From: u.From, Reason: strOrNil(u.Reason)})
	}
	for _, s := range d.Skipped {
		out.Skipped = append(out.Skipped, discoverSkipped{Filename: s.Filename, Line: s.Line, Reason: s.Reason})
	}
	for _, f := range d.Files {
		out.Files = append(out.Files, discoverFile{Filename: f.Filename, Format: f.Format.String(), Records: f.Records, Skipped: f.Skipped})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
