// Package providers holds the catalogs of regions and products that mrplan
// plans with: the built-in aws, gcp, azure, alicloud and generic catalogs,
// embedded in the binary with the public source of every fact, and custom
// catalogs that a module declares inline. It also owns geography: distances
// between regions, round-trip estimates with their speed-of-light floor, and
// the pattern (same-city, cross-city, cross-country) of a set of regions.
//
// The data lives in providers/data (see its README); load.go decodes it once
// and Catalog.Check holds every catalog, built-in or custom, to the same
// rules. Registry is what lang resolves `provider`, `region` and `product`
// against; values.go lists the valid values of every enumerated field for
// lang's diagnostics; geo.go is what planner estimates round trips with,
// from the published measurements or, where none exists, the model that
// rttmodel.go fits to them (and validates leaving one source out).
// endpoints.go holds the hostname patterns of each catalog's APIs
// (data/NAME/endpoints.json), which name the hosts observe reads in DNS
// logs, and the Terraform resource type of each product.
//
// It depends on nothing else in mrplan; lang and planner read it.
package providers
