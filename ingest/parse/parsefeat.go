package parse

// sent is what the parser reads of a sentence: per word (0 is the root)
// the hashed lowercase form, its last three letters, and the tag.
type sent struct {
	w, suf, t, amb, lex []uint64
	hasLex              bool // the model has WordNet's analyses (lex)
}

const rootValue = 0x2545f4914f6cdd1d

func (x *sent) reset(n int) {
	if cap(x.w) < n+1 {
		x.w = make([]uint64, n+1)
		x.suf = make([]uint64, n+1)
		x.t = make([]uint64, n+1)
		x.amb = make([]uint64, n+1)
		x.lex = make([]uint64, n+1)
	}
	x.w, x.suf, x.t, x.amb, x.lex = x.w[:n+1], x.suf[:n+1], x.t[:n+1], x.amb[:n+1], x.lex[:n+1]
	x.w[0], x.suf[0], x.t[0], x.amb[0], x.lex[0] = rootValue, rootValue, rootValue, rootValue, rootValue
}

// The parser's templates fall in groups by what they read: the buffer
// group reads only b0, b1 and b2 (and the bias, which reads nothing), so
// it is the same for as long as the buffer is; the s0 group reads only
// s0 and its dependents, and the s1 group s1 and its right dependent,
// which do not change until one of them takes a dependent. parse adds up
// each group's weights once and uses the sum for as long as it holds; the
// other templates read two words or more of the stack and buffer.

// parseFeatures appends the features of a configuration: the templates of
// Zhang and Nivre (2011) over s0, s1, s2, b0, b1, b2 and the leftmost and
// rightmost dependents, with distance, valency and label sets.
func parseFeatures(fs []uint64, x *sent, s *state) []uint64 {
	v := view{x, s}
	fs = v.bufferFeatures(fs)
	fs = v.s0Features(fs, v.st(0))
	fs = v.s1Features(fs, v.st(1))
	return v.otherFeatures(fs)
}

// view reads a configuration's words; -1 is no word.
type view struct {
	x *sent
	s *state
}

func (v view) pos(i int32) (w, t uint64) {
	if i < 0 {
		return none, none
	}
	return v.x.w[i], v.x.t[i]
}

func (v view) lab(i int32) uint64 {
	if i < 0 {
		return none
	}
	return uint64(v.s.label[i]) + 7
}

// st is the d-th word of the stack from the top.
func (v view) st(d int) int32 {
	if k := len(v.s.stack); k-1-d >= 0 {
		return v.s.stack[k-1-d]
	}
	return -1
}

// bf is the d-th word of the buffer.
func (v view) bf(d int) int32 {
	if i := int(v.s.b) + d; i <= v.s.n {
		return int32(i)
	}
	return -1
}

func (v view) child(i int32, left bool, nth int) int32 {
	if i < 0 {
		return -1
	}
	if left {
		return v.s.lc[i][nth]
	}
	return v.s.rc[i][nth]
}

func (v view) val(i int32, left bool) uint64 {
	if i < 0 {
		return none
	}
	if left {
		return uint64(min(v.s.nl[i], 4))
	}
	return uint64(min(v.s.nr[i], 4))
}

func (v view) set(i int32, left bool) uint64 {
	if i < 0 {
		return none
	}
	if left {
		return v.s.ls[i] + 1
	}
	return v.s.rs[i] + 1
}

func (v view) suf(i int32) uint64 {
	if i < 0 {
		return none
	}
	return v.x.suf[i]
}

func (v view) amb(i int32) uint64 {
	if i < 0 {
		return none
	}
	return v.x.amb[i]
}

func (v view) lex(i int32) uint64 {
	if i < 0 {
		return none
	}
	return v.x.lex[i]
}

// ss is the supersenses of a word's lex.
func ss(lex uint64) uint64 { return lex >> lexNounSense }

