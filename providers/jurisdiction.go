package providers

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
)

// Jurisdiction is a place a data class's residency may name: one ISO 3166-1
// alpha-2 country, or a named group of them (EU, EEA, GCC, …). Countries and
// groups share one namespace; no group is named like a country.
type Jurisdiction struct {
	Name  string // "DE", "EU"
	Title string // "Germany", "European Union, 27 member states"
	// Members are the country codes the jurisdiction covers, sorted; a
	// country is its own only member.
	Members []string
	Group   bool
	Notes   string
	Source  string
}

// Covers reports whether country (an ISO code, as regions give it) lies in
// the jurisdiction.
func (j *Jurisdiction) Covers(country string) bool {
	i := sort.SearchStrings(j.Members, country)
	return i < len(j.Members) && j.Members[i] == country
}

type jurisdictionsJSON struct {
	Notes           string `json:"notes"`
	CountriesSource string `json:"countries_source"`
	Countries       []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"countries"`
	Groups []struct {
		Name    string   `json:"name"`
		Title   string   `json:"title"`
		Members []string `json:"members"`
		Source  string   `json:"source"`
		Notes   string   `json:"notes"`
	} `json:"groups"`
}

var loadJurisdictions = sync.OnceValue(func() map[string]*Jurisdiction {
	b, err := dataFS.ReadFile("data/jurisdictions.json")
	if err != nil {
		panic("providers: embedded jurisdictions missing: " + err.Error())
	}
	m, err := decodeJurisdictions(b)
	if err != nil {
		panic("providers: built-in jurisdiction data is broken: " + err.Error())
	}
	return m
})

func decodeJurisdictions(b []byte) (map[string]*Jurisdiction, error) {
	var doc jurisdictionsJSON
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	m := make(map[string]*Jurisdiction, len(doc.Countries)+len(doc.Groups))
	for _, c := range doc.Countries {
		if len(c.Code) != 2 || c.Code[0] < 'A' || c.Code[0] > 'Z' || c.Code[1] < 'A' || c.Code[1] > 'Z' {
			return nil, fmt.Errorf("country code %q is not two capital letters", c.Code)
		}
		if m[c.Code] != nil {
			return nil, fmt.Errorf("country %s listed twice", c.Code)
		}
		m[c.Code] = &Jurisdiction{Name: c.Code, Title: c.Name, Members: []string{c.Code}, Source: doc.CountriesSource}
	}
	for _, g := range doc.Groups {
		if m[g.Name] != nil {
			return nil, fmt.Errorf("group %s is named like a country or another group", g.Name)
		}
		if len(g.Members) == 0 || g.Source == "" {
			return nil, fmt.Errorf("group %s needs members and a source", g.Name)
		}
		members := append([]string(nil), g.Members...)
		sort.Strings(members)
		for i, c := range members {
			if j := m[c]; j == nil || j.Group {
				return nil, fmt.Errorf("group %s lists %q, which is not a country code", g.Name, c)
			}
			if i > 0 && members[i-1] == c {
				return nil, fmt.Errorf("group %s lists %s twice", g.Name, c)
			}
		}
		m[g.Name] = &Jurisdiction{Name: g.Name, Title: g.Title, Members: members, Group: true, Notes: g.Notes, Source: g.Source}
	}
	return m, nil
}

// LookupJurisdiction finds a country code or group by the name residency
// writes, exactly: "DE", "EU".
func LookupJurisdiction(name string) (*Jurisdiction, bool) {
	j, ok := loadJurisdictions()[name]
	return j, ok
}

// Jurisdictions lists the groups, then the countries, each sorted by name.
func Jurisdictions() []*Jurisdiction {
	m := loadJurisdictions()
	out := make([]*Jurisdiction, 0, len(m))
	for _, j := range m {
		out = append(out, j)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Group != out[b].Group {
			return out[a].Group
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// JurisdictionNames lists every name residency accepts, sorted.
func JurisdictionNames() []string {
	m := loadJurisdictions()
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
