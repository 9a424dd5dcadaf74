package planner

import (
	"math"
	"strconv"

	"github.com/mrplan/mrplan/lang"
)

// decideLossTolerance takes the loss tolerance as written, or the strictest
// RPO of the services that write the data (its owner included).
func (p *planner) decideLossTolerance(d *Data) {
	if lt := d.Block.LossTolerance; lt != nil {
		d.LossTolerance, d.LossKnown = *lt, true
		d.add(because(DecideLossTolerance, LossExplicit, dur(*lt)))
		return
	}
	var from *Service
	for _, s := range d.writers {
		if s == nil || !s.Objective.HasRPO {
			continue
		}
		if from == nil || s.Objective.RPO < from.Objective.RPO {
			from = s
		}
	}
	if from == nil {
		d.add(because(DecideLossTolerance, LossUnknown))
		return
	}
	d.LossTolerance, d.LossKnown = from.Objective.RPO, true
	d.add(because(DecideLossTolerance, LossFromWriters, from.Addr.String(), dur(from.Objective.RPO)))
}

// decideClass applies SPEC §5.2: the rows are tried in order and the first
// that matches wins.
func (p *planner) decideClass(d *Data) {
	b := d.Block
	switch {
	case b.Regenerable:
		d.Class = ClassRegenerable
		d.add(because(DecideClass, ClassRegenerableData))
	case d.LossKnown && d.LossTolerance == 0:
		d.Class = ClassCritical
		d.add(because(DecideClass, ClassZeroLoss, dur(0)))
	case b.Realtime && b.Uniqueness == lang.UniquenessGlobal:
		d.Class = ClassCritical
		d.add(because(DecideClass, ClassRealtimeUnique))
	case d.LossKnown && d.LossTolerance <= p.a.ImportantLossTolerance:
		d.Class = ClassImportant
		d.add(because(DecideClass, ClassWithinLoss, dur(d.LossTolerance), dur(p.a.ImportantLossTolerance)))
	case b.ReadRate != nil && b.WriteRate != nil && *b.ReadRate >= p.a.ReferenceReadRatio**b.WriteRate:
		d.Class = ClassReference
		d.add(because(DecideClass, ClassReadHeavy, num(*b.ReadRate), num(*b.WriteRate), num(p.a.ReferenceReadRatio)))
	default:
		d.Class = ClassBulk
		lt := "unknown"
		if d.LossKnown {
			lt = dur(d.LossTolerance)
		}
		d.add(because(DecideClass, ClassOtherwiseBulk, lt))
	}
}

func num(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
