// Package manifest reads the dependency manifests service teams keep next to
// their code (SPEC §4): HCL `*.deps.hcl` files and Backstage
// `catalog-info.yaml` components. It only reads: comparing a manifest with a
// module is the checks package's job (MR101–MR104), and rendering the
// findings is internal/views'.
package manifest
