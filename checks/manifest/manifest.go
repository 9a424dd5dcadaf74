package manifest

import (
	"github.com/hashicorp/hcl/v2"
)

// Manifest is one service's list of what its code really calls.
type Manifest struct {
	Filename string
	Src      []byte // the whole file's bytes, for snippets and ignore comments
	// Service names the module's service the manifest is about.
	Service      string
	ServiceRange hcl.Range
	Dependencies []*Dependency // in file order
}

// Dependency is one thing the service calls.
type Dependency struct {
	Name string
	// Kind is "service" for another modelled service, a dependency kind of
	// SPEC §3 ("third-party", "cache", …), or "" when the manifest does not
	// say (a Backstage entry whose kind is neither component nor resource).
	Kind    string
	Regions []string // where it is reachable, when the manifest says
	Product string

	DeclRange hcl.Range
	NameRange hcl.Range // the name as written: the tightest range for findings
}

// IsService reports whether the manifest says the dependency is another
// modelled service.
func (d *Dependency) IsService() bool { return d.Kind == KindService }

// KindService is the manifest kind for a call to another modelled service.
const KindService = "service"
