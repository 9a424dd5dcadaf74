package views

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// SARIF renders diagnostics as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one run, the whole rule catalog in tool.driver.rules (plus
// LanguageRule, last, for diagnostics without a check ID), one result per
// diagnostic with a repository-relative location, its full region and a
// partial fingerprint that survives lines moving.
type SARIF struct {
	ToolName       string // "mrplan"
	ToolVersion    string
	InformationURI string
	Rules          []Rule
	// Files holds the source of each file by the name ranges use; the text a
	// range covers goes into the fingerprint.
	Files map[string][]byte
	// Root makes absolute file names relative: URIs must be relative to the
	// repository root, which is where CI runs mrplan from.
	Root string
	// ChecksSkipped says language errors stopped the run before the checks:
	// the run's invocation then carries a note saying so, so that an empty
	// list of findings is not read as a clean bill.
	ChecksSkipped bool
}

// SARIFSchemaURI is the schema the log declares.
const SARIFSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	SemanticVer    string      `json:"semanticVersion,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifMarkdown  `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
	// Precision is what GitHub code scanning sorts and filters alerts by.
	Precision string `json:"precision"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Subject string `json:"subject,omitempty"`
	Fix     string `json:"fix,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifLevel maps severities to SARIF levels; a notice is SARIF's "note".
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// Write renders ds, in order.
func (v SARIF) Write(w io.Writer, ds []diag.Diagnostic) error {
	rules := append(append([]Rule(nil), v.Rules...), LanguageRule)
	index := map[string]int{}
	driver := sarifDriver{
		Name:           v.ToolName,
		Version:        v.ToolVersion,
		SemanticVer:    v.ToolVersion,
		InformationURI: v.InformationURI,
		Rules:          make([]sarifRule, len(rules)),
	}
	for i, r := range rules {
		index[r.ID] = i
		help := r.Summary + ".\n\nFix: " + r.Fix
		full := r.Summary + "."
		if r.Doc != "" {
			full = docWhat(r.Doc, full)
		}
		driver.Rules[i] = sarifRule{
			ID:                   r.ID,
			Name:                 r.Name,
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{full},
			Help:                 sarifMarkdown{Text: help, Markdown: r.Doc},
			HelpURI:              r.HelpURI,
			DefaultConfiguration: sarifRuleLevel{sarifLevel(r.Severity)},
			Properties:           sarifRuleProps{Tags: []string{"multi-region", "reliability"}, Precision: "high"},
		}
	}
	results := make([]sarifResult, 0, len(ds))
	for _, d := range ds {
		id := d.Rule
		if _, ok := index[id]; !ok {
			id = LanguageRule.ID
		}
		res := sarifResult{
			RuleID:              id,
			RuleIndex:           index[id],
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{message(d)},
			PartialFingerprints: map[string]string{"mrplan/v1": v.fingerprint(d)},
		}
		if d.Subject != "" || d.Fix != "" {
			res.Properties = &sarifResultProps{Subject: d.Subject, Fix: d.Fix}
		}
		if d.Range != nil && d.Range.Filename != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: v.uri(d.Range.Filename)},
				Region:           sarifRegionOf(d),
			}}
			if d.Subject != "" {
				loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: d.Subject, Kind: "resource"}}
			}
			res.Locations = []sarifLocation{loc}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  SARIFSchemaURI,
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: results}},
	}
	if v.ChecksSkipped {
		log.Runs[0].Invocations = []sarifInvocation{{ExecutionSuccessful: true, Notifications: []sarifNotification{{
			Level:   "note",
			Message: sarifText{"The checks were skipped: language errors stopped the run before them. Fix the errors reported here; the checks' findings are not known until then."},
		}}}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifRegionOf(d diag.Diagnostic) sarifRegion {
	r := *d.Range
	reg := sarifRegion{
		StartLine: max(r.Start.Line, 1), StartColumn: max(r.Start.Column, 1),
		EndLine: r.End.Line, EndColumn: r.End.Column,
	}
	if reg.EndLine < reg.StartLine || reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn
	}
	return reg
}

// uri is a file name as a relative URI with forward slashes.
func (v SARIF) uri(name string) string {
	if filepath.IsAbs(name) && v.Root != "" {
		if rel, err := filepath.Rel(v.Root, name); err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
	}
	name = filepath.ToSlash(filepath.Clean(name))
	// Escape what a URI reference cannot hold literally.
	var b strings.Builder
	for _, c := range []byte(name) {
		switch {
		case c == '%' || c == ' ' || c == '#' || c == '?' || c < 0x20 || c >= 0x7f:
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fingerprint identifies a finding across commits: its rule, subject, file
// and the text it points at, not its line, so an alert survives code moving
// above it and closes when the problem goes.
func (v SARIF) fingerprint(d diag.Diagnostic) string {
	file := ""
	if d.Range != nil {
		file = filepath.ToSlash(d.Range.Filename)
	}
	h := sha256.New()
	for _, part := range []string{d.Rule, d.Subject, file, snippet(v.Files, d), d.Summary} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// docWhat takes the first paragraph of a doc page's "What it finds"
// section, as plain text, for the rule's full description; fallback when
// the page has none.
func docWhat(doc, fallback string) string {
	_, section, ok := strings.Cut(doc, "## What it finds")
	if !ok {
		return fallback
	}
	for _, para := range strings.Split(section, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if strings.HasPrefix(para, "#") {
			break
		}
		return strings.ReplaceAll(strings.Join(strings.Fields(para), " "), "`", "")
	}
	return fallback
}
