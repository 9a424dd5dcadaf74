package planner

import (
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// decideTopology applies SPEC §5.4's topology and standby rules and sets
// the service's active and standby regions.
func (p *planner) decideTopology(s *Service) {
	b := s.Block
	var listed []string
	seen := map[string]bool{}
	for _, r := range b.Regions {
		if r.Addr.Kind == lang.KindRegion && !seen[r.Addr.Name] {
			seen[r.Addr.Name] = true
			listed = append(listed, r.Addr.Name)
		}
	}
	s.Primary = b.Primary.Addr.Name
	if b.Primary.Addr.Kind != lang.KindRegion || s.Primary == "" {
		s.Primary = ""
		if len(listed) > 0 {
			s.Primary = listed[0]
		}
	}
	if s.Primary != "" && !seen[s.Primary] {
		listed = append([]string{s.Primary}, listed...)
	}
	if b.Witness != nil && b.Witness.Addr.Kind == lang.KindRegion {
		s.Witness = b.Witness.Addr.Name
	}
	others := make([]string, 0, len(listed))
	for _, r := range listed {
		if r != s.Primary {
			others = append(others, r)
		}
	}

	if b.Topology != lang.TopologyAuto {
		s.Topology = b.Topology
		s.add(because(DecideTopology, TopologyExplicit, b.Topology.String()))
		if len(listed) < 2 && b.Topology != lang.TopologySingleRegion {
			s.Notes = append(s.Notes, Note{Kind: NoteTopologyNeedsRegions, Attr: "topology",
				Range: attrRange(b.Attrs, "topology", b.DeclRange), Args: []string{b.Topology.String()}})
		}
	} else {
		switch {
		case len(listed) < 2:
			s.Topology = lang.TopologySingleRegion
			s.add(because(DecideTopology, TopologyOneRegion, itoa(s.Tier), s.Primary))
		case s.Tier == 0:
			s.Topology = lang.TopologyActiveActive
			s.add(because(DecideTopology, TopologyByTier, "0", s.Topology.String()))
		case s.Tier == 1:
			s.Topology = lang.TopologyActivePassive
			s.add(because(DecideTopology, TopologyByTier, "1", s.Topology.String()))
		default:
			s.Topology = lang.TopologyActivePassive
			s.add(because(DecideTopology, TopologyColdStandby, itoa(len(listed))))
		}
	}

	switch s.Topology {
	case lang.TopologyActiveActive:
		s.Active = append([]string{}, listed...)
		s.Standbys = []string{}
		s.add(because(DecideStandby, StandbyNotNeeded, s.Topology.String()))
	case lang.TopologyActivePassive:
		s.Active = nonEmpty(s.Primary)
		s.Standbys = others
		if len(others) == 0 {
			s.add(because(DecideStandby, StandbyNotNeeded, lang.TopologySingleRegion.String()))
			break
		}
		p.decideStandby(s)
	default:
		s.Active = nonEmpty(s.Primary)
		s.Standbys = []string{}
		s.add(because(DecideStandby, StandbyNotNeeded, s.Topology.String()))
	}
	s.Regions = append(append([]string{}, s.Active...), s.Standbys...)
}

func (p *planner) decideStandby(s *Service) {
	explicit := s.Block.Topology != lang.TopologyAuto
	switch {
	case s.Tier == 2 && !explicit:
		s.Standby = StandbyCold
		s.add(because(DecideStandby, StandbyTier2, s.Standby.String()))
	case s.Objective.HasRTO:
		rto := s.Objective.RTO
		switch {
		case rto <= p.a.HotStandbyMaxRTO:
			s.Standby = StandbyHot
			s.add(because(DecideStandby, StandbyByRTO, dur(rto), "≤ "+dur(p.a.HotStandbyMaxRTO), "hot"))
		case rto <= p.a.WarmStandbyMaxRTO:
			s.Standby = StandbyWarm
			s.add(because(DecideStandby, StandbyByRTO, dur(rto), "≤ "+dur(p.a.WarmStandbyMaxRTO), "warm"))
		default:
			s.Standby = StandbyCold
			s.add(because(DecideStandby, StandbyByRTO, dur(rto), "> "+dur(p.a.WarmStandbyMaxRTO), "cold"))
		}
	case s.Tier == 2:
		s.Standby = StandbyCold
		s.add(because(DecideStandby, StandbyTier2, s.Standby.String()))
	default:
		s.Standby = StandbyWarm
		s.add(because(DecideStandby, StandbyNoRTO, s.Standby.String()))
	}
}

func nonEmpty(r string) []string {
	if r == "" {
		return []string{}
	}
	return []string{r}
}

func (p *planner) decidePattern(s *Service) {
	pat, r := p.pattern(s.Regions)
	s.Pattern = pat
	s.add(r)
	for _, name := range s.Regions {
		if p.geo(name) == nil {
			s.Notes = append(s.Notes, Note{Kind: NoteNoGeography, Attr: "regions",
				Range: attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), Args: []string{name}})
		}
	}
}

