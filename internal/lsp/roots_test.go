package lsp

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFindRoot: a child module's directory, reached directly or through
// another child with "../", belongs to the root that calls it; a module
// no one calls is its own root; a module call added and saved moves the
// open documents to their new root.
func TestFindRoot(t *testing.T) {
	repo := t.TempDir()
	_ = os.WriteFile(filepath.Join(repo, ".git"), nil, 0o644)
	root := filepath.Join(repo, "composition")
	copyTree(t, filepath.Join("..", "..", "lang", "testdata", "valid", "composition"), root)
	lone := filepath.Join(repo, "lone")
	_ = os.MkdirAll(lone, 0o755)
	_ = os.WriteFile(filepath.Join(lone, "main.mr.hcl"), []byte("provider \"aws\" {}\nregion \"us-east-1\" {}\n"), 0o644)

	ws := newWorkspace()
	defer ws.stop()
	for dir, want := range map[string]string{
		root:                               root,
		filepath.Join(root, "cells/cell"):  root,
		filepath.Join(root, "cells/store"): root, // module.cell's "../store"
		lone:                               lone,
	} {
		if got := findRoot(dir, ws.readLocked); got != want {
			t.Errorf("findRoot(%s) = %s, want %s", dir, got, want)
		}
	}

	// The lone module's file is open; then the repository's top module
	// starts calling it and is saved.
	path := filepath.Join(lone, "main.mr.hcl")
	ws.open(path, []byte(mustRead(t, path)), 1, false)
	if d, _ := ws.document(path); d.root != lone {
		t.Fatalf("root before the call: %s", d.root)
	}
	top := filepath.Join(repo, "main.mr.hcl")
	_ = os.WriteFile(top, []byte("module \"lone\" {\n  source = \"./lone\"\n}\n"), 0o644)
	ws.saved(top)
	if d, _ := ws.document(path); d.root != repo {
		t.Errorf("root after the call was saved: %s, want %s", d.root, repo)
	}
}
