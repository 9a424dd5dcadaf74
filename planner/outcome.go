package planner

// Outcome is what a failure scenario does to one service.
type Outcome int

const (
	// OutcomeServing: none of the service's regions is lost and everything
	// it needs is still up.
	OutcomeServing Outcome = iota
	// OutcomeRerouted: an active region is lost but the primary survives;
	// users there are sent to the remaining active regions.
	OutcomeRerouted
	// OutcomeFailedOver: the primary (or the only active region) is lost;
	// a standby or another active region takes over after the service's RTO.
	OutcomeFailedOver
	// OutcomeDown: every region of the service is lost, or something it
	// hard-depends on is down everywhere it could be reached.
	OutcomeDown
	// OutcomeDegraded: the service keeps serving from its active regions,
	// but something it calls softly (with a fallback, or for some callers
	// only) is down: it runs its fallback, or fails the scoped callers.
	// ServiceOutcome.DegradedBy says what.
	OutcomeDegraded
)

var outcomeNames = []string{"serving", "rerouted", "failed-over", "down", "degraded"}

func (o Outcome) String() string { return enumName(outcomeNames, int(o), "Outcome") }
