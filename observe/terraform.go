package observe

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// tfModule is a module of `terraform show -json`: values.root_module of a
// state, planned_values.root_module of a saved plan, and their child_modules.
// https://developer.hashicorp.com/terraform/internals/json-format
type tfModule struct {
	Address      string       `json:"address"`
	Resources    []tfResource `json:"resources"`
	ChildModules []tfModule   `json:"child_modules"`
}

type tfResource struct {
	Address      string         `json:"address"`
	Mode         string         `json:"mode"`
	Type         string         `json:"type"`
	Name         string         `json:"name"`
	ProviderName string         `json:"provider_name"`
	Values       map[string]any `json:"values"`
}

type tfShow struct {
	FormatVersion string `json:"format_version"`
	Values        *struct {
		RootModule *tfModule `json:"root_module"`
	} `json:"values"`
	PlannedValues *struct {
		RootModule *tfModule `json:"root_module"`
	} `json:"planned_values"`
	Configuration *struct {
		ProviderConfig map[string]struct {
			Name        string `json:"name"`
			Expressions map[string]struct {
				ConstantValue any `json:"constant_value"`
			} `json:"expressions"`
		} `json:"provider_config"`
	} `json:"configuration"`
	// A raw state file (terraform.tfstate, version 4) instead.
	Version   int `json:"version"`
	Resources []struct {
		Module    string `json:"module"`
		Mode      string `json:"mode"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Provider  string `json:"provider"`
		Instances []struct {
			IndexKey   any            `json:"index_key"`
			Attributes map[string]any `json:"attributes"`
		} `json:"instances"`
	} `json:"resources"`
}

func (c *Collector) readTerraform(name string, br *bufio.Reader, fs *fileState) error {
	doc, err := io.ReadAll(io.LimitReader(br, maxDocument))
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	var show tfShow
	if err := json.Unmarshal(doc, &show); err != nil {
		line := 1
		switch e := err.(type) {
		case *json.SyntaxError:
			line = newLineIndex(doc).at(e.Offset)
		case *json.UnmarshalTypeError:
			line = newLineIndex(doc).at(e.Offset)
		}
		fs.skip(line, "not valid Terraform JSON: "+err.Error())
		return nil
	}
	defaults := map[string]string{} // provider config name -> region, from a plan's configuration
	if show.Configuration != nil {
		for key, p := range show.Configuration.ProviderConfig {
			for _, attr := range []string{"region", "location"} {
				if s, ok := p.Expressions[attr].ConstantValue.(string); ok && s != "" {
					defaults[key] = s
				}
			}
		}
	}
	add := func(address, typ, provider string, values map[string]any, def string) {
		if typ == "" || address == "" {
			fs.skip(0, "a resource without type or address")
			return
		}
		fs.sum.Records++
		regions := resourceRegions(values)
		if len(regions) == 0 && def != "" {
			regions = []string{normaliseRegion(def)}
		}
		c.resources = append(c.resources, &Resource{Address: address, Type: typ, Provider: providerShort(provider), Regions: regions, File: fs.sum.Filename})
	}
	var walk func(m *tfModule)
	walk = func(m *tfModule) {
		for _, r := range m.Resources {
			if r.Mode == "data" {
				continue
			}
			add(r.Address, r.Type, r.ProviderName, r.Values, defaults[providerShort(r.ProviderName)])
		}
		for i := range m.ChildModules {
			walk(&m.ChildModules[i])
		}
	}
	switch {
	case show.Values != nil && show.Values.RootModule != nil:
		walk(show.Values.RootModule)
	case show.PlannedValues != nil && show.PlannedValues.RootModule != nil:
		walk(show.PlannedValues.RootModule)
	case show.Version >= 3 && show.Resources != nil:
		for _, r := range show.Resources {
			if r.Mode == "data" {
				continue
			}
			base := r.Type + "." + r.Name
			if r.Module != "" {
				base = r.Module + "." + base
			}
			for _, in := range r.Instances {
				addr := base
				switch k := in.IndexKey.(type) {
				case string:
					addr += fmt.Sprintf("[%q]", k)
				case float64:
					addr += fmt.Sprintf("[%d]", int(k))
				}
				add(addr, r.Type, r.Provider, in.Attributes, "")
			}
		}
	case show.FormatVersion != "":
		// An empty state: `terraform show -json` of nothing deployed.
		return nil
	default:
		fs.skip(1, "not Terraform JSON: no values, planned_values or resources")
	}
	return nil
}

// providerShort turns "registry.terraform.io/hashicorp/aws" or
// `provider["registry.terraform.io/hashicorp/aws"].west` into "aws".
func providerShort(p string) string {
	p = strings.TrimPrefix(p, "provider[")
	if i := strings.Index(p, "]"); i >= 0 {
		p = p[:i]
	}
	p = strings.Trim(p, `"`)
	if i := strings.LastIndex(p, "/"); i >= 0 {
		p = p[i+1:]
	}
	switch p {
	case "google", "google-beta":
		return "gcp"
	case "azurerm":
		return "azure"
	}
	return p
}

// resourceRegions reads where a resource runs from its values: region,
// location, an availability zone or zone, its ARN, and its replicas
// (DynamoDB global tables, Secrets Manager replicas, Cosmos DB geo
// locations, Spanner instance configs).
func resourceRegions(v map[string]any) []string {
	set := map[string]bool{}
	addS := func(s string) {
		if s = normaliseRegion(s); s != "" {
			set[s] = true
		}
	}
	if s, ok := v["region"].(string); ok {
		addS(s)
	}
	if s, ok := v["location"].(string); ok {
		addS(s)
	}
	if len(set) == 0 {
		for _, k := range []string{"availability_zone", "zone"} {
			if s, ok := v[k].(string); ok && s != "" {
				addS(zoneRegion(s))
			}
		}
	}
	if len(set) == 0 {
		if s, ok := v["arn"].(string); ok {
			if parts := strings.SplitN(s, ":", 6); len(parts) == 6 && (parts[0] == "arn" || parts[0] == "acs") {
				addS(parts[3])
			}
		}
	}
	if s, ok := v["config"].(string); ok && strings.HasPrefix(s, "regional-") {
		addS(strings.TrimPrefix(s, "regional-"))
	}
	for _, k := range []string{"replica", "replicas", "geo_location"} {
		list, _ := v[k].([]any)
		for _, e := range list {
			m, _ := e.(map[string]any)
			for _, f := range []string{"region_name", "region", "location"} {
				if s, ok := m[f].(string); ok {
					addS(s)
				}
			}
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// normaliseRegion writes "West Europe" as Azure's code "westeurope" and
// leaves other codes as they are, in lower case.
func normaliseRegion(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
}

// zoneRegion is the region of a zone: "eu-west-1a" → "eu-west-1",
// "europe-west3-b" → "europe-west3".
func zoneRegion(z string) string {
	if i := strings.LastIndex(z, "-"); i > 0 && len(z)-i == 2 && !strings.ContainsAny(z[i+1:], "0123456789") {
		return z[:i] // gcp: europe-west3-b
	}
	if n := len(z); n > 1 && z[n-1] >= 'a' && z[n-1] <= 'z' && z[n-2] >= '0' && z[n-2] <= '9' {
		return z[:n-1] // aws: eu-west-1a
	}
	return ""
}
