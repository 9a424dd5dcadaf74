package command

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/internal/version"
)

func newVersionCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print mrplan's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(s.Out, "mrplan v%s\n", version.Version)
			return nil
		},
	}
}
