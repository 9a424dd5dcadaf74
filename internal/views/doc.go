// Package views renders what mrplan has to say: diagnostics (language
// errors and check findings alike, as []diag.Diagnostic), plans and reports,
// one view per output format.
//
// A view writes to the io.Writer it is given and decides colour from the
// options it is given, never from the environment. It computes nothing: the
// module comes from lang, plans from planner, findings from checks, and the
// exit code is the command's (internal/command).
//
// One comparison lives here: a plan diffed against its baseline
// (plan_diff.go). The baseline, an accepted state or a plan saved from
// another branch, exists only as the plan JSON this package defines, so
// both sides are compared in that shape rather than as planner values.
package views
