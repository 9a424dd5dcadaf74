package lang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/mrplan/mrplan/providers"
)

// didYouMean returns ` Did you mean "x"?` for the candidate closest to
// given by edit distance, prefixed with prefix, or "" when none is close.
func didYouMean(given string, candidates []string, prefix string) string {
	if s := nearest(given, candidates); s != "" {
		return fmt.Sprintf(" Did you mean %q?", prefix+s)
	}
	return ""
}

// nearest returns the candidate closest to given, if it is within a third
// of the word's length (at least 2 edits, as HCL allows), else "".
func nearest(given string, candidates []string) string { return providers.Suggest(given, candidates) }

// refSpec says which kinds of block an attribute may reference.
type refSpec []Kind

func (k refSpec) allows(kind Kind) bool {
	for _, a := range k {
		if a == kind {
			return true
		}
	}
	return false
}

func (k refSpec) words() string {
	w := make([]string, len(k))
	for i, kind := range k {
		w[i] = kind.String()
	}
	return strings.Join(w, " or ")
}

var (
	refRegion    = refSpec{KindRegion}
	refObjective = refSpec{KindObjective}
	refService   = refSpec{KindService}
	refData      = refSpec{KindData}
	refCallee    = refSpec{KindService, KindDependency}
	refAudience  = refSpec{KindAudience}
)

// ref reads one static reference such as region.us-east-1. In JSON syntax
// the same is written as a string, "region.us-east-1". The kind is checked
// here; whether the block exists is checked once every file is read.
func (d *decoder) ref(attr *hcl.Attribute, spec refSpec) (Ref, bool) {
	if attr == nil || isNullExpr(attr.Expr) {
		return Ref{}, false
	}
	return d.refExpr(attr.Name, attr.Expr, spec)
}

// refs reads a list of static references. ok is false when the list or
// any element was invalid (the valid elements are still returned).
func (d *decoder) refs(attr *hcl.Attribute, spec refSpec) ([]Ref, bool) {
	if attr == nil || isNullExpr(attr.Expr) {
		return nil, false
	}
	exprs, diags := hcl.ExprList(attr.Expr)
	if diags.HasErrors() && d.scope != nil {
		// var.regions, [for r in var.names : region[r]], concat(...):
		// evaluated as a whole.
		exprs, diags = []hcl.Expression{attr.Expr}, nil
	}
	if diags.HasErrors() {
		rng := attr.Expr.Range()
		d.diags = append(d.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference list",
			Detail:   fmt.Sprintf("The %s argument must be a list of %s references, such as [%s.NAME].", attr.Name, spec.words(), spec[0]),
			Subject:  &rng,
		})
		return nil, false
	}
	out := make([]Ref, 0, len(exprs))
	ok := true
	// A long list (a gateway's depends_on) finds duplicates in a set, not
	// by scanning what came before each element.
	var seen map[Address]bool
	if len(exprs) > 16 {
		seen = make(map[Address]bool, len(exprs))
	}
	listed := func(a Address) bool {
		if seen == nil {
			return hasRef(out, a)
		}
		dup := seen[a]
		seen[a] = true
		return dup
	}
	var rs []Ref
	for _, e := range exprs {
		var rok bool
		rs, rok = d.refExprs(attr.Name, e, spec, true, rs[:0])
		if !rok {
			ok = false
		}
		for _, r := range rs {
			if listed(r.Addr) {
				rng := r.Range
				d.diags = append(d.diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Duplicate reference",
					Detail:   fmt.Sprintf("%s is listed twice in %s; the second mention has no effect. Remove it.", r.Addr, attr.Name),
					Subject:  &rng,
				})
				continue
			}
			out = append(out, r)
		}
	}
	return out, ok
}

func isNullExpr(e hcl.Expression) bool {
	switch e.(type) {
	case *hclsyntax.TupleConsExpr, *hclsyntax.ScopeTraversalExpr:
		// Never null, and a traversal evaluated without variables would
		// only build a diagnostic to be thrown away.
		return false
	}
	v, diags := e.Value(nil)
	return !diags.HasErrors() && v.IsNull()
}

