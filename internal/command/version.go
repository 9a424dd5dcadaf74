package command

import (
	"encoding/json"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/mrplan/mrplan/version"
)

// versionJSON is `mrplan version -json`, shaped like Terraform's.
type versionJSON struct {
	Version  string `json:"mrplan_version"`
	Platform string `json:"platform"`
	Go       string `json:"go_version"`
}

func newVersionCmd(s Streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print mrplan's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if !asJSON {
				fmt.Fprintf(s.Out, "mrplan v%s\n", version.Version)
				return nil
			}
			out, err := json.MarshalIndent(versionJSON{
				Version:  version.Version,
				Platform: runtime.GOOS + "_" + runtime.GOARCH,
				Go:       runtime.Version(),
			}, "", "  ")
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(s.Out, "%s\n", out)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the version as JSON")
	return cmd
}
