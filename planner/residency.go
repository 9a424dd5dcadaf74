package planner

import (
	"slices"
	"strings"

	"github.com/mrplan/mrplan/lang"
)

// Copy is one place a data class is kept, and why.
type Copy struct {
	Region string
	Kind   CopyKind
	// FailoverTarget: a service that writes the data fails over to the
	// region, so the copy must be there to be promoted or restored.
	FailoverTarget bool
	// Country is the region's ISO country, "" when nothing says.
	Country string
	// Allowed: the data class's residency permits a copy there (always,
	// without a residency).
	Allowed bool
}

// RemoteRead is a reader the planner keeps from causing a copy: it runs in
// a region the data's residency excludes, so it reads from a copy inside
// the jurisdiction on demand.
type RemoteRead struct {
	Service lang.Address
	Region  string
	From    string // the nearest region holding a copy, "" when none
}

// country is the ISO country of a module region, "" when unknown.
func (p *planner) country(region string) string {
	if g := p.geo(region); g != nil {
		return g.Country
	}
	return ""
}

// allowed reports whether d's residency permits a copy in region.
func (p *planner) allowed(d *Data, region string) bool {
	return lang.Allows(d.Block.Residency, p.country(region))
}

// keepResident takes out of d's footprint the regions only its readers
// bring, where its residency allows no copy: such a reader reads on demand
// from inside the jurisdiction instead (SPEC §10 prefers a compliant design
// to a finding). Regions the owner or a writer runs in stay: the data must
// be there for them to write or fail over, and MR601 says so.
func (p *planner) keepResident(d *Data, writerRegions []string) {
	if len(d.Block.Residency) == 0 {
		return
	}
	kept := d.Regions[:0:0]
	var out []string
	for _, r := range d.Regions {
		if slices.Contains(writerRegions, r) || p.allowed(d, r) {
			kept = append(kept, r)
		} else {
			out = append(out, r)
		}
	}
	d.Regions = kept
	if len(out) == 0 {
		return
	}
	for _, s := range d.readers {
		if s == nil {
			continue
		}
		for _, r := range s.Regions {
			if !slices.Contains(out, r) {
				continue
			}
			var from string
			var allowedHere []string
			for _, k := range kept {
				if p.allowed(d, k) {
					allowedHere = append(allowedHere, k)
				}
			}
			if b, _, ok := p.nearest(r, allowedHere); ok {
				from = b
			} else if len(allowedHere) > 0 {
				from = allowedHere[0]
			}
			d.RemoteReads = append(d.RemoteReads, RemoteRead{Service: s.Addr, Region: r, From: from})
			fromWord := from
			if fromWord == "" {
				fromWord = "no region"
			}
			d.add(because(DecideCopies, CopiesRemoteRead, s.Addr.String(), r, countryOr(p.country(r)), fromWord, residencyWords(d.Block.Residency)))
		}
	}
}

func countryOr(c string) string {
	if c == "" {
		return "country unknown"
	}
	return c
}

// residencyWords is a residency as written: "EU, GB".
func residencyWords(rs []lang.JurisdictionRef) string {
	names := make([]string, 0, len(rs))
	for _, r := range rs {
		if r.Jurisdiction != nil {
			names = append(names, r.Jurisdiction.Name)
		}
	}
	return strings.Join(names, ", ")
}

