//go:build unix

package fsguard

import "syscall"

// openNonBlocking opens a FIFO without waiting for a writer, so it can be
// refused instead of hanging the run.
const openNonBlocking = syscall.O_NONBLOCK
