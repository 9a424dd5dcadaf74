package lang

import (
	"fmt"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// expansion is one block kept for the evaluator: its instances and the
// body they are decoded from.
type expansion struct {
	block   *hcl.Block
	kind    Kind
	body    hcl.Body // without for_each and count
	forEach bool
	count   bool
	keys    []cty.Value // for_each keys (strings) or count indexes (numbers); nil for one instance
	values  []cty.Value // each.value
}

// splitRepetition takes for_each and count out of a block's body. A
// native-syntax body is copied without them, so that decoding each
// instance takes the fast path of plainContent; others go through
// PartialContent.
func (l *loader) splitRepetition(body hcl.Body) (forEach, count *hcl.Attribute, rest hcl.Body) {
	if b, ok := body.(*hclsyntax.Body); ok {
		fe, cnt := b.Attributes["for_each"], b.Attributes["count"]
		if fe == nil && cnt == nil {
			return nil, nil, b
		}
		cp := *b
		cp.Attributes = make(hclsyntax.Attributes, len(b.Attributes))
		for name, a := range b.Attributes {
			if name != "for_each" && name != "count" {
				cp.Attributes[name] = a
			}
		}
		if fe != nil {
			forEach = fe.AsHCLAttribute()
		}
		if cnt != nil {
			count = cnt.AsHCLAttribute()
		}
		return forEach, count, &cp
	}
	content, rest, diags := body.PartialContent(repetitionSchema)
	l.diags = append(l.diags, diags...)
	return content.Attributes["for_each"], content.Attributes["count"], rest
}

var repetitionSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "count"}},
}

// expandBlocks evaluates the for_each and count of the scope's deferred
// blocks and records their instances' names, so that references to them
// can be evaluated before any is decoded.
func (l *loader) expandBlocks(s *scope) []*expansion {
	ctx := s.context()
	var out []*expansion
	declared := map[Address]hcl.Range{}
	for _, b := range s.deferred {
		kind, _ := ParseKind(b.Type)
		e := &expansion{block: b, kind: kind}
		fe, cnt, rest := l.splitRepetition(b.Body)
		e.body = rest
		if fe != nil && cnt != nil {
			rng := cnt.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid combination of \"count\" and \"for_each\"",
				Detail:   "A block may have count or for_each, not both.",
				Subject:  &rng,
			})
			continue
		}
		base := b.Labels[0]
		addr := Address{kind, s.prefix + base}
		if first, dup := l.mod.DeclRange(addr); dup {
			l.diags = append(l.diags, duplicateDiag(kind.String(), fmt.Sprintf("%q", base), b.DefRange, first))
			continue
		}
		if first, dup := declared[addr]; dup {
			l.diags = append(l.diags, duplicateDiag(kind.String(), fmt.Sprintf("%q", base), b.DefRange, first))
			continue
		}
		declared[addr] = b.DefRange
		failed := func() {
			if l.mod.unknown == nil {
				l.mod.unknown = map[Address]bool{}
			}
			l.mod.unknown[addr] = true
			if s.expanded[kind] == nil {
				s.expanded[kind] = map[string]cty.Value{}
			}
			s.expanded[kind][base] = cty.DynamicVal
		}
		switch {
		case fe != nil:
			e.forEach = true
			if !l.forEachKeys(s, e, fe, ctx) {
				failed()
				continue
			}
		case cnt != nil:
			e.count = true
			if !l.countKeys(s, e, cnt, ctx) {
				failed()
				continue
			}
		}
		if kind == KindRegion && s.parent != nil {
			continue // reported when merging
		}
		if e.keys != nil || e.forEach || e.count {
			var v cty.Value
			if e.forEach {
				m := make(map[string]cty.Value, len(e.keys))
				for _, k := range e.keys {
					m[k.AsString()] = refVal(Address{kind, s.prefix + instanceName(base, k)})
				}
				v = cty.ObjectVal(m)
			} else {
				vals := make([]cty.Value, len(e.keys))
				for i, k := range e.keys {
					vals[i] = refVal(Address{kind, s.prefix + instanceName(base, k)})
				}
				v = cty.TupleVal(vals)
			}
			if s.expanded[kind] == nil {
				s.expanded[kind] = map[string]cty.Value{}
			}
			s.expanded[kind][base] = v
		} else {
			s.plain[kind] = append(s.plain[kind], base)
		}
		out = append(out, e)
	}
	return out
}

