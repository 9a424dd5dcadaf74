package checks

import (
	"slices"
	"strings"

	"github.com/mrplan/mrplan/internal/diag"
)

// sortDiagnostics sorts ds exactly as diag.Sort does (stably, by diag.Less),
// in O(n log n) comparisons of small keys: the file, line and column are
// read once per diagnostic, and ties fall back to diag.Less and then to the
// original position, which is what stability means. The permutation is
// applied in place, so no second copy of ds is made.
func sortDiagnostics(ds []diag.Diagnostic) {
	if len(ds) < 2 {
		return
	}
	type key struct {
		file      string
		line, col int
		pos       int32
	}
	keys := make([]key, len(ds))
	for i := range ds {
		k := key{pos: int32(i)}
		if r := ds[i].Range; r != nil {
			k.file, k.line, k.col = r.Filename, r.Start.Line, r.Start.Column
		}
		keys[i] = k
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.file != b.file {
			return strings.Compare(a.file, b.file)
		}
		if a.line != b.line {
			return a.line - b.line
		}
		if a.col != b.col {
			return a.col - b.col
		}
		da, db := &ds[a.pos], &ds[b.pos]
		switch {
		case da.Rule != db.Rule:
			return strings.Compare(da.Rule, db.Rule)
		case da.Subject != db.Subject:
			return strings.Compare(da.Subject, db.Subject)
		case da.Summary != db.Summary:
			return strings.Compare(da.Summary, db.Summary)
		}
		return int(a.pos - b.pos)
	})
	// Move ds[keys[k].pos] to k, one cycle of the permutation at a time;
	// a visited slot is marked with pos -1.
	for start := range keys {
		if keys[start].pos < 0 || int(keys[start].pos) == start {
			continue
		}
		tmp := ds[start]
		j := start
		for {
			src := int(keys[j].pos)
			keys[j].pos = -1
			if src == start {
				ds[j] = tmp
				break
			}
			ds[j] = ds[src]
			j = src
		}
	}
}
