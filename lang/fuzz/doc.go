// Package fuzz holds the fuzz targets of the language loader and of the
// diagnostics views over what it reports, kept apart from lang so that
// `make fuzz` finds them by path and their corpus does not mix with lang's
// test data.
package fuzz
