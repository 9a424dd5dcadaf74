package views

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// JUnit renders diagnostics as a JUnit XML report, for CI systems that show
// test results: one testsuite; for each check that ran, a passing testcase
// when it found nothing, else one testcase per subject it found something
// about; and one testcase per file for diagnostics without a check ID.
// Diagnostics at or above MinSeverity are failures; the rest are reported
// in the testcase's output, so a notice never turns a build red.
type JUnit struct {
	Suite       string // "mrplan validate"
	Rules       []Rule // the checks that ran, in catalog order
	MinSeverity diag.Severity
	// ChecksSkipped says language errors stopped the run before the checks:
	// each check is then a skipped testcase, not a passing one.
	ChecksSkipped bool
}

type junitSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Name     string     `xml:"name,attr"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Suites   []junitSet `xml:"testsuite"`
}

type junitSet struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut *junitOutput  `xml:"system-out,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitOutput struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// Write renders ds (sorted as diag.Sort sorts them).
func (v JUnit) Write(w io.Writer, ds []diag.Diagnostic) error {
	type key struct{ rule, subject string }
	groups := map[key][]diag.Diagnostic{}
	var order []key
	for _, d := range ds {
		k := key{d.Rule, d.Subject}
		if d.Rule == "" {
			k.subject = "-"
			if d.Range != nil && d.Range.Filename != "" {
				k.subject = d.Range.Filename
			}
		}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], d)
	}
	set := junitSet{Name: v.Suite}
	add := func(c junitCase) {
		set.Cases = append(set.Cases, c)
		if c.Failure != nil {
			set.Failures++
		}
		if c.Skipped != nil {
			set.Skipped++
		}
	}
	// Language problems first, then the checks in catalog order.
	for _, k := range order {
		if k.rule == "" {
			add(v.testcase(LanguageRule.ID, k.subject, groups[k]))
		}
	}
	for _, r := range v.Rules {
		found := false
		for _, k := range order {
			if k.rule == r.ID {
				found = true
				add(v.testcase(r.ID+" "+r.Name, k.subject, groups[k]))
			}
		}
		switch {
		case found:
		case v.ChecksSkipped:
			add(junitCase{ClassName: r.ID + " " + r.Name, Name: "not run",
				Skipped: &junitSkipped{Message: "language errors stopped the run before the checks; fix them and run again"}})
		default:
			add(junitCase{ClassName: r.ID + " " + r.Name, Name: "no findings"})
		}
	}
	set.Tests = len(set.Cases)
	doc := junitSuites{Name: "mrplan", Tests: set.Tests, Failures: set.Failures, Suites: []junitSet{set}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (v JUnit) testcase(class, name string, ds []diag.Diagnostic) junitCase {
	c := junitCase{ClassName: xmlText(class), Name: xmlText(name)}
	if r := ds[0].Range; r != nil && r.Filename != "" {
		c.File, c.Line = xmlText(flatText(r.Filename)), r.Start.Line
	}
	var failing, quiet []string
	worst := diag.Severity(0)
	for _, d := range ds {
		text := place(d) + message(d)
		if d.Fix != "" {
			text += "\nFix: " + d.Fix
		}
		if d.Severity >= v.MinSeverity {
			failing = append(failing, text)
			worst = max(worst, d.Severity)
		} else {
			quiet = append(quiet, d.Severity.String()+": "+text)
		}
	}
	if len(failing) > 0 {
		msg := ds[0].Summary
		if len(failing) > 1 {
			what := "findings"
			if ds[0].Rule == "" {
				what = "problems"
			}
			msg = fmt.Sprintf("%s (%d %s)", msg, len(failing), what)
		}
		c.Failure = &junitFailure{Message: xmlText(msg), Type: worst.String(), Text: xmlText(strings.Join(failing, "\n\n"))}
	}
	if len(quiet) > 0 {
		c.SystemOut = &junitOutput{xmlText(strings.Join(quiet, "\n\n"))}
	}
	return c
}

// place is "file:line:col: " for a diagnostic with a range, else "".
func place(d diag.Diagnostic) string {
	if d.Range == nil || d.Range.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d: ", flatText(d.Range.Filename), d.Range.Start.Line, d.Range.Start.Column)
}