// decideWriteMode decides where a service's writes are accepted. Services
// with one serving region have one primary; active-active services keep
// single-primary writes with regional read replicas when any data they
// write is critical and unkeyed, or cannot take writes in several regions
// (the seeds' compromise).
func (p *planner) decideWriteMode(s *Service) {
	written := p.writtenData(s)
	if len(written) == 0 {
		s.WriteMode = WriteNone
		s.add(because(DecideWriteMode, WriteNoData))
		return
	}
	if s.Topology != lang.TopologyActiveActive || len(s.Active) < 2 {
		s.WriteMode = WriteSinglePrimary
		s.add(because(DecideWriteMode, WriteOnePrimary, s.Topology.String()))
		return
	}
	for _, d := range written {
		if d.Class == ClassCritical && d.Block.PartitionKey == "" {
			s.WriteMode = WriteSinglePrimary
			s.add(because(DecideWriteMode, WriteCriticalUnkeyed, d.Addr.String()))
			return
		}
	}
	allKeyed := true
	var names []string
	for _, d := range written {
		names = append(names, d.Addr.String())
		if d.Block.PartitionKey != "" {
			continue
		}
		allKeyed = false
		if why := p.singleWriterOnly(d); why != "" {
			s.WriteMode = WriteSinglePrimary
			s.add(because(DecideWriteMode, WriteSingleWriterData, d.Addr.String(), why))
			return
		}
	}
	if allKeyed {
		s.WriteMode = WritePartitioned
		s.add(because(DecideWriteMode, WriteAllPartitioned, strings.Join(names, ", ")))
		return
	}
	s.WriteMode = WriteMultiPrimary
	s.add(because(DecideWriteMode, WriteMultiPrimaryAllows, strings.Join(names, ", ")))
}

// singleWriterOnly says why data without a partition key cannot be written
// in several regions at once, or "" when it can.
func (p *planner) singleWriterOnly(d *Data) string {
	b := d.Block
	switch {
	case b.Conflict == lang.ConflictSingleWriter:
		return "conflict = single-writer"
	case b.Uniqueness == lang.UniquenessGlobal:
		return "uniqueness = global"
	case b.Catalog == nil:
		return "its product " + quoteOr(b.Product, "is unknown") + " is not in a catalog"
	case !b.Catalog.MultiWriter:
		return b.Catalog.Ref() + " accepts writes in one region at a time"
	case b.Conflict == lang.ConflictUnset && catalogConflict(b.Catalog.Conflict) == lang.ConflictUnset && !consensus(b.Catalog):
		return b.Catalog.Ref() + " offers no conflict resolution"
	}
	return ""
}

func quoteOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return `"` + s + `"`
}

// consensus reports whether a product orders every write by consensus
// (Raft, Paxos), so writes from several regions never conflict.
func consensus(prod *providers.Product) bool {
	for _, c := range prod.Conflict {
		if c == "consensus" {
			return true
		}
	}
	return false
}

// catalogConflict is the first resolution a product offers, in the order
// lww, crdt, custom (merge).
func catalogConflict(offered []string) lang.Conflict {
	for _, want := range []struct {
		word string
		c    lang.Conflict
	}{{"lww", lang.ConflictLWW}, {"crdt", lang.ConflictCRDT}, {"custom", lang.ConflictMerge}} {
		for _, o := range offered {
			if o == want.word {
				return want.c
			}
		}
	}
	return lang.ConflictUnset
}

