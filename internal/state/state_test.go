package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func sample(serial int) *State {
	return &State{Serial: serial, MrplanVersion: "0.1.0", ConfigHash: "sha256:ab",
		Files: map[string]string{"main.mr.hcl": "sha256:cd"}, Plan: json.RawMessage(`{"format_version": "1", "services": []}`)}
}

func TestReadMissingIsNoState(t *testing.T) {
	st, err := Read(filepath.Join(t.TempDir(), "mrplan.state.json"))
	if st != nil || err != nil {
		t.Fatalf("a missing state: got %v, %v; want nil, nil", st, err)
	}
}

func TestWriteRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mrplan.state.json")
	if err := Write(path, sample(3)); err != nil {
		t.Fatal(err)
	}
	st, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Serial != 3 || st.Files["main.mr.hcl"] != "sha256:cd" || !json.Valid(st.Plan) {
		t.Errorf("read back %+v", st)
	}
	again, _ := st.Encode()
	first, _ := os.ReadFile(path)
	if string(again) != string(first) {
		t.Error("a state read and encoded again is not byte-identical")
	}
}

// A damaged state is an error that names the file, and the file is left
// as it was.
func TestReadRefuses(t *testing.T) {
	for name, src := range map[string]string{
		"corrupt":   `{"format_version": "1", "serial": 2, "plan": {`,
		"newer":     `{"format_version": "2", "serial": 2, "mrplan_version": "9.0.0", "plan": {}}`,
		"no-plan":   `{"format_version": "1", "serial": 2}`,
		"no-format": `{"serial": 2, "plan": {}}`,
		"trailing":  `{"format_version": "1", "serial": 2, "plan": {}} {}`,
		"empty":     ``,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "mrplan.state.json")
			os.WriteFile(path, []byte(src), 0o644)
			st, err := Read(path)
			if err == nil || st != nil {
				t.Fatalf("got %v, %v; want an error", st, err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("the error does not name the file: %v", err)
			}
			if name == "newer" && !strings.Contains(err.Error(), "upgrade mrplan") {
				t.Errorf("a newer state should say to upgrade: %v", err)
			}
			if got, _ := os.ReadFile(path); string(got) != src {
				t.Error("the damaged state was changed")
			}
		})
	}
}

// A write that fails after the new bytes are on disk, before they are
// renamed into place, leaves the old state whole and no temporary file.
func TestInterruptedWriteKeepsOldState(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mrplan.state.json")
	if err := Write(path, sample(1)); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	beforeRename = func(string) error { return errors.New("power cut") }
	defer func() { beforeRename = func(string) error { return nil } }()
	if err := Write(path, sample(2)); err == nil {
		t.Fatal("the interrupted write reported success")
	}
	if now, _ := os.ReadFile(path); string(now) != string(old) {
		t.Error("the old state did not survive a failed write")
	}
	if st, err := Read(path); err != nil || st.Serial != 1 {
		t.Errorf("the old state reads as %v, %v", st, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed write left files behind: %v", entries)
	}
}

// A lock held by another run makes a second one wait, then fail with who
// holds it and since when.
func TestLockHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mrplan.state.json")
	unlock, err := Lock(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Lock(path, 100*time.Millisecond)
	if err == nil {
		t.Fatal("a second lock was granted")
	}
	if time.Since(start) < 100*time.Millisecond {
		t.Error("the second lock did not wait for its timeout")
	}
	want := "is locked by pid " + strconv.Itoa(os.Getpid())
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), " since ") || !strings.Contains(err.Error(), LockPath(path)) {
		t.Errorf("the error should say who holds the lock, since when, and where: %v", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, err = Lock(path, 0)
	if err != nil {
		t.Fatalf("the lock was not released: %v", err)
	}
	unlock()
}

// Concurrent read-modify-write cycles under the lock never lose an update,
// and the file is valid JSON throughout.
func TestLockSerialisesWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mrplan.state.json")
	const n = 8
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := Lock(path, 10*time.Second)
			if err != nil {
				errs <- err
				return
			}
			defer unlock()
			st, err := Read(path)
			if err != nil {
				errs <- err
				return
			}
			next := sample(1)
			if st != nil {
				next.Serial = st.Serial + 1
			}
			errs <- Write(path, next)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	st, err := Read(path)
	if err != nil || st.Serial != n {
		t.Fatalf("after %d writers: %v, %v", n, st, err)
	}
}

// A lock whose process on this machine is gone says so.
func TestLockOfAGoneProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a process that is gone cannot be told on Windows")
	}
	path := filepath.Join(t.TempDir(), "mrplan.state.json")
	host, _ := os.Hostname()
	// pid 2^22+1 is above Linux's pid_max, so no process has it.
	info := `{"pid":4194305,"created":"2026-01-02T03:04:05Z","host":"` + host + `"}`
	os.WriteFile(LockPath(path), []byte(info), 0o644)
	_, err := Lock(path, 0)
	if err == nil || !strings.Contains(err.Error(), "that process is no longer running") {
		t.Errorf("got %v", err)
	}
	if _, serr := os.Stat(LockPath(path)); serr != nil {
		t.Error("a stale lock was removed without a person deciding")
	}
}

// Encode writes what encoding/json writes for the whole file, the plan
// indented into place.
func TestEncodeIsEncodingJSON(t *testing.T) {
	plan := "{\"format_version\": \"1\", \"a\": [], \"b\": {}, \"c\": [1, {\"d\": \"<é> & \\u2028\"}], \"e\": null}\n"
	for _, files := range []map[string]string{nil, {"b.mr.hcl": "sha256:2", "a.mr.hcl": "sha256:1"}} {
		s := &State{Serial: 3, MrplanVersion: "v<1>", ConfigHash: "sha256:x", Files: files, Plan: json.RawMessage(plan)}
		got, err := s.Encode()
		if err != nil {
			t.Fatal(err)
		}
		var indented bytes.Buffer
		if err := json.Indent(&indented, s.Plan, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		f := fileJSON{FormatVersion: "1", Serial: 3, MrplanVersion: "v<1>", ConfigHash: "sha256:x", Files: files,
			Plan: bytes.TrimSpace(indented.Bytes())}
		if f.Files == nil {
			f.Files = map[string]string{}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("got\n%s\nwant\n%s", got, want.String())
		}
	}
	if _, err := (&State{Serial: 1, Plan: json.RawMessage("{")}).Encode(); err == nil {
		t.Error("a broken plan encodes")
	}
}

// A temporary file that a killed write left is removed by the next write
// of the same file once it is old; a fresh one (a live write) is kept.
func TestWriteFileAtomicRemovesOldTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	old := filepath.Join(dir, ".plan.json.tmp-111")
	fresh := filepath.Join(dir, ".plan.json.tmp-222")
	for _, f := range []string{old, fresh} {
		if err := os.WriteFile(f, []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("the old temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file was removed")
	}
}
