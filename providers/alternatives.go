package providers

import (
	"sort"
	"strings"
)

// Alternatives lists the catalog's other products of p's kind for which
// want holds: what a finding can suggest instead of p ("aws.dynamodb-mrsc
// for strongly consistent multi-region writes"). Modes of the same product
// come first (a name that shares p's first word: dynamodb, dynamodb-mrsc),
// then the rest by name.
func (c *Catalog) Alternatives(p *Product, want func(*Product) bool) []*Product {
	if c == nil || p == nil {
		return nil
	}
	stem := func(name string) string {
		s, _, _ := strings.Cut(name, "-")
		return s
	}
	var out []*Product
	for _, q := range c.Products {
		if q != p && q.Kind == p.Kind && want(q) {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := stem(out[i].Name) == stem(p.Name), stem(out[j].Name) == stem(p.Name)
		if si != sj {
			return si
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Consensus reports whether the product orders every write by consensus
// (Raft, Paxos), so writes from several regions never conflict.
func (p *Product) Consensus() bool {
	for _, c := range p.Conflict {
		if c == ConflictConsensus {
			return true
		}
	}
	return false
}

// OffersConflict reports whether the product resolves concurrent writes
// with resolution c itself ("lww", "crdt", "custom").
func (p *Product) OffersConflict(c string) bool {
	for _, o := range p.Conflict {
		if o == c {
			return true
		}
	}
	return false
}
