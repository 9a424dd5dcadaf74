package views

import (
	"bufio"
	"io"
	"regexp"
	"strings"

	"github.com/mitchellh/go-wordwrap"
)

// Markdown renders a check's doc page for a terminal: headings in bold
// (underlined when not coloured), paragraphs wrapped, code blocks indented
// and kept verbatim, `code` and **bold** marks dropped.
type Markdown struct {
	Color bool
	Width int // wrap width; 78 when zero
}

var (
	mdBold   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdCode   = regexp.MustCompile("`([^`]+)`")
	mdHeader = regexp.MustCompile(`^(#+)\s+(.*)$`)
)

// Write renders md.
func (v Markdown) Write(w io.Writer, md string) error {
	width := v.Width
	if width <= 0 {
		width = 78
	}
	bw := bufio.NewWriter(w)
	inCode := false
	var para []string
	// Blocks are separated by one blank line, written before the next
	// block rather than after each, so the page ends without one.
	sep := ""
	block := func(text string) {
		bw.WriteString(sep + text)
		sep = "\n"
	}
	flush := func() {
		if len(para) == 0 {
			return
		}
		text := strings.Join(para, " ")
		text = mdBold.ReplaceAllString(text, "$1")
		text = mdCode.ReplaceAllString(text, "$1")
		block(wordwrap.WrapString(text, uint(width)) + "\n")
		para = nil
	}
	for _, line := range strings.Split(strings.TrimRight(md, "\n"), "\n") {
		if strings.HasPrefix(line, "```") {
			flush()
			if inCode = !inCode; inCode {
				block("")
			}
			continue
		}
		if inCode {
			bw.WriteString(strings.TrimRight("    "+line, " ") + "\n")
			continue
		}
		if m := mdHeader.FindStringSubmatch(line); m != nil {
			flush()
			title := m[2]
			switch {
			case v.Color:
				block(ansiBold + title + ansiReset + "\n")
			case len(m[1]) == 1:
				block(title + "\n" + strings.Repeat("=", len([]rune(title))) + "\n")
			default:
				block(title + "\n" + strings.Repeat("-", len([]rune(title))) + "\n")
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		para = append(para, strings.TrimSpace(line))
	}
	flush()
	return bw.Flush()
}
