package planner

import (
	"encoding/binary"
	"math/bits"
)

// regionSet is a set of the module's regions, bit i standing for the i-th
// region in module order. Sets over one graph share one length.
type regionSet []uint64

func newRegionSet(n int) regionSet { return make(regionSet, (n+63)/64) }

func (s regionSet) add(i int)      { s[i/64] |= 1 << (uint(i) % 64) }
func (s regionSet) has(i int) bool { return s[i/64]&(1<<(uint(i)%64)) != 0 }
func (s regionSet) intersect(t regionSet) {
	for i := range s {
		s[i] &= t[i]
	}
}

func (s regionSet) fill(n int) {
	for i := 0; i < n; i++ {
		s.add(i)
	}
}

// anyOutside reports whether s has a member not in t.
func (s regionSet) anyOutside(t regionSet) bool {
	for i := range s {
		if s[i]&^t[i] != 0 {
			return true
		}
	}
	return false
}

func (s regionSet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// first is the set's lowest member, -1 when it is empty.
func (s regionSet) first() int {
	for i, w := range s {
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}

// each calls f with every member, in order.
func (s regionSet) each(f func(int)) {
	for i, w := range s {
		for w != 0 {
			f(i*64 + bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}

// key is the set as a string, for maps.
func (s regionSet) key() string {
	b := make([]byte, 0, 8*len(s))
	for _, w := range s {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return string(b)
}
