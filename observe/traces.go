package observe

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// maxDocument bounds the JSON documents read whole (Jaeger exports,
// Terraform JSON): they are summaries, not logs.
const maxDocument = 1 << 30

// jaegerLink is one element of a Jaeger dependencies export, as the query
// service's /api/dependencies returns it and `jaeger` dependency jobs write.
type jaegerLink struct {
	Parent    *string `json:"parent"`
	Child     *string `json:"child"`
	CallCount *int64  `json:"callCount"`
}

func (c *Collector) readJaeger(name string, br *bufio.Reader, fs *fileState) error {
	doc, err := io.ReadAll(io.LimitReader(br, maxDocument))
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	lines := newLineIndex(doc)
	dec := json.NewDecoder(bytes.NewReader(doc))
	tok, err := dec.Token()
	if err != nil {
		fs.skip(lines.at(dec.InputOffset()), "not valid JSON")
		return nil
	}
	if tok == json.Delim('{') {
		// {"data": [...], "total": N, ...}: find "data".
		found := false
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				fs.skip(lines.at(dec.InputOffset()), "not valid JSON; the rest of the file is not read")
				return nil
			}
			if k == "data" {
				found = true
				break
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				fs.skip(lines.at(dec.InputOffset()), "not valid JSON; the rest of the file is not read")
				return nil
			}
		}
		if !found {
			fs.skip(1, `the object has no "data" array of dependencies`)
			return nil
		}
		if tok, err = dec.Token(); err != nil || tok != json.Delim('[') {
			fs.skip(lines.at(dec.InputOffset()), `"data" is not an array of dependencies`)
			return nil
		}
	} else if tok != json.Delim('[') {
		fs.skip(1, "not a Jaeger dependencies export: want an array or an object with \"data\"")
		return nil
	}
	for dec.More() {
		start := lines.at(dec.InputOffset() + 1)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fs.skip(start, "not valid JSON; the rest of the file is not read")
			return nil
		}
		var l jaegerLink
		if err := json.Unmarshal(raw, &l); err != nil || l.Parent == nil || l.Child == nil || *l.Parent == "" || *l.Child == "" {
			fs.skip(lines.at(dec.InputOffset()), `a dependency needs "parent" and "child" service names`)
			continue
		}
		n := int64(1)
		if l.CallCount != nil {
			n = *l.CallCount
		}
		if n < 0 {
			fs.skip(lines.at(dec.InputOffset()), "callCount is negative")
			continue
		}
		fs.sum.Records++
		c.addCall(name, *l.Parent, *l.Child, n)
	}
	return nil
}

func (c *Collector) addCall(file, client, server string, n int64) {
	k := [2]string{client, server}
	t := c.calls[k]
	if t == nil {
		t = &TraceCall{Client: client, Server: server}
		c.calls[k] = t
	}
	t.Calls += n
	t.Files = addFile(t.Files, file)
}

// lineIndex maps byte offsets of a document to line numbers.
type lineIndex []int64

func newLineIndex(doc []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range doc {
		if b == '\n' {
			idx = append(idx, int64(i+1))
		}
	}
	return idx
}

func (l lineIndex) at(off int64) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > off })
}

// serviceGraphMetric is the counter the OpenTelemetry Collector's
// servicegraph connector (and Tempo's metrics generator) exposes:
// https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/connector/servicegraphconnector
const serviceGraphMetric = "traces_service_graph_request_total"

// readServiceGraph reads Prometheus text exposition one sample at a time,
// each line through the Prometheus text parser, so that one bad line is
// skipped and the rest are read. A counter is cumulative: of several
// samples of one series (several scrapes in one file) the largest counts;
// series that differ only in other labels (connection_type, failed) add up.
func (c *Collector) readServiceGraph(name string, br *bufio.Reader, fs *fileState) error {
	series := map[string]float64{}
	pairs := map[string][2]string{}
	for {
		line, err := readLine(br)
		if len(line) > 0 || err == nil || err == errLongLine {
			fs.line++
		}
		if err == errLongLine {
			fs.skip(fs.line, fmt.Sprintf("the line is longer than %d bytes", maxLine))
			continue
		}
		text := strings.TrimSpace(string(line))
		if text != "" && !strings.HasPrefix(text, "#") {
			if reason := c.serviceGraphSample(text, series, pairs); reason != "" {
				fs.skip(fs.line, reason)
			} else {
				fs.sum.Records++
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
	keys := make([]string, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if p := pairs[k]; p[0] != "" { // other metrics on the page are read, not counted
			c.addCall(name, p[0], p[1], int64(series[k]))
		}
	}
	return nil
}

func (c *Collector) serviceGraphSample(text string, series map[string]float64, pairs map[string][2]string) string {
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(text + "\n"))
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "line 1: "); i >= 0 {
			msg = msg[i+len("line 1: "):]
		}
		return "not a Prometheus text sample: " + msg
	}
	for fname, fam := range fams {
		for _, m := range fam.GetMetric() {
			var v float64
			switch {
			case m.GetCounter() != nil:
				v = m.GetCounter().GetValue()
			case m.GetUntyped() != nil:
				v = m.GetUntyped().GetValue()
			case m.GetGauge() != nil:
				v = m.GetGauge().GetValue()
			}
			labels := map[string]string{}
			var key strings.Builder
			key.WriteString(fname)
			for _, lp := range m.GetLabel() {
				labels[lp.GetName()] = lp.GetValue()
				key.WriteString("\x00" + lp.GetName() + "=" + lp.GetValue())
			}
			if fname != serviceGraphMetric {
				continue
			}
			if labels["client"] == "" || labels["server"] == "" {
				return serviceGraphMetric + ` needs "client" and "server" labels`
			}
			if v < 0 || v != v {
				return "the sample's value is not a count"
			}
			k := key.String()
			if v > series[k] {
				series[k] = v
			}
			pairs[k] = [2]string{labels["client"], labels["server"]}
		}
	}
	return ""
}
