package views

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/internal/units"
	"github.com/mrplan/mrplan/planner"
)

// PlanMarkdownMarker is the hidden line a bot looks for to update its own
// pull-request comment instead of adding a new one.
const PlanMarkdownMarker = "<!-- mrplan:plan -->"

// planMarkdownLimit keeps a comment under GitHub's 65,536-character limit,
// with room for what a bot wraps around it.
const planMarkdownLimit = 60000

// PlanMarkdown renders a plan as a pull-request comment: summary tables of
// services, data classes, scenarios and findings, then the whole text plan
// in a <details> block with a diff fence, so added lines show green and
// services that go down show red.
type PlanMarkdown struct {
	// Title heads the comment; "mrplan plan" when empty.
	Title string
}

// Write renders p and its findings (sorted by the caller).
func (v PlanMarkdown) Write(w io.Writer, p *planner.Plan, findings []diag.Diagnostic) error {
	var b strings.Builder
	title := v.Title
	if title == "" {
		title = "mrplan plan"
	}
	creates := 0
	for _, c := range p.Changes {
		if c.Action == planner.ActionCreate {
			creates++
		}
	}
	errs, warns, notices := diag.Count(findings)
	fmt.Fprintf(&b, "%s\n### %s\n\n", PlanMarkdownMarker, mdEscape(title))
	fmt.Fprintf(&b, "**Plan:** %d to add, 0 to change, 0 to remove. **Findings:** %d error(s), %d warning(s), %d notice(s).\n\n", creates, errs, warns, notices)

	if len(p.Services) > 0 {
		b.WriteString("| service | tier | topology | regions | write mode | failover | rpo (objective) | rto (objective) |\n|---|---|---|---|---|---|---|---|\n")
		for _, s := range p.Services {
			rto := "unbounded"
			if !s.RTO.Unbounded {
				rto = units.FormatDuration(s.RTO.Total)
			}
			fmt.Fprintf(&b, "| `%s` | %d | %s | %s | %s | %s | %s | %s |\n", s.Addr, s.Tier, s.Topology, strings.Join(s.Regions, ", "),
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
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", d.Addr, d.Class, strings.Join(mechs, ", "), d.Conflict, rpo)
		}
		b.WriteString("\n")
	}
	var hit []*planner.Scenario
	for _, sc := range p.Scenarios {
		for _, o := range sc.Services {
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
			for _, o := range sc.Services {
				if o.Outcome == planner.OutcomeDown {
					down = append(down, "`"+o.Service.String()+"`")
				}
			}
			fmt.Fprintf(&b, "| %s | %s |\n", sc.Name(), strings.Join(down, ", "))
		}
		b.WriteString("\n")
	}
	if len(findings) > 0 {
		b.WriteString("| severity | check | subject | finding |\n|---|---|---|---|\n")
		for _, d := range findings {
			fmt.Fprintf(&b, "| %s | %s | `%s` | %s |\n", d.Severity, d.Rule, d.Subject, mdEscape(d.Summary))
		}
		b.WriteString("\n")
	}

	var text bytes.Buffer
	if err := (PlanText{}).Write(&text, p, nil); err != nil {
		return err
	}
	body := diffLines(text.String())
	const open, close = "<details><summary>Full plan</summary>\n\n```diff\n", "```\n\n</details>\n"
	room := planMarkdownLimit - b.Len() - len(open) - len(close)
	if len(body) > room {
		cut := strings.LastIndexByte(body[:max(room-200, 0)], '\n') + 1
		body = body[:cut] + "… the plan is too long for a comment; run mrplan plan for the rest\n"
	}
	b.WriteString(open + body + close)
	_, err := io.WriteString(w, b.String())
	return err
}

// diffLines moves the marker of each text-plan line to the first column, so
// a diff fence colours it: "+" added, "-" down; other lines get a space.
func diffLines(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indent := line[:len(line)-len(trimmed)]
		switch {
		case strings.HasPrefix(trimmed, "+ ") || strings.HasPrefix(trimmed, "- "):
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
