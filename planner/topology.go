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

// decideWriteMode decides where a service's writes are accepted, data class
// by data class: services with one serving region have one primary; an
// active-active service writes each class partitioned when it has a
// partition_key, single-primary with regional read replicas when it is
// critical and unkeyed (the seeds' compromise) or its store cannot take
// writes in several regions, and multi-primary otherwise. One class's
// constraint does not bind its siblings; the service's mode sums them up.
func (p *planner) decideWriteMode(s *Service) {
	written := p.writtenData(s)
	s.DataWrites = make([]DataWrite, 0, len(written))
	if len(written) == 0 {
		s.WriteMode = WriteNone
		s.add(because(DecideWriteMode, WriteNoData))
		return
	}
	if s.Topology != lang.TopologyActiveActive || len(s.Active) < 2 {
		for _, d := range written {
			s.DataWrites = append(s.DataWrites, DataWrite{d.Addr, WriteSinglePrimary})
		}
		s.WriteMode = WriteSinglePrimary
		s.add(because(DecideWriteMode, WriteOnePrimary, s.Topology.String()))
		return
	}
	reasons := make([]Reason, len(written))
	var keyed, multi []string
	for i, d := range written {
		m, r := p.classWriteMode(d)
		s.DataWrites = append(s.DataWrites, DataWrite{d.Addr, m})
		reasons[i] = r
		switch m {
		case WritePartitioned:
			keyed = append(keyed, d.Addr.String())
		case WriteMultiPrimary:
			multi = append(multi, d.Addr.String())
		}
		if i == 0 || s.WriteMode == m {
			s.WriteMode = m
		} else {
			s.WriteMode = WriteMixed
		}
	}
	switch s.WriteMode {
	case WritePartitioned:
		s.add(because(DecideWriteMode, WriteAllPartitioned, strings.Join(keyed, ", ")))
	case WriteMultiPrimary:
		s.add(because(DecideWriteMode, WriteMultiPrimaryAllows, strings.Join(multi, ", ")))
	case WriteMixed:
		parts := make([]string, len(s.DataWrites))
		for i, w := range s.DataWrites {
			parts[i] = w.Data.String() + " " + w.Mode.String()
		}
		s.add(because(DecideWriteMode, WriteMix, strings.Join(parts, ", ")))
		for i, r := range reasons {
			if s.DataWrites[i].Mode == WriteSinglePrimary {
				s.add(r)
			}
		}
		if len(keyed) > 0 {
			s.add(because(DecideWriteMode, WriteAllPartitioned, strings.Join(keyed, ", ")))
		}
		if len(multi) > 0 {
			s.add(because(DecideWriteMode, WriteMultiPrimaryAllows, strings.Join(multi, ", ")))
		}
	default:
		for _, r := range reasons {
			s.add(r)
		}
	}
}

