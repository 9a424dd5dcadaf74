package views

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// DiagnosticsCompact renders one line per diagnostic, for editors and grep:
// `file:line:col: severity: message (ID)`, where the message is the summary
// and the detail folded onto that one line, so a finding names its regions
// and dependencies there too.
func DiagnosticsCompact(w io.Writer, ds []diag.Diagnostic) error {
	bw := bufio.NewWriter(w)
	for _, d := range ds {
		place := "-"
		if d.Range != nil && d.Range.Filename != "" {
			place = fmt.Sprintf("%s:%d:%d", flatText(d.Range.Filename), d.Range.Start.Line, d.Range.Start.Column)
		}
		fmt.Fprintf(bw, "%s: %s: %s", place, d.Severity, strings.Join(strings.Fields(flatText(message(d))), " "))
		if d.Rule != "" {
			fmt.Fprintf(bw, " (%s)", d.Rule)
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
