package command

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"
	"golang.org/x/net/html"
)

// exampleDirs lists every examples/* module, as absolute paths.
func exampleDirs(t *testing.T) []string {
	t.Helper()
	dirs, _ := filepath.Glob("../../examples/*")
	var out []string
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			abs, err := filepath.Abs(d)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, abs)
		}
	}
	if len(out) == 0 {
		t.Fatal("no examples found")
	}
	return out
}

// renderReport runs `report` from inside dir (so file names in findings do
// not depend on where the repository is) and returns the file it wrote.
func renderReport(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), name)
	t.Chdir(dir)
	_, errOut, code := runCLI(t, append([]string{"report", "-o", out}, args...)...)
	if code != ExitOK {
		t.Fatalf("report -o %s: exit %d\n%s", name, code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReportMarkdownExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "ReportMarkdown")), goldie.WithNameSuffix(".md"))
	for _, dir := range exampleDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			md := renderReport(t, dir, "report.md")
			g.Assert(t, filepath.Base(dir), md)
			if again := renderReport(t, dir, "again.md"); !bytes.Equal(md, again) {
				t.Error("two runs give different Markdown")
			}
		})
	}
}

func TestGraphExamples(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "GraphExamples")), goldie.WithNameSuffix(""))
	for _, dir := range exampleDirs(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct{ file, format, group string }{
				{name + ".dot", "dot", "region"},
				{name + ".tier.dot", "dot", "tier"},
				{name + ".mmd", "mermaid", "region"},
			} {
				out, errOut, code := runCLI(t, "graph", dir, "--format", c.format, "--group-by", c.group)
				if code != ExitOK {
					t.Fatalf("graph --format %s: exit %d\n%s", c.format, code, errOut)
				}
				g.Assert(t, c.file, []byte(out))
				if c.format == "mermaid" {
					checkMermaid(t, out)
				}
			}
		})
	}
}

// checkMermaid holds Mermaid output to what GitHub's renderer accepts: a
// flowchart header, ids of letters, digits and underscores, quoted labels.
func checkMermaid(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Errorf("first line %q, want flowchart LR", lines[0])
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		id := f[0]
		switch id {
		case "classDef", "class", "linkStyle", "end":
			continue
		case "subgraph":
			id = f[1]
		}
		if i := strings.IndexAny(id, "([{"); i > 0 {
			id = id[:i]
		}
		for _, r := range id {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				t.Errorf("id %q in %q is not safe for Mermaid", id, l)
				break
			}
		}
	}
}

func TestReportHTMLStructure(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			page := renderReport(t, dir, "report.html")
			checkHTMLReport(t, page)
			if again := renderReport(t, dir, "again.html"); !bytes.Equal(page, again) {
				t.Error("two runs give different HTML")
			}
		})
	}
}

var reportSections = []string{"summary", "regions", "services", "graph", "data", "failures", "findings", "assumptions"}

// checkHTMLReport parses page and checks that every section is there, the
// map and graph are inline SVG, and nothing is loaded from elsewhere.
func checkHTMLReport(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("the report does not parse as HTML: %v", err)
	}
	checkBalanced(t, page)
	ids := map[string]*html.Node{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val] = n
				case "src", "href", "xlink:href", "srcset", "poster", "data":
					external := strings.HasPrefix(a.Val, "http:") || strings.HasPrefix(a.Val, "https:") || strings.HasPrefix(a.Val, "//")
					// Links a reader follows (<a href>, check pages and
					// sources) are fine; anything the browser loads is not.
					if external && n.Data != "a" {
						t.Errorf("<%s %s=%q> loads from the network", n.Data, a.Key, a.Val)
					}
				}
			}
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "link":
				t.Errorf("the report has a <%s> element", n.Data)
			case "style":
				if n.FirstChild != nil && (strings.Contains(n.FirstChild.Data, "@import") || strings.Contains(n.FirstChild.Data, "url(")) {
					t.Error("the stylesheet imports or loads something")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, id := range reportSections {
		n := ids[id]
		if n == nil {
			t.Errorf("no section with id %q", id)
			continue
		}
		if n.Data != "section" {
			t.Errorf("id %q is on a <%s>, not a <section>", id, n.Data)
		}
	}
	for _, id := range []string{"regions", "graph"} {
		if n := ids[id]; n != nil && !hasElement(n, "svg") {
			t.Errorf("section %q has no inline SVG", id)
		}
	}
	if !bytes.Contains(page, []byte("@media print")) || !bytes.Contains(page, []byte("prefers-color-scheme: dark")) {
		t.Error("the stylesheet has no print or dark rules")
	}
}

