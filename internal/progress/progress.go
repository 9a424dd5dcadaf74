// Package progress draws a progress bar on standard error for runs that
// take more than a second on a terminal: the phase, a bar when the phase
// knows how much work it has, and the time so far. It draws nothing when
// the writer is not a terminal or the run ends within the second, so tests,
// CI logs and piped output never see it.
//
// The phases report through the small interface lang and the commands take
// (Phase and Add); a nil *Bar, or Nop, ignores them. progress does not know
// what the phases are: the commands name them.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Reporter is what a phase tells the bar: a new phase with its amount of
// work (0 when unknown), and work done.
type Reporter interface {
	Phase(name string, total int)
	Add(n int)
}

// Nop ignores everything.
var Nop Reporter = nop{}

type nop struct{}

func (nop) Phase(string, int) {}
func (nop) Add(int)           {}

// Delay is how long a run goes before the bar appears.
const Delay = time.Second

const width = 30

// Bar draws on w every tick once Delay has passed. Its methods are safe for
// concurrent use (files are loaded on all cores).
type Bar struct {
	w     io.Writer
	start time.Time
	stop  chan struct{}
	done  chan struct{}

	mu     sync.Mutex
	phase  string
	total  int
	n      int
	drawn  bool
	closed bool
}

// Start returns a Bar drawing on w when enabled and w is a terminal, else
// Nop and a no-op stop. Call stop when the run is done: it clears the bar.
func Start(w io.Writer, enabled, terminal bool) (r Reporter, stop func()) {
	if !enabled || !terminal {
		return Nop, func() {}
	}
	b := newBar(w, time.Now())
	go b.loop(100 * time.Millisecond)
	return b, b.Stop
}

func newBar(w io.Writer, start time.Time) *Bar {
	return &Bar{w: w, start: start, stop: make(chan struct{}), done: make(chan struct{})}
}

// Phase starts a phase of total steps (0 when not known).
func (b *Bar) Phase(name string, total int) {
	b.mu.Lock()
	b.phase, b.total, b.n = name, total, 0
	b.mu.Unlock()
}

// Add records n steps done.
func (b *Bar) Add(n int) {
	b.mu.Lock()
	b.n += n
	b.mu.Unlock()
}

func (b *Bar) loop(tick time.Duration) {
	defer close(b.done)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-b.stop:
			return
		case now := <-t.C:
			b.draw(now)
		}
	}
}

// draw writes the bar once the run is older than Delay.
func (b *Bar) draw(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	elapsed := now.Sub(b.start)
	if b.closed || elapsed < Delay || b.phase == "" {
		return
	}
	b.drawn = true
	fmt.Fprintf(b.w, "\r\x1b[K%s", b.line(elapsed))
}

// line is the bar's text: "load     [=========>          ] 45/100 1.2s".
func (b *Bar) line(elapsed time.Duration) string {
	secs := fmt.Sprintf("%.1fs", elapsed.Seconds())
	if b.total <= 0 {
		return fmt.Sprintf("%-8s %s", b.phase, secs)
	}
	done := min(b.n, b.total)
	fill := width * done / b.total
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	return fmt.Sprintf("%-8s [%s] %d/%d %s", b.phase, bar, done, b.total, secs)
}

// Stop ends the bar and clears its line if it was drawn.
func (b *Bar) Stop() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	b.mu.Unlock()
	close(b.stop)
	<-b.done
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
}
