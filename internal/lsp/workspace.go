package lsp

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// document is a file the editor has open, with the text it last sent.
type document struct {
	path    string // absolute, cleaned
	text    []byte
	version int32
	// root is the directory of the root module whose analysis covers the
	// document: its own directory, or the module that calls it as a child
	// (see findRoot).
	root string
}

// workspace holds the open documents and, for each root module one of
// them belongs to, that module and its latest analysis.
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

// module is one root module directory and its analysis, its child
// modules included. gen counts changes to its documents; an analysis is
// current when it saw the latest gen.
type module struct {
	dir string
	gen int

	analyzing sync.Mutex // one analysis at a time; guards the fields below
	snap      *snapshot
	published map[string]bool // files whose last diagnostics were not empty
	lastGood  *lang.Module    // the latest analysis without language errors
	timer     *time.Timer
	// retired is set (with the workspace's lock held) when no open
	// document is in the module any more: it publishes nothing.
	retired bool
}

// snapshot is one analysis of a module: what was loaded, planned and found.
type snapshot struct {
	gen int
	dir string
	// texts is each module file's text as analysed (the root's and its
	// child modules'), by absolute path.
	texts map[string][]byte
	// docs are the open documents' texts laid over the files on disk,
	// by absolute path: the variables files' among them.
	docs    map[string][]byte
	mod     *lang.Module
	diags   []diag.Diagnostic
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
// A document newly opened is placed in its root module; a change keeps
// the place (a save looks again, see saved).
func (w *workspace) open(path string, text []byte, version int32, now bool) *module {
	w.mu.Lock()
	defer w.mu.Unlock()
	d, ok := w.docs[path]
	if !ok {
		d = &document{path: path}
		w.docs[path] = d
		d.root = findRoot(filepath.Dir(path), w.readLocked)
	}
	d.text, d.version = text, version
	m := w.moduleOf(d.root)
	m.gen++
	w.schedule(m, now)
	return m
}

// close forgets a document: its module is analysed from the file on disk.
func (w *workspace) close(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	root := w.rootLocked(path)
	delete(w.docs, path)
	m := w.moduleOf(root)
	m.gen++
	w.schedule(m, false)
}

// rootLocked is the root module directory of path: its document's, or
// found afresh for a file the editor does not hold. Called with w.mu held.
func (w *workspace) rootLocked(path string) string {
	if d, ok := w.docs[path]; ok {
		return d.root
	}
	return findRoot(filepath.Dir(path), w.readLocked)
}

// readLocked is a file's text as the workspace sees it: the editor's when
// it holds the file, else the disk's. Called with w.mu held.
func (w *workspace) readLocked(path string) ([]byte, bool) {
	if d, ok := w.docs[path]; ok {
		return d.text, true
	}
	b, err := lang.ReadModuleFile(filepath.Dir(path), path)
	return b, err == nil
}

// replace places every document again, after a save that may have added,
// moved or dropped a module call, and re-plans the modules that gained or
// lost one. Called with w.mu held.
func (w *workspace) replace() {
	moved := map[string][]string{} // a root left → the roots its documents went to
	for _, d := range w.docs {
		root := findRoot(filepath.Dir(d.path), w.readLocked)
		if root == d.root {
			continue
		}
		if !slices.Contains(moved[d.root], root) {
			moved[d.root] = append(moved[d.root], root)
		}
		d.root = root
	}
	for _, old := range slices.Sorted(maps.Keys(moved)) {
		w.handover(w.moduleOf(old), moved[old])
	}
}

// handover withdraws the diagnostics old published, now that documents
// left it for the root modules in next (a child analysed alone reports
// what its root provides as missing), then analyses next again, and old
// if documents remain in it: withdrawing first, so that it never hides
// their results. A module no document is in any more is dropped. Called
// with w.mu held.
func (w *workspace) handover(old *module, next []string) {
	if old.timer != nil {
		old.timer.Stop()
	}
	kept := false
	for _, d := range w.docs {
		kept = kept || d.root == old.dir
	}
	if !kept {
		delete(w.modules, old.dir)
		old.retired = true
	}
	go func() {
		old.analyzing.Lock()
		files := slices.Sorted(maps.Keys(old.published))
		old.published = map[string]bool{}
		old.analyzing.Unlock()
		w.mu.Lock()
		publish := w.publish
		w.mu.Unlock()
		if publish == nil {
			return // stopped
		}
		for _, f := range files {
			publish(f, nil, nil)
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.publish == nil {
			return
		}
		if kept {
			old.gen++
			w.schedule(old, false)
		}
		for _, dir := range next {
			m := w.moduleOf(dir)
			m.gen++
			w.schedule(m, false)
		}
	}()
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
	if lang.IsModuleFile(filepath.Base(path)) {
		w.replace()
	}
	m := w.moduleOf(w.rootLocked(path))
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
	m := w.moduleOf(w.rootLocked(path))
	w.mu.Unlock()
	return w.current(m)
}

// current brings m's analysis up to date and publishes its diagnostics
// when it made a new one.
func (w *workspace) current(m *module) *snapshot {
	m.analyzing.Lock()
	defer m.analyzing.Unlock()
	w.mu.Lock()
	gen, retired := m.gen, m.retired
	overlay := map[string][]byte{}
	versions := map[string]int32{}
	for p, d := range w.docs {
		if rel, err := filepath.Rel(m.dir, p); err == nil && filepath.IsLocal(rel) {
			overlay[p] = d.text // the loader takes those it reads
		}
		if d.root == m.dir {
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
	if !retired {
		w.publishAll(m, versions)
	}
	return m.snap
}

// analyze loads the module in dir with the open documents laid over the
// files on disk (lang.LoadOptions.Overlay), plans it and runs the checks,
// as validate does: its child modules, *.auto.mrvars files and the
// MRPLAN_VAR_ environment included, and the same file boundaries kept.
func (w *workspace) analyze(dir string, gen int, docs map[string][]byte) *snapshot {
	snap := &snapshot{gen: gen, dir: dir, docs: docs, texts: map[string][]byte{}, planned: map[string]json.RawMessage{}}
	mod, hdiags := lang.LoadDirOptions(dir, lang.LoadOptions{Overlay: docs, Env: lang.EnvVars(os.Environ())})
	snap.mod = mod
	if mod != nil {
		maps.Copy(snap.texts, mod.Files)
	}
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
	// The root module's first file (a child's when it has none).
	var first string
	for p := range s.texts {
		switch inRoot, firstInRoot := filepath.Dir(p) == s.dir, filepath.Dir(first) == s.dir; {
		case first == "", inRoot && !firstInRoot, inRoot == firstInRoot && p < first:
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
			// Not a module file: a variables file or the shared
			// .mrplan.hcl, as the editor holds it or on disk.
			if text, ok = s.docs[file]; !ok {
				text, _ = os.ReadFile(file)
			}
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
	m := w.moduleOf(w.rootLocked(path))
	w.mu.Unlock()
	m.analyzing.Lock()
	defer m.analyzing.Unlock()
	if m.lastGood != nil {
		return m.lastGood
	}
	return snap.mod
}
