// Package command is mrplan's command line: the cobra tree, its flags, and
// the glue that loads a module (lang), plans it (planner), checks it (checks)
// and hands the results to a view (views).
//
// It owns exit codes and streams; it never writes to os.Stdout directly, so
// tests run the whole tree in-process. It decides nothing about architecture:
// that is the planner's; and it formats nothing itself: that is the views'.
// mrplan lsp hands its streams to internal/lsp, which speaks the protocol.
//
// One global does change: -chdir=DIR switches the process's directory
// before the command runs, as Terraform's does, so that every path on the
// command line and in the output is relative to DIR.
package command
