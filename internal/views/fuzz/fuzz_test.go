package fuzz

import (
	"bytes"
	"testing"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/version"
)

// seedPlan is the sealed saved plan of an example module, as plan -out
// writes it.
func seedPlan(f *testing.F, dir string) []byte {
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		f.Fatalf("%s: %s", dir, diags.Error())
	}
	p := planner.PlanModule(m)
	meta := views.PlanMeta{Version: version.Version}
	var err error
	if meta.Diff, err = views.DiffPlan(p, nil, nil, "", ""); err != nil {
		f.Fatal(err)
	}
	var js bytes.Buffer
	if err := views.PlanJSON(&js, p, nil, meta); err != nil {
		f.Fatal(err)
	}
	sealed, err := views.SealPlan(js.Bytes())
	if err != nil {
		f.Fatal(err)
	}
	return sealed
}

// FuzzReadSavedPlan: any bytes are a saved plan or an error, never a
// panic; a file whose digest checks reads as a plan or an error too, and
// sealing what reads again gives a file whose digest checks.
func FuzzReadSavedPlan(f *testing.F) {
	for _, ex := range []string{"bank-ledger", "global-commerce"} {
		f.Add(seedPlan(f, "../../../examples/"+ex))
	}
	f.Add([]byte(`{"format_version":"2","errored":false,"changes":[],"digest":"sha256:00"}`))
	f.Add([]byte(`{"format_version":"2","changes":[{"address":"data.x","before":{},"after":[]}],"errored":true}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if err := views.CheckPlanDigest("plan.json", src); err == nil {
			_, _ = views.ReadPlan("plan.json", src)
		}
		_, _ = views.ReadPlan("plan.json", src)
		if sealed, err := views.SealPlan(src); err == nil {
			if err := views.CheckPlanDigest("plan.json", sealed); err != nil {
				t.Fatalf("a plan just sealed fails its digest: %v\n%s", err, sealed)
			}
		}
		_, _ = views.PlanMatches(src, src)
	})
}
