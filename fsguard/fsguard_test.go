//go:build unix

package fsguard

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRegularFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	cases := map[string]string{fifo: "named pipe", dir: "directory"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "character device"
	}
	for name, kind := range cases {
		done := make(chan error, 1)
		go func() { _, err := ReadRegularFile(name, 0); done <- err }()
		select {
		case err := <-done:
			var r *RefusedError
			if !errors.As(err, &r) || !strings.Contains(err.Error(), kind) || r.File != name {
				t.Errorf("%s: %v, want a refusal as %s", name, err, kind)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: still reading after 30s", name)
		}
	}
}

func TestReadRegularFileLimit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(name, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadRegularFile(name, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("at the limit: %q, %v", b, err)
	}
	if _, err := ReadRegularFile(name, 9); err == nil || !strings.Contains(err.Error(), "larger than the limit of 9 bytes") {
		t.Errorf("over the limit: %v", err)
	}
}

func TestResolveInside(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	if err := os.MkdirAll(filepath.Join(mod, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(mod, "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub", filepath.Join(mod, "in")); err != nil {
		t.Fatal(err)
	}
	realMod, _ := filepath.EvalSymlinks(mod)
	for path, ok := range map[string]bool{
		"state.json": true, "sub/x.json": true, "in/new/state.json": true, "./sub/../y": true,
		"../x": false, "/etc/passwd": false, "up/x": false, "up/mod/x": true, filepath.Join(mod, "z"): true,
	} {
		got, err := ResolveInside(mod, path)
		if ok != (err == nil) {
			t.Errorf("%s: %q, %v; want inside=%v", path, got, err, ok)
		}
		if ok && err == nil && !Within(realMod, got) {
			t.Errorf("%s resolved to %s, outside %s", path, got, realMod)
		}
		if !ok && err != nil && !strings.Contains(err.Error(), path) {
			t.Errorf("%s: the refusal does not name it: %v", path, err)
		}
	}
}

func TestOpenRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	cases := map[string]string{fifo: "named pipe", dir: "directory"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "character device"
	}
	for name, kind := range cases {
		done := make(chan error, 1)
		go func() {
			f, err := OpenRegularFile(name, 0)
			if f != nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			var r *RefusedError
			if !errors.As(err, &r) || !strings.Contains(err.Error(), kind) || r.File != name {
				t.Errorf("%s: %v, want a refusal as %s", name, err, kind)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: still opening after 30s", name)
		}
	}

	name := filepath.Join(dir, "f")
	if err := os.WriteFile(name, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenRegularFile(name, 9); err == nil || !strings.Contains(err.Error(), "larger than the limit of 9 bytes") {
		t.Errorf("over the limit: %v", err)
	}
	f, err := OpenRegularFile(name, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The file grows after it was opened: reading past the limit refuses it.
	if err := os.WriteFile(name, []byte("0123456789abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if string(b) != "0123456789" || err == nil || !strings.Contains(err.Error(), "larger than the limit of 10 bytes") {
		t.Errorf("grown past the limit: %q, %v", b, err)
	}
}
