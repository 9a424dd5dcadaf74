package lsp

import (
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// TestPositions: LSP columns count UTF-16 code units, so a character
// outside the BMP counts two and an accented letter one, whatever its
// bytes.
func TestPositions(t *testing.T) {
	text := []byte("# café 🌍\nservice \"x\" {}\n")
	for _, c := range []struct {
		off  int
		line uint32
		char uint32
	}{
		{0, 0, 0},
		{len("# caf"), 0, 5},
		{len("# café "), 0, 7},
		{len("# café 🌍"), 0, 9},
		{len("# café 🌍\n"), 1, 0},
		{len("# café 🌍\nservice"), 1, 7},
	} {
		p := positionOf(text, c.off)
		if p.Line != c.line || p.Character != c.char {
			t.Errorf("positionOf(%d) = %d:%d, want %d:%d", c.off, p.Line, p.Character, c.line, c.char)
		}
		if off := offsetOf(text, protocol.Position{Line: c.line, Character: c.char}); off != c.off {
			t.Errorf("offsetOf(%d:%d) = %d, want %d", c.line, c.char, off, c.off)
		}
	}
	// Past the end of a line: the line's end; past the last line: the end.
	if off := offsetOf(text, protocol.Position{Line: 0, Character: 99}); off != len("# café 🌍") {
		t.Errorf("past the line's end: %d", off)
	}
	if off := offsetOf(text, protocol.Position{Line: 9, Character: 0}); off != len(text) {
		t.Errorf("past the last line: %d", off)
	}
}
