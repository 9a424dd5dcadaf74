package checks

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

// ignorePrefix starts an inline suppression comment:
//
//	# mrplan-ignore: MR101, MR102 until=2027-03-31 -- reason text
const ignorePrefix = "mrplan-ignore:"

// ignore is one parsed suppression comment and the block it covers.
type ignore struct {
	checks []string // IDs
	until  *time.Time
	reason string
	rng    hcl.Range // the comment
	block  hcl.Range // the whole block it silences; zero when it is on none
	used   bool
}

// readIgnores finds the suppression comments of one HCL file and ties each
// to the top-level block that starts on the comment's line or the next one.
// Malformed comments are reported and dropped.
//
// The comments come from the tokens; the file is parsed for its blocks only
// once it holds an ignore to tie, since most files hold none.
func readIgnores(mod *lang.Module, filename string, src []byte) ([]*ignore, []diag.Diagnostic) {
	if !mentionsIgnore(src) {
		return nil, nil // no comment can be an ignore, or look like one
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var blocks []hcl.Range
	parsed := false
	var out []*ignore
	var diags []diag.Diagnostic
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		text := strings.TrimSpace(string(tok.Bytes))
		switch {
		case strings.HasPrefix(text, "#"):
			text = text[1:]
		case strings.HasPrefix(text, "//"):
			text = text[2:]
		default: // /* */ comments carry no ignores
			continue
		}
		text = strings.TrimSpace(text)
		if !strings.HasPrefix(text, ignorePrefix) {
			if nearIgnore.MatchString(text) {
				r := commentRange(tok)
				diags = append(diags, malformedIgnore(text, r))
			}
			continue
		}
		rng := commentRange(tok)
		ig, d := parseIgnore(strings.TrimPrefix(text, ignorePrefix), rng)
		diags = append(diags, d...)
		if ig == nil {
			continue
		}
		if !parsed {
			blocks, parsed = topLevelBlocks(mod, filename, src), true
		}
		for _, b := range blocks {
			if b.Start.Line == rng.Start.Line || b.Start.Line == rng.Start.Line+1 {
				ig.block = b
				break
			}
		}
		out = append(out, ig)
	}
	return out, diags
}

// mentionsIgnore reports whether src holds "ignore" in any case, as every
// ignore and every comment nearIgnore matches does. (The letters of
// "ignore" fold only to their ASCII pairs, so ASCII folding is exact.)
//
// Candidates are found by their "g", with bytes.IndexByte: a module's
// text has few, and the search runs many bytes at a time.
func mentionsIgnore(src []byte) bool {
	const word = "ignore"
	for _, g := range []byte{'g', 'G'} {
		for off := 1; off < len(src); {
			j := bytes.IndexByte(src[off:], g)
			if j < 0 {
				break
			}
			p := off + j // src[p-1:] may start the word
			if p+len(word)-1 <= len(src) && bytes.EqualFold(src[p-1:p-1+len(word)], []byte(word)) {
				return true
			}
			off = p + 1
		}
	}
	return false
}

// topLevelBlocks is the range of each top-level block of the file, none
// when it does not parse. A module file's come from the outline recorded
// while loading it; only other files (manifests) are parsed here.
func topLevelBlocks(mod *lang.Module, filename string, src []byte) []hcl.Range {
	var o lang.Outline
	ok := false
	if mod != nil {
		o, ok = mod.Outline[filename]
	}
	if ok {
		if o.SyntaxErrors {
			return nil
		}
		blocks := make([]hcl.Range, len(o.Blocks))
		for i, b := range o.Blocks {
			blocks[i] = b.Range
		}
		return blocks
	}
	f, d := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if d.HasErrors() {
		return nil
	}
	var blocks []hcl.Range
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		blocks = append(blocks, b.Range())
	}
	return blocks
}

// commentRange is the comment without the newline a line comment ends with.
func commentRange(tok hclsyntax.Token) hcl.Range {
	r := tok.Range
	text := string(tok.Bytes)
	trimmed := strings.TrimRight(text, "\r\n")
	if len(trimmed) < len(text) {
		r.End = hcl.Pos{Line: r.Start.Line, Column: r.Start.Column + len([]rune(trimmed)), Byte: r.Start.Byte + len(trimmed)}
	}
	return r
}

// nearIgnore matches a comment that is meant as an ignore but misses the
// exact prefix: "mrplan-ignore MR101", "mrplan_ignore:", "MRPLAN-IGNORE:",
// "mrplan-ignore = MR101". Prose such as "mrplan-ignored" does not match.
var nearIgnore = regexp.MustCompile(`(?i)^mrplan[-_ ]?ignore\b`)

