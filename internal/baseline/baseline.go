// Package baseline records the findings a module already has, so that a CI
// gate can fail only on new ones (validate --write-baseline / --baseline).
//
// A finding is known by its rule, subject and message, never by its line:
// moving a block, or adding lines above it, keeps it matched. Identical keys
// are counted, so a second identical finding is new. Language errors carry
// no rule and are never baselined: a module that does not load is never
// known debt. Rendering the remaining findings is the views' job; choosing
// them is this package's.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mrplan/mrplan/diag"
)

// FormatVersion is the baseline file's format_version.
const FormatVersion = "1"

// Entry is one known finding and how many times it occurs.
type Entry struct {
	Rule    string `json:"rule"`
	Subject string `json:"subject"`
	Message string `json:"message"`
	Count   int    `json:"count"`
}

type key struct{ rule, subject, message string }

func (e Entry) key() key { return key{e.Rule, e.Subject, e.Message} }

// File is a baseline: entries sorted by rule, subject and message, each key
// once.
type File struct {
	Entries []Entry
}

type fileJSON struct {
	FormatVersion string  `json:"format_version"`
	Findings      []Entry `json:"findings"`
}

// Message is the text a finding is matched by: its summary and detail, as
// the compact format prints them on one line.
func Message(d diag.Diagnostic) string {
	m := d.Summary
	if d.Detail != "" {
		m += ": " + d.Detail
	}
	return strings.Join(strings.Fields(m), " ")
}

// Baselinable says whether d can be recorded: a check's finding, not a
// language error or a usage error.
func Baselinable(d diag.Diagnostic) bool { return d.Rule != "" && d.Subject != "" }

// FromDiagnostics records every baselinable diagnostic of ds.
func FromDiagnostics(ds []diag.Diagnostic) *File {
	counts := map[key]int{}
	for _, d := range ds {
		if Baselinable(d) {
			counts[key{d.Rule, d.Subject, Message(d)}]++
		}
	}
	f := &File{Entries: make([]Entry, 0, len(counts))}
	for k, n := range counts {
		f.Entries = append(f.Entries, Entry{Rule: k.rule, Subject: k.subject, Message: k.message, Count: n})
	}
	f.sort()
	return f
}

func (f *File) sort() {
	sort.Slice(f.Entries, func(i, j int) bool {
		a, b := f.Entries[i], f.Entries[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Message < b.Message
	})
}

// Total is the number of findings the baseline holds.
func (f *File) Total() int {
	n := 0
	for _, e := range f.Entries {
		n += e.Count
	}
	return n
}

// Marshal renders f as indented JSON with a final newline; the same
// findings give the same bytes.
func (f *File) Marshal() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	entries := f.Entries
	if entries == nil {
		entries = []Entry{}
	}
	if err := enc.Encode(fileJSON{FormatVersion: FormatVersion, Findings: entries}); err != nil {
		panic(err) // only strings and ints: cannot fail
	}
	return b.Bytes()
}

// Parse reads a baseline file's bytes. Entries are merged and sorted, so a
// hand-edited file still matches.
func Parse(data []byte) (*File, error) {
	var raw fileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not a baseline file (%s)", err)
	}
	if raw.FormatVersion != FormatVersion {
		return nil, fmt.Errorf("format_version %q is not one this mrplan reads (%q)", raw.FormatVersion, FormatVersion)
	}
	merged := map[key]int{}
	for i, e := range raw.Findings {
		if e.Rule == "" || e.Subject == "" || e.Message == "" {
			return nil, fmt.Errorf("finding %d lacks a rule, subject or message", i+1)
		}
		if e.Count < 1 {
			e.Count = 1
		}
		merged[e.key()] += e.Count
	}
	f := &File{}
	for k, n := range merged {
		f.Entries = append(f.Entries, Entry{Rule: k.rule, Subject: k.subject, Message: k.message, Count: n})
	}
	f.sort()
	return f, nil
}

// Read reads the baseline file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("the baseline %s does not exist; make it with --write-baseline %s", path, path)
	}
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("cannot read the baseline %s: %s", path, err)
	}
	return f, nil
}

// Write writes f to path through a temporary file and a rename, so an
// interrupted run leaves the old baseline whole.
func Write(path string, f *File) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(f.Marshal()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Result is what applying a baseline to a run's diagnostics leaves.
type Result struct {
	// Diagnostics are those not in the baseline, in their original order.
	Diagnostics []diag.Diagnostic
	// Known is how many findings the baseline matched and held back.
	Known int
	// Fixed are baseline entries that no longer occur, Count saying how
	// many of that key are gone.
	Fixed []Entry
}

// Apply holds back every diagnostic of ds the baseline knows. A key that
// occurs more often than the baseline counts is new in its later
// occurrences (in ds's order, which callers sort by position).
func (f *File) Apply(ds []diag.Diagnostic) Result {
	left := make(map[key]int, len(f.Entries))
	for _, e := range f.Entries {
		left[e.key()] = e.Count
	}
	var r Result
	r.Diagnostics = make([]diag.Diagnostic, 0, len(ds))
	for _, d := range ds {
		if Baselinable(d) {
			k := key{d.Rule, d.Subject, Message(d)}
			if left[k] > 0 {
				left[k]--
				r.Known++
				continue
			}
		}
		r.Diagnostics = append(r.Diagnostics, d)
	}
	for _, e := range f.Entries {
		if n := left[e.key()]; n > 0 {
			e.Count = n
			r.Fixed = append(r.Fixed, e)
		}
	}
	return r
}

// FixedNotice is the notice that tells a user a baseline entry is gone, so
// the file can shrink.
func FixedNotice(path string, e Entry) diag.Diagnostic {
	times := ""
	if e.Count > 1 {
		times = fmt.Sprintf(" (%d times)", e.Count)
	}
	return diag.Diagnostic{
		Severity: diag.Notice,
		Summary:  "Baseline entry no longer found",
		Detail: fmt.Sprintf("The baseline %s records %s on %s%s, but this run no longer finds it: %q. Run with --write-baseline %s to drop it from the baseline.",
			path, e.Rule, e.Subject, times, e.Message, path),
	}
}
