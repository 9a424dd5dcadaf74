package checks

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

// Run runs every enabled check over ctx, grades the findings as cfg says,
// drops those an inline ignore covers, and adds the diagnostics about the
// ignores themselves. The result is sorted.
//
// In validate (no manifests) the lint-only checks find nothing; in lint
// (ctx.Manifests set) only the checks that judge manifests run, and ignores
// in the module's own files are not reported as unused, since most of the
// checks they name did not run.
func Run(ctx *Context, cfg *Config) []diag.Diagnostic {
	lint := ctx.Lint()
	ran := map[string]bool{}
	var run []Check
	for _, ch := range All() {
		id := ch.Info().ID
		if !cfg.Enabled(id) || lint && !LintCheck(id) || !lint && LintOnly(id) {
			continue
		}
		if ObservedCheck(id) && ctx.Observed == nil {
			continue // no --observe evidence: an ignore of it is not unused
		}
		ran[id] = true
		run = append(run, ch)
	}

	// The checks are pure functions of ctx, so they run at the same time,
	// with the ignore comments read alongside; their findings are joined in
	// catalog order, then sorted, so the result does not depend on which
	// finished first.
	results := make([][]diag.Diagnostic, len(run))
	collected := make([]*collector, len(run))
	var wg sync.WaitGroup
	for i, ch := range run {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if cc, ok := ch.(collecting); ok {
				collected[i] = newCollector(ch.Info())
				cc.collect(ctx, collected[i])
				return
			}
			results[i] = ch.Run(ctx)
		}()
	}
	var files []source
	var read []struct {
		igs []*ignore
		d   []diag.Diagnostic
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		files = ignoreSources(ctx)
		read = make([]struct {
			igs []*ignore
			d   []diag.Diagnostic
		}, len(files))
		for i, file := range files {
			read[i].igs, read[i].d = readIgnores(ctx.Module, file.name, file.src)
		}
	}()
	wg.Wait()

	n := 0
	for i := range run {
		n += len(results[i])
		if collected[i] != nil {
			n += collected[i].n
		}
	}
	findings := make([]diag.Diagnostic, 0, n)
	for i, ch := range run {
		sev, regraded := cfg.Severity(ch), cfg.Regraded(ch.Info().ID)
		from := len(findings)
		if c := collected[i]; c != nil {
			for _, chunk := range c.chunks {
				findings = append(findings, chunk...)
			}
		} else {
			findings = append(findings, results[i]...)
		}
		for j := from; j < len(findings); j++ {
			// A check may file a lesser finding below its default
			// (MR101's control-plane warning); a re-graded check's
			// findings all take the configured severity.
			if f := &findings[j]; regraded || f.Severity == 0 || f.Severity > sev {
				f.Severity = sev
			}
		}
		results[i], collected[i] = nil, nil
	}

	var ignores []*ignore
	var diags []diag.Diagnostic
	reportIn := map[string]bool{}
	for i, file := range files {
		ignores = append(ignores, read[i].igs...)
		diags = append(diags, read[i].d...)
		reportIn[file.name] = file.report
	}
	report := func(ig *ignore) bool {
		if !reportIn[ig.rng.Filename] {
			return false
		}
		for _, id := range ig.checks {
			if !ran[id] {
				return false
			}
		}
		return true
	}
	declOf := func(subject string) *hcl.Range {
		kind, name, ok := strings.Cut(subject, ".")
		if !ok || ctx.Module == nil {
			return nil
		}
		k, ok := lang.ParseKind(kind)
		if !ok {
			return nil
		}
		r, ok := ctx.Module.DeclRange(lang.Address{Kind: k, Name: name})
		if !ok {
			return nil
		}
		return &r
	}
	out := append(applyIgnores(findings, ignores, ctx.Today, declOf, report), diags...)
	sortDiagnostics(out)
	return out
}

// LintCheck reports whether a check judges manifests, and so runs in lint.
func LintCheck(id string) bool {
	return slices.Contains([]string{"MR101", "MR102", "MR103", "MR104"}, id)
}

// LintOnly reports whether a check judges nothing but manifests, and so
// does not run in validate: an ignore of it in a module file is for lint,
// and not unused when validate runs.
func LintOnly(id string) bool { return id == "MR103" || id == "MR104" }

// ObservedCheck reports whether a check judges --observe evidence, and so
// finds nothing without it.
func ObservedCheck(id string) bool { return id == "MR106" || id == "MR107" || id == "MR108" }

type source struct {
	name   string
	src    []byte
	report bool // report unused ignores found in it
}

// ignoreSources lists the files ignore comments are read from, sorted: the
// module's native-syntax files and the HCL manifests (JSON and YAML files
// carry no ignores).
func ignoreSources(ctx *Context) []source {
	lint := ctx.Lint()
	var out []source
	if ctx.Module != nil {
		for name, src := range ctx.Module.Files {
			if strings.HasSuffix(name, lang.SuffixHCL) {
				out = append(out, source{name, src, !lint})
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range ctx.Manifests {
		if strings.HasSuffix(m.Filename, ".hcl") && !seen[m.Filename] {
			seen[m.Filename] = true
			out = append(out, source{m.Filename, m.Src, true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
