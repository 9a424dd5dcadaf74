// Command mrplan-gen writes a large, realistic mrplan module: a seeded mix of
// tiers, aws products, 24 regions, dependencies and data classes, spread over
// files. The module validates: `mrplan validate` finds no error in it, and
// warnings and notices on about one service in two hundred. It is what
// mrplan's benchmarks run on; use it to see how mrplan behaves on an
// organisation of your size.
//
//	mrplan-gen -services 10000 -shape chain -o /tmp/big
//	mrplan validate /tmp/big
//
// Failover drills are dated within the 90 days before -today (default: the
// current date); pass -today for the same bytes on every day.
//
// -flawed PERCENT writes a module that fails its gate instead, to measure
// mrplan on findings: that share of the services gets every finding that
// fits it, and the bottom of the graph calls dependencies placed in one
// region (MR101).
//
//	mrplan-gen -services 10000 -shape chain -flawed 100 -o /tmp/flawed
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/mrplan/mrplan/internal/gen"
)

func main() {
	var o gen.Options
	var shape, dir, today string
	flag.IntVar(&o.Services, "services", 1000, "number of services (and of data classes)")
	flag.IntVar(&o.Dependencies, "dependencies", 0, "number of dependency blocks (default: services/10)")
	flag.IntVar(&o.Files, "files", 100, "number of files to spread the module over")
	flag.Uint64Var(&o.Seed, "seed", 1, "seed: the same seed and options give the same bytes")
	flag.IntVar(&o.Flawed, "flawed", 0, "percentage of services seeded with a finding, and hidden single-region dependencies at the bottom of the graph (default: a sprinkle under 1%, no errors)")
	flag.StringVar(&shape, "shape", "shallow", "depends_on graph: shallow (a layered DAG) or chain (as deep as it is long)")
	flag.StringVar(&today, "today", time.Now().UTC().Format(time.DateOnly), "date YYYY-MM-DD the failover drills are recent to (within the 90 days before it)")
	flag.BoolVar(&o.ForEach, "for-each", false, "write the services and data classes as one for_each block each, over locals, instead of a block per service (the same module, to measure expansion)")
	flag.StringVar(&dir, "o", "", "directory to write the module to (created if missing; required)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: mrplan-gen -o DIR [flags]\n\nWrites a generated mrplan module into DIR.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	var err error
	o.Shape, err = gen.ParseShape(shape)
	if err == nil {
		if o.Today, err = time.Parse(time.DateOnly, today); err != nil {
			err = fmt.Errorf("-today %q: want a date YYYY-MM-DD", today)
		}
	}
	if err != nil || dir == "" || flag.NArg() > 0 {
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
