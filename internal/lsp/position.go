package lsp

import (
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// offsetOf is the byte offset of an LSP position (a zero-based line and a
// column in UTF-16 code units) in text; past the end of a line it is the
// line's end, past the last line the text's end.
func offsetOf(text []byte, p protocol.Position) int {
	line, off := 0, 0
	for line < int(p.Line) {
		i := indexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
		line++
	}
	units := 0
	for off < len(text) && text[off] != '\n' && units < int(p.Character) {
		r, size := utf8.DecodeRune(text[off:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		off += size
	}
	return off
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// positionOf is the LSP position of byte offset off in text.
func positionOf(text []byte, off int) protocol.Position {
	if off > len(text) {
		off = len(text)
	}
	var line, col protocol.UInteger
	for i := 0; i < off; {
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == '\n':
			line++
			col = 0
		case r >= 0x10000:
			col += 2
		default:
			col++
		}
		i += size
	}
	return protocol.Position{Line: line, Character: col}
}

// rangeOf converts an HCL range in text to an LSP range, by its byte
// offsets, which HCL keeps exact whatever the characters.
func rangeOf(text []byte, r hcl.Range) protocol.Range {
	return protocol.Range{Start: positionOf(text, r.Start.Byte), End: positionOf(text, r.End.Byte)}
}
