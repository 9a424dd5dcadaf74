package lang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

// fileSchema is the top level of a module file: one entry per block kind,
// each decoded by the decodeXBlock function in block_X.go.
var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "mrplan"},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "region", LabelNames: []string{"name"}},
		{Type: "objective", LabelNames: []string{"name"}},
		{Type: "service", LabelNames: []string{"name"}},
		{Type: "data", LabelNames: []string{"name"}},
		{Type: "dependency", LabelNames: []string{"name"}},
		{Type: "audience", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "moved"},
	},
}

// loader holds one LoadDir run: the module being filled and every
// diagnostic so far.
type loader struct {
	*decoder
	mod *Module
	// broken is set when a file failed to parse: blocks may be missing, so
	// references to unknown names are not reported (they would only echo
	// the syntax error).
	broken bool
	// exprRanges holds the range of some attributes' values (not the whole
	// attribute, which the model's Attrs keep), for messages resolved late.
	exprRanges map[exprKey]hcl.Range
	// suggestions caches, by refSpec, the names an unknown reference may
	// be suggested from (see suggestionsFor).
	suggestions map[string]*suggestions
	// cur is the module scope files are being merged into (eval.go);
	// calls counts the module instances made so far.
	cur   *scope
	calls int
	// overlay holds texts read instead of files (LoadOptions.Overlay).
	overlay overlay
	opts    LoadOptions // how the load is spread over goroutines
}

type exprKey struct {
	block Address
	attr  string
}

// exprRange is the range of the value of attribute attr of block a, or
// fallback when it was not recorded.
func (l *loader) exprRange(a Address, attr string, fallback hcl.Range) hcl.Range {
	if r, ok := l.exprRanges[exprKey{a, attr}]; ok {
		return r
	}
	return fallback
}

// recordExpr keeps the range of attr's value. The first block of an
// address wins: a duplicate is decoded (to report its own mistakes), then
// dropped, and must not move the first one's ranges.
func (l *loader) recordExpr(a Address, attr *hcl.Attribute) {
	if attr == nil {
		return
	}
	key := exprKey{a, attr.Name}
	if l.exprRanges == nil {
		l.exprRanges = map[exprKey]hcl.Range{}
	}
	if _, seen := l.exprRanges[key]; !seen {
		l.exprRanges[key] = attr.Expr.Range()
	}
}

func newLoader(dir string, reg *providers.Registry) *loader {
	return &loader{
		cur:        newScope(dir),
		decoder:    newDecoder(),
		exprRanges: map[exprKey]hcl.Range{},
		mod: &Module{
			Dir:      dir,
			Files:    map[string][]byte{},
			Outline:  map[string]Outline{},
			Settings: defaultSettings(),
			Registry: reg,
			index:    map[Address]any{},
		},
	}
}

// validName reports whether a block's name label can be referenced: an
// HCL identifier (letters, digits, underscores and dashes).
func (l *loader) validName(block *hcl.Block) bool {
	name := block.Labels[0]
	if validIdentifier(name) {
		return true
	}
	rng := block.LabelRanges[0]
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid name",
		Detail: fmt.Sprintf("%s name must start with a letter or underscore and contain only letters, digits, underscores and dashes, so that it can be referenced as %s.NAME; %q cannot.",
			article(block.Type), block.Type, name),
		Subject: &rng,
	})
	return false
}

// declare indexes a block by its address, reporting a duplicate with the
// place of the first declaration.
func (l *loader) declare(a Address, block any, rng hcl.Range) bool {
	if first, dup := l.mod.DeclRange(a); dup {
		l.diags = append(l.diags, duplicateDiag(a.Kind.String(), fmt.Sprintf("%q", a.Name), rng, first))
		return false
	}
	l.mod.index[a] = block
	return true
}

func duplicateDiag(what, name string, rng, first hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("Duplicate %s %s", what, name),
		Detail: fmt.Sprintf("%s named %s was already declared at %s:%d,%d. Names must be unique within each kind of block; rename or remove one of them.",
			article(what), name, first.Filename, first.Start.Line, first.Start.Column),
		Subject: &rng,
		Extra:   relatedRanges{first},
	}
}

// lookupError reports a failed lookup of one block's value in another
// block or a catalog, unless a file failed to parse: what was looked up may
// be declared there.
func (l *loader) lookupError(rng hcl.Range, summary, detail string) {
	if l.broken {
		return
	}
	l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng})
}

// duplicateBlockDiag reports a second block of a type allowed only once.
func duplicateBlockDiag(typ string, rng, first hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("Duplicate %s block", typ),
		Detail: fmt.Sprintf("Only one %s block is allowed here; the first is at %s:%d,%d. Merge them into one.",
			typ, first.Filename, first.Start.Line, first.Start.Column),
		Subject: &rng,
		Extra:   relatedRanges{first},
	}
}

// article puts "A" or "An" before a word, for the start of a sentence.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "An " + word
	}
	return "A " + word
}

