package lang

import (
	"net/netip"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Observe is the `observe` block of a service, data class or dependency:
// how calls and resources seen in logs, traces and Terraform state are
// recognised as this block's (SPEC section 8). A service without one is
// still recognised by its name in traces and by Terraform addresses under
// module.NAME.
type Observe struct {
	Names     []string       // trace service names; default: the block's name
	VPCs      []string       // VPC ids whose queries are this service's
	Instances []string       // instance id globs ("i-0c0ffee0*")
	CIDRs     []netip.Prefix // source address ranges
	Terraform []string       // Terraform address prefixes ("module.checkout")
	Hosts     []string       // hostnames or globs ("*.stripe.com") a dependency answers on

	DeclRange hcl.Range
	Attrs     map[string]hcl.Range
}

// observeBlock is the block header every observing block's schema lists.
var observeBlock = hcl.BlockHeaderSchema{Type: "observe"}

// observeAttrs says which attributes each kind of block's observe takes.
var observeAttrs = map[Kind][]string{
	KindService:    {"names", "vpcs", "instances", "cidrs", "terraform"},
	KindData:       {"terraform"},
	KindDependency: {"names", "terraform", "hosts"},
}

func observeSchema(k Kind) *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, n := range observeAttrs[k] {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: n})
	}
	return s
}

var observeSchemas = map[Kind]*hcl.BodySchema{
	KindService:    observeSchema(KindService),
	KindData:       observeSchema(KindData),
	KindDependency: observeSchema(KindDependency),
}

// decodeObserve reads the one observe block of content, if any, for a
// block of kind k; nil when there is none.
func (l *loader) decodeObserve(content *hcl.BodyContent, k Kind, ranges map[string]hcl.Range) *Observe {
	block := l.singleBlock(content, "observe")
	if block == nil {
		return nil
	}
	o := &Observe{DeclRange: block.DefRange}
	c := l.content(block.Body, observeSchemas[k])
	ranges["observe"] = block.DefRange
	o.Attrs = attrRanges(c, "", nil)
	attrRanges(c, "observe.", ranges)
	a := c.Attributes
	o.Names, _ = l.strings(a["names"])
	o.VPCs, _ = l.strings(a["vpcs"])
	if globs, ok := l.strings(a["instances"]); ok {
		for _, g := range globs {
			if _, err := path.Match(g, ""); err != nil || g == "" {
				l.errorf(a["instances"], "Invalid instance pattern", "The instance pattern %q is not a valid glob. Use an instance id or a glob such as \"i-0c0ffee0*\".", g)
				continue
			}
			o.Instances = append(o.Instances, g)
		}
	}
	if cidrs, ok := l.strings(a["cidrs"]); ok {
		for _, s := range cidrs {
			p, err := netip.ParsePrefix(s)
			if err != nil {
				l.errorf(a["cidrs"], "Invalid CIDR", "%q is not a CIDR range. Write an address range such as \"10.1.0.0/16\".", s)
				continue
			}
			o.CIDRs = append(o.CIDRs, p.Masked())
		}
	}
	if prefixes, ok := l.strings(a["terraform"]); ok {
		for _, p := range prefixes {
			if p == "" || strings.ContainsAny(p, " \t\n") || strings.HasSuffix(p, ".") {
				l.errorf(a["terraform"], "Invalid Terraform address", "%q is not a Terraform address prefix. Write a module or resource address such as \"module.checkout\" or \"aws_dynamodb_table.orders\".", p)
				continue
			}
			o.Terraform = append(o.Terraform, p)
		}
	}
	if hosts, ok := l.strings(a["hosts"]); ok {
		for _, h := range hosts {
			h = strings.ToLower(strings.TrimSuffix(h, "."))
			if _, err := path.Match(h, ""); err != nil || h == "" || strings.ContainsAny(h, "/ ") {
				l.errorf(a["hosts"], "Invalid host pattern", "%q is not a hostname or a glob such as \"*.stripe.com\".", h)
				continue
			}
			o.Hosts = append(o.Hosts, h)
		}
	}
	return o
}
