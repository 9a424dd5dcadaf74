package lang

import (
	"time"

	"github.com/hashicorp/hcl/v2"
)

var objectiveSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "rpo", Required: true},
		{Name: "rto", Required: true},
		{Name: "availability"},
		{Name: "survive"},
		{Name: "write_latency_budget"},
	},
}

// Defaults of an objective's optional attributes.
const (
	DefaultSurvive            = DomainRegion
	DefaultWriteLatencyBudget = 50 * time.Millisecond
)

func (l *loader) decodeObjectiveBlock(block *hcl.Block) *Objective {
	o := &Objective{
		Name:               block.Labels[0],
		Survive:            DefaultSurvive,
		WriteLatencyBudget: DefaultWriteLatencyBudget,
		DeclRange:          block.DefRange,
		NameRange:          block.LabelRanges[0],
	}
	content := l.content(block.Body, objectiveSchema)
	o.Attrs = attrRanges(content, "", nil)
	a := content.Attributes
	o.RPO, _ = l.duration(a["rpo"])
	o.RTO, _ = l.duration(a["rto"])
	if v, ok := l.percent(a["availability"]); ok {
		o.Availability = &v
	}
	if i, ok := l.enum(a["survive"], surviveNames); ok {
		o.Survive = FailureDomain(i)
	}
	if v, ok := l.duration(a["write_latency_budget"]); ok {
		o.WriteLatencyBudget = v
	}
	return o
}
