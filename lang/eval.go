package lang

import (
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// The evaluator: variables, locals, for_each and count, module calls and
// outputs (SPEC §9). A module without any of them never comes here but for
// its JSON files: its blocks are decoded as each file is parsed. A block
// that reads var, local, each, count or module is kept as syntax instead
// and decoded here, once per instance, in its module's scope, after the
// values it reads are known. Each module directory loaded, the root or a
// child, is one scope.

// MaxInstances is the most instances one block may expand to through
// count or for_each; more is an error, so that a mistaken count cannot
// hang a CI run.
const MaxInstances = 10000

// MaxModuleDepth is how deeply module calls may nest.
const MaxModuleDepth = 8

// MaxModuleInstances is the most module instances one load may make, at
// every depth together: each is a copy of its child module, parsed and
// evaluated on its own, so nested counts must not multiply without end.
const MaxModuleInstances = 1000

// refType is the type of a value that names a block: what region.eu or
// service.api["eu"] evaluates to, so that references can pass through
// variables, locals, functions and module outputs.
var refType = cty.CapsuleWithOps("reference", reflect.TypeOf(Address{}), &cty.CapsuleOps{
	GoString:     func(v any) string { return v.(*Address).String() },
	TypeGoString: func(reflect.Type) string { return "reference" },
	RawEquals:    func(a, b any) bool { return *a.(*Address) == *b.(*Address) },
	Equals: func(a, b any) cty.Value {
		return cty.BoolVal(*a.(*Address) == *b.(*Address))
	},
	HashKey: func(v any) string { return v.(*Address).String() },
})

func refVal(a Address) cty.Value { return cty.CapsuleVal(refType, &a) }

// scopeRoots are the names an expression reads besides block references.
var scopeRoots = map[string]bool{"var": true, "local": true, "each": true, "count": true, "module": true}

// kindWords are the block kinds an expression may name, with their values
// in a scope.
var kindWords = []Kind{KindRegion, KindObjective, KindService, KindData, KindDependency, KindAudience}

// scope is one module directory being evaluated: the root, or a child
// loaded by a module call.
type scope struct {
	dir    string
	prefix string // "" for the root, "module.cells." for a child
	parent *scope
	root   *scope
	call   *ModuleCall // nil for the root
	depth  int
	dirs   []string // absolute directories from the root down to this one

	variables []*Variable
	locals    []*Local
	outputs   []*Output
	calls     []*ModuleCall
	moved     []*Moved
	deferred  []*hcl.Block
	plain     map[Kind][]string // names of blocks decoded as written, without prefix
	expanded  map[Kind]map[string]cty.Value

	inputs map[string]inputValue

	varVals   map[string]cty.Value
	localVals map[string]cty.Value
	stable    map[string]bool // locals that need no second evaluation
	modVals   map[string]cty.Value
	kinds     map[string]cty.Value
	ctx       *hcl.EvalContext
	// checked caches checkNames by expression, so each expression of a
	// block with many instances is checked once; valueChecked caches
	// scopedValueOK. mu guards both: instances are decoded in parallel.
	mu           sync.Mutex
	varsOf       map[hcl.Expression][]hcl.Traversal
	checked      map[hcl.Expression]bool
	valueChecked map[hcl.Expression]bool
}

// inputValue is a value given for a variable, and where.
type inputValue struct {
	value cty.Value
	from  string
	rng   *hcl.Range
}

func newScope(dir string) *scope {
	s := &scope{dir: dir, plain: map[Kind][]string{}, expanded: map[Kind]map[string]cty.Value{}, inputs: map[string]inputValue{}}
	s.root = s
	return s
}

// vars is e.Variables(), walked once per expression: the expressions of
// a block with many instances, and large locals, are asked again and again.
func (s *scope) vars(e hcl.Expression) []hcl.Traversal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.varsLocked(e)
}

func (s *scope) varsLocked(e hcl.Expression) []hcl.Traversal {
	if v, ok := s.varsOf[e]; ok {
		return v
	}
	if s.varsOf == nil {
		s.varsOf = map[hcl.Expression][]hcl.Traversal{}
	}
	v := e.Variables()
	s.varsOf[e] = v
	return v
}

