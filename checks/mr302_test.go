package checks

import "testing"

func TestMR302(t *testing.T) {
	ds := findings(t, "MR302")
	wantDetail(t, ds, "aws.dynamodb does not offer crdt")
	wantDetail(t, ds, "service.billing in us-east-1 and service.support in eu-west-1")
}
