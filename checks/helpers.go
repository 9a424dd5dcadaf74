package checks

import (
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// objectiveRange is where a service's objective for key ("rpo", "rto") is
// set: the inline attribute, else the objective reference, else the block.
func objectiveRange(s *lang.Service, key string) hcl.Range {
	if r, ok := s.Attrs[key]; ok {
		return r
	}
	return attrRange(s.Attrs, "objective", s.DeclRange)
}

// objectiveName says where a service's objective for key ("rpo", "rto",
// "" for the whole) comes from, for messages: "objective.payments" or "set
// on the service".
func objectiveName(s *lang.Service, key string) string {
	if _, inline := s.Attrs[key]; (key == "" || !inline) && s.Policy.From != nil {
		return s.Policy.From.Addr.String()
	}
	return "set on the service"
}

func dur(d time.Duration) string { return units.FormatDuration(d) }

// list joins words as prose: "a", "a and b", "a, b and c".
func list(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// tierWord names a tier as messages do: "tier 0".
func tierWord(t int) string {
	return "tier " + strconv.Itoa(t)
}

// multiRegion reports whether a planned service has somewhere to fail over to.
func multiRegion(s *planner.Service) bool { return len(s.Regions) > 1 }

// replicates reports whether a data class is copied to other regions by a
// replication channel or a message queue.
func replicates(d *planner.Data) bool {
	for _, m := range d.Mechanisms {
		switch m {
		case lang.MechSyncReplication, lang.MechSemiSyncReplication, lang.MechAsyncReplication, lang.MechMessageQueue:
			return true
		}
	}
	return false
}

func mechanismWords(ms []lang.Mechanism) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

// mechanismList is list(mechanismWords(ms)), without the slice for one.
func mechanismList(ms []lang.Mechanism) string {
	if len(ms) == 1 {
		return ms[0].String()
	}
	return list(mechanismWords(ms))
}

func addrList(as []lang.Address) string {
	words := make([]string, len(as))
	for i, a := range as {
		words[i] = a.String()
	}
	return list(words)
}

// writeSites lists the regions a data class's writes are accepted in, in
// module order, with the services writing there: every active region of a
// multi-primary writer, and the primary of any other. Each writer plans its
// own write mode, so two single-primary services with different primaries
// still write one data class in two regions at once.
func writeSites(p *planner.Plan, x *index, d *planner.Data) (regions []string, writers map[string][]lang.Address) {
	writers = map[string][]lang.Address{}
	add := func(region string, w lang.Address) {
		if region == "" {
			return
		}
		if _, seen := writers[region]; !seen {
			regions = append(regions, region)
		}
		writers[region] = append(writers[region], w)
	}
	for _, w := range d.Writers {
		i := x.service(w.Name)
		if i < 0 {
			continue
		}
		s := p.Services[i]
		switch s.ModeFor(d.Addr) {
		case planner.WriteMultiPrimary:
			for _, r := range s.Active {
				add(r, w)
			}
		default:
			add(s.Primary, w)
		}
	}
	return regions, writers
}

// sitesPhrase says who writes where: "service.a in us-east-1 and service.b
// in eu-west-1".
func sitesPhrase(regions []string, writers map[string][]lang.Address) string {
	parts := make([]string, len(regions))
	for i, r := range regions {
		parts[i] = addrList(writers[r]) + " in " + r
	}
	return list(parts)
}

// multiWriter reports whether data without a partition key is written in
// more than one region at once.
//
// It is writeSites without the lists: only whether a second region comes
// up.
func multiWriter(p *planner.Plan, x *index, d *planner.Data) bool {
	if d.Block.PartitionKey != "" {
		return false
	}
	first := ""
	seen := func(r string) bool {
		switch {
		case r == "":
		case first == "":
			first = r
		case r != first:
			return true
		}
		return false
	}
	for _, w := range d.Writers {
		i := x.service(w.Name)
		if i < 0 {
			continue
		}
		s := p.Services[i]
		switch s.ModeFor(d.Addr) {
		case planner.WriteMultiPrimary:
			for _, r := range s.Active {
				if seen(r) {
					return true
				}
			}
		default:
			if seen(s.Primary) {
				return true
			}
		}
	}
	return false
}
