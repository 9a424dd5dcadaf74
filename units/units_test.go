package units

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"0s", 0}, {"0", 0}, {"500ms", 500 * time.Millisecond}, {"90s", 90 * time.Second},
		{"5m", 5 * time.Minute}, {"4h", 4 * time.Hour}, {"7d", 7 * Day}, {"1d12h", Day + 12*time.Hour},
		{"1.5d", 36 * time.Hour}, {" 30s ", 30 * time.Second},
	} {
		got, err := ParseDuration(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "-5s", "5", "ten minutes", "5x", "d", "1dd", "3w", "9999999999999d"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted a bad duration", bad)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for _, tc := range []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"}, {-time.Second, "0s"}, {500 * time.Millisecond, "500ms"}, {90 * time.Second, "1m30s"},
		{time.Minute, "1m"}, {48 * time.Hour, "2d"}, {1500 * time.Millisecond, "1.5s"},
		{Day + time.Hour + time.Second, "1d1h1s"}, {Day + 500*time.Millisecond, "1d500ms"},
		{1682800 * time.Microsecond, "1.6828s"}, {time.Minute + time.Second + time.Nanosecond, "1m1.000000001s"},
	} {
		if got := FormatDuration(tc.in); got != tc.want {
			t.Errorf("FormatDuration(%v) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		out  string
	}{
		{"500GB", 500e9, "500GB"}, {"2TiB", 2 << 40, "2TiB"}, {"1KiB", 1024, "1KiB"}, {"512B", 512, "512B"},
		{"1.5TB", 1.5e12, "1500GB"}, {"0B", 0, "0B"}, {"1PB", 1e15, "1PB"},
	} {
		got, err := ParseSize(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			continue
		}
		if f := FormatSize(got); f != tc.out {
			t.Errorf("FormatSize(%d) = %q; want %q", got, f, tc.out)
		}
	}
	for _, bad := range []string{"", "GB", "-1GB", "12", "5XB", "1e400GB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted a bad size", bad)
		}
	}
}

func TestParsePercent(t *testing.T) {
	for in, want := range map[string]float64{"99.95%": 99.95, "99.95": 99.95, "100%": 100, "0": 0} {
		if got, err := ParsePercent(in); err != nil || got != want {
			t.Errorf("ParsePercent(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "%", "101%", "-1", "high"} {
		if _, err := ParsePercent(bad); err == nil {
			t.Errorf("ParsePercent(%q) accepted a bad percentage", bad)
		}
	}
}

// FuzzDurationRoundTrip checks that every duration prints in a form that
// parses back to itself, and that parsing never panics.
func FuzzDurationRoundTrip(f *testing.F) {
	for _, s := range []string{"0s", "90s", "7d", "1d12h30m", "500ms", "1.5s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		back, err := ParseDuration(FormatDuration(d))
		if err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", s, d, FormatDuration(d), back, err)
		}
	})
}
