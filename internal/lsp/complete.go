package lsp

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

var (
	// The line up to the cursor, in each case completion tells apart.
	startOfLine = regexp.MustCompile(`^\s*([A-Za-z_][\w-]*)?$`)
	labelOf     = regexp.MustCompile(`^\s*(region|provider)\s+("?)([\w.-]*)$`)
	valueOf     = regexp.MustCompile(`^\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$`)
	refTail     = regexp.MustCompile(`\b([a-z]+)\.([\w-]*)$`)
	openString  = regexp.MustCompile(`"([^"]*)$`)
	bareWord    = regexp.MustCompile(`([\w-]*)$`)
)

func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok || !lang.IsModuleFile(filepath.Base(path)) { // a variables file has no blocks to complete
		return nil, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return nil, nil
	}
	off := offsetOf(doc.text, p.Position)
	mod := s.ws.namesFor(path)
	return complete(doc.text, off, mod), nil
}

// complete lists what may be written at byte offset off of text.
func complete(text []byte, off int, mod *lang.Module) []protocol.CompletionItem {
	lineStart := off
	for lineStart > 0 && text[lineStart-1] != '\n' {
		lineStart--
	}
	path, braceAt := blockPath(text[:lineStart])
	prefix := string(text[lineStart:off])
	replace := func(partial string) protocol.Range {
		return protocol.Range{Start: positionOf(text, off-len(partial)), End: positionOf(text, off)}
	}
	if len(path) > 0 && path[len(path)-1] == "" {
		return nil // inside an object value: no schema to offer
	}
	schema, known := schemaAt(path)
	switch {
	case len(path) == 0 && labelOf.MatchString(prefix):
		m := labelOf.FindStringSubmatch(prefix)
		if m[1] == "region" {
			return regionItems(mod, replace(m[2]+m[3]))
		}
		return catalogItems(mod, replace(m[2]+m[3]))
	case startOfLine.MatchString(prefix):
		partial := startOfLine.FindStringSubmatch(prefix)[1]
		if len(path) == 0 {
			return blockItems(lang.Schema(), replace(partial))
		}
		if !known {
			return nil
		}
		set := attributesSet(text, braceAt, lineStart)
		return append(attributeItems(schema, set, replace(partial)), blockItems(schema.Blocks, replace(partial))...)
	case valueOf.MatchString(prefix):
		m := valueOf.FindStringSubmatch(prefix)
		attr, value := m[1], m[2]
		if r := refTail.FindStringSubmatch(value); r != nil {
			if k, ok := lang.ParseKind(r[1]); ok {
				return referenceItems(mod, []lang.Kind{k}, false, replace(r[2]))
			}
		}
		partial, quoted := bareWord.FindString(value), false
		if q := openString.FindStringSubmatch(value); q != nil && strings.Count(value, `"`)%2 == 1 {
			partial, quoted = q[1], true
		}
		edit := replace(partial)
		if quoted {
			edit = replace(`"` + partial)
		}
		var a lang.AttributeSchema
		if known {
			for _, x := range schema.Attributes {
				if x.Name == attr {
					a = x
				}
			}
		}
		switch {
		case len(a.Words) > 0:
			return wordItems(a.Words, edit)
		case attr == "product":
			return productItems(mod, edit)
		case attr == "code" && len(path) == 1 && path[0] == "region":
			return regionItems(mod, edit)
		case quoted:
			return nil
		}
		return referenceItems(mod, nil, true, edit)
	}
	return nil
}

// blockPath is the stack of blocks open at the end of text: ["service",
// "routing"]; "" stands for an object value's brace. braceAt is the byte
// offset of the innermost open brace.
func blockPath(text []byte) (path []string, braceAt int) {
	toks, _ := hclsyntax.LexConfig(text, "", hcl.InitialPos)
	var stack []string
	var braces []int
	var line []hclsyntax.Token
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenNewline:
			line = line[:0]
			continue
		case hclsyntax.TokenOBrace:
			typ := ""
			if len(line) > 0 && line[0].Type == hclsyntax.TokenIdent {
				typ = string(line[0].Bytes)
				for _, x := range line {
					if x.Type == hclsyntax.TokenEqual || x.Type == hclsyntax.TokenOBrace {
						typ = ""
					}
				}
			}
			stack = append(stack, typ)
			braces = append(braces, t.Range.Start.Byte)
		case hclsyntax.TokenCBrace:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
				braces = braces[:len(braces)-1]
			}
		}
		line = append(line, t)
	}
	if len(braces) == 0 {
		return stack, -1
	}
	return stack, braces[len(braces)-1]
}

// attributesSet names the attributes the block opened by the brace at
// braceAt already sets, on lines other than the one at skipLine (where the
// cursor is), so completion does not offer them again.
func attributesSet(text []byte, braceAt, skipLine int) map[string]bool {
	set := map[string]bool{}
	if braceAt < 0 {
		return set
	}
	toks, _ := hclsyntax.LexConfig(text[braceAt:], "", hcl.Pos{Line: 1, Column: 1, Byte: braceAt})
	depth := 0
	for i, t := range toks {
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen:
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen:
			depth--
			if depth == 0 {
				return set
			}
		case hclsyntax.TokenIdent:
			if depth == 1 && i+1 < len(toks) && toks[i+1].Type == hclsyntax.TokenEqual && !sameLine(text, t.Range.Start.Byte, skipLine) {
				set[string(t.Bytes)] = true
			}
		}
	}
	return set
}