// bufferFeatures appends the templates that read only the buffer's
// first three words, and the bias.
func (v view) bufferFeatures(fs []uint64) []uint64 {
	b0, b1, b2 := v.bf(0), v.bf(1), v.bf(2)
	b0w, b0t := v.pos(b0)
	b1w, b1t := v.pos(b1)
	b2w, b2t := v.pos(b2)
	b0wt, b1wt := mix(b0w, b0t), mix(b1w, b1t)
	fs = append(fs,
		f1(1, 0),
		f1(5, b0wt), f1(6, b0w), f1(7, b0t),
		f1(8, b1wt), f1(9, b1w), f1(10, b1t),
		f1(11, b2w), f1(12, b2t),
		f2(27, b0t, b1t),
		f3(40, b0t, b1t, b2t),
		f1(134, v.suf(b0)),
		f2(141, v.amb(b0), b0t), f1(143, v.amb(b1)),
	)
	if v.x.hasLex {
		b0x := v.lex(b0)
		fs = append(fs, f2(161, b0x&lexBits, b0t), f2(164, ss(b0x), b0t))
	}
	return fs
}

// s0Features appends the templates that read only s0 (the top of the
// stack) and its dependents.
func (v view) s0Features(fs []uint64, s0 int32) []uint64 {
	s0w, s0t := v.pos(s0)
	s0l, s0r, s0l2, s0r2 := v.child(s0, true, 0), v.child(s0, false, 0), v.child(s0, true, 1), v.child(s0, false, 1)
	s0lw, s0lt := v.pos(s0l)
	s0rw, s0rt := v.pos(s0r)
	_, s0l2t := v.pos(s0l2)
	_, s0r2t := v.pos(s0r2)
	fs = append(fs,
		f1(2, mix(s0w, s0t)), f1(3, s0w), f1(4, s0t),
		f2(81, s0t, v.val(s0, false)), f2(83, s0t, v.val(s0, true)),
		f1(91, s0lt), f1(92, v.lab(s0l)), f1(93, s0rw), f1(94, s0rt), f1(95, v.lab(s0r)),
		f1(105, s0l2t), f1(106, v.lab(s0l2)), f1(107, s0r2t), f1(108, v.lab(s0r2)),
		f3(111, s0t, v.lab(s0l), v.lab(s0l2)), f3(112, s0t, v.lab(s0r), v.lab(s0r2)),
		f3(114, s0t, s0lt, s0l2t), f3(115, s0t, s0rt, s0r2t),
		f2(121, s0t, v.set(s0, false)), f2(123, s0t, v.set(s0, true)),
		f1(135, v.suf(s0)),
		f2(140, v.amb(s0), s0t),
		f1(90, s0lw), f2(150, s0lw, s0t),
	)
	if v.x.hasLex {
		s0x := v.lex(s0)
		fs = append(fs, f2(160, s0x&lexBits, s0t), f2(163, ss(s0x), s0t))
	}
	return fs
}

// s1Features appends the templates that read only s1 (the second word of
// the stack) and its dependents.
func (v view) s1Features(fs []uint64, s1 int32) []uint64 {
	s1w, s1t := v.pos(s1)
	s1l, s1r := v.child(s1, true, 0), v.child(s1, false, 0)
	_, s1lt := v.pos(s1l)
	_, s1rt := v.pos(s1r)
	fs = append(fs,
		f1(13, mix(s1w, s1t)), f1(14, s1w), f1(15, s1t),
		f2(86, s1t, v.val(s1, false)),
		f1(100, s1lt), f1(101, v.lab(s1l)),
		f1(103, s1rt), f1(104, v.lab(s1r)),
		f2(126, s1t, v.set(s1, false)),
	)
	if v.x.hasLex {
		fs = append(fs, f2(165, ss(v.lex(s1)), s1t))
	}
	return fs
}

