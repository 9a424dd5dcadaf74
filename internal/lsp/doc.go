// Package lsp is mrplan's language server (mrplan lsp): the Language Server
// Protocol over a stream, with github.com/tliron/glsp's protocol types and
// handler and sourcegraph/jsonrpc2 underneath.
//
// It is a thin adapter over the same phases the commands use: documents
// the editor holds are laid over the files on disk (lang's overlay), the
// root module that holds them (roots.go) is loaded by lang.LoadDirOptions,
// planned by planner.PlanModule and judged by checks.Run, and the results become diagnostics, hovers,
// definitions and completions. It owns positions in the protocol's terms
// (UTF-16 columns), the open documents and the background re-plan; it does
// not parse the language beyond finding what is under the cursor and a
// file's outline of blocks (the rest is lang's job), decide anything
// (planner's) or judge anything (checks').
package lsp
