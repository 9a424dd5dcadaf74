package lsp

import (
	"path/filepath"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestSymbols(t *testing.T) {
	got := symbols([]byte(broken), "main.mr.hcl")
	want := []struct {
		name string
		kind protocol.SymbolKind
		line uint32
	}{
		{"provider.aws", protocol.SymbolKindModule, 0},
		{"region.us-east-1", protocol.SymbolKindNamespace, 2},
		{"region.eu-west-1", protocol.SymbolKindNamespace, 3},
		{"service.checkout", protocol.SymbolKindClass, 5},
		{"data.orders", protocol.SymbolKindStruct, 11},
	}
	if len(got) != len(want) {
		t.Fatalf("symbols: %s", js(got))
	}
	for i, w := range want {
		if got[i].Name != w.name || got[i].Kind != w.kind || got[i].Range.Start.Line != w.line || got[i].SelectionRange.Start.Line != w.line {
			t.Errorf("symbol %d: %s, want %+v", i, js(got[i]), w)
		}
	}
}

func TestOccurrences(t *testing.T) {
	text := []byte("a = service.api\nb = [service.api-gateway, service.api]\n# service.api in a comment\nc = service.api.x\n")
	got := occurrences(text, "service.api", true)
	if len(got) != 2 || string(text[got[0][0]:got[0][1]]) != "service.api" || got[1][0] != 42 {
		t.Errorf("occurrences: %v", got)
	}
}

// TestReferences: every use of data.orders in the module, and its
// declaration on request.
func TestReferences(t *testing.T) {
	c := startClient(t)
	var init protocol.InitializeResult
	c.call("initialize", protocol.InitializeParams{}, &init)
	path, _ := filepath.Abs(filepath.Join("testdata", "shop", "main.mr.hcl"))
	uri := uriOf(path)
	text := []byte(mustRead(t, path))
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "mrplan", Version: 1, Text: string(text)}})
	var locs []protocol.Location
	// On the data block's header.
	c.call("textDocument/references", protocol.ReferenceParams{
		TextDocumentPositionParams: at(uri, 18, 8),
		Context:                    protocol.ReferenceContext{IncludeDeclaration: true},
	}, &locs)
	if len(locs) != 2 || locs[0].Range.Start.Line != 18 || locs[1].Range.Start.Line != 15 {
		t.Errorf("references of data.orders: %s", js(locs))
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	<-c.code
}
