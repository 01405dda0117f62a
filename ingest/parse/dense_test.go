package parse

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddDense: the assembly adds up dense rows as the Go does, on random
// rows with the extreme weights among them.
func TestAddDense(t *testing.T) {
	if !haveDenseAsm {
		t.Skip("no assembly here")
	}
	r := rand.New(rand.NewPCG(1, 2))
	dense := make([]int16, 300*denseClasses)
	for i := range dense {
		switch r.IntN(10) {
		case 0:
			dense[i] = math.MaxInt16
		case 1:
			dense[i] = math.MinInt16
		case 2, 3, 4:
			dense[i] = 0
		default:
			dense[i] = int16(r.Uint32())
		}
	}
	for trial := range 2000 {
		rows := make([]uint32, r.IntN(maxFeatures+1))
		for i := range rows {
			rows[i] = uint32(r.IntN(300))
		}
		var got, want accum
		for i := range got {
			got[i] = int32(r.Uint32()) >> 8
		}
		want = got
		addDenseGo(&want, dense, rows)
		if len(rows) > 0 {
			addDense(&got, dense, rows)
		}
		if got != want {
			t.Fatalf("trial %d, %d rows: the assembly's sums differ from Go's", trial, len(rows))
		}
	}
}

// TestDenseRows: the model's tables with dense rows give every feature,
// and random sets of features (some not in the table), the same scores
// as with none.
func TestDenseRows(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, tb := range []*table{m.tagger, m.parser} {
		sparse := &table{keys: tb.keys, off: tb.off, cls: tb.cls, w: tb.w}
		saved := denseRows
		denseRows = 0
		sparse.index()
		denseRows = saved
		if denseRows > 0 && len(tb.dense) == 0 {
			t.Errorf("a table of %d classes has no dense rows", tb.classes())
		}
		nc := tb.classes()
		got, want := make([]int32, nc), make([]int32, nc)
		for _, k := range tb.keys {
			tb.score([]uint64{k}, got)
			sparse.score([]uint64{k}, want)
			if !slices.Equal(got, want) {
				t.Fatalf("feature %x: %v with dense rows, %v without", k, got, want)
			}
		}
		for range 20000 {
			fs := make([]uint64, r.IntN(300))
			for i := range fs {
				if r.IntN(5) == 0 {
					fs[i] = r.Uint64()
				} else {
					fs[i] = tb.keys[r.IntN(len(tb.keys))]
				}
			}
			tb.score(fs, got)
			sparse.score(fs, want)
			if !slices.Equal(got, want) {
				t.Fatalf("%d features: scores differ with dense rows", len(fs))
			}
		}
	}
}

// TestAddSums: the assembly adds up the groups' sums as the Go does.
func TestAddSums(t *testing.T) {
	if !haveDenseAsm {
		t.Skip("no assembly here")
	}
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 1000 {
		var got, want accum
		for i := range got {
			got[i] = int32(r.Uint32()) >> 2
		}
		want = got
		var sums [3][]int32
		for i := range sums {
			sums[i] = make([]int32, denseClasses)
			for j := range sums[i] {
				sums[i][j] = int32(r.Uint32()) >> 3
			}
		}
		addSumsGo(&want, sums[0], sums[1], sums[2])
		addSums(&got, sums[0], sums[1], sums[2])
		if got != want {
			t.Fatalf("trial %d: the assembly's sums differ from Go's", trial)
		}
	}
}
