package parse

import "testing"

// clusterClash reports whether two keys of one run of occupied slots share
// a fingerprint: where none do, a lookup finds the same weights in
// whatever order the keys went in.
func (t *table) clusterClash() (clashes, longest int) {
	size := len(t.slots)
	// start after an empty slot, so that no run wraps around unseen
	first := 0
	for t.slots[first].at != 0 {
		first++
	}
	run := map[uint32]bool{}
	n := 0
	for j := 1; j <= size; j++ {
		s := t.slots[(first+j)%size]
		if s.at == 0 {
			clear(run)
			n = 0
			continue
		}
		n++
		longest = max(longest, n)
		if run[s.fp] {
			clashes++
		}
		run[s.fp] = true
	}
	return clashes, longest
}

// TestSlotOrder: no two keys of a run of the model's slots share a
// fingerprint, so the order in which index puts the keys in (longest row
// first) changes no lookup's answer, of a key in the table or not: a
// lookup reads the slots from the key's first to the next empty one,
// which are the same slots in any order, and takes the first with its
// fingerprint.
func TestSlotOrder(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i, tb := range []*table{m.tagger, m.parser} {
		if c, longest := tb.clusterClash(); c != 0 {
			t.Errorf("table %d: %d keys share a fingerprint with another of their run (longest run %d)", i, c, longest)
		}
	}
}