func (p *planner) decideRouting(s *Service) {
	if pol := s.Block.Routing.Policy; pol != lang.RoutingAuto {
		s.Routing = pol
		s.add(because(DecideRouting, RoutingExplicit, pol.String()))
		return
	}
	switch {
	case len(s.Regions) < 2:
		s.Routing = lang.RoutingAuto
		s.add(because(DecideRouting, RoutingOneRegion))
	case s.Topology == lang.TopologyActiveActive && s.WriteMode == WritePartitioned:
		s.Routing = lang.RoutingGeo
		s.add(because(DecideRouting, RoutingPartitioned, s.Routing.String()))
	case s.Topology == lang.TopologyActiveActive:
		s.Routing = lang.RoutingLatency
		s.add(because(DecideRouting, RoutingActive, s.Routing.String()))
	default:
		s.Routing = lang.RoutingFailover
		s.add(because(DecideRouting, RoutingStandby, s.Routing.String()))
	}
}

func (p *planner) decideFailover(s *Service) {
	if f := s.Block.Failover; f != lang.FailoverAuto {
		s.Failover = f
		s.add(because(DecideFailover, FailoverExplicit, f.String()))
		if f == lang.FailoverAutomatic && len(s.Regions) < 2 {
			s.Notes = append(s.Notes, Note{Kind: NoteFailoverNoTarget, Attr: "failover",
				Range: attrRange(s.Block.Attrs, "failover", s.Block.DeclRange)})
		}
		return
	}
	switch {
	case len(s.Regions) < 2:
		s.Failover = lang.FailoverManual
		s.add(because(DecideFailover, FailoverNoTarget))
	case s.Tier == 0:
		s.Failover = lang.FailoverAutomatic
		s.add(because(DecideFailover, FailoverTier0, s.Failover.String()))
	case s.Tier == 1 && !s.Objective.HasRTO:
		s.Failover = lang.FailoverManual
		s.add(because(DecideFailover, FailoverNoRTO, "1"))
	case s.Tier == 1 && s.Objective.RTO < p.a.AutomaticFailoverMaxRTO:
		s.Failover = lang.FailoverAutomatic
		s.add(because(DecideFailover, FailoverTier1Fast, dur(s.Objective.RTO), dur(p.a.AutomaticFailoverMaxRTO)))
	case s.Tier == 1:
		s.Failover = lang.FailoverManual
		s.add(because(DecideFailover, FailoverTier1Slow, dur(s.Objective.RTO), dur(p.a.AutomaticFailoverMaxRTO)))
	default:
		s.Failover = lang.FailoverManual
		s.add(because(DecideFailover, FailoverTier2, itoa(s.Tier)))
	}
}

// decideGuards: automatic failover of single-primary or partitioned writes
// needs a quorum (three or more failure domains, or a witness) and fencing
// tokens, or two regions can both believe they are primary.
func (p *planner) decideGuards(s *Service) {
	s.Guards = []Guard{}
	if len(s.Regions) < 2 {
		s.add(because(DecideGuard, GuardNotNeededOneRegion))
		return
	}
	if s.Failover != lang.FailoverAutomatic {
		s.add(because(DecideGuard, GuardNotNeededManual))
		return
	}
	if s.WriteMode != WriteSinglePrimary && s.WriteMode != WritePartitioned {
		s.add(because(DecideGuard, GuardNotNeededWrites, s.WriteMode.String()))
		return
	}
	witness := s.Witness != "" && !contains(s.Regions, s.Witness)
	switch {
	case len(s.Regions) >= 3:
		s.Guards = append(s.Guards, GuardQuorum)
		s.add(because(DecideGuard, GuardQuorumRegions, itoa(len(s.Regions))))
	case witness:
		s.Guards = append(s.Guards, GuardQuorum)
		s.add(because(DecideGuard, GuardQuorumWitness, s.Witness))
	default:
		s.add(because(DecideGuard, GuardNoQuorum, itoa(len(s.Regions))))
		s.Notes = append(s.Notes, Note{Kind: NoteNoQuorum, Attr: "regions",
			Range: attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), Args: []string{itoa(len(s.Regions))}})
	}
	s.Guards = append(s.Guards, GuardFencing)
	s.add(because(DecideGuard, GuardFencingTokens))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
