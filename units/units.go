// Package units parses and prints the unit strings of the mrplan language:
// durations ("90s", "7d"), sizes ("500GB", "2TiB") and percentages ("99.95%").
//
// It is a leaf package shared by lang, providers and planner, so that a
// duration read from a module and one read from a catalog print alike.
package units

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Day is the length of the "d" suffix. mrplan's days are always 24 hours:
// objectives are budgets, not calendar dates.
const Day = 24 * time.Hour

// ParseDuration reads Go duration syntax extended with a "d" (day) unit,
// such as "0s", "500ms", "1h30m" or "7d". Negative durations are rejected:
// nothing in the language can take less than no time.
func ParseDuration(s string) (time.Duration, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, fmt.Errorf("a duration cannot be empty")
	}
	if strings.HasPrefix(in, "-") {
		return 0, fmt.Errorf("a duration cannot be negative")
	}
	// Split off a leading "<n>d" part, which time.ParseDuration lacks.
	var days time.Duration
	if i := strings.IndexByte(in, 'd'); i >= 0 {
		n, err := strconv.ParseFloat(in[:i], 64)
		if err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
			return 0, fmt.Errorf("%q is not a duration; write a number and a unit, such as \"90s\", \"5m\", \"4h\" or \"7d\"", s)
		}
		if n > float64(math.MaxInt64)/float64(Day) {
			return 0, fmt.Errorf("%q is too long a duration", s)
		}
		days = time.Duration(n * float64(Day))
		in = in[i+1:]
		if in == "" {
			return days, nil
		}
	}
	if in == "0" && days == 0 {
		return 0, nil
	}
	d, err := time.ParseDuration(in)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration; write a number and a unit, such as \"90s\", \"5m\", \"4h\" or \"7d\"", s)
	}
	if d > math.MaxInt64-days {
		return 0, fmt.Errorf("%q is too long a duration", s)
	}
	return days + d, nil
}

// FormatDuration prints d in the language's own syntax, shortest exact form
// first: 0 → "0s", 90s → "1m30s", 48h → "2d", 1500ms → "1.5s".
// ParseDuration(FormatDuration(d)) == d for every non-negative d.
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var b strings.Builder
	if days := d / Day; days > 0 {
		fmt.Fprintf(&b, "%dd", days)
		d -= days * Day
		if d == 0 {
			return b.String()
		}
	}
	if d < time.Second {
		b.WriteString(d.String()) // "500ms", "250µs"
		return b.String()
	}
	if h := d / time.Hour; h > 0 {
		fmt.Fprintf(&b, "%dh", h)
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		fmt.Fprintf(&b, "%dm", m)
		d -= m * time.Minute
	}
	if d > 0 {
		// Whole seconds and nanoseconds as integers: a float would print
		// 1.6828s as 1.6827999999999999s.
		b.WriteString(strconv.FormatInt(int64(d/time.Second), 10))
		if frac := int64(d % time.Second); frac > 0 {
			b.WriteString("." + strings.TrimRight(fmt.Sprintf("%09d", frac), "0"))
		}
		b.WriteString("s")
	}
	return b.String()
}

var sizeUnits = []struct {
	suffix string
	mult   float64
}{
	// Longest suffixes first so "KiB" is not read as "B".
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"PiB", 1 << 50},
	{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"PB", 1e15},
	{"B", 1},
}

// ParseSize reads a byte size with an SI (KB … PB, powers of 1000) or IEC
// (KiB … PiB, powers of 1024) suffix, or plain bytes ("512B").
func ParseSize(s string) (int64, error) {
	in := strings.TrimSpace(s)
	for _, u := range sizeUnits {
		if !strings.HasSuffix(in, u.suffix) {
			continue
		}
		num := strings.TrimSpace(strings.TrimSuffix(in, u.suffix))
		n, err := strconv.ParseFloat(num, 64)
		if err != nil || n < 0 || math.IsNaN(n) || math.IsInf(n, 0) {
			break
		}
		v := n * u.mult
		if v > math.MaxInt64 {
			return 0, fmt.Errorf("%q is too large a size", s)
		}
		return int64(v), nil
	}
	return 0, fmt.Errorf("%q is not a size; write a number and a unit, such as \"500GB\" or \"2TiB\"", s)
}

// FormatSize prints a byte count with the largest IEC or SI unit that
// divides it exactly, falling back to a rounded SI figure.
func FormatSize(n int64) string {
	if n == 0 {
		return "0B"
	}
	exact := []struct {
		suffix string
		mult   int64
	}{
		{"PiB", 1 << 50}, {"PB", 1e15}, {"TiB", 1 << 40}, {"TB", 1e12},
		{"GiB", 1 << 30}, {"GB", 1e9}, {"MiB", 1 << 20}, {"MB", 1e6}, {"KiB", 1 << 10}, {"KB", 1e3},
	}
	for _, u := range exact {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.suffix
		}
	}
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"PB", 1e15}, {"TB", 1e12}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}} {
		if float64(n) >= u.mult {
			return strconv.FormatFloat(float64(n)/u.mult, 'f', 1, 64) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}

// ParsePercent reads "99.95%" or "99.95" as 99.95. The value must lie in
// 0..100.
func ParsePercent(s string) (float64, error) {
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(in, 64)
	if err != nil || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not a percentage; write it as \"99.95%%\" or 99.95", s)
	}
	if v < 0 || v > 100 {
		return 0, fmt.Errorf("%q is not between 0%% and 100%%", s)
	}
	return v, nil
}
