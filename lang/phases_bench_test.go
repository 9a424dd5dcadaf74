package lang

import (
	"testing"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/internal/gen/gentest"
	"github.com/mrplan/mrplan/providers"
)

// BenchmarkParseDecode reads, parses and decodes a generated module's
// files on all cores and merges them: LoadDir before resolving.
func BenchmarkParseDecode(b *testing.B) {
	eachModule(b, func(b *testing.B, dir string, files []string) {
		for b.Loop() {
			l := newLoader(dir, providers.NewRegistry())
			l.mergeFiles(loadFiles(dir, l.mod.Registry, files, LoadOptions{}, nil, "", nil))
		}
	})
}

// BenchmarkResolve resolves a decoded module: references, catalogs,
// defaults, sorting.
func BenchmarkResolve(b *testing.B) {
	eachModule(b, func(b *testing.B, dir string, files []string) {
		for b.Loop() {
			b.StopTimer()
			l := newLoader(dir, providers.NewRegistry())
			l.mergeFiles(loadFiles(dir, l.mod.Registry, files, LoadOptions{}, nil, "", nil))
			b.StartTimer()
			l.finish()
		}
	})
}

func eachModule(b *testing.B, f func(b *testing.B, dir string, files []string)) {
	defer gentest.Cleanup()
	for _, n := range gentest.Sizes() {
		for _, s := range []gen.Shape{gen.Shallow, gen.Chain} {
			dir := gentest.Dir(b, gen.Options{Services: n, Shape: s})
			files, err := ModuleFiles(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(gentest.Name(n, s), func(b *testing.B) {
				b.ReportAllocs()
				f(b, dir, files)
			})
		}
	}
}