// otherFeatures appends the templates of the configuration that read
// more than one of s0, s1 and the buffer, or s2.
func (v view) otherFeatures(fs []uint64) []uint64 {
	s0, s1, s2 := v.st(0), v.st(1), v.st(2)
	b0, b1 := v.bf(0), v.bf(1)
	s0w, s0t := v.pos(s0)
	s1w, s1t := v.pos(s1)
	_, s2t := v.pos(s2)
	b0w, b0t := v.pos(b0)
	_, b1t := v.pos(b1)
	s0l, s0r := v.child(s0, true, 0), v.child(s0, false, 0)
	s1l, s1r := v.child(s1, true, 0), v.child(s1, false, 0)
	b0l, b0l2 := v.child(b0, true, 0), v.child(b0, true, 1)
	s0lw, s0lt := v.pos(s0l)
	_, s0rt := v.pos(s0r)
	_, s1lt := v.pos(s1l)
	_, s1rt := v.pos(s1r)
	b0lw, b0lt := v.pos(b0l)
	_, b0l2t := v.pos(b0l2)
	s0wt, s1wt, b0wt := mix(s0w, s0t), mix(s1w, s1t), mix(b0w, b0t)
	dist := func(a, b int32) uint64 {
		if a < 0 || b < 0 {
			return none
		}
		d := b - a
		if a == 0 {
			return 99
		}
		if d > 5 {
			d = 5 + min((d-5)/3, 3)
		}
		return uint64(d)
	}
	d0 := dist(s0, b0)
	d1 := dist(s1, s0)
	s0suf, s1suf, b0suf := v.suf(s0), v.suf(s1), v.suf(b0)
	s0a, s1a, b0a := v.amb(s0), v.amb(s1), v.amb(b0)
	fs = append(fs,
		f1(16, s2t),
		// pairs
		f2(20, s0wt, b0wt), f2(21, s0wt, b0w), f2(22, s0w, b0wt), f2(23, s0wt, b0t), f2(24, s0t, b0wt),
		f2(25, s0w, b0w), f2(26, s0t, b0t),
		f2(28, s1wt, s0wt), f2(30, s1t, s0t), f2(31, s1t, s0wt), f2(32, s1wt, s0t),
		// triples
		f3(41, s0t, b0t, b1t), f3(42, s1t, s0t, b0t),
		f3(43, s0t, s0lt, b0t), f3(44, s0t, s0rt, b0t), f3(45, s0t, b0t, b0lt),
		f3(46, s1t, s0t, s0lt), f3(47, s1t, s0t, s0rt), f3(48, s1t, s1lt, s0t), f3(49, s1t, s1rt, s0t),
		f3(50, s2t, s1t, s0t), f3(51, s1t, s0t, b1t),
		// distance
		f2(61, s0t, d0), f2(63, b0t, d0), f3(64, s0t, b0t, d0), f3(65, s0w, b0w, d0),
		f2(67, s1t, d1), f2(69, s0t, d1), f3(70, s1t, s0t, d1), f3(71, s1w, s0w, d1),
		// valency
		f2(85, b0t, v.val(b0, true)),
		// dependents
		f1(97, b0lt), f1(98, v.lab(b0l)),
		f1(109, b0l2t), f1(110, v.lab(b0l2)),
		f3(113, b0t, v.lab(b0l), v.lab(b0l2)),
		f3(116, b0t, b0lt, b0l2t),
		// label sets
		f2(125, b0t, v.set(b0, true)),
		// suffixes
		f2(131, s0suf, b0t), f2(132, s0t, b0suf), f2(133, s1suf, s0suf),
		// ambiguity classes: what the words could be, whatever the tagger said
		f2(142, s0a, b0a), f2(144, s1a, s0a),
		// the words of the nearest dependents: "by" of an agent, "to" of a dative
		f3(151, s0lw, s1t, s0t), f1(96, b0lw), f2(152, b0lw, b0t),
	)
	if v.x.hasLex {
		s0x, b0x, s1x := v.lex(s0), v.lex(b0), v.lex(s1)
		// what WordNet says the words can be, and their supersenses:
		// "stake in company" and "invest in company" attach alike
		fs = append(fs, f3(162, s0x&lexBits, b0x&lexBits, s0t),
			f3(166, ss(s1x), s0lw, ss(s0x)), f3(167, ss(b0x), ss(s0x), d0), f3(168, ss(s1x), ss(s0x), d1),
			f3(169, s1w, s0lw, ss(s0x)), f3(170, ss(s1x), s0lw, s0t))
	}
	return fs
}
