// Command mrplan plans multi-region architecture. See the README.
package main

import (
	"os"

	"github.com/mrplan/mrplan/internal/command"
)

func main() { os.Exit(command.Main(os.Args[1:], command.StdStreams())) }
