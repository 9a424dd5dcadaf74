package checks

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/planner"

	checkdocs "github.com/mrplan/mrplan/docs/checks"
)

// testToday is the date drills and ignore expiries are judged against.
var testToday = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// check runs every check over the module in dir, as validate does; with
// manifests in dir (*.deps.hcl, catalog-info.yaml), as lint does.
func check(t *testing.T, dir string) []diag.Diagnostic {
	t.Helper()
	m, hd := lang.LoadDir(dir)
	if hd.HasErrors() {
		t.Fatalf("%s does not load: %s", dir, hd.Error())
	}
	var manifests []*manifest.Manifest
	files, err := manifest.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		ms, _, d := manifest.Load(f)
		if d.HasErrors() {
			t.Fatalf("%s: %s", f, d.Error())
		}
		manifests = append(manifests, ms...)
	}
	cfg, cfgDiags, err := NewConfig(m.Settings, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := &Context{Module: m, Plan: planner.PlanModule(m), Manifests: manifests, Today: testToday, Observed: observed(t, m, dir)}
	out := append(Run(ctx, cfg), cfgDiags...)
	diag.Sort(out)
	return out
}

// observed reads dir/observed/*, the --observe files of a case, and
// matches them against m; nil when there are none.
func observed(t *testing.T, m *lang.Module, dir string) *observe.Discovery {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "observed", "*"))
	if len(files) == 0 {
		return nil
	}
	c := observe.NewCollector()
	for _, f := range files {
		if err := c.ReadFile(f, observe.FormatAuto); err != nil {
			t.Fatal(err)
		}
	}
	return observe.Match(m, c.Observations())
}

// wantRE matches an expectation: `# want: MR101 MR102` on the line that must
// be flagged, or `# want below: …` for the line after (a comment line that
// cannot carry another comment, such as an ignore). A diagnostic without a
// check ID is named by its summary in kebab case ("unused-ignore").
var wantRE = regexp.MustCompile(`(?:#|//)\s*want( below)?:\s*(.+)$`)

func wants(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			m := wantRE.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			line := n
			if m[1] != "" {
				line++
			}
			for _, id := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ' ' || r == ',' }) {
				out = append(out, fmt.Sprintf("%s:%d %s", filepath.Base(f), line, id))
			}
		}
		fh.Close()
	}
	sort.Strings(out)
	return out
}

func key(d diag.Diagnostic) string {
	id := d.Rule
	if id == "" {
		id = strings.ToLower(strings.ReplaceAll(d.Summary, " ", "-"))
	}
	file, line := "-", 0
	if d.Range != nil {
		file, line = filepath.Base(d.Range.Filename), d.Range.Start.Line
	}
	return fmt.Sprintf("%s:%d %s", file, line, id)
}

// TestTestdata is the one loop over testdata/*/*: every diagnostic a module
// gets must be wanted by a marker on its line, and every marker met. A
// directory named clean* has no markers, so it must get nothing at all.
func TestTestdata(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/*")
	if len(dirs) == 0 {
		t.Fatal("no testdata")
	}
	for _, dir := range dirs {
		t.Run(strings.TrimPrefix(dir, "testdata/"), func(t *testing.T) {
			ds := check(t, dir)
			var got []string
			for _, d := range ds {
				got = append(got, key(d))
			}
			sort.Strings(got)
			want := wants(t, dir)
			if strings.HasPrefix(filepath.Base(dir), "clean") && len(want) > 0 {
				t.Fatalf("a clean module has markers: %v", want)
			}
			if !slices.Equal(got, want) {
				var b strings.Builder
				for _, d := range ds {
					fmt.Fprintf(&b, "  %s: %s\n", key(d), d.Detail)
				}
				t.Errorf("got  %v\nwant %v\n%s", got, want, b.String())
			}
		})
	}
}

// TestCatalog: every check has its testdata (a module it must flag and a
// clean twin), a doc page and a well-formed identity; IDs and names are
// unique.
func TestCatalog(t *testing.T) {
	ids, names := map[string]bool{}, map[string]bool{}
	idRE := regexp.MustCompile(`^MR[1-6]\d\d$`)
	nameRE := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, ch := range All() {
		info := ch.Info()
		if !idRE.MatchString(info.ID) || !nameRE.MatchString(info.Name) || ids[info.ID] || names[info.Name] {
			t.Errorf("bad or duplicate identity %q %q", info.ID, info.Name)
		}
		ids[info.ID], names[info.Name] = true, true
		if info.Severity == 0 || info.Summary == "" || !strings.HasSuffix(info.Fix, ".") {
			t.Errorf("%s: incomplete info %+v", info.ID, info)
		}
		if !strings.HasPrefix(Doc(info.ID), "# "+info.ID+" "+info.Name+"\n") {
			t.Errorf("%s: no doc page, or it does not start with its title", info.ID)
		}
		for _, sec := range []string{"## What it finds", "## Why it matters", "## Example", "## How to fix"} {
			if !strings.Contains(Doc(info.ID), sec) {
				t.Errorf("%s: doc page lacks %q", info.ID, sec)
			}
		}
		bad, _ := filepath.Glob(filepath.Join("testdata", info.ID, "bad*"))
		clean, _ := filepath.Glob(filepath.Join("testdata", info.ID, "clean*"))
		if len(bad) == 0 || len(clean) == 0 {
			t.Errorf("%s: testdata needs a bad* and a clean* module", info.ID)
		}
		for _, dir := range bad {
			if !slices.ContainsFunc(wants(t, dir), func(w string) bool { return strings.HasSuffix(w, " "+info.ID) }) {
				t.Errorf("%s: %s has no %s marker", info.ID, dir, info.ID)
			}
		}
	}
	pages, _ := fs.Glob(checkdocs.Pages, "MR*.md")
	if len(pages) != len(All()) {
		t.Errorf("%d doc pages for %d checks", len(pages), len(All()))
	}
}

// findings returns the findings of check id over its testdata/ID/bad
// module, for the per-check tests of the message.
func findings(t *testing.T, id string) []diag.Diagnostic {
	t.Helper()
	var out []diag.Diagnostic
	for _, d := range check(t, filepath.Join("testdata", id, "bad")) {
		if d.Rule == id {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s finding", id)
	}
	return out
}

// wantDetail fails unless some finding's detail contains every one of parts.
func wantDetail(t *testing.T, ds []diag.Diagnostic, parts ...string) {
	t.Helper()
	for _, d := range ds {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(d.Detail, p)
		}
		if ok {
			return
		}
	}
	var details []string
	for _, d := range ds {
		details = append(details, d.Detail)
	}
	t.Errorf("no finding says all of %q; got:\n%s", parts, strings.Join(details, "\n"))
}
