package views

import (
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// Rule describes one check to the formats that carry a rule catalog (SARIF,
// JUnit). The command fills it from the checks package, so views need not
// import it.
type Rule struct {
	ID       string // "MR101"
	Name     string // "hidden-single-region-dependency"
	Severity diag.Severity
	Summary  string
	Fix      string
	Doc      string // the check's doc page, Markdown
	HelpURI  string
}

// LanguageRule is the reserved rule that diagnostics without a check ID
// (language errors, check settings, ignore comments) are filed under in
// formats whose consumers expect every result to name a rule. It is not a
// check: it cannot be disabled, and its ID is not of the MRxxx form.
var LanguageRule = Rule{
	ID:       "language",
	Name:     "language-error",
	Severity: diag.Error,
	Summary:  "Problems with the module itself: syntax, types, references, check settings and ignore comments",
	Fix:      "Correct the module as the message says; language errors stop the plan.",
}

// message is a diagnostic's one-paragraph message: the summary, and the
// detail when there is one.
func message(d diag.Diagnostic) string {
	if d.Detail == "" {
		return d.Summary
	}
	return d.Summary + ": " + d.Detail
}

// snippet is the source text a range covers, on its first line, or "".
func snippet(files map[string][]byte, d diag.Diagnostic) string {
	if d.Range == nil {
		return ""
	}
	src, ok := files[d.Range.Filename]
	if !ok {
		return ""
	}
	start, end := d.Range.Start.Byte, d.Range.End.Byte
	if start < 0 || end > len(src) || end < start {
		return ""
	}
	text, _, _ := strings.Cut(string(src[start:end]), "\n")
	return strings.TrimSpace(text)
}
