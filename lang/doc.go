// Package lang is the mrplan language: it loads a module directory of
// *.mr.hcl and *.mr.json files, decodes every block into the typed model of
// model.go (keeping source ranges on blocks, labels and attributes), resolves
// references to typed addresses, checks them against the provider catalogs,
// and reports every mistake as an hcl.Diagnostic in one run.
//
// It owns syntax, types, units, references and defaults that need no
// planning. It does not decide architecture (planner), judge a design
// (checks) or print anything (internal/views). Catalog facts come from
// providers.
package lang
