package views

import (
	"bufio"
	"encoding/json"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mrplan/mrplan/ops"
)

// AlertsYAML renders alerting rules as a Prometheus rule file, the YAML that
// `promtool check rules` accepts.
type AlertsYAML struct {
	Version string
	Title   string // the module, as given on the command line
}

// Write streams the rule file: block style, keys in the order Prometheus
// documents them, label and annotation keys sorted, every string value
// double-quoted (a JSON string is a valid YAML double-quoted scalar), so
// that nothing in an expression or a description can change the
// structure. It holds one rule at a time, not the file.
func (v AlertsYAML) Write(w io.Writer, f *ops.RuleFile) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("# Prometheus alerting rules written by mrplan " + v.Version + " from the module " + v.Title + ".\n")
	bw.WriteString("# Metric names and matchers are assumptions: per-product defaults, or what the module's\n")
	bw.WriteString("# mrplan { alerts { ... } } block says. Check them against your exporters before you load this file.\n")
	bw.WriteString("#   service health, per region: " + oneLine(f.ServiceHealth) + "\n")
	bw.WriteString("#   endpoint health:            " + oneLine(f.EndpointHealth) + "\n")
	bw.WriteString("#   dependency health:          " + oneLine(f.DependencyHealth) + "\n")
	bw.WriteString("#   replication lag, seconds:   per product; each rule's metric_source says where its metric comes from\n")
	if len(f.Groups) == 0 {
		bw.WriteString("groups: []\n")
		return bw.Flush()
	}
	bw.WriteString("groups:\n")
	for _, g := range f.Groups {
		bw.WriteString("  - name: " + yamlString(g.Name) + "\n    rules:\n")
		for _, r := range g.Rules {
			bw.WriteString("      - alert: " + yamlString(r.Alert) + "\n")
			bw.WriteString("        expr: " + yamlString(r.Expr) + "\n")
			if d := promDuration(r.For); d != "" {
				bw.WriteString("        for: " + d + "\n")
			}
			yamlMap(bw, "labels", r.Labels)
			yamlMap(bw, "annotations", r.Annotations)
		}
	}
	return bw.Flush()
}

func yamlMap(bw *bufio.Writer, key string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	bw.WriteString("        " + key + ":\n")
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		bw.WriteString("          " + yamlKey(k) + ": " + yamlString(m[k]) + "\n")
	}
}

// yamlString quotes s as a YAML scalar: single-quoted, where only a quote
// is doubled, so PromQL reads as written; double-quoted with JSON escapes
// (valid YAML) when s holds a control character.
func yamlString(s string) string {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(s) // a string always encodes
			return strings.TrimSuffix(b.String(), "\n")
		}
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

var plainKey = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// yamlKey writes a map key plain when it is a label-like word YAML reads
// as a string (not y, yes, on, null …), else quoted.
func yamlKey(k string) string {
	switch strings.ToLower(k) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return yamlString(k)
	}
	if plainKey.MatchString(k) {
		return k
	}
	return yamlString(k)
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
