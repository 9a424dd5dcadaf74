package views

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
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
	Severity string       `json:"severity"`
	Rule     string       `json:"rule,omitempty"`
	Subject  string       `json:"subject,omitempty"`
	Summary  string       `json:"summary"`
	Detail   string       `json:"detail"`
	Fix      string       `json:"fix,omitempty"`
	Range    *jsonRange   `json:"range,omitempty"`
	Snippet  *jsonSnippet `json:"snippet,omitempty"`
}

// jsonSnippet is Terraform's diagnostic snippet (terraform validate -json):
// the block the range is in, the source lines it covers, and where in them
// it starts and ends, in bytes.
type jsonSnippet struct {
	Context              *string `json:"context"`
	Code                 string  `json:"code"`
	StartLine            int     `json:"start_line"`
	HighlightStartOffset int     `json:"highlight_start_offset"`
	HighlightEndOffset   int     `json:"highlight_end_offset"`
	Values               []any   `json:"values"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

// DiagnosticsJSON renders ds in the `validate -json` shape, without
// snippets. valid is the command's verdict (it depends on --min-severity),
// not derived here.
func DiagnosticsJSON(w io.Writer, ds []diag.Diagnostic, valid bool) error {
	return DiagnosticsJSONView{}.Write(w, ds, valid)
}

// DiagnosticsJSONView renders the `validate -json` shape with Terraform's
// snippet object for each diagnostic whose file is in Files; Module names
// the enclosing block.
type DiagnosticsJSONView struct {
	Files  map[string][]byte
	Module *lang.Module
}

// Write renders ds; valid is the command's verdict.
//
// The document is streamed, a chunk at a time, as the plan JSON is: byte
// for byte what encoding/json writes of jsonDiagnostics indented by two
// spaces without HTML escaping (constraints such as ">= 0.1" stay
// readable), without building it in memory first.
func (v DiagnosticsJSONView) Write(w io.Writer, ds []diag.Diagnostic, valid bool) error {
	errs, warns, _ := diag.Count(ds)
	j := newJSONWriter(w, true)
	j.beginObject()
	j.key("format_version")
	j.str(DiagnosticsFormatVersion)
	j.key("valid")
	j.bool(valid)
	j.key("error_count")
	j.int(errs)
	j.key("warning_count")
	j.int(warns)
	j.key("diagnostics")
	j.beginArray()
	for i := range ds {
		v.writeOne(j, &ds[i])
	}
	j.endArray()
	j.endObject()
	j.b = append(j.b, '\n')
	return j.flush()
}

func (v DiagnosticsJSONView) writeOne(j *jsonWriter, d *diag.Diagnostic) {
	j.beginObject()
	j.key("severity")
	j.str(d.Severity.String())
	if d.Rule != "" {
		j.key("rule")
		j.str(d.Rule)
	}
	if d.Subject != "" {
		j.key("subject")
		j.str(d.Subject)
	}
	j.key("summary")
	j.str(d.Summary)
	j.key("detail")
	j.str(d.Detail)
	if d.Fix != "" {
		j.key("fix")
		j.str(d.Fix)
	}
	if r := d.Range; r != nil && r.Filename != "" {
		j.key("range")
		j.beginObject()
		j.key("filename")
		j.str(r.Filename)
		for _, p := range []struct {
			k string
			p hcl.Pos
		}{{"start", r.Start}, {"end", r.End}} {
			j.key(p.k)
			j.beginObject()
			j.key("line")
			j.int(p.p.Line)
			j.key("column")
			j.int(p.p.Column)
			j.key("byte")
			j.int(p.p.Byte)
			j.endObject()
		}
		j.endObject()
		if s := v.snippet(*d); s != nil {
			j.key("snippet")
			j.beginObject()
			j.key("context")
			if s.Context != nil {
				j.str(*s.Context)
			} else {
				j.null()
			}
			j.key("code")
			j.str(s.Code)
			j.key("start_line")
			j.int(s.StartLine)
			j.key("highlight_start_offset")
			j.int(s.HighlightStartOffset)
			j.key("highlight_end_offset")
			j.int(s.HighlightEndOffset)
			j.key("values")
			j.beginArray()
			j.endArray()
			j.endObject()
		}
	}
	j.endObject()
}

// snippet is Terraform's snippet of d's range: the lines it covers, cut
// to a window around the range when they are long (see snippetWindow).
func (v DiagnosticsJSONView) snippet(d diag.Diagnostic) *jsonSnippet {
	src, ok := v.Files[d.Range.Filename]
	start, end := d.Range.Start.Byte, d.Range.End.Byte
	if !ok || start < 0 || end > len(src) || end < start {
		return nil
	}
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	lineEnd := end
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		lineEnd = end + i
	} else {
		lineEnd = len(src)
	}
	if end > start && src[end-1] == '\n' { // a range ending at a line's end
		lineEnd = end - 1
	}
	code := strings.TrimSuffix(string(src[lineStart:lineEnd]), "\r")
	hs, he := start-lineStart, min(end-lineStart, len(code))
	code, hs, he = snippetWindow(code, hs, he)
	s := &jsonSnippet{
		Code:                 code,
		StartLine:            d.Range.Start.Line,
		HighlightStartOffset: hs,
		HighlightEndOffset:   he,
		Values:               []any{},
	}
	if v.Module != nil {
		if b, ok := v.Module.EnclosingBlock(d.Range.Filename, start); ok {
			c := b.Type
			for _, l := range b.Labels {
				c += " " + strconv.Quote(l)
			}
			s.Context = &c
		}
	}
	return s
}

// Snippet code is cut to the highlighted range, at most snippetRangeBytes
// of it, with at most snippetContextBytes on either side, so that output
// stays linear in the input: without it, a 30 KB line with a thousand
// mistakes on it would be printed a thousand times.
const (
	snippetRangeBytes   = 240
	snippetContextBytes = 120
)

// snippetWindow cuts code around the highlight [hs, he), at rune
// boundaries, and returns the cut code with the highlight's offsets in it.
func snippetWindow(code string, hs, he int) (string, int, int) {
	hs, he = max(0, min(hs, len(code))), max(0, min(he, len(code)))
	if he < hs {
		he = hs
	}
	he = min(he, hs+snippetRangeBytes)
	from, to := max(0, hs-snippetContextBytes), min(len(code), he+snippetContextBytes)
	for from > 0 && !utf8.RuneStart(code[from]) {
		from--
	}
	for to < len(code) && !utf8.RuneStart(code[to]) {
		to++
	}
	for he < to && !utf8.RuneStart(code[he]) {
		he++
	}
	return code[from:to], hs - from, he - from
}