func (d *decoder) refExpr(name string, expr hcl.Expression, spec refSpec) (Ref, bool) {
	var buf [1]Ref
	refs, ok := d.refExprs(name, expr, spec, false, buf[:0])
	if !ok {
		return Ref{}, false
	}
	if len(refs) != 1 {
		rng := expr.Range()
		d.diags = append(d.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid reference",
			Detail:   fmt.Sprintf("The %s argument takes one %s reference; this expression names %d blocks.", name, spec.words(), len(refs)),
			Subject:  &rng,
		})
		return Ref{}, false
	}
	return refs[0], true
}

// refExprs reads a static reference, or, in a scope, any expression that
// evaluates to references: one, or (when many) a collection of them.
//
// The references are appended to out, which is returned.
func (d *decoder) refExprs(name string, expr hcl.Expression, spec refSpec, many bool, out []Ref) ([]Ref, bool) {
	rng := expr.Range()
	fail := func(summary, detail string) ([]Ref, bool) {
		d.diags = append(d.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng})
		return out, false
	}
	one := func(r Ref, ok bool) ([]Ref, bool) {
		if !ok {
			return out, false
		}
		return append(out, r), true
	}
	example := spec[0].String() + ".NAME"
	trav, diags := hcl.AbsTraversalForExpr(expr)
	if d.scope != nil {
		if diags.HasErrors() && len(d.scope.vars(expr)) > 0 || !diags.HasErrors() && scopeRoots[trav.RootName()] {
			rs, ok := d.evalRefs(name, expr, spec, many)
			return append(out, rs...), ok
		}
	}
	if diags.HasErrors() {
		// A quoted name in native syntax is the commonest slip: say how to
		// write it instead.
		if strings.HasSuffix(rng.Filename, SuffixJSON) {
			return fail("Invalid reference", fmt.Sprintf("The %s argument takes a %s reference, written in JSON as a string such as %q.", name, spec.words(), example))
		}
		if v, vd := expr.Value(nil); !vd.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			s := v.AsString()
			if _, _, isAddr := strings.Cut(s, "."); !isAddr {
				s = spec[0].String() + "." + s
			}
			return fail("Invalid reference", fmt.Sprintf("The %s argument takes a reference, not a string. Write it without quotes: %s.", name, s))
		}
		return fail("Invalid reference", fmt.Sprintf("The %s argument takes a %s reference such as %s.", name, spec.words(), example))
	}
	root := trav.RootName()
	kind, known := ParseKind(root)
	if len(trav) == 1 && !known {
		return fail("Invalid reference", fmt.Sprintf("A reference names a kind of block and a name, such as %s. Did you mean %s.%s?", example, spec[0], root))
	}
	if !known {
		return fail("Invalid reference", fmt.Sprintf("%q is not a kind of block; a reference is written as %s.%s", root, example, didYouMean(root, kindNames[1:], "")))
	}
	local, ok := staticName(trav)
	if !ok {
		return fail("Invalid reference", fmt.Sprintf("A reference is written KIND.NAME, such as %s, or KIND.NAME[KEY] for one instance of a block with for_each or count.", example))
	}
	if !spec.allows(kind) {
		return fail("Invalid reference kind", fmt.Sprintf("The %s argument takes %s references; %s.%s is %s.", name, spec.words(), kind, local, strings.ToLower(article(kindNoun(kind)))))
	}
	return one(Ref{Addr: Address{kind, d.qualify(kind, local)}, Range: trav.SourceRange()}, true)
}

// qualify puts the module prefix before a name the decoder's module
// declares: all but regions and providers, which are the root's.
func (d *decoder) qualify(k Kind, name string) string {
	if d.prefix == "" || k == KindRegion || k == KindProvider {
		return name
	}
	return d.prefix + name
}

// staticName reads the name a static reference gives after its kind:
// "api", api["eu"] or worker[0].
func staticName(t hcl.Traversal) (string, bool) {
	if len(t) < 2 || len(t) > 3 {
		return "", false
	}
	var base string
	switch s := t[1].(type) {
	case hcl.TraverseAttr:
		base = s.Name
	case hcl.TraverseIndex:
		if len(t) != 2 || s.Key.Type() != cty.String || s.Key.IsNull() || !validIdentifier(s.Key.AsString()) {
			return "", false
		}
		return s.Key.AsString(), true
	default:
		return "", false
	}
	if len(t) == 2 {
		return base, true
	}
	idx, ok := t[2].(hcl.TraverseIndex)
	if !ok || idx.Key.IsNull() || !idx.Key.IsKnown() {
		return "", false
	}
	switch idx.Key.Type() {
	case cty.String:
		return instanceName(base, idx.Key), true
	case cty.Number:
		if bf := idx.Key.AsBigFloat(); bf.IsInt() && bf.Sign() >= 0 {
			return instanceName(base, idx.Key), true
		}
	}
	return "", false
}

