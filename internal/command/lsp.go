package command

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/lsp"
)

func newLSPCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (Language Server Protocol over standard input and output)",
		Long: `Lsp runs mrplan's language server for editors, speaking the Language Server
Protocol on standard input and output: diagnostics as you type (language errors
and check findings, with the check's ID and page), hover on a service or data
block with what the plan decided and why, hover and go to definition on
references, completion of block types, attributes, values, references, region
codes and product names, and formatting as mrplan fmt does. The whole module
is re-planned in the background when typing pauses.

Editors start it themselves; see the README for VS Code, Neovim and Helix.
It exits 0 after the client's shutdown and exit, 1 when the client leaves
without shutting it down.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			return exit(lsp.Serve(context.Background(), s.In, s.Out, lsp.Options{}))
		},
	}
}
