package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docHeader declares what the doc pages' examples take for granted.
const docHeader = `provider "aws" {}
provider "generic" {}
region "us-east-1" { provider = "aws" }
region "us-east-2" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "eu-west-1" { provider = "aws" }
region "ap-southeast-2" { provider = "aws" }
`

// TestDocExamples: each doc page's example, given the regions it names,
// is a module the check flags. (The lint checks' examples are manifests.)
func TestDocExamples(t *testing.T) {
	for _, ch := range All() {
		id := ch.Info().ID
		if LintCheck(id) && id != "MR101" && id != "MR102" || ObservedCheck(id) {
			continue // manifests, or evidence from --observe files, not a module alone
		}
		t.Run(id, func(t *testing.T) {
			_, example, ok := strings.Cut(Doc(id), "## Example")
			_, example, ok2 := strings.Cut(example, "```hcl\n")
			example, _, ok3 := strings.Cut(example, "```")
			if !ok || !ok2 || !ok3 {
				t.Fatal("no hcl example")
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(docHeader+example), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, d := range check(t, dir) {
				if d.Rule == id {
					return
				}
			}
			t.Errorf("the example of %s does not trigger it:\n%s", id, example)
		})
	}
}
