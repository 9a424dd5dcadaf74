package lang

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

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
