package lsp

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// document is a file the editor has open, with the text it last sent.
type document struct {
	path    string // absolute, cleaned
	text    []byte
	version int32
}

// workspace holds the open documents and, for each directory one of them is
// in, the module there and its latest analysis.
type workspace struct {
	mu      sync.Mutex
	docs    map[string]*document
	modules map[string]*module
	// publish sends a file's diagnostics to the editor.
	publish func(path string, version *int32, ds []fileDiagnostic)
	today   func() time.Time
	// delay is how long typing must pause before the background re-plan.
	delay time.Duration
}

// module is one module directory and its analysis. gen counts changes to
// its documents; an analysis is current when it saw the latest gen.
type module struct {
	dir string
	gen int

	analyzing sync.Mutex // one analysis at a time; guards the fields below
	snap      *snapshot
	published map[string]bool // files whose last diagnostics were not empty
	lastGood  *lang.Module    // the latest analysis without language errors
	timer     *time.Timer
}

// snapshot is one analysis of a module: what was loaded, planned and found.
type snapshot struct {
	gen   int
	dir   string
	texts map[string][]byte // each module file's text as analysed, by absolute path
	mod   *lang.Module      // ranges name files in overlay, see realPath
	// overlay is the directory the module was loaded from (removed after
	// loading; its name maps ranges back to dir).
	overlay string
	diags   []diag.Diagnostic // ranges name real paths
	planned map[string]json.RawMessage
	loaded  bool // no language errors
}

func newWorkspace() *workspace {
	return &workspace{
		docs: map[string]*document{}, modules: map[string]*module{},
		today: func() time.Time {
			y, m, d := time.Now().UTC().Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		},
		delay: 150 * time.Millisecond,
	}
}

// pathOf is the file path of a file:// URI; ok is false for other schemes.
func pathOf(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// uriOf is the file:// URI of an absolute path.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// open records a document's new text and schedules its module's analysis.
func (w *workspace) open(path string, text []byte, version int32, now bool) *module {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.docs[path] = &document{path: path, text: text, version: version}
	m := w.moduleOf(filepath.Dir(path))
	m.gen++
	w.schedule(m, now)
	return m
}

// close forgets a document: its module is analysed from the file on disk.
func (w *workspace) close(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.docs, path)
	m := w.moduleOf(filepath.Dir(path))
	m.gen++
	w.schedule(m, false)
}

// saved notes that files on disk changed (a save, or a file the editor
// does not hold), which other files' analyses read.
func (w *workspace) saved(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if filepath.Base(path) == checks.ConfigFileName {
		// Shared settings: every module at or below its directory.
		under := filepath.Dir(path)
		for dir, m := range w.modules {
			if rel, err := filepath.Rel(under, dir); err == nil && filepath.IsLocal(rel) || dir == under {
				m.gen++
				w.schedule(m, false)
			}
		}
		return
	}
	m := w.moduleOf(filepath.Dir(path))
	m.gen++
	w.schedule(m, false)
}

func (w *workspace) moduleOf(dir string) *module {
	m, ok := w.modules[dir]
	if !ok {
		m = &module{dir: dir, published: map[string]bool{}}
		w.modules[dir] = m
	}
	return m
}

// schedule re-plans m in the background once typing pauses, or at once.
// Called with w.mu held.
func (w *workspace) schedule(m *module, now bool) {
	delay := w.delay
	if now {
		delay = 0
	}
	if m.timer != nil {
		m.timer.Stop()
	}
	m.timer = time.AfterFunc(delay, func() { w.current(m) })
}

func (w *workspace) document(path string) (*document, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	d, ok := w.docs[path]
	if !ok {
		return nil, false
	}
	cp := *d
	return &cp, true
}

// snapshotFor returns a current analysis of the module that holds path,
// analysing it first when a document changed since the last.
func (w *workspace) snapshotFor(path string) *snapshot {
	w.mu.Lock()
	m := w.moduleOf(filepath.Dir(path))
	w.mu.Unlock()
	return w.current(m)
}

// current brings m's analysis up to date and publishes its diagnostics
// when it made a new one.
func (w *workspace) current(m *module) *snapshot {
	m.analyzing.Lock()
	defer m.analyzing.Unlock()
	w.mu.Lock()
	gen := m.gen
	overlay := map[string][]byte{}
	versions := map[string]int32{}
	for p, d := range w.docs {
		if filepath.Dir(p) == m.dir {
			overlay[filepath.Base(p)] = d.text
			versions[p] = d.version
		}
	}
	w.mu.Unlock()
	if m.snap != nil && m.snap.gen == gen {
		return m.snap
	}
	m.snap = w.analyze(m.dir, gen, overlay)
	if m.snap.loaded {
		m.lastGood = m.snap.mod
	}
	w.publishAll(m, versions)
	return m.snap
}

