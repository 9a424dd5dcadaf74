// Package checks judges a module and its plan: the rule catalog of SPEC §6
// (MR101 … MR503), one check a file, the explicit list of them all, check
// configuration and inline `# mrplan-ignore` suppressions, and the findings
// they produce. It reads the model (lang) and the plan (planner) through a
// narrow interface and prints nothing: internal/views renders findings.
package checks