func (l *loader) forEachKeys(s *scope, e *expansion, attr *hcl.Attribute, ctx *hcl.EvalContext) bool {
	rng := attr.Expr.Range()
	fail := func(detail string) bool {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid for_each argument", Detail: detail, Subject: &rng})
		return false
	}
	if !l.checkNames(s, attr.Expr, nil) {
		return false
	}
	v, diags := attr.Expr.Value(ctx)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return false
	}
	switch {
	// Only the keys must be known (a value may be known later); checking
	// the whole of a 10,000-entry map would cost more than its keys.
	case !v.IsKnown() && l.readsUnknownInput(s, attr.Expr):
		return false // the variable's own error says why
	case !v.IsKnown():
		return fail("The for_each value depends on a block reference or a module output, which are known only once instances are: build it from variables, locals and literals.")
	case v.IsNull():
		return fail("The for_each value is null; give a map, or a set of strings.")
	}
	ty := v.Type()
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		if v.LengthInt() > MaxInstances {
			return fail(fmt.Sprintf("The for_each value has %d elements; one block may have at most %d instances. Split the block.", v.LengthInt(), MaxInstances))
		}
		e.keys = make([]cty.Value, 0, v.LengthInt())
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if !validKey(k.AsString()) {
				return fail(fmt.Sprintf("The for_each key %q is empty or holds a control character; instance keys must be printable.", k.AsString()))
			}
			e.keys = append(e.keys, k)
			e.values = append(e.values, val)
		}
	case ty.IsSetType():
		if !ty.ElementType().Equals(cty.String) {
			if sv, err := convertSetOfStrings(v); err == nil {
				v = sv
			} else {
				return fail(fmt.Sprintf("The for_each value is a set of %s; it must be a map, or a set of strings.", ty.ElementType().FriendlyName()))
			}
		}
		if v.LengthInt() > MaxInstances {
			return fail(fmt.Sprintf("The for_each value has %d elements; one block may have at most %d instances. Split the block.", v.LengthInt(), MaxInstances))
		}
		for it := v.ElementIterator(); it.Next(); {
			_, k := it.Element()
			if !k.IsKnown() {
				return fail("The for_each set holds a value known only once instances are: build it from variables, locals and literals.")
			}
			if k.IsNull() {
				return fail("The for_each set holds a null; every element must be a string.")
			}
			if !validKey(k.AsString()) {
				return fail(fmt.Sprintf("The for_each key %q is empty or holds a control character; instance keys must be printable.", k.AsString()))
			}
			e.keys = append(e.keys, k)
			e.values = append(e.values, k)
		}
		if e.keys == nil {
			e.keys = []cty.Value{}
		}
	default:
		return fail(fmt.Sprintf("The for_each value must be a map, or a set of strings; this is %s. For a list of strings, write toset(...).", friendlyType(ty)))
	}
	if e.keys == nil {
		e.keys = []cty.Value{}
	}
	return true
}

// readsUnknownInput reports whether e reads a variable or local whose
// value is unknown because of an error already reported (a required
// variable without a value, a value of the wrong type, a cycle).
func (l *loader) readsUnknownInput(s *scope, e hcl.Expression) bool {
	for _, t := range s.vars(e) {
		if len(t) < 2 {
			continue
		}
		a, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch t.RootName() {
		case "var":
			if v, ok := s.varVals[a.Name]; ok && !v.IsWhollyKnown() {
				return true
			}
		case "local":
			if v, ok := s.localVals[a.Name]; ok && !v.IsWhollyKnown() && s.stable[a.Name] {
				return true
			}
		}
	}
	return false
}

