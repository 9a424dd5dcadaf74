// Command mrplan-floor parses a module's files with hclparse and visits
// every block and attribute, on one core: the floor mrplan's own time and
// memory are measured against (scripts/bench-targets.sh). With -phase load
// or -phase plan it runs mrplan's own loading (lang.LoadDir) or loading and
// planning (planner.PlanModule) on all cores instead, so a run's time and
// peak memory can be split between the phases and the checks and views.
//
//	mrplan-floor DIR
//	mrplan-floor -phase plan DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"

	"github.com/mrplan/mrplan/bench"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

func main() {
	phase := flag.String("phase", "floor", "what to run: floor (hclparse on one core), load or plan")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mrplan-floor [-phase floor|load|plan] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	switch *phase {
	case "floor":
		runtime.GOMAXPROCS(1)
		files, err := lang.ModuleFiles(dir)
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
	case "load", "plan":
		m, diags := lang.LoadDir(dir)
		if diags.HasErrors() {
			fmt.Fprintln(os.Stderr, "mrplan-floor:", diags.Error())
			os.Exit(1)
		}
		if *phase == "plan" {
			p := planner.PlanModule(m)
			fmt.Printf("%d services, %d scenarios\n", len(p.Services), len(p.Scenarios))
			return
		}
		fmt.Printf("%d services\n", len(m.Services))
	default:
		fmt.Fprintf(os.Stderr, "mrplan-floor: -phase must be floor, load or plan, not %q\n", *phase)
		os.Exit(2)
	}
}
