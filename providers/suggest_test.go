package providers

import "testing"

func TestSuggest(t *testing.T) {
	codes := []string{"eu-west-1", "eu-west-2", "us-east-1"}
	cases := map[string]string{
		"eu-wset-1":  "eu-west-1",
		"us-est-1":   "us-east-1",
		"eu-west-3":  "eu-west-1", // a tie goes to the first in order
		"ap-south-1": "",
	}
	for given, want := range cases {
		if got := Suggest(given, codes); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", given, got, want)
		}
	}
}

func TestSplitRef(t *testing.T) {
	for ref, want := range map[string][3]any{
		"aws.dynamodb": {"aws", "dynamodb", true},
		"aws.":         {"aws", "", false},
		".dynamodb":    {"", "dynamodb", false},
		"aws":          {"aws", "", false},
	} {
		p, n, ok := SplitRef(ref)
		if p != want[0] || n != want[1] || ok != want[2] {
			t.Errorf("SplitRef(%q) = %q, %q, %v", ref, p, n, ok)
		}
	}
}
