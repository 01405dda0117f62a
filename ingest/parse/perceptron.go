package parse

import (
	"encoding/binary"
	"math"
	"math/bits"
	"sort"
	"unsafe"
)

// entry is one class's weight of one feature while training: the current
// weight, the running total for the average, and when it last changed.
type entry struct {
	class uint16
	ts    int32
	w     int32
	total int64
}

// perceptron is a sparse averaged perceptron: each hashed feature keeps
// weights only for the classes it was ever updated for.
type perceptron struct {
	classes int
	w       map[uint64][]entry
	now     int32 // training instances seen
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, w: make(map[uint64][]entry)}
}

// score adds the weights of feats to scores (len classes).
func (p *perceptron) score(feats []uint64, scores []int64) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		for _, e := range p.w[f] {
			scores[e.class] += int64(e.w)
		}
	}
}

// tick counts one training instance, for the average.
func (p *perceptron) tick() { p.now++ }

// update moves the weights of feats towards good and away from bad.
func (p *perceptron) update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		row := p.w[f]
		row = p.add(row, good, 1)
		row = p.add(row, bad, -1)
		p.w[f] = row
	}
}

func (p *perceptron) add(row []entry, class int, d int32) []entry {
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.total += int64(p.now-e.ts) * int64(e.w)
			e.ts = p.now
			e.w += d
			return row
		}
	}
	return append(row, entry{class: uint16(class), ts: p.now, w: d})
}

