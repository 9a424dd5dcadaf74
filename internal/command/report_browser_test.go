package command

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

const chromiumPath = "/usr/bin/chromium"

// chromium returns the path of a headless Chromium, or skips the test and
// says why. Tests never install software: .ci/run installs Debian's
// chromium package before it runs them.
func chromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err == nil {
		return chromiumPath
	}
	if path, err := exec.LookPath("chromium"); err == nil {
		return path
	}
	t.Log("!!! BROWSER TEST SKIPPED: no chromium on this machine; install Debian's chromium package (.ci/run does) to run it !!!")
	t.Skip("chromium is not installed")
	return ""
}

func lastLines(b []byte, n int) []byte {
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return bytes.Join(lines, []byte("\n"))
}

// headless runs Chromium on page with one output flag, offline in spirit:
// no background networking, no component updates, a fresh profile.
func headless(t *testing.T, browser, page string, output ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,2400",
	}, output...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, browser, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", output, err, lastLines(out, 20))
	}
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// TestReportBrowser renders each example's HTML report in headless Chromium
// to PNG and to PDF, and checks that something was drawn and printed. Set
// MRPLAN_REPORT_SHOTS=DIR to keep the images for a look.
func TestReportBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is not short")
	}
	browser := chromium(t)
	keep := os.Getenv("MRPLAN_REPORT_SHOTS")
	start := time.Now()
	for _, dir := range exampleDirs(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			tmp := t.TempDir()
			page := filepath.Join(tmp, name+".html")
			if err := os.WriteFile(page, renderReport(t, dir, "report.html"), 0o644); err != nil {
				t.Fatal(err)
			}
			shot, pdf := filepath.Join(tmp, name+".png"), filepath.Join(tmp, name+".pdf")
			headless(t, browser, page, "--screenshot="+shot)
			headless(t, browser, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")

			f, err := os.Open(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			img, err := png.Decode(f)
			f.Close()
			if err != nil {
				t.Fatalf("the screenshot is not a PNG: %v", err)
			}
			if n := distinctColours(img, 64); n < 64 {
				t.Errorf("the screenshot looks blank: %d distinct colours", n)
			}
			doc, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatalf("no PDF: %v", err)
			}
			if n := len(pdfPage.FindAll(doc, -1)); n < 2 {
				t.Errorf("the PDF has %d page(s), want 2 or more", n)
			}
			if keep != "" {
				for _, p := range []string{shot, pdf} {
					b, _ := os.ReadFile(p)
					os.WriteFile(filepath.Join(keep, filepath.Base(p)), b, 0o644)
				}
			}
		})
	}
	t.Run("dark", func(t *testing.T) {
		// The page follows the reader's colour scheme: with a dark
		// preference its background is dark.
		dir := exampleDirs(t)[0]
		page := filepath.Join(t.TempDir(), "dark.html")
		if err := os.WriteFile(page, renderReport(t, dir, "report.html"), 0o644); err != nil {
			t.Fatal(err)
		}
		shot := filepath.Join(t.TempDir(), "dark.png")
		headless(t, browser, page, "--force-dark-mode", "--screenshot="+shot)
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		r, g, b, _ := img.At(4, 4).RGBA()
		if luma := (299*(r>>8) + 587*(g>>8) + 114*(b>>8)) / 1000; luma > 80 {
			t.Errorf("with a dark preference the page background has luma %d, want a dark one", luma)
		}
	})
	t.Logf("browser test took %s", time.Since(start).Round(time.Millisecond))
}

// distinctColours counts colours in img, stopping at limit.
func distinctColours(img image.Image, limit int) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}