func convertSetOfStrings(v cty.Value) (cty.Value, error) {
	vals := make([]cty.Value, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type() != cty.String {
			return cty.NilVal, fmt.Errorf("not a string")
		}
		vals = append(vals, e)
	}
	if len(vals) == 0 {
		return cty.SetValEmpty(cty.String), nil
	}
	return cty.SetVal(vals), nil
}

func validKey(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

func (l *loader) countKeys(s *scope, e *expansion, attr *hcl.Attribute, ctx *hcl.EvalContext) bool {
	rng := attr.Expr.Range()
	fail := func(detail string) bool {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid count argument", Detail: detail, Subject: &rng})
		return false
	}
	if !l.checkNames(s, attr.Expr, nil) {
		return false
	}
	v, diags := attr.Expr.Value(ctx)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() {
		return false
	}
	switch {
	case !v.IsWhollyKnown() && l.readsUnknownInput(s, attr.Expr):
		return false // the variable's own error says why
	case !v.IsWhollyKnown():
		return fail("The count value depends on a block reference or a module output, which are known only once instances are: build it from variables, locals and literals.")
	case v.IsNull():
		return fail("The count value is null; give a whole number.")
	case v.Type() != cty.Number:
		return fail(fmt.Sprintf("The count value must be a whole number, not %s.", friendlyType(v.Type())))
	}
	bf := v.AsBigFloat()
	if !bf.IsInt() || bf.Sign() < 0 {
		return fail(fmt.Sprintf("The count value must be a whole number, 0 or more; %s is not.", bf.Text('g', 10)))
	}
	if bf.Cmp(big.NewFloat(MaxInstances)) > 0 {
		return fail(fmt.Sprintf("The count value is %s; one block may have at most %d instances. Split the block.", bf.Text('f', 0), MaxInstances))
	}
	n, _ := bf.Int64()
	e.keys = make([]cty.Value, n)
	for i := range e.keys {
		e.keys[i] = cty.NumberIntVal(int64(i))
	}
	return true
}

// decodeInstances decodes each instance of a deferred block in the scope,
// with each or count set, and declares it. A diagnostic inside an instance
// names it; one that every instance repeats is reported once. Instances
// are decoded on all cores (each into its own loader: the expressions and
// values they share are read-only) and declared in key order.
func (l *loader) decodeInstances(s *scope, e *expansion) {
	base := e.block.Labels[0]
	type result struct {
		addr  Address
		value any
		il    *loader
	}
	one := func(key cty.Value, value cty.Value, hasKey bool) result {
		name := s.prefix + base
		ctx := s.ctx
		var inst *expansion
		if hasKey {
			name = s.prefix + instanceName(base, key)
			ctx = s.ctx.NewChild()
			inst = e
			if e.forEach {
				ctx.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})}
			} else {
				ctx.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": key})}
			}
		}
		blk := *e.block
		blk.Labels = []string{name}
		blk.Body = e.body
		il := &loader{
			decoder: &decoder{ctx: ctx, scope: s, inst: inst, prefix: s.prefix},
			mod:     l.mod,
			broken:  l.broken, // exprRanges made when first recorded
		}
		v := il.decodeKindBlock(&blk)
		if r, ok := v.(*Region); ok && e.forEach {
			if _, set := r.Attrs["code"]; !set {
				r.Code = key.AsString()
			}
		}
		return result{Address{e.kind, name}, v, il}
	}
	if e.keys == nil {
		r := one(cty.NilVal, cty.NilVal, false)
		l.diags = append(l.diags, r.il.diags...)
		l.mergeExprRanges(r.il.exprRanges)
		l.declareValue(r.value)
		return
	}
	whole := Address{e.kind, s.prefix + base}
	if l.mod.instances == nil {
		l.mod.instances = map[Address][]Address{}
	}
	if len(e.keys) == 0 {
		l.mod.instances[whole] = []Address{} // known to have none
		return
	}
	results := make([]result, len(e.keys))
	n := max(1, min(l.opts.workers(), len(e.keys)/64))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(e.keys) {
					return
				}
				var val cty.Value
				if e.forEach {
					val = e.values[i]
				}
				results[i] = one(e.keys[i], val, true)
			}
		}()
	}
	wg.Wait()

	type seenDiag struct {
		diag  *hcl.Diagnostic
		first string
		more  int
	}
	var order []*seenDiag
	byKey := map[string]*seenDiag{}
	for _, r := range results {
		for _, d := range r.il.diags {
			k := d.Summary + "\x00" + d.Detail
			if d.Subject != nil {
				k += fmt.Sprintf("\x00%s:%d", d.Subject.Filename, d.Subject.Start.Byte)
			}
			if sd, ok := byKey[k]; ok {
				sd.more++
				continue
			}
			sd := &seenDiag{diag: d, first: r.addr.String()}
			byKey[k] = sd
			order = append(order, sd)
		}
		l.mergeExprRanges(r.il.exprRanges)
		l.declareValue(r.value)
		l.mod.instances[whole] = append(l.mod.instances[whole], r.addr)
	}
	for _, sd := range order {
		d := sd.diag
		switch sd.more {
		case 0:
			d.Detail = strings.TrimSpace(d.Detail + " In " + sd.first + ".")
		default:
			d.Detail = strings.TrimSpace(fmt.Sprintf("%s In %s and %d more instances.", d.Detail, sd.first, sd.more))
		}
		l.diags = append(l.diags, d)
	}
}

