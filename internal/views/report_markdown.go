package views

import (
	"io"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// ReportMarkdown renders the architecture report as Markdown.
type ReportMarkdown struct {
	Meta ReportMeta
}

// Write renders the report of m, its plan p and findings (sorted).
func (v ReportMarkdown) Write(w io.Writer, m *lang.Module, p *planner.Plan, findings []diag.Diagnostic) error {
	_ = buildReport(m, p, findings, v.Meta)
	return nil
}
