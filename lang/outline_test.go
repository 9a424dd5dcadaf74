package lang

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestOutlineMatchesParser checks, at every byte of every native-syntax
// file under testdata (broken ones included), that the outline recorded
// while loading finds the block hclsyntax's ContextString finds.
func TestOutlineMatchesParser(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/*")
	examples, _ := filepath.Glob("../examples/*")
	dirs = append(dirs, examples...)
	checked := 0
	for _, dir := range dirs {
		mod, _ := LoadDir(dir)
		for name, src := range mod.Files {
			if !strings.HasSuffix(name, SuffixHCL) {
				if _, ok := mod.Outline[name]; ok {
					t.Errorf("%s: a JSON file has an outline", name)
				}
				continue
			}
			o, ok := mod.Outline[name]
			if !ok {
				t.Errorf("%s: no outline", name)
				continue
			}
			f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
			if o.SyntaxErrors != diags.HasErrors() {
				t.Errorf("%s: SyntaxErrors = %v, parser says %v", name, o.SyntaxErrors, diags.HasErrors())
			}
			nav := f.Nav.(interface{ ContextString(int) string })
			for off := 0; off <= len(src); off++ {
				want := nav.ContextString(off)
				got := ""
				if b, ok := mod.EnclosingBlock(name, off); ok {
					got = b.Type
					for _, l := range b.Labels {
						got += fmt.Sprintf(" %q", l)
					}
				}
				if got != want {
					t.Fatalf("%s byte %d: outline finds %q, parser %q", name, off, got, want)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no native-syntax files checked")
	}
}
