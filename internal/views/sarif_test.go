package views

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
)

func TestSARIFURI(t *testing.T) {
	v := SARIF{Root: "/repo"}
	for name, want := range map[string]string{
		"arch/main.mr.hcl":       "arch/main.mr.hcl",
		"./arch/../arch/x.hcl":   "arch/x.hcl",
		"/repo/arch/main.mr.hcl": "arch/main.mr.hcl",
		"/elsewhere/main.mr.hcl": "/elsewhere/main.mr.hcl",
		"my arch/50%/ü.mr.hcl":   "my%20arch/50%25/%C3%BC.mr.hcl",
	} {
		if got := v.uri(name); got != want {
			t.Errorf("uri(%q) = %q, want %q", name, got, want)
		}
	}
}

// A fingerprint follows the problem, not its line: moving the text keeps
// it, changing what the range covers changes it.
func TestSARIFFingerprint(t *testing.T) {
	files := map[string][]byte{"a.hcl": []byte("x = dependency.stripe\n\n\nx = dependency.stripe\ny = dependency.paypal\n")}
	v := SARIF{Files: files}
	at := func(line, startByte int) diag.Diagnostic {
		return diag.Diagnostic{Rule: "MR101", Subject: "service.checkout", Summary: "s", Range: &hcl.Range{
			Filename: "a.hcl", Start: hcl.Pos{Line: line, Column: 5, Byte: startByte}, End: hcl.Pos{Line: line, Column: 22, Byte: startByte + 17}}}
	}
	first, moved, other := v.fingerprint(at(1, 4)), v.fingerprint(at(4, 28)), v.fingerprint(at(5, 50))
	if first != moved {
		t.Error("the fingerprint changed when the line moved")
	}
	if first == other {
		t.Error("different text, same fingerprint")
	}
}
