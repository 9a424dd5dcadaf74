package command

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/pmezard/go-difflib/difflib"
	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
)

type fmtOptions struct {
	check     bool
	diff      bool
	recursive bool
}

func newFmtCmd(s Streams, g *globals) *cobra.Command {
	var o fmtOptions
	cmd := &cobra.Command{
		Use:   "fmt [DIR|FILE...]",
		Short: "Rewrite module files in canonical form",
		Long: `Fmt rewrites every *.mr.hcl and *.mrvars.hcl file in each DIR
(default: the current directory), and each such FILE given, in canonical
form: the layout of hclwrite, with aligned equals signs, as terraform fmt
does. It lists the files it changed. With -recursive it also formats the
directories below, such as child modules.

*.mr.json files are left alone: JSON is usually generated, and its
generator owns the layout.

With -check it changes nothing, lists the files that are not in canonical
form, and exits 3 when there are any. With -diff it also prints a unified
diff of each change. A file that does not parse is reported with its errors
and left untouched; the run then exits 1.

"mrplan fmt -" formats standard input to standard output, for editors.`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			code := ExitOK
			for _, dir := range args {
				code = worseExit(code, runFmt(s, g, o, dir))
			}
			return exit(code)
		},
	}
	cmd.Flags().BoolVar(&o.check, "check", false, "change nothing; exit 3 when a file is not in canonical form")
	cmd.Flags().BoolVar(&o.diff, "diff", false, "print a unified diff of each change")
	cmd.Flags().BoolVar(&o.recursive, "recursive", false, "also format the directories below each DIR (child modules)")
	return cmd
}

func runFmt(s Streams, g *globals, o fmtOptions, dir string) int {
	if dir == "-" {
		return runFmtStdin(s, g, o)
	}
	var files []string
	var err error
	root := dir
	if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
		// A file, as pre-commit and editors pass them: that file alone.
		if !strings.HasSuffix(dir, lang.SuffixHCL) && !strings.HasSuffix(dir, lang.SuffixVars) {
			fmt.Fprintf(s.Err, "Error: %s is not a *%s or *%s file; fmt formats module and variables files, or every one in a directory.\n", dir, lang.SuffixHCL, lang.SuffixVars)
			return ExitError
		}
		files, root = []string{dir}, filepath.Dir(dir)
	} else {
		files, err = fmtFiles(dir, o.recursive)
	}
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot read module directory: %s\n", err)
		return ExitError
	}
	code := ExitOK
	var broken []diag.Diagnostic
	sources := map[string][]byte{}
	for _, name := range files {
		src, err := lang.ReadModuleFile(root, name)
		if err != nil {
			fmt.Fprintf(s.Err, "Error: %s.\n", err)
			code = ExitError
			continue
		}
		out, diags := formatSource(src, name)
		if diags.HasErrors() {
			sources[name] = src
			broken = append(broken, diag.FromHCL(diags)...)
			continue
		}
		if bytes.Equal(src, out) {
			continue
		}
		fmt.Fprintln(s.Out, name)
		if o.diff {
			if err := writeDiff(s, name, src, out); err != nil {
				fmt.Fprintf(s.Err, "Error: %s\n", err)
				return ExitError
			}
		}
		if o.check {
			if code == ExitOK {
				code = ExitNotFormatted
			}
			continue
		}
		if err := writeFileAtomic(name, out); err != nil {
			fmt.Fprintf(s.Err, "Error: cannot rewrite %s: %s\n", name, err)
			code = ExitError
		}
	}
	if len(broken) > 0 {
		diag.Sort(broken)
		_ = views.DiagnosticsText{Files: sources, Color: g.color(s.ErrTerminal)}.Write(s.Err, broken)
		return ExitError
	}
	return code
}

// fmtFiles lists the files fmt formats in dir, in lexical order: module
// files in native syntax and variables files, and with recursive those of
// every directory below that is not hidden.
func fmtFiles(dir string, recursive bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			if recursive && !strings.HasPrefix(name, ".") {
				sub, err := fmtFiles(filepath.Join(dir, name), true)
				if err != nil {
					return nil, err
				}
				out = append(out, sub...)
			}
		case lang.IsModuleFile(name) && strings.HasSuffix(name, lang.SuffixHCL),
			!strings.HasPrefix(name, ".") && strings.HasSuffix(name, lang.SuffixVars):
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}

// worseExit combines the exit codes of several directories: an error
// outweighs "not formatted", which outweighs success.
func worseExit(a, b int) int {
	rank := func(code int) int {
		switch code {
		case ExitOK:
			return 0
		case ExitNotFormatted:
			return 1
		}
		return 2
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// runFmtStdin formats standard input onto standard output. With -check it
// prints nothing and exits 3 when the input is not in canonical form.
func runFmtStdin(s Streams, g *globals, o fmtOptions) int {
	const name = "<stdin>"
	src, err := io.ReadAll(s.In)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: cannot read standard input: %s\n", err)
		return ExitError
	}
	out, diags := formatSource(src, name)
	if diags.HasErrors() {
		ds := diag.FromHCL(diags)
		_ = views.DiagnosticsText{Files: map[string][]byte{name: src}, Color: g.color(s.ErrTerminal)}.Write(s.Err, ds)
		return ExitError
	}
	changed := !bytes.Equal(src, out)
	if o.diff && changed {
		if err := writeDiff(s, name, src, out); err != nil {
			fmt.Fprintf(s.Err, "Error: %s\n", err)
			return ExitError
		}
	}
	switch {
	case o.check && changed:
		return ExitNotFormatted
	case o.check || o.diff:
		return ExitOK
	}
	if _, err := s.Out.Write(out); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write output: %s\n", err)
		return ExitError
	}
	return ExitOK
}

// formatSource returns src in canonical form, or the syntax errors that
// prevent formatting it.
func formatSource(src []byte, name string) ([]byte, hcl.Diagnostics) {
	_, diags := hclwrite.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	return hclwrite.Format(src), nil
}

func writeDiff(s Streams, name string, before, after []byte) error {
	text, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        difflib.SplitLines(string(before)),
		B:        difflib.SplitLines(string(after)),
		FromFile: "old/" + strings.TrimLeft(filepath.ToSlash(name), "/"),
		ToFile:   "new/" + strings.TrimLeft(filepath.ToSlash(name), "/"),
		Context:  3,
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(s.Out, text)
	return err
}

// writeFileAtomic replaces name with data through a temporary file in the
// same directory and a rename, so an interrupted run never leaves half a
// file; the file keeps its permissions.
func writeFileAtomic(name string, data []byte) error {
	interrupts.critical.Lock() // a signal waits for the rename
	defer interrupts.critical.Unlock()
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
