package views

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// PlanMarkdownMarker is the hidden line a bot looks for to update its own
// pull-request comment instead of adding a new one.
const PlanMarkdownMarker = "<!-- mrplan:plan -->"

// planMarkdownLimit keeps a comment under GitHub's 65,536-character limit,
// with room for what a bot wraps around it.
const planMarkdownLimit = 60000

// mdFindingsListed is how many new (and resolved) findings a comment
// lists before it counts the rest, so they leave room for the diff.
const mdFindingsListed = 50

// PlanMarkdown renders a plan as a pull-request comment: the hidden marker,
// the summary line, a table of changes, services by topology and findings
// by severity, the new findings with links to their checks' pages, the
// resolved ones, and the plan (the diff against the baseline, or the whole
// plan when there is none) in a <details> block with a diff fence, so "+"
// lines show green, "-" red and "!" orange. It is cut, and says so, to fit
// GitHub's comment limit.
type PlanMarkdown struct {
	// Title heads the comment; "mrplan plan" when empty.
	Title string
	// DocURL is prefixed to "MR101.md" to link a check's page; no links
	// when empty.
	DocURL string
	// Diff is the plan compared with its baseline; nil is no baseline.
	Diff *PlanDiff
}

// Write renders p and its findings (sorted by the caller).
func (v PlanMarkdown) Write(w io.Writer, p *planner.Plan, findings []diag.Diagnostic) error {
	d := v.Diff
	if d == nil {
		var err error
		if d, err = DiffPlan(p, findings, nil, "", ""); err != nil {
			return err
		}
	}
	topo := map[string]int{}
	for _, s := range p.Services {
		topo[s.Topology.String()]++
	}
	return v.write(w, p, d, topo, len(p.Data))
}

// WriteSaved renders a saved plan: as Write, without the whole plan's
// tables, with the diff it recorded.
func (v PlanMarkdown) WriteSaved(w io.Writer, sp *SavedPlan) error {
	return v.write(w, nil, sp.Diff, sp.Topologies, sp.DataClasses)
}

func (v PlanMarkdown) write(w io.Writer, p *planner.Plan, d *PlanDiff, topo map[string]int, dataClasses int) error {
	var b strings.Builder
	title := v.Title
	if title == "" {
		title = "mrplan plan"
	}
	fmt.Fprintf(&b, "%s\n### %s\n\n", PlanMarkdownMarker, mdEscape(title))
	switch {
	case d.Baseline == "":
		b.WriteString("No accepted state or baseline plan: everything is new.\n\n")
	case d.HasChanges():
		fmt.Fprintf(&b, "Compared with %s (`%s`).\n\n", d.Baseline, mdEscape(d.Source))
	default:
		fmt.Fprintf(&b, "**No changes.** The architecture matches %s (`%s`).\n\n", d.Baseline, mdEscape(d.Source))
	}
	fmt.Fprintf(&b, "**%s**\n\n", d.SummaryLine())

	var topoCells []string
	for _, k := range sortedKeys(topo) {
		topoCells = append(topoCells, fmt.Sprintf("%s %d", k, topo[k]))
	}
	b.WriteString("| | this plan |\n|---|---|\n")
	fmt.Fprintf(&b, "| changes | %d to add, %d to change, %d to remove |\n", d.Create, d.Update, d.Delete)
	fmt.Fprintf(&b, "| services by topology | %s |\n", orNone(strings.Join(topoCells, " · ")))
	fmt.Fprintf(&b, "| data classes | %d |\n", dataClasses)
	if d.CostAfter != nil {
		cost := strconv.FormatFloat(*d.CostAfter, 'f', 1, 64)
		if d.CostBefore != nil && *d.CostBefore != *d.CostAfter {
			cost = strconv.FormatFloat(*d.CostBefore, 'f', 1, 64) + " → " + cost
		}
		fmt.Fprintf(&b, "| relative cost (1.0 = one region, no standby) | %s |\n", cost)
	}
	fmt.Fprintf(&b, "| findings by severity | %d error(s) · %d warning(s) · %d notice(s) |\n", d.Errors, d.Warnings, d.Notices)
	if d.Baseline != "" {
		fmt.Fprintf(&b, "| findings since the baseline | %d new · %d resolved |\n", len(d.New), len(d.Resolved))
	}
	b.WriteString("\n")

	if d.Baseline == "" && p != nil {
		v.tables(&b, p)
	}
	if len(d.New) > 0 {
		if d.Baseline == "" {
			b.WriteString("#### Findings\n\n")
		} else {
			b.WriteString("#### New findings\n\n")
		}
		for i, f := range d.NewFindings {
			if i == mdFindingsListed {
				fmt.Fprintf(&b, "- … and %d more: run mrplan plan for all of them\n", len(d.NewFindings)-i)
				break
			}
			fmt.Fprintf(&b, "- **%s** %s `%s`: %s\n", f.Severity, v.checkLink(f.Rule), f.Subject, mdEscape(f.Summary))
		}
		b.WriteString("\n")
	}
	if len(d.Resolved) > 0 {
		b.WriteString("#### Resolved findings\n\n")
		for i, f := range d.Resolved {
			if i == mdFindingsListed {
				fmt.Fprintf(&b, "- … and %d more: run mrplan plan for all of them\n", len(d.Resolved)-i)
				break
			}
			fmt.Fprintf(&b, "- ~~%s %s `%s`: %s~~\n", f.Severity, v.checkLink(f.Rule), f.Subject, mdEscape(f.Summary))
		}
		b.WriteString("\n")
	}

	var text bytes.Buffer
	var err error
	if p != nil && d.Baseline == "" {
		err = PlanText{Diff: d}.Write(&text, p, nil)
	} else {
		err = PlanText{}.writeDiff(&text, p, d)
	}
	if err != nil {
		return err
	}
	summary := "Full plan"
	if d.Baseline != "" {
		summary = "Diff against " + d.Baseline
	}
	body := diffLines(text.String())
	open, close := "<details><summary>"+summary+"</summary>\n\n```diff\n", "```\n\n</details>\n"
	room := planMarkdownLimit - b.Len() - len(open) - len(close)
	if len(body) > room {
		cut := strings.LastIndexByte(body[:max(room-200, 0)], '\n') + 1
		body = body[:cut] + "… the plan is too long for a comment; run mrplan plan for the rest\n"
	}
	b.WriteString(open + body + close)
	_, err = io.WriteString(w, b.String())
	return err
}

