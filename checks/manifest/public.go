package manifest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/fsguard"
)

// SuffixHCL is the file name suffix of an HCL dependency manifest.
const SuffixHCL = ".deps.hcl"

// IsManifestFile reports whether name is a manifest by its name: a
// `*.deps.hcl` file or a Backstage `catalog-info.yaml` (or `.yml`).
func IsManifestFile(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, SuffixHCL) || base == "catalog-info.yaml" || base == "catalog-info.yml"
}

// Files expands the paths given on the command line: a file is taken as it
// is, a directory stands for every manifest under it (hidden directories,
// node_modules and vendor skipped: they hold other projects' files). The
// result is sorted and has no duplicates. A manifest found in a directory
// must resolve inside that directory's tree after symlinks: one that leads
// elsewhere is refused (every such file named in the error), while a file
// named on the command line is read wherever it is.
func Files(paths []string) ([]string, error) {
	var refused []error
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no manifest or directory %s: pass *.deps.hcl or catalog-info.yaml files, or directories that hold them", p)
		}
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			if !d.IsDir() && IsManifestFile(path) {
				if d.Type()&fs.ModeSymlink != 0 {
					abs, err := filepath.Abs(path)
					if err == nil {
						_, err = fsguard.ResolveInside(p, abs)
					}
					if err != nil {
						refused = append(refused, fmt.Errorf("%w; a manifest found in %s must stay inside it (name the file itself to read it anyway)", err, p))
						return nil
					}
				}
				add(path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(refused) > 0 {
		return nil, errors.Join(refused...)
	}
	sort.Strings(out)
	return out, nil
}

// Parse reads the manifests in one file's bytes: one for an HCL manifest,
// one per Component document for a Backstage catalog file. Other Backstage
// kinds (System, API, …) are skipped. It reports every problem it finds and
// returns what it could read.
func Parse(filename string, src []byte) ([]*Manifest, hcl.Diagnostics) {
	ms, diags := parseBackstageOrHCL(filename, src)
	for _, m := range ms {
		m.Src = src
	}
	return ms, diags
}

func parseBackstageOrHCL(filename string, src []byte) ([]*Manifest, hcl.Diagnostics) {
	base := filepath.Base(filename)
	if strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml") {
		return parseBackstage(filename, src)
	}
	m, diags := parseHCL(filename, src)
	if m == nil {
		return nil, diags
	}
	return []*Manifest{m}, diags
}

// Load reads and parses one manifest file.
func Load(filename string) ([]*Manifest, []byte, hcl.Diagnostics) {
	src, err := fsguard.ReadRegularFile(filename, fsguard.MaxFileBytes())
	var refused *fsguard.RefusedError
	if errors.As(err, &refused) {
		return nil, nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Manifest refused",
			Detail:   fmt.Sprintf("mrplan did not read %s: it %s.", filename, refused.Reason),
		}}
	}
	if err != nil {
		return nil, nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read manifest",
			Detail:   fmt.Sprintf("Reading %s failed: %s.", filename, err),
		}}
	}
	ms, diags := Parse(filename, src)
	return ms, src, diags
}
