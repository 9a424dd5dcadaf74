package lang

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestChunkedLoadOnMutations loads test modules mutated at random (a
// fixed seed: braces, heredoc and comment markers, quotes and top-level
// arguments inserted, bytes cut) in chunks cut wherever allowed, and
// compares module and diagnostics with whole-file parses.
func TestChunkedLoadOnMutations(t *testing.T) {
	t.Parallel()
	srcs, _ := filepath.Glob("testdata/*/*/*.mr.hcl")
	ex, _ := filepath.Glob("../examples/*/*.mr.hcl")
	srcs = append(srcs, ex...)
	pieces := []string{"}\n", "\n}\n", "\nservice \"z\" {\n", "<<EOT\n", "\nEOT\n", "/*", "*/", "\"", "${", "#", "\n", "x = 1\n", "{", "\r\n", "\xef\xbb\xbf", "[", "]"}
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 500; iter++ {
		dir := t.TempDir()
		for k := 0; k < 2; k++ {
			b, _ := os.ReadFile(srcs[rng.Intn(len(srcs))])
			for m := rng.Intn(4); m >= 0; m-- {
				p := rng.Intn(len(b) + 1)
				switch rng.Intn(2) {
				case 0:
					b = append(b[:p:p], append([]byte(pieces[rng.Intn(len(pieces))]), b[p:]...)...)
				case 1:
					q := min(len(b), p+rng.Intn(20))
					b = append(b[:p:p], b[q:]...)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, string(rune('a'+k))+".mr.hcl"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		wm, wd := loadWhole(t, dir)
		cm, cd := loadWith(t, dir, 2, 1)
		if diagText(cd) != diagText(wd) || !reflect.DeepEqual(cd, wd) || !reflect.DeepEqual(cm, wm) {
			a, _ := os.ReadFile(filepath.Join(dir, "a.mr.hcl"))
			b, _ := os.ReadFile(filepath.Join(dir, "b.mr.hcl"))
			t.Fatalf("differ at iter %d:\n%s\n---\n%s\n--- chunked:\n%s\n--- whole:\n%s", iter, a, b, diagText(cd), diagText(wd))
		}
	}
}
