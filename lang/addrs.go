package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Kind is the kind of block an address names. Its String is the word a user
// types before the dot.
type Kind int

const (
	KindInvalid Kind = iota
	KindRegion
	KindObjective
	KindService
	KindData
	KindDependency
	KindProvider
	KindAudience
)

var kindNames = [...]string{
	KindInvalid:    "invalid",
	KindRegion:     "region",
	KindObjective:  "objective",
	KindService:    "service",
	KindData:       "data",
	KindDependency: "dependency",
	KindProvider:   "provider",
	KindAudience:   "audience",
}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseKind maps the word before the dot of an address to its Kind.
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if k != int(KindInvalid) && name == s {
			return Kind(k), true
		}
	}
	return KindInvalid, false
}

// Address names one block of a module. It is comparable, so it serves as a
// map key; String gives what the user types, "service.checkout".
type Address struct {
	Kind Kind
	Name string
}

// A block of a child module has its module path before its own name,
// Name "module.cells.api", and is written module.cells.service.api; an
// instance has its key after it, api["eu"] or worker[0].
func (a Address) String() string {
	if !strings.HasPrefix(a.Name, "module.") {
		return a.Kind.String() + "." + a.Name
	}
	mod, local := splitModulePath(a.Name)
	return mod + "." + a.Kind.String() + "." + local
}

// splitModulePath splits "module.a.module.b.api" into "module.a.module.b"
// and "api". Module names are identifiers, without dots, so the split is
// unambiguous even when an instance key holds a dot.
func splitModulePath(name string) (string, string) {
	end := 0
	for strings.HasPrefix(name[end:], "module.") {
		rest := name[end+len("module."):]
		dot := strings.IndexByte(rest, '.')
		if dot < 0 {
			break
		}
		end += len("module.") + dot + 1
	}
	if end == 0 {
		return "", name
	}
	return name[:end-1], name[end:]
}

// Module returns the module path of the address, "" for the root module.
func (a Address) Module() string {
	mod, _ := splitModulePath(a.Name)
	return mod
}

// Less orders addresses by kind, then name: the order of every sorted output.
func (a Address) Less(b Address) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Name < b.Name
}

// Ref is a resolved reference to a block, with the source range of the
// expression that made it, so a finding about one element of a list can point
// at that element.
type Ref struct {
	Addr  Address
	Range hcl.Range
}

// ParseAddress reads an address as a user writes it, "service.checkout".
func ParseAddress(s string) (Address, error) {
	kind, name, ok := strings.Cut(s, ".")
	k, known := ParseKind(kind)
	switch {
	case !ok || name == "":
		return Address{}, fmt.Errorf("%q is not an address; write KIND.NAME, such as service.checkout", s)
	case !known:
		return Address{}, fmt.Errorf("%q is not an address: %q is not a kind of block", s, kind)
	case !validIdentifier(name):
		return Address{}, fmt.Errorf("%q is not an address: %q is not a valid name", s, name)
	}
	return Address{k, name}, nil
}

// validIdentifier is hclsyntax.ValidIdentifier, which runs HCL's scanner,
// answered directly for ASCII names, as nearly all are.
func validIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return hclsyntax.ValidIdentifier(s)
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9', c == '-':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Label is the name label of the block an address names, as written in
// its module: "db" for module.cell.service.db, "api" for service.api["eu"].
func (a Address) Label() string {
	_, local := splitModulePath(a.Name)
	if i := strings.IndexByte(local, '['); i > 0 {
		local = local[:i]
	}
	return local
}
