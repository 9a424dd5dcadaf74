// Package fuzz holds the fuzz targets of the manifest reader, apart from its
// unit tests so that `make fuzz` finds them by package path.
package fuzz