func (s *scope) path() string { return strings.TrimSuffix(s.prefix, ".") }

// empty reports whether the scope has nothing to evaluate.
func (s *scope) empty() bool {
	return s.parent == nil && len(s.variables) == 0 && len(s.locals) == 0 && len(s.outputs) == 0 &&
		len(s.calls) == 0 && len(s.moved) == 0 && len(s.deferred) == 0 && len(s.inputs) == 0
}

func (s *scope) variable(name string) *Variable {
	for _, v := range s.variables {
		if v.Name == name {
			return v
		}
	}
	return nil
}

// context builds the scope's evaluation context from its current values.
func (s *scope) context() *hcl.EvalContext {
	vars := map[string]cty.Value{
		"var":    cty.ObjectVal(s.varVals),
		"local":  cty.ObjectVal(s.localVals),
		"module": cty.ObjectVal(s.modVals),
	}
	for name, v := range s.kinds {
		vars[name] = v
	}
	s.ctx = &hcl.EvalContext{Variables: vars, Functions: functions}
	return s.ctx
}

// unknownKinds stands for every block reference before the blocks'
// instances are known: what reads one is unknown, not an error.
func unknownKinds() map[string]cty.Value {
	out := map[string]cty.Value{}
	for _, k := range kindWords {
		out[k.String()] = cty.DynamicVal
	}
	return out
}

// kindValues builds, per kind, the object of the scope's blocks by name:
// a reference for a single block, an object by key (for_each) or a tuple
// (count) of references for a repeated one. Regions are the root's.
func (s *scope) kindValues() map[string]cty.Value {
	out := map[string]cty.Value{}
	for _, k := range kindWords {
		if k == KindRegion && s.parent != nil {
			out[k.String()] = s.root.kinds[k.String()]
			continue
		}
		attrs := make(map[string]cty.Value, len(s.plain[k])+len(s.expanded[k]))
		for _, name := range s.plain[k] {
			attrs[name] = refVal(Address{k, s.prefix + name})
		}
		for name, v := range s.expanded[k] {
			attrs[name] = v
		}
		out[k.String()] = cty.ObjectVal(attrs)
	}
	return out
}

// instanceName is the name of one instance: api["eu"] or worker[0].
func instanceName(base string, key cty.Value) string {
	if key.Type() == cty.Number {
		i, _ := key.AsBigFloat().Int64()
		return base + "[" + strconv.FormatInt(i, 10) + "]"
	}
	return base + "[" + strconv.Quote(key.AsString()) + "]"
}

// evaluate evaluates scope s: its variables, locals, the instances of its
// repeated blocks, its child modules and its outputs.
func (l *loader) evaluate(s *scope) {
	if s.empty() {
		return
	}
	s.checked = map[hcl.Expression]bool{}
	s.modVals = map[string]cty.Value{}
	for _, c := range s.calls {
		s.modVals[c.Name] = cty.DynamicVal
	}
	l.evalVariables(s)
	order := l.localOrder(s)
	s.kinds = unknownKinds()
	l.evalLocals(s, order, false)
	exps := l.expandBlocks(s)
	s.kinds = s.kindValues()
	l.evalLocals(s, order, false)
	l.evalCalls(s, order)
	l.evalLocals(s, order, true)
	for _, e := range exps {
		l.decodeInstances(s, e)
	}
	l.evalOutputs(s)
	if s.parent == nil {
		l.mod.Variables = s.variables
		l.mod.Locals = s.locals
		// The module keeps where each local is declared, not its value
		// or syntax: a map that feeds 10,000 instances would otherwise stay
		// alive, and be scanned by every collection, through planning.
		for _, lc := range s.locals {
			lc.Expr, lc.Value = nil, cty.NilVal
		}
		l.mod.Outputs = s.outputs
	}
	l.mod.Moved = append(l.mod.Moved, s.moved...)
}

