package checks

import (
	"embed"
)

// The doc pages live here, not under the repository's docs/, because an
// embed pattern reaches only files below the package: these are the one copy,
// shown by `mrplan checks ID`, carried in SARIF rule help, and linked from
// the README and SARIF helpUri.
//
//go:embed docs/*.md
var docs embed.FS

// DocURL is where a check's page is published, for SARIF helpUri.
const DocURL = "https://github.com/mrplan/mrplan/blob/main/checks/docs/"

// Doc returns the Markdown doc page of the check with id, or "".
func Doc(id string) string {
	b, err := docs.ReadFile("docs/" + id + ".md")
	if err != nil {
		return ""
	}
	return string(b)
}
