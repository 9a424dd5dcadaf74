package lsp

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/version"
)

// Options configure a server. The zero value is what mrplan lsp runs.
type Options struct {
	// Today is the date checks judge drill ages and ignore expiries
	// against; nil is the current UTC date.
	Today func() time.Time
}

// Serve speaks the protocol on in and out until the client sends exit or
// closes the stream. It returns the exit code the protocol asks for: 0 when
// shutdown came before exit, 1 otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) int {
	srv := newServer(opts)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc{in, out}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(srv.handle))
	srv.setConn(conn)
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	srv.ws.stop()
	if srv.shutdownThenExit() {
		return 0
	}
	return 1
}

// rwc joins the two halves of a stdio connection. Closing it closes in
// when it can be closed, so the read loop ends.
type rwc struct {
	io.Reader
	io.Writer
}

func (c rwc) Close() error {
	if cl, ok := c.Reader.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}

type server struct {
	handler protocol.Handler
	ws      *workspace

	mu       sync.Mutex
	conn     *jsonrpc2.Conn
	shutdown bool
	exited   bool
}

func newServer(opts Options) *server {
	s := &server{ws: newWorkspace()}
	if opts.Today != nil {
		s.ws.today = opts.Today
	}
	s.ws.publish = s.publishDiagnostics
	s.handler = protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                       s.shutdownRequest,
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		TextDocumentHover:              s.hover,
		TextDocumentDefinition:         s.definition,
		TextDocumentCompletion:         s.completion,
		TextDocumentFormatting:         s.formatting,
		TextDocumentDocumentSymbol:     s.documentSymbol,
		TextDocumentReferences:         s.references,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
	}
	return s
}

func (s *server) setConn(c *jsonrpc2.Conn) {
	s.mu.Lock()
	s.conn = c
	s.mu.Unlock()
}

func (s *server) shutdownThenExit() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown && s.exited
}

// handle is glsp's dispatch on a connection of our own making, so that
// the server reads and writes the streams it is given rather than the
// process's standard streams.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { _ = conn.Notify(ctx, method, params) },
		Call:   func(method string, params, result any) { _ = conn.Call(ctx, method, params, result) },
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	switch req.Method {
	case protocol.MethodExit:
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		return nil, conn.Close()
	case protocol.MethodShutdown:
		// glsp's handler forgets initialization before calling ours; record
		// it here, where every shutdown passes.
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod && req.Notif:
		return nil, nil // notifications we do not handle ($/cancelRequest, …) are ignored
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *server) initialize(_ *glsp.Context, _ *protocol.InitializeParams) (any, error) {
	sync := protocol.TextDocumentSyncKindFull
	v := version.Version
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: boolPtr(true),
				Change:    &sync,
				Save:      true,
			},
			HoverProvider:              true,
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			DocumentSymbolProvider:     true,
			DocumentFormattingProvider: true,
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{".", "\"", "="},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "mrplan", Version: &v},
	}, nil
}

func (s *server) shutdownRequest(*glsp.Context) error {
	s.ws.stop()
	return nil
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	if path, ok := pathOf(p.TextDocument.URI); ok {
		s.ws.open(path, []byte(p.TextDocument.Text), p.TextDocument.Version, true)
	}
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok || len(p.ContentChanges) == 0 {
		return nil
	}
	// Full sync: the last change holds the whole text.
	var text string
	switch c := p.ContentChanges[len(p.ContentChanges)-1].(type) {
	case protocol.TextDocumentContentChangeEventWhole:
		text = c.Text
	case protocol.TextDocumentContentChangeEvent:
		if c.Range != nil {
			return fmt.Errorf("mrplan lsp takes whole documents (full sync), not ranges")
		}
		text = c.Text
	default:
		return nil
	}
	s.ws.open(path, []byte(text), p.TextDocument.Version, false)
	return nil
}

func (s *server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	if path, ok := pathOf(p.TextDocument.URI); ok {
		s.ws.saved(path)
	}
	return nil
}

func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	if path, ok := pathOf(p.TextDocument.URI); ok {
		s.ws.close(path)
	}
	return nil
}

func (s *server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, c := range p.Changes {
		if path, ok := pathOf(c.URI); ok {
			s.ws.saved(path)
		}
	}
	return nil
}

// publishDiagnostics sends one file's diagnostics: a check's rule ID is
// the code, linked to the check's page.
func (s *server) publishDiagnostics(path string, version *int32, ds []fileDiagnostic) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return
	}
	params := protocol.PublishDiagnosticsParams{URI: uriOf(path), Version: uintegerPtr(version), Diagnostics: []protocol.Diagnostic{}}
	source := "mrplan"
	for _, d := range ds {
		pd := protocol.Diagnostic{Severity: severityOf(d.Severity), Source: &source, Message: message(d.Diagnostic)}
		if d.Range != nil && d.Range.Filename != "" {
			pd.Range = rangeOf(d.text, *d.Range)
		}
		if d.Rule != "" {
			pd.Code = &protocol.IntegerOrString{Value: d.Rule}
			pd.CodeDescription = &protocol.CodeDescription{HRef: checks.DocURL + d.Rule + ".md"}
		}
		for _, r := range d.Related {
			text := d.texts[r.Filename]
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: uriOf(r.Filename), Range: rangeOf(text, r)},
				Message:  "related",
			})
		}
		params.Diagnostics = append(params.Diagnostics, pd)
	}
	_ = conn.Notify(context.Background(), protocol.ServerTextDocumentPublishDiagnostics, params)
}

// message is the summary and detail, and the fix for a check's finding.
func message(d diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString(": ")
		b.WriteString(d.Detail)
	}
	if d.Fix != "" {
		b.WriteString("\n\nFix: ")
		b.WriteString(d.Fix)
	}
	return b.String()
}

func severityOf(s diag.Severity) *protocol.DiagnosticSeverity {
	v := protocol.DiagnosticSeverityInformation
	switch s {
	case diag.Error:
		v = protocol.DiagnosticSeverityError
	case diag.Warning:
		v = protocol.DiagnosticSeverityWarning
	}
	return &v
}

func boolPtr(b bool) *bool { return &b }

func uintegerPtr(v *int32) *protocol.UInteger {
	if v == nil || *v < 0 {
		return nil
	}
	i := protocol.UInteger(*v)
	return &i
}
