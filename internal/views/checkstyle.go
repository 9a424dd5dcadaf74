package views

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// Checkstyle renders diagnostics as a Checkstyle XML report, as tflint's
// --format checkstyle does, for the many CI tools that read it (reviewdog,
// Jenkins' warnings plugin, GitLab code quality converters): one <file>
// per file in name order, one <error> per diagnostic in position order,
// source the check's ID ("mrplan.language" for language errors).
// Diagnostics without a place are listed under a file with an empty name.
func Checkstyle(w io.Writer, ds []diag.Diagnostic) error {
	type errorElem struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
	type fileElem struct {
		Name   string      `xml:"name,attr"`
		Errors []errorElem `xml:"error"`
	}
	type report struct {
		XMLName xml.Name   `xml:"checkstyle"`
		Version string     `xml:"version,attr"`
		Files   []fileElem `xml:"file"`
	}
	r := report{Version: "4.3", Files: []fileElem{}}
	index := map[string]int{}
	for _, d := range ds { // sorted by file, then position
		name, line, col := "", 0, 0
		if d.Range != nil {
			name, line, col = d.Range.Filename, d.Range.Start.Line, d.Range.Start.Column
		}
		i, ok := index[name]
		if !ok {
			i = len(r.Files)
			index[name] = i
			r.Files = append(r.Files, fileElem{Name: name})
		}
		source := "mrplan.language"
		if d.Rule != "" {
			source = "mrplan." + d.Rule
		}
		r.Files[i].Errors = append(r.Files[i].Errors, errorElem{
			Line: line, Column: col, Severity: checkstyleSeverity(d.Severity),
			Message: strings.Join(strings.Fields(message(d)), " "), Source: source,
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// checkstyleSeverity is Checkstyle's word: error, warning or info.
func checkstyleSeverity(s diag.Severity) string {
	if s == diag.Notice {
		return "info"
	}
	return s.String()
}
