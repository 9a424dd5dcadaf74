//go:build !unix

package fsguard

// openNonBlocking is nothing where opening a file cannot wait for a writer.
const openNonBlocking = 0