func hasElement(n *html.Node, tag string) bool {
	if n.Type == html.ElementNode && n.Data == tag {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasElement(c, tag) {
			return true
		}
	}
	return false
}

func TestReportTimestamp(t *testing.T) {
	saved := now
	now = func() time.Time { return time.Date(2026, 11, 22, 6, 30, 0, 0, time.UTC) }
	t.Cleanup(func() { now = saved })
	dir := exampleDirs(t)[0]
	for _, name := range []string{"report.html", "report.md"} {
		plain := renderReport(t, dir, name)
		if bytes.Contains(plain, []byte("2026-11-22 06:30 UTC")) {
			t.Errorf("%s has a timestamp without --timestamp", name)
		}
		stamped := renderReport(t, dir, name, "--timestamp")
		if !bytes.Contains(stamped, []byte("generated 2026-11-22 06:30 UTC")) {
			t.Errorf("%s --timestamp has no generation time", name)
		}
	}
}

func TestReportErrors(t *testing.T) {
	dir := exampleDirs(t)[0]
	tmp := t.TempDir()

	_, errOut, code := runCLI(t, "report", dir, "-o", filepath.Join(tmp, "report.pdf"))
	if code != ExitError || !strings.Contains(errOut, "must end in .html or .md") {
		t.Errorf("report -o report.pdf: exit %d, %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "report", dir)
	if code != ExitError || !strings.Contains(errOut, "-o FILE.html") {
		t.Errorf("report without -o: exit %d, %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "graph", dir, "--format", "svg")
	if code != ExitError || !strings.Contains(errOut, "dot or mermaid") {
		t.Errorf("graph --format svg: exit %d, %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "graph", dir, "--group-by", "country")
	if code != ExitError || !strings.Contains(errOut, "region, tier or none") {
		t.Errorf("graph --group-by country: exit %d, %q", code, errOut)
	}

	// A module with language errors prints them and writes nothing.
	broken, _ := filepath.Glob("../../lang/testdata/errors/*")
	if len(broken) == 0 {
		t.Fatal("no broken module to try")
	}
	out := filepath.Join(tmp, "broken.html")
	_, errOut, code = runCLI(t, "report", broken[0], "-o", out)
	if code != ExitError || errOut == "" {
		t.Errorf("report of a broken module: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("report of a broken module wrote %s", out)
	}
	stdout, errOut, code := runCLI(t, "graph", broken[0])
	if code != ExitError || errOut == "" || stdout != "" {
		t.Errorf("graph of a broken module: exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 0 {
		t.Errorf("failed runs left files behind: %v", entries)
	}
}

// checkBalanced reads page token by token (no error correction, unlike
// html.Parse) and checks that the structural elements open and close in
// order.
func checkBalanced(t *testing.T, page []byte) {
	t.Helper()
	watch := map[string]bool{"html": true, "head": true, "body": true, "section": true, "table": true, "thead": true,
		"tbody": true, "tr": true, "td": true, "th": true, "div": true, "ul": true, "li": true, "svg": true, "g": true, "p": true}
	var stack []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		tag := string(name)
		if !watch[tag] {
			continue
		}
		switch tt {
		case html.StartTagToken:
			stack = append(stack, tag)
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tag {
				t.Fatalf("</%s> closes %v", tag, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Errorf("elements left open: %v", stack)
	}
}

// Text from the module is escaped in both formats.
func TestReportEscapes(t *testing.T) {
	dir := t.TempDir()
	src := `provider "aws" {}
region "us-east-1" {}
service "web" {
  description = "<script>alert(1)</script> & <b>bold</b> | pipe"
  regions     = [region.us-east-1]
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	page := renderReport(t, dir, "report.html")
	checkHTMLReport(t, page)
	if bytes.Contains(page, []byte("<script")) || bytes.Contains(page, []byte("<b>bold")) {
		t.Error("the HTML report does not escape a description")
	}
	md := renderReport(t, dir, "report.md")
	if bytes.Contains(md, []byte("<script")) || !bytes.Contains(md, []byte("&lt;script&gt;")) {
		t.Error("the Markdown report does not escape a description")
	}
}
