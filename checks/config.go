package checks

import (
	"fmt"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

// Config says which checks run and at what severity: the catalog's
// defaults, then the shared configuration file's `check "ID" {...}` blocks
// (.mrplan.hcl, see configfile.go), then the module's `mrplan { check "ID"
// {...} }` blocks, then the command line's --enable-check and
// --disable-check, each overriding the one before.
type Config struct {
	disabled map[string]bool
	severity map[string]diag.Severity
}

// Enabled reports whether the check with id runs.
func (c *Config) Enabled(id string) bool { return !c.disabled[id] }

// Regraded reports whether the module or command line set the severity of
// the check with id.
func (c *Config) Regraded(id string) bool { _, ok := c.severity[id]; return ok }

// Severity returns the severity findings of check ch are reported at.
func (c *Config) Severity(ch Check) diag.Severity {
	if s, ok := c.severity[ch.Info().ID]; ok {
		return s
	}
	return ch.Info().Severity
}

// Flags are the command line's check options; each entry is a check ID or
// name, or a comma-separated list of them.
type Flags struct {
	Enable, Disable []string
	// Shared are the check blocks of the configuration file shared across
	// modules (LoadConfigFile); the module's own blocks override them.
	Shared []*lang.CheckSetting
}

// NewConfig builds the configuration from the module's settings and the
// flags. A check the settings name that does not exist is reported as an
// error diagnostic on its label, with a suggestion; a flag naming an unknown
// check is a usage error, returned as err.
func NewConfig(s *lang.Settings, f Flags) (*Config, []diag.Diagnostic, error) {
	c := &Config{disabled: map[string]bool{}, severity: map[string]diag.Severity{}}
	var diags []diag.Diagnostic
	settings := f.Shared
	if s != nil {
		settings = append(append([]*lang.CheckSetting{}, f.Shared...), s.Checks...)
	}
	{
		for _, cs := range settings {
			ch := Lookup(cs.ID)
			if ch == nil {
				diags = append(diags, unknownCheck(cs.ID, cs.IDRange))
				continue
			}
			if cs.Enabled != nil {
				c.disabled[ch.Info().ID] = !*cs.Enabled
			}
			if cs.Severity != "" {
				sev, ok := diag.ParseSeverity(cs.Severity)
				if !ok {
					r := attrRange(cs.Attrs, "severity", cs.DeclRange)
					diags = append(diags, diag.Diagnostic{
						Severity: diag.Error,
						Summary:  "Invalid check severity",
						Detail:   fmt.Sprintf("The severity of %s must be \"error\", \"warning\" or \"notice\", not %q.", ch.Info().ID, cs.Severity),
						Range:    &r,
					})
					continue
				}
				c.severity[ch.Info().ID] = sev
			}
		}
	}
	for _, pass := range []struct {
		flag    string
		list    []string
		disable bool
	}{{"--enable-check", f.Enable, false}, {"--disable-check", f.Disable, true}} {
		for _, item := range pass.list {
			for _, word := range strings.Split(item, ",") {
				word = strings.TrimSpace(word)
				if word == "" {
					continue
				}
				ch := Lookup(word)
				if ch == nil {
					return nil, nil, fmt.Errorf("%s: no check %q.%s Run 'mrplan checks' for the list", pass.flag, word, Suggest(word))
				}
				c.disabled[ch.Info().ID] = pass.disable
			}
		}
	}
	return c, diags, nil
}

func unknownCheck(id string, rng hcl.Range) diag.Diagnostic {
	return diag.Diagnostic{
		Severity: diag.Error,
		Summary:  "Unknown check",
		Detail:   fmt.Sprintf("There is no check %q.%s Run 'mrplan checks' for the list.", id, Suggest(id)),
		Range:    &rng,
	}
}

// Lookup finds a check by its ID ("MR101", any case) or name
// ("hidden-single-region-dependency").
func Lookup(word string) Check {
	for _, ch := range All() {
		if strings.EqualFold(ch.Info().ID, word) || ch.Info().Name == word {
			return ch
		}
	}
	return nil
}

// Suggest returns ` Did you mean "MR101"?` for the ID or name closest
// to word, or "".
func Suggest(word string) string {
	best, bestDist := "", 0
	for _, ch := range All() {
		for _, cand := range []string{ch.Info().ID, ch.Info().Name} {
			d := levenshtein.Distance(strings.ToUpper(word), strings.ToUpper(cand), nil)
			if d <= max(2, len(cand)/3) && (best == "" || d < bestDist) {
				best, bestDist = cand, d
			}
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" Did you mean %q?", best)
}

// ConfigDiagnostics reports the mistakes in how a module configures its
// checks, without running any: check blocks that name no check, and
// comments meant as ignores that do not parse. validate reports them when
// the module's language errors keep the checks from running, so that they
// come in the same run. A flag naming no check is left to the run proper.
func ConfigDiagnostics(mod *lang.Module, f Flags) []diag.Diagnostic {
	if mod == nil {
		return nil
	}
	_, out, err := NewConfig(mod.Settings, f)
	if err != nil {
		return nil
	}
	for _, src := range ignoreSources(&Context{Module: mod}) {
		_, d := readIgnores(mod, src.name, src.src)
		out = append(out, d...)
	}
	return out
}
