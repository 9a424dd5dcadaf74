package command

import (
	"fmt"
	"path/filepath"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
)

// recordedModuleDir is the module directory dir as a plan saved to planFile
// records it: relative to the plan file's directory where a relative path
// exists, else absolute; always with forward slashes.
func recordedModuleDir(planFile, dir string) string {
	absDir, err1 := filepath.Abs(dir)
	absPlan, err2 := filepath.Abs(planFile)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(dir)
	}
	if rel, err := filepath.Rel(filepath.Dir(absPlan), absDir); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(absDir)
}

// locateModule finds the module a saved plan was made from, for apply from
// any directory. --module, when given, is the answer. Otherwise the places
// tried, in order, are the directory the plan records (relative to the plan
// file), the plan file's own directory and the working directory; the first
// whose module files are those the plan was made from wins, so a module
// moved together with its plan, or applied from inside it, is found again.
// When none matches, the recorded directory is returned if it still holds
// a module (apply then names the files that changed), and an error that
// says where the plan looked otherwise.
func locateModule(planFile string, sp *views.SavedPlan, flag string, flagSet bool, opts lang.LoadOptions) (string, error) {
	if flagSet {
		return flag, nil
	}
	var recorded string
	var candidates []string
	if sp.ModuleDir != "" {
		recorded = filepath.FromSlash(sp.ModuleDir)
		if !filepath.IsAbs(recorded) {
			recorded = filepath.Join(filepath.Dir(planFile), recorded)
		}
		candidates = append(candidates, recorded)
	}
	candidates = append(candidates, filepath.Dir(planFile), ".")
	seen := map[string]bool{}
	for _, c := range candidates {
		abs, err := filepath.Abs(c)
		if err != nil || seen[abs] {
			continue
		}
		seen[abs] = true
		if !hasModuleFiles(c) {
			continue
		}
		m, hdiags := lang.LoadDirOptions(c, opts)
		if hdiags.HasErrors() {
			continue
		}
		if staleFiles(sp.Files, fileHashes(m)) == "" {
			return filepath.Clean(c), nil
		}
	}
	if recorded == "" {
		return ".", nil // a plan saved before plans recorded their module
	}
	if hasModuleFiles(recorded) {
		return filepath.Clean(recorded), nil
	}
	return "", fmt.Errorf("the plan %s was made from the module in %s, which holds no module files now, and neither %s nor the working directory holds the files the plan was made from. If the module moved, pass its new place with --module DIR",
		planFile, filepath.Clean(recorded), dirName(filepath.Dir(planFile)))
}

// hasModuleFiles says whether dir is a directory with a module file in it.
func hasModuleFiles(dir string) bool {
	for _, pat := range []string{"*.mr.hcl", "*.mr.json"} {
		if m, _ := filepath.Glob(filepath.Join(dir, pat)); len(m) > 0 {
			return true
		}
	}
	return false
}

func dirName(d string) string {
	if d == "." {
		return "the plan's directory"
	}
	return d
}
