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

	"github.com/mrplan/mrplan/diag"
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
	// Repeats is how many diagnostics of one kind (severity, summary and
	// rule) are shown in full per block; the rest are counted in one line,
	// "(and 15,999 more ...)". DefaultRepeats when zero; negative shows all.
	Repeats int
}

// DefaultRepeats is how many diagnostics of one kind a block shows in full.
const DefaultRepeats = 5

// ListShown is how many names of a detail's long list (diag.List) text
// output shows before it counts the rest: MR101 names every service that
// goes down with a dependency, which is thousands in a large module, 110 KB
// of detail for one finding at 50,000 services. JSON keeps the list whole.
const ListShown = 10

// snippetWidth is how many characters of a source line a snippet shows at
// most: the underlined range (itself cut to half of it) and what surrounds
// it, with "…" where the line was cut. A minified file's one long line
// then costs a snippet of this size per diagnostic, not the whole line.
const snippetWidth = 100

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
//
// Diagnostics of one kind in one block past the first Repeats are not
// shown one by one: the last one shown is followed by a line that counts
// them. Without that, a list of 16,000 duplicate references prints 16,000
// warnings; with it, the output stays a few screens whatever the input.
func (v DiagnosticsText) Write(w io.Writer, ds []diag.Diagnostic) error {
	bw := bufio.NewWriter(w)
	nav := &navigators{mod: v.Module, files: map[string]*hcl.File{}, lines: map[string][][]byte{}}
	limit := v.Repeats
	if limit == 0 {
		limit = DefaultRepeats
	}
	var keys []repeatKey
	total := map[repeatKey]int{}
	if limit > 0 {
		keys = make([]repeatKey, len(ds))
		for i, d := range ds {
			keys[i] = v.repeatKeyOf(d, nav)
			total[keys[i]]++
		}
	}
	shown := map[repeatKey]int{}
	for i, d := range ds {
		if limit < 0 {
			v.writeOne(bw, d, nav)
			continue
		}
		k := keys[i]
		shown[k]++
		switch n := shown[k]; {
		case n < limit || total[k] <= limit:
			v.writeOne(bw, d, nav)
		case n == limit:
			v.writeOne(bw, d, nav)
			fmt.Fprintf(bw, "(and %s more %q %s%s, not shown)\n\n", groupThousands(total[k]-limit), sanitize(d.Summary), pluralSeverity(d.Severity), k.where())
		}
	}
	return bw.Flush()
}

// repeatKey is a kind of diagnostic in one block: what Write counts to
// fold repeats.
type repeatKey struct {
	severity diag.Severity
	summary  string
	rule     string
	file     string
	block    string // the enclosing block's header, or the finding's subject
}

func (k repeatKey) where() string {
	switch {
	case k.block != "" && k.file != "":
		return " in " + sanitize(k.block) + " (" + sanitize(k.file) + ")"
	case k.block != "":
		return " in " + sanitize(k.block)
	case k.file != "":
		return " in " + sanitize(k.file)
	}
	return ""
}

func (v DiagnosticsText) repeatKeyOf(d diag.Diagnostic, nav *navigators) repeatKey {
	k := repeatKey{severity: d.Severity, summary: d.Summary, rule: d.Rule, block: d.Subject}
	if d.Range != nil {
		k.file = d.Range.Filename
		if src, ok := v.Files[d.Range.Filename]; ok && k.block == "" {
			k.block = nav.context(*d.Range, src)
		}
	}
	return k
}

func pluralSeverity(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "warnings"
	case diag.Notice:
		return "notices"
	}
	return "errors"
}

// groupThousands writes n with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (v DiagnosticsText) writeOne(w *bufio.Writer, d diag.Diagnostic, nav *navigators) {
	title := severityTitles[d.Severity]
	if title.word == "" {
		title.word, title.color = "Error", ansiRed
	}
	head := sanitize(d.Summary)
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
	for _, text := range []string{d.ShortDetail(ListShown), fixLine(d.Fix)} {
		if text == "" {
			continue
		}
		w.WriteByte('\n')
		for {
			para, rest, more := strings.Cut(text, "\n")
			wrapTo(w, sanitize(para), width)
			w.WriteByte('\n')
			if !more {
				break
			}
			text = rest
		}
	}
	for _, r := range d.Related {
		if strings.Contains(d.Detail, fmt.Sprintf("%s:%d,", r.Filename, r.Start.Line)) {
			continue // the detail names the place already
		}
		fmt.Fprintf(w, "\n  (see also %s line %d)\n", sanitize(r.Filename), r.Start.Line)
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
		fmt.Fprintf(w, "  on %s line %d, in %s:\n", sanitize(rng.Filename), rng.Start.Line, sanitize(in))
	} else {
		fmt.Fprintf(w, "  on %s line %d:\n", sanitize(rng.Filename), rng.Start.Line)
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
		before, inside, after := window(printable(line[:from]), printable(line[from:to]), printable(line[to:]), snippetWidth)
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
		if r == utf8.RuneError || r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		s = s[size:]
	}
	return b.String()
}

// window cuts a snippet line, split into what comes before the
// underlined range, the range and what comes after, to about width
// characters: the range to half of width at most, then as much context
// on each side as is left, with "…" wherever something was cut.
func window(before, inside, after string, width int) (string, string, string) {
	nb, ni, na := displayWidth(before), displayWidth(inside), displayWidth(after)
	if nb+ni+na <= width {
		return before, inside, after
	}
	if ni > width/2 {
		inside = firstRunes(inside, width/2-1) + "…"
		ni = width / 2
	}
	room := width - ni
	left := min(nb, room/2)
	right := min(na, room-left)
	left = min(nb, room-right) // what the right side does not need
	if left < nb {
		before = "…" + lastRunes(before, max(0, left-1))
	}
	if right < na {
		after = firstRunes(after, max(0, right-1)) + "…"
	}
	return before, inside, after
}

func firstRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func lastRunes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	count := utf8.RuneCountInString(s)
	if count <= n {
		return s
	}
	return s[len(firstRunes(s, count-n)):]
}

// sanitize makes a message safe for a terminal: control characters other
// than newline and tab (an ESC that starts a colour or cursor sequence, a
// carriage return that overwrites the line) become U+FFFD. A name or
// description can carry them into a summary or detail.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
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
