// Package views renders what mrplan has to say: diagnostics (language
// errors and check findings alike, as []diag.Diagnostic), plans and reports,
// one view per output format.
//
// A view writes to the io.Writer it is given and decides colour from the
// options it is given, never from the environment. It computes nothing: the
// module comes from lang, plans from planner, findings from checks, and the
// exit code is the command's (internal/command).
package views
