package lang

import (
	"slices"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// functions is the library every expression may call: the pure functions
// of cty's stdlib that Terraform users know, by Terraform's names, plus
// can and try. None reads a file, the network, the clock or the
// environment, so a module evaluates the same everywhere (SPEC §1, §9).
// It is built once; function.Function values are safe to share.
var functions = map[string]function.Function{
	// numbers
	"abs":      stdlib.AbsoluteFunc,
	"ceil":     stdlib.CeilFunc,
	"floor":    stdlib.FloorFunc,
	"log":      stdlib.LogFunc,
	"max":      stdlib.MaxFunc,
	"min":      stdlib.MinFunc,
	"parseint": stdlib.ParseIntFunc,
	"pow":      stdlib.PowFunc,
	"signum":   stdlib.SignumFunc,
	// strings
	"chomp":        stdlib.ChompFunc,
	"format":       stdlib.FormatFunc,
	"formatlist":   stdlib.FormatListFunc,
	"indent":       stdlib.IndentFunc,
	"join":         stdlib.JoinFunc,
	"lower":        stdlib.LowerFunc,
	"regex":        stdlib.RegexFunc,
	"regexall":     stdlib.RegexAllFunc,
	"regexreplace": stdlib.RegexReplaceFunc,
	"replace":      stdlib.ReplaceFunc,
	"split":        stdlib.SplitFunc,
	"strlen":       stdlib.StrlenFunc,
	"strrev":       stdlib.ReverseFunc,
	"substr":       stdlib.SubstrFunc,
	"title":        stdlib.TitleFunc,
	"trim":         stdlib.TrimFunc,
	"trimprefix":   stdlib.TrimPrefixFunc,
	"trimspace":    stdlib.TrimSpaceFunc,
	"trimsuffix":   stdlib.TrimSuffixFunc,
	"upper":        stdlib.UpperFunc,
	// collections
	"chunklist":       stdlib.ChunklistFunc,
	"coalesce":        stdlib.CoalesceFunc,
	"coalescelist":    stdlib.CoalesceListFunc,
	"compact":         stdlib.CompactFunc,
	"concat":          stdlib.ConcatFunc,
	"contains":        stdlib.ContainsFunc,
	"distinct":        stdlib.DistinctFunc,
	"element":         stdlib.ElementFunc,
	"flatten":         stdlib.FlattenFunc,
	"index":           stdlib.IndexFunc,
	"keys":            stdlib.KeysFunc,
	"length":          stdlib.LengthFunc,
	"lookup":          stdlib.LookupFunc,
	"merge":           stdlib.MergeFunc,
	"range":           stdlib.RangeFunc,
	"reverse":         stdlib.ReverseListFunc,
	"setintersection": stdlib.SetIntersectionFunc,
	"setproduct":      stdlib.SetProductFunc,
	"setsubtract":     stdlib.SetSubtractFunc,
	"setunion":        stdlib.SetUnionFunc,
	"slice":           stdlib.SliceFunc,
	"sort":            stdlib.SortFunc,
	"values":          stdlib.ValuesFunc,
	"zipmap":          stdlib.ZipmapFunc,
	// encoding, which reads only its argument
	"csvdecode":  stdlib.CSVDecodeFunc,
	"jsondecode": stdlib.JSONDecodeFunc,
	"jsonencode": stdlib.JSONEncodeFunc,
	// types
	"tobool":   stdlib.MakeToFunc(cty.Bool),
	"tolist":   fastCollection(stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)), cty.ListVal),
	"tomap":    stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
	"tonumber": stdlib.MakeToFunc(cty.Number),
	"toset":    fastCollection(stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), cty.SetVal),
	"tostring": stdlib.MakeToFunc(cty.String),
	// errors as values
	"can": tryfunc.CanFunc,
	"try": tryfunc.TryFunc,
}

// FunctionNames lists the functions an expression may call, sorted, for
// documentation and editors.
func FunctionNames() []string {
	out := make([]string, 0, len(functions))
	for name := range functions {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// fastCollection is toset or tolist with a short cut for the common case
// of a tuple or list whose elements are all known, not null, and of one
// primitive type (the keys of a for_each): cty's conversion unifies the
// elements' types by sorting them, which costs seconds on 10,000 strings.
// Anything else is the stdlib function's.
func fastCollection(slow function.Function, build func([]cty.Value) cty.Value) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}},
		Type: func(args []cty.Value) (cty.Type, error) {
			if elems, ok := samePrimitive(args[0]); ok {
				return build(elems).Type(), nil
			}
			return slow.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if elems, ok := samePrimitive(args[0]); ok {
				return build(elems), nil
			}
			return slow.Call(args)
		},
	})
}

// samePrimitive returns the elements of a non-empty tuple or list that
// are all known, unmarked, not null and of one primitive type.
func samePrimitive(v cty.Value) ([]cty.Value, bool) {
	ty := v.Type()
	if v.IsMarked() || !v.IsKnown() || v.IsNull() || !(ty.IsTupleType() || ty.IsListType()) || v.LengthInt() == 0 {
		return nil, false
	}
	elems := make([]cty.Value, 0, v.LengthInt())
	var want cty.Type
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		et := e.Type()
		if !et.IsPrimitiveType() || e.IsMarked() || !e.IsKnown() || e.IsNull() {
			return nil, false
		}
		if len(elems) == 0 {
			want = et
		} else if et != want {
			return nil, false
		}
		elems = append(elems, e)
	}
	return elems, true
}
