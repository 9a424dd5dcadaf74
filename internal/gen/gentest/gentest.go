// Package gentest gives tests and benchmarks generated modules on disk.
package gentest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mrplan/mrplan/internal/gen"
)

var (
	mu   sync.Mutex
	dirs = map[gen.Options]string{}
	root string
)

// Dir returns a directory holding the module o generates, written once per
// process and removed when the process's tests end (see Cleanup).
func Dir(tb testing.TB, o gen.Options) string {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if d, ok := dirs[o]; ok {
		return d
	}
	if root == "" {
		var err error
		if root, err = os.MkdirTemp("", "mrplan-gen-"); err != nil {
			tb.Fatal(err)
		}
	}
	d := filepath.Join(root, fmt.Sprintf("%d-%s-%d", o.Services, o.Shape, len(dirs)))
	if err := os.Mkdir(d, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := gen.Write(d, o); err != nil {
		tb.Fatal(err)
	}
	dirs[o] = d
	return d
}

// Cleanup removes every directory Dir wrote, from TestMain or when a
// benchmark is done with them.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	if root != "" {
		os.RemoveAll(root)
	}
	root, dirs = "", map[gen.Options]string{}
}

// Sizes are the module sizes benchmarks run at: 1,000 and 10,000 services,
// and 50,000 when MRPLAN_BENCH_LARGE is set.
func Sizes() []int {
	if os.Getenv("MRPLAN_BENCH_LARGE") != "" {
		return []int{1000, 10000, 50000}
	}
	return []int{1000, 10000}
}

// Name is a sub-benchmark's name for a size and shape: "10k/shallow".
func Name(n int, s gen.Shape) string {
	return fmt.Sprintf("%dk/%s", n/1000, s)
}
