package lang

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TopBlock is one top-level block of a native-syntax file as the parser
// saw it, whatever its type: later phases name the block a position is in
// ("in service "checkout"") without parsing the file again.
type TopBlock struct {
	Type   string
	Labels []string
	Range  hcl.Range // the whole block, header to closing brace
}

// Outline is a native-syntax file's top-level blocks in source order,
// recorded while loading from the parse tree in hand. A file with syntax
// errors has the blocks the parser recovered, as parsing it again would.
type Outline struct {
	Blocks       []TopBlock
	SyntaxErrors bool
}

// outlineOf records body's top-level blocks.
func outlineOf(body *hclsyntax.Body, syntaxErrors bool) Outline {
	o := Outline{Blocks: make([]TopBlock, len(body.Blocks)), SyntaxErrors: syntaxErrors}
	for i, b := range body.Blocks {
		o.Blocks[i] = TopBlock{Type: b.Type, Labels: b.Labels, Range: b.Range()}
	}
	return o
}

// EnclosingBlock returns the top-level block of a native-syntax module file
// that holds byte offset off, as hclsyntax's ContextString finds it. ok is
// false when no block holds it or when the file has no outline (a JSON
// file, or one that is not the module's: see Module.Outline).
func (m *Module) EnclosingBlock(filename string, off int) (TopBlock, bool) {
	blocks := m.Outline[filename].Blocks
	// Blocks follow one another in the source: the only candidate is the
	// last one starting at or before off.
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].Range.Start.Byte > off }) - 1
	if i < 0 || !blocks[i].Range.ContainsOffset(off) {
		return TopBlock{}, false
	}
	return blocks[i], true
}
