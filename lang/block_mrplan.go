package lang

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"

	mrversion "github.com/mrplan/mrplan/version"
)

var settingsSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "required_version"},
		{Name: "state"},
		{Name: "internal_zones"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "check", LabelNames: []string{"id"}},
		{Type: "assumptions"},
		{Type: "alerts"},
	},
}

var checkSettingSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "enabled"},
		{Name: "severity"},
	},
}

// severityNames are the words a check's severity may be set to.
var severityNames = []string{"", "error", "warning", "notice"}

// DefaultStateFile is where the state is kept when the mrplan block says
// nothing else.
const DefaultStateFile = "mrplan.state.json"

func defaultSettings() *Settings {
	return &Settings{
		State:       DefaultStateFile,
		Assumptions: DefaultAssumptions(),
		Attrs:       map[string]hcl.Range{},
	}
}

// decodeSettingsBlock reads the module's one `mrplan` block.
func (l *loader) decodeSettingsBlock(block *hcl.Block) {
	s := l.mod.Settings
	if s.DeclRange != (hcl.Range{}) {
		l.diags = append(l.diags, duplicateBlockDiag("mrplan", block.DefRange, s.DeclRange))
		return
	}
	s.DeclRange = block.DefRange
	content := l.content(block.Body, settingsSchema)
	attrRanges(content, "", s.Attrs)

	if v, ok := l.str(content.Attributes["required_version"]); ok {
		s.RequiredVersion = v
	}
	if v, ok := l.str(content.Attributes["state"]); ok {
		if v == "" {
			l.errorf(content.Attributes["state"], "Invalid value", "The state argument must name a file.")
		} else {
			s.State = v
		}
	}
	if zones, ok := l.strings(content.Attributes["internal_zones"]); ok {
		for _, z := range zones {
			z = strings.ToLower(strings.Trim(z, "."))
			if z == "" || strings.ContainsAny(z, " */") {
				l.errorf(content.Attributes["internal_zones"], "Invalid zone", "%q is not a DNS zone. Write a domain such as \"shop.internal\"; every name under it is internal.", z)
				continue
			}
			s.InternalZones = append(s.InternalZones, z)
		}
	}
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		if b.Type != "check" {
			continue
		}
		c := l.decodeCheckSettingBlock(b)
		if first, dup := seen[c.ID]; dup {
			l.diags = append(l.diags, duplicateDiag("check", fmt.Sprintf("%q", c.ID), b.DefRange, first))
			continue
		}
		seen[c.ID] = b.DefRange
		s.Checks = append(s.Checks, c)
	}
	if b := l.singleBlock(content, "assumptions"); b != nil {
		l.decodeAssumptionsBlock(b, &s.Assumptions, s.Attrs)
	}
	if b := l.singleBlock(content, "alerts"); b != nil {
		s.Alerts = l.decodeAlertsBlock(b)
	}
	sortByName(s.Checks, func(c *CheckSetting) string { return c.ID })
}

func (l *loader) decodeCheckSettingBlock(block *hcl.Block) *CheckSetting {
	c := &CheckSetting{
		ID:        block.Labels[0],
		DeclRange: block.DefRange,
		IDRange:   block.LabelRanges[0],
	}
	content := l.content(block.Body, checkSettingSchema)
	c.Attrs = attrRanges(content, "", nil)
	if v, ok := l.boolean(content.Attributes["enabled"]); ok {
		c.Enabled = &v
	}
	if i, ok := l.enum(content.Attributes["severity"], severityNames); ok {
		c.Severity = severityNames[i]
	}
	// Whether the ID names a real check is for the checks package to say:
	// lang does not know the list.
	return c
}

// decodeAssumptionsBlock overrides assumptions by name, each in its unit.
func (l *loader) decodeAssumptionsBlock(block *hcl.Block, a *Assumptions, ranges map[string]hcl.Range) {
	attrs, diags := block.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	names := make([]string, len(AssumptionDefs))
	for i, def := range AssumptionDefs {
		names[i] = def.Name
	}
	for _, attr := range sortedAttrs(attrs) {
		def, ok := assumptionDef(attr.Name)
		if !ok {
			rng := attr.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unknown assumption",
				Detail: fmt.Sprintf("There is no assumption named %q.%s The assumptions that can be set are %s.",
					attr.Name, didYouMean(attr.Name, names, ""), andList(names)),
				Subject: &rng,
			})
			continue
		}
		ranges["assumptions."+attr.Name] = attr.Range
		var text string
		switch def.Kind {
		case AssumeNumber:
			f, ok := l.number(attr, 0, inf)
			if !ok {
				continue
			}
			text = formatNumber(f)
		case AssumeDuration:
			d, ok := l.duration(attr)
			if !ok {
				continue
			}
			*def.Field(a).(*time.Duration) = d
			continue
		case AssumeSize:
			s, ok := l.size(attr)
			if !ok {
				continue
			}
			*def.Field(a).(*int64) = s
			continue
		}
		if err := def.Set(a, text); err != nil {
			l.errorf(attr, "Invalid value", "The %s assumption: %s.", attr.Name, err)
		}
	}
}

func assumptionDef(name string) (AssumptionDef, bool) {
	for _, def := range AssumptionDefs {
		if def.Name == name {
			return def, true
		}
	}
	return AssumptionDef{}, false
}

// checkSettings checks what the mrplan block says against this build.
func (l *loader) checkSettings() {
	s := l.mod.Settings
	if s.RequiredVersion == "" {
		return
	}
	rng := s.Attrs["required_version"]
	fail := func(summary, detail string) {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng})
	}
	cons, err := version.NewConstraint(s.RequiredVersion)
	if err != nil {
		fail("Invalid version constraint", fmt.Sprintf("The required_version argument must be a version constraint such as \">= 0.1\"; %q is not.", s.RequiredVersion))
		return
	}
	v, err := version.NewVersion(mrversion.Version)
	if err != nil {
		return // a development build with no version satisfies anything
	}
	if !cons.Check(v) {
		fail("Unsupported mrplan version", fmt.Sprintf("This module requires mrplan %s, but this is mrplan %s. Use a matching release, or change required_version.", s.RequiredVersion, mrversion.Version))
	}
}
