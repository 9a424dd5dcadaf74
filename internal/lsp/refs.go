package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/units"
)

// wordAt is the run of name characters around byte offset off, and where
// it starts and ends: "region.us-east-1" in a reference, "aws.dynamodb" in
// a product string. The cursor may sit just after the word.
func wordAt(text []byte, off int) (string, int, int) {
	isName := func(c byte) bool { return c == '.' || isNameByte(c) }
	if off > len(text) {
		off = len(text)
	}
	start, end := off, off
	for start > 0 && isName(text[start-1]) {
		start--
	}
	for end < len(text) && isName(text[end]) {
		end++
	}
	return strings.Trim(string(text[start:end]), "."), start, end
}

// isNameByte says whether c can be part of a block's name (HCL identifiers
// take letters, digits, '_' and '-'; bytes of other scripts are let in).
func isNameByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// addressAt is the reference under the cursor, if the word there is one.
func addressAt(text []byte, off int) (lang.Address, int, int, bool) {
	w, start, end := wordAt(text, off)
	a, err := lang.ParseAddress(w)
	if err != nil {
		return lang.Address{}, 0, 0, false
	}
	return a, start, end, true
}

// blockHeaderAt is the address of the top-level block whose header (type
// and labels) holds off, in a native-syntax document.
func blockHeaderAt(text []byte, path string, off int) (lang.Address, hcl.Range, bool) {
	if !strings.HasSuffix(path, lang.SuffixHCL) {
		return lang.Address{}, hcl.Range{}, false
	}
	f, _ := hclsyntax.ParseConfig(text, path, hcl.InitialPos)
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return lang.Address{}, hcl.Range{}, false
	}
	for _, b := range body.Blocks {
		header := hcl.RangeBetween(b.TypeRange, b.OpenBraceRange)
		if off < header.Start.Byte || off > header.End.Byte || len(b.Labels) == 0 {
			continue
		}
		k, ok := lang.ParseKind(b.Type)
		if !ok {
			return lang.Address{}, hcl.Range{}, false
		}
		return lang.Address{Kind: k, Name: b.Labels[0]}, header, true
	}
	return lang.Address{}, hcl.Range{}, false
}

func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return nil, nil
	}
	off := offsetOf(doc.text, p.Position)
	snap := s.ws.snapshotFor(path)
	if a, start, end, ok := addressAt(doc.text, off); ok {
		r := protocol.Range{Start: positionOf(doc.text, start), End: positionOf(doc.text, end)}
		return &protocol.Hover{Contents: markdown(describeAll(snap, snap.scoped(path, a), false)), Range: &r}, nil
	}
	if a, header, ok := blockHeaderAt(doc.text, path, off); ok {
		r := rangeOf(doc.text, header)
		return &protocol.Hover{Contents: markdown(describeAll(snap, snap.scoped(path, a), true)), Range: &r}, nil
	}
	return nil, nil
}

// maxInstancesShown is how many instances of a child module's block a
// hover describes.
const maxInstancesShown = 4

// describeAll describes each address, a child module's block in each of
// its instances.
func describeAll(snap *snapshot, as []lang.Address, full bool) string {
	var parts []string
	for i, a := range as {
		if i == maxInstancesShown {
			parts = append(parts, fmt.Sprintf("… and %d more instances.", len(as)-i))
			break
		}
		parts = append(parts, describe(snap, a, full))
	}
	return strings.Join(parts, "\n\n---\n\n")
}

// scoped is what a, written in the file path, names: in a child module's
// file, the block of that name in each instance of the child
// (module.likes.service.api, module.graph.service.api), unless the child
// declares none (regions are the root's); elsewhere a itself.
func (s *snapshot) scoped(path string, a lang.Address) []lang.Address {
	dir := filepath.Dir(path)
	if s.mod == nil || dir == s.dir {
		return []lang.Address{a}
	}
	var out []lang.Address
	seen := map[string]bool{}
	for _, c := range s.mod.Calls {
		if filepath.Clean(c.Dir) != dir || seen[c.Path] {
			continue
		}
		seen[c.Path] = true
		in := lang.Address{Kind: a.Kind, Name: c.Path + "." + a.Name}
		if _, ok := s.mod.DeclRange(in); ok {
			out = append(out, in)
		}
	}
	if len(out) == 0 {
		return []lang.Address{a}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func markdown(s string) protocol.MarkupContent {
	return protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: s}
}

func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	path, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	doc, ok := s.ws.document(path)
	if !ok {
		return nil, nil
	}
	a, _, _, ok := addressAt(doc.text, offsetOf(doc.text, p.Position))
	if !ok {
		return nil, nil
	}
	snap := s.ws.snapshotFor(path)
	if snap.mod == nil {
		return nil, nil
	}
	r, ok := snap.mod.DeclRange(snap.scoped(path, a)[0])
	if !ok {
		return nil, nil
	}
	file := r.Filename
	return protocol.Location{URI: uriOf(file), Range: rangeOf(snap.texts[file], r)}, nil
}

