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

// parseFeatures appends the features of a configuration: the templates of
// Zhang and Nivre (2011) over s0, s1, s2, b0, b1, b2 and the leftmost and
// rightmost dependents, with distance, valency and label sets.
func parseFeatures(fs []uint64, x *sent, s *state) []uint64 {
	k := len(s.stack)
	pos := func(i int32) (w, t uint64) {
		if i < 0 {
			return none, none
		}
		return x.w[i], x.t[i]
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return uint64(s.label[i]) + 7
	}
	st := func(d int) int32 {
		if k-1-d >= 0 {
			return s.stack[k-1-d]
		}
		return -1
	}
	bf := func(d int) int32 {
		if i := int(s.b) + d; i <= s.n {
			return int32(i)
		}
		return -1
	}
	child := func(i int32, left bool, nth int) int32 {
		if i < 0 {
			return -1
		}
		if left {
			return s.lc[i][nth]
		}
		return s.rc[i][nth]
	}
	s0, s1, s2 := st(0), st(1), st(2)
	b0, b1, b2 := bf(0), bf(1), bf(2)
	s0w, s0t := pos(s0)
	s1w, s1t := pos(s1)
	_, s2t := pos(s2)
	b0w, b0t := pos(b0)
	b1w, b1t := pos(b1)
	b2w, b2t := pos(b2)
	s0l, s0r, s0l2, s0r2 := child(s0, true, 0), child(s0, false, 0), child(s0, true, 1), child(s0, false, 1)
	s1l, s1r := child(s1, true, 0), child(s1, false, 0)
	b0l, b0l2 := child(b0, true, 0), child(b0, true, 1)
	s0lw, s0lt := pos(s0l)
	s0rw, s0rt := pos(s0r)
	_, s0l2t := pos(s0l2)
	_, s0r2t := pos(s0r2)
	_, s1lt := pos(s1l)
	_, s1rt := pos(s1r)
	b0lw, b0lt := pos(b0l)
	_, b0l2t := pos(b0l2)
	s0wt, s1wt, b0wt, b1wt := mix(s0w, s0t), mix(s1w, s1t), mix(b0w, b0t), mix(b1w, b1t)
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
	val := func(i int32, left bool) uint64 {
		if i < 0 {
			return none
		}
		if left {
			return uint64(min(s.nl[i], 4))
		}
		return uint64(min(s.nr[i], 4))
	}
	set := func(i int32, left bool) uint64 {
		if i < 0 {
			return none
		}
		if left {
			return s.ls[i] + 1
		}
		return s.rs[i] + 1
	}
	var s0suf, b0suf, s1suf uint64 = none, none, none
	var s0a, s1a, b0a, b1a uint64 = none, none, none, none
	if s0 >= 0 {
		s0suf, s0a = x.suf[s0], x.amb[s0]
	}
	if b0 >= 0 {
		b0suf, b0a = x.suf[b0], x.amb[b0]
	}
	if s1 >= 0 {
		s1suf, s1a = x.suf[s1], x.amb[s1]
	}
	if b1 >= 0 {
		b1a = x.amb[b1]
	}
	fs = append(fs,
		f1(1, 0),
		// single words
		f1(2, s0wt), f1(3, s0w), f1(4, s0t),
		f1(5, b0wt), f1(6, b0w), f1(7, b0t),
		f1(8, b1wt), f1(9, b1w), f1(10, b1t),
		f1(11, b2w), f1(12, b2t),
		f1(13, s1wt), f1(14, s1w), f1(15, s1t),
		f1(16, s2t),
		// pairs
		f2(20, s0wt, b0wt), f2(21, s0wt, b0w), f2(22, s0w, b0wt), f2(23, s0wt, b0t), f2(24, s0t, b0wt),
		f2(25, s0w, b0w), f2(26, s0t, b0t), f2(27, b0t, b1t),
		f2(28, s1wt, s0wt), f2(30, s1t, s0t), f2(31, s1t, s0wt), f2(32, s1wt, s0t),
		// triples
		f3(40, b0t, b1t, b2t), f3(41, s0t, b0t, b1t), f3(42, s1t, s0t, b0t),
		f3(43, s0t, s0lt, b0t), f3(44, s0t, s0rt, b0t), f3(45, s0t, b0t, b0lt),
		f3(46, s1t, s0t, s0lt), f3(47, s1t, s0t, s0rt), f3(48, s1t, s1lt, s0t), f3(49, s1t, s1rt, s0t),
		f3(50, s2t, s1t, s0t), f3(51, s1t, s0t, b1t),
		// distance
		f2(61, s0t, d0), f2(63, b0t, d0), f3(64, s0t, b0t, d0), f3(65, s0w, b0w, d0),
		f2(67, s1t, d1), f2(69, s0t, d1), f3(70, s1t, s0t, d1), f3(71, s1w, s0w, d1),
		// valency
		f2(81, s0t, val(s0, false)), f2(83, s0t, val(s0, true)), f2(85, b0t, val(b0, true)), f2(86, s1t, val(s1, false)),
		// dependents
		f1(91, s0lt), f1(92, lab(s0l)), f1(93, s0rw), f1(94, s0rt), f1(95, lab(s0r)),
		f1(97, b0lt), f1(98, lab(b0l)), f1(100, s1lt), f1(101, lab(s1l)),
		f1(103, s1rt), f1(104, lab(s1r)),
		f1(105, s0l2t), f1(106, lab(s0l2)), f1(107, s0r2t), f1(108, lab(s0r2)), f1(109, b0l2t), f1(110, lab(b0l2)),
		f3(111, s0t, lab(s0l), lab(s0l2)), f3(112, s0t, lab(s0r), lab(s0r2)), f3(113, b0t, lab(b0l), lab(b0l2)),
		f3(114, s0t, s0lt, s0l2t), f3(115, s0t, s0rt, s0r2t), f3(116, b0t, b0lt, b0l2t),
		// label sets
		f2(121, s0t, set(s0, false)), f2(123, s0t, set(s0, true)), f2(125, b0t, set(b0, true)), f2(126, s1t, set(s1, false)),
		// suffixes
		f2(131, s0suf, b0t), f2(132, s0t, b0suf), f2(133, s1suf, s0suf), f1(134, b0suf), f1(135, s0suf),
		// ambiguity classes: what the words could be, whatever the tagger said
		f2(140, s0a, s0t), f2(141, b0a, b0t), f2(142, s0a, b0a), f1(143, b1a), f2(144, s1a, s0a),
		// the words of the nearest dependents: "by" of an agent, "to" of a dative
		f1(90, s0lw), f2(150, s0lw, s0t), f3(151, s0lw, s1t, s0t), f1(96, b0lw), f2(152, b0lw, b0t),
	)
	if x.hasLex {
		lex := func(i int32) uint64 {
			if i < 0 {
				return none
			}
			return x.lex[i]
		}
		s0x, b0x, s1x := lex(s0), lex(b0), lex(s1)
		// what WordNet says the words can be, and their supersenses:
		// "stake in company" and "invest in company" attach alike
		ss := func(v uint64) uint64 { return v >> lexNounSense }
		fs = append(fs, f2(160, s0x&lexBits, s0t), f2(161, b0x&lexBits, b0t), f3(162, s0x&lexBits, b0x&lexBits, s0t),
			f2(163, ss(s0x), s0t), f2(164, ss(b0x), b0t), f2(165, ss(s1x), s1t),
			f3(166, ss(s1x), s0lw, ss(s0x)), f3(167, ss(b0x), ss(s0x), d0), f3(168, ss(s1x), ss(s0x), d1),
			f3(169, s1w, s0lw, ss(s0x)), f3(170, ss(s1x), s0lw, s0t))
	}
	return fs
}