// evalVariables sets each variable's value from the scope's inputs, or its
// default, and runs its validations.
func (l *loader) evalVariables(s *scope) {
	s.varVals = map[string]cty.Value{}
	for _, v := range s.variables {
		in, given := s.inputs[v.Name]
		switch {
		case given:
			cv, err := convertVar(v, in.value)
			if err != nil {
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid value for variable",
					Detail:   fmt.Sprintf("The value given for variable %q by %s does not fit its type %s: %s.", v.Name, in.from, typeString(v.Type), err),
					Subject:  in.rng,
				})
				cv = cty.UnknownVal(v.Type)
			}
			v.Value, v.From = cv, in.from
		case !v.Required():
			v.Value, v.From = v.Default, "default"
		default:
			if s.parent == nil {
				rng := v.DeclRange
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "No value for required variable",
					Detail: fmt.Sprintf("Variable %q has no default, and no value was given. Set it with -var '%s=VALUE', in a *.auto.mrvars.hcl file, or in the environment as MRPLAN_VAR_%s.",
						v.Name, v.Name, v.Name),
					Subject: &rng,
				})
			} // a module call that omits it is reported at the call
			v.Value = cty.UnknownVal(v.Type)
		}
		s.varVals[v.Name] = v.Value
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(s.varVals)}, Functions: functions}
	for _, v := range s.variables {
		in := s.inputs[v.Name]
		for _, val := range v.Validations {
			if !v.Value.IsWhollyKnown() {
				break
			}
			l.validate(s, v, val, ctx, in.rng)
		}
	}
}

func (l *loader) validate(s *scope, v *Variable, val *Validation, ctx *hcl.EvalContext, at *hcl.Range) {
	for _, t := range val.Condition.Variables() {
		if t.RootName() != "var" {
			rng := t.SourceRange()
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid validation condition",
				Detail:   "A variable's validation condition may read only variables (var.NAME).",
				Subject:  &rng,
			})
			return
		}
	}
	if !l.checkNames(s, val.Condition, nil) {
		return
	}
	cond, diags := val.Condition.Value(ctx)
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() || !cond.IsKnown() {
		return
	}
	rng := val.Condition.Range()
	if cond.IsNull() || cond.Type() != cty.Bool {
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Invalid validation condition",
			Detail:   "A validation condition must be true or false.",
			Subject:  &rng,
		})
		return
	}
	if cond.True() {
		return
	}
	msg := "The value is not valid."
	if m, diags := val.ErrorMessage.Value(ctx); !diags.HasErrors() && m.Type() == cty.String && m.IsKnown() && !m.IsNull() {
		msg = m.AsString()
	}
	subject := at
	if subject == nil {
		subject = &rng
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid value for variable",
		Detail:   fmt.Sprintf("%s\n\nThis was checked by the validation rule at %s:%d,%d.", msg, rng.Filename, rng.Start.Line, rng.Start.Column),
		Subject:  subject,
	})
}

// localOrder orders the scope's locals so that each comes after those it
// reads, reporting every cycle by the locals in it. Locals in a cycle are
// left out (their value stays unknown).
func (l *loader) localOrder(s *scope) []*Local {
	byName := map[string]*Local{}
	for _, lc := range s.locals {
		byName[lc.Name] = lc
	}
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var order []*Local
	var stack []string
	var visit func(lc *Local)
	visit = func(lc *Local) {
		state[lc.Name] = visiting
		stack = append(stack, lc.Name)
		for _, dep := range localDeps(s, lc.Expr) {
			d, ok := byName[dep]
			if !ok {
				continue
			}
			switch state[dep] {
			case unseen:
				visit(d)
			case visiting:
				i := len(stack) - 1
				for stack[i] != dep {
					i--
				}
				cycle := append(append([]string(nil), stack[i:]...), dep)
				for j := range cycle {
					cycle[j] = "local." + cycle[j]
				}
				rng := d.NameRange
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Cycle in local values",
					Detail:   fmt.Sprintf("These local values read each other, so none of them has a value: %s. Break the cycle.", strings.Join(cycle, " → ")),
					Subject:  &rng,
				})
				for _, n := range stack[i:] {
					state[n] = done // reported once; not ordered
				}
			}
		}
		stack = stack[:len(stack)-1]
		if state[lc.Name] == visiting {
			state[lc.Name] = done
			order = append(order, lc)
		}
	}
	for _, lc := range s.locals {
		if state[lc.Name] == unseen {
			visit(lc)
		}
	}
	// A local in a cycle was marked done without being ordered: it and
	// what reads it stay unknown.
	return order
}

