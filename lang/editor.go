package lang

import "github.com/hashicorp/hcl/v2"

// BlockSchema describes one kind of block as an editor completes it: its
// labels, its attributes and nested blocks, and the words an enumerated
// attribute takes. It is read from the same schemas the decoders use, so a
// new attribute is offered as soon as it is decoded.
type BlockSchema struct {
	Type       string
	Labels     []string
	Attributes []AttributeSchema
	Blocks     []BlockSchema
}

// AttributeSchema is one attribute of a block. Words are the values an
// enumerated attribute takes, in the language's order; nil for others.
type AttributeSchema struct {
	Name     string
	Required bool
	Words    []string
}

// Schema returns the top-level block kinds of a module file, in the order
// the file schema lists them.
func Schema() []BlockSchema {
	bodies := map[string]struct {
		schema *hcl.BodySchema
		nested map[string]*hcl.BodySchema
		words  map[string][]string
	}{
		"mrplan": {settingsSchema, map[string]*hcl.BodySchema{"check": checkSettingSchema},
			map[string][]string{"severity": severityNames}},
		"provider": {providerSchema, map[string]*hcl.BodySchema{"region": catalogRegionSchema, "product": catalogProductSchema},
			map[string][]string{"kind": productKindNames, "scope": scopeNames, "replication": replicationNames, "conflict": resolutionNames}},
		"region":    {regionSchema, nil, nil},
		"objective": {objectiveSchema, nil, map[string][]string{"survive": surviveNames}},
		"service": {serviceSchema, map[string]*hcl.BodySchema{"traffic": trafficSchema, "routing": routingSchema, "observability": observabilitySchema},
			map[string][]string{"criticality": criticalityNames, "topology": topologyNames, "failover": failoverNames, "policy": routingNames}},
		"data": {dataSchema, nil, map[string][]string{"uniqueness": uniquenessNames, "conflict": conflictNames,
			"consistency": consistencyNames, "sync": mechanismNames}},
		"dependency": {dependencySchema, nil, map[string][]string{"kind": dependencyKindNames}},
		"audience":   {audienceSchema, nil, nil},
		"variable":   {variableSchema, map[string]*hcl.BodySchema{"validation": validationSchema}, nil},
		"output":     {outputSchema, nil, nil},
		"module":     {moduleCallSchema, nil, nil},
		"moved":      {movedSchema, nil, nil},
	}
	var out []BlockSchema
	for _, h := range fileSchema.Blocks {
		b, ok := bodies[h.Type]
		if !ok {
			out = append(out, BlockSchema{Type: h.Type, Labels: h.LabelNames})
			continue
		}
		out = append(out, blockSchema(h.Type, h.LabelNames, b.schema, b.nested, b.words))
	}
	return out
}

func blockSchema(typ string, labels []string, s *hcl.BodySchema, nested map[string]*hcl.BodySchema, words map[string][]string) BlockSchema {
	bs := BlockSchema{Type: typ, Labels: labels}
	for _, a := range s.Attributes {
		bs.Attributes = append(bs.Attributes, AttributeSchema{Name: a.Name, Required: a.Required, Words: setWords(words[a.Name])})
	}
	for _, h := range s.Blocks {
		inner := &hcl.BodySchema{}
		if n, ok := nested[h.Type]; ok {
			inner = n
		}
		bs.Blocks = append(bs.Blocks, blockSchema(h.Type, h.LabelNames, inner, nil, words))
	}
	return bs
}

// setWords drops the empty "not set" word of an enumeration.
func setWords(ws []string) []string {
	if ws == nil {
		return nil
	}
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}