// describe is the hover text of the block a names: where it is declared
// and, for a service or data class, what the plan decided and why (in full
// on its header, else the decisions alone).
func describe(snap *snapshot, a lang.Address, full bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", a)
	if snap.mod == nil {
		return b.String()
	}
	r, ok := snap.mod.DeclRange(a)
	if !ok {
		fmt.Fprintf(&b, "\n\nNot declared in this module: there is no %s block named %q.", a.Kind, a.Name)
		return b.String()
	}
	if !full {
		fmt.Fprintf(&b, " — declared in %s line %d", filepath.Base(r.Filename), r.Start.Line)
	}
	switch a.Kind {
	case lang.KindRegion:
		if reg := snap.mod.Region(a.Name); reg != nil && reg.Geo != nil {
			g := reg.Geo
			fmt.Fprintf(&b, "\n\n%s `%s`: %s (%s, %s)", g.Provider, g.Code, g.Name, g.City, g.Country)
		}
	case lang.KindObjective:
		if o := snap.mod.Objective(a.Name); o != nil {
			survive := o.Survive
			if survive == 0 {
				survive = lang.DomainRegion
			}
			fmt.Fprintf(&b, "\n\nrpo %s, rto %s, survive %s", units.FormatDuration(o.RPO), units.FormatDuration(o.RTO), survive)
		}
	case lang.KindDependency:
		if d := snap.mod.Dependency(a.Name); d != nil {
			fmt.Fprintf(&b, "\n\n%s", d.Kind)
			if d.Product != "" {
				fmt.Fprintf(&b, ", `%s`", d.Product)
			}
			switch {
			case d.Global:
				b.WriteString(", global")
			case len(d.Regions) > 0:
				var rs []string
				for _, r := range d.Regions {
					rs = append(rs, r.Addr.Name)
				}
				b.WriteString(", in " + strings.Join(rs, ", "))
			}
			if d.Fallback != "" {
				b.WriteString("; soft, fallback: " + d.Fallback)
			}
		}
	case lang.KindService, lang.KindData:
		raw, ok := snap.planned[a.String()]
		if !ok {
			b.WriteString("\n\nNot planned: the module has errors; fix them to see the plan.")
			break
		}
		b.WriteString("\n\n")
		if a.Kind == lang.KindService {
			plannedService(&b, raw, full)
		} else {
			plannedData(&b, raw, full)
		}
	}
	if full {
		findings(&b, snap, a)
	}
	return b.String()
}

// findings lists the check findings about a, as validate reports them.
func findings(b *strings.Builder, snap *snapshot, a lang.Address) {
	first := true
	for _, d := range snap.diags {
		if d.Subject != a.String() || d.Rule == "" {
			continue
		}
		if first {
			b.WriteString("\nFindings:\n")
			first = false
		}
		fmt.Fprintf(b, "- %s %s: %s\n", d.Severity, d.Rule, d.Summary)
	}
}

type row struct{ decision, planned, reason string }

