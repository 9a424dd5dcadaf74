package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/mrplan/mrplan/lang"
)

// TestComplete: what completion offers at each kind of place, marked "|"
// in the text.
func TestComplete(t *testing.T) {
	mod, diags := lang.LoadDir(filepath.Join("testdata", "shop"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, c := range []struct {
		name, text string
		want       []string // labels that must be offered
		not        []string // labels that must not
		insert     string   // the first wanted item's text
	}{
		{"block types", "ser|", []string{"service", "data", "region", "objective"}, nil, `service "${1:name}" {` + "\n  $0\n}"},
		{"service attributes", "service \"a\" {\n  |\n}", []string{"criticality", "topology", "regions", "routing"}, []string{"owner"}, "criticality = "},
		{"attributes not set yet", "service \"a\" {\n  topology = \"auto\"\n  to|\n  routing { policy = \"geo\" }\n  regions = []\n}", []string{"tier", "failover"}, []string{"topology", "regions", "policy"}, "tier = "},
		{"nested block", "service \"a\" {\n  routing {\n    p|\n  }\n}", []string{"policy", "dns_ttl"}, []string{"topology"}, "policy = "},
		{"after a closed block", "service \"a\" {\n  routing { policy = \"geo\" }\n  |\n}", []string{"topology"}, nil, ""},
		{"data attributes", "data \"d\" {\n  |", []string{"owner", "product", "loss_tolerance"}, []string{"topology"}, ""},
		{"enum values", "service \"a\" {\n  topology = |\n}", []string{"active-active", "auto", "single-region"}, []string{"core"}, `"active-active"`},
		{"enum in a string", "objective \"o\" {\n  survive = \"re|\n}", []string{"region", "zone", "country"}, nil, `"region"`},
		{"references of a kind", "service \"a\" {\n  regions = [region.us-east-1, region.|]\n}", []string{"region.eu-west-1", "region.us-east-1"}, []string{"service.checkout"}, "eu-west-1"},
		{"any reference", "data \"d\" {\n  owner = |\n}", []string{"service.checkout", "data.orders", "objective.critical"}, nil, ""},
		{"region codes", "region \"|", []string{"us-east-1", "eu-west-1", "ap-southeast-2"}, nil, `"us-east-1"`},
		{"catalog names", "provider \"a|", []string{"aws", "azure", "gcp"}, nil, `"aws"`},
		{"region code attribute", "region \"virginia\" {\n  code = \"us-e|\n}", []string{"us-east-1"}, nil, `"us-east-1"`},
		{"product names", "data \"d\" {\n  product = \"aws.d|\n}", []string{"aws.dynamodb", "aws.aurora-postgresql"}, nil, `"aws.dynamodb"`},
		{"inside an object", "service \"a\" {\n  x = {\n    |\n  }\n}", nil, []string{"topology"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			off := strings.Index(c.text, "|")
			text := []byte(strings.Replace(c.text, "|", "", 1))
			items := complete(text, off, mod)
			for _, w := range c.want {
				if !hasLabel(items, w) {
					t.Errorf("%q not offered; got %v", w, labels(items))
				}
			}
			for _, n := range c.not {
				if hasLabel(items, n) {
					t.Errorf("%q offered", n)
				}
			}
			if c.insert != "" && len(c.want) > 0 {
				for _, it := range items {
					if it.Label == c.want[0] {
						if editText(it.TextEdit) != c.insert {
							t.Errorf("%q inserts %q, want %q", it.Label, editText(it.TextEdit), c.insert)
						}
					}
				}
			}
		})
	}
}

func editText(e any) string {
	if te, ok := e.(protocol.TextEdit); ok {
		return te.NewText
	}
	return ""
}

// TestDescribe: hover on a reference to an objective or a dependency says
// what it holds.
func TestDescribe(t *testing.T) {
	ws := newWorkspace()
	abs, _ := filepath.Abs("testdata/shop/main.mr.hcl")
	snap := ws.snapshotFor(abs)
	got := describe(snap, lang.Address{Kind: lang.KindObjective, Name: "critical"}, false)
	if want := "**objective.critical** — declared in main.mr.hcl line 6\n\nrpo 1m, rto 15m, survive region"; got != want {
		t.Errorf("objective:\n%s\nwant:\n%s", got, want)
	}
	if got := describe(snap, lang.Address{Kind: lang.KindService, Name: "nope"}, false); !strings.Contains(got, "Not declared in this module") {
		t.Errorf("undeclared: %s", got)
	}
}

// TestNoPanicAnywhere: completion, hover's lookups and the outline work at
// every kind of place of every example, in whole files and in files cut
// short as they are while being typed.
func TestNoPanicAnywhere(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.mr.*")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	mod, _ := lang.LoadDir(filepath.Join("testdata", "shop"))
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off <= len(text); off += 101 {
			for _, src := range [][]byte{text, text[:off]} {
				complete(src, off, mod)
				addressAt(src, off)
				blockHeaderAt(src, f, off)
			}
			symbols(text[:off], f)
		}
	}
}
