package lang

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// checkNames reports every var, local, module output, each and count that
// e reads and the scope does not have, with the closest name that it has.
// inst is the instance e is evaluated for, nil outside repeated blocks.
func (l *loader) checkNames(s *scope, e hcl.Expression, inst *expansion) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, seen := s.checked[e]; seen {
		return ok
	}
	ok := true
	fail := func(t hcl.Traversal, summary, detail string) {
		// The name, not what is read from it: var.nmaes, not var.nmaes[0].
		rng := t.SourceRange()
		if len(t) >= 2 {
			rng = hcl.RangeBetween(t[0].SourceRange(), t[1].SourceRange())
		}
		if len(t) >= 3 && t.RootName() == "module" && summary == "Unsupported attribute" {
			rng = hcl.RangeBetween(t[0].SourceRange(), t[2].SourceRange())
		}
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng})
		ok = false
	}
	for _, t := range s.varsLocked(e) {
		var name string
		if len(t) > 1 {
			if a, isAttr := t[1].(hcl.TraverseAttr); isAttr {
				name = a.Name
			}
		}
		switch t.RootName() {
		case "var":
			if name != "" && s.variable(name) == nil {
				var names []string
				for _, v := range s.variables {
					names = append(names, v.Name)
				}
				fail(t, "Reference to undeclared input variable",
					fmt.Sprintf("There is no variable %q in this module; declare it with a variable block.%s", name, didYouMean(name, names, "var.")))
			}
		case "local":
			if _, declared := s.localVals[name]; name != "" && !declared {
				var names []string
				for _, lc := range s.locals {
					names = append(names, lc.Name)
				}
				fail(t, "Reference to undeclared local value",
					fmt.Sprintf("There is no local value %q in this module; declare it in a locals block.%s", name, didYouMean(name, names, "local.")))
			}
		case "module":
			var call *ModuleCall
			var names []string
			for _, c := range s.calls {
				names = append(names, c.Name)
				if c.Name == name {
					call = c
				}
			}
			if name != "" && call == nil {
				fail(t, "Reference to undeclared module",
					fmt.Sprintf("There is no module call %q in this module.%s", name, didYouMean(name, names, "module.")))
				continue
			}
			out := ""
			if len(t) > 2 {
				if a, isAttr := t[2].(hcl.TraverseAttr); isAttr {
					out = a.Name
				}
			}
			if mv := s.modVals[name]; out != "" && call.ForEach == nil && call.Count == nil && mv.IsKnown() && mv.Type().IsObjectType() && !mv.Type().HasAttribute(out) {
				var outs []string
				for attr := range mv.Type().AttributeTypes() {
					outs = append(outs, attr)
				}
				sort.Strings(outs)
				fail(t, "Unsupported attribute",
					fmt.Sprintf("Module %q has no output %q.%s", name, out, didYouMean(out, outs, "module."+name+".")))
			}
		case "each":
			if inst == nil || !inst.forEach {
				fail(t, "Reference to \"each\" in context without for_each",
					"each.key and each.value can be used only in a block that has for_each.")
			}
		case "count":
			if inst == nil || !inst.count {
				fail(t, "Reference to \"count\" in non-counted context",
					"count.index can be used only in a block that has count.")
			}
		}
	}
	s.checked[e] = ok
	return ok
}

func typeString(t cty.Type) string {
	if t == cty.DynamicPseudoType {
		return "any"
	}
	return t.FriendlyNameForConstraint()
}

// scopedValueOK checks what a value argument of a deferred block reads
// before it is evaluated: the scope's names, and no block references,
// which only reference arguments take.
func (d *decoder) scopedValueOK(attr *hcl.Attribute) bool {
	s := d.scope
	s.mu.Lock()
	ok, seen := s.valueChecked[attr.Expr]
	s.mu.Unlock()
	if seen {
		return ok
	}
	ok = d.checkValueRefs(attr)
	s.mu.Lock()
	if s.valueChecked == nil {
		s.valueChecked = map[hcl.Expression]bool{}
	}
	s.valueChecked[attr.Expr] = ok
	s.mu.Unlock()
	return ok
}

func (d *decoder) checkValueRefs(attr *hcl.Attribute) bool {
	for _, t := range d.scope.vars(attr.Expr) {
		if _, isKind := ParseKind(t.RootName()); isKind {
			rng := t.SourceRange()
			d.diags = append(d.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "References not allowed here",
				Detail:   referenceNotAllowed(attr),
				Subject:  &rng,
			})
			return false
		}
	}
	return d.checkScopeNames(attr.Expr)
}

// checkScopeNames is loader.checkNames for a decoder, whose diagnostics
// are its own.
func (d *decoder) checkScopeNames(e hcl.Expression) bool {
	d.scope.mu.Lock()
	ok, seen := d.scope.checked[e]
	d.scope.mu.Unlock()
	if seen {
		return ok
	}
	tmp := &loader{decoder: &decoder{}}
	ok = tmp.checkNames(d.scope, e, d.inst)
	d.diags = append(d.diags, tmp.diags...)
	return ok
}

// evalRefs evaluates an expression that stands for references: region[r],
// var.regions, [for k in keys(service.api) : service.api[k]], values of a
// module output. In a list literal each element is read on its own, so
// that a finding can point at it.
func (d *decoder) evalRefs(name string, expr hcl.Expression, spec refSpec, many bool) ([]Ref, bool) {
	if t, ok := expr.(*hclsyntax.TupleConsExpr); ok && many {
		var out []Ref
		ok := true
		for _, e := range t.Exprs {
			var rok bool
			out, rok = d.refExprs(name, e, spec, true, out)
			ok = ok && rok
		}
		return out, ok
	}
	rng := expr.Range()
	if !d.checkScopeNames(expr) {
		return nil, false
	}
	v, diags := expr.Value(d.ctx)
	d.diags = append(d.diags, diags...)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return nil, false
	}
	var out []Ref
	ok := true
	var walk func(v cty.Value)
	walk = func(v cty.Value) {
		ty := v.Type()
		switch {
		case v.IsNull():
		case ty.Equals(refType):
			a := *v.EncapsulatedValue().(*Address)
			if !spec.allows(a.Kind) {
				d.diags = append(d.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid reference kind",
					Detail:   fmt.Sprintf("The %s argument takes %s references; %s is %s.", name, spec.words(), a, strings.ToLower(article(kindNoun(a.Kind)))),
					Subject:  &rng,
				})
				ok = false
				return
			}
			out = append(out, Ref{Addr: a, Range: rng})
		case ty.IsListType() || ty.IsTupleType() || ty.IsSetType() || ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				walk(e)
			}
		case ty == cty.String:
			s := v.AsString()
			if _, _, isAddr := strings.Cut(s, "."); !isAddr {
				s = spec[0].String() + "[" + strconv.Quote(s) + "]"
			}
			d.diags = append(d.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid reference",
				Detail:   fmt.Sprintf("The %s argument takes %s references, not strings. To name a block by a string, index its kind: %s.", name, spec.words(), s),
				Subject:  &rng,
			})
			ok = false
		default:
			d.diags = append(d.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid reference",
				Detail:   fmt.Sprintf("The %s argument takes %s references, not %s.", name, spec.words(), friendlyType(ty)),
				Subject:  &rng,
			})
			ok = false
		}
	}
	walk(v)
	return out, ok
}
