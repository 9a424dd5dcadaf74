package lang

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/mrplan/mrplan/units"
)

var inf = math.Inf(1)

// sortedAttrs returns attrs in source order, so diagnostics and maps built
// from them do not depend on map iteration.
func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Range.Start.Byte != out[j].Range.Start.Byte {
			return out[i].Range.Start.Byte < out[j].Range.Start.Byte
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// evalContext is the context every attribute is evaluated in: no variables
// and only pure functions, so a module cannot read files, the network or the
// environment, and evaluates the same everywhere.
func evalContext() *hcl.EvalContext {
	return &hcl.EvalContext{Functions: functions}
}

// decoder turns attribute expressions into typed Go values, collecting
// every problem in diags rather than stopping at the first. Each method
// reports ok=false when the attribute is absent, null or invalid; only the
// invalid case adds a diagnostic.
type decoder struct {
	ctx   *hcl.EvalContext
	diags hcl.Diagnostics
	// scope is the module scope a deferred block is decoded in (eval.go),
	// nil while files are decoded as they are parsed; inst is the
	// instance being decoded, nil for a block without count or for_each.
	scope *scope
	inst  *expansion
	// prefix is "module.NAME." in a child module: the names of its blocks
	// and of what its references name, but regions, which are shared.
	prefix string
	// deferAll keeps every block for the evaluator (JSON files, whose
	// expressions cannot be told apart without decoding them).
	deferAll bool
}

func newDecoder() *decoder { return &decoder{ctx: evalContext()} }

// errorf records an error about an attribute's value.
func (d *decoder) errorf(attr *hcl.Attribute, summary, format string, args ...any) {
	rng := attr.Expr.Range()
	ctx := attr.Range
	d.diags = append(d.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  &rng,
		Context:  &ctx,
	})
}

// value evaluates attr. ok is false when it is absent, null or failed.
func (d *decoder) value(attr *hcl.Attribute) (cty.Value, bool) {
	if attr == nil {
		return cty.NilVal, false
	}
	if s, ok := plainString(attr.Expr); ok {
		return cty.StringVal(s), true
	}
	if d.scope != nil && !d.scopedValueOK(attr) {
		return cty.NilVal, false
	}
	v, diags := attr.Expr.Value(d.ctx)
	for _, diag := range diags {
		if diag.Summary == "Variables not allowed" {
			diag.Summary = "References not allowed here"
			diag.Detail = referenceNotAllowed(attr)
			if vars := attr.Expr.Variables(); len(vars) > 0 {
				rng := vars[0].SourceRange()
				diag.Subject = &rng
			}
		}
	}
	d.diags = append(d.diags, diags...)
	if diags.HasErrors() || v.IsNull() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

// plainString is the text of a native-syntax string with nothing to
// evaluate in it, "like this", whose value is cty.StringVal of that text:
// most strings, read without the template evaluator's buffer and marks.
func plainString(e hcl.Expression) (string, bool) {
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok || len(t.Parts) != 1 {
		return "", false
	}
	lit, ok := t.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.String || !lit.Val.IsKnown() || lit.Val.IsNull() || lit.Val.IsMarked() {
		return "", false
	}
	return lit.Val.AsString(), true
}

// typed evaluates attr and converts it to want, reporting "Incorrect
// attribute value type" with what was expected.
func (d *decoder) typed(attr *hcl.Attribute, want cty.Type, what string) (cty.Value, bool) {
	v, ok := d.value(attr)
	if !ok {
		return cty.NilVal, false
	}
	cv, err := convert.Convert(v, want)
	if err != nil {
		d.errorf(attr, "Incorrect attribute value type",
			"The %s argument must be %s, not %s.", attr.Name, what, friendlyType(v.Type()))
		return cty.NilVal, false
	}
	return cv, true
}

func friendlyType(t cty.Type) string {
	switch {
	case t == cty.String:
		return "a string"
	case t == cty.Number:
		return "a number"
	case t == cty.Bool:
		return "a bool"
	case t.IsTupleType() || t.IsListType() || t.IsSetType():
		return "a list"
	case t.IsObjectType() || t.IsMapType():
		return "an object"
	}
	return t.FriendlyName()
}

func (d *decoder) str(attr *hcl.Attribute) (string, bool) {
	v, ok := d.typed(attr, cty.String, "a string")
	if !ok {
		return "", false
	}
	return v.AsString(), true
}

func (d *decoder) boolean(attr *hcl.Attribute) (bool, bool) {
	v, ok := d.typed(attr, cty.Bool, "true or false")
	if !ok {
		return false, false
	}
	return v.True(), true
}

// number reads a finite number within [lo, hi]; pass ±Inf for no bound.
func (d *decoder) number(attr *hcl.Attribute, lo, hi float64) (float64, bool) {
	v, ok := d.typed(attr, cty.Number, "a number")
	if !ok {
		return 0, false
	}
	f, _ := v.AsBigFloat().Float64()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		d.errorf(attr, "Invalid number", "The %s argument must be a finite number.", attr.Name)
		return 0, false
	}
	if f < lo || f > hi {
		d.errorf(attr, "Value out of range", "The %s argument must be %s; %s is not.", attr.Name, rangeWords(lo, hi), formatNumber(f))
		return 0, false
	}
	return f, true
}

