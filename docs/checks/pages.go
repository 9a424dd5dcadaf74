// Package checkdocs carries the doc page of every check, MRxxx.md in this
// folder, into the binary: `mrplan checks MR101` prints it, SARIF rule help
// carries it, and the repository shows it. The pages live here, beside each
// other and not beside the code, so that docs/checks/ is where readers find
// them; this file only embeds them. The checks package reads them.
package checkdocs

import "embed"

// Pages holds MR101.md … MR503.md.
//
//go:embed MR*.md
var Pages embed.FS
