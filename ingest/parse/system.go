package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the root at the bottom of the stack:
//
//	SHIFT     move the first word of the buffer onto the stack
//	LEFT(l)   s0 ← b0: b0 is the head of s0, with label l; pop s0
//	RIGHT(l)  s1 → s0: s1 is the head of s0; pop s0
//
// Class 0 is SHIFT, 1+2l is LEFT(l) and 2+2l is RIGHT(l). The root (0)
// takes a dependent only by the last RIGHT, so every tree has one root.

const shift = 0

func leftOf(l int) int  { return 1 + 2*l }
func rightOf(l int) int { return 2 + 2*l }

// state is a parser configuration over words 1..n (0 is the root).
type state struct {
	n      int
	stack  []int32
	b      int32 // first word of the buffer; the buffer is b..n
	head   []int32
	label  []int16
	lc, rc [][2]int32 // two leftmost and two rightmost dependents
	nl, nr []uint8    // number of left and right dependents
	ls, rs []uint64   // sets of left and right dependents' labels
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	grow := func(x []int32) []int32 {
		if cap(x) < n+1 {
			return make([]int32, n+1)
		}
		return x[:n+1]
	}
	s.head = grow(s.head)
	if cap(s.label) < n+1 {
		s.label = make([]int16, n+1)
		s.lc = make([][2]int32, n+1)
		s.rc = make([][2]int32, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
		s.ls = make([]uint64, n+1)
		s.rs = make([]uint64, n+1)
	}
	s.label, s.lc, s.rc = s.label[:n+1], s.lc[:n+1], s.rc[:n+1]
	s.nl, s.nr, s.ls, s.rs = s.nl[:n+1], s.nr[:n+1], s.ls[:n+1], s.rs[:n+1]
	for i := 0; i <= n; i++ {
		s.head[i] = -1
		s.label[i] = -1
		s.lc[i] = [2]int32{-1, -1}
		s.rc[i] = [2]int32{-1, -1}
		s.nl[i], s.nr[i], s.ls[i], s.rs[i] = 0, 0, 0, 0
	}
}

func (s *state) terminal() bool { return int(s.b) > s.n && len(s.stack) == 1 }

// legal reports whether a transition of kind (0 shift, 1 left, 2 right)
// may be applied, and for RIGHT whether it must be labelled root.
func (s *state) canShift() bool { return int(s.b) <= s.n }
func (s *state) canLeft() bool  { return int(s.b) <= s.n && len(s.stack) > 1 }
func (s *state) canRight() bool {
	k := len(s.stack)
	return k > 1 && (s.stack[k-2] != 0 || int(s.b) > s.n)
}

// rootRight reports whether RIGHT would attach s0 to the root.
func (s *state) rootRight() bool { k := len(s.stack); return k > 1 && s.stack[k-2] == 0 }

// headOf returns the word that takes a dependent by LEFT or RIGHT.
func (s *state) headOf(class int) int32 {
	if class%2 == 1 {
		return s.b
	}
	return s.stack[len(s.stack)-2]
}

func (s *state) apply(class int) {
	if class == shift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	k := len(s.stack)
	d := s.stack[k-1]
	s.stack = s.stack[:k-1]
	l := int16((class - 1) / 2)
	if class%2 == 1 {
		s.attach(s.b, d, l)
	} else {
		s.attach(s.stack[k-2], d, l)
	}
}

func (s *state) attach(h, d int32, l int16) {
	s.head[d] = h
	s.label[d] = l
	if d < h {
		s.nl[h]++
		s.ls[h] |= 1 << (uint(l) & 63)
		c := &s.lc[h]
		if c[0] == -1 || d < c[0] {
			c[1] = c[0]
			c[0] = d
		} else if c[1] == -1 || d < c[1] {
			c[1] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= 1 << (uint(l) & 63)
		c := &s.rc[h]
		if c[0] == -1 || d > c[0] {
			c[1] = c[0]
			c[0] = d
		} else if c[1] == -1 || d > c[1] {
			c[1] = d
		}
	}
}

// costs returns, for gold heads and labels (index 0 unused), the number
// of gold arcs each kind of transition makes unreachable: SHIFT, LEFT and
// RIGHT without their labels (Goldberg and Nivre 2013). A transition that
// is not legal costs -1.
func (s *state) costs(gh []int32) (sh, left, right int) {
	k := len(s.stack)
	inStack := func(x int32, skipTop bool) bool {
		top := k
		if skipTop {
			top = k - 1
		}
		for _, y := range s.stack[:top] {
			if y == x {
				return true
			}
		}
		return false
	}
	inBuffer := func(x int32) bool { return x >= s.b && int(x) <= s.n }
	sh, left, right = -1, -1, -1
	if s.canShift() {
		b := s.b
		sh = 0
		if inStack(gh[b], true) {
			sh++
		}
		for _, y := range s.stack {
			if y != 0 && gh[y] == b {
				sh++
			}
		}
	}
	if k > 1 {
		s0 := s.stack[k-1]
		deps := 0
		for x := s.b; int(x) <= s.n; x++ {
			if gh[x] == s0 {
				deps++
			}
		}
		if s.canLeft() {
			left = deps
			if gh[s0] == s.stack[k-2] || (inBuffer(gh[s0]) && gh[s0] != s.b) {
				left++
			}
		}
		if s.canRight() {
			right = deps
			if inBuffer(gh[s0]) {
				right++
			}
		}
	}
	return sh, left, right
}
