package providers

import "github.com/agext/levenshtein"

// maxSuggestLen bounds the words Suggest compares: edit distance is
// quadratic, and nobody mistypes a 100-character name by two letters.
const maxSuggestLen = 100

// Suggest returns the candidate closest to given by edit distance, when it
// is within a third of given's length (at least 2 edits, as HCL allows), or
// "". Ties go to the candidate that sorts first, so the answer is stable.
func Suggest(given string, candidates []string) string {
	if len(given) > maxSuggestLen {
		return ""
	}
	best, bestDist := "", 0
	limit := max(2, len(given)/3)
	for _, c := range candidates {
		if d := len(c) - len(given); d > limit || -d > limit {
			continue // the distance is at least the difference in length
		}
		d := levenshtein.Distance(given, c, nil)
		if d <= limit && (best == "" || d < bestDist || d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// SplitRef splits "PROVIDER.NAME" at its first dot. ok is false when either
// side is empty.
func SplitRef(ref string) (provider, name string, ok bool) {
	for i := 0; i < len(ref); i++ {
		if ref[i] == '.' {
			return ref[:i], ref[i+1:], i > 0 && i < len(ref)-1
		}
	}
	return ref, "", false
}

// Catalogs returns the registry's catalogs, sorted by name.
func (r *Registry) Catalogs() []*Catalog {
	out := make([]*Catalog, 0, len(r.catalogs))
	for _, n := range r.Names() {
		out = append(out, r.catalogs[n])
	}
	return out
}
