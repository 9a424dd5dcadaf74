package command

import (
	"os"

	"github.com/spf13/pflag"

	"github.com/mrplan/mrplan/lang"
)

// varFlag is -var NAME=VALUE or -var-file FILE: both append to one list,
// so that later options win over earlier ones in the order typed, as in
// Terraform.
type varFlag struct {
	list *[]lang.VarArg
	file bool
}

func (f varFlag) String() string { return "" }

func (f varFlag) Type() string {
	if f.file {
		return "file"
	}
	return "name=value"
}

func (f varFlag) Set(s string) error {
	if f.file {
		*f.list = append(*f.list, lang.VarArg{File: s})
		return nil
	}
	a, err := lang.ParseVarArg(s)
	if err != nil {
		return err
	}
	*f.list = append(*f.list, a)
	return nil
}

// addVarFlags adds -var and -var-file to a command's flags.
func addVarFlags(fs *pflag.FlagSet, g *globals) {
	fs.Var(varFlag{list: &g.vars}, "var", "set a root module variable, `NAME=VALUE` (repeatable; lists and maps in HCL syntax, such as '[\"a\", \"b\"]')")
	fs.Var(varFlag{list: &g.vars, file: true}, "var-file", "read root module variables from a `FILE` of NAME = value lines, such as prod.mrvars.hcl (repeatable); *.auto.mrvars.hcl in the module are read anyway")
}

// loadOptions are the variable values of this run, for lang.LoadDirOptions:
// -var and -var-file as given, and MRPLAN_VAR_NAME from the environment.
func (g *globals) loadOptions(pr lang.Progress) lang.LoadOptions {
	environ := g.environ
	if environ == nil {
		environ = os.Environ
	}
	return lang.LoadOptions{Vars: g.vars, Env: lang.EnvVars(environ()), Progress: pr}
}
