package views

import (
	"strings"
	"unicode/utf8"
)

// Module text (a description, a city, a file name) reaches every view,
// and a module may come from a pull request. These helpers take what no
// format should carry out of it, before each format's own escaping.

// isControl says whether r is a C0 or C1 control character or DEL:
// never meant in module text, and the start of terminal escapes.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }

// flatText is s for a place that holds one line (a label, a table cell,
// an attribute): newlines and tabs become spaces, other control
// characters U+FFFD.
func flatText(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case isControl(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlText is s with what XML 1.0 cannot hold (control characters but tab,
// newline and carriage return, and the non-characters U+FFFE and U+FFFF)
// as U+FFFD: encoding/xml writes CDATA as it is, and a parser refuses a
// report with an ESC in it.
func xmlText(s string) string {
	bad := func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0xfffe || r == 0xffff
	}
	if !strings.ContainsFunc(s, bad) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}
