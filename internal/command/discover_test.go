package command

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/mrplan/mrplan/lang"
)

// observeArgs are the --observe flags of the observed-checkout example, run
// from inside it so that file names in the output are short.
var observeArgs = []string{"--observe", "observed/resolver.jsonl.gz", "--observe", "observed/dependencies.json", "--observe", "observed/state.json"}

func inExample(t *testing.T, name string) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("../../examples", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
}

// TestDiscoverExample pins discover's text, JSON and Markdown over the
// example, and validate's and report's view of the same evidence.
func TestDiscoverExample(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "DiscoverExample")))
	inExample(t, "observed-checkout")
	for _, c := range []struct {
		name string
		args []string
		code int
	}{
		{"discover.text", []string{"discover"}, ExitOK},
		{"discover.json", []string{"discover", "-json"}, ExitOK},
		{"discover.md", []string{"discover", "--format", "markdown"}, ExitOK},
		{"validate.compact", []string{"validate", "--format", "compact"}, ExitError},
		{"validate.json", []string{"validate", "-json"}, ExitError},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, append(c.args, observeArgs...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errOut)
			}
			g.Assert(t, c.name, []byte(out))
			if again, _, _ := runCLI(t, append(c.args, observeArgs...)...); again != out {
				t.Error("two runs print different output")
			}
		})
	}
	t.Run("report.md", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "report.md")
		if _, errOut, code := runCLI(t, append([]string{"report", "-o", file}, observeArgs...)...); code != ExitOK {
			t.Fatalf("report exits %d: %s", code, errOut)
		}
		md, _ := os.ReadFile(file)
		section, _, _ := strings.Cut(string(md[strings.Index(string(md), "## What really runs"):]), "\n## Data")
		g.Assert(t, "report-observed.md", []byte(section))
	})
}

// TestDiscoverJSONShape: the fields of SPEC section 8, null where nothing
// is known, [] for empty lists.
func TestDiscoverJSONShape(t *testing.T) {
	inExample(t, "observed-checkout")
	out, _, code := runCLI(t, append([]string{"discover", "-json"}, observeArgs...)...)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); code != ExitOK || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	for _, k := range []string{"format_version", "dependencies", "deployed", "unattributed", "skipped"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %q", k)
		}
	}
	var deps []map[string]any
	json.Unmarshal(doc["dependencies"], &deps)
	for _, want := range []string{"service", "target", "kind", "provider", "product", "region", "scope", "from_regions", "calls", "first_seen", "last_seen", "declared_as", "sources"} {
		if _, ok := deps[0][want]; !ok {
			t.Errorf("dependency has no %q: %v", want, deps[0])
		}
	}
	found := false
	for _, d := range deps {
		if d["target"] == "secretsmanager.us-east-1.amazonaws.com" {
			found = true
			if d["declared_as"] != nil || d["region"] != "us-east-1" || d["scope"] != "regional" || d["product"] != "aws.secrets-manager" || d["first_seen"] != "2026-11-30T00:01:00Z" {
				t.Errorf("secretsmanager: %v", d)
			}
		}
	}
	if !found {
		t.Error("the cross-region secret read is missing")
	}
}

// TestDiscoverWrite: --write drafts blocks that, added to the module, load
// and are formatted, and leave nothing undeclared that a block can declare.
func TestDiscoverWrite(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(goldenDir(t, "DiscoverExample")))
	inExample(t, "observed-checkout")
	dir := t.TempDir()
	for _, f := range []string{"main.mr.hcl", "services.mr.hcl", "data.mr.hcl", "dependencies.mr.hcl"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), src, 0o644)
	}
	draft := filepath.Join(dir, "observed.mr.hcl")
	out, errOut, code := runCLI(t, append([]string{"discover", "--write", draft}, observeArgs...)...)
	if code != ExitOK || !strings.Contains(out, "Wrote the undeclared dependencies as HCL to "+draft) {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	src, err := os.ReadFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	g.Assert(t, "write.mr.hcl", src)
	if _, diags := lang.LoadDir(dir); diags.HasErrors() {
		t.Errorf("the module with the draft does not load: %s", diags.Error())
	}
	if _, _, code := runCLI(t, "fmt", "-check", dir); code != ExitOK {
		t.Error("the draft is not formatted")
	}
}

