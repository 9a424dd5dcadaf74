package views

import (
	"bufio"
	"strings"
	"testing"

	"github.com/mitchellh/go-wordwrap"
)

func wrapString(s string, lim int) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	wrapTo(w, s, lim)
	w.Flush()
	return b.String()
}

// wrapTo wraps as go-wordwrap does, byte for byte.
func TestWrapToIsWordwrap(t *testing.T) {
	cases := []string{
		"",
		" ",
		"word",
		"Service service.checkout runs in us-east-1 and eu-west-1, but dependency.ledger is available only in us-east-1, so a loss of us-east-1 takes it down.",
		"two  spaces   and\ttabs\t\tand a verylongwordthatdoesnotfitanywhereonanylineatallbecauseitistoolong end",
		strings.Repeat("x", 200),
		"trailing spaces    ",
		"   leading spaces and a lot of words to wrap across a few lines of text for the test",
		"no-break\u00a0spaces\u00a0stay\u00a0inside\u00a0a\u00a0word\u00a0so\u00a0the\u00a0line\u00a0cannot\u00a0break\u00a0there at all",
		"em\u2003space and ideographic\u3000space break, é and 日本語 count one each: " + strings.Repeat("日本 ", 40),
		"lines\nwith\n\nnewlines  \n  inside them, and more words after the newline to wrap the line once more\n",
		"invalid \xff\xfe utf-8 \xc3 bytes in a word and " + strings.Repeat("\xff", 5),
		"nor can service.svc-00001, service.svc-00002, service.svc-00003, service.svc-00004, service.svc-00005, service.svc-00006, which depend on it.",
		"a \u0085 next-line and \v vertical \f feed \r carriage",
	}
	for _, s := range cases {
		for _, lim := range []int{0, 1, 5, 10, 40, 78, 1000} {
			if got, want := wrapString(s, lim), wordwrap.WrapString(s, uint(lim)); got != want {
				t.Errorf("wrap %q at %d:\n got %q\nwant %q", s, lim, got, want)
			}
		}
	}
}

func FuzzWrapToIsWordwrap(f *testing.F) {
	f.Add("Service service.checkout runs in us-east-1 and eu-west-1,  but\tnot\u00a0here \xff", 20)
	f.Fuzz(func(t *testing.T, s string, lim int) {
		lim = max(0, lim%200)
		if got, want := wrapString(s, lim), wordwrap.WrapString(s, uint(lim)); got != want {
			t.Errorf("wrap %q at %d:\n got %q\nwant %q", s, lim, got, want)
		}
	})
}
