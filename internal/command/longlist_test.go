package command

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/gen"
)

// An MR101 that names every service going down with the end of a chain
// names the first ten in text and counts the rest; validate -json and
// plan -json name them all.
func TestLongListCappedInTextOnly(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, gen.Options{Services: 300, Shape: gen.Chain, Flawed: 100, Files: 5, Today: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	text, _, _ := runCLI(t, "validate", "-no-color", dir)
	more := regexp.MustCompile(`nor can (service\.svc-\d+,\s+){9}service\.svc-\d+\s+and\s+(\d+)\s+more,\s+which\s+depend\s+on\s+it\.`).FindStringSubmatch(text)
	if more == nil {
		t.Fatalf("no capped MR101 in the text output:\n%s", text)
	}
	want := 10 + atoi(t, more[2])
	for _, c := range []struct{ args, list string }{{"validate -json", "diagnostics"}, {"plan -json", "findings"}} {
		out, _, _ := runCLI(t, append(strings.Fields(c.args), dir)...)
		var doc map[string]json.RawMessage
		var ds []struct{ Rule, Detail string }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(doc[c.list], &ds); err != nil {
			t.Fatal(err)
		}
		named := 0
		for _, d := range ds {
			if i := strings.Index(d.Detail, "nor can "); d.Rule == "MR101" && i >= 0 {
				named = strings.Count(d.Detail[i:], "service.svc-")
			}
		}
		if named != want {
			t.Errorf("%s names %d services, text shows 10 and %s more", c.args, named, more[2])
		}
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}
