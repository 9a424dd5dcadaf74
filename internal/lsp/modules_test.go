package lsp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// copyTree copies the directory src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func errorsOf(ds []wireDiagnostic) []wireDiagnostic {
	var out []wireDiagnostic
	for _, d := range ds {
		if d.Severity != nil && *d.Severity == protocol.DiagnosticSeverityError {
			out = append(out, d)
		}
	}
	return out
}

func change(c *client, uri string, version int32, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: version},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}},
	})
}

// TestChildModule: a child module's file is analysed with the root module
// that calls it (examples/social-feed-cells, whose cells are a child
// module): an error typed into it is published at its place in that file,
// with nothing the root provides reported missing, and goes when fixed. An
// unsaved *.auto.mrvars.hcl counts as validate would read it from disk.
func TestChildModule(t *testing.T) {
	repo := t.TempDir()
	_ = os.WriteFile(filepath.Join(repo, ".git"), nil, 0o644)
	dir := filepath.Join(repo, "feed")
	copyTree(t, filepath.Join("..", "..", "examples", "social-feed-cells"), dir)
	child := filepath.Join(dir, "modules", "engagement-cell", "main.mr.hcl")
	good := mustRead(t, child)
	uri := uriOf(child)

	c := startClient(t)
	var init protocol.InitializeResult
	c.call("initialize", protocol.InitializeParams{RootURI: strPtr(uriOf(repo))}, &init)
	c.notify("initialized", protocol.InitializedParams{})

	bad := strings.Replace(good, `topology    = "active-active"`, `topology    = "active-activ"`, 1)
	if bad == good {
		t.Fatal("the example changed: no topology line to break")
	}
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "mrplan", Version: 1, Text: bad}})
	ds := errorsOf(c.diagnosticsFor(uri, 1))
	line := strings.Count(bad[:strings.Index(bad, `"active-activ"`)], "\n")
	if len(ds) == 0 {
		t.Fatal("no error published for the child module's file")
	}
	for _, d := range ds {
		if !strings.Contains(d.Message, "active-activ") || int(d.Range.Start.Line) != line {
			t.Errorf("want only the topology error on line %d, got line %d: %s", line+1, d.Range.Start.Line+1, d.Message)
		}
	}

	change(c, uri, 2, good)
	if ds := errorsOf(c.diagnosticsFor(uri, 2)); len(ds) > 0 {
		t.Errorf("errors after the fix: %s", js(ds))
	}

	// Hover on the cell's service: the service in each instance of the
	// cell, with its plan. Definition of a name the cell declares: the
	// cell's block, in its file.
	lines := strings.Split(good, "\n")
	lineOf := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i
			}
		}
		t.Fatalf("no line %q in the cell", prefix)
		return 0
	}
	var hover protocol.Hover
	c.call("textDocument/hover", protocol.HoverParams{TextDocumentPositionParams: at(uri, lineOf(`service "api"`), 10)}, &hover)
	text := hoverText(t, hover)
	for _, want := range []string{"**module.graph.service.api**", "**module.likes.service.api**", "| tier |", "| topology | active-active |"} {
		if !strings.Contains(text, want) {
			t.Errorf("hover on the cell's service lacks %q:\n%s", want, text)
		}
	}
	writes := lineOf("  writes = [data.store]")
	var loc protocol.Location
	c.call("textDocument/definition", protocol.DefinitionParams{TextDocumentPositionParams: at(uri, writes, 14)}, &loc)
	if loc.URI != uri || int(loc.Range.Start.Line) != lineOf(`data "store"`) {
		t.Errorf("definition of data.store in the cell: %s", js(loc))
	}

	var locs []protocol.Location
	c.call("textDocument/references", protocol.ReferenceParams{TextDocumentPositionParams: at(uri, writes, 14),
		Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &locs)
	inCell := len(locs) == 1+strings.Count(good, "data.store")
	for _, l := range locs {
		inCell = inCell && l.URI == uri
	}
	if !inCell || int(locs[0].Range.Start.Line) != lineOf(`data "store"`) {
		t.Errorf("references of data.store in the cell, its declaration first: %s", js(locs))
	}

	// A variables file the editor holds, not saved: one serving region
	// fails the root's validation of var.regions.
	vars := filepath.Join(dir, "serving.auto.mrvars.hcl")
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uriOf(vars), LanguageID: "mrplan", Version: 1, Text: "regions = [\"americas\"]\n"}})
	found := false
	for _, d := range errorsOf(c.diagnosticsFor(uriOf(vars), 1)) {
		found = found || strings.Contains(d.Message, "at least two serving regions")
	}
	if !found {
		t.Errorf("the unsaved auto variables file was not used")
	}

	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
}

// TestModuleCallAdded: a child module's file opened before any module
// calls it is analysed alone, all errors; once the root's new module block
// is saved, those diagnostics are withdrawn and the file is analysed with
// its root.
func TestModuleCallAdded(t *testing.T) {
	repo := t.TempDir()
	_ = os.WriteFile(filepath.Join(repo, ".git"), nil, 0o644)
	fixed := strings.Replace(broken, "region.eu-west1", "region.eu-west-1", 1)
	rootFile := filepath.Join(repo, "main.mr.hcl")
	_ = os.WriteFile(rootFile, []byte(fixed), 0o644)
	cell := filepath.Join(repo, "cell", "main.mr.hcl")
	cellText := "service \"worker\" {\n  regions = [region.us-east-1]\n}\n"
	_ = os.MkdirAll(filepath.Dir(cell), 0o755)
	_ = os.WriteFile(cell, []byte(cellText), 0o644)
	uri := uriOf(cell)

	c := startClient(t)
	var init protocol.InitializeResult
	c.call("initialize", protocol.InitializeParams{RootURI: strPtr(uriOf(repo))}, &init)
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "mrplan", Version: 1, Text: cellText}})
	if ds := errorsOf(c.diagnosticsFor(uri, 1)); len(ds) == 0 {
		t.Fatal("the cell alone has no region, yet no error")
	}

	_ = os.WriteFile(rootFile, []byte(fixed+"\nmodule \"cell\" {\n  source = \"./cell\"\n}\n"), 0o644)
	c.notify("textDocument/didSave", protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uriOf(rootFile)}})
	// First the withdrawal (no version), then the root's analysis.
	deadline := time.After(30 * time.Second)
	for withdrawn := false; !withdrawn; {
		select {
		case p := <-c.diags:
			withdrawn = p.URI == uri && p.Version == nil && len(p.Diagnostics) == 0
		case <-deadline:
			t.Fatal("the cell's diagnostics from its analysis alone were not withdrawn")
		}
	}
	if ds := errorsOf(c.diagnosticsFor(uri, 1)); len(ds) > 0 {
		t.Errorf("errors in the cell analysed with its root: %s", js(ds))
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
}
