package command

// Exit codes, as SPEC §7 gives them.
const (
	ExitOK = 0
	// ExitError: the run failed (a language error, an I/O error, a finding at
	// or above --min-severity in validate and lint).
	ExitError = 1
	// ExitChanges: plan -detailed-exitcode found changes.
	ExitChanges = 2
	// ExitNotFormatted: fmt -check found a file not in canonical form.
	ExitNotFormatted = 3
)