// relatedRanges rides in hcl.Diagnostic.Extra to carry other places worth
// showing, such as a first declaration; diag.FromHCL picks them up.
type relatedRanges []hcl.Range

func (r relatedRanges) RelatedRanges() []hcl.Range { return r }

// finish runs once every file is decoded: it resolves references across
// files, fills defaults that depend on other blocks, checks what needs the
// whole module, and sorts.
func (l *loader) finish() {
	m := l.mod
	for _, p := range m.Providers {
		l.registerProvider(p)
	}
	in := newInstanceDiags()
	for _, r := range m.Regions {
		from := len(l.diags)
		l.resolveRegion(r)
		in.take(l, r.Addr(), from)
	}
	for _, s := range m.Services {
		from := len(l.diags)
		l.resolveService(s)
		in.take(l, s.Addr(), from)
	}
	for _, d := range m.Data {
		from := len(l.diags)
		l.resolveData(d)
		in.take(l, d.Addr(), from)
	}
	for _, d := range m.Dependencies {
		from := len(l.diags)
		l.resolveDependency(d)
		in.take(l, d.Addr(), from)
	}
	l.checkPlacements()
	for _, a := range m.Audiences {
		from := len(l.diags)
		if a.Near != nil && !l.resolve(*a.Near, refRegion) {
			a.Near = nil
		}
		in.take(l, a.Addr(), from)
	}
	in.name()
	l.checkSettings()
	l.resolveAlerts()

	sortByName(m.Providers, func(p *Provider) string { return p.Name })
	sortByName(m.Regions, func(r *Region) string { return r.Name })
	sortByName(m.Objectives, func(o *Objective) string { return o.Name })
	sortByName(m.Services, func(s *Service) string { return s.Name })
	sortByName(m.Data, func(d *Data) string { return d.Name })
	sortByName(m.Dependencies, func(d *Dependency) string { return d.Name })
	sortByName(m.Audiences, func(a *Audience) string { return a.Name })
	l.diags = dedupeDiagnostics(l.diags)
	sortDiagnostics(l.diags)
}

// dedupeDiagnostics drops a diagnostic identical to one before it, in
// summary, detail and place: what each instance of a repeated block
// reports alike is said once.
func dedupeDiagnostics(ds hcl.Diagnostics) hcl.Diagnostics {
	if len(ds) < 2 {
		return ds
	}
	type key struct {
		sev             hcl.DiagnosticSeverity
		summary, detail string
		subject         hcl.Range
	}
	seen := make(map[key]bool, len(ds))
	out := ds[:0]
	for _, d := range ds {
		k := key{sev: d.Severity, summary: d.Summary, detail: d.Detail}
		if d.Subject != nil {
			k.subject = *d.Subject
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

func sortByName[T any](s []T, name func(T) string) {
	sort.SliceStable(s, func(i, j int) bool { return name(s[i]) < name(s[j]) })
}

// sortDiagnostics orders diagnostics by file, line and column; those without
// a place come first.
func sortDiagnostics(ds hcl.Diagnostics) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Subject, ds[j].Subject
		switch {
		case a == nil || b == nil:
			return a == nil && b != nil
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		case a.Start.Line != b.Start.Line:
			return a.Start.Line < b.Start.Line
		}
		return a.Start.Column < b.Start.Column
	})
}

// attrRanges records where each attribute present in content was written.
// A new map has room for nested blocks' attributes too, as a service's
// holds its traffic block's.
func attrRanges(content *hcl.BodyContent, prefix string, into map[string]hcl.Range) map[string]hcl.Range {
	if into == nil {
		into = make(map[string]hcl.Range, len(content.Attributes)+3*len(content.Blocks))
	}
	for name, a := range content.Attributes {
		into[prefixed(prefix, name)] = a.Range
	}
	return into
}

// prefixed is prefix+name, without building the string again for each
// nested block's attribute that a schema names.
func prefixed(prefix, name string) string {
	if prefix == "" {
		return name
	}
	if s, ok := prefixedNames[prefix][name]; ok {
		return s
	}
	return prefix + name
}

// prefixedNames holds prefix+name for each nested block's attributes.
var prefixedNames = func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for prefix, schema := range map[string]*hcl.BodySchema{
		"traffic.": trafficSchema, "routing.": routingSchema, "observability.": observabilitySchema,
	} {
		names := map[string]string{}
		for _, a := range schema.Attributes {
			names[a.Name] = prefix + a.Name
		}
		out[prefix] = names
	}
	return out
}()

// singleBlock returns the only block of type typ in content, reporting any
// more as duplicates.
func (l *loader) singleBlock(content *hcl.BodyContent, typ string) *hcl.Block {
	var first *hcl.Block
	for _, b := range content.Blocks {
		if b.Type != typ {
			continue
		}
		if first == nil {
			first = b
			continue
		}
		l.diags = append(l.diags, duplicateBlockDiag(typ, b.DefRange, first.DefRange))
	}
	return first
}
