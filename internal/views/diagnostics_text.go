package views

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/mitchellh/go-wordwrap"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/lang"
)

// DiagnosticsText renders diagnostics for people, the way `terraform
// validate` does: a severity and summary, the place with the enclosing
// block, a source snippet with the offending range underlined, and the
// detail wrapped to Width.
type DiagnosticsText struct {
	// Files holds the source of each file by the name ranges use, for
	// snippets; a diagnostic in a file not here is shown without one.
	Files map[string][]byte
	// Module, when set, names the block around a place in one of its
	// native-syntax files from the outline recorded while loading; other
	// files are parsed for it, once per rendering.
	Module *lang.Module
	Color  bool
	Width  int // wrap width for details; 78 when zero
}

const (
	ansiReset     = "\x1b[0m"
	ansiBold      = "\x1b[1m"
	ansiUnderline = "\x1b[4m"
	ansiRed       = "\x1b[31m"
	ansiYellow    = "\x1b[33m"
	ansiCyan      = "\x1b[36m"
)

var severityTitles = map[diag.Severity]struct{ word, color string }{
	diag.Error:   {"Error", ansiRed},
	diag.Warning: {"Warning", ansiYellow},
	diag.Notice:  {"Notice", ansiCyan},
}

// Write renders ds in order, each followed by a blank line.
func (v DiagnosticsText) Write(w io.Writer, ds []diag.Diagnostic) error {
	bw := bufio.NewWriter(w)
	nav := &navigators{mod: v.Module, files: map[string]*hcl.File{}, lines: map[string][][]byte{}}
	for _, d := range ds {
		v.writeOne(bw, d, nav)
	}
	return bw.Flush()
}

func (v DiagnosticsText) writeOne(w *bufio.Writer, d diag.Diagnostic, nav *navigators) {
	title := severityTitles[d.Severity]
	if title.word == "" {
		title.word, title.color = "Error", ansiRed
	}
	head := d.Summary
	if d.Rule != "" {
		head += " (" + d.Rule + ")"
	}
	if v.Color {
		fmt.Fprintf(w, "%s%s%s:%s %s%s%s\n", ansiBold, title.color, title.word, ansiReset, ansiBold, head, ansiReset)
	} else {
		fmt.Fprintf(w, "%s: %s\n", title.word, head)
	}
	if d.Range != nil && d.Range.Filename != "" {
		fmt.Fprintln(w)
		v.writePlace(w, *d.Range, d.Subject, nav)
	}
	width := v.Width
	if width <= 0 {
		width = 78
	}
	for _, text := range []string{d.Detail, fixLine(d.Fix)} {
		if text == "" {
			continue
		}
		fmt.Fprintln(w)
		for _, para := range strings.Split(text, "\n") {
			fmt.Fprintln(w, wordwrap.WrapString(para, uint(width)))
		}
	}
	for _, r := range d.Related {
		if strings.Contains(d.Detail, fmt.Sprintf("%s:%d,", r.Filename, r.Start.Line)) {
			continue // the detail names the place already
		}
		fmt.Fprintf(w, "\n  (see also %s line %d)\n", r.Filename, r.Start.Line)
	}
	fmt.Fprintln(w)
}

func fixLine(fix string) string {
	if fix == "" {
		return ""
	}
	return "Fix: " + fix
}

// writePlace prints "on FILE line N, in BLOCK:" and the snippet.
func (v DiagnosticsText) writePlace(w *bufio.Writer, rng hcl.Range, subject string, nav *navigators) {
	src, haveSrc := v.Files[rng.Filename]
	in := ""
	if haveSrc {
		in = nav.context(rng, src)
	}
	if in == "" && subject != "" {
		in = subject
	}
	if in != "" {
		fmt.Fprintf(w, "  on %s line %d, in %s:\n", rng.Filename, rng.Start.Line, in)
	} else {
		fmt.Fprintf(w, "  on %s line %d:\n", rng.Filename, rng.Start.Line)
	}
	if !haveSrc {
		return
	}
	lines := nav.linesOf(rng.Filename, src)
	last := min(rng.End.Line, rng.Start.Line+2) // at most three lines of snippet
	if rng.End.Line > rng.Start.Line && rng.End.Column == 1 {
		last = min(last, rng.End.Line-1) // a range ending at a line's start does not cover it
	}
	numWidth := len(fmt.Sprint(last))
	for n := rng.Start.Line; n <= last && n >= 1 && n <= len(lines); n++ {
		line := strings.TrimRight(string(lines[n-1]), "\r")
		from, to := 0, len(line)
		if n == rng.Start.Line {
			from = clampColumn(rng.Start.Column, line)
		}
		if n == rng.End.Line {
			to = clampColumn(rng.End.Column, line)
		}
		if to < from {
			to = from
		}
		// Make the line safe to print only now: from and to are offsets
		// into the original.
		before, inside, after := printable(line[:from]), printable(line[from:to]), printable(line[to:])
		line = before + inside + after
		from, to = len(before), len(before)+len(inside)
		prefix := fmt.Sprintf("  %*d: ", numWidth, n)
		if v.Color {
			fmt.Fprintf(w, "%s%s%s%s%s%s\n", prefix, line[:from], ansiUnderline, line[from:to], ansiReset, line[to:])
			continue
		}
		fmt.Fprintf(w, "%s%s\n", prefix, line)
		if to > from || n == rng.Start.Line {
			// An empty range (a missing token) still gets one caret.
			pad := strings.Repeat(" ", len(prefix)) + blankOut(line[:from])
			fmt.Fprintf(w, "%s%s\n", pad, strings.Repeat("^", max(1, displayWidth(line[from:to]))))
		}
	}
}