// integer reads a whole number within [lo, hi].
func (d *decoder) integer(attr *hcl.Attribute, lo, hi int) (int, bool) {
	v, ok := d.typed(attr, cty.Number, "a whole number")
	if !ok {
		return 0, false
	}
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		d.errorf(attr, "Invalid number", "The %s argument must be a whole number.", attr.Name)
		return 0, false
	}
	if n < lo || n > hi {
		d.errorf(attr, "Value out of range", "The %s argument must be %s; %d is not.", attr.Name,
			rangeWords(float64(lo), float64(hi)), n)
		return 0, false
	}
	return n, true
}

func rangeWords(lo, hi float64) string {
	switch {
	case math.IsInf(hi, 1) && math.IsInf(lo, -1):
		return "a number"
	case math.IsInf(hi, 1):
		return "at least " + formatNumber(lo)
	case math.IsInf(lo, -1):
		return "at most " + formatNumber(hi)
	}
	return "between " + formatNumber(lo) + " and " + formatNumber(hi)
}

func (d *decoder) duration(attr *hcl.Attribute) (time.Duration, bool) {
	return d.durationOr(attr, "", 0)
}

// durationOr reads a duration, or the word word (when not "") standing for
// the duration value, such as "none" for no loss at all.
func (d *decoder) durationOr(attr *hcl.Attribute, word string, value time.Duration) (time.Duration, bool) {
	what := "a duration such as \"90s\", \"5m\" or \"7d\""
	if word != "" {
		what += fmt.Sprintf(", or %q", word)
	}
	s, ok := d.unitString(attr, what)
	if !ok {
		return 0, false
	}
	if word != "" && s == word {
		return value, true
	}
	v, err := units.ParseDuration(s)
	if err != nil {
		d.errorf(attr, "Invalid duration", "The %s argument: %s.%s", attr.Name, err, unitHint(s, durationUnitFix))
		return 0, false
	}
	return v, true
}

func (d *decoder) size(attr *hcl.Attribute) (int64, bool) {
	s, ok := d.unitString(attr, "a size such as \"500GB\" or \"2TiB\"")
	if !ok {
		return 0, false
	}
	v, err := units.ParseSize(s)
	if err != nil {
		d.errorf(attr, "Invalid size", "The %s argument: %s.%s", attr.Name, err, unitHint(s, sizeUnitFix))
		return 0, false
	}
	return v, true
}

// percent reads "99.95%" or the number 99.95.
func (d *decoder) percent(attr *hcl.Attribute) (float64, bool) {
	v, ok := d.value(attr)
	if !ok {
		return 0, false
	}
	if v.Type() == cty.Number {
		return d.number(attr, 0, 100)
	}
	if v.Type() != cty.String {
		d.errorf(attr, "Incorrect attribute value type",
			"The %s argument must be a percentage such as \"99.95%%\", not %s.", attr.Name, friendlyType(v.Type()))
		return 0, false
	}
	p, err := units.ParsePercent(v.AsString())
	if err != nil {
		d.errorf(attr, "Invalid percentage", "The %s argument: %s.", attr.Name, err)
		return 0, false
	}
	if p < 0 || p > 100 {
		d.errorf(attr, "Value out of range", "The %s argument must be between 0%% and 100%%.", attr.Name)
		return 0, false
	}
	return p, true
}

