package checks

import (
	"slices"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// sortDiagnostics sorts ds exactly as diag.Sort does (stably, by diag.Less),
// but compares small keys: the rank of the file name among the run's files,
// the line and the column, packed once per diagnostic. Ties fall back to
// diag.Less's rule, subject and summary and then to the original position,
// which is what stability means. The permutation is applied in place, so
// no second copy of ds is made.
func sortDiagnostics(ds []diag.Diagnostic) {
	if len(ds) < 2 {
		return
	}
	// Rank the file names: few, and runs of diagnostics share one.
	var names []string
	seen := map[string]bool{}
	last := ""
	for i := range ds {
		f := ""
		if r := ds[i].Range; r != nil {
			f = r.Filename
		}
		if f == last && i > 0 {
			continue
		}
		last = f
		if !seen[f] {
			seen[f] = true
			names = append(names, f)
		}
	}
	slices.Sort(names)
	rank := make(map[string]uint64, len(names))
	for i, n := range names {
		rank[n] = uint64(i)
	}

	type key struct {
		file, line uint64
		col        int
		pos        int32
	}
	keys := make([]key, len(ds))
	last, lastRank := "", uint64(0)
	for i := range ds {
		k := key{pos: int32(i)}
		if r := ds[i].Range; r != nil {
			if r.Filename != last || i == 0 {
				last, lastRank = r.Filename, rank[r.Filename]
			}
			k.file, k.line, k.col = lastRank, uint64(r.Start.Line), r.Start.Column
		} else {
			k.file = rank[""]
		}
		keys[i] = k
	}
	slices.SortFunc(keys, func(a, b key) int {
		switch {
		case a.file != b.file:
			return cmpUint(a.file, b.file)
		case a.line != b.line:
			return cmpUint(a.line, b.line)
		case a.col != b.col:
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

func cmpUint(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
}
