package command

import "github.com/spf13/cobra"

func newFmtCmd(s Streams, g *globals) *cobra.Command {
	_, _ = s, g
	return &cobra.Command{Use: "fmt [DIR]", Short: "Rewrite module files in canonical form", Hidden: true}
}