// decideCopies lists where the data is kept once its mechanisms are
// chosen: the home region (every writing region for multi-primary or
// partitioned writes), replicas, queue channels, read-through copies and
// the backups, whose region it chooses.
func (p *planner) decideCopies(d *Data) {
	home := p.homeRegion(d)
	if home == "" {
		return
	}
	has := func(m lang.Mechanism) bool { return slices.Contains(d.Mechanisms, m) }
	// A data class has a writer or two, each with a few regions: scans
	// answer these without building sets.
	writerIn := func(r string) bool {
		for _, s := range d.writers {
			if s != nil && slices.Contains(s.Regions, r) {
				return true
			}
		}
		return false
	}
	failoverTo := func(r string) bool {
		for _, s := range d.writers {
			if s != nil && r != s.Primary && slices.Contains(s.Regions, r) {
				return true
			}
		}
		return false
	}
	writesIn := func(r string) bool {
		for _, s := range d.writers {
			if s != nil && (s.WriteMode == WriteMultiPrimary || s.WriteMode == WritePartitioned) && slices.Contains(s.Active, r) {
				return true
			}
		}
		return false
	}
	d.Copies = make([]Copy, 0, 2*len(d.Regions)+1)
	add := func(r string, k CopyKind) {
		c := p.country(r)
		d.Copies = append(d.Copies, Copy{Region: r, Kind: k, FailoverTarget: k == CopyReplica && failoverTo(r),
			Country: c, Allowed: lang.Allows(d.Block.Residency, c)})
	}
	add(home, CopyPrimary)
	replicated := d.Replication != ReplicationNone || has(lang.MechRegenerate)
	for _, r := range d.Regions {
		if r == home {
			continue
		}
		switch {
		case d.WriteMode != WriteSinglePrimary && writesIn(r):
			add(r, CopyPrimary)
		case replicated:
			add(r, CopyReplica)
		case has(lang.MechOnDemandFetch) || has(lang.MechSecondaryRead):
			add(r, CopySecondaryRead)
		case writerIn(r):
			// A writer runs there: the data is restored there from backups
			// when it fails over, or written from there.
			add(r, CopyReplica)
		default:
			continue
		}
		if has(lang.MechMessageQueue) {
			add(r, CopyQueue)
		}
	}
	if d.Class != ClassRegenerable {
		p.decideBackupRegion(d, home)
		add(d.BackupRegion, CopyBackup)
	}
	p.sortCopies(d.Copies)
	if len(d.Block.Residency) > 0 {
		d.ResidencyUnsatisfiable = true
		if o := p.owner(d); o != nil {
			for _, r := range o.Block.Regions {
				if p.allowed(d, r.Addr.Name) {
					d.ResidencyUnsatisfiable = false
				}
			}
		} else {
			d.ResidencyUnsatisfiable = false
		}
	}
}

// decideBackupRegion keeps the backups away from the home region, so that
// losing it does not lose them too: the nearest other region the residency
// allows, among the data's own regions first, then the module's regions of
// the home region's provider. With none, the backups stay at home.
func (p *planner) decideBackupRegion(d *Data, home string) {
	pick := func(cands []string) (string, bool) {
		var ok []string
		for _, r := range cands {
			if r != home && p.allowed(d, r) {
				ok = append(ok, r)
			}
		}
		if b, _, found := p.nearest(home, ok); found {
			return b, true
		}
		if len(ok) > 0 {
			return ok[0], true
		}
		return "", false
	}
	if r, ok := pick(d.Regions); ok {
		d.BackupRegion = r
		d.add(because(DecideBackupRegion, BackupInFootprint, r, home, residencyOr(d)))
		return
	}
	var same []string
	hg := p.geo(home)
	for _, r := range p.m.Regions {
		if r == nil || r.Geo == nil || hg == nil || r.Geo.Provider != hg.Provider {
			continue
		}
		same = append(same, r.Name)
	}
	if r, ok := pick(same); ok {
		d.BackupRegion = r
		d.add(because(DecideBackupRegion, BackupElsewhere, r, home, residencyOr(d)))
		return
	}
	d.BackupRegion = home
	d.add(because(DecideBackupRegion, BackupAtHome, home, residencyOr(d)))
}

// residencyOr words a residency as the end of a reason (", inside
// residency EU"), "" when there is none.
func residencyOr(d *Data) string {
	if len(d.Block.Residency) == 0 {
		return ""
	}
	return ", inside residency " + residencyWords(d.Block.Residency)
}

// sortCopies orders copies by region (module order), then kind.
func (p *planner) sortCopies(cs []Copy) {
	slices.SortStableFunc(cs, func(a, b Copy) int {
		ia, okA := p.regionIndex[a.Region]
		ib, okB := p.regionIndex[b.Region]
		switch {
		case a.Region == b.Region:
			return int(a.Kind) - int(b.Kind)
		case okA && okB:
			return ia - ib
		case okA != okB:
			if okA {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Region, b.Region)
	})
}
