package lang

import (
	"github.com/hashicorp/hcl/v2"
)

var audienceSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "share"},
		{Name: "near"},
		{Name: "lat"},
		{Name: "lon"},
	},
}

func (l *loader) decodeAudienceBlock(block *hcl.Block) *Audience {
	au := &Audience{
		Name:      block.Labels[0],
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, audienceSchema)
	au.Attrs = attrRanges(content, "", nil)
	a := content.Attributes
	au.Share, _ = l.number(a["share"], 0, 1)
	if r, ok := l.ref(a["near"], refRegion); ok {
		au.Near = &r
	}
	if v, ok := l.number(a["lat"], -90, 90); ok {
		au.Lat = &v
	}
	if v, ok := l.number(a["lon"], -180, 180); ok {
		au.Lon = &v
	}
	return au
}