// localDeps lists the locals an expression reads, in order.
func localDeps(s *scope, e hcl.Expression) []string {
	var out []string
	for _, t := range s.vars(e) {
		if t.RootName() != "local" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			out = append(out, a.Name)
		}
	}
	return out
}

// evalLocals evaluates the locals in order. A local that reads only
// variables and such locals is stable: evaluated once, on the first pass,
// with its problems reported. The others are evaluated again on each pass
// as block references and module outputs become known; only the last
// pass (report) reports their problems.
func (l *loader) evalLocals(s *scope, order []*Local, report bool) {
	first := s.localVals == nil
	if first {
		s.localVals = map[string]cty.Value{}
		for _, lc := range s.locals {
			s.localVals[lc.Name] = cty.DynamicVal
		}
		s.stable = map[string]bool{}
	}
	// Locals are evaluated a level at a time, those of one level (which
	// read only locals of lower levels) on all cores: a module's locals
	// are often many independent maps.
	for _, level := range localLevels(s, order) {
		type result struct {
			lc     *Local
			stable bool
			v      cty.Value
			diags  hcl.Diagnostics
			skip   bool
		}
		var todo []*result
		for _, lc := range level {
			if !s.stable[lc.Name] {
				todo = append(todo, &result{lc: lc, stable: first && l.stableLocal(s, lc)})
			}
		}
		if len(todo) == 0 {
			continue
		}
		ctx := s.context()
		eval := func(r *result) {
			loud := report || r.stable
			if loud {
				tmp := &loader{decoder: &decoder{}}
				if !tmp.checkNames(s, r.lc.Expr, nil) {
					r.diags, r.skip = tmp.diags, true
					return
				}
				r.diags = tmp.diags
			}
			v, diags := r.lc.Expr.Value(ctx)
			if loud {
				r.diags = append(r.diags, diags...)
			}
			if diags.HasErrors() {
				v = cty.DynamicVal
			}
			r.v = v
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range max(1, min(workers(), len(todo))) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(todo) {
						return
					}
					eval(todo[i])
				}
			}()
		}
		wg.Wait()
		for _, r := range todo {
			l.diags = append(l.diags, r.diags...)
			s.stable[r.lc.Name] = r.stable
			if r.skip {
				continue
			}
			s.localVals[r.lc.Name] = r.v
			r.lc.Value = r.v
		}
	}
	s.context()
}

// localLevels groups locals in order by level: a local's level is one
// more than the highest of the locals it reads (locals in a cycle, left
// out of order, do not count).
func localLevels(s *scope, order []*Local) [][]*Local {
	level := make(map[string]int, len(order))
	var out [][]*Local
	for _, lc := range order {
		n := 0
		for _, dep := range localDeps(s, lc.Expr) {
			if d, ok := level[dep]; ok && d+1 > n {
				n = d + 1
			}
		}
		level[lc.Name] = n
		for len(out) <= n {
			out = append(out, nil)
		}
		out[n] = append(out[n], lc)
	}
	return out
}

// stableLocal reports whether a local reads only variables, functions and
// stable locals, so that its value cannot change between passes.
func (l *loader) stableLocal(s *scope, lc *Local) bool {
	for _, t := range s.vars(lc.Expr) {
		switch t.RootName() {
		case "var":
		case "local":
			if len(t) < 2 {
				return false
			}
			a, ok := t[1].(hcl.TraverseAttr)
			if !ok || !s.stable[a.Name] {
				return false
			}
		default:
			return false
		}
	}
	return true
}

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
			decoder:    &decoder{ctx: ctx, scope: s, inst: inst, prefix: s.prefix},
			mod:        l.mod,
			exprRanges: map[exprKey]hcl.Range{},
			broken:     l.broken,
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
	n := max(1, min(workers(), len(e.keys)/64))
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

