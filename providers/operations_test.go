package providers

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestOperationsLoad: every built-in operations entry names a product of
// its catalog and the vendor page it was taken from.
func TestOperationsLoad(t *testing.T) {
	refs := OperationRefs()
	if len(refs) < 30 {
		t.Fatalf("%d products with operations, want the replicating stores of every catalog", len(refs))
	}
	reg := NewRegistry()
	for _, ref := range refs {
		op, ok := ProductOperation(ref)
		if !ok || op.Ref != ref {
			t.Fatalf("ProductOperation(%q) = %+v, %v", ref, op, ok)
		}
		if _, ok := reg.Product(ref); !ok {
			t.Errorf("%s: no such catalog product", ref)
		}
		if !strings.HasPrefix(op.Source, "https://") || op.FailBack == "" {
			t.Errorf("%s: source %q, fail_back %q", ref, op.Source, op.FailBack)
		}
	}
}

func TestOperationsRejectBadData(t *testing.T) {
	for name, body := range map[string]string{
		"unknown product": `{"products":[{"name":"nosuch","promote":"x","source":"https://example.com"}]}`,
		"no source":       `{"products":[{"name":"dynamodb","promote":"x"}]}`,
		"unknown field":   `{"products":[{"name":"dynamodb","promote":"x","source":"https://example.com","typo":1}]}`,
		"lag no source":   `{"products":[{"name":"dynamodb","promote":"x","source":"https://example.com","lag":{"expr":"x"}}]}`,
	} {
		fsys := fstest.MapFS{"data/aws/operations.json": {Data: []byte(body)}}
		if _, err := decodeOperations(fsys, Builtins()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