// resolve checks that r names a declared block and reports "Unknown
// reference" with the closest declared name of the allowed kinds otherwise.
func (l *loader) resolve(r Ref, spec refSpec) bool {
	if _, ok := l.mod.index[r.Addr]; ok {
		return true
	}
	if l.broken || l.mod.unknown[r.Addr] || l.mod.unknown[wholeBlock(r.Addr)] {
		return false // the block may be in the file that did not parse
	}
	// Suggest by name among the kinds allowed here, so that
	// service.stripe finds dependency.stripe.
	c := l.suggestionsFor(spec)
	rng := r.Range
	if inst, repeated := l.mod.instances[r.Addr]; repeated {
		detail := fmt.Sprintf("%s has count or for_each and no instance, so there is nothing here to reference.", r.Addr)
		if len(inst) > 0 {
			detail = fmt.Sprintf("%s has count or for_each, so a reference here must name one of its instances, such as %s.", r.Addr, inst[0])
		}
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing instance key",
			Detail:   detail,
			Subject:  &rng,
		})
		return false
	}
	mod, local := splitModulePath(r.Addr.Name)
	detail := fmt.Sprintf("There is no %s named %q in this module.", r.Addr.Kind, local)
	if mod != "" {
		detail = fmt.Sprintf("There is no %s named %q in %s. A child module sees only its own blocks and the root's regions: pass others in through a variable.", r.Addr.Kind, local, mod)
	}
	if s := nearest(r.Addr.Name, c.nameList); s != "" {
		names := c.names
		best := names[s][0]
		for _, a := range names[s] {
			if a.Kind == r.Addr.Kind {
				best = a
			}
		}
		detail += fmt.Sprintf(" Did you mean %q?", best.String())
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Unknown reference",
		Detail:   detail,
		Subject:  &rng,
	})
	return false
}

// suggestions are the declared names a failed reference of one refSpec
// may be suggested from.
type suggestions struct {
	nameList []string             // sorted by address
	names    map[string][]Address // by name, in the same order
}

// suggestionsFor builds spec's suggestions once per load: resolving runs
// after every block is declared, so they do not change, and building them
// for every unknown reference would be quadratic in a module full of them.
func (l *loader) suggestionsFor(spec refSpec) *suggestions {
	key := spec.words()
	if c, ok := l.suggestions[key]; ok {
		return c
	}
	var candidates []Address
	c := &suggestions{names: map[string][]Address{}}
	for a := range l.mod.index {
		if spec.allows(a.Kind) {
			candidates = append(candidates, a)
		}
	}
	sort.Slice(candidates, func(i, j int) bool { return candidates[i].Less(candidates[j]) })
	for _, a := range candidates {
		c.nameList = append(c.nameList, a.Name)
		c.names[a.Name] = append(c.names[a.Name], a)
	}
	if l.suggestions == nil {
		l.suggestions = map[string]*suggestions{}
	}
	l.suggestions[key] = c
	return c
}

// resolveAll keeps the references that resolve, reporting the rest.
func (l *loader) resolveAll(refs []Ref, spec refSpec) []Ref {
	out := make([]Ref, 0, len(refs))
	for _, r := range refs {
		if _, ok := l.mod.index[r.Addr]; !ok {
			// A whole block with count or for_each in a list stands for
			// all its instances, as depends_on does in Terraform (none
			// when it has none).
			if inst, repeated := l.mod.instances[r.Addr]; repeated {
				for _, a := range inst {
					if !hasRef(out, a) {
						out = append(out, Ref{Addr: a, Range: r.Range})
					}
				}
				continue
			}
		}
		if l.resolve(r, spec) {
			out = append(out, r)
		}
	}
	return out
}

// kindNoun is what a block of kind k is called in a sentence.
func kindNoun(k Kind) string {
	if k == KindData {
		return "data class"
	}
	return k.String()
}

// wholeBlock is the address of the block an instance address belongs to:
// service.api for service.api["eu"].
func wholeBlock(a Address) Address {
	if i := strings.IndexByte(a.Name, '['); i > 0 {
		a.Name = a.Name[:i]
	}
	return a
}
