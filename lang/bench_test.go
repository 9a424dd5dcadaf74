package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLoadDir loads a generated module of 500 services, 500 data
// classes and 50 regions spread over several files.
func BenchmarkLoadDir(b *testing.B) {
	dir := b.TempDir()
	writeLargeModule(b, dir, 50, 500)
	b.ResetTimer()
	for b.Loop() {
		if _, diags := LoadDir(dir); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
}

func writeLargeModule(tb testing.TB, dir string, regions, services int) {
	var r, s strings.Builder
	for i := range regions {
		fmt.Fprintf(&r, "region \"r%d\" {\n  city    = \"C%d\"\n  country = \"US\"\n  lat     = %d\n  lon     = %d\n}\n\n", i, i, i%90, i%180)
	}
	r.WriteString("provider \"lab\" {\n  product \"db\" {\n    kind = \"database\"\n  }\n}\n")
	for i := range services {
		fmt.Fprintf(&s, `service "s%d" {
  regions    = [region.r%d, region.r%d]
  depends_on = [service.s%d]
  writes     = [data.d%d]
  rpo        = "1m"
  rto        = "5m"
}

data "d%d" {
  owner   = service.s%d
  product = "lab.db"
  size    = "1TB"
}

`, i, i%regions, (i+1)%regions, (i+1)%services, i, i, i)
	}
	for name, text := range map[string]string{"regions.mr.hcl": r.String(), "services.mr.hcl": s.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
