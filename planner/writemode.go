package planner

// WriteMode is where a service's writes are accepted.
type WriteMode int

const (
	// WriteNone: the service writes no data that counts (none, or only
	// regenerable data), so there is no primary to move.
	WriteNone WriteMode = iota
	WriteSinglePrimary
	WriteMultiPrimary
	// WritePartitioned: each record has a home region chosen by its
	// partition_key; writes for it go there.
	WritePartitioned
)

var writeModeNames = []string{"none", "single-primary", "multi-primary", "partitioned"}

func (w WriteMode) String() string { return enumName(writeModeNames, int(w), "WriteMode") }
