package planner

import (
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/units"
)

// decideTier applies SPEC §5.1: an explicit tier wins, then criticality,
// then the objective's RTO; revenue moves a derived tier one step toward 0.
func (p *planner) decideTier(s *Service) {
	b := s.Block
	switch {
	case b.Tier != nil:
		s.Tier = clampTier(*b.Tier)
		s.add(because(DecideTier, TierExplicit, itoa(s.Tier)))
		return
	case b.Criticality != lang.CriticalityUnset:
		s.Tier = int(b.Criticality) - 1
		s.add(because(DecideTier, TierCriticality, b.Criticality.String(), itoa(s.Tier)))
		return
	case s.Objective.HasRTO:
		rto := s.Objective.RTO
		switch {
		case rto <= p.a.Tier0MaxRTO:
			s.Tier = 0
			s.add(because(DecideTier, TierFromRTO, dur(rto), "≤ "+dur(p.a.Tier0MaxRTO), "0"))
		case rto <= p.a.Tier1MaxRTO:
			s.Tier = 1
			s.add(because(DecideTier, TierFromRTO, dur(rto), "≤ "+dur(p.a.Tier1MaxRTO), "1"))
		default:
			s.Tier = 2
			s.add(because(DecideTier, TierFromRTO, dur(rto), "> "+dur(p.a.Tier1MaxRTO), "2"))
		}
	default:
		s.Tier = 2
		s.add(because(DecideTier, TierNoObjective, "2"))
	}
	if b.Revenue && s.Tier > 0 {
		s.add(because(DecideTier, TierRevenue, itoa(s.Tier), itoa(s.Tier-1)))
		s.Tier--
	}
}

func clampTier(t int) int {
	switch {
	case t < 0:
		return 0
	case t > 2:
		return 2
	}
	return t
}

func (s *Service) add(r Reason) { s.Reasons = append(s.Reasons, r) }
func (d *Data) add(r Reason)    { d.Reasons = append(d.Reasons, r) }

func itoa(i int) string { return strconv.Itoa(i) }

// dur formats a duration as reasons show it. A module's durations are
// few and repeat in every service's reasons, so their texts are kept, up
// to durTextsMax of them; plans made at once, and the decisions of one plan
// on several goroutines, share them without a lock once a text is known.
func dur(d time.Duration) string {
	if s, ok := durTexts.Load(d); ok {
		return s.(string)
	}
	s := units.FormatDuration(d)
	if durTextCount.Load() < durTextsMax {
		if _, loaded := durTexts.LoadOrStore(d, s); !loaded {
			durTextCount.Add(1)
		}
	}
	return s
}

const durTextsMax = 4096

var (
	durTexts     sync.Map // time.Duration → string
	durTextCount atomic.Int64
)