// clampColumn turns a 1-based column (counted in characters) into a byte
// offset within line.
func clampColumn(col int, line string) int {
	off := 0
	for i := 1; i < col && off < len(line); i++ {
		_, size := utf8.DecodeRuneInString(line[off:])
		off += size
	}
	return off
}

// printable replaces invalid UTF-8 and control characters other than tab,
// one for one, so a snippet of a binary or mis-encoded file cannot upset
// the terminal.
func printable(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError || r < 0x20 && r != '\t' || r == 0x7f {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		s = s[size:]
	}
	return b.String()
}

// displayWidth counts characters.
func displayWidth(s string) int { return utf8.RuneCountInString(s) }

// blankOut replaces each character of s by a space but keeps tabs, so a
// caret line lines up under a snippet line that has tabs.
func blankOut(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// navigators finds the enclosing block of a position and the lines of a
// snippet, parsing and splitting each file at most once per rendering.
type navigators struct {
	mod   *lang.Module         // nil when rendering without one
	files map[string]*hcl.File // by file name; nil for a file of neither syntax
	lines map[string][][]byte  // by file name
}

// linesOf is src, the source of filename, split into lines.
func (n *navigators) linesOf(filename string, src []byte) [][]byte {
	lines, seen := n.lines[filename]
	if !seen {
		lines = bytes.Split(src, []byte("\n"))
		n.lines[filename] = lines
	}
	return lines
}

func (n *navigators) context(rng hcl.Range, src []byte) string {
	if n.mod != nil {
		if _, ok := n.mod.Outline[rng.Filename]; ok {
			b, ok := n.mod.EnclosingBlock(rng.Filename, rng.Start.Byte)
			if !ok {
				return ""
			}
			return blockHeader(b)
		}
	}
	f, seen := n.files[rng.Filename]
	if !seen {
		switch {
		case strings.HasSuffix(rng.Filename, ".hcl"):
			f, _ = hclsyntax.ParseConfig(src, rng.Filename, hcl.InitialPos)
		case strings.HasSuffix(rng.Filename, ".json"):
			f, _ = hcljson.Parse(src, rng.Filename) // a path such as service.checkout.regions
		}
		n.files[rng.Filename] = f
	}
	if f == nil {
		return ""
	}
	type contextStringer interface{ ContextString(offset int) string }
	cs, ok := f.Nav.(contextStringer)
	if !ok {
		return ""
	}
	ctx := cs.ContextString(rng.Start.Byte)
	if strings.HasSuffix(rng.Filename, ".json") {
		ctx = jsonBlockHeader(ctx)
	}
	return ctx
}

// blockHeader is a native-syntax block's header as hclsyntax's
// ContextString writes it: the type and each label quoted.
func blockHeader(b lang.TopBlock) string {
	var sb strings.Builder
	sb.WriteString(b.Type)
	for _, l := range b.Labels {
		sb.WriteByte(' ')
		sb.WriteString(strconv.Quote(l))
	}
	return sb.String()
}

// jsonBlockHeader turns the JSON parser's path to a position,
// "service.checkout.regions", into the block header the native syntax
// would show, `service "checkout"`.
func jsonBlockHeader(path string) string {
	steps := strings.Split(path, ".")
	for i, step := range steps {
		if j := strings.IndexByte(step, '['); j >= 0 {
			steps[i] = step[:j]
		}
	}
	if len(steps) < 2 || steps[0] == "mrplan" {
		return steps[0]
	}
	return fmt.Sprintf("%s %q", steps[0], steps[1])
}
