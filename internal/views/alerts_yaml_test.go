package views

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/planner"
)

// TestAlertsParseAsPrometheusRules loads the rules written for every
// example with Prometheus' own rule-file parser (what promtool check rules
// runs) and parses every expression with its PromQL parser: the output is
// judged by Prometheus, not by string matching.
func TestAlertsParseAsPrometheusRules(t *testing.T) {
	dirs, _ := filepath.Glob("../../examples/*")
	dirs = append(dirs, "../../ops/testdata/chain5", "../../ops/testdata/overrides")
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
