package checks

import (
	checkdocs "github.com/mrplan/mrplan/docs/checks"
)

// DocURL is where a check's page is published, for SARIF helpUri and report
// links. The pages themselves are embedded by docs/checks.
const DocURL = "https://github.com/mrplan/mrplan/blob/main/docs/checks/"

// Doc returns the Markdown doc page of the check with id, or "".
func Doc(id string) string {
	b, err := checkdocs.Pages.ReadFile(id + ".md")
	if err != nil {
		return ""
	}
	return string(b)
}
