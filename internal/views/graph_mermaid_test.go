package views

import (
	"testing"

	"github.com/mrplan/mrplan/lang"
)

func TestMermaidIDs(t *testing.T) {
	svc := func(name string) *graphNode {
		return &graphNode{Addr: lang.Address{Kind: lang.KindService, Name: name}}
	}
	gv := &graphView{Loose: []*graphNode{svc("a_b"), svc("a-b"), svc("end"), svc("a-b_2"), {Addr: lang.Address{Kind: lang.KindData, Name: "a-b"}}}}
	ids := mermaidIDs(gv)
	want := map[string]string{"service.a-b": "s_a_b", "service.a_b": "s_a_b_3", "service.end": "s_end", "service.a-b_2": "s_a_b_2", "data.a-b": "d_a_b"}
	for addr, id := range ids {
		if want[addr.String()] != id {
			t.Errorf("%s: id %q, want %q", addr, id, want[addr.String()])
		}
	}
}

func TestGraphQuoting(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:      `"plain"`,
		`say "hi"`:   `"say \"hi\""`,
		`back\slash`: `"back\\slash"`,
		"two\nlines": `"two\nlines"`,
	} {
		if got := dotQuote(in); got != want {
			t.Errorf("dotQuote(%q) = %s, want %s", in, got, want)
		}
	}
	if got, want := mermaidLabel([]string{`a "b" <c>`, "d|e #f"}), `"a #quot;b#quot; #lt;c#gt;<br/>d#124;e #35;f"`; got != want {
		t.Errorf("mermaidLabel = %s, want %s", got, want)
	}
}
