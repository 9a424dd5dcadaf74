package planner

import "github.com/mrplan/mrplan/lang"

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
	// WriteMixed: the service's data classes are written in different
	// modes (a partitioned ledger beside a single-primary catalogue);
	// Service.DataWrites says which.
	WriteMixed
)

var writeModeNames = []string{"none", "single-primary", "multi-primary", "partitioned", "mixed"}

func (w WriteMode) String() string { return enumName(writeModeNames, int(w), "WriteMode") }

// DataWrite is how one service writes one data class.
type DataWrite struct {
	Data lang.Address
	Mode WriteMode
}

// ModeFor is how the service writes data class d: its own decision for d,
// or its overall mode when it does not list d (regenerable data).
func (s *Service) ModeFor(d lang.Address) WriteMode {
	for _, w := range s.DataWrites {
		if w.Data == d {
			return w.Mode
		}
	}
	if s.WriteMode == WriteMixed {
		return WriteSinglePrimary
	}
	return s.WriteMode
}

// Writes reports whether any data class the service writes is written in
// mode m.
func (s *Service) Writes(m WriteMode) bool {
	if s.WriteMode == m {
		return true
	}
	for _, w := range s.DataWrites {
		if w.Mode == m {
			return true
		}
	}
	return false
}

// HasPrimary reports whether a failover of the service moves a primary:
// some data it writes is single-primary or partitioned.
func (s *Service) HasPrimary() bool {
	return s.Writes(WriteSinglePrimary) || s.Writes(WritePartitioned)
}
