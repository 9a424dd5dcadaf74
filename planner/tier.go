package planner

import (
	"strconv"
	"sync"
	"time"

	"github.com/mrplan/mrplan/internal/units"
	"github.com/mrplan/mrplan/lang"
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
// to durTextsMax of them; plans made at once share them.
func dur(d time.Duration) string {
	durTexts.RLock()
	s, ok := durTexts.m[d]
	durTexts.RUnlock()
	if ok {
		return s
	}
	s = units.FormatDuration(d)
	durTexts.Lock()
	if len(durTexts.m) < durTextsMax {
		durTexts.m[d] = s
	}
	durTexts.Unlock()
	return s
}

const durTextsMax = 4096

var durTexts = struct {
	sync.RWMutex
	m map[time.Duration]string
}{m: map[time.Duration]string{}}