// average returns the averaged weights as a table, quantised to int16
// with one scale for the table, dropping weights whose quantised
// magnitude is below minQ.
func (p *perceptron) average(minQ int) *table {
	keys := make([]uint64, 0, len(p.w))
	maxAbs := 0.0
	avg := make(map[uint64][]float64, len(p.w))
	for f, row := range p.w {
		ws := make([]float64, len(row))
		for i, e := range row {
			total := e.total + int64(p.now-e.ts)*int64(e.w)
			ws[i] = float64(total) / float64(max(p.now, 1))
			maxAbs = max(maxAbs, math.Abs(ws[i]))
		}
		avg[f] = ws
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale := 32000 / max(maxAbs, 1e-9)
	t := &table{}
	type cw struct {
		c uint8
		w int16
	}
	var buf []cw
	for _, f := range keys {
		buf = buf[:0]
		for i, e := range p.w[f] {
			q := math.Round(avg[f][i] * scale)
			if math.Abs(q) < float64(max(minQ, 1)) {
				continue
			}
			buf = append(buf, cw{uint8(e.class), int16(q)})
		}
		if len(buf) == 0 {
			continue
		}
		sort.Slice(buf, func(i, j int) bool { return buf[i].c < buf[j].c })
		t.keys = append(t.keys, f)
		for _, x := range buf {
			t.cls = append(t.cls, x.c)
			t.w = append(t.w, x.w)
		}
		t.off = append(t.off, uint32(len(t.cls)))
	}
	t.index()
	return t
}

// table is a trained, quantised weight table: the sorted feature keys,
// and for feature i the classes cls[off[i-1]:off[i]] with weights w. For
// lookups, index lays the same out as an open-addressing hash table whose
// slot holds the key and where its weights are, and the weights with
// their classes side by side: a lookup touches two cache lines.
type table struct {
	keys  []uint64
	off   []uint32 // end of each feature's entries
	cls   []uint8
	w     []int16
	slots []slotEntry
	cw    []byte  // see index
	dense []int16 // see denseClasses
	mask  uint64
	shift uint8 // 64 - log2(len(slots))
}

// slotEntry is 8 bytes: the key's high 32 bits (a fingerprint; the low
// bits chose the slot) and where its weights are: the first in the low 24
// bits of at, their number in the high 8; or, where the high 8 bits are
// 0, the number of a dense row (see denseClasses). A zero at is an empty
// slot.
type slotEntry struct {
	fp uint32
	at uint32
}

// The weights of a feature are a row of 3-byte entries in cw, each a
// weight (int16, little-endian) and its class: a row of the parser's is
// 35 entries on average where it is looked up, so 3 bytes instead of 4
// take a quarter fewer cache lines. cw has a byte more at the end, so
// that every entry can be loaded with the next byte as a uint32.
const entryBytes = 3

func (t *table) index() {
	size := 1
	for size < len(t.keys)*4/3+1 {
		size <<= 1
	}
	t.slots = bigSlice[slotEntry](t, size)
	t.mask = uint64(size - 1)
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	// The rows go longest first: the features with many classes are the
	// frequent ones (a tenth of the parser's rows, with 3 or more entries,
	// take four fifths of its lookups), and packed together they share
	// cache lines with one another and not with rare rows. Entry 0 is a
	// dummy, so that no slot in use has at == 0, and so is the entry after
	// the rows of each length: an entry is written as a uint32, whose
	// fourth byte is the next entry's first, which the next row of that
	// length writes over or else the dummy takes.
	// Rows of denseRows or more entries are dense rows instead, where
	// the table's classes fit one.
	dmin := uint32(257)
	if nc := t.classes(); denseRows > 0 && nc <= denseClasses {
		dmin = uint32(denseRows)
	}
	var start [257]uint32 // where the next row of each length goes
	nd := uint32(0)
	lo := uint32(0)
	for _, hi := range t.off {
		if hi-lo >= dmin {
			nd++
		} else {
			start[hi-lo]++
		}
		lo = hi
	}
	t.dense = nil
	if nd > 0 {
		// row 0 is a dummy, so that no dense row has at == 0
		t.dense = bigSlice[int16](t, int(nd+1)*denseClasses)
	}
	next := uint32(1)
	for n := 256; n > 0; n-- {
		rows := start[n]
		start[n] = next
		if rows > 0 {
			next += rows*uint32(n) + 1
		}
	}
	t.cw = bigSlice[byte](t, entryBytes*int(next)+1)
	first := start
	// where each key's weights go, in the order of the keys
	ats := make([]uint32, len(t.keys))
	var byLen [258]uint32 // then where the keys of each length go in order
	lo = 0
	d := uint32(0)
	for i := range t.keys {
		n := t.off[i] - lo
		if n >= dmin {
			d++
			ats[i] = d
		} else {
			ats[i] = start[n] | n<<24
			start[n] += n
		}
		byLen[256-n+1]++
		lo = t.off[i]
	}
	// The slots go in longest row first: in a run of slots, the keys that
	// went in first are nearer their first slot, and the long rows are the
	// frequent features (a lookup that finds a row probed 1.08 slots
	// instead of 1.69 on the dev sample). Where no two keys of a run share
	// a fingerprint (TestSlotOrder), the order changes no lookup's answer.
	for n := 1; n <= 256; n++ {
		byLen[n] += byLen[n-1]
	}
	order := make([]uint32, len(t.keys))
	lo = 0
	for i := range t.keys {
		n := t.off[i] - lo
		order[byLen[256-n]] = uint32(i)
		byLen[256-n]++
		lo = t.off[i]
	}
	for _, i := range order {
		k := t.keys[i]
		h := t.slot(k)
		for t.slots[h].at != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = slotEntry{fp: uint32(k >> 32), at: ats[i]}
	}
	// the weights, in a loop of their own: the stores to 99 places at
	// once would hold up the slots' loads
	start = first
	lo = 0
	d = 0
	for _, hi := range t.off {
		n := hi - lo
		if n >= dmin {
			d++
			row := t.dense[d*denseClasses : (d+1)*denseClasses]
			for j := lo; j < hi; j++ {
				row[t.cls[j]] = t.w[j]
			}
			lo = hi
			continue
		}
		at := start[n]
		start[n] += n
		for j := range n {
			binary.LittleEndian.PutUint32(t.cw[entryBytes*(at+j):], uint32(uint16(t.w[lo+j]))|uint32(t.cls[lo+j])<<16)
		}
		lo = hi
	}
}

// classes is one more than the highest class of the table's weights.
func (t *table) classes() int {
	nc := 0
	for _, c := range t.cls {
		nc = max(nc, int(c)+1)
	}
	return nc
}

// row returns the entries of a slot's at, with one byte more.
func (t *table) row(at uint32) []byte {
	lo := int(at&(1<<24-1)) * entryBytes
	return t.cw[lo : lo+int(at>>24)*entryBytes+1]
}

// addRow adds a row's weights to their classes. row is t.row's: n
// entries and a byte, so that each entry is read as a little-endian
// uint32 with the byte after it, without bounds checks (one unaligned
// load on amd64 and arm64); four at a time, which took a configuration's
// scores in 60% of the time where the rows were in the cache.
func addRow(acc *accum, row []byte) {
	n := len(row) / entryBytes
	if n == 0 {
		return
	}
	p := unsafe.Pointer(&row[0])
	j := 0
	for ; j+4 <= n; j += 4 {
		q := unsafe.Add(p, j*entryBytes)
		u0 := binary.LittleEndian.Uint32((*[4]byte)(q)[:])
		u1 := binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(q, entryBytes))[:])
		u2 := binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(q, 2*entryBytes))[:])
		u3 := binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(q, 3*entryBytes))[:])
		acc[uint8(u0>>16)] += int32(int16(u0))
		acc[uint8(u1>>16)] += int32(int16(u1))
		acc[uint8(u2>>16)] += int32(int16(u2))
		acc[uint8(u3>>16)] += int32(int16(u3))
	}
	for ; j < n; j++ {
		u := binary.LittleEndian.Uint32((*[4]byte)(unsafe.Add(p, j*entryBytes))[:])
		acc[uint8(u>>16)] += int32(int16(u))
	}
}

