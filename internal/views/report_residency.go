package views

import (
	"sort"
	"strings"

	"github.com/mrplan/mrplan/planner"
)

// reportResidency is the report's residency section: a table of data
// classes against the countries their copies are kept in.
type reportResidency struct {
	// Countries are the columns: every country the module's regions or the
	// copies are in, sorted, "?" last for regions whose country nothing says.
	Countries []string
	Rows      []residencyRow
	// Outside counts the copies outside their data class's residency.
	Outside int
}

type residencyRow struct {
	Name      string
	Residency string // "EU, GB", or "" when the data may go anywhere
	Cells     []residencyCell
	// RemoteReads are the readers kept reading from afar, one line each.
	RemoteReads []string
}

type residencyCell struct {
	// Kind is "ok", "outside" or "none".
	Kind   string
	Copies []string // "eu-west-1 primary"
}

func (r *report) buildResidency(p *planner.Plan) {
	// Every country the module has a region in is a column, so that the
	// table also shows where a data class is not kept.
	seen := map[string]bool{}
	if p.Module != nil {
		for _, r := range p.Module.Regions {
			if r != nil && r.Geo != nil {
				seen[countryKey(r.Geo.Country)] = true
			}
		}
	}
	for _, d := range p.Data {
		for _, c := range d.Copies {
			seen[countryKey(c.Country)] = true
		}
	}
	rs := &r.Residency
	for c := range seen {
		rs.Countries = append(rs.Countries, c)
	}
	sort.Slice(rs.Countries, func(i, j int) bool {
		a, b := rs.Countries[i], rs.Countries[j]
		if (a == "?") != (b == "?") {
			return b == "?"
		}
		return a < b
	})
	col := map[string]int{}
	for i, c := range rs.Countries {
		col[c] = i
	}
	for _, d := range p.Data {
		row := residencyRow{Name: d.Addr.Name, Residency: strings.Join(ResidencyNames(d), ", "),
			Cells: make([]residencyCell, len(rs.Countries))}
		for i := range row.Cells {
			row.Cells[i].Kind = "none"
		}
		for _, c := range d.Copies {
			cell := &row.Cells[col[countryKey(c.Country)]]
			text := c.Region + " " + c.Kind.String()
			if c.FailoverTarget {
				text += " (failover target)"
			}
			cell.Copies = append(cell.Copies, text)
			switch {
			case !c.Allowed:
				cell.Kind = "outside"
				rs.Outside++
			case cell.Kind == "none":
				cell.Kind = "ok"
			}
		}
		for _, rr := range d.RemoteReads {
			from := rr.From
			if from == "" {
				from = "no region inside the residency"
			}
			row.RemoteReads = append(row.RemoteReads, rr.Service.Name+" in "+rr.Region+" reads from "+from+" on demand")
		}
		rs.Rows = append(rs.Rows, row)
	}
}

func countryKey(c string) string {
	if c == "" {
		return "?"
	}
	return c
}