// TestDiscoverMistakes: every mistake is one sentence on standard error and
// exit 1, and a failed --write leaves no file behind.
func TestDiscoverMistakes(t *testing.T) {
	inExample(t, "observed-checkout")
	tmp := t.TempDir()
	garbage := filepath.Join(tmp, "garbage.jsonl")
	os.WriteFile(garbage, []byte("not a log\nstill not\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"discover"}, "give one or more --observe FILE"},
		{[]string{"discover", "--observe", "observed/missing.jsonl"}, "observed/missing.jsonl"},
		{[]string{"discover", "--observe", garbage}, "cannot tell what this file is"},
		{[]string{"discover", "--observe", garbage, "--observe-format", "resolver"}, "nothing in the file could be read"},
		{[]string{"discover", "--observe", "observed/state.json", "--observe-format", "zipkin"}, `not "zipkin"`},
		{[]string{"discover", "--observe", "observed/state.json", "--format", "yaml"}, `unknown --format "yaml"`},
		{[]string{"validate", "--observe", garbage}, "cannot tell what this file is"},
		{[]string{"plan", "--observe", "observed/missing.jsonl"}, "observed/missing.jsonl"},
	} {
		out, errOut, code := runCLI(t, c.args...)
		if code != ExitError || !strings.Contains(strings.Join(strings.Fields(out+errOut), " "), c.want) {
			t.Errorf("%v: exit %d, output %q %q; want exit 1 and %q", c.args, code, out, errOut, c.want)
		}
	}
	draft := filepath.Join(tmp, "no-such-dir", "observed.mr.hcl")
	if _, _, code := runCLI(t, "discover", "--observe", "observed/resolver.jsonl.gz", "--write", draft); code != ExitError {
		t.Errorf("--write into a missing directory: exit %d", code)
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 1 {
		t.Errorf("a failed --write left files behind: %v", entries)
	}
}

// TestPlanObservedFindings: a plan against an accepted state shows the
// observed findings as "!" lines.
func TestPlanObservedFindings(t *testing.T) {
	inExample(t, "observed-checkout")
	dir := t.TempDir()
	for _, f := range []string{"main.mr.hcl", "services.mr.hcl", "data.mr.hcl", "dependencies.mr.hcl"} {
		src, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(dir, f), src, 0o644)
	}
	if _, errOut, code := runCLI(t, "apply", "-auto-approve", "--module", dir); code != ExitOK {
		t.Fatalf("apply: %s", errOut)
	}
	out, _, code := runCLI(t, append([]string{"plan", dir}, observeArgs...)...)
	for _, want := range []string{"! error MR107 service.checkout: Observed cross-region call", "! warning MR108 service.payments: Deployed region drift"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d; want %q in:\n%s", code, want, out)
		}
	}
}

// TestREADMEDiscoverExcerpt: the README's walkthrough quotes discover's
// output over the example exactly as the golden file has it.
func TestREADMEDiscoverExcerpt(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "$ mrplan discover --observe observed/resolver.jsonl.gz --observe observed/dependencies.json --observe observed/state.json\n")
	excerpt, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README has no discover walkthrough")
	}
	golden, err := os.ReadFile("../../golden/DiscoverExample/discover.text.golden")
	if err != nil {
		t.Fatal(err)
	}
	if excerpt != string(golden) {
		t.Errorf("README's discover excerpt differs from golden/DiscoverExample/discover.text.golden")
	}
}

// TestReportHTMLObserved: the HTML report draws the observed graph (an
// inline SVG in the "What really runs" section, linked from the contents)
// only when evidence is given.
func TestReportHTMLObserved(t *testing.T) {
	inExample(t, "observed-checkout")
	file := filepath.Join(t.TempDir(), "report.html")
	if _, errOut, code := runCLI(t, append([]string{"report", "-o", file}, observeArgs...)...); code != ExitOK {
		t.Fatalf("report exits %d: %s", code, errOut)
	}
	html, _ := os.ReadFile(file)
	_, section, ok := strings.Cut(string(html), `<section id="observed">`)
	section, _, _ = strings.Cut(section, "</section>")
	if !ok || !strings.Contains(string(html), `href="#observed"`) || !strings.Contains(section, "<svg") ||
		!strings.Contains(section, "secretsmanager.us-east-1.amazonaws.com") || !strings.Contains(section, "module.payments.aws_ecs_service.app") {
		t.Errorf("no observed section with graph, calls and drift:\n%s", section)
	}
	// The verdicts do not call the system free of hidden single-region
	// dependencies when the evidence shows calls to another region.
	_, summary, _ := strings.Cut(string(html), `<ul class="verdicts">`)
	summary, _, _ = strings.Cut(summary, "</ul>")
	if strings.Contains(summary, "No hidden single-region dependency") || !strings.Contains(summary, "observed calling a regional endpoint in another region") {
		t.Errorf("the verdicts ignore the observed cross-region calls:\n%s", summary)
	}
	if _, _, code := runCLI(t, "report", "-o", file); code != ExitOK {
		t.Fatal("report without --observe fails")
	}
	html, _ = os.ReadFile(file)
	if strings.Contains(string(html), `id="observed"`) {
		t.Error("a report without --observe has an observed section")
	}
	if !strings.Contains(string(html), "No hidden single-region dependency") {
		t.Error("without evidence, the module's own verdict is gone")
	}
}

// TestDiscoverDirectory: a directory given to --observe is every file under
// it, as a synced S3 prefix of resolver logs is.
func TestDiscoverDirectory(t *testing.T) {
	inExample(t, "observed-checkout")
	want, _, _ := runCLI(t, append([]string{"discover", "-json"}, observeArgs...)...)
	got, errOut, code := runCLI(t, "discover", "-json", "--observe", "observed")
	if code != ExitOK || got != want {
		t.Errorf("exit %d %s; --observe observed differs from naming its files", code, errOut)
	}
}

func TestProvidersEndpoints(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"providers", "endpoints", "sts.amazonaws.com"}, "a global endpoint served from us-east-1, by pattern sts.amazonaws.com", ExitOK},
		{[]string{"providers", "endpoints", "secretsmanager.eu-central-1.amazonaws.com"}, "is aws.secrets-manager, served from eu-central-1", ExitOK},
		{[]string{"providers", "endpoints", "api.stripe.com"}, "matches no catalog's endpoint pattern", ExitOK},
		{[]string{"providers", "endpoints", "aws"}, "sts.amazonaws.com", ExitOK},
		{[]string{"providers", "endpoints", "login.microsoftonline.com", "-json"}, `"product": "entra-id"`, ExitOK},
		{[]string{"providers", "endpoints", "nope"}, "neither a catalog", ExitError},
	} {
		out, errOut, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, out+errOut, c.want)
		}
	}
}
