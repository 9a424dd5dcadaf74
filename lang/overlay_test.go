package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/fsguard"
)

// TestOverlay: texts in LoadOptions.Overlay stand for the files on disk,
// in the root module, in child modules (one reached with "../") and in
// auto variables files, and files not saved yet count; ranges name the
// real files.
func TestOverlay(t *testing.T) {
	dir, err := filepath.Abs("testdata/valid/composition")
	if err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "cells", "store", "main.mr.hcl") // module.cell's "../store"
	disk, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}

	// An error typed into the child's child: reported in its real file.
	broken := strings.Replace(string(disk), "region[var.region]", "region[var.regio]", 1)
	_, diags := LoadDirOptions(dir, LoadOptions{Overlay: map[string][]byte{store: []byte(broken)}})
	if !diags.HasErrors() {
		t.Fatal("the overlay's error in cells/store is not reported")
	}
	for _, d := range diags {
		if d.Subject == nil || d.Subject.Filename != store {
			t.Errorf("diagnostic not in %s: %s", store, d.Error())
		}
	}

	// Unsaved files: a module file and an auto variables file not on disk.
	extra := filepath.Join(dir, "extra.mr.hcl")
	auto := filepath.Join(dir, "dev.auto.mrvars.hcl")
	m, diags := LoadDirOptions(dir, LoadOptions{Overlay: map[string][]byte{
		extra: []byte("service \"added\" {\n  regions = [region.us-east-1]\n}\n"),
		auto:  []byte("workers = 3\n"),
		store: disk,
	}})
	if len(diags) > 0 {
		t.Fatal(diags.Error())
	}
	if m.Service("added") == nil || string(m.Files[extra]) == "" {
		t.Error("the unsaved module file was not loaded")
	}
	if m.Service("worker[2]") == nil {
		t.Error("workers = 3 from the unsaved auto variables file was not used")
	}
	for _, v := range m.Variables {
		if v.Name == "workers" && v.From != "dev.auto.mrvars.hcl" {
			t.Errorf("workers comes from %q", v.From)
		}
	}
}

// TestOverlayKeepsBoundaries: an overlay does not let in what validate
// refuses: a module file or auto variables file that is a symlink out of
// the module's tree is refused though the editor holds its text.
func TestOverlayKeepsBoundaries(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.hcl")
	if err := os.WriteFile(secret, []byte("workers = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeModuleFiles(t, map[string]string{"main.mr.hcl": varsModule})
	linked := filepath.Join(dir, "linked.mr.hcl")
	vars := filepath.Join(dir, "x.auto.mrvars.hcl")
	for _, p := range []string{linked, vars} {
		if err := os.Symlink(secret, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	_, diags := LoadDirOptions(dir, LoadOptions{
		Vars:    []VarArg{{Name: "env", Value: "x"}},
		Overlay: map[string][]byte{linked: []byte("# typed in the editor\n")},
	})
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.Error())
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "Module file refused") || !strings.Contains(text, "linked.mr.hcl") {
		t.Errorf("the overlaid symlink out of the module is not refused: %s", text)
	}
	if !strings.Contains(text, "x.auto.mrvars.hcl") || !strings.Contains(text, "outside the module directory") {
		t.Errorf("the auto variables file linked out of the module is not refused: %s", text)
	}
}

// TestOverlaySizeLimit: an unsaved text larger than the file size limit
// is refused as the file would be.
func TestOverlaySizeLimit(t *testing.T) {
	dir := writeModuleFiles(t, map[string]string{"main.mr.hcl": "provider \"aws\" {}\n"})
	defer fsguard.SetMaxFileBytes(fsguard.MaxFileBytes())
	fsguard.SetMaxFileBytes(64)
	big := filepath.Join(dir, "big.mr.hcl")
	_, diags := LoadDirOptions(dir, LoadOptions{Overlay: map[string][]byte{big: []byte("# " + strings.Repeat("x", 100) + "\n")}})
	if !diags.HasErrors() || !strings.Contains(diags[0].Detail, "larger than the limit of 64 bytes") || diags[0].Subject.Filename != big {
		t.Errorf("the oversized unsaved file is not refused: %v", diags)
	}
}
