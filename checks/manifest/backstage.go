package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"go.yaml.in/yaml/v3"
)

// parseBackstage reads every `kind: Component` document of a Backstage
// catalog file. Its name is the service; each `spec.dependsOn` entry
// ("component:payments", "resource:default/stripe") is a dependency: a
// component is a modelled service, a resource a dependency block.
func parseBackstage(filename string, src []byte) ([]*Manifest, hcl.Diagnostics) {
	var out []*Manifest
	var diags hcl.Diagnostics
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid YAML",
				Detail:   fmt.Sprintf("%s: %s.", filename, strings.TrimPrefix(err.Error(), "yaml: ")),
				Subject:  &hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos},
			})
			break
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			continue
		}
		root := doc.Content[0]
		if kind := mapValue(root, "kind"); kind == nil || kind.Value != "Component" {
			continue
		}
		m := &Manifest{Filename: filename}
		name := mapValue(mapValue(root, "metadata"), "name")
		if name == nil || name.Value == "" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Component without a name",
				Detail:   "A Backstage Component needs metadata.name: it names the module's service.",
				Subject:  nodeRange(filename, root).Ptr(),
			})
			continue
		}
		m.Service, m.ServiceRange = name.Value, nodeRange(filename, name)
		deps := mapValue(mapValue(root, "spec"), "dependsOn")
		if deps != nil && deps.Kind == yaml.SequenceNode {
			for _, e := range deps.Content {
				dep, d := backstageDependency(filename, e)
				diags = append(diags, d...)
				if dep != nil {
					m.Dependencies = append(m.Dependencies, dep)
				}
			}
		}
		out = append(out, m)
	}
	return out, diags
}

// backstageDependency reads one entity reference, "[kind:][namespace/]name".
func backstageDependency(filename string, n *yaml.Node) (*Dependency, hcl.Diagnostics) {
	rng := nodeRange(filename, n)
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid entity reference",
			Detail:   `Each spec.dependsOn entry must be a reference such as "component:payments" or "resource:stripe".`,
			Subject:  rng.Ptr(),
		}}
	}
	kind, ref, ok := strings.Cut(n.Value, ":")
	if !ok {
		kind, ref = "", n.Value
	}
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		ref = ref[i+1:] // the namespace says nothing about where it runs
	}
	dep := &Dependency{Name: ref, DeclRange: rng, NameRange: rng}
	switch strings.ToLower(kind) {
	case "component":
		dep.Kind = KindService
	case "resource":
		dep.Kind = "other"
	}
	return dep, nil
}

// mapValue returns the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// nodeRange is the source range of a scalar node: its line and column, as
// wide as its value on one line.
func nodeRange(filename string, n *yaml.Node) hcl.Range {
	start := hcl.Pos{Line: n.Line, Column: n.Column}
	end := start
	if n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		width := len([]rune(n.Value))
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			width += 2
		}
		end.Column += width
	}
	return hcl.Range{Filename: filename, Start: start, End: end}
}
