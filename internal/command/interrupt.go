package command

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"sync"
	"syscall"
)

// Exit codes of a run stopped by a signal: 128 plus the signal's number,
// as shells report them.
const (
	ExitInterrupted = 130 // SIGINT (Ctrl-C)
	ExitTerminated  = 143 // SIGTERM
)

// interrupts holds what must be undone when a signal stops the run (the
// state's lock, a temporary file) and the critical section a signal waits
// for (the rename that puts a new state in place), so a run stopped at
// any moment leaves the old state or the new one, and no lock.
var interrupts struct {
	mu       sync.Mutex
	next     int
	cleanups map[int]func()
	// critical is held while a state is written; the signal handler takes
	// it before cleaning up, so it never releases the lock mid-write.
	critical sync.Mutex
}

// onInterrupt registers fn to run if a signal stops the run; the returned
// function unregisters it (call it once fn's work is undone normally).
func onInterrupt(fn func()) (unregister func()) {
	interrupts.mu.Lock()
	defer interrupts.mu.Unlock()
	if interrupts.cleanups == nil {
		interrupts.cleanups = map[int]func(){}
	}
	id := interrupts.next
	interrupts.next++
	interrupts.cleanups[id] = fn
	return func() {
		interrupts.mu.Lock()
		delete(interrupts.cleanups, id)
		interrupts.mu.Unlock()
	}
}

// runCleanups runs every registered cleanup once, newest first: a
// temporary file before the lock that guards it.
func runCleanups() {
	interrupts.mu.Lock()
	ids := make([]int, 0, len(interrupts.cleanups))
	for id := range interrupts.cleanups {
		ids = append(ids, id)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ids)))
	fns := make([]func(), len(ids))
	for i, id := range ids {
		fns[i] = interrupts.cleanups[id]
		delete(interrupts.cleanups, id)
	}
	interrupts.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// MainWithSignals is Main for the mrplan binary: SIGINT and SIGTERM
// cancel the run's context, wait for a state write in progress to finish,
// undo what is registered (the lock, temporary files), and end the process
// with 130 or 143. A second signal while that happens ends it at once.
func MainWithSignals(args []string, s Streams) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	go func() {
		sig, ok := <-sigs
		if !ok {
			return
		}
		cancel()
		code := ExitInterrupted
		if sig == syscall.SIGTERM {
			code = ExitTerminated
		}
		go func() {
			<-sigs
			os.Exit(code)
		}()
		interrupts.critical.Lock() // a state being written is finished first
		runCleanups()
		fmt.Fprintf(s.Err, "\nmrplan: stopped by %s; nothing half-written was left behind.\n", signalName(sig))
		os.Exit(code)
	}()
	return MainContext(ctx, args, s)
}

func signalName(sig os.Signal) string {
	if sig == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}
