package checks

import "testing"

func TestMR302(t *testing.T) {
	ds := findings(t, "MR302")
	wantDetail(t, ds, "aws.dynamodb-mrsc does not offer lww", "The aws catalog offers aws.dynamodb (Amazon DynamoDB global tables (multi-Region eventual consistency)), which offers lww.")
	wantDetail(t, ds, `declares conflict = "lww", but every write goes to one primary (us-east-1)`)
	wantDetail(t, ds, "service.billing in us-east-1 and service.support in eu-west-1")
}

// TestMR302LWWKeys: globally unique keys under last writer wins name the
// risk and the catalog's strongly consistent mode of the same product.
func TestMR302LWWKeys(t *testing.T) {
	ds := check(t, "testdata/MR302/lww-keys")
	wantDetail(t, ds, "a second write of the same key silently replaces the first", "The aws catalog offers aws.dynamodb-mrsc")
}
