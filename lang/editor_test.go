package lang

import "testing"

// TestSchema: the editor schema lists every top-level block kind the file
// schema decodes, with the decoders' attributes and enumerated words.
func TestSchema(t *testing.T) {
	s := Schema()
	if len(s) != len(fileSchema.Blocks) {
		t.Fatalf("%d block kinds, file schema has %d", len(s), len(fileSchema.Blocks))
	}
	byType := map[string]BlockSchema{}
	for _, b := range s {
		byType[b.Type] = b
		if len(b.Attributes)+len(b.Blocks) == 0 && b.Type != "locals" { // a local's names are the user's
			t.Errorf("%s has no attributes or blocks", b.Type)
		}
	}
	words := func(block, attr string) []string {
		for _, a := range byType[block].Attributes {
			if a.Name == attr {
				return a.Words
			}
		}
		t.Fatalf("%s has no attribute %s", block, attr)
		return nil
	}
	if w := words("service", "topology"); len(w) != len(topologyNames) || w[1] != "active-active" {
		t.Errorf("service topology words %v", w)
	}
	if w := words("objective", "survive"); len(w) != len(surviveNames)-1 || w[0] != "zone" {
		t.Errorf("survive words %v (the unset word is dropped)", w)
	}
	if w := words("data", "owner"); w != nil {
		t.Errorf("owner is not enumerated: %v", w)
	}
	var routing BlockSchema
	for _, b := range byType["service"].Blocks {
		if b.Type == "routing" {
			routing = b
		}
	}
	if len(routing.Attributes) == 0 || routing.Attributes[0].Name != "policy" || len(routing.Attributes[0].Words) == 0 {
		t.Errorf("service.routing: %+v", routing)
	}
}
