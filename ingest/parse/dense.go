package parse

// A dense row holds a feature's weights of all classes, the weight of
// class c at c (0 where the feature has none): denseClasses int16s, 208
// bytes. Where the machine adds up 8 of them in one instruction (AVX2),
// the rows of the frequent features, those with denseRows entries or
// more, are dense: adding one up is 26 instructions instead of 5 for
// each of its entries. A parser row looked up has 31 entries on average
// (on the dev sample), and the dense rows take 92% of the parser's
// weights added up and 95% of the tagger's. The sums are the same: the
// int32 sums of the same weights, with zeros. A table has dense rows
// only where its classes fit one (the tagger's 98 and the parser's 99
// do).
const denseClasses = 104

// denseRows is the fewest entries of a dense row; 0 for none.
var denseRows = 16

func init() {
	if haveDenseAsm {
		denseRows = 16
	}
}

// addDense adds the dense rows numbered rows of dense to acc.
func addDense(acc *accum, dense []int16, rows []uint32) {
	if haveDenseAsm {
		_ = dense[(int(maxOf(rows))+1)*denseClasses-1] // every row is in dense
		addDenseAsm(&acc[0], &dense[0], &rows[0], len(rows))
		return
	}
	addDenseGo(acc, dense, rows)
}

func maxOf(rows []uint32) uint32 {
	m := uint32(0)
	for _, r := range rows {
		m = max(m, r)
	}
	return m
}

// addDenseGo is addDense in Go.
func addDenseGo(acc *accum, dense []int16, rows []uint32) {
	for _, r := range rows {
		row := dense[int(r)*denseClasses : int(r+1)*denseClasses]
		a := acc[:denseClasses]
		for j, w := range row {
			a[j] += int32(w)
		}
	}
}
