package views

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mrplan/mrplan/diag"
)

// GitHubAnnotations renders diagnostics as GitHub Actions workflow commands
// (`::error file=…,line=…::message`), which the runner turns into
// annotations on the pull request's changed lines.
func GitHubAnnotations(w io.Writer, ds []diag.Diagnostic) error {
	bw := bufio.NewWriter(w)
	for _, d := range ds {
		cmd := "error"
		switch d.Severity {
		case diag.Warning:
			cmd = "warning"
		case diag.Notice:
			cmd = "notice"
		}
		var props []string
		if r := d.Range; r != nil && r.Filename != "" {
			props = append(props,
				"file="+ghProperty(r.Filename),
				fmt.Sprintf("line=%d", r.Start.Line),
				fmt.Sprintf("col=%d", r.Start.Column))
			if r.End.Line >= r.Start.Line && r.End.Line > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", r.End.Line))
				if r.End.Line == r.Start.Line && r.End.Column > r.Start.Column {
					props = append(props, fmt.Sprintf("endColumn=%d", r.End.Column))
				}
			}
		}
		title := d.Summary
		if d.Rule != "" {
			title = d.Rule + " " + d.RuleName
		}
		props = append(props, "title="+ghProperty(title))
		// The title carries the summary (or the check); the message says the rest.
		text := d.Detail
		if text == "" {
			text = d.Summary
		}
		if d.Fix != "" {
			text += "\nFix: " + d.Fix
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(text))
	}
	return bw.Flush()
}

// ghData escapes a workflow command's message, as the Actions toolkit does.
func ghData(s string) string {
	s = strings.Map(func(r rune) rune {
		if isControl(r) && r != '\n' && r != '\r' {
			return utf8.RuneError
		}
		return r
	}, s)
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value: also the colon
// and comma that would end it.
func ghProperty(s string) string {
	s = flatText(s)
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
