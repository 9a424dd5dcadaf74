package command

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/baseline"
)

// baselineOptions are validate's and lint's --baseline and --write-baseline.
type baselineOptions struct {
	read, write string
}

func (o *baselineOptions) register(f *pflag.FlagSet) {
	f.StringVar(&o.read, "baseline", "", "fail only on findings not recorded in the baseline `FILE` (made with --write-baseline)")
	f.StringVar(&o.write, "write-baseline", "", "record the run's findings in the baseline `FILE` and fail only on language errors")
}

// baselineRun is what applying the baseline options left.
type baselineRun struct {
	path  string // the baseline read or written, for the text summary
	known int    // findings held back because the baseline records them
}

// applyBaseline writes and reads the baseline as the options say and
// returns the diagnostics left to report: new findings, language errors,
// and a notice for each baseline entry that no longer occurs. ds must be
// sorted. A baseline is never written from a run whose checks did not run.
func applyBaseline(s Streams, o *baselineOptions, ds []diag.Diagnostic, checksSkipped bool) ([]diag.Diagnostic, baselineRun, bool) {
	if o == nil || o.read == "" && o.write == "" {
		return ds, baselineRun{}, true
	}
	if o.write != "" {
		if checksSkipped {
			fmt.Fprintf(s.Err, "Error: the baseline %s was not written: language errors stopped the checks, so the findings are not known. Fix the errors below and run again.\n", o.write)
			return ds, baselineRun{}, true
		}
		f := baseline.FromDiagnostics(ds)
		if err := baseline.Write(o.write, f); err != nil {
			fmt.Fprintf(s.Err, "Error: cannot write the baseline: %s\n", err)
			return nil, baselineRun{}, false
		}
		fmt.Fprintf(s.Err, "Wrote the baseline %s: %s.\n", o.write, plural(f.Total(), "finding"))
		r := f.Apply(ds)
		return r.Diagnostics, baselineRun{path: o.write, known: r.Known}, true
	}
	f, err := baseline.Read(o.read)
	if err != nil {
		fmt.Fprintf(s.Err, "Error: %s.\n", err)
		return nil, baselineRun{}, false
	}
	if checksSkipped {
		// No finding to hold back, and every entry would look fixed.
		return ds, baselineRun{}, true
	}
	r := f.Apply(ds)
	out := r.Diagnostics
	for _, e := range r.Fixed {
		out = append(out, baseline.FixedNotice(o.read, e))
	}
	return out, baselineRun{path: o.read, known: r.Known}, true
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
