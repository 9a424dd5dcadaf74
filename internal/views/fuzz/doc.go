// Package fuzz holds the fuzz targets of the saved-plan reader (show,
// apply and plan --compare-to read files that may come from anywhere):
// go test -fuzz FuzzReadSavedPlan ./internal/views/fuzz/
package fuzz
