// Package state owns the state file: the architecture a team accepted with
// `mrplan apply`, kept as JSON beside the module (SPEC §3 `mrplan { state }`,
// default mrplan.state.json).
//
// A state holds the accepted plan exactly as `plan -json` renders it (the
// view layer owns that shape; this package keeps it as raw JSON), the
// sha256 of every module file the plan was made from, the mrplan version
// and a serial that every apply increments.
//
// The package reads, locks and writes the file. A missing file is no state
// (everything is new); a corrupt file, or one from a newer mrplan, is an
// error naming the file, and it is never overwritten. A write goes to a
// temporary file in the same directory, is synced, and is renamed into
// place, so a reader sees the old state or the new one, never half of
// either. A lock file beside the state (O_EXCL) keeps two applies from
// interleaving.
//
// It does not plan or diff: the planner decides, internal/views renders
// and diffs plans, and internal/command wires them together.
package state
