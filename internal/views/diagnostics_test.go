package views

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
)

const src = "service \"checkout\" {\n\tregions = [region.us-east-1]\n}\n"

func rangeOf(line, col, endCol int) *hcl.Range {
	return &hcl.Range{
		Filename: "main.mr.hcl",
		Start:    hcl.Pos{Line: line, Column: col, Byte: 0},
		End:      hcl.Pos{Line: line, Column: endCol, Byte: 0},
	}
}

// finding is what a check reports: a rule, a subject and a fix.
var finding = diag.Diagnostic{
	Severity: diag.Notice,
	Rule:     "MR205",
	Subject:  "service.checkout",
	Summary:  "Regenerable data is replicated",
	Detail:   "Sessions can be re-issued.",
	Fix:      "Drop the replication.",
	Range:    rangeOf(2, 13, 29),
}

func TestDiagnosticsTextFinding(t *testing.T) {
	var b bytes.Buffer
	files := map[string][]byte{"main.mr.hcl": []byte(src)}
	if err := (DiagnosticsText{Files: files}).Write(&b, []diag.Diagnostic{finding}); err != nil {
		t.Fatal(err)
	}
	want := "Notice: Regenerable data is replicated (MR205)\n\n" +
		"  on main.mr.hcl line 2, in service \"checkout\":\n" +
		"  2: \tregions = [region.us-east-1]\n" +
		"     \t           ^^^^^^^^^^^^^^^^\n\n" +
		"Sessions can be re-issued.\n\nFix: Drop the replication.\n\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestDiagnosticsTextColor(t *testing.T) {
	var b bytes.Buffer
	files := map[string][]byte{"main.mr.hcl": []byte(src)}
	_ = (DiagnosticsText{Files: files, Color: true}).Write(&b, []diag.Diagnostic{finding})
	if !strings.Contains(b.String(), ansiCyan+"Notice:") || !strings.Contains(b.String(), ansiUnderline+"region.us-east-1"+ansiReset) {
		t.Errorf("no colour or underline:\n%q", b.String())
	}
}

func TestDiagnosticsTextWithoutPlace(t *testing.T) {
	var b bytes.Buffer
	d := diag.Diagnostic{Severity: diag.Error, Summary: "No module files", Detail: "Nothing to load."}
	_ = DiagnosticsText{}.Write(&b, []diag.Diagnostic{d})
	if b.String() != "Error: No module files\n\nNothing to load.\n\n" {
		t.Errorf("got %q", b.String())
	}
}

func TestDiagnosticsCompact(t *testing.T) {
	var b bytes.Buffer
	lang := diag.Diagnostic{Severity: diag.Error, Summary: "Unknown reference", Range: rangeOf(2, 13, 29),
		Detail: "There is no region named \"us-east-9\".\n\nDid you mean \"us-east-1\"?"}
	_ = DiagnosticsCompact(&b, []diag.Diagnostic{lang, finding, {Severity: diag.Warning, Summary: "Elsewhere"}})
	// The detail joins the summary, folded onto one line.
	want := "main.mr.hcl:2:13: error: Unknown reference: There is no region named \"us-east-9\". Did you mean \"us-east-1\"?\n" +
		"main.mr.hcl:2:13: notice: Regenerable data is replicated: Sessions can be re-issued. (MR205)\n" +
		"-: warning: Elsewhere\n"
	if b.String() != want {
		t.Errorf("got:\n%s", b.String())
	}
}

func TestDiagnosticsJSON(t *testing.T) {
	var b bytes.Buffer
	lang := diag.Diagnostic{Severity: diag.Error, Summary: "Unsupported mrplan version", Detail: "Needs >= 9.", Range: rangeOf(2, 13, 29)}
	_ = DiagnosticsJSON(&b, []diag.Diagnostic{lang, finding}, false)
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["format_version"] != "1" || got["valid"] != false || got["error_count"] != 1.0 || got["warning_count"] != 0.0 {
		t.Errorf("header: %v", got)
	}
	ds := got["diagnostics"].([]any)
	first, second := ds[0].(map[string]any), ds[1].(map[string]any)
	if _, has := first["rule"]; has {
		t.Error("a language error has a rule")
	}
	if _, has := first["subject"]; has {
		t.Error("a language error has a subject")
	}
	if second["rule"] != "MR205" || second["subject"] != "service.checkout" || second["severity"] != "notice" {
		t.Errorf("finding: %v", second)
	}
	r := first["range"].(map[string]any)
	if r["filename"] != "main.mr.hcl" || r["start"].(map[string]any)["column"] != 13.0 {
		t.Errorf("range: %v", r)
	}
	if !strings.Contains(b.String(), `Needs >= 9.`) {
		t.Error("HTML escaping in JSON output")
	}

	b.Reset()
	_ = DiagnosticsJSON(&b, nil, true)
	if !strings.Contains(b.String(), `"diagnostics": []`) {
		t.Errorf("no diagnostics must render as []: %s", b.String())
	}
}

