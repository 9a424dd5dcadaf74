package views

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"go.yaml.in/yaml/v3"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

// TestAlertsParseAsPrometheusRules loads the rules written for every
// example with Prometheus' own rule-file parser (what promtool check rules
// runs) and parses every expression with its PromQL parser: the output is
// judged by Prometheus, not by string matching.
func TestAlertsParseAsPrometheusRules(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	dirs = append(dirs, "../../ops/testdata/chain5", "../../ops/testdata/overrides", "../../ops/testdata/multicloud")
	pql := parser.NewParser(parser.Options{})
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			m, diags := lang.LoadDir(dir)
			if diags.HasErrors() {
				t.Fatalf("load: %s", diags.Error())
			}
			rules := ops.BuildAlerts(planner.PlanModule(m))
			var buf bytes.Buffer
			if err := (AlertsYAML{Version: "test", Title: filepath.Base(dir)}).Write(&buf, rules); err != nil {
				t.Fatal(err)
			}
			groups, errs := rulefmt.Parse(buf.Bytes(), false, model.UTF8Validation, pql, slog.New(slog.NewTextHandler(os.Stderr, nil)))
			for _, err := range errs {
				t.Errorf("rulefmt: %v", err)
			}
			if groups == nil {
				return
			}
			n := 0
			for _, g := range groups.Groups {
				for _, r := range g.Rules {
					n++
					if r.Alert == "" {
						t.Errorf("group %s: a rule with no alert name", g.Name)
					}
					if _, err := pql.ParseExpr(r.Expr); err != nil {
						t.Errorf("%s %s: %v", g.Name, r.Alert, err)
					}
					if r.Labels["severity"] == "" {
						t.Errorf("%s %s: no severity label", g.Name, r.Alert)
					}
				}
			}
			if n == 0 {
				t.Error("no rules written")
			}
		})
	}
}

// TestOperationLagMetricsParse fills in every lag expression of the
// operations catalog and parses it with Prometheus' PromQL parser, so that
// a product no example uses cannot ship a broken default.
func TestOperationLagMetricsParse(t *testing.T) {
	pql := parser.NewParser(parser.Options{})
	n := 0
	for _, ref := range providers.OperationRefs() {
		op, _ := providers.ProductOperation(ref)
		if op.Lag == "" {
			continue
		}
		n++
		expr := strings.NewReplacer("$data", "orders", "$region", "us-east-1", "$service", "checkout", "$product", ref).Replace(op.Lag)
		if _, err := pql.ParseExpr("(" + expr + ") > 1"); err != nil {
			t.Errorf("%s: lag %q: %v", ref, op.Lag, err)
		}
	}
	if n < 10 {
		t.Errorf("only %d products have a lag metric", n)
	}
	for _, expr := range []string{ops.DefaultServiceHealth, ops.DefaultEndpointHealth, ops.DefaultLag, ops.DefaultDependencyHealth} {
		filled := strings.NewReplacer("$data", "orders", "$region", "us-east-1", "$service", "checkout", "$dependency", "stripe").Replace(expr)
		if _, err := pql.ParseExpr(filled); err != nil {
			t.Errorf("default %q: %v", expr, err)
		}
	}
}

// TestYAMLStringRoundTrips: whatever a module puts in a label (quotes,
// colons, comment signs, newlines, YAML words), the file reads back the
// same string.
func TestYAMLStringRoundTrips(t *testing.T) {
	for _, s := range []string{"plain", "it's", `a "b"`, "k: v", "# not a comment", "line\nbreak", "tab\there", "yes", "null", "0", "", " lead", "trail ", "- dash", "{x}", "\u2028", "émoji 🚨"} {
		doc := "k: " + yamlString(s) + "\n" + yamlKey(s) + ": x\n"
		var got map[string]string
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
			t.Errorf("%q: %v\n%s", s, err, doc)
			continue
		}
		if got["k"] != s {
			t.Errorf("%q reads back as %q", s, got["k"])
		}
		if _, ok := got[s]; !ok && s != "k" {
			t.Errorf("key %q reads back as %v", s, got)
		}
	}
}
