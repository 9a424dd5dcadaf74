package views

import (
	"strings"
	"testing"
)

// A snippet of a long line is a window around its range, and the
// highlight offsets still point at the range inside it.
func TestSnippetWindow(t *testing.T) {
	line := strings.Repeat("é", 5000) + "BAD" + strings.Repeat("x", 5000)
	hs := strings.Index(line, "BAD")
	code, s, e := snippetWindow(line, hs, hs+3)
	if code[s:e] != "BAD" {
		t.Errorf("highlight %d..%d is %q, want BAD", s, e, code[s:e])
	}
	if len(code) > snippetRangeBytes+2*snippetContextBytes+8 {
		t.Errorf("window of %d bytes", len(code))
	}
	if !strings.HasPrefix(code, "é") || !strings.HasSuffix(code, "x") {
		t.Errorf("window not cut at rune boundaries: %q…%q", code[:4], code[len(code)-4:])
	}
	short := "name = 1"
	if c, s, e := snippetWindow(short, 0, 4); c != short || s != 0 || e != 4 {
		t.Errorf("a short line is cut: %q %d %d", c, s, e)
	}
}
