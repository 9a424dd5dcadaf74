package views

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// appendJSONString quotes as encoding/json does without HTML escaping.
func TestAppendJSONStringIsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `"q" \ /`, "<b> & >= 0.1", "tab\tnl\ncr\rbs\bff\f\x00\x1f\x7f",
		"é ü 日本 🙂", "bad \xff\xfe utf8 \xe2\x82", "line\u2028para\u2029", "\ufffd"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(appendJSONString(nil, s))
		if got != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("%q: got %s, want %s", s, got, want.String())
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != jsonText(s) {
			t.Errorf("%q: jsonText %q, read back %q (%v)", s, jsonText(s), back, err)
		}
	}
}

// The writer lays out nested values as an indenting json.Encoder does.
func TestJSONWriterLayout(t *testing.T) {
	for _, indent := range []bool{true, false} {
		var got bytes.Buffer
		w := newJSONWriter(&got, indent)
		w.beginObject()
		w.key("a")
		w.beginArray()
		w.endArray()
		w.key("b")
		w.beginObject()
		w.endObject()
		w.key("c")
		w.beginArray()
		w.int(1)
		w.beginObject()
		w.key("x")
		w.null()
		w.key("y")
		w.bool(true)
		w.endObject()
		w.strings([]string{"p", "q"})
		w.endArray()
		w.key("m")
		w.stringMap(map[string]string{"z": "1", "k": "2"})
		w.key("r")
		if err := w.raw(json.RawMessage(` { "k" : [ 1, {}, [] ] } `)); err != nil {
			t.Fatal(err)
		}
		w.endObject()
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		v := map[string]any{"a": []int{}, "b": struct{}{}, "c": []any{1, map[string]any{"x": nil, "y": true}, []string{"p", "q"}},
			"m": map[string]string{"z": "1", "k": "2"}, "r": json.RawMessage(`{"k":[1,{},[]]}`)}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		if indent {
			enc.SetIndent("", "  ")
		}
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if got.String() != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("indent %v:\n%s\nwant\n%s", indent, got.String(), want.String())
		}
	}
}

// A plan saved before findings said "new" themselves still reads: its
// new_findings list counts.
func TestReadPlanOldNewFindings(t *testing.T) {
	finding := `{"severity": "error", "rule": "MR101", "subject": "service.a", "summary": "s", "detail": ""}`
	for _, c := range []struct{ name, src string }{
		{"old", `{"format_version": "1", "changes": [], "errored": false, "findings": [` + finding + `], "new_findings": [` + finding + `]}`},
		{"new", `{"format_version": "1", "changes": [], "errored": false, "findings": [` + strings.TrimSuffix(finding, "}") + `, "new": true}]}`},
	} {
		sp, err := ReadPlan(c.name, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if d := sp.Diff; len(d.New) != 1 || d.NewFindings[0].Rule != "MR101" || d.Errors != 1 {
			t.Errorf("%s: new %v %+v, errors %d", c.name, d.New, d.NewFindings, d.Errors)
		}
	}
}

// Random strings over the bytes that matter quote as encoding/json quotes.
func TestAppendJSONStringRandom(t *testing.T) {
	alphabet := []byte("ab \"\\\x00\x1f\x7f\xe2\x80\xa8\xc3\xa9\xff<>&")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var w bytes.Buffer
		enc := json.NewEncoder(&w)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(string(b)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, string(b))); got != strings.TrimSuffix(w.String(), "\n") {
			t.Fatalf("%q: got %s, want %s", b, got, w.String())
		}
	}
}
