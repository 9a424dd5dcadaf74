package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mrplan/mrplan/fsguard"
)

// FormatVersion is the format_version of the state file. A state with a
// higher version came from a newer mrplan and is refused, not rewritten.
const FormatVersion = 1

// State is the accepted architecture.
type State struct {
	// Serial counts the applies that wrote this file, from 1.
	Serial int
	// MrplanVersion is the version of mrplan that wrote the file.
	MrplanVersion string
	// Module is the identity of the module whose architecture this is
	// (see the command layer's moduleIdentity); "" in states written
	// before it was recorded.
	Module string
	// ConfigHash is the plan's hash over all module files.
	ConfigHash string
	// Files maps each module file's base name to "sha256:…" of its bytes.
	Files map[string]string
	// Plan is the accepted plan as `plan -json` renders it.
	Plan json.RawMessage
}

type fileJSON struct {
	FormatVersion string            `json:"format_version"`
	Serial        int               `json:"serial"`
	MrplanVersion string            `json:"mrplan_version"`
	Module        string            `json:"module,omitempty"`
	ConfigHash    string            `json:"config_hash"`
	Files         map[string]string `json:"files"`
	Plan          json.RawMessage   `json:"plan"`
}

// Read reads the state at path. A missing file is (nil, nil): nothing has
// been accepted yet. Any other problem is an error that names the file.
func Read(path string) (*State, error) {
	src, err := fsguard.ReadRegularFile(path, fsguard.MaxFileBytes())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the state %s: %w", path, err)
	}
	return Parse(path, src)
}

// Parse decodes a state file's bytes; path names the file in errors.
func Parse(path string, src []byte) (*State, error) {
	var f fileJSON
	dec := json.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("the state %s is not valid JSON (%v); it was left as it is: restore it from version control or a backup, or move it away to start from an empty state", path, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("the state %s has data after its JSON object; it was left as it is: restore it from version control or a backup", path)
	}
	v, err := strconv.Atoi(f.FormatVersion)
	if err != nil || v < 1 {
		return nil, fmt.Errorf("the state %s has no valid format_version (%q); it is not an mrplan state, or it is damaged, and it was left as it is", path, f.FormatVersion)
	}
	if v > FormatVersion {
		return nil, fmt.Errorf("the state %s has format_version %q, written by mrplan %s; this mrplan reads version %d at most: upgrade mrplan (the state was left as it is)", path, f.FormatVersion, f.MrplanVersion, FormatVersion)
	}
	if f.Serial < 1 || len(f.Plan) == 0 || bytes.Equal(f.Plan, []byte("null")) {
		return nil, fmt.Errorf("the state %s has no serial or no plan; it is damaged and was left as it is", path)
	}
	if f.Files == nil {
		f.Files = map[string]string{}
	}
	return &State{Serial: f.Serial, MrplanVersion: f.MrplanVersion, Module: f.Module, ConfigHash: f.ConfigHash, Files: f.Files, Plan: f.Plan}, nil
}

// Encode renders s as the state file's bytes: indented, keys sorted, so a
// state kept in version control diffs cleanly. The plan, the bulk of the
// file, is indented once into place rather than encoded as a value.
func (s *State) Encode() ([]byte, error) {
	head := struct {
		FormatVersion string            `json:"format_version"`
		Serial        int               `json:"serial"`
		MrplanVersion string            `json:"mrplan_version"`
		Module        string            `json:"module,omitempty"`
		ConfigHash    string            `json:"config_hash"`
		Files         map[string]string `json:"files"`
	}{strconv.Itoa(FormatVersion), s.Serial, s.MrplanVersion, s.Module, s.ConfigHash, s.Files}
	if head.Files == nil {
		head.Files = map[string]string{}
	}
	var b bytes.Buffer
	b.Grow(len(s.Plan) + len(s.Plan)/4 + 1024)
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(head); err != nil {
		return nil, err
	}
	// The head ends "\n}\n": the plan goes in as its last field.
	b.Truncate(b.Len() - len("\n}\n"))
	b.WriteString(",\n  \"plan\": ")
	n := b.Len()
	if err := json.Indent(&b, bytes.TrimSpace(s.Plan), "  ", "  "); err != nil {
		return nil, fmt.Errorf("the plan to record is not valid JSON: %w", err)
	}
	if b.Len() == n {
		return nil, errors.New("the plan to record is empty")
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// Write replaces the state at path with s, atomically: a temporary file in
// the same directory, synced, then renamed over path, and the directory
// synced. When any step fails the old state is untouched. The caller holds
// the lock.
func Write(path string, s *State) error {
	data, err := s.Encode()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, 0o644)
}

// beforeRename lets tests fail a write at its last step, when the new
// bytes are on disk but not yet in place.
var beforeRename = func(string) error { return nil }

// tempPattern is the name of WriteFileAtomic's temporary file for path.
func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// RemoveStaleTemps removes the temporary files a write of path left when
// its run was killed (SIGKILL, a power cut) between creating and renaming
// them. The caller holds the lock, so no live run is writing one.
func RemoveStaleTemps(path string) { removeTempsOlderThan(path, 0) }

// staleTempAge is how old a temporary file must be for WriteFileAtomic,
// which holds no lock, to take it for a dead run's.
const staleTempAge = time.Hour

func removeTempsOlderThan(path string, age time.Duration) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), tempPattern(path)))
	for _, m := range matches {
		if info, err := os.Lstat(m); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) >= age {
			os.Remove(m)
		}
	}
}

// WriteFileAtomic writes data to path through a synced temporary file in
// the same directory and a rename, so a reader sees the old file or the
// new one, never half of either.
//
// Temporary files of path older than staleTempAge, which a killed run
// left, are removed first: no live write takes that long.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	removeTempsOlderThan(path, staleTempAge)
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := beforeRename(name); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every file system syncs directories
		d.Close()
	}
	return nil
}
