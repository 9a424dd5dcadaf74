package providers

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// Operations are what an on-call engineer runs against a product when a
// region goes: the vendor's name for promoting a replica (or the fact that
// the store fails over by itself), the command, how to fail back, and the
// metric that shows its replication lag. They are kept apart from
// products.json, in data/NAME/operations.json, because they are runbook
// wording rather than planning facts; every entry names the vendor page it
// was taken from.
//
//go:embed data/*/operations.json
var operationsFS embed.FS

// Operation is the runbook wording of one catalog product.
type Operation struct {
	Ref string // "aws.aurora-postgresql"
	// Promote is the vendor's name for the promotion or failover, written
	// as an imperative ("Fail over the Aurora global database").
	Promote string
	// Command is the command or API call that does it, with <placeholders>;
	// "" when there is none to give.
	Command string
	// Automatic: the store elects a new primary (or takes writes in every
	// region) on its own, so there is nothing to run, only to confirm.
	Automatic bool
	// Fence says how to stop the lost primary from taking writes when it
	// comes back; "" for the generic wording.
	Fence string
	// FailBack is how to move the primary home once the region is back.
	FailBack string
	Source   string // the vendor page Promote and Command come from
	// Lag is the PromQL expression, in seconds, of the product's
	// replication lag, with $data, $region and $service placeholders;
	// "" when the product has no exported lag metric.
	Lag       string
	LagSource string // the page that names the metric
}

type operationsFile struct {
	Products []struct {
		Name      string `json:"name"`
		Promote   string `json:"promote"`
		Command   string `json:"command"`
		Automatic bool   `json:"automatic"`
		Fence     string `json:"fence"`
		FailBack  string `json:"fail_back"`
		Source    string `json:"source"`
		Lag       *struct {
			Expr   string `json:"expr"`
			Source string `json:"source"`
		} `json:"lag"`
	} `json:"products"`
}

var loadOperations = sync.OnceValue(func() map[string]*Operation {
	ops, err := decodeOperations(operationsFS, Builtins())
	if err != nil {
		panic("providers: built-in operations data is broken: " + err.Error())
	}
	return ops
})

// decodeOperations reads every data/NAME/operations.json and checks each
// entry against the built-in catalog NAME: the product must exist, and
// every entry must name its source.
func decodeOperations(fsys fs.FS, cats []*Catalog) (map[string]*Operation, error) {
	byName := map[string]*Catalog{}
	for _, c := range cats {
		byName[c.Name] = c
	}
	files, err := fs.Glob(fsys, "data/*/operations.json")
	if err != nil {
		return nil, err
	}
	out := map[string]*Operation{}
	for _, f := range files {
		catalog := path.Base(path.Dir(f))
		c, ok := byName[catalog]
		if !ok {
			return nil, fmt.Errorf("%s: no built-in catalog %q", f, catalog)
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var of operationsFile
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&of); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, p := range of.Products {
			if _, ok := c.Product(p.Name); !ok {
				return nil, fmt.Errorf("%s: product %q is not in the %s catalog", f, p.Name, catalog)
			}
			if p.Promote == "" || !strings.HasPrefix(p.Source, "https://") {
				return nil, fmt.Errorf("%s: product %q needs promote and an https source", f, p.Name)
			}
			op := &Operation{
				Ref: catalog + "." + p.Name, Promote: p.Promote, Command: p.Command,
				Automatic: p.Automatic, Fence: p.Fence, FailBack: p.FailBack, Source: p.Source,
			}
			if p.Lag != nil {
				if p.Lag.Expr == "" || !strings.HasPrefix(p.Lag.Source, "https://") {
					return nil, fmt.Errorf("%s: product %q: lag needs expr and an https source", f, p.Name)
				}
				op.Lag, op.LagSource = p.Lag.Expr, p.Lag.Source
			}
			if _, dup := out[op.Ref]; dup {
				return nil, fmt.Errorf("%s: product %q listed twice", f, p.Name)
			}
			out[op.Ref] = op
		}
	}
	return out, nil
}

// ProductOperation returns the runbook wording of the built-in product ref
// ("aws.aurora-postgresql", canonical name), and whether there is one.
// Custom providers have none: runbooks then use generic wording.
func ProductOperation(ref string) (*Operation, bool) {
	op, ok := loadOperations()[ref]
	return op, ok
}

// OperationRefs lists the products that have operations, sorted.
func OperationRefs() []string {
	m := loadOperations()
	out := make([]string, 0, len(m))
	for r := range m {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