// slot is the first slot to look for a key in: the high bits of the
// whole key times a large odd number (Fibonacci hashing). The key's low
// 32 bits alone would not do: the feature hashes are weak there, and a
// fifth of the parser's keys share them with another.
func (t *table) slot(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> t.shift }

// prune drops weights of magnitude below min, and features left with none.
func (t *table) prune(min int) {
	var keys []uint64
	var off []uint32
	var cls []uint8
	var w []int16
	lo := uint32(0)
	for i, k := range t.keys {
		n := len(cls)
		for j := lo; j < t.off[i]; j++ {
			if int(t.w[j]) >= min || int(t.w[j]) <= -min {
				cls = append(cls, t.cls[j])
				w = append(w, t.w[j])
			}
		}
		lo = t.off[i]
		if len(cls) > n {
			keys = append(keys, k)
			off = append(off, uint32(len(cls)))
		}
	}
	t.keys, t.off, t.cls, t.w = keys, off, cls, w
	t.index()
}

// Prune drops the model's weights of magnitude below min (of the
// quantised int16 weights) from the tagger and the parser: a smaller
// model is faster.
func (m *Model) Prune(minTagger, minParser int) {
	m.tagger.prune(minTagger)
	m.parser.prune(minParser)
}

// Size returns the number of features and weights of the tagger and the
// parser.
func (m *Model) Size() (taggerFeatures, taggerWeights, parserFeatures, parserWeights int) {
	return len(m.tagger.keys), len(m.tagger.w), len(m.parser.keys), len(m.parser.w)
}

// accum sums scores: 256 classes (a class is a byte, so adding to one
// needs no bounds check), and after them where the touching loads of add
// go, so that they are not optimised away.
type accum [257]int32

const sinkAt = 256

// score sets scores to the sum of the weights of feats.
func (t *table) score(feats []uint64, scores []int32) {
	var acc accum
	t.add(feats, &acc)
	copy(scores, acc[:min(len(scores), sinkAt)])
}

