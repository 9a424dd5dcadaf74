package progress

import (
	"strings"
	"testing"
	"time"
)

// Off the terminal, or when not asked for, there is no bar at all.
func TestStartOff(t *testing.T) {
	var w strings.Builder
	for _, c := range []struct{ enabled, terminal bool }{{false, false}, {true, false}, {false, true}} {
		r, stop := Start(&w, c.enabled, c.terminal)
		if r != Nop {
			t.Fatalf("enabled %v, terminal %v: got a bar", c.enabled, c.terminal)
		}
		r.Phase("load", 3)
		r.Add(1)
		stop()
	}
	if w.Len() != 0 {
		t.Fatalf("wrote %q", w.String())
	}
}

// Within the first second nothing is drawn; after it, the phase and its
// bar, and stopping clears the line. Times are given, not waited for.
func TestBarDraws(t *testing.T) {
	var w strings.Builder
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newBar(&w, t0)
	b.Phase("load", 4)
	b.Add(1)
	b.draw(t0.Add(500 * time.Millisecond))
	if w.Len() != 0 {
		t.Fatalf("drew before a second: %q", w.String())
	}
	b.Add(1)
	b.draw(t0.Add(1500 * time.Millisecond))
	want := "\r\x1b[Kload     [===============>              ] 2/4 1.5s"
	if w.String() != want {
		t.Fatalf("drew %q, want %q", w.String(), want)
	}
	b.Phase("plan", 0)
	w.Reset()
	b.draw(t0.Add(2 * time.Second))
	if w.String() != "\r\x1b[Kplan     2.0s" {
		t.Fatalf("drew %q", w.String())
	}
	w.Reset()
	go b.loop(time.Hour)
	b.Stop()
	if w.String() != "\r\x1b[K" {
		t.Fatalf("stop wrote %q, want the line cleared", w.String())
	}
}