// date reads "YYYY-MM-DD" as UTC midnight.
func (d *decoder) date(attr *hcl.Attribute) (time.Time, bool) {
	s, ok := d.unitString(attr, "a date written YYYY-MM-DD")
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		d.errorf(attr, "Invalid date", "The %s argument must be a date written YYYY-MM-DD, such as \"2026-03-31\"; %q is not.", attr.Name, s)
		return time.Time{}, false
	}
	return t, true
}

// unitString reads a string that carries a unit; a bare number gets a hint
// to add one, the commonest mistake.
func (d *decoder) unitString(attr *hcl.Attribute, what string) (string, bool) {
	v, ok := d.value(attr)
	if !ok {
		return "", false
	}
	if v.Type() == cty.Number {
		d.errorf(attr, "Missing unit", "The %s argument must be %s, written as a string with its unit; a bare number has no unit.", attr.Name, what)
		return "", false
	}
	if v.Type() != cty.String {
		d.errorf(attr, "Incorrect attribute value type", "The %s argument must be %s, not %s.", attr.Name, what, friendlyType(v.Type()))
		return "", false
	}
	return v.AsString(), true
}

// enum reads one of names (an enumeration's String table, "" meaning unset)
// and returns its index, which is the enumeration's value.
func (d *decoder) enum(attr *hcl.Attribute, names []string) (int, bool) {
	s, ok := d.str(attr)
	if !ok {
		return 0, false
	}
	for i, n := range names {
		if n != "" && n == s {
			return i, true
		}
	}
	d.errorf(attr, "Invalid value", "The %s argument must be one of %s; %q is not.%s", attr.Name,
		wordList(enumWords(names)), s, didYouMean(s, enumWords(names), ""))
	return 0, false
}

