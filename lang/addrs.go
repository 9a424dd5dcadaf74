package lang

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
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
		j := end + len("module.")
		for j < len(name) && name[j] != '.' && name[j] != '[' {
			j++
		}
		if j < len(name) && name[j] == '[' { // module.cell["eu"].
			if j = skipKey(name, j); j < 0 {
				break
			}
		}
		if j >= len(name) || name[j] != '.' {
			break
		}
		end = j + 1
	}
	if end == 0 {
		return "", name
	}
	return name[:end-1], name[end:]
}

// skipKey returns the index after the instance key that starts at s[i],
// `["eu"]` (with Go escapes, as instanceName writes it) or `[0]`, or -1.
func skipKey(s string, i int) int {
	i++ // '['
	if i < len(s) && s[i] == '"' {
		for i++; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		i++ // closing quote
	} else {
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	if i >= len(s) || s[i] != ']' {
		return -1
	}
	return i + 1
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

// ParseAddress reads an address as a user writes it: "service.checkout",
// an instance "service.api[\"eu\"]" or "service.worker[0]", a child
// module's "module.cells.service.db".
func ParseAddress(s string) (Address, error) {
	var mod strings.Builder
	rest := s
	for strings.HasPrefix(rest, "module.") {
		j := len("module.")
		for j < len(rest) && rest[j] != '.' && rest[j] != '[' {
			j++
		}
		name := rest[len("module."):j]
		seg := "module." + name
		if j < len(rest) && rest[j] == '[' {
			k := skipKey(rest, j)
			if k < 0 {
				return Address{}, fmt.Errorf("%q is not an address: an instance key is written [\"KEY\"] or [INDEX]", s)
			}
			inst, ok := parseInstanceKey(name, rest[j:k])
			if !ok {
				return Address{}, fmt.Errorf("%q is not an address: an instance key is written [\"KEY\"] or [INDEX]", s)
			}
			seg, j = "module."+inst, k
		}
		if !validIdentifier(name) || j >= len(rest) || rest[j] != '.' {
			return Address{}, fmt.Errorf("%q is not an address: after module. comes a module call's name and a block, such as module.cells.service.db", s)
		}
		mod.WriteString(seg + ".")
		rest = rest[j+1:]
	}
	kind, name, ok := strings.Cut(rest, ".")
	k, known := ParseKind(kind)
	switch {
	case !ok || name == "":
		return Address{}, fmt.Errorf("%q is not an address; write KIND.NAME, such as service.checkout", s)
	case !known:
		return Address{}, fmt.Errorf("%q is not an address: %q is not a kind of block", s, kind)
	}
	base, key, hasKey := strings.Cut(name, "[")
	if !validIdentifier(base) {
		return Address{}, fmt.Errorf("%q is not an address: %q is not a valid name", s, base)
	}
	if hasKey {
		canonical, ok := parseInstanceKey(base, "["+key)
		if !ok {
			return Address{}, fmt.Errorf("%q is not an address: an instance key is written [\"KEY\"] or [INDEX], such as service.api[\"eu\"] or service.worker[0]", s)
		}
		name = canonical
	}
	if mod.Len() > 0 && (k == KindRegion || k == KindProvider) {
		return Address{}, fmt.Errorf("%q is not an address: %ss belong to the root module", s, k)
	}
	return Address{k, mod.String() + name}, nil
}

// parseInstanceKey reads `["eu"]` or `[0]` after a block's name and gives
// the instance's name as instanceName writes it.
func parseInstanceKey(base, key string) (string, bool) {
	if !strings.HasSuffix(key, "]") {
		return "", false
	}
	inner := key[1 : len(key)-1]
	if n, err := strconv.Atoi(inner); err == nil && n >= 0 && strconv.Itoa(n) == inner {
		return instanceName(base, cty.NumberIntVal(int64(n))), true
	}
	k, err := strconv.Unquote(inner)
	if err != nil || !validKey(k) {
		return "", false
	}
	return instanceName(base, cty.StringVal(k)), true
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