// add adds the weights of feats to acc.
func (t *table) add(feats []uint64, acc *accum) {
	if len(feats) > maxFeatures {
		t.addSlow(feats, acc)
		return
	}
	var at [maxFeatures]uint32
	t.find(feats, at[:len(feats)], acc)
	t.addRows(at[:len(feats)], acc)
}

// find sets at[i] to where the weights of feats[i] are (see slotEntry),
// or 0 if it has none.
//
// The tables are larger than the caches and each lookup is a miss, so it
// goes in two passes, and addRows makes the third: touch every feature's
// slot, then find every feature's weights and touch the first, then add
// them up. The loads of a pass do not wait for one another, so the memory
// serves them together. The touching loads are added up in acc's sink,
// so that they are not optimised away.
func (t *table) find(feats []uint64, at []uint32, acc *accum) {
	if len(t.keys) == 0 {
		clear(at)
		return
	}
	at = at[:len(feats)]
	// Loads without bounds checks: a slot number is masked to under
	// len(slots), and a row's place is the index's.
	slots := unsafe.Pointer(unsafe.SliceData(t.slots))
	mask, shift := t.mask, t.shift&63
	var sink uint32
	for i, f := range feats {
		h := f * 0x9e3779b97f4a7c15 >> shift & mask
		at[i] = uint32(h)
		sink += (*slotEntry)(unsafe.Add(slots, h*8)).at
	}
	cw, dense := unsafe.Pointer(unsafe.SliceData(t.cw)), unsafe.Pointer(unsafe.SliceData(t.dense))
	if dense == nil {
		dense = cw
	}
	for i, f := range feats {
		h, fp := uint64(at[i]), uint32(f>>32)
		a := uint32(0)
		for {
			s := *(*slotEntry)(unsafe.Add(slots, h*8))
			if s.at == 0 {
				break
			}
			if s.fp == fp {
				a = s.at
				break
			}
			h = (h + 1) & mask
		}
		at[i] = a
		// touch the row's first entry, sparse or dense, and the dummy
		// entry 0 of the other kind, without a branch: dm is all ones
		// where a is a dense row's number (1 ≤ a < 1<<24; sparse rows
		// start after the dummy entry, so none has at == 1<<24)
		dm := uint32(int32((a-1)>>24-1) >> 31)
		sink += uint32(*(*byte)(unsafe.Add(cw, uintptr(a&(1<<24-1)&^dm)*entryBytes)))
		sink += uint32(*(*byte)(unsafe.Add(dense, uintptr(a&dm)*denseClasses*2)))
	}
	acc[sinkAt] += int32(sink)
}

// addRows adds the weights at at (found by find) to acc: the sparse rows
// one by one, then the dense ones together. They are sorted out without
// branches, which the processor could not foretell.
func (t *table) addRows(at []uint32, acc *accum) {
	var sparse, dense [maxFeatures]uint32
	for len(at) > 0 {
		chunk := at[:min(len(at), maxFeatures)]
		at = at[len(chunk):]
		ns, nd := 0, 0
		for _, a := range chunk {
			sparse[ns], dense[nd] = a, a
			if a >= 1<<24 { // a sparse row's, with its length in the high bits
				ns++
			}
			if a-1 < 1<<24-1 { // a dense row's number, 1 or more
				nd++
			}
		}
		for _, a := range sparse[:ns] {
			addRow(acc, t.row(a))
		}
		if nd > 0 {
			addDense(acc, t.dense, dense[:nd])
		}
	}
}

// maxFeatures is the most features add takes in its fast way.
const maxFeatures = 256

func (t *table) addSlow(feats []uint64, acc *accum) {
	for _, f := range feats {
		h := t.slot(f)
		for {
			s := t.slots[h]
			if s.at == 0 {
				break
			}
			if s.fp == uint32(f>>32) {
				t.addRows([]uint32{s.at}, acc)
				break
			}
			h = (h + 1) & t.mask
		}
	}
}
