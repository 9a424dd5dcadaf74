package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/mrplan/mrplan/fsguard"
)

// LockPath is the lock file of the state at path.
func LockPath(path string) string { return path + ".lock" }

type lockInfo struct {
	PID     int    `json:"pid"`
	Created string `json:"created"`
	Host    string `json:"host"`
}

// Lock takes the state's lock: it creates path.lock with O_EXCL, retrying
// until timeout when another run holds it. The returned function releases
// it. A lock left by a run that died stays until someone removes it; the
// error says who held it and since when, so a person can judge.
func Lock(path string, timeout time.Duration) (unlock func() error, err error) {
	lp := LockPath(path)
	host, _ := os.Hostname()
	info, _ := json.Marshal(lockInfo{PID: os.Getpid(), Created: time.Now().UTC().Format(time.RFC3339), Host: host})
	deadline := time.Now().Add(timeout)
	wait := 20 * time.Millisecond
	for {
		f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.Write(append(info, '\n'))
			cerr := f.Close()
			if werr != nil || cerr != nil {
				os.Remove(lp)
				return nil, fmt.Errorf("cannot write the lock %s: %v", lp, errors.Join(werr, cerr))
			}
			return func() error { return os.Remove(lp) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot lock the state %s: %w", path, err)
		}
		if !time.Now().Before(deadline) {
			return nil, lockedError(path, lp, timeout)
		}
		time.Sleep(min(wait, time.Until(deadline)+time.Millisecond))
		wait = min(wait*2, 500*time.Millisecond)
	}
}

func lockedError(path, lp string, timeout time.Duration) error {
	who, gone := "another run", false
	if src, err := os.ReadFile(lp); err == nil {
		var li lockInfo
		if json.Unmarshal(src, &li) == nil && li.PID > 0 {
			who = fmt.Sprintf("pid %d", li.PID)
			if li.Host != "" {
				who += " on " + li.Host
			}
			if li.Created != "" {
				who += " since " + li.Created
			}
			host, _ := os.Hostname()
			gone = li.Host == host && processGone(li.PID)
		}
	}
	if gone {
		return fmt.Errorf("the state %s is locked by %s, and that process is no longer running: it stopped before it could release the lock %s. Release it with mrplan force-unlock", path, who, lp)
	}
	return fmt.Errorf("the state %s is locked by %s (waited %s); if that run is dead, release the lock %s with mrplan force-unlock", path, who, timeout, lp)
}

// LockHolder describes who holds the lock of the state at path.
type LockHolder struct {
	PID     int
	Host    string
	Created string
	// Dead says the holder ran on this machine and no longer runs.
	Dead bool
}

func (h LockHolder) String() string {
	if h.PID <= 0 {
		return "an unknown run"
	}
	s := fmt.Sprintf("pid %d", h.PID)
	if h.Host != "" {
		s += " on " + h.Host
	}
	if h.Created != "" {
		s += " since " + h.Created
	}
	return s
}

// ReadLock reports who holds the state's lock; fs.ErrNotExist when no
// one does.
func ReadLock(path string) (LockHolder, error) {
	src, err := fsguard.ReadRegularFile(LockPath(path), 1<<16)
	if err != nil {
		return LockHolder{}, err
	}
	var li lockInfo
	if json.Unmarshal(src, &li) != nil {
		return LockHolder{}, nil
	}
	h := LockHolder{PID: li.PID, Host: li.Host, Created: li.Created}
	host, _ := os.Hostname()
	h.Dead = li.PID > 0 && li.Host == host && processGone(li.PID)
	return h, nil
}

// UnlockIfOurs removes the state's lock if this process holds it: what a
// signal handler calls, which cannot tell whether Lock had returned.
func UnlockIfOurs(path string) {
	h, err := ReadLock(path)
	host, _ := os.Hostname()
	if err == nil && h.PID == os.Getpid() && h.Host == host {
		os.Remove(LockPath(path))
	}
}

// ForceUnlock removes the state's lock.
func ForceUnlock(path string) error { return os.Remove(LockPath(path)) }

// processGone says whether no process has the pid on this machine. Where
// that cannot be told, it says false: a lock is never called stale on a
// guess.
func processGone(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}
