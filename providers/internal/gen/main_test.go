package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun generates region files from a small made-up upstream list and
// checks the corrections, the filters and the one-region-a-line layout.
func TestRun(t *testing.T) {
	out := t.TempDir()
	if err := run("testdata/regions.json", out); err != nil {
		t.Fatal(err)
	}
	read := func(p string) ([]region, string) {
		b, err := os.ReadFile(filepath.Join(out, p, "regions.json"))
		if err != nil {
			t.Fatal(err)
		}
		var rs []region
		if err := json.Unmarshal(b, &rs); err != nil {
			t.Fatal(err)
		}
		return rs, string(b)
	}
	aws, text := read("aws")
	if got := strings.Count(text, "\n"); got != len(aws)+2 {
		t.Errorf("aws/regions.json has %d lines for %d regions; want one a line between brackets", got, len(aws))
	}
	byCode := map[string]region{}
	for i, r := range aws {
		byCode[r.Code] = r
		if i > 0 && aws[i-1].Code > r.Code {
			t.Errorf("not sorted: %s before %s", aws[i-1].Code, r.Code)
		}
	}
	if r := byCode["us-west-2"]; r.City != "Boardman" || r.Source != "https://aws.amazon.com/about-aws/global-infrastructure/regions_az/" {
		t.Errorf("us-west-2 = %+v", r)
	}
	if r := byCode["us-west-1"]; r.Zones != 3 {
		t.Errorf("us-west-1 zones = %d, want 3", r.Zones)
	}
	if r := byCode["us-west-1"]; r.Continent != "North America" {
		t.Errorf("continent = %q", r.Continent)
	}
	azure, _ := read("azure")
	if len(azure) != 1 || azure[0].Code != "eastus" || !strings.Contains(azure[0].Notes, "state") {
		t.Errorf("azure = %+v; want eastus alone (the preview region dropped) with a note on its state", azure)
	}
	gcp, _ := read("gcp")
	for _, r := range gcp {
		if r.Code == "us-east1" && r.Zones != 3 {
			t.Errorf("gcp us-east1 zones = %d, want 3", r.Zones)
		}
		if r.Code == "asia-northeast2" && !strings.Contains(r.Notes, "one or two physical data centres") {
			t.Errorf("gcp asia-northeast2 notes = %q", r.Notes)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "oci")); !os.IsNotExist(err) {
		t.Errorf("oci regions written: %v", err)
	}
}

func TestRunUnusedCorrection(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "regions.json")
	if err := os.WriteFile(in, []byte(`{"regions": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(in, dir); err == nil || !strings.Contains(err.Error(), "matches no region") {
		t.Errorf("run over an empty list: %v, want a correction that matches no region", err)
	}
}