// analyze loads the module in dir with the open documents laid over the
// files on disk, plans it and runs the checks, as validate does.
//
// The documents are laid over the directory by copying the module into a
// temporary directory, with the documents' texts in place of the files and
// every other entry (sub-directories, state, manifests) linked, so the
// analysis goes through lang.LoadDir exactly as a command does.
func (w *workspace) analyze(dir string, gen int, docs map[string][]byte) *snapshot {
	snap := &snapshot{gen: gen, dir: dir, texts: map[string][]byte{}, planned: map[string]json.RawMessage{}}
	tmp, err := os.MkdirTemp("", "mrplan-lsp-")
	if err != nil {
		snap.diags = []diag.Diagnostic{{Severity: diag.Error, Summary: "Cannot analyse the module", Detail: err.Error() + "."}}
		return snap
	}
	defer os.RemoveAll(tmp)
	snap.overlay = tmp
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if _, open := docs[name]; open {
			continue
		}
		src := filepath.Join(dir, name)
		if !e.IsDir() && lang.IsModuleFile(name) {
			if b, err := os.ReadFile(src); err == nil {
				docs[name] = b
			}
			continue
		}
		_ = os.Symlink(src, filepath.Join(tmp, name))
	}
	for name, text := range docs {
		if !lang.IsModuleFile(name) {
			continue
		}
		if err := os.WriteFile(filepath.Join(tmp, name), text, 0o644); err == nil {
			snap.texts[filepath.Join(dir, name)] = text
		}
	}

	mod, hdiags := lang.LoadDir(tmp)
	snap.mod = mod
	ds := diag.FromHCL(hdiags)
	// The shared check settings, as validate finds them for this directory.
	var flags checks.Flags
	if path := checks.FindConfigFile(dir); path != "" {
		settings, _, cd := checks.LoadConfigFile(path)
		flags.Shared = settings
		ds = append(ds, diag.FromHCL(cd)...)
	}
	if !hdiags.HasErrors() {
		snap.loaded = true
		p := planner.PlanModule(mod)
		cfg, cfgDiags, _ := checks.NewConfig(mod.Settings, flags)
		found := append(checks.Run(&checks.Context{Module: mod, Plan: p, Today: w.today()}, cfg), cfgDiags...)
		ds = append(ds, found...)
		snap.planned = plannedBlocks(p, found)
	} else {
		ds = append(ds, checks.ConfigDiagnostics(mod, flags)...)
	}
	for i := range ds {
		ds[i].Range = snap.realRange(ds[i].Range)
		for j := range ds[i].Related {
			ds[i].Related[j] = *snap.realRange(&ds[i].Related[j])
		}
	}
	diag.Sort(ds)
	snap.diags = ds
	return snap
}

// plannedBlocks is each service's and data class's entry of the plan JSON,
// by address: hover shows what the plan shows, in the same words.
func plannedBlocks(p *planner.Plan, findings []diag.Diagnostic) map[string]json.RawMessage {
	var b bytes.Buffer
	out := map[string]json.RawMessage{}
	if err := views.PlanJSON(&b, p, findings, views.PlanMeta{}); err != nil {
		return out
	}
	var doc struct {
		Services []json.RawMessage `json:"services"`
		Data     []json.RawMessage `json:"data"`
	}
	if json.Unmarshal(b.Bytes(), &doc) != nil {
		return out
	}
	for _, raw := range append(doc.Services, doc.Data...) {
		var head struct {
			Address string `json:"address"`
		}
		if json.Unmarshal(raw, &head) == nil {
			out[head.Address] = raw
		}
	}
	return out
}

// realPath maps a file name in the analysis (in the overlay) to the
// module file it stands for.
func (s *snapshot) realPath(name string) string {
	if s.overlay != "" {
		if rel, err := filepath.Rel(s.overlay, name); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join(s.dir, rel)
		}
	}
	return name
}

func (s *snapshot) realRange(r *hcl.Range) *hcl.Range {
	if r == nil {
		return nil
	}
	cp := *r
	cp.Filename = s.realPath(r.Filename)
	return &cp
}

// fileDiagnostic is a diagnostic and the text its range is in.
type fileDiagnostic struct {
	diag.Diagnostic
	text  []byte
	texts map[string][]byte // every module file's, for related ranges
}

// publishAll sends every module file's diagnostics, and empty lists to the
// files that had some before, so fixed problems disappear. A diagnostic
// without a place goes to the module's first file.
func (w *workspace) publishAll(m *module, versions map[string]int32) {
	w.mu.Lock()
	publish := w.publish
	w.mu.Unlock()
	if publish == nil {
		return
	}
	s := m.snap
	byFile := map[string][]fileDiagnostic{}
	var first string
	for p := range s.texts {
		if first == "" || p < first {
			first = p
		}
	}
	for _, d := range s.diags {
		file := first
		if d.Range != nil && d.Range.Filename != "" {
			file = d.Range.Filename
		}
		if file == "" {
			continue
		}
		text, ok := s.texts[file]
		if !ok {
			// Not a module file: the shared .mrplan.hcl, say.
			text, _ = os.ReadFile(file)
		}
		byFile[file] = append(byFile[file], fileDiagnostic{d, text, s.texts})
	}
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	for f := range m.published {
		if _, ok := byFile[f]; !ok {
			files = append(files, f)
		}
	}
	for p := range versions {
		if _, ok := byFile[p]; !ok && !m.published[p] {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	published := map[string]bool{}
	for _, f := range files {
		var version *int32
		if v, ok := versions[f]; ok {
			version = &v
		}
		publish(f, version, byFile[f])
		if len(byFile[f]) > 0 {
			published[f] = true
		}
	}
	m.published = published
}

// stop ends every pending background analysis.
func (w *workspace) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, m := range w.modules {
		if m.timer != nil {
			m.timer.Stop()
		}
	}
	w.publish = nil
}

// namesFor is the module completion draws names from: the latest analysis
// that loaded without errors (what is being typed rarely parses), else the
// latest.
func (w *workspace) namesFor(path string) *lang.Module {
	snap := w.snapshotFor(path)
	w.mu.Lock()
	m := w.modules[filepath.Dir(path)]
	w.mu.Unlock()
	m.analyzing.Lock()
	defer m.analyzing.Unlock()
	if m.lastGood != nil {
		return m.lastGood
	}
	return snap.mod
}
