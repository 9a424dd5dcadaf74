//go:build unix

package command

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestObserveDirectoryTrust (issue #21, item 3): walking an --observe
// directory reads only regular files that resolve inside it after
// symlinks. A FIFO, a symlink to /dev/zero, a symlink out of the
// directory and a file over --max-file-size are each refused by name,
// without blocking, and the good file beside them is still read; a file
// named on the command line is read wherever it is.
func TestObserveDirectoryTrust(t *testing.T) {
	inExample(t, "observed-checkout")
	good, err := os.ReadFile("observed/dependencies.json")
	if err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.json")
	if err := os.WriteFile(secret, good, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "logs")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "a-dependencies.json"), good, 0o644))
	must(os.WriteFile(filepath.Join(dir, "big.json"), []byte(strings.Repeat(" ", 2<<20)+string(good)), 0o644))
	must(os.Symlink(secret, filepath.Join(dir, "leak.json")))
	must(os.Symlink(outside, filepath.Join(dir, "sub", "up")))
	must(os.Symlink("../a-dependencies.json", filepath.Join(dir, "sub", "same.json")))
	must(os.Symlink("sub", filepath.Join(dir, "again")))
	if _, err := os.Stat("/dev/zero"); err == nil {
		must(os.Symlink("/dev/zero", filepath.Join(dir, "zero.jsonl")))
	}
	fifo := filepath.Join(dir, "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}

	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, code := runCLI(t, "discover", "-json", "--max-file-size", "1MiB", "--observe", dir)
		done <- result{out, errOut, code}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("discover --observe DIR still running after 60s: a special file blocked it")
	}
	text := strings.Join(strings.Fields(r.errOut), " ")
	if r.code != ExitError {
		t.Errorf("exit %d, want 1 for refused files", r.code)
	}
	for _, want := range []string{
		"mrplan did not read " + fifo + ": it is a named pipe (FIFO), not a regular file",
		"mrplan did not read " + filepath.Join(dir, "leak.json") + ": it resolves to " + secret + ", outside the directory " + dir,
		"mrplan did not read " + filepath.Join(dir, "big.json") + ": it is larger than the limit of 1048576 bytes",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, r.errOut)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil && !strings.Contains(text, "mrplan did not read "+filepath.Join(dir, "zero.jsonl")+": it resolves to /dev/zero") {
		t.Errorf("the symlink to /dev/zero is not refused by name:\n%s", r.errOut)
	}
	if !strings.Contains(text, filepath.Join(dir, "sub", "up")) {
		t.Errorf("the symlink out of the directory (sub/up) is not refused by name:\n%s", r.errOut)
	}
	if strings.Contains(text, "same.json") || strings.Contains(text, filepath.Join(dir, "again")) {
		t.Errorf("a symlink that stays inside the directory was refused:\n%s", r.errOut)
	}
	// The walk keeps the files inside for reading (the special ones are
	// refused by ReadFile, by name, as above) and refuses those that lead out.
	files, refused := expandObserveFiles([]string{dir})
	for _, want := range []string{"a-dependencies.json", "big.json", "pipe.jsonl", filepath.Join("sub", "same.json")} {
		if !slices.Contains(files, filepath.Join(dir, want)) {
			t.Errorf("%s is not among the files to read: %v", want, files)
		}
	}
	for _, f := range files {
		if strings.Contains(f, "leak") || strings.HasSuffix(f, "up") || strings.Contains(f, "zero") {
			t.Errorf("%s, which leads out of the directory, is to be read", f)
		}
	}
	if len(refused) < 2 {
		t.Errorf("refused %d files, want leak.json, sub/up (and zero.jsonl)", len(refused))
	}

	// Named on the command line, the file outside is read; a FIFO named
	// there is still refused without blocking.
	if out, errOut, code := runCLI(t, "discover", "-json", "--observe", secret); code != ExitOK || !strings.Contains(out, secret) {
		t.Errorf("an explicitly named file outside: exit %d, %s", code, errOut)
	}
	go func() {
		out, errOut, code := runCLI(t, "discover", "--observe", fifo)
		done <- result{out, errOut, code}
	}()
	select {
	case r = <-done:
		if r.code != ExitError || !strings.Contains(strings.Join(strings.Fields(r.errOut), " "), "is a named pipe (FIFO), not a regular file") {
			t.Errorf("a named FIFO: exit %d, %s", r.code, r.errOut)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("discover --observe FIFO still running after 60s")
	}
}
