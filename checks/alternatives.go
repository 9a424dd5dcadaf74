package checks

import (
	"strings"

	"github.com/mrplan/mrplan/providers"
)

// alternative is the sentence a finding adds when the product's catalog
// offers something that fits better: " The aws catalog offers
// aws.dynamodb-mrsc (Amazon DynamoDB global tables (multi-Region strong
// consistency)), which …" — or "" when it offers nothing. why finishes the
// sentence, after "which".
func alternative(ctx *Context, prod *providers.Product, want func(*providers.Product) bool, why string) string {
	if prod == nil || ctx.Module == nil || ctx.Module.Registry == nil {
		return ""
	}
	cat, ok := ctx.Module.Registry.Catalog(prod.Provider)
	if !ok {
		return ""
	}
	alts := cat.Alternatives(prod, want)
	if len(alts) == 0 {
		return ""
	}
	a := alts[0]
	title := ""
	if a.Title != "" && a.Title != a.Name {
		title = " (" + a.Title + ")"
	}
	return " The " + cat.Name + " catalog offers " + a.Ref() + title + ", which " + why + "."
}

// sameFamily reports whether two products are modes of one product: their
// names share the first word (dynamodb, dynamodb-mrsc).
func sameFamily(a, b *providers.Product) bool {
	if a == nil || b == nil {
		return false
	}
	sa, _, _ := strings.Cut(a.Name, "-")
	sb, _, _ := strings.Cut(b.Name, "-")
	return sa == sb
}

// strongMultiRegion: writes in several regions ordered by consensus, so
// no write is lost to a conflict and no duplicate slips through.
func strongMultiRegion(p *providers.Product) bool { return p.MultiWriter && p.Consensus() }