func writeTable(b *strings.Builder, rows []row, reasons bool) {
	if reasons {
		b.WriteString("| decision | planned | why |\n|---|---|---|\n")
	} else {
		b.WriteString("| decision | planned |\n|---|---|\n")
	}
	for _, r := range rows {
		if reasons {
			fmt.Fprintf(b, "| %s | %s | %s |\n", r.decision, cell(r.planned), cell(r.reason))
		} else {
			fmt.Fprintf(b, "| %s | %s |\n", r.decision, cell(r.planned))
		}
	}
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func plannedService(b *strings.Builder, raw json.RawMessage, full bool) {
	var s struct {
		Tier      int               `json:"tier"`
		Topology  string            `json:"topology"`
		Standby   string            `json:"standby"`
		WriteMode string            `json:"write_mode"`
		Regions   []string          `json:"regions"`
		Primary   string            `json:"primary"`
		Routing   string            `json:"routing"`
		Failover  string            `json:"failover"`
		RPO       *string           `json:"rpo"`
		RTO       *string           `json:"rto"`
		Objective map[string]any    `json:"objective"`
		Reasons   map[string]string `json:"reasons"`
	}
	if json.Unmarshal(raw, &s) != nil {
		return
	}
	regions := strings.Join(s.Regions, ", ")
	if s.Primary != "" && len(s.Regions) > 1 {
		regions += " (primary " + s.Primary + ")"
	}
	rows := []row{
		{"tier", fmt.Sprint(s.Tier), s.Reasons["tier"]},
		{"topology", s.Topology, s.Reasons["topology"]},
		{"standby", s.Standby, s.Reasons["standby"]},
		{"write mode", s.WriteMode, s.Reasons["write_mode"]},
		{"regions", regions, s.Reasons["regions"]},
		{"routing", s.Routing, s.Reasons["routing"]},
		{"failover", s.Failover, s.Reasons["failover"]},
		{"RPO", achieved(s.RPO, s.Objective["rpo"]), s.Reasons["rpo"]},
		{"RTO", achieved(s.RTO, s.Objective["rto"]), s.Reasons["rto"]},
	}
	writeTable(b, rows, full)
}

func plannedData(b *strings.Builder, raw json.RawMessage, full bool) {
	var d struct {
		Class         string            `json:"class"`
		LossTolerance *string           `json:"loss_tolerance"`
		Regions       []string          `json:"regions"`
		Mechanisms    []string          `json:"mechanisms"`
		Replication   string            `json:"replication"`
		Conflict      string            `json:"conflict"`
		WriteMode     string            `json:"write_mode"`
		RPO           *string           `json:"rpo"`
		Reasons       map[string]string `json:"reasons"`
	}
	if json.Unmarshal(raw, &d) != nil {
		return
	}
	var tolerance any
	if d.LossTolerance != nil {
		tolerance = *d.LossTolerance
	}
	rows := []row{
		{"class", d.Class, d.Reasons["class"]},
		{"regions", strings.Join(d.Regions, ", "), d.Reasons["regions"]},
		{"mechanisms", strings.Join(d.Mechanisms, ", "), d.Reasons["mechanisms"]},
		{"replication", d.Replication, d.Reasons["replication"]},
		{"conflict", d.Conflict, d.Reasons["conflict"]},
		{"write mode", d.WriteMode, d.Reasons["write_mode"]},
		{"RPO", achieved(d.RPO, tolerance), d.Reasons["rpo"]},
	}
	writeTable(b, rows, full)
}

// achieved is "1s (objective 5s: met)": an estimate against its objective.
func achieved(got *string, objective any) string {
	if got == nil {
		return "unbounded"
	}
	want, ok := objective.(string)
	if !ok || want == "" {
		return *got
	}
	g, err1 := units.ParseDuration(*got)
	w, err2 := units.ParseDuration(want)
	switch {
	case err1 != nil || err2 != nil:
		return fmt.Sprintf("%s (objective %s)", *got, want)
	case g <= w:
		return fmt.Sprintf("%s (objective %s: met)", *got, want)
	}
	return fmt.Sprintf("%s (objective %s: **missed**)", *got, want)
}

// names lists the names of every block of kind k in the module, sorted.
func names(m *lang.Module, k lang.Kind) []string {
	if m == nil {
		return nil
	}
	var out []string
	switch k {
	case lang.KindRegion:
		for _, x := range m.Regions {
			out = append(out, x.Name)
		}
	case lang.KindObjective:
		for _, x := range m.Objectives {
			out = append(out, x.Name)
		}
	case lang.KindService:
		for _, x := range m.Services {
			out = append(out, x.Name)
		}
	case lang.KindData:
		for _, x := range m.Data {
			out = append(out, x.Name)
		}
	case lang.KindDependency:
		for _, x := range m.Dependencies {
			out = append(out, x.Name)
		}
	case lang.KindAudience:
		for _, x := range m.Audiences {
			out = append(out, x.Name)
		}
	case lang.KindProvider:
		for _, x := range m.Providers {
			out = append(out, x.Name)
		}
	}
	sort.Strings(out)
	return out
}
