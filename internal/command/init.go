package command

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/version"
)

//go:embed starter/main.mr.hcl
var starterModule string

// starterFile is the file mrplan init writes.
const starterFile = "main.mr.hcl"

func newInitCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a starter module (provider, regions, a service, a data class) that validates clean",
		Long: `Init writes a commented starter module, main.mr.hcl, into DIR (default: the
current directory, created when missing): a provider, three regions, an
objective, one service and one data class. It validates clean as written;
change it to describe your own architecture.

It never overwrites: it refuses a directory that already holds a module file
(*.mr.hcl or *.mr.json), and exits 1.`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeModuleDir,
		RunE: func(_ *cobra.Command, args []string) error {
			return exit(runInit(s, moduleDir(args)))
		},
	}
}

func runInit(s Streams, dir string) int {
	if existing, err := lang.ModuleFiles(dir); err == nil && len(existing) > 0 {
		fmt.Fprintf(s.Err, "Error: %s already holds a module (%s); mrplan init writes only into a directory without one, and never overwrites. Give it another directory.\n",
			dir, strings.Join(baseNames(existing), ", "))
		return ExitError
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(s.Err, "Error: cannot read %s: %s\n", dir, err)
		return ExitError
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot create %s: %s\n", dir, err)
		return ExitError
	}
	path := filepath.Join(dir, starterFile)
	if err := writeNew(path, []byte(strings.ReplaceAll(starterModule, "{{MINOR}}", minorVersion()))); err != nil {
		fmt.Fprintf(s.Err, "Error: cannot write %s: %s\n", path, err)
		return ExitError
	}
	fmt.Fprintf(s.Out, "Wrote a starter module to %s.\n\nNext: edit it, then run\n  mrplan validate %s\n  mrplan plan %s\n", path, dir, dir)
	return ExitOK
}

// writeNew writes data to a new file at path, atomically and never over an
// existing one: the bytes go to a temporary file that is then linked into
// place, which fails if path exists.
func writeNew(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s exists; it is left as it was", path)
		}
		return err
	}
	return nil
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// minorVersion is this release's "MAJOR.MINOR", for required_version.
func minorVersion() string {
	parts := strings.SplitN(version.Version, ".", 3)
	if len(parts) < 2 {
		return version.Version
	}
	return parts[0] + "." + parts[1]
}