// strings reads a list of strings.
func (d *decoder) strings(attr *hcl.Attribute) ([]string, bool) {
	v, ok := d.typed(attr, cty.List(cty.String), "a list of strings")
	if !ok {
		return nil, false
	}
	out := make([]string, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() {
			d.errorf(attr, "Invalid value", "The %s argument's elements must not be null.", attr.Name)
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

// wordList quotes words and joins them: "a", "b" or "c".
func wordList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = fmt.Sprintf("%q", w)
	}
	return orList(q)
}

// orList joins words as a sentence does: a, b or c.
func orList(q []string) string { return joinWords(q, "or") }

// andList joins words as a sentence does: a, b and c.
func andList(q []string) string { return joinWords(q, "and") }

func joinWords(q []string, conj string) string {
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}

// quoted finds the first quoted name in an HCL diagnostic's detail.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// content is body.Content(schema), with "Did you mean …?" added to every
// unexpected argument or block that HCL found no suggestion for: HCL looks
// only two edits away, mrplan (as for references) a third of the name.
// Like HCL, it does not suggest an argument that is already set.
func (d *decoder) content(body hcl.Body, schema *hcl.BodySchema) *hcl.BodyContent {
	if b, ok := body.(*hclsyntax.Body); ok {
		if content, ok := plainContent(b, schema); ok {
			return content
		}
	}
	content, diags := body.Content(schema)
	if len(diags) == 0 {
		return content
	}
	var attrs, blocks []string
	for _, a := range schema.Attributes {
		if _, set := content.Attributes[a.Name]; !set {
			attrs = append(attrs, a.Name)
		}
	}
	for _, b := range schema.Blocks {
		blocks = append(blocks, b.Type)
	}
	for _, diag := range diags {
		if strings.Contains(diag.Detail, "Did you mean") {
			continue
		}
		var candidates []string
		switch diag.Summary {
		case "Unsupported argument":
			candidates = attrs
		case "Unsupported block type":
			candidates = blocks
		case "Extraneous JSON object property":
			candidates = append(append([]string(nil), attrs...), blocks...)
		default:
			continue
		}
		name, err := strconv.Unquote(quoted.FindString(diag.Detail))
		if err != nil {
			continue
		}
		diag.Detail += didYouMean(name, candidates, "")
	}
	d.diags = append(d.diags, diags...)
	return content
}

// plainContent is b.Content(schema) for a body that has nothing Content
// would report: every argument and block in the schema, each block with
// its labels, every required argument set. It builds only the result, not
// the bookkeeping Content needs to find mistakes. ok is false for any
// other body; Content then reports what is wrong.
func plainContent(b *hclsyntax.Body, schema *hcl.BodySchema) (*hcl.BodyContent, bool) {
	for name := range b.Attributes {
		if !slices.ContainsFunc(schema.Attributes, func(a hcl.AttributeSchema) bool { return a.Name == name }) {
			return nil, false
		}
	}
	for _, a := range schema.Attributes {
		if _, set := b.Attributes[a.Name]; a.Required && !set {
			return nil, false
		}
	}
	for _, blk := range b.Blocks {
		i := slices.IndexFunc(schema.Blocks, func(s hcl.BlockHeaderSchema) bool { return s.Type == blk.Type })
		if i < 0 || len(blk.Labels) != len(schema.Blocks[i].LabelNames) {
			return nil, false
		}
	}
	content := &hcl.BodyContent{
		Attributes:       make(hcl.Attributes, len(b.Attributes)),
		MissingItemRange: b.MissingItemRange(),
	}
	attrs := make([]hcl.Attribute, 0, len(b.Attributes)) // one allocation for all
	for name, a := range b.Attributes {
		attrs = append(attrs, hcl.Attribute{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange})
		content.Attributes[name] = &attrs[len(attrs)-1]
	}
	if len(b.Blocks) > 0 {
		content.Blocks = make(hcl.Blocks, len(b.Blocks))
		for i, blk := range b.Blocks {
			content.Blocks[i] = blk.AsHCLBlock()
		}
	}
	return content, true
}

// numberAndUnit splits "5min" or "900 tb" into its number and unit.
var numberAndUnit = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]*)?)\s*([A-Za-zµ]+)\s*$`)

// unitHint returns ` Did you mean "5m"?` when s is a number with a unit
// that fix, given the unit in lower case, knows how to write properly.
func unitHint(s string, fix func(unit string) (string, string)) string {
	m := numberAndUnit.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	unit, why := fix(strings.ToLower(m[2]))
	if unit == "" || m[1]+unit == s {
		return ""
	}
	return fmt.Sprintf(" Did you mean %q?%s", m[1]+unit, why)
}

// durationUnitFix maps the unit words people write to a duration's units.
func durationUnitFix(unit string) (string, string) {
	switch unit {
	case "ms", "msec", "msecs", "millis", "millisecond", "milliseconds":
		return "ms", ""
	case "s", "sec", "secs", "second", "seconds":
		return "s", ""
	case "m", "min", "mins", "minute", "minutes":
		return "m", ""
	case "h", "hr", "hrs", "hour", "hours":
		return "h", ""
	case "d", "day", "days":
		return "d", ""
	}
	return "", ""
}

// sizeUnitFix maps a size unit written in the wrong case (or without its
// B) to the unit itself.
func sizeUnitFix(unit string) (string, string) {
	const why = " Size units are case-sensitive."
	for _, u := range []string{"B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB"} {
		if strings.ToLower(u) == unit {
			return u, why
		}
	}
	switch unit {
	case "k", "m", "g", "t", "p":
		return strings.ToUpper(unit) + "B", ""
	}
	return "", ""
}

// referenceNotAllowed explains HCL's bare "Variables not allowed" for a
// value argument: where references may stand, and how to reuse what the
// reference was meant to read.
func referenceNotAllowed(attr *hcl.Attribute) string {
	var ref, root, name string
	if vars := attr.Expr.Variables(); len(vars) > 0 {
		root = vars[0].RootName()
		ref = root
		for i, step := range vars[0][1:] {
			if a, ok := step.(hcl.TraverseAttr); ok {
				ref += "." + a.Name
				if i == 0 {
					name = a.Name
				}
			}
		}
	}
	detail := fmt.Sprintf("The %s argument takes a value, written as a literal (optionally with functions such as min, max or join), so it cannot read %s. "+
		"References name a whole block and are allowed only in the arguments that take one: objective, regions, primary, witness, depends_on, reads, writes, owner and near.",
		attr.Name, ref)
	if root == "objective" && name != "" {
		detail += fmt.Sprintf(" To reuse objective %q, reference it whole from a service, objective = objective.%s, and set only the values that differ there.", name, name)
	}
	return detail
}
