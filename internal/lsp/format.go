package lsp

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/lang"
)

// formatting is mrplan fmt on the editor's text: one edit that replaces
// the whole document, none when it is formatted already or does not parse
// (its syntax errors are among the diagnostics).
func (s *server) formatting(_ *glsp.Context, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok || !strings.HasSuffix(filepath.Base(path), lang.SuffixHCL) {
		return nil, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return nil, nil
	}
	out, ok := format(doc.text, path)
	if !ok || bytes.Equal(out, doc.text) {
		return []protocol.TextEdit{}, nil
	}
	return []protocol.TextEdit{{
		Range:   protocol.Range{Start: protocol.Position{}, End: positionOf(doc.text, len(doc.text))},
		NewText: string(out),
	}}, nil
}

// format is what mrplan fmt writes: hclwrite's canonical layout, for text
// that parses.
func format(src []byte, name string) ([]byte, bool) {
	if _, diags := hclwrite.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
		return nil, false
	}
	return hclwrite.Format(src), true
}
