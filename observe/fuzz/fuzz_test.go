package fuzz

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/mrplan/mrplan/observe"
)

// FuzzRead reads arbitrary bytes as an --observe file, recognised and in
// each forced format, plain and gzip-compressed: it must never panic, and
// what it reads must be consistent (every skipped line inside the file).
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*")
	files2, _ := filepath.Glob("../../examples/*/observed/*")
	for _, name := range append(files, files2...) {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, format := range []observe.Format{observe.FormatAuto, observe.FormatResolver, observe.FormatJaeger, observe.FormatServiceGraph, observe.FormatTerraform} {
			read(t, src, format)
		}
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		w.Write(src)
		w.Close()
		read(t, gz.Bytes()[:len(gz.Bytes())*3/4], observe.FormatAuto)
	})
}

func read(t *testing.T, src []byte, format observe.Format) {
	c := observe.NewCollector()
	_ = c.Read("fuzz", bytes.NewReader(src), format)
	o := c.Observations()
	lines := bytes.Count(src, []byte("\n")) + 1
	if bytes.HasPrefix(src, []byte{0x1f, 0x8b}) {
		lines = int(^uint(0) >> 1) // lines of the decompressed text
	}
	for _, s := range o.Skipped {
		if s.Line < 0 || s.Line > lines {
			t.Errorf("skipped line %d outside a file of %d lines (%s)", s.Line, lines, s.Reason)
		}
	}
	for _, q := range o.Queries {
		if q.Calls <= 0 {
			t.Errorf("query %q with %d calls", q.Name, q.Calls)
		}
	}
}