// mergeExprRanges keeps the ranges an instance's loader recorded; the
// first recorded for a key wins, as in recordExpr.
func (l *loader) mergeExprRanges(m map[exprKey]hcl.Range) {
	for k, v := range m {
		if _, seen := l.exprRanges[k]; !seen {
			l.exprRanges[k] = v
		}
	}
}

// instanceDiags names the instance in what resolving an instance reports,
// once for all instances that report the same: "… In service.api["eu"]
// and 2 more instances."
type instanceDiags struct {
	byKey map[instanceDiagKey]*instanceDiag
	order []*instanceDiag
}

type instanceDiagKey struct {
	summary, detail string
	subject         hcl.Range
}

type instanceDiag struct {
	diag  *hcl.Diagnostic
	first string
	more  int
}

func newInstanceDiags() *instanceDiags {
	return &instanceDiags{byKey: map[instanceDiagKey]*instanceDiag{}}
}

// take claims the diagnostics from index from on when a is an instance,
// dropping those an earlier instance reported alike.
func (in *instanceDiags) take(l *loader, a Address, from int) {
	if len(l.diags) == from || !strings.HasSuffix(a.Name, "]") {
		return
	}
	kept := l.diags[:from]
	for _, d := range l.diags[from:] {
		k := instanceDiagKey{summary: d.Summary, detail: d.Detail}
		if d.Subject != nil {
			k.subject = *d.Subject
		}
		if seen, ok := in.byKey[k]; ok {
			seen.more++
			continue
		}
		id := &instanceDiag{diag: d, first: a.String()}
		in.byKey[k] = id
		in.order = append(in.order, id)
		kept = append(kept, d)
	}
	l.diags = kept
}

// name adds the instance to each diagnostic taken.
func (in *instanceDiags) name() {
	for _, id := range in.order {
		d := id.diag
		if id.more == 0 {
			d.Detail = strings.TrimSpace(d.Detail + " In " + id.first + ".")
		} else {
			d.Detail = strings.TrimSpace(fmt.Sprintf("%s In %s and %d more instances.", d.Detail, id.first, id.more))
		}
	}
}
