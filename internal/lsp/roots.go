package lsp

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/mrplan/mrplan/lang"
)

// A child module is not a module of its own: it reads the root module's
// regions, providers and variables, so analysed alone it would be all
// errors. An open document is analysed with the root module that calls
// its directory, found by reading the module blocks' literal sources in
// the directories above it (findRoot).

// maxRootSearch bounds the walk: how many directories above a document are
// looked at, and how many module directories one root's calls may reach.
const (
	maxRootLevels = 32
	maxRootReach  = 256
)

// findRoot is the root module directory whose analysis covers the module
// in dir: the highest directory above dir, up to the repository's top (the
// first one with a .git entry) or the file system's, whose module calls
// lead to dir, directly or through other child modules; dir itself when
// none does. read gives a file's text, the editor's if it holds it.
func findRoot(dir string, read func(path string) ([]byte, bool)) string {
	var above []string
	for d, i := dir, 0; i < maxRootLevels; i++ {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		above = append(above, parent)
		d = parent
	}
	for i := len(above) - 1; i >= 0; i-- { // highest first
		if reaches(above[i], dir, read) {
			return above[i]
		}
	}
	return dir
}

// reaches says whether the module in root calls the module in target,
// directly or through its child modules, by their literal sources.
func reaches(root, target string, read func(string) ([]byte, bool)) bool {
	if files, err := lang.ModuleFiles(root); err != nil || len(files) == 0 {
		return false
	}
	seen := map[string]bool{root: true}
	queue := []string{root}
	for len(queue) > 0 && len(seen) <= maxRootReach {
		d := queue[0]
		queue = queue[1:]
		for _, src := range moduleSources(d, read) {
			child := filepath.Join(d, filepath.FromSlash(src))
			if rel, err := filepath.Rel(root, child); err != nil || !filepath.IsLocal(rel) {
				continue // outside the root's tree: lang refuses it
			}
			if child == target {
				return true
			}
			if !seen[child] {
				seen[child] = true
				queue = append(queue, child)
			}
		}
	}
	return false
}

// callSchema picks module blocks out of a file, and their source.
var (
	callSchema   = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}}
	sourceSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "source"}}}
)

// moduleSources are the literal local sources ("./x", "../y") of the
// module calls in dir's module files.
func moduleSources(dir string, read func(string) ([]byte, bool)) []string {
	files, err := lang.ModuleFiles(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, name := range files {
		text, ok := read(name)
		if !ok {
			continue
		}
		var f *hcl.File
		if strings.HasSuffix(name, lang.SuffixJSON) {
			f, _ = json.Parse(text, name)
		} else {
			f, _ = hclsyntax.ParseConfig(text, name, hcl.InitialPos)
		}
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(callSchema)
		for _, b := range content.Blocks {
			attrs, _, _ := b.Body.PartialContent(sourceSchema)
			a, ok := attrs.Attributes["source"]
			if !ok {
				continue
			}
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
				continue
			}
			if src := v.AsString(); strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") {
				out = append(out, src)
			}
		}
	}
	return out
}
