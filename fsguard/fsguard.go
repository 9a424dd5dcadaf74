// Package fsguard reads and places the files mrplan is given with the
// care untrusted input needs (a pull request from a fork is one): only
// regular files, no larger than a limit, and, for what a module names or
// holds, only inside the module's tree after symlinks. lang, state and the
// command layer all read through it; it knows nothing of what the files
// mean.
package fsguard

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// DefaultMaxFileBytes is the largest file mrplan reads as a module file,
// a manifest or a saved plan unless told otherwise: 64 MiB, some hundred
// times the largest hand-written module, and still well under what a
// CI runner's memory holds when the file is parsed.
const DefaultMaxFileBytes int64 = 64 << 20

// maxFileBytes is the size limit in force; the command line sets it from
// --max-file-size or MRPLAN_MAX_FILE_SIZE. Zero or less means no limit.
// It is atomic because runs of the command in one process (tests, the
// language server) set and read it at once.
var maxFileBytes = func() *atomic.Int64 {
	var n atomic.Int64
	n.Store(DefaultMaxFileBytes)
	return &n
}()

// MaxFileBytes is the size limit in force.
func MaxFileBytes() int64 { return maxFileBytes.Load() }

// SetMaxFileBytes sets the size limit; zero or less means none.
func SetMaxFileBytes(n int64) { maxFileBytes.Store(n) }

// RefusedError says why mrplan would not read a file: it is not a regular
// file (a FIFO, a device, a socket, a directory), it is larger than the
// limit, or it resolves outside the module's tree.
type RefusedError struct {
	File   string // as it was named
	Reason string // a clause: "is a named pipe (FIFO), not a regular file"
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refused to read %s: it %s", e.File, e.Reason)
}

// ReadRegularFile reads name, refusing anything but a regular file (after
// symlinks) and anything larger than limit (none when limit <= 0). It
// never blocks on a FIFO nor reads a device without end: the file is
// opened without waiting and checked before a byte is read, and at most
// limit+1 bytes are read in case it grows meanwhile.
func ReadRegularFile(name string, limit int64) ([]byte, error) {
	if info, err := os.Stat(name); err == nil {
		if err := checkRegular(name, info, limit); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(name, info, limit); err != nil {
		return nil, err
	}
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	buf := make([]byte, 0, info.Size()+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
	if limit > 0 && int64(len(buf)) > limit {
		return nil, tooLarge(name, limit)
	}
	return buf, nil
}

// OpenRegularFile opens name to be streamed, with the checks of
// ReadRegularFile: a FIFO, a device, a socket or a directory is refused
// without waiting or reading a byte, and so is a file larger than limit
// (none when limit <= 0). Reading past limit bytes, should the file grow
// meanwhile, fails with the same *RefusedError. The caller closes it.
func OpenRegularFile(name string, limit int64) (io.ReadCloser, error) {
	if info, err := os.Stat(name); err == nil {
		if err := checkRegular(name, info, limit); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if err := checkRegular(name, info, limit); err != nil {
		f.Close()
		return nil, err
	}
	if limit <= 0 {
		return f, nil
	}
	return &limitedFile{f: f, name: name, limit: limit, left: limit}, nil
}

// limitedFile reads at most limit bytes of a file, then refuses it.
type limitedFile struct {
	f     *os.File
	name  string
	limit int64
	left  int64
}

func (l *limitedFile) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One byte more says whether the file really goes on.
		var b [1]byte
		if n, _ := l.f.Read(b[:]); n > 0 {
			return 0, tooLarge(l.name, l.limit)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.f.Read(p)
	l.left -= int64(n)
	return n, err
}

func (l *limitedFile) Close() error { return l.f.Close() }

func checkRegular(name string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return &RefusedError{File: name, Reason: "is " + fileKind(info.Mode()) + ", not a regular file"}
	}
	if limit > 0 && info.Size() > limit {
		return tooLarge(name, limit)
	}
	return nil
}

// CheckSize refuses a text of size bytes standing for the file name (an
// editor's unsaved copy of it, say) when it is larger than the limit in
// force, as reading the file would.
func CheckSize(name string, size int64) error {
	if limit := MaxFileBytes(); limit > 0 && size > limit {
		return tooLarge(name, limit)
	}
	return nil
}

func tooLarge(name string, limit int64) error {
	return &RefusedError{File: name, Reason: fmt.Sprintf("is larger than the limit of %d bytes (raise it with --max-file-size or MRPLAN_MAX_FILE_SIZE)", limit)}
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "a special file"
}

// ResolveInside resolves path, relative to root unless absolute, after
// every symlink, and returns the resolved path when it lies in root's tree
// (root resolved the same way): the rule for whatever a module names or
// holds that mrplan reads or writes (its files, child module sources,
// manifests found in it, its state file). A path that leaves the tree,
// by "..", an absolute path or a symlink, is a *RefusedError naming it.
// A path that does not exist yet resolves as far as it exists, so a state
// file to be created can be checked too.
func ResolveInside(root, path string) (string, error) {
	realRoot, err := ResolveExisting(root)
	if err != nil {
		return "", err
	}
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(root, path)
	}
	real, err := ResolveExisting(full)
	if err != nil {
		return "", err
	}
	if !Within(realRoot, real) {
		return "", &RefusedError{File: path, Reason: "resolves to " + real + ", outside the module directory " + realRoot}
	}
	return real, nil
}

// ResolveExisting is path made absolute with its symlinks resolved; the
// part of it that does not exist yet is joined on as written.
func ResolveExisting(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	var rest []string
	for p := abs; ; {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// Within says whether path is root or under it; both are clean and
// absolute.
func Within(root, path string) bool {
	if path == root {
		return true
	}
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
