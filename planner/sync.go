package planner

import (
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/units"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// decideFootprint puts the data where its owner, writers and readers run.
func (p *planner) decideFootprint(d *Data) {
	var regions []string
	add := func(s *Service) {
		if s != nil {
			regions = append(regions, s.Regions...)
		}
	}
	if o := p.owner(d); o != nil {
		add(o)
	}
	for _, s := range d.writers {
		add(s)
	}
	for _, s := range d.readers {
		add(s)
	}
	d.Regions = p.sortRegions(regions)
	if d.Block.Catalog == nil && d.Block.Product != "" {
		d.Notes = append(d.Notes, Note{Kind: NoteUnknownProduct, Attr: "product",
			Range: attrRange(d.Block.Attrs, "product", d.Block.DeclRange), Args: []string{d.Block.Product}})
	}
}

// homeRegion is where single-primary writes of the data go: its owner's
// primary, else the first region it lives in.
func (p *planner) homeRegion(d *Data) string {
	if o := p.owner(d); o != nil && o.Primary != "" {
		return o.Primary
	}
	if len(d.Regions) > 0 {
		return d.Regions[0]
	}
	return ""
}

// decideConflict sets how concurrent writes to the data resolve, from the
// write modes of the services that write it.
func (p *planner) decideConflict(d *Data) {
	d.WriteMode = WriteSinglePrimary
	for _, s := range d.writers {
		if s == nil {
			continue
		}
		m := s.ModeFor(d.Addr)
		switch {
		case m == WriteMultiPrimary && d.Block.PartitionKey == "":
			d.WriteMode = WriteMultiPrimary
		case (m == WriteMultiPrimary || m == WritePartitioned) && d.WriteMode != WriteMultiPrimary:
			d.WriteMode = WritePartitioned
		}
	}
	b := d.Block
	prod := b.Catalog
	if b.Conflict != lang.ConflictUnset {
		d.Conflict = b.Conflict
		d.add(because(DecideConflict, ConflictExplicit, b.Conflict.String()))
		rng := attrRange(b.Attrs, "conflict", b.DeclRange)
		switch {
		case d.WriteMode == WriteMultiPrimary && prod != nil && b.Conflict != lang.ConflictSingleWriter && !offersConflict(prod, b.Conflict):
			d.Notes = append(d.Notes, Note{Kind: NoteConflictNotOffered, Attr: "conflict", Range: rng, Args: []string{b.Conflict.String(), prod.Ref()}})
		case d.WriteMode == WriteMultiPrimary && prod != nil && appMerge(prod, b.Conflict):
			// The module merges; the store only has to keep every
			// region's write for the application to merge.
			d.add(because(DecideConflict, ConflictInApplication, b.Conflict.String(), prod.Ref(), orNone(prod.Conflict)))
		case d.WriteMode == WriteSinglePrimary && b.Conflict == lang.ConflictLWW && len(d.Writers) > 0:
			d.Notes = append(d.Notes, Note{Kind: NoteLWWSinglePrimary, Attr: "conflict", Range: rng, Args: []string{p.homeRegion(d)}})
		}
		if b.Conflict == lang.ConflictLWW && b.Uniqueness == lang.UniquenessGlobal {
			d.Notes = append(d.Notes, Note{Kind: NoteUniqueUnderLWW, Attr: "conflict", Range: rng})
		}
		return
	}
	switch d.WriteMode {
	case WritePartitioned:
		d.Conflict = lang.ConflictSingleWriter
		d.add(because(DecideConflict, ConflictPartitionKey, b.PartitionKey))
	case WriteMultiPrimary:
		if prod == nil {
			d.Conflict = lang.ConflictSingleWriter
			d.add(because(DecideConflict, ConflictOneWriter))
			return
		}
		d.Conflict = catalogConflict(prod.Conflict)
		if d.Conflict == lang.ConflictUnset && consensus(prod) {
			d.Conflict = lang.ConflictSingleWriter
			d.add(because(DecideConflict, ConflictConsensus, prod.Ref()))
			return
		}
		d.add(because(DecideConflict, ConflictCatalog, d.Conflict.String(), prod.Ref()))
	default:
		d.Conflict = lang.ConflictSingleWriter
		d.add(because(DecideConflict, ConflictOneWriter))
	}
}

// offersConflict: merges and CRDTs the application applies need only a
// multi-writer store; lww must be the product's own.
func offersConflict(prod *providers.Product, c lang.Conflict) bool {
	switch c {
	case lang.ConflictMerge, lang.ConflictCRDT:
		return prod.MultiWriter
	case lang.ConflictLWW:
		for _, o := range prod.Conflict {
			if o == c.String() {
				return true
			}
		}
		return false
	}
	return true
}

// appMerge reports whether the module's resolution c is one the store does
// not apply itself, so that the application does: a crdt or merge on a
// multi-writer store that offers another resolution (DynamoDB's lww).
func appMerge(prod *providers.Product, c lang.Conflict) bool {
	if !prod.MultiWriter || (c != lang.ConflictCRDT && c != lang.ConflictMerge) {
		return false
	}
	word := c.String()
	if c == lang.ConflictMerge {
		word = providers.ConflictCustom
	}
	for _, o := range prod.Conflict {
		if o == word {
			return false
		}
	}
	return true
}

func orNone(words []string) string {
	if len(words) == 0 {
		return "none"
	}
	return strings.Join(words, ", ")
}

// syncFacts are the figures the mechanism rules compare.
type syncFacts struct {
	prod            *providers.Product
	product         string // "aws.aurora-postgresql", or "the product" when unknown
	budget          time.Duration
	far             providers.RTTEstimate // farthest pair: what sync costs
	farA, farB      string
	near            providers.RTTEstimate // home to nearest: what semi-sync costs
	nearB           string
	hasFar, hasNear bool
}

func (f *syncFacts) offers(r providers.Replication) bool { return f.prod != nil && f.prod.Offers(r) }

func (f *syncFacts) syncFits() bool {
	return f.offers(providers.ReplicationSync) && f.far.RTT <= f.budget
}

func (f *syncFacts) semiFits() bool {
	return f.offers(providers.ReplicationSemiSync) && f.near.RTT <= f.budget
}

func (p *planner) facts(d *Data) *syncFacts {
	f := &syncFacts{prod: d.Block.Catalog, product: d.Block.Product, budget: p.budget(d)}
	if f.prod != nil {
		f.product = f.prod.Ref()
	}
	if f.product == "" {
		f.product = "the product"
	}
	f.farA, f.farB, f.far, f.hasFar = p.farthest(d.Regions)
	f.nearB, f.near, f.hasNear = p.nearest(p.homeRegion(d), d.Regions)
	return f
}

// budget is the strictest write latency budget of the data's writers.
func (p *planner) budget(d *Data) time.Duration {
	budget := time.Duration(-1)
	for _, s := range d.writers {
		if s != nil && s.Objective.WriteLatencyBudget > 0 &&
			(budget < 0 || s.Objective.WriteLatencyBudget < budget) {
			budget = s.Objective.WriteLatencyBudget
		}
	}
	if budget < 0 {
		budget = 50 * time.Millisecond
	}
	return budget
}

// decideMechanisms applies SPEC §5.3: what the product offers, the loss
// tolerance and the write latency budget choose the channels; critical data
// gets a second, independent one. A `sync` list is kept as written and
// checked instead.
func (p *planner) decideMechanisms(d *Data) {
	f := p.facts(d)
	if len(d.Block.Sync) > 0 {
		p.checkForced(d, f)
	} else {
		p.chooseMechanisms(d, f)
	}
	sortMechanisms(d.Mechanisms)
	d.Replication = ReplicationNone
	for _, m := range d.Mechanisms {
		if r := replicationOf(m); r > d.Replication && f.offers(providerMode(r)) {
			d.Replication = r
		}
	}
	if d.Class == ClassCritical && len(d.Mechanisms) < 2 && len(d.Regions) > 1 {
		m := ""
		if len(d.Mechanisms) == 1 {
			m = d.Mechanisms[0].String()
		}
		d.Notes = append(d.Notes, Note{Kind: NoteSingleChannel, Attr: "sync",
			Range: attrRange(d.Block.Attrs, "sync", d.Block.DeclRange), Args: []string{m}})
	}
}

func (p *planner) chooseMechanisms(d *Data, f *syncFacts) {
	use := func(m lang.Mechanism, code ReasonCode, args ...string) {
		d.Mechanisms = append(d.Mechanisms, m)
		d.add(because(DecideMechanisms, code, append([]string{m.String()}, args...)...))
	}
	lag := dur(f.lag())
	if f.lag() == 0 {
		lag = "unknown"
	}
	switch {
	case d.Class == ClassRegenerable:
		use(lang.MechRegenerate, MechRegenerated)
		return
	case len(d.Regions) < 2:
		use(lang.MechBackupRestore, MechOneRegion, firstOr(d.Regions, "no region"))
		return
	}
	switch d.Class {
	case ClassCritical:
		switch {
		case f.syncFits():
			use(lang.MechSyncReplication, MechZeroLossSync, f.product, dur(f.far.RTT), dur(f.budget))
		case f.semiFits():
			use(lang.MechSemiSyncReplication, MechZeroLossSemiSync, f.product, dur(f.near.RTT), dur(f.budget), dur(f.far.RTT))
		case f.offers(providers.ReplicationSync):
			use(lang.MechSyncReplication, MechSyncOverBudget, f.product, dur(f.far.RTT), dur(f.budget))
			p.overBudget(d, f, lang.MechSyncReplication, hcl.Range{})
		case f.offers(providers.ReplicationSemiSync):
			use(lang.MechSemiSyncReplication, MechSyncOverBudget, f.product, dur(f.near.RTT), dur(f.budget))
			p.overBudget(d, f, lang.MechSemiSyncReplication, hcl.Range{})
		case f.offers(providers.ReplicationAsync):
			use(lang.MechAsyncReplication, MechNoZeroLoss, f.product, lag)
			d.Notes = append(d.Notes, Note{Kind: NoteNoZeroLossChannel, Attr: "product",
				Range: attrRange(d.Block.Attrs, "product", d.Block.DeclRange), Args: []string{f.product}})
		default:
			use(lang.MechBackupRestore, MechNotReplicable, f.product)
			d.Notes = append(d.Notes, Note{Kind: NoteNoZeroLossChannel, Attr: "product",
				Range: attrRange(d.Block.Attrs, "product", d.Block.DeclRange), Args: []string{f.product}})
		}
		use(lang.MechMessageQueue, MechSecondChannel)
	case ClassImportant:
		syncCost := ""
		if f.offers(providers.ReplicationSync) && f.hasFar {
			syncCost = dur(f.far.RTT)
		}
		switch {
		case f.offers(providers.ReplicationAsync) && f.lag() <= d.LossTolerance:
			use(lang.MechAsyncReplication, MechAsyncWithinLoss, dur(d.LossTolerance), lag, syncCost)
		case f.syncFits() && !f.offers(providers.ReplicationAsync):
			use(lang.MechSyncReplication, MechSyncNoAsync, f.product, dur(f.far.RTT), dur(f.budget))
		case f.syncFits():
			use(lang.MechSyncReplication, MechSyncForLoss, dur(d.LossTolerance), lag, dur(f.far.RTT), dur(f.budget))
		case f.semiFits() && !f.offers(providers.ReplicationAsync):
			use(lang.MechSemiSyncReplication, MechSyncNoAsync, f.product, dur(f.near.RTT), dur(f.budget))
		case f.semiFits():
			use(lang.MechSemiSyncReplication, MechSyncForLoss, dur(d.LossTolerance), lag, dur(f.near.RTT), dur(f.budget))
		case f.offers(providers.ReplicationAsync):
			use(lang.MechAsyncReplication, MechAsyncOverLoss, dur(d.LossTolerance), lag)
		default:
			use(lang.MechBackupRestore, MechNotReplicable, f.product)
		}
	case ClassReference:
		switch {
		case f.offers(providers.ReplicationAsync):
			use(lang.MechAsyncReplication, MechAsyncWithinLoss, ltOrUnknown(d), lag, "")
		case f.syncFits():
			use(lang.MechSyncReplication, MechSyncNoAsync, f.product, dur(f.far.RTT), dur(f.budget))
		case f.semiFits():
			use(lang.MechSemiSyncReplication, MechSyncNoAsync, f.product, dur(f.near.RTT), dur(f.budget))
		default:
			use(lang.MechOnDemandFetch, MechFetchOnDemand, f.product)
		}
		use(lang.MechSecondaryRead, MechReadFromOrigin)
	default: // bulk
		use(lang.MechBackupRestore, MechBackups, dur(p.backupInterval(d)))
		if size := d.Block.Size; size != nil && *size >= p.a.ObjectReplicationSize && f.offers(providers.ReplicationAsync) {
			use(lang.MechAsyncReplication, MechObjectReplication, sizeStr(*size), sizeStr(p.a.ObjectReplicationSize))
		}
	}
}

func ltOrUnknown(d *Data) string {
	if !d.LossKnown {
		return "unknown"
	}
	return dur(d.LossTolerance)
}

func (f *syncFacts) lag() time.Duration {
	if f.prod == nil {
		return 0
	}
	return f.prod.Lag
}

// checkForced keeps the module's `sync` list and records what cannot hold:
// a mode the product does not offer, a synchronous write over budget.
func (p *planner) checkForced(d *Data, f *syncFacts) {
	d.Forced = true
	seen := map[lang.Mechanism]bool{}
	for _, mr := range d.Block.Sync {
		m := mr.Mechanism
		if seen[m] || m == 0 {
			continue
		}
		seen[m] = true
		d.Mechanisms = append(d.Mechanisms, m)
		d.add(because(DecideMechanisms, MechForced, m.String()))
		r := replicationOf(m)
		if r == ReplicationNone {
			continue
		}
		if !f.offers(providerMode(r)) {
			d.Notes = append(d.Notes, Note{Kind: NoteMechanismNotOffered, Attr: "sync", Range: mr.Range,
				Args: []string{m.String(), f.product}})
			continue
		}
		if r == ReplicationSync && f.hasFar && f.far.RTT > f.budget ||
			r == ReplicationSemiSync && f.hasNear && f.near.RTT > f.budget {
			p.overBudget(d, f, m, mr.Range)
		}
	}
}

func (p *planner) overBudget(d *Data, f *syncFacts, m lang.Mechanism, rng hcl.Range) {
	est, a, b := f.far, f.farA, f.farB
	if m == lang.MechSemiSyncReplication {
		est, a, b = f.near, p.homeRegion(d), f.nearB
	}
	if rng == (hcl.Range{}) {
		rng = attrRange(d.Block.Attrs, "product", d.Block.DeclRange)
	}
	d.Notes = append(d.Notes, Note{Kind: NoteSyncOverBudget, Attr: "sync", Range: rng,
		Args: []string{m.String(), dur(est.RTT), dur(f.budget), a, b}})
}

func replicationOf(m lang.Mechanism) Replication {
	switch m {
	case lang.MechSyncReplication:
		return ReplicationSync
	case lang.MechSemiSyncReplication:
		return ReplicationSemiSync
	case lang.MechAsyncReplication:
		return ReplicationAsync
	}
	return ReplicationNone
}

func providerMode(r Replication) providers.Replication {
	switch r {
	case ReplicationSync:
		return providers.ReplicationSync
	case ReplicationSemiSync:
		return providers.ReplicationSemiSync
	case ReplicationAsync:
		return providers.ReplicationAsync
	}
	return providers.ReplicationNone
}

func (p *planner) backupInterval(d *Data) time.Duration {
	if d.Block.BackupInterval > 0 {
		return d.Block.BackupInterval
	}
	return 24 * time.Hour
}

// estimateData sets the achieved RPO (SPEC §5.5): the best channel the
// product really offers, never worse than the last backup; and the write
// penalty of a synchronous channel.
func (p *planner) estimateData(d *Data) {
	f := p.facts(d)
	d.Lag = f.lag()
	d.Counts = d.Class != ClassRegenerable
	if !d.Counts {
		d.add(because(DecideRPO, RPORegenerable))
	} else {
		best := p.backupInterval(d)
		reason := because(DecideRPO, RPOBackup, dur(best))
		if len(d.Regions) > 1 {
			for _, m := range d.Mechanisms {
				r := replicationOf(m)
				if r == ReplicationNone || !f.offers(providerMode(r)) {
					continue
				}
				rpo := time.Duration(0)
				rr := because(DecideRPO, RPOSyncChannel, m.String())
				if r == ReplicationSemiSync {
					// Zero only while a replica acknowledges in time: past
					// the source's timeout semi-sync falls back to async.
					rr = because(DecideRPO, RPOSemiSyncChannel, m.String(), f.product)
				}
				if r == ReplicationAsync {
					if f.lag() == 0 {
						// A catalog entry with no lag says nothing about
						// what a failover loses: only backups are sure.
						continue
					}
					rpo = f.lag()
					rr = because(DecideRPO, RPOReplicaLag, m.String(), f.product, dur(rpo))
				}
				if rpo < best {
					best, reason = rpo, rr
				}
			}
		}
		d.RPO = best
		d.add(reason)
	}
	switch {
	case len(d.Regions) < 2:
		d.add(because(DecideWritePenalty, WritePenaltyOneRegion))
	case d.Replication == ReplicationSync && f.hasFar:
		d.WritePenalty, d.PenaltyPair, d.PenaltyRTT = f.far.RTT, [2]string{f.farA, f.farB}, f.far
		d.add(because(DecideWritePenalty, WritePenaltyRTT, f.farA, f.farB, num(round1(f.far.DistanceKm)), dur(f.far.RTT), dur(f.far.Floor), rttHow(f.far)))
	case d.Replication == ReplicationSemiSync && f.hasNear:
		home := p.homeRegion(d)
		d.WritePenalty, d.PenaltyPair, d.PenaltyRTT = f.near.RTT, [2]string{home, f.nearB}, f.near
		d.add(because(DecideWritePenalty, WritePenaltyRTT, home, f.nearB, num(round1(f.near.DistanceKm)), dur(f.near.RTT), dur(f.near.Floor), rttHow(f.near)))
	default:
		d.add(because(DecideWritePenalty, WritePenaltyNone))
	}
}

func round1(f float64) float64 { return float64(int64(f + 0.5)) }

func sortMechanisms(ms []lang.Mechanism) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j] < ms[j-1]; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func firstOr(xs []string, alt string) string {
	if len(xs) == 0 {
		return alt
	}
	return xs[0]
}

func attrRange(attrs map[string]hcl.Range, name string, def hcl.Range) hcl.Range {
	if r, ok := attrs[name]; ok {
		return r
	}
	return def
}

var sizeStr = units.FormatSize

func rttHow(e providers.RTTEstimate) string {
	if e.Source != "" {
		return "measured (" + e.Source + ")"
	}
	return "estimated from distance"
}
