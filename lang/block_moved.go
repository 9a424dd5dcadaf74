package lang

import (
	"github.com/hashicorp/hcl/v2"
)

var movedSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "from", Required: true},
		{Name: "to", Required: true},
	},
}

// Moved is a `moved { from, to }` block: the block recorded in the state
// as From is the one now at To, so a diff against that state shows a move
// rather than a delete and a create (Terraform's convention, for instance
// when service.api becomes service.api["eu"] under for_each).
type Moved struct {
	From, To Address

	DeclRange hcl.Range
	FromRange hcl.Range
	ToRange   hcl.Range
}

func (l *loader) decodeMovedBlock(block *hcl.Block) *Moved {
	content := l.content(block.Body, movedSchema)
	from, to := content.Attributes["from"], content.Attributes["to"]
	if from == nil || to == nil {
		return nil
	}
	m := &Moved{DeclRange: block.DefRange, FromRange: from.Expr.Range(), ToRange: to.Expr.Range()}
	spec := refSpec{KindService, KindData, KindDependency, KindObjective, KindAudience, KindRegion}
	f, fok := l.refExpr(from.Name, from.Expr, spec)
	t, tok := l.refExpr(to.Name, to.Expr, spec)
	if !fok || !tok {
		return nil
	}
	m.From, m.To = f.Addr, t.Addr
	if m.From.Kind != m.To.Kind {
		rng := m.ToRange
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid move",
			Detail:   "A moved block's from and to must name blocks of the same kind: " + m.From.String() + " cannot become " + m.To.String() + ".",
			Subject:  &rng,
		})
		return nil
	}
	return m
}
