package planner

import (
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/units"

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
	written := len(regions)
	for _, s := range d.readers {
		add(s)
	}
	d.Regions = p.sortRegions(regions)
	p.keepResident(d, regions[:written])
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
	// quorum: the product commits by consensus, so sync costs the round
	// trip from the leader to the voter that completes a majority (far
	// then holds that, and widest the farthest pair's estimate).
	quorum           bool
	leader           string
	voters, majority int
	widest           providers.RTTEstimate
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
	if f.prod != nil && f.offers(providers.ReplicationSync) && (consensus(f.prod) || f.prod.FailoverBy == providers.TriggerLease) {
		p.quorumFacts(d, f)
	}
	return f
}

// quorumFacts replaces the farthest pair by the nearest majority for a
// consensus store. The voters are the data's regions, plus its writers'
// witness regions when the product lets a witness vote. Single-primary
// writes lead from the home region; multi-primary or partitioned writes to
// a multi-writer store lead from every region, and the worst of them is
// what a write can wait.
func (p *planner) quorumFacts(d *Data, f *syncFacts) {
	voters := append([]string(nil), d.Regions...)
	if f.prod.Witness {
		for _, s := range d.writers {
			if s != nil && s.Witness != "" && !contains(voters, s.Witness) {
				voters = append(voters, s.Witness)
			}
		}
	}
	if len(voters) < 3 {
		return // two voters: the majority is both, the farthest pair already
	}
	leaders := []string{p.homeRegion(d)}
	if f.prod.MultiWriter && d.WriteMode != WriteSinglePrimary {
		leaders = d.Regions
	}
	found := false
	for _, l := range leaders {
		b, est, m, ok := p.quorumRTT(l, voters)
		if ok && (!found || est.RTT > f.far.RTT) {
			f.far, f.farA, f.farB, f.leader, f.majority, found = est, l, b, l, m, true
		}
	}
	if !found {
		return
	}
	if _, _, w, ok := p.farthest(voters); ok {
		f.widest = w
	}
	f.quorum, f.hasFar, f.voters = true, true, len(voters)
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
	case f.queueOnly():
		p.chooseQueueChannel(d, f)
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
		// "sync would add ≥ X": X is the floor, light in fibre, which
		// nothing beats; the estimate is what the penalty reason gives.
		syncCost := ""
		if f.offers(providers.ReplicationSync) && f.hasFar {
			syncCost = dur(f.far.Floor)
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

// queueOnly: the product is a queue that neither keeps backups nor
// replicates (SQS, Event Hubs, Service Bus, Pub/Sub): backup-restore is no
// channel for it, and what a lost region holds in flight is lost.
func (f *syncFacts) queueOnly() bool {
	return f.prod != nil && f.prod.Kind == providers.KindQueue &&
		!f.offers(providers.ReplicationAsync) && !f.offers(providers.ReplicationSync) &&
		!f.offers(providers.ReplicationSemiSync)
}

// chooseQueueChannel: the second channel of a queue is the producer's.
// Each message published to queues in two regions (dual publish), or
// written to an outbox in replicated storage with the change it announces,
// survives a region; without one, the backlog in flight is lost. Critical
// data, and data whose loss tolerance is shorter than the backlog, get the
// channel when there is a second region to publish to.
func (p *planner) chooseQueueChannel(d *Data, f *syncFacts) {
	backlog := p.a.QueueBacklog
	lt := ltOrUnknown(d)
	if len(d.Regions) >= 2 && (d.Class == ClassCritical || d.LossKnown && d.LossTolerance < backlog) {
		d.Mechanisms = append(d.Mechanisms, lang.MechMessageQueue)
		d.DualPublish = true
		d.add(because(DecideMechanisms, MechDualPublish, lang.MechMessageQueue.String(), f.product, dur(backlog), lt))
		return
	}
	d.add(because(DecideMechanisms, MechQueueInFlight, f.product, dur(backlog), lt))
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

func (f *syncFacts) lagBound() time.Duration {
	if f.prod == nil {
		return 0
	}
	return f.prod.LagBound
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
		if f.queueOnly() && m == lang.MechBackupRestore {
			// SQS, Event Hubs, Service Bus keep no backups to restore.
			d.Notes = append(d.Notes, Note{Kind: NoteMechanismNotOffered, Attr: "sync", Range: mr.Range,
				Args: []string{m.String(), f.product}})
			continue
		}
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
	d.Lag, d.LagBound = f.lag(), f.lagBound()
	d.Counts = d.Class != ClassRegenerable
	switch {
	case !d.Counts:
		d.add(because(DecideRPO, RPORegenerable))
	case f.queueOnly():
		p.estimateQueue(d, f)
	default:
		best := p.backupInterval(d)
		bound := best
		reason := because(DecideRPO, RPOBackup, dur(best))
		if len(d.Regions) > 1 {
			for _, m := range d.Mechanisms {
				r := replicationOf(m)
				if r == ReplicationNone || !f.offers(providerMode(r)) {
					continue
				}
				rpo := time.Duration(0)
				worst := rpo
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
					rpo, worst = f.lag(), max(f.lag(), f.lagBound())
					rr = because(DecideRPO, RPOReplicaLag, m.String(), f.product, dur(rpo))
					if worst > rpo {
						rr = because(DecideRPO, RPOReplicaLagBound, m.String(), f.product, dur(rpo), dur(worst))
					}
				}
				if rpo < best {
					best, bound, reason = rpo, min(worst, p.backupInterval(d)), rr
				}
			}
		}
		d.RPO, d.RPOBound = best, bound
		d.add(reason)
	}
	p.estimateZoneRPO(d, f)
	switch {
	case len(d.Regions) < 2:
		d.add(because(DecideWritePenalty, WritePenaltyOneRegion))
	case d.Replication == ReplicationSync && f.quorum:
		d.WritePenalty, d.PenaltyPair, d.PenaltyRTT = f.far.RTT, [2]string{f.farA, f.farB}, f.far
		d.add(because(DecideWritePenalty, WritePenaltyQuorum, f.leader, itoa(f.majority), itoa(f.voters), f.farB,
			dur(f.far.RTT), dur(f.far.Floor), rttHow(f.far), dur(f.widest.RTT)))
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

// estimateQueue: a queue without backups or replication loses what is in
// flight with its region, unless the producer publishes to two regions.
func (p *planner) estimateQueue(d *Data, f *syncFacts) {
	for _, m := range d.Mechanisms {
		if m == lang.MechMessageQueue && len(d.Regions) > 1 {
			d.DualPublish = true
			d.add(because(DecideRPO, RPODualPublish, m.String(), f.product))
			return
		}
	}
	d.InFlight = true
	d.RPO, d.RPOBound = p.a.QueueBacklog, p.a.QueueBacklog
	d.add(because(DecideRPO, RPOInFlight, f.product, dur(p.a.QueueBacklog)))
}

// estimateZoneRPO sets what the loss of one zone of the home region loses.
// The managed stores of the clouds keep synchronous copies across the
// zones of a region (Aurora's six copies in three zones, DynamoDB, S3,
// Azure SQL and Cosmos DB zone redundancy, SQS), as does a self-run store
// that offers synchronous replication; caches replicate to other zones
// asynchronously. Data in a region with one zone, or with no catalog
// entry, loses what a region loss does. The managed case assumes the
// store's zone-redundant option (RDS Multi-AZ, Azure ZRS, OSS ZRS), and
// the reason says so.
func (p *planner) estimateZoneRPO(d *Data, f *syncFacts) {
	d.ZoneRPO = d.RPO
	home := p.homeRegion(d)
	zones := p.zones(home)
	if !d.Counts || f.prod == nil || zones < 2 {
		return
	}
	// Say it only where it is judged: a writer's objective survives zones.
	explain := false
	for _, w := range d.writers {
		if w != nil && w.Objective.Survive == lang.DomainZone {
			explain = true
		}
	}
	add := func(r Reason) {
		if explain {
			d.add(r)
		}
	}
	managed := f.prod.Provider != "generic" && f.prod.Kind != providers.KindCache
	switch {
	case managed:
		d.ZoneRPO = 0
		add(because(DecideRPO, RPOZoneCopies, f.product, home, itoa(zones)))
	case f.offers(providers.ReplicationSync) || f.offers(providers.ReplicationSemiSync):
		d.ZoneRPO = 0
		add(because(DecideRPO, RPOZoneStandby, f.product, home))
	case f.offers(providers.ReplicationAsync) && f.lag() > 0:
		d.ZoneRPO = min(f.lag(), d.RPO)
		add(because(DecideRPO, RPOZoneLag, f.product, home, dur(f.lag())))
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
