package command

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// payload is what a hostile pull request writes into every free-text
// string a module has: markup and script for HTML, a </details> and a
// comment end for a Markdown comment, backticks and pipes for Markdown
// code and tables, quotes and a newline for DOT, Mermaid and workflow
// commands, a CDATA end for JUnit, and ANSI escapes for a terminal. Its
// script would mark the page if it ran.
const payload = `<script>document.body.setAttribute('data-pwned','yes')</script>` +
	`<img src=x onerror="document.body.setAttribute('data-pwned','yes')">` +
	"</details>`-->\"' ]]> ::warning::x\n| a | b |\x1b[31mRED\x1b]0;title\x07```"

// writeFile writes content to name, failing the test on error.
func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hclString writes s as an HCL quoted string.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		case r == '$' || r == '%':
			b.WriteRune(r)
			b.WriteRune(r) // $${ and %%{ are literal
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// injectionModule writes a valid module whose description and city hold
// text (the payload, or something plain to compare with).
func injectionModule(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.mr.hcl"), `region "a" {
  provider = "aws"
  code     = "us-east-1"
  city     = `+hclString(text)+`
}

region "b" {
  provider = "aws"
  code     = "eu-west-1"
  city     = `+hclString(text)+`
}

service "s" {
  description = `+hclString(text)+`
  regions     = [region.a, region.b]
  depends_on  = [dependency.x]
}

dependency "x" {
  kind    = "third-party"
  regions = [region.a]
}

provider "corp" {
  region "dc1" {
    name    = `+hclString(text)+`
    city    = `+hclString(text)+`
    country = "DE"
    lat     = 50.1
    lon     = 8.7
  }

  product "db" {
    kind        = "database"
    scope       = "regional"
    replication = ["async"]
    lag         = "1s"
    failover    = "1m"
    title       = `+hclString(text)+`
  }
}

region "c" {
  provider = "corp"
  code     = "dc1"
}

service "u" {
  description = `+hclString(text)+`
  regions     = [region.c, region.a]
  writes      = [data.d]
}

data "d" {
  owner   = service.u
  product = "corp.db"
}
`)
	return dir
}

// outputs renders the module in dir in every format that shows its
// descriptions and names.
func injectionOutputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	run := func(name string, args ...string) {
		stdout, stderr, code := runCLI(t, args...)
		if code != ExitOK {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr)
		}
		out[name] = stdout
	}
	for _, ext := range []string{"html", "md"} {
		file := filepath.Join(t.TempDir(), "report."+ext)
		run("report "+ext, "report", "-o", file, dir)
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out["report "+ext] = string(src)
	}
	run("plan text", "plan", dir)
	run("plan markdown", "plan", "--format", "markdown", dir)
	run("graph dot", "graph", "--format", "dot", dir)
	run("graph mermaid", "graph", "--format", "mermaid", dir)
	return out
}

// TestInjectionIntoOutputs: the payload in descriptions and cities is
// escaped for each format: it adds no element, attribute, Markdown
// structure, graph statement or line, and no control character.
func TestInjectionIntoOutputs(t *testing.T) {
	hostile := injectionOutputs(t, injectionModule(t, payload))
	plain := injectionOutputs(t, injectionModule(t, "Plain words here"))
	for format, got := range hostile {
		if strings.ContainsAny(got, "\x1b\x07") {
			t.Errorf("%s: a control character reached the output", format)
		}
		switch {
		case format == "report html":
			checkHTML(t, got, plain[format])
		case strings.Contains(format, "markdown") || format == "report md":
			for _, s := range []string{"</details>", "-->", "<script", "<img"} {
				if strings.Count(got, s) != strings.Count(plain[format], s) {
					t.Errorf("%s: the payload adds %q (%d, plain has %d)", format, s, strings.Count(got, s), strings.Count(plain[format], s))
				}
			}
			// The payload's newline must not start a table row or a line of
			// its own: as many lines as with plain text.
			if a, b := strings.Count(got, "\n"), strings.Count(plain[format], "\n"); a != b {
				t.Errorf("%s: %d lines, plain has %d", format, a, b)
			}
		case strings.HasPrefix(format, "graph"):
			if a, b := strings.Count(got, "\n"), strings.Count(plain[format], "\n"); a != b {
				t.Errorf("%s: %d lines, plain has %d:\n%s", format, a, b, got)
			}
			if format == "graph dot" {
				for i, line := range strings.Split(got, "\n") {
					if n := strings.Count(line, `"`) - strings.Count(line, `\"`); n%2 != 0 {
						t.Errorf("dot line %d has unbalanced quotes: %s", i+1, line)
					}
				}
			}
			if format == "graph mermaid" && strings.Contains(got, "<script") {
				t.Errorf("%s: raw <script>", format)
			}
		}
	}
}

