package checks

import "testing"

func TestMR602(t *testing.T) {
	ds := findings(t, "MR602")
	wantDetail(t, ds, "data.players may be kept only in CN", "cn-hongkong (HK) and ap-northeast-1 (JP)")
}
