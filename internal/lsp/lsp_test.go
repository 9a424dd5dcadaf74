package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// client is an editor's end of the protocol, over pipes to Serve.
type client struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	diags chan published
	code  chan int
}

// published is publishDiagnostics as the client reads it: glsp's
// IntegerOrString cannot be decoded (its UnmarshalJSON has a value
// receiver), so the code is read as the string the server sends.
type published struct {
	URI         string           `json:"uri"`
	Version     *int             `json:"version"`
	Diagnostics []wireDiagnostic `json:"diagnostics"`
}

type pipeRWC struct {
	io.Reader
	io.WriteCloser
}

type wireDiagnostic struct {
	Range           protocol.Range               `json:"range"`
	Severity        *protocol.DiagnosticSeverity `json:"severity"`
	Code            string                       `json:"code"`
	CodeDescription *protocol.CodeDescription    `json:"codeDescription"`
	Source          string                       `json:"source"`
	Message         string                       `json:"message"`
}

func startClient(t *testing.T) *client {
	t.Helper()
	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	c := &client{t: t, diags: make(chan published, 64), code: make(chan int, 1)}
	go func() {
		c.code <- Serve(context.Background(), c2sR, s2cW, Options{Today: func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) }})
		s2cW.Close()
	}()
	handler := jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == protocol.ServerTextDocumentPublishDiagnostics && req.Params != nil {
			var p published
			if err := json.Unmarshal(*req.Params, &p); err == nil {
				c.diags <- p
			}
		}
		return nil, nil
	})
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(pipeRWC{s2cR, c2sW}, jsonrpc2.VSCodeObjectCodec{}), handler)
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// diagnosticsFor waits for the diagnostics of uri at version.
func (c *client) diagnosticsFor(uri string, version int) []wireDiagnostic {
	c.t.Helper()
	deadline := time.After(30 * time.Second) // a hung server, not a timing assertion
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && p.Version != nil && int(*p.Version) == version {
				return p.Diagnostics
			}
		case <-deadline:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

const broken = `provider "aws" {}

region "us-east-1" {}
region "eu-west-1" {}

service "checkout" {
  criticality = "core"
  regions     = [region.us-east-1, region.eu-west1]
  writes      = [data.orders]
}

data "orders" {
  owner          = service.checkout
  product        = "aws.aurora-postgresql"
  loss_tolerance = "1m"
}
`

// TestProtocol speaks to the server as an editor does: initialize, open a
// file with an error, fix it, hover, go to a definition, complete, format,
// shut down and exit.
func TestProtocol(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "main.mr.hcl")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := uriOf(path)
	c := startClient(t)

	var init protocol.InitializeResult
	c.call("initialize", protocol.InitializeParams{RootURI: strPtr(uriOf(dir))}, &init)
	if init.ServerInfo == nil || init.ServerInfo.Name != "mrplan" || init.Capabilities.HoverProvider != true {
		t.Fatalf("initialize: %+v", init)
	}
	c.notify("initialized", protocol.InitializedParams{})

	// didOpen with an error: the unknown region, where it is written.
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "mrplan", Version: 1, Text: broken}})
	ds := c.diagnosticsFor(uri, 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, `Did you mean "region.eu-west-1"?`) ||
		ds[0].Range.Start.Line != 7 || ds[0].Range.Start.Character != 35 || *ds[0].Severity != protocol.DiagnosticSeverityError {
		t.Fatalf("diagnostics on open: %s", js(ds))
	}

	// didChange that fixes it: the language error is gone; the checks ran,
	// their findings carry the rule ID and its page.
	fixed := strings.Replace(broken, "region.eu-west1", "region.eu-west-1", 1)
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 2},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: fixed}},
	})
	ds = c.diagnosticsFor(uri, 2)
	found := false
	for _, d := range ds {
		if strings.Contains(d.Message, "Unknown reference") {
			t.Errorf("the fixed error is still reported: %s", d.Message)
		}
		if d.Code == "MR301" && d.Source == "mrplan" && d.CodeDescription != nil && strings.HasSuffix(string(d.CodeDescription.HRef), "/docs/checks/MR301.md") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no MR301 finding with its page after the fix: %s", js(ds))
	}

	// Hover on the service block: its planned decisions with reasons.
	var hover protocol.Hover
	c.call("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: at(uri, 5, 10)}, &hover)
	text := hoverText(t, hover)
	for _, want := range []string{"**service.checkout**", "| tier | 0 | criticality = core |", "| topology |", "| write mode |", "| RPO |",
		"Findings:\n", "- error MR301: Split-brain risk"} {
		if !strings.Contains(text, want) {
			t.Errorf("hover on the service lacks %q:\n%s", want, text)
		}
	}
	// Hover on a reference: what it names.
	c.call("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: at(uri, 7, 22)}, &hover)
	if text := hoverText(t, hover); !strings.Contains(text, "**region.us-east-1** — declared in main.mr.hcl line 3") || !strings.Contains(text, "Virginia") {
		t.Errorf("hover on region.us-east-1:\n%s", text)
	}

	// Go to definition: data.orders in writes = [...] is declared on line 12.
	var loc protocol.Location
	c.call("textDocument/definition", protocol.DefinitionParams{TextDocumentPositionParams: at(uri, 8, 22)}, &loc)
	if loc.URI != uri || loc.Range.Start.Line != 11 || loc.Range.Start.Character != 0 {
		t.Errorf("definition of data.orders: %s", js(loc))
	}

	// Completion: the service block's attributes on a new line inside it.
	withLine := strings.Replace(fixed, "  writes ", "  topo\n  writes ", 1)
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 3},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: withLine}},
	})
	var items []protocol.CompletionItem
	c.call("textDocument/completion", protocol.CompletionParams{TextDocumentPositionParams: at(uri, 8, 6)}, &items)
	if !hasLabel(items, "topology") || !hasLabel(items, "failover") || hasLabel(items, "owner") {
		t.Errorf("completion in a service block: %v", labels(items))
	}

	// Formatting, as mrplan fmt: the misaligned attribute is aligned.
	messy := strings.Replace(fixed, "  criticality = \"core\"", "  criticality=\"core\"", 1)
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: 4},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: messy}},
	})
	var edits []protocol.TextEdit
	c.call("textDocument/formatting", protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri}}, &edits)
	if len(edits) != 1 || edits[0].NewText != fixed {
		t.Errorf("formatting: %s", js(edits))
	}

	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.code:
		if code != 0 {
			t.Errorf("exit after shutdown: code %d, want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func at(uri string, line, char int) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri},
		Position:     protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)},
	}
}