// checkHTML parses the report and compares its elements and attributes
// with the plain report's: the payload shows as text and adds neither.
func checkHTML(t *testing.T, got, plain string) {
	t.Helper()
	count := func(src string) (map[string]int, bool) {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		tags := map[string]int{}
		shown := false
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				tags[n.Data]++
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						tags["@"+a.Key]++
					}
				}
			}
			if n.Type == html.TextNode && strings.Contains(n.Data, "<script>document.body") {
				shown = true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return tags, shown
	}
	g, shown := count(got)
	p, _ := count(plain)
	for tag, n := range g {
		if n != p[tag] {
			t.Errorf("report html: %d <%s> where the plain report has %d", n, tag, p[tag])
		}
	}
	if !shown {
		t.Error("report html: the description is not shown as text")
	}
}

// TestInjectionIntoDiagnostics: a hostile value quoted in a diagnostic,
// and a hostile file name, stay escaped in every validate format.
func TestInjectionIntoDiagnostics(t *testing.T) {
	dir := injectionModule(t, "plain")
	name := "evil<script>]]>`-->\"' ::warning::x,y:1\n\x1b[31m.mr.hcl"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("service \"t\" {\n  regions  = [region.a]\n  failover = "+hclString(payload)+"\n}\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	for _, format := range []string{"text", "compact", "json", "sarif", "junit", "github"} {
		out, _, code := runCLI(t, "validate", "--format", format, dir)
		if code != ExitError {
			t.Fatalf("%s: exit %d", format, code)
		}
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("%s: a control character reached the output:\n%q", format, out)
		}
		switch format {
		case "json", "sarif":
			var v any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Errorf("%s: not JSON: %v", format, err)
			}
		case "junit":
			dec := xml.NewDecoder(strings.NewReader(out))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("junit: not XML: %v\n%s", err, out)
					break
				}
			}
		case "github":
			// Each line is one workflow command; the payload's "::" and
			// newline must not start another.
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") && !strings.HasPrefix(line, "::notice ") {
					t.Errorf("github: a line that is not an annotation: %q", line)
				}
			}
		case "compact":
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if !strings.Contains(line, ": error: ") && !strings.Contains(line, ": warning: ") && !strings.Contains(line, ": notice: ") {
					t.Errorf("compact: a line that is not a diagnostic: %q", line)
				}
			}
		}
	}
}

// TestInjectionHTMLInBrowser loads the hostile report in headless Chromium
// and checks that its script did not run (it would mark the body).
func TestInjectionHTMLInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := injectionModule(t, payload)
	page := filepath.Join(t.TempDir(), "report.html")
	if _, stderr, code := runCLI(t, "report", "-o", page, dir); code != ExitOK {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=2000", "--dump-dom", "file://"+page)
	var dom bytes.Buffer
	cmd.Stdout = &dom
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	if strings.Contains(dom.String(), `data-pwned="yes"`) {
		t.Error("the payload's script ran in the report")
	}
	if !strings.Contains(dom.String(), "document.body.setAttribute") {
		t.Error("the description is not in the rendered page")
	}
}
