package checks

import "testing"

func TestMR207(t *testing.T) {
	wantDetail(t, findings(t, "MR207"), "replicates only to eastus's pair, westus", "copy in westeurope")
}