// malformedIgnore reports a comment that looks like an ignore but is not
// one, so it would silently silence nothing.
func malformedIgnore(text string, rng hcl.Range) diag.Diagnostic {
	rest := strings.TrimLeft(nearIgnore.ReplaceAllString(text, ""), " \t:=")
	fix := "# " + ignorePrefix + " " + rest
	if strings.TrimSpace(rest) == "" {
		fix = "# " + ignorePrefix + " MR101 -- reason"
	}
	return diag.Diagnostic{
		Severity: diag.Error,
		Summary:  "Malformed ignore",
		Detail: fmt.Sprintf("This comment starts like an ignore but is not one, so it silences nothing. Did you mean %q? "+
			`An ignore is written "# mrplan-ignore: MR101, MR102 until=2027-03-31 -- reason": the exact prefix "mrplan-ignore:", the checks, an optional expiry, and after " -- " why the checks do not apply.`,
			fix),
		Range: &rng,
	}
}

// parseIgnore reads what follows "mrplan-ignore:".
func parseIgnore(text string, rng hcl.Range) (*ignore, []diag.Diagnostic) {
	bad := func(summary, detail string) []diag.Diagnostic {
		r := rng
		return []diag.Diagnostic{{Severity: diag.Error, Summary: summary, Detail: detail, Range: &r}}
	}
	head, reason, _ := strings.Cut(text, "--")
	ig := &ignore{reason: strings.TrimSpace(reason), rng: rng}
	for _, word := range strings.FieldsFunc(head, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if date, ok := strings.CutPrefix(word, "until="); ok {
			t, err := time.Parse(time.DateOnly, date)
			if err != nil {
				return nil, bad("Invalid ignore expiry", fmt.Sprintf("The expiry %q is not a date: write until=YYYY-MM-DD.", date))
			}
			ig.until = &t
			continue
		}
		ch := Lookup(word)
		if ch == nil {
			d := unknownCheck(word, rng)
			return nil, []diag.Diagnostic{d}
		}
		ig.checks = append(ig.checks, ch.Info().ID)
	}
	if len(ig.checks) == 0 {
		return nil, bad("Ignore names no check", `Name the checks to silence: "# mrplan-ignore: MR101 -- reason".`)
	}
	if ig.reason == "" {
		return nil, bad("Ignore without a reason",
			fmt.Sprintf(`Say why %s does not apply after " -- ", for the next reviewer: "# mrplan-ignore: %s -- reason".`,
				strings.Join(ig.checks, ", "), strings.Join(ig.checks, ", ")))
	}
	return ig, nil
}

// covers reports whether the ignore silences finding d, whose subject block
// is declared where declOf says (asked only when the finding's own range is
// not in the block).
func (ig *ignore) covers(d diag.Diagnostic, declOf func(subject string) *hcl.Range) bool {
	if ig.block.Filename == "" || !slices.Contains(ig.checks, d.Rule) {
		return false
	}
	return within(d.Range, ig.block) || within(declOf(d.Subject), ig.block)
}

func within(r *hcl.Range, block hcl.Range) bool {
	return r != nil && r.Filename == block.Filename &&
		r.Start.Byte >= block.Start.Byte && r.Start.Byte < block.End.Byte
}

// expired reports whether the ignore's expiry has passed: it holds through
// the day it names.
func (ig *ignore) expired(today time.Time) bool {
	return ig.until != nil && today.After(ig.until.Add(24*time.Hour-time.Nanosecond))
}

// applyIgnores drops the findings an ignore covers and reports the ignores
// that silenced nothing or have expired, as notices.
//
// An ignore is judged unused only when report says so for it: when every
// check it names ran, over the file it is in.
func applyIgnores(findings []diag.Diagnostic, ignores []*ignore, today time.Time,
	declOf func(subject string) *hcl.Range, report func(*ignore) bool) []diag.Diagnostic {
	if len(ignores) == 0 {
		return findings
	}
	out := findings[:0]
	for _, f := range findings {
		silenced := false
		for _, ig := range ignores {
			if !ig.expired(today) && ig.covers(f, declOf) {
				ig.used, silenced = true, true
			}
		}
		if !silenced {
			out = append(out, f)
		}
	}
	for _, ig := range ignores {
		r := ig.rng
		ids := strings.Join(ig.checks, ", ")
		switch {
		case ig.expired(today):
			out = append(out, diag.Diagnostic{
				Severity: diag.Notice,
				Summary:  "Expired ignore",
				Detail: fmt.Sprintf("This ignore of %s expired on %s, so it silences nothing any more. Fix what it hid, or renew it with a new date and reason.",
					ids, ig.until.Format(time.DateOnly)),
				Range: &r,
			})
		case !report(ig):
		case ig.block.Filename == "":
			out = append(out, diag.Diagnostic{
				Severity: diag.Notice,
				Summary:  "Ignore on no block",
				Detail:   fmt.Sprintf("This ignore of %s is neither on a block's first line nor on the line above one, so it silences nothing.", ids),
				Range:    &r,
			})
		case !ig.used:
			out = append(out, diag.Diagnostic{
				Severity: diag.Notice,
				Summary:  "Unused ignore",
				Detail:   fmt.Sprintf("No %s finding is reported for this block, so the ignore silences nothing. Remove it.", ids),
				Range:    &r,
			})
		}
	}
	return out
}
