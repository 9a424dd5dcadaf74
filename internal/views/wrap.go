package views

import (
	"bufio"
	"unicode"
	"unicode/utf8"
)

// wrapTo writes s to w word-wrapped at lim characters, exactly as
// go-wordwrap's WrapString wraps it (lines break at white space other than
// a no-break space; a word longer than lim stays whole; each byte of
// invalid UTF-8 becomes U+FFFD), but straight from s into w: words and
// the spaces before them are slices of s, never copied into buffers of
// their own. Text rendering wraps every detail, so this is most of what
// printing a finding costs.
func wrapTo(w *bufio.Writer, s string, lim int) {
	s = jsonText(s) // invalid UTF-8 as WrapString's runes write it
	current := 0
	// The pending spaces and the word after them, as slices of s with
	// their lengths in characters.
	ss, se, spaceLen := 0, 0, 0
	ws, we, wordLen := 0, 0, 0
	flush := func() {
		w.WriteString(s[ss:se])
		w.WriteString(s[ws:we])
		spaceLen, wordLen = 0, 0
		ss, se, ws, we = 0, 0, 0, 0
	}
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c == '\n':
			if wordLen == 0 {
				if current+spaceLen <= lim {
					w.WriteString(s[ss:se])
				}
				spaceLen, ss, se = 0, 0, 0
			} else {
				flush()
			}
			w.WriteByte('\n')
			current = 0
		case isWrapSpace(c):
			if spaceLen == 0 || wordLen > 0 {
				current += spaceLen + wordLen
				flush()
			}
			if spaceLen == 0 {
				ss = i
			}
			se = i + size
			spaceLen++
		default:
			if wordLen == 0 {
				ws = i
			}
			we = i + size
			wordLen++
			if current+wordLen+spaceLen > lim && wordLen < lim {
				w.WriteByte('\n')
				current = 0
				spaceLen, ss, se = 0, 0, 0
			}
		}
		i += size
	}
	if wordLen == 0 {
		if current+spaceLen <= lim {
			w.WriteString(s[ss:se])
		}
		return
	}
	flush()
}

// isWrapSpace is where WrapString may break a line: white space other
// than a no-break space.
func isWrapSpace(c rune) bool {
	if c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r'
	}
	return c != 0xA0 && unicode.IsSpace(c)
}
