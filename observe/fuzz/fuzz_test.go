package fuzz

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
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
	var formats []observe.Format
	for _, name := range observe.FormatNames() {
		format, ok := observe.ParseFormat(name)
		if !ok {
			f.Fatalf("format %q does not parse", name)
		}
		formats = append(formats, format)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		w.Write(src)
		w.Close()
		for _, format := range formats {
			read(t, src, format)
			read(t, gz.Bytes(), format)
			read(t, gz.Bytes()[:len(gz.Bytes())*3/4], format)
		}
	})
}

// TestFuzzReadCoversEveryFormat: the seeds FuzzRead starts from include a
// file every reader recognises, so that each format's reader is reached
// from the first run, not only after the fuzzer happens on its syntax.
func TestFuzzReadCoversEveryFormat(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*")
	files2, _ := filepath.Glob("../../examples/*/observed/*")
	seen := map[string]bool{}
	for _, name := range append(files, files2...) {
		src, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		c := observe.NewCollector()
		if c.Read(name, bytes.NewReader(src), observe.FormatAuto) == nil {
			for _, s := range c.Observations().Files {
				seen[s.Format.String()] = true
			}
		}
	}
	for _, name := range observe.FormatNames()[1:] {
		if !seen[name] {
			t.Errorf("no FuzzRead seed is read as %s", name)
		}
	}
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

// FuzzDiscover matches whatever a log holds against the example module and
// renders it every way: nothing panics, the JSON is JSON, and the drafted
// HCL parses, whatever names the log carried.
func FuzzDiscover(f *testing.F) {
	f.Add([]byte(`{"query_name":"api.stripe.com.","vpc_id":"vpc-0a1b2c3d","region":"eu-central-1","srcaddr":"10.1.4.17","srcids":{"instance":"i-0c0ffee0a1"}}`))
	f.Add([]byte("{\"query_name\":\"a\\n}\\nservice \\\"x\\\" {.example.com.\",\"srcids\":{\"instance\":\"i-0c0ffee0a1\"}}"))
	f.Add([]byte(`{"query_name":"\u00e9xample.com","srcids":{"instance":"i-0pay1"},"region":"us-east-1"}`))
	mod, diags := lang.LoadDir("../../examples/observed-checkout")
	if diags.HasErrors() {
		f.Fatal(diags.Error())
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c := observe.NewCollector()
		_ = c.Read("fuzz.jsonl", bytes.NewReader(src), observe.FormatResolver)
		d := observe.Match(mod, c.Observations())
		var out bytes.Buffer
		if err := views.DiscoverJSON(&out, d); err != nil || !json.Valid(out.Bytes()) {
			t.Fatalf("JSON: %v", err)
		}
		if err := views.DiscoverText(&out, "m", d); err != nil {
			t.Fatal(err)
		}
		if err := views.DiscoverMarkdown(&out, "m", d); err != nil {
			t.Fatal(err)
		}
		draft := views.DiscoverHCL(mod, d)
		if _, diags := hclsyntax.ParseConfig(draft, "draft.mr.hcl", hcl.InitialPos); diags.HasErrors() {
			t.Fatalf("the draft does not parse: %s\n%s", diags.Error(), draft)
		}
	})
}
