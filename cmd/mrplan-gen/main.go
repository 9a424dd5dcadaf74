// Command mrplan-gen writes a large, realistic mrplan module: a seeded mix of
// tiers, aws products, 24 regions, dependencies and data classes, spread over
// files. It is what mrplan's benchmarks run on; use it to see how mrplan
// behaves on an organisation of your size.
//
//	mrplan-gen -services 10000 -shape chain -o /tmp/big
//	mrplan validate /tmp/big
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/mrplan/mrplan/internal/gen"
)

func main() {
	var o gen.Options
	var shape, dir string
	flag.IntVar(&o.Services, "services", 1000, "number of services (and of data classes)")
	flag.IntVar(&o.Dependencies, "dependencies", 0, "number of dependency blocks (default: services/10)")
	flag.IntVar(&o.Files, "files", 100, "number of files to spread the module over")
	flag.Uint64Var(&o.Seed, "seed", 1, "seed: the same seed and options give the same bytes")
	flag.StringVar(&shape, "shape", "shallow", "depends_on graph: shallow (a layered DAG) or chain (as deep as it is long)")
	flag.StringVar(&dir, "o", "", "directory to write the module to (created if missing; required)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: mrplan-gen -o DIR [flags]\n\nWrites a generated mrplan module into DIR.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	var err error
	if o.Shape, err = gen.ParseShape(shape); err != nil || dir == "" || flag.NArg() > 0 {
		if err != nil {
			fmt.Fprintln(os.Stderr, "mrplan-gen:", err)
		}
		flag.Usage()
		os.Exit(2)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "mrplan-gen:", err)
		os.Exit(1)
	}
	if err := gen.Write(dir, o); err != nil {
		fmt.Fprintln(os.Stderr, "mrplan-gen:", err)
		os.Exit(1)
	}
}