// evalOutputs evaluates the scope's outputs; a child's become the value
// of module.NAME in its caller (evalOutputsValue).
func (l *loader) evalOutputs(s *scope) {
	for _, o := range s.outputs {
		if o.Expr == nil || !l.checkNames(s, o.Expr, nil) {
			continue
		}
		v, diags := o.Expr.Value(s.ctx)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		o.Value = v
	}
}

// needsScope reports whether a block must wait for the evaluator: it has
// for_each or count, or reads var, local, each, count or module. Most
// blocks are plain and answered from their syntax without walking it all.
func needsScope(block *hcl.Block) bool {
	b, ok := block.Body.(*hclsyntax.Body)
	if !ok {
		return true
	}
	return bodyNeedsScope(b)
}

func bodyNeedsScope(b *hclsyntax.Body) bool {
	if _, ok := b.Attributes["for_each"]; ok {
		return true
	}
	if _, ok := b.Attributes["count"]; ok {
		return true
	}
	for _, a := range b.Attributes {
		if exprNeedsScope(a.Expr) {
			return true
		}
	}
	for _, nb := range b.Blocks {
		if bodyNeedsScope(nb.Body) {
			return true
		}
	}
	return false
}

func exprNeedsScope(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return false
	case *hclsyntax.ScopeTraversalExpr:
		return scopeRoots[e.Traversal.RootName()]
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) == 1 {
			if _, lit := e.Parts[0].(*hclsyntax.LiteralValueExpr); lit {
				return false
			}
		}
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			if exprNeedsScope(x) {
				return true
			}
		}
		return false
	}
	for _, t := range e.Variables() {
		if scopeRoots[t.RootName()] {
			return true
		}
	}
	return false
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

// addComposition takes a decoded variable, locals, output, module or moved
// block into the scope, reporting duplicates; false for other blocks.
func (s *scope) addComposition(l *loader, value any) bool {
	switch v := value.(type) {
	case *Variable:
		if first := s.variable(v.Name); first != nil {
			l.diags = append(l.diags, duplicateDiag("variable", fmt.Sprintf("%q", v.Name), v.DeclRange, first.DeclRange))
			return true
		}
		s.variables = append(s.variables, v)
	case localsBlock:
		for _, lc := range v {
			dup := false
			for _, first := range s.locals {
				if first.Name == lc.Name {
					l.diags = append(l.diags, duplicateDiag("local value", fmt.Sprintf("%q", lc.Name), lc.NameRange, first.NameRange))
					dup = true
					break
				}
			}
			if !dup {
				s.locals = append(s.locals, lc)
			}
		}
	case *Output:
		for _, first := range s.outputs {
			if first.Name == v.Name {
				l.diags = append(l.diags, duplicateDiag("output", fmt.Sprintf("%q", v.Name), v.DeclRange, first.DeclRange))
				return true
			}
		}
		s.outputs = append(s.outputs, v)
	case *ModuleCall:
		for _, first := range s.calls {
			if first.Name == v.Name {
				l.diags = append(l.diags, duplicateDiag("module call", fmt.Sprintf("%q", v.Name), v.DeclRange, first.DeclRange))
				return true
			}
		}
		s.calls = append(s.calls, v)
	case *Moved:
		s.moved = append(s.moved, v)
	default:
		return false
	}
	return true
}

// onlyInRoot reports a block a child module may not declare.
func (l *loader) onlyInRoot(b *hcl.Block) {
	rng := b.DefRange
	detail := "A child module shares the root module's providers and regions and declares none of its own: move this block to the root module, and reference regions from the child as region.NAME or region[var.NAME]."
	if b.Type == "mrplan" {
		detail = "The mrplan block sets up the whole run, so it belongs in the root module only."
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("%s block in a child module", strings.ToUpper(b.Type[:1])+b.Type[1:]),
		Detail:   detail,
		Subject:  &rng,
	})
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
