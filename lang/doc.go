// Package lang is the mrplan language: it loads a module directory of
// *.mr.hcl and *.mr.json files, decodes every block into the typed model of
// model.go (keeping source ranges on blocks, labels and attributes), resolves
// references to typed addresses, checks them against the provider catalogs,
// and reports every mistake as an hcl.Diagnostic in one run.
//
// The entry point is LoadDir (public.go). Loading runs in two passes:
// every file is parsed and each block decoded on its own (block_<kind>.go:
// the block's schema, its decodeXBlock function and what it resolves), then
// finish (loader.go) resolves references across files, looks regions and
// products up in the module's providers.Registry and checks what needs the
// whole module. The registry is the seam to the provider catalogs: built-in
// ones come from providers.NewRegistry, custom providers' inline catalogs
// are added to it, and LoadDirWith takes another for tests.
//
// Files load on all cores, largest first (parallel.go); a native-syntax
// file is parsed a few kilobytes of top-level blocks at a time and each
// chunk decoded at once, so no file's whole syntax tree or token slice is
// ever alive, and the only syntax kept is each file's outline of top-level
// blocks (outline.go), by which later phases name the block around a
// position without parsing again.
//
// Composition (SPEC §9) is the evaluator's: scopes, variables and
// outputs (eval.go; values given on the command line in inputs.go), locals
// (eval_locals.go), names and references in expressions (eval_names.go),
// for_each and count (expand.go) and module calls (modules.go). A block that reads var, local, each, count or module, and every
// block of a JSON file, is kept as syntax while files load and decoded by
// the evaluator once per instance, in its module's scope; references pass
// through expressions as a capsule type, so region[each.key] or a module
// output can stand where a reference goes. A child module's blocks join
// the one Module under names prefixed "module.NAME." (Address.String
// writes module.NAME.service.X); instances are named api["eu"] and
// worker[0].
//
// It owns syntax, types, units, references and defaults that need no
// planning. It does not decide architecture (planner), judge a design
// (checks, which also owns the list of check IDs a `check` block may name)
// or print anything (internal/views). Catalog facts come from providers.
package lang
