package views

import (
	"encoding/json"
	"io"

	"github.com/mrplan/mrplan/internal/diag"
)

// DiagnosticsFormatVersion is the format_version of the JSON shape below
// (SPEC §7.1); it changes when the shape breaks.
const DiagnosticsFormatVersion = "1"

type jsonDiagnostics struct {
	FormatVersion string           `json:"format_version"`
	Valid         bool             `json:"valid"`
	ErrorCount    int              `json:"error_count"`
	WarningCount  int              `json:"warning_count"`
	Diagnostics   []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Severity string     `json:"severity"`
	Rule     string     `json:"rule,omitempty"`
	Subject  string     `json:"subject,omitempty"`
	Summary  string     `json:"summary"`
	Detail   string     `json:"detail"`
	Fix      string     `json:"fix,omitempty"`
	Range    *jsonRange `json:"range,omitempty"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// DiagnosticsJSON renders ds in the `validate -json` shape. valid is the
// command's verdict (it depends on --min-severity), not derived here.
func DiagnosticsJSON(w io.Writer, ds []diag.Diagnostic, valid bool) error {
	errs, warns, _ := diag.Count(ds)
	out := jsonDiagnostics{
		FormatVersion: DiagnosticsFormatVersion,
		Valid:         valid,
		ErrorCount:    errs,
		WarningCount:  warns,
		Diagnostics:   make([]jsonDiagnostic, 0, len(ds)),
	}
	for _, d := range ds {
		jd := jsonDiagnostic{
			Severity: d.Severity.String(),
			Rule:     d.Rule,
			Subject:  d.Subject,
			Summary:  d.Summary,
			Detail:   d.Detail,
			Fix:      d.Fix,
		}
		if d.Range != nil && d.Range.Filename != "" {
			jd.Range = &jsonRange{
				Filename: d.Range.Filename,
				Start:    jsonPos{d.Range.Start.Line, d.Range.Start.Column},
				End:      jsonPos{d.Range.End.Line, d.Range.End.Column},
			}
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // constraints such as ">= 0.1" stay readable
	return enc.Encode(out)
}
