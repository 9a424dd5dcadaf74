package views

import (
	"bytes"
	"io"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mrplan/mrplan/ops"
)

// AlertsYAML renders alerting rules as a Prometheus rule file, the YAML that
// `promtool check rules` accepts.
type AlertsYAML struct {
	Version string
	Title   string // the module, as given on the command line
}

type yamlRuleFile struct {
	Groups []yamlGroup `yaml:"groups"`
}

type yamlGroup struct {
	Name  string     `yaml:"name"`
	Rules []yamlRule `yaml:"rules"`
}

type yamlRule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for,omitempty"`
	Labels      map[string]string `yaml:"labels,omitempty"`
	Annotations map[string]string `yaml:"annotations,omitempty"`
}

func (v AlertsYAML) Write(w io.Writer, f *ops.RuleFile) error {
	out := yamlRuleFile{Groups: make([]yamlGroup, 0, len(f.Groups))}
	for _, g := range f.Groups {
		yg := yamlGroup{Name: g.Name, Rules: make([]yamlRule, 0, len(g.Rules))}
		for _, r := range g.Rules {
			yg.Rules = append(yg.Rules, yamlRule{Alert: r.Alert, Expr: r.Expr, For: promDuration(r.For), Labels: r.Labels, Annotations: r.Annotations})
		}
		out.Groups = append(out.Groups, yg)
	}
	var buf bytes.Buffer
	buf.WriteString("# Prometheus alerting rules written by mrplan " + v.Version + " from the module " + v.Title + ".\n")
	buf.WriteString("# Metric names and matchers are assumptions: per-product defaults, or what the module's\n")
	buf.WriteString("# mrplan { alerts { ... } } block says. Check them against your exporters before you load this file.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(out); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// promDuration writes d the way Prometheus parses durations: whole units
// from days down to milliseconds, "1h30m", "500ms"; "" for zero.
func promDuration(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	var b []byte
	for _, u := range []struct {
		name string
		d    time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}} {
		if n := d / u.d; n > 0 {
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, u.name...)
			d -= n * u.d
		}
	}
	if len(b) == 0 {
		return "1ms"
	}
	return string(b)
}
