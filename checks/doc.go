// Package checks judges a module and its plan: the rule catalog of SPEC §6
// (MR101 … MR503), one check a file (mrNNN.go, with mrNNN_test.go and
// docs/MRNNN.md), the explicit list of them all (list.go), check
// configuration and inline `# mrplan-ignore` suppressions, and the findings
// they produce, as diag.Diagnostic.
//
// A check sees a Context: the module (lang), its plan (planner) and, under
// `mrplan lint`, the dependency manifests that checks/manifest reads. It
// decides nothing the planner decides — tiers, availability, achieved RPO
// and RTO come from the plan — and prints nothing: internal/views renders
// findings, internal/command chooses which checks run.
package checks
