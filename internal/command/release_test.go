package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestReleaseConfig keeps .goreleaser.yaml in step with the code, as far as
// it can be checked without GoReleaser: the build's main package exists,
// and its -X flag names the variable mrplan version prints.
func TestReleaseConfig(t *testing.T) {
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Binary  string   `yaml:"binary"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			Files []string `yaml:"files"`
		} `yaml:"archives"`
	}
	readYAML(t, "../../.goreleaser.yaml", &cfg)
	if cfg.Version != 2 || len(cfg.Builds) != 1 {
		t.Fatalf("want one build in a version 2 config: %+v", cfg)
	}
	b := cfg.Builds[0]
	if _, err := os.Stat(filepath.Join("../..", b.Main, "main.go")); err != nil || b.Binary != "mrplan" {
		t.Errorf("build main %q binary %q: %v", b.Main, b.Binary, err)
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X github.com/mrplan/mrplan/version.Version=") {
		t.Errorf("ldflags do not set the version: %v", b.Ldflags)
	}
	for _, a := range cfg.Archives {
		for _, f := range a.Files {
			if m, _ := filepath.Glob(filepath.Join("../..", f)); len(m) == 0 {
				t.Errorf("archive file %q matches nothing", f)
			}
		}
	}
}

// TestPreCommitHooks: each hook runs a command line mrplan accepts.
func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	readYAML(t, "../../.pre-commit-hooks.yaml", &hooks)
	dir := t.TempDir()
	if _, _, code := runCLI(t, "init", dir); code != ExitOK {
		t.Fatal("init")
	}
	for _, h := range hooks {
		args := strings.Fields(h.Entry)
		if len(args) == 0 || args[0] != "mrplan" || h.Language != "golang" {
			t.Errorf("hook %s: entry %q, language %q", h.ID, h.Entry, h.Language)
			continue
		}
		if h.PassFilenames == nil || *h.PassFilenames {
			args = append(args, filepath.Join(dir, "main.mr.hcl"))
		} else {
			args = append(args, dir)
		}
		if out, errOut, code := runCLI(t, args[1:]...); code != ExitOK {
			t.Errorf("hook %s: %v exits %d\n%s%s", h.ID, args, code, out, errOut)
		}
	}
	if len(hooks) != 2 {
		t.Errorf("want the fmt and validate hooks, got %d", len(hooks))
	}
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