// sameLine says whether offset off is on the line that starts at lineStart.
func sameLine(text []byte, off, lineStart int) bool {
	if off < lineStart {
		return false
	}
	for i := lineStart; i < off; i++ {
		if text[i] == '\n' {
			return false
		}
	}
	return true
}

// schemaAt finds the schema of the innermost block of path.
func schemaAt(path []string) (lang.BlockSchema, bool) {
	level := lang.Schema()
	var found lang.BlockSchema
	for _, typ := range path {
		ok := false
		for _, b := range level {
			if b.Type == typ {
				found, level, ok = b, b.Blocks, true
				break
			}
		}
		if !ok {
			return lang.BlockSchema{}, false
		}
	}
	return found, len(path) > 0
}

var (
	kindKeyword  = protocol.CompletionItemKindKeyword
	kindProperty = protocol.CompletionItemKindProperty
	kindEnum     = protocol.CompletionItemKindEnumMember
	kindRef      = protocol.CompletionItemKindReference
	kindValue    = protocol.CompletionItemKindValue
	snippet      = protocol.InsertTextFormatSnippet
)

func item(label string, kind *protocol.CompletionItemKind, detail, insert string, r protocol.Range, isSnippet bool) protocol.CompletionItem {
	it := protocol.CompletionItem{Label: label, Kind: kind, TextEdit: protocol.TextEdit{Range: r, NewText: insert}}
	if detail != "" {
		it.Detail = &detail
	}
	if isSnippet {
		it.InsertTextFormat = &snippet
	}
	return it
}

func blockItems(blocks []lang.BlockSchema, r protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	for _, b := range blocks {
		insert := b.Type
		for i, l := range b.Labels {
			insert += fmt.Sprintf(` "${%d:%s}"`, i+1, l)
		}
		insert += " {\n  $0\n}"
		out = append(out, item(b.Type, &kindKeyword, "block", insert, r, true))
	}
	return out
}

func attributeItems(b lang.BlockSchema, set map[string]bool, r protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	for _, a := range b.Attributes {
		if set[a.Name] {
			continue
		}
		detail := "attribute of " + b.Type
		if a.Required {
			detail = "required attribute of " + b.Type
		}
		out = append(out, item(a.Name, &kindProperty, detail, a.Name+" = ", r, false))
	}
	return out
}

func wordItems(words []string, r protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	for _, w := range words {
		out = append(out, item(w, &kindEnum, "", `"`+w+`"`, r, false))
	}
	return out
}

// referenceItems are the module's blocks of kinds (all when nil), as
// "kind.name" when whole, else the names alone (after "kind." typed).
func referenceItems(mod *lang.Module, kinds []lang.Kind, whole bool, r protocol.Range) []protocol.CompletionItem {
	if kinds == nil {
		kinds = []lang.Kind{lang.KindRegion, lang.KindObjective, lang.KindService, lang.KindData, lang.KindDependency, lang.KindAudience}
	}
	var out []protocol.CompletionItem
	for _, k := range kinds {
		for _, n := range names(mod, k) {
			label := k.String() + "." + n
			insert := n
			if whole {
				insert = label
			}
			out = append(out, item(label, &kindRef, k.String(), insert, r, false))
			if !whole {
				out[len(out)-1].FilterText = &n
			}
		}
	}
	return out
}

// catalogs are the catalogs a module draws on: those its providers name,
// or every built-in one when it names none yet.
func catalogs(mod *lang.Module) []*providers.Catalog {
	reg := providers.NewRegistry()
	if mod != nil && mod.Registry != nil {
		reg = mod.Registry
	}
	var out []*providers.Catalog
	if mod != nil {
		for _, p := range mod.Providers {
			if c, ok := reg.Catalog(p.Name); ok {
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		out = reg.Catalogs()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// regionItems are the region codes of the module's catalogs, quoted; r is
// what they replace (the partial code and its opening quote).
func regionItems(mod *lang.Module, r protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	seen := map[string]bool{}
	for _, c := range catalogs(mod) {
		for _, reg := range c.Regions {
			if seen[reg.Code] {
				continue
			}
			seen[reg.Code] = true
			out = append(out, item(reg.Code, &kindValue, fmt.Sprintf("%s: %s", c.Name, reg.Name), `"`+reg.Code+`"`, r, false))
		}
	}
	return out
}

// catalogItems are the catalogs a provider block may name.
func catalogItems(mod *lang.Module, r protocol.Range) []protocol.CompletionItem {
	reg := providers.NewRegistry()
	if mod != nil && mod.Registry != nil {
		reg = mod.Registry
	}
	var out []protocol.CompletionItem
	for _, c := range reg.Catalogs() {
		out = append(out, item(c.Name, &kindValue, c.Title, `"`+c.Name+`"`, r, false))
	}
	return out
}

func productItems(mod *lang.Module, r protocol.Range) []protocol.CompletionItem {
	var out []protocol.CompletionItem
	for _, c := range catalogs(mod) {
		for _, p := range c.Products {
			ref := c.Name + "." + p.Name
			out = append(out, item(ref, &kindValue, p.Title, `"`+ref+`"`, r, false))
		}
	}
	return out
}
