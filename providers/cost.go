package providers

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"
)

// CostFact is what the catalog knows of a product's price beyond the
// planner's assumptions, with its source.
type CostFact struct {
	Product string // "gcp.spanner"
	// SyncPremium is the extra cost of each synchronously replicated region,
	// as a fraction of one region's cost.
	SyncPremium float64
	Notes       string
	Source      string // the page that states the prices
	Read        string // the day Source was read, YYYY-MM-DD
}

var loadCosts = sync.OnceValue(func() map[string]CostFact {
	b, err := dataFS.ReadFile("data/costs.json")
	if err != nil {
		panic("providers: embedded costs missing: " + err.Error())
	}
	m, err := decodeCosts(b)
	if err != nil {
		panic("providers: built-in cost data is broken: " + err.Error())
	}
	return m
})

func decodeCosts(b []byte) (map[string]CostFact, error) {
	var doc struct {
		Products []struct {
			Product     string  `json:"product"`
			SyncPremium float64 `json:"sync_premium"`
			Notes       string  `json:"notes"`
			Source      string  `json:"source"`
			Read        string  `json:"read"`
		} `json:"products"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	m := map[string]CostFact{}
	for _, p := range doc.Products {
		if _, _, ok := SplitRef(p.Product); !ok || !strings.HasPrefix(p.Source, "https://") || p.SyncPremium < 0 {
			return nil, fmt.Errorf("cost entry %q needs PROVIDER.PRODUCT, a source page (https://…) and a premium ≥ 0", p.Product)
		}
		if _, err := time.Parse(time.DateOnly, p.Read); err != nil {
			return nil, fmt.Errorf("cost entry %q needs the day its source was read (read = \"YYYY-MM-DD\")", p.Product)
		}
		if _, dup := m[p.Product]; dup {
			return nil, fmt.Errorf("cost entry %q is given twice", p.Product)
		}
		m[p.Product] = CostFact{Product: p.Product, SyncPremium: p.SyncPremium, Notes: p.Notes, Source: p.Source, Read: p.Read}
	}
	return m, nil
}

// Cost returns the price facts of the product named "PROVIDER.PRODUCT"
// (its canonical name), when the catalog has any.
func Cost(product string) (CostFact, bool) {
	c, ok := loadCosts()[product]
	return c, ok
}