// tables are the whole plan's services, data classes and the scenarios
// that take a service down, for a plan with no baseline.
func (v PlanMarkdown) tables(b *strings.Builder, p *planner.Plan) {
	if len(p.Services) > 0 {
		b.WriteString("| service | tier | topology | regions | write mode | failover | rpo (objective) | rto (objective) |\n|---|---|---|---|---|---|---|---|\n")
		for _, s := range p.Services {
			rto := "unbounded"
			if !s.RTO.Unbounded {
				rto = units.FormatDuration(s.RTO.Total)
			}
			fmt.Fprintf(b, "| `%s` | %d | %s | %s | %s | %s | %s | %s |\n", s.Addr, s.Tier, s.Topology, strings.Join(s.Regions, ", "),
				s.WriteMode, s.Failover, withObjective(units.FormatDuration(s.RPO), s.Objective.HasRPO, s.Objective.RPO),
				withObjective(rto, s.Objective.HasRTO, s.Objective.RTO))
		}
		b.WriteString("\n")
	}
	if len(p.Data) > 0 {
		b.WriteString("| data | class | mechanisms | conflict | rpo |\n|---|---|---|---|---|\n")
		for _, d := range p.Data {
			mechs := make([]string, len(d.Mechanisms))
			for i, m := range d.Mechanisms {
				mechs[i] = m.String()
			}
			rpo := "not counted"
			if d.Counts {
				rpo = units.FormatDuration(d.RPO)
			}
			fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s |\n", d.Addr, d.Class, strings.Join(mechs, ", "), d.Conflict, rpo)
		}
		b.WriteString("\n")
	}
	var hit []*planner.Scenario
	for _, sc := range p.Scenarios {
		for _, o := range sc.Affected {
			if o.Outcome == planner.OutcomeDown {
				hit = append(hit, sc)
				break
			}
		}
	}
	if len(hit) > 0 {
		b.WriteString("| scenario | down |\n|---|---|\n")
		for _, sc := range hit {
			var down []string
			for _, o := range sc.Affected {
				if o.Outcome == planner.OutcomeDown {
					down = append(down, "`"+o.Service.String()+"`")
				}
			}
			fmt.Fprintf(b, "| %s | %s |\n", sc.Name(), strings.Join(down, ", "))
		}
		b.WriteString("\n")
	}
}

// checkLink links a check's ID to its page when DocURL is set.
func (v PlanMarkdown) checkLink(id string) string {
	if id == "" {
		return ""
	}
	if v.DocURL == "" {
		return id
	}
	return "[" + id + "](" + v.DocURL + id + ".md)"
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// diffLines moves the marker of each text-plan line to the first column, so
// a diff fence colours it: "+" added, "-" removed or down, "!" a new
// finding or exposed data, "~" changed; other lines get a space.
func diffLines(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(trimmed)]
		switch {
		case strings.HasPrefix(trimmed, "+ ") || strings.HasPrefix(trimmed, "- ") ||
			strings.HasPrefix(trimmed, "~ ") || strings.HasPrefix(trimmed, "! "):
			b.WriteString(trimmed[:1] + indent + trimmed[1:])
		case line == "":
		default:
			b.WriteString(" " + line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func withObjective(got string, has bool, want time.Duration) string {
	if !has {
		return got
	}
	return got + " (" + units.FormatDuration(want) + ")"
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}