// classWriteMode is how an active-active service writes data class d, and
// why.
func (p *planner) classWriteMode(d *Data) (WriteMode, Reason) {
	b := d.Block
	switch {
	case b.PartitionKey != "":
		return WritePartitioned, because(DecideWriteMode, WriteAllPartitioned, d.Addr.String())
	case d.Class == ClassCritical && !(b.Catalog != nil && b.Catalog.MultiWriter && consensus(b.Catalog) && b.Uniqueness != lang.UniquenessGlobal):
		return WriteSinglePrimary, because(DecideWriteMode, WriteCriticalUnkeyed, d.Addr.String())
	}
	if why := p.singleWriterOnly(d); why != "" {
		return WriteSinglePrimary, because(DecideWriteMode, WriteSingleWriterData, d.Addr.String(), why)
	}
	return WriteMultiPrimary, because(DecideWriteMode, WriteMultiPrimaryAllows, d.Addr.String())
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
	if !s.HasPrimary() {
		s.add(because(DecideGuard, GuardNotNeededWrites, s.WriteMode.String()))
		return
	}
	e := p.elections(s)
	if len(e.module) == 0 {
		if len(e.routed) > 0 {
			// Nothing is elected: a lost partition's home moves to a region
			// that already takes writes. The router that moves it must stop
			// the old home from writing, which is what fencing is.
			s.add(because(DecideGuard, GuardNoCoordinator, strings.Join(e.routed, ", ")))
		}
		if len(e.store) > 0 {
			// The stores hold their own vote: a Paxos or Raft quorum across
			// their replicas picks the leader, and refuses writes without one.
			s.NeedsQuorum = true
			s.Guards = append(s.Guards, GuardQuorum)
			s.add(because(DecideGuard, GuardStoreQuorum, strings.Join(e.store, ", ")))
		}
		if len(e.provider) > 0 {
			// The vendor's service-managed failover picks the new write
			// region and stops the old one: there is no vote for the module
			// to hold, and the fence is the provider's.
			s.add(because(DecideGuard, GuardProviderFenced, strings.Join(e.provider, ", ")))
		}
		s.Guards = append(s.Guards, GuardFencing)
		if len(e.routed) > 0 || len(e.store) > 0 {
			s.add(because(DecideGuard, GuardFencingTokens))
		}
		return
	}
	s.NeedsQuorum = true
	s.SelfElected = e.moduleData
	witness := s.Witness != "" && !contains(s.Regions, s.Witness)
	voters := len(s.Regions)
	if witness {
		voters++
	}
	rng := attrRange(s.Block.Attrs, "regions", s.Block.DeclRange)
	switch {
	case voters >= 3 && voters%2 == 1 && witness:
		s.Guards = append(s.Guards, GuardQuorum)
		s.add(because(DecideGuard, GuardQuorumWitness, s.Witness))
	case voters >= 3 && voters%2 == 1:
		s.Guards = append(s.Guards, GuardQuorum)
		s.add(because(DecideGuard, GuardQuorumRegions, itoa(len(s.Regions))))
	case voters >= 3:
		// A majority of an even number is still safe (no two primaries),
		// but a split two against two elects nobody: the reason says so
		// rather than counting the regions as a quorum that always decides.
		s.Guards = append(s.Guards, GuardQuorum)
		s.add(because(DecideGuard, GuardEvenVoters, itoa(voters), itoa(voters/2+1)))
	default:
		s.add(because(DecideGuard, GuardNoQuorum, itoa(len(s.Regions))))
		s.Notes = append(s.Notes, Note{Kind: NoteNoQuorum, Attr: "regions", Range: rng, Args: []string{itoa(len(s.Regions))}})
	}
	s.Guards = append(s.Guards, GuardFencing)
	s.add(because(DecideGuard, GuardFencingTokens))
}

// electionsOf sorts the data classes whose primaries a failover of a
// service moves by who picks the new primary: nobody (routed: partitions
// on a store that takes writes in every region move by routing), the
// store's own quorum (store: a Paxos or Raft group across regions, or a
// lease that expires), the provider's service-managed failover (provider:
// Cosmos DB moves its write region and fences the old one), or the module's
// failover automation, which needs a quorum of its own (module). Each entry
// is a data address with its store.
type electionsOf struct {
	routed, store, provider, module []string
	moduleData                      []lang.Address
}

func (p *planner) elections(s *Service) electionsOf {
	var e electionsOf
	for _, w := range s.DataWrites {
		if w.Mode == WriteMultiPrimary {
			continue
		}
		d := p.out.DataClass(w.Data.Name)
		if d == nil || d.Block.Catalog == nil {
			e.module = append(e.module, w.Data.String())
			e.moduleData = append(e.moduleData, w.Data)
			continue
		}
		c := d.Block.Catalog
		name := d.Addr.String() + " (" + c.Ref() + ")"
		switch {
		case w.Mode == WritePartitioned && c.MultiWriter && !consensus(c):
			e.routed = append(e.routed, name)
		case c.Scope != providers.ScopeRegional && len(c.Replication) == 1 && c.Replication[0] == providers.ReplicationSync,
			c.MultiWriter && consensus(c), c.FailoverBy == providers.TriggerLease:
			e.store = append(e.store, name)
		case c.FailoverBy == providers.TriggerService:
			e.provider = append(e.provider, name)
		default:
			e.module = append(e.module, name)
			e.moduleData = append(e.moduleData, w.Data)
		}
	}
	return e
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
