// Command mrplan-floor parses a module's files with hclparse and visits
// every block and attribute, on one core: the floor mrplan's own time and
// memory are measured against (scripts/bench-targets.sh).
//
//	mrplan-floor DIR
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/mrplan/mrplan/bench"
	"github.com/mrplan/mrplan/lang"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mrplan-floor DIR")
		os.Exit(2)
	}
	runtime.GOMAXPROCS(1)
	files, err := lang.ModuleFiles(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "mrplan-floor:", err)
		os.Exit(1)
	}
	c, err := bench.Floor(files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mrplan-floor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d blocks, %d attributes\n", len(files), c.Blocks, c.Attributes)
}
