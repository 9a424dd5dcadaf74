package lsp

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/lang"
)

// symbolKinds give each block kind an icon in the editor's outline.
var symbolKinds = map[string]protocol.SymbolKind{
	"mrplan":     protocol.SymbolKindPackage,
	"provider":   protocol.SymbolKindModule,
	"region":     protocol.SymbolKindNamespace,
	"objective":  protocol.SymbolKindConstant,
	"service":    protocol.SymbolKindClass,
	"data":       protocol.SymbolKindStruct,
	"dependency": protocol.SymbolKindInterface,
	"audience":   protocol.SymbolKindEvent,
}

// documentSymbol is the outline of a native-syntax document: its
// top-level blocks, named by address, in source order.
func (s *server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok || !strings.HasSuffix(path, lang.SuffixHCL) {
		return []protocol.DocumentSymbol{}, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return []protocol.DocumentSymbol{}, nil
	}
	return symbols(doc.text, path), nil
}

func symbols(text []byte, path string) []protocol.DocumentSymbol {
	out := []protocol.DocumentSymbol{}
	f, _ := hclsyntax.ParseConfig(text, path, hcl.InitialPos)
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return out
	}
	for _, b := range body.Blocks {
		kind, ok := symbolKinds[b.Type]
		if !ok {
			kind = protocol.SymbolKindObject
		}
		name, sel := b.Type, b.TypeRange
		if len(b.Labels) > 0 {
			name = b.Type + "." + b.Labels[0]
			sel = b.LabelRanges[0]
		}
		out = append(out, protocol.DocumentSymbol{
			Name: name, Kind: kind,
			Range: rangeOf(text, b.Range()), SelectionRange: rangeOf(text, sel),
		})
	}
	return out
}

// references lists every place in the module's files that names the
// address under the cursor, and its declaration when the client asks.
func (s *server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return nil, nil
	}
	a, _, _, ok := addressAt(doc.text, offsetOf(doc.text, p.Position))
	if !ok {
		if a, _, ok = blockHeaderAt(doc.text, path, offsetOf(doc.text, p.Position)); !ok {
			return nil, nil
		}
	}
	snap := s.ws.snapshotFor(path)
	out := []protocol.Location{}
	if p.Context.IncludeDeclaration && snap.mod != nil {
		if r, ok := snap.mod.DeclRange(snap.scoped(path, a)[0]); ok {
			file := r.Filename
			out = append(out, protocol.Location{URI: uriOf(file), Range: rangeOf(snap.texts[file], r)})
		}
	}
	// A name is the module's own (a child module's service.api is not
	// the root's), but for regions, which only the root declares.
	files := make([]string, 0, len(snap.texts))
	for f := range snap.texts {
		if a.Kind == lang.KindRegion || filepath.Dir(f) == filepath.Dir(path) {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	for _, f := range files {
		text := snap.texts[f]
		for _, r := range occurrences(text, a.String(), strings.HasSuffix(f, lang.SuffixHCL)) {
			out = append(out, protocol.Location{URI: uriOf(f), Range: protocol.Range{Start: positionOf(text, r[0]), End: positionOf(text, r[1])}})
		}
	}
	return out, nil
}

// occurrences are the byte ranges where word stands whole in text (not
// inside a longer name: service.api is not in service.api-gateway), outside
// comments of a native-syntax file.
func occurrences(text []byte, word string, native bool) [][2]int {
	var comments []hcl.Range
	if native {
		toks, _ := hclsyntax.LexConfig(text, "", hcl.InitialPos)
		for _, t := range toks {
			if t.Type == hclsyntax.TokenComment {
				comments = append(comments, t.Range)
			}
		}
	}
	inComment := func(off int) bool {
		for _, c := range comments {
			if c.Start.Byte <= off && off < c.End.Byte {
				return true
			}
		}
		return false
	}
	var out [][2]int
	src := string(text)
	for i := 0; ; {
		j := strings.Index(src[i:], word)
		if j < 0 {
			return out
		}
		start, end := i+j, i+j+len(word)
		i = end
		before := start > 0 && (isNameByte(text[start-1]) || text[start-1] == '.')
		after := end < len(text) && (isNameByte(text[end]) || end+1 < len(text) && text[end] == '.' && isNameByte(text[end+1]))
		if !before && !after && !inComment(start) {
			out = append(out, [2]int{start, end})
		}
	}
}
