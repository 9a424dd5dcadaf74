package bench

import (
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Counts are what Floor saw.
type Counts struct {
	Blocks, Attributes int
}

// Floor reads and parses each file with one hclparse.Parser, in order, and
// visits every block and attribute of it: the work any HCL tool does before
// it can decide anything. It keeps every parsed file, as the parser does.
func Floor(paths []string) (Counts, error) {
	var c Counts
	p := hclparse.NewParser()
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			return c, err
		}
		f, diags := p.ParseHCL(src, path)
		if diags.HasErrors() {
			return c, fmt.Errorf("%s", diags.Error())
		}
		c.visit(f.Body.(*hclsyntax.Body))
	}
	return c, nil
}

func (c *Counts) visit(b *hclsyntax.Body) {
	for _, a := range b.Attributes {
		if a.Expr != nil {
			c.Attributes++
		}
	}
	for _, blk := range b.Blocks {
		c.Blocks++
		c.visit(blk.Body)
	}
}
