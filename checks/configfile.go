package checks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"

	"github.com/mrplan/mrplan/lang"
)

// ConfigFileName is the configuration file shared across modules, as
// .tflint.hcl is for tflint: check settings a team applies to every module
// under a directory.
const ConfigFileName = ".mrplan.hcl"

var configFileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{{Type: "check", LabelNames: []string{"id"}}},
}

var configCheckSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "enabled"}, {Name: "severity"}},
}

// FindConfigFile looks for ConfigFileName in dir and then in each parent
// directory, up to and including the first that holds .git (the
// repository's root) or the file system's root. "" when there is none.
func FindConfigFile(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			if rel, err := filepath.Rel(mustWd(), p); err == nil && filepath.IsLocal(rel) {
				return rel
			}
			return p
		}
		if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
			return ""
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

func mustWd() string {
	wd, _ := os.Getwd()
	return wd
}

// LoadConfigFile reads a configuration file: `check "ID" { enabled = BOOL,
// severity = "error" | "warning" | "notice" }` blocks, the same as a
// module's mrplan block takes. Unknown checks and severities are reported
// by NewConfig, on the file's own lines. src is the file's bytes, for
// snippets.
func LoadConfigFile(path string) (settings []*lang.CheckSetting, src []byte, diags hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		detail := fmt.Sprintf("Cannot read the configuration file %s: %s.", path, err)
		if errors.Is(err, os.ErrNotExist) {
			detail = fmt.Sprintf("There is no configuration file %s. Give --config the path of a file of check blocks, or leave it out to use %s when there is one.", path, ConfigFileName)
		}
		return nil, nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Configuration file not found", Detail: detail}}
	}
	f, diags := hclparse.NewParser().ParseHCL(src, path)
	if diags.HasErrors() {
		return nil, src, diags
	}
	content, d := f.Body.Content(configFileSchema)
	diags = append(diags, d...)
	for _, b := range content.Blocks {
		cs := &lang.CheckSetting{ID: b.Labels[0], DeclRange: b.DefRange, IDRange: b.LabelRanges[0], Attrs: map[string]hcl.Range{}}
		body, d := b.Body.Content(configCheckSchema)
		diags = append(diags, d...)
		for name, a := range body.Attributes {
			cs.Attrs[name] = a.Expr.Range()
			v, d := a.Expr.Value(nil)
			diags = append(diags, d...)
			if d.HasErrors() {
				continue
			}
			rng := a.Expr.Range()
			switch name {
			case "enabled":
				if v.Type() != cty.Bool || v.IsNull() {
					diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid enabled",
						Detail: fmt.Sprintf("enabled must be true or false for check %q.", cs.ID), Subject: &rng})
					continue
				}
				on := v.True()
				cs.Enabled = &on
			case "severity":
				if v.Type() != cty.String || v.IsNull() {
					diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid severity",
						Detail: fmt.Sprintf("severity must be \"error\", \"warning\" or \"notice\" for check %q.", cs.ID), Subject: &rng})
					continue
				}
				cs.Severity = v.AsString()
			}
		}
		settings = append(settings, cs)
	}
	return settings, src, diags
}