func hoverText(t *testing.T, h protocol.Hover) string {
	t.Helper()
	b, _ := json.Marshal(h.Contents)
	var m protocol.MarkupContent
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("hover contents %s", b)
	}
	return m.Value
}

func hasLabel(items []protocol.CompletionItem, label string) bool {
	for _, it := range items {
		if it.Label == label {
			return true
		}
	}
	return false
}

func labels(items []protocol.CompletionItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func js(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func strPtr(s string) *string { return &s }

// TestAnalysisUsesSharedConfig: the editor sees what validate reports,
// the repository's .mrplan.hcl included, and an unsaved document counts
// over the file on disk.
func TestAnalysisUsesSharedConfig(t *testing.T) {
	root := t.TempDir()
	_ = os.WriteFile(filepath.Join(root, ".git"), nil, 0o644)
	dir := filepath.Join(root, "arch")
	_ = os.MkdirAll(dir, 0o755)
	fixed := strings.Replace(broken, "region.eu-west1", "region.eu-west-1", 1)
	path := filepath.Join(dir, "main.mr.hcl")
	_ = os.WriteFile(path, []byte(broken), 0o644) // on disk: the error
	ws := newWorkspace()
	ws.open(path, []byte(fixed), 1, false) // in the editor: fixed
	rules := func() map[string]bool {
		out := map[string]bool{}
		for _, d := range ws.snapshotFor(path).diags {
			out[d.Rule+":"+d.Summary] = true
		}
		return out
	}
	if got := rules(); !got["MR301:Split-brain risk"] || got[":Unknown reference"] {
		t.Fatalf("without a config file: %v", got)
	}
	_ = os.WriteFile(filepath.Join(root, ".mrplan.hcl"), []byte("check \"MR301\" {\n  enabled = false\n}\n"), 0o644)
	ws.saved(filepath.Join(root, ".mrplan.hcl")) // the editor's file watcher
	if got := rules(); got["MR301:Split-brain risk"] {
		t.Errorf("MR301 is off in .mrplan.hcl but still reported: %v", got)
	}
	ws.stop()
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
