package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/mrplan/mrplan/fsguard"
)

// VarArg is one -var NAME=VALUE (File empty) or -var-file FILE option.
type VarArg struct {
	Name, Value string
	File        string
}

// Suffixes of variable files: any may be given with -var-file; those
// ending .auto.mrvars.hcl or .auto.mrvars.json in the root module's
// directory are read without being asked for.
const (
	SuffixVars         = ".mrvars.hcl"
	SuffixAutoVars     = ".auto.mrvars.hcl"
	SuffixAutoVarsJSON = ".auto.mrvars.json"
)

// ParseVarArg reads a -var option's NAME=VALUE.
func ParseVarArg(s string) (VarArg, error) {
	name, value, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return VarArg{}, fmt.Errorf("the -var option %q must be NAME=VALUE, such as -var 'env=prod'", s)
	}
	if !validIdentifier(name) {
		return VarArg{}, fmt.Errorf("the -var option %q: %q is not a variable name", s, name)
	}
	return VarArg{Name: name, Value: value}, nil
}

// EnvVars picks the MRPLAN_VAR_NAME entries out of an environment in
// os.Environ's form, by variable name.
func EnvVars(environ []string) map[string]string {
	out := map[string]string{}
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if ok && strings.HasPrefix(k, "MRPLAN_VAR_") && len(k) > len("MRPLAN_VAR_") {
			out[strings.TrimPrefix(k, "MRPLAN_VAR_")] = v
		}
	}
	return out
}

// rootInputs collects the values given for the root module's variables,
// with Terraform's precedence, later winning: the environment, then
// *.auto.mrvars.hcl files in lexical order, then -var and -var-file in
// the order given.
func (l *loader) rootInputs(s *scope, o LoadOptions) {
	for _, name := range sortedKeys(o.Env) {
		v := s.variable(name)
		if v == nil {
			continue // Terraform ignores environment values for undeclared variables
		}
		// A value that does not parse is reported by rawValue; it still
		// counts as given, so the variable is not also reported missing.
		val, _ := l.rawValue(v, o.Env[name], "the environment variable MRPLAN_VAR_"+name)
		s.inputs[name] = inputValue{value: val, from: "the environment variable MRPLAN_VAR_" + name}
	}
	for _, name := range l.autoVarFiles(s.dir) {
		l.varFile(s, name, true)
	}
	for _, a := range o.Vars {
		if a.File != "" {
			l.varFile(s, a.File, false)
			continue
		}
		v := s.variable(a.Name)
		if v == nil && l.broken {
			continue // the variable may be declared in the file that did not parse
		}
		if v == nil {
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Value for undeclared variable",
				Detail:   fmt.Sprintf("A -var option sets %q, but the module declares no such variable.%s", a.Name, didYouMean(a.Name, variableNames(s), "")),
			})
			continue
		}
		val, _ := l.rawValue(v, a.Value, "-var "+a.Name)
		s.inputs[a.Name] = inputValue{value: val, from: "-var"}
	}
}

func variableNames(s *scope) []string {
	var out []string
	for _, v := range s.variables {
		out = append(out, v.Name)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// rawValue reads a value given as text: taken as it is for a string
// variable, else parsed as an HCL (or JSON) literal such as ["a", "b"].
//
// A number or bool is taken as text too, as Terraform does, and converted
// with the variable's type: -var n=abc then says "a number is required".
func (l *loader) rawValue(v *Variable, raw, from string) (cty.Value, bool) {
	if v.takesString() || v.Type.IsPrimitiveType() {
		return cty.StringVal(raw), true
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), "<value for var."+v.Name+">", hcl.Pos{Line: 1, Column: 1})
	if !diags.HasErrors() {
		var val cty.Value
		val, diags = expr.Value(nil)
		if !diags.HasErrors() {
			return val, true
		}
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid value for variable",
		Detail:   fmt.Sprintf("The value %q given by %s for variable %q (of type %s) is not a valid literal: %s.", raw, from, v.Name, typeString(v.Type), strings.TrimSuffix(diags[0].Summary, ".")),
	})
	return cty.DynamicVal, false
}

// isAutoVarFile says whether a file's base name makes it a variables file
// read without being asked for.
func isAutoVarFile(name string) bool {
	return !strings.HasPrefix(name, ".") && (strings.HasSuffix(name, SuffixAutoVars) || strings.HasSuffix(name, SuffixAutoVarsJSON))
}

// autoVarFiles are the *.auto.mrvars files of dir, on disk or in the
// overlay, in lexical order, joined to dir as given.
func (l *loader) autoVarFiles(dir string) []string {
	names := l.overlay.namesIn(dir, isAutoVarFile)
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && isAutoVarFile(n) && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = filepath.Join(dir, n)
	}
	return out
}

// varFile reads a variables file: NAME = literal lines. A value for an
// undeclared variable is a warning in a file, as in Terraform. An auto
// file is the module's own, so it is read as its module files are (inside
// its tree, regular, not too large); a file given with -var-file is the
// caller's choice and may be anything readable, such as a pipe.
func (l *loader) varFile(s *scope, name string, auto bool) {
	var src []byte
	var err error
	switch text, ok := l.overlay.text(name); {
	case auto:
		var realRoot string
		if realRoot, err = fsguard.ResolveExisting(s.dir); err == nil {
			src, err = readModuleFile(realRoot, name, l.overlay)
		}
	case ok:
		src = text
	default:
		src, err = os.ReadFile(name)
	}
	if err != nil {
		d := &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Cannot read variables file",
			Detail:   fmt.Sprintf("The variables file %s cannot be read: %v.", name, err),
		}
		if auto { // the module's own file is the place; a -var-file has none
			rng := hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
			d.Subject = &rng
		}
		l.diags = append(l.diags, d)
		return
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(name, ".json") {
		f, diags = json.Parse(src, name)
	} else {
		f, diags = hclsyntax.ParseConfig(src, name, hcl.Pos{Line: 1, Column: 1})
	}
	l.diags = append(l.diags, diags...)
	if diags.HasErrors() || f == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	for _, a := range sortedAttrs(attrs) {
		v := s.variable(a.Name)
		if v == nil && l.broken {
			continue // the variable may be declared in the file that did not parse
		}
		if v == nil {
			rng := a.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Value for undeclared variable",
				Detail:   fmt.Sprintf("The file sets %q, but the module declares no such variable; the value is ignored.%s", a.Name, didYouMean(a.Name, variableNames(s), "")),
				Subject:  &rng,
			})
			continue
		}
		val, vd := a.Expr.Value(nil)
		l.diags = append(l.diags, vd...)
		if vd.HasErrors() {
			continue
		}
		rng := a.Expr.Range()
		s.inputs[a.Name] = inputValue{value: val, from: filepath.Base(name), rng: &rng}
	}
}
