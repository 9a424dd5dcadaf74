package command

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/pflag"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/fsguard"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
)

// observeOptions are the --observe flags of discover, validate, plan and
// report: evidence files of what really runs (SPEC section 8).
type observeOptions struct {
	files  []string
	format string

	done  bool
	disc  *observe.Discovery
	diags []diag.Diagnostic
}

func (o *observeOptions) register(f *pflag.FlagSet) {
	f.StringArrayVar(&o.files, "observe", nil, "read what really runs from `FILE`: a Route 53 Resolver query log (.gz too), a Jaeger dependencies export, OTel service-graph metrics, or terraform show -json; a directory gives every file under it (repeatable)")
	f.StringVar(&o.format, "observe-format", "auto", "the --observe files' format: "+strings.Join(observe.FormatNames(), ", "))
}

// discover reads the --observe files once and matches them against mod.
// Without files it returns nil. A file that cannot be read at all is an
// error diagnostic naming it; each skipped line is a notice with its file
// and line, as bad lines are normal in logs.
func (o *observeOptions) discover(mod *lang.Module) (*observe.Discovery, []diag.Diagnostic) {
	if o == nil || len(o.files) == 0 {
		return nil, nil
	}
	if o.done {
		return o.disc, o.diags
	}
	o.done = true
	format, ok := observe.ParseFormat(o.format)
	if !ok {
		o.diags = append(o.diags, diag.Diagnostic{Severity: diag.Error, Summary: "Unknown observe format",
			Detail: fmt.Sprintf("--observe-format must be one of %s, not %q.", strings.Join(observe.FormatNames(), ", "), o.format)})
		return nil, o.diags
	}
	c := observe.NewCollector()
	files, refused := expandObserveFiles(o.files)
	o.diags = append(o.diags, refused...)
	for _, f := range files {
		if err := c.ReadFile(f, format); err != nil {
			o.diags = append(o.diags, observeFileError(f, err))
		}
	}
	obs := c.Observations()
	for _, s := range obs.Skipped {
		d := diag.Diagnostic{Severity: diag.Notice, Summary: "Skipped observe line", Detail: sentence(s.Reason)}
		if s.Line > 0 {
			d.Range = &hcl.Range{Filename: s.Filename, Start: hcl.Pos{Line: s.Line, Column: 1}, End: hcl.Pos{Line: s.Line, Column: 1}}
		} else {
			d.Range = fileRange(s.Filename)
		}
		o.diags = append(o.diags, d)
	}
	for _, fs := range obs.Files {
		if n := fs.Skipped - countListed(obs.Skipped, fs.Filename); n > 0 {
			o.diags = append(o.diags, diag.Diagnostic{Severity: diag.Notice, Summary: "Skipped observe lines",
				Detail: fmt.Sprintf("%d more lines of %s could not be read and are not listed one by one.", n, fs.Filename), Range: fileRange(fs.Filename)})
		}
	}
	o.disc = observe.Match(mod, obs)
	return o.disc, o.diags
}

// expandObserveFiles replaces each directory among files with the files
// under it, recursively, in lexical order, leaving out hidden ones: Route 53
// delivers resolver logs to S3 as many small files, and a synced prefix is
// one argument. A file found in a directory must resolve inside that
// directory after symlinks (a file named on the command line is read
// wherever it is): each one that leads out is refused by name, in the
// diagnostics returned. What is not a regular file is left in, for
// ReadFile to refuse by name without reading it.
func expandObserveFiles(files []string) ([]string, []diag.Diagnostic) {
	var out []string
	var refused []diag.Diagnostic
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil || !info.IsDir() {
			out = append(out, f) // ReadFile names what is wrong with it
			continue
		}
		root, err := fsguard.ResolveExisting(f)
		if err != nil {
			out = append(out, f)
			continue
		}
		filepath.WalkDir(f, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				out = append(out, path)
			case path != f && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return filepath.SkipDir
				}
			case d.IsDir():
			default:
				real, err := fsguard.ResolveExisting(path)
				switch {
				case err != nil:
					out = append(out, path) // ReadFile names what is wrong with it
				case !fsguard.Within(root, real):
					refused = append(refused, diag.Diagnostic{Severity: diag.Error, Summary: "Observe file refused",
						Detail: fmt.Sprintf("mrplan did not read %s: it resolves to %s, outside the directory %s it was found in. A file found under an --observe directory must stay inside it; name the file itself with --observe to read it anyway.", path, real, f),
						Range:  fileRange(path)})
				case isDir(real):
					// A symlink to a directory inside: its files are walked
					// where they really are.
				default:
					out = append(out, path)
				}
			}
			return nil
		})
	}
	return out, refused
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// observeFileError is the diagnostic for an --observe file that could not
// be read at all: refused (not a regular file, or over the size limit)
// or unreadable.
func observeFileError(name string, err error) diag.Diagnostic {
	if refused := (*fsguard.RefusedError)(nil); errors.As(err, &refused) {
		return diag.Diagnostic{Severity: diag.Error, Summary: "Observe file refused",
			Detail: fmt.Sprintf("mrplan did not read %s: it %s.", name, strings.TrimSuffix(refused.Reason, ".")), Range: fileRange(name)}
	}
	return diag.Diagnostic{Severity: diag.Error, Summary: "Unreadable observe file",
		Detail: strings.TrimSuffix(err.Error(), ".") + ".", Range: fileRange(name)}
}

// fileRange points at the start of a file, for what is about the file as
// a whole.
func fileRange(name string) *hcl.Range {
	return &hcl.Range{Filename: name, Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 1}}
}

// failed reports whether an --observe file could not be read at all.
func (o *observeOptions) failed() bool {
	for _, d := range o.diags {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

func countListed(ss []observe.Skipped, file string) int64 {
	var n int64
	for _, s := range ss {
		if s.Filename == file && s.Line > 0 {
			n++
		}
	}
	return n
}

// sentence makes a reader's message a sentence: capitalised, with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