func TestJSONBlockHeader(t *testing.T) {
	for in, want := range map[string]string{
		"service.checkout.regions":    `service "checkout"`,
		"service.checkout":            `service "checkout"`,
		"data[0].orders":              `data "orders"`,
		"mrplan.assumptions":          "mrplan",
		"region":                      "region",
		"":                            "",
		"service.checkout.routing[0]": `service "checkout"`,
	} {
		if got := jsonBlockHeader(in); got != want {
			t.Errorf("jsonBlockHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDiagnosticsTextBinarySource(t *testing.T) {
	var b bytes.Buffer
	files := map[string][]byte{"main.mr.hcl": []byte("\xff\x00ab\x1b[31mc\n")}
	d := diag.Diagnostic{Severity: diag.Error, Summary: "Invalid character", Range: rangeOf(1, 3, 4)}
	_ = DiagnosticsText{Files: files}.Write(&b, []diag.Diagnostic{d})
	if bytes.IndexByte(b.Bytes(), 0) >= 0 || bytes.IndexByte(b.Bytes(), 0x1b) >= 0 || !utf8.Valid(b.Bytes()) {
		t.Errorf("control or invalid bytes reached the output: %q", b.String())
	}
	if !strings.Contains(b.String(), "  1: \uFFFD\uFFFDab\uFFFD[31mc\n       ^\n") {
		t.Errorf("snippet or caret misplaced:\n%s", b.String())
	}
}

// A snippet of a long line is a window around the range, with "…" where
// it was cut, the caret under the range.
func TestDiagnosticsTextLongLineWindow(t *testing.T) {
	line := "x = [" + strings.Repeat("aaaa, ", 500) + "bad" + strings.Repeat(", bbbb", 500) + "]"
	col := strings.Index(line, "bad") + 1
	d := diag.Diagnostic{Severity: diag.Error, Summary: "Bad", Range: &hcl.Range{Filename: "m.mr.hcl",
		Start: hcl.Pos{Line: 1, Column: col}, End: hcl.Pos{Line: 1, Column: col + 3}}}
	var b bytes.Buffer
	_ = DiagnosticsText{Files: map[string][]byte{"m.mr.hcl": []byte(line + "\n")}}.Write(&b, []diag.Diagnostic{d})
	lines := strings.Split(b.String(), "\n")
	var snippet, carets string
	for i, l := range lines {
		if strings.HasPrefix(l, "  1: ") {
			snippet, carets = l, lines[i+1]
		}
	}
	if n := utf8.RuneCountInString(snippet); n > snippetWidth+10 {
		t.Errorf("snippet is %d characters: %q", n, snippet)
	}
	if !strings.HasPrefix(snippet, "  1: …") || !strings.HasSuffix(snippet, "…") {
		t.Errorf("snippet not cut on both sides: %q", snippet)
	}
	at := strings.Index(carets, "^^^")
	if r := []rune(snippet); at < 0 || string(r[at:at+3]) != "bad" {
		t.Errorf("caret not under the range:\n%s\n%s", snippet, carets)
	}
}

// ANSI escapes in a message (a name in a detail) never reach the terminal.
func TestDiagnosticsTextStripsEscapes(t *testing.T) {
	d := diag.Diagnostic{Severity: diag.Error, Summary: "Bad \x1b[2J", Detail: "Name \x1b]0;pwned\x07 and \x9b31m here\r"}
	var b bytes.Buffer
	_ = DiagnosticsText{}.Write(&b, []diag.Diagnostic{d})
	if strings.ContainsAny(b.String(), "\x1b\x07\r\u009b") {
		t.Errorf("control characters in output: %q", b.String())
	}
}
