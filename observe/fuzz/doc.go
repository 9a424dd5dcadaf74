// Package fuzz holds the fuzz targets of the --observe readers, kept apart
// from observe so that `make fuzz` finds them by path and their corpus does
// not mix with observe's test data.
package fuzz
