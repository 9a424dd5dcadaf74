package diag

import (
	"fmt"
	"strings"
	"testing"
)

func listed(n int) Diagnostic {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("service.svc-%05d", i)
	}
	head := "dependency.db is only in us-east-2, nor can "
	list := strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	if n == 1 {
		list = names[0]
	}
	return Diagnostic{Detail: head + list + ", which depend on it.", List: List{Start: len(head), End: len(head) + len(list), Count: n}}
}

// A long list is cut to the first names and a count of the rest; a short
// one (at most one name more than shown), or a List that does not fit its Detail, leaves the Detail whole.
func TestShortDetail(t *testing.T) {
	d := listed(1422)
	got := d.ShortDetail(3)
	want := "dependency.db is only in us-east-2, nor can service.svc-00000, service.svc-00001, service.svc-00002 and 1,419 more, which depend on it."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for _, n := range []int{1, 2, 3, 4} {
		if d := listed(n); d.ShortDetail(3) != d.Detail {
			t.Errorf("a list of %d is cut at 3: %q", n, d.ShortDetail(3))
		}
	}
	if d := listed(5); d.ShortDetail(3) != strings.Replace(d.Detail, ", service.svc-00003 and service.svc-00004", " and 2 more", 1) {
		t.Errorf("a list of 5 cut at 3: %q", d.ShortDetail(3))
	}
	plain := Diagnostic{Detail: "no list"}
	if plain.ShortDetail(3) != "no list" {
		t.Error("a detail without a list changed")
	}
	broken := Diagnostic{Detail: "short", List: List{Start: 2, End: 900, Count: 50}}
	if broken.ShortDetail(3) != "short" {
		t.Error("a list past the detail's end was cut")
	}
	noSep := Diagnostic{Detail: "a b c d", List: List{Start: 0, End: 7, Count: 50}}
	if noSep.ShortDetail(3) != "a b c d" {
		t.Error("a list without separators was cut")
	}
}
