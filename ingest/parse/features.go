package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature values are hashed to uint64: hash(string) for words and affixes,
// small integers for tags, labels and distances, combined by mix.

const (
	prime64  = 1099511628211
	offset64 = 14695981039346656037
)

func hashString(s string) uint64 { return hashMore(offset64, s) }

// hashMore goes on hashing b after h: hashMore(hashString(a), b) is
// hashString(a + b).
func hashMore[T string | []byte](h uint64, b T) uint64 {
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= prime64
	}
	return h
}

func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	return h * 0xff51afd7ed558ccd
}

func f1(t, a uint64) uint64       { return mix(mix(uint64(t)<<56, a), 1) }
func f2(t, a, b uint64) uint64    { return mix(mix(mix(uint64(t)<<56, a), b), 2) }
func f3(t, a, b, c uint64) uint64 { return mix(mix(mix(mix(uint64(t)<<56, a), b), c), 3) }

// word is what the tagger and the parser know of a word before tagging.
type word struct {
	lower, form  uint64 // hashes
	suf          [4]uint64
	pre          [3]uint64
	shape, flags uint64
	amb          uint64 // the word's ambiguity class: the tags it had in training
	lex          uint64 // what WordNet says it can be (lex… bits)
	// for the parser (see fillSent): the hash of the last three runes of
	// the lowercase form, and all WordNet says of it, supersenses too
	last3, lexAll uint64
}

// none stands for a position outside the sentence.
const none = 0x5bd1e995

// ambiguity returns the hashed ambiguity class of a lowercase word: the
// tags it had in training, or its shape if it was rarer than that.
func (m *Model) ambiguity(low string) uint64 {
	if a, ok := m.amb[low]; ok {
		return a
	}
	return none
}

func (m *Model) newWord(form string) word {
	low := strings.ToLower(form)
	w := newWordLow(form, low)
	w.amb = m.ambiguity(low)
	w.lexAll = uint64(m.lex[low])
	w.lex = w.lexAll & lexBits
	return w
}

func newWord(form string) word { return newWordLow(form, strings.ToLower(form)) }

// newWordLow is newWord given the lowercase form; it allocates nothing.
func newWordLow(form, low string) word {
	var w word
	w.lower = hashString(low)
	w.form = hashString(form)
	// suffixes and prefixes of 1…4 and 1…3 runes: substrings, not copies
	end := len(low)
	w.last3 = w.lower // lastRunes(low, 3) where it has fewer
	for k := 1; k <= 4; k++ {
		if end > 0 {
			_, size := utf8.DecodeLastRuneInString(low[:end])
			end -= size
			w.suf[k-1] = hashString(low[end:])
			if k == 3 {
				w.last3 = w.suf[2]
			}
		} else {
			w.suf[k-1] = none
		}
	}
	start := 0
	for k := 1; k <= 3; k++ {
		if start < len(low) {
			_, size := utf8.DecodeRuneInString(low[start:])
			start += size
			w.pre[k-1] = hashString(low[:start])
		} else {
			w.pre[k-1] = none
		}
	}
	w.shape = shapeHash(form)
	var fl uint64
	r, _ := utf8.DecodeRuneInString(form)
	if unicode.IsUpper(r) {
		fl |= 1
	}
	upper, lowerable := true, false // strings.ToUpper(form) == form != strings.ToLower(form)
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			fl |= 2
		case r == '-':
			fl |= 4
		case r == '.':
			fl |= 16
		}
		if unicode.ToUpper(r) != r {
			upper = false
		}
		if unicode.ToLower(r) != r {
			lowerable = true
		}
	}
	if upper && lowerable {
		fl |= 8
	}
	w.flags = fl
	return w
}

// eachShapeRune calls f with the runes of s's shape: letters as X and x,
// digits as d, runs longer than two collapsed.
func eachShapeRune(s string, f func(rune)) {
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		f(c)
	}
}

// shapeHash is hashString(shape(s)) without building the string.
func shapeHash(s string) uint64 {
	h := uint64(offset64)
	eachShapeRune(s, func(c rune) {
		var buf [utf8.UTFMax]byte
		h = hashMore(h, buf[:utf8.EncodeRune(buf[:], c)])
	})
	return h
}

// shape maps letters to X and x, digits to d, collapsing runs longer than
// two: "Kuusik" → "Xxx", "1,000" → "d,dd".
func shape(s string) string {
	var b strings.Builder
	eachShapeRune(s, func(c rune) { b.WriteRune(c) })
	return b.String()
}

// tagFeatures appends the tagger's features of word i given the two tags
// before it (p1, p2; class numbers, or classes+1 for none).
func (m *Model) tagFeatures(fs []uint64, ws []word, i int, p1, p2 uint64) []uint64 {
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return nil
		}
		return &ws[k]
	}
	low := func(k int) uint64 {
		if w := at(k); w != nil {
			return w.lower
		}
		return none
	}
	amb := func(k int) uint64 {
		if w := at(k); w != nil {
			return w.amb
		}
		return none
	}
	suf3 := func(k int) uint64 {
		if w := at(k); w != nil {
			return w.suf[2]
		}
		return none
	}
	w := &ws[i]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	fs = append(fs,
		f1(1, 0),
		f1(2, w.lower),
		f1(3, w.form),
		f1(4, w.suf[0]), f1(5, w.suf[1]), f1(6, w.suf[2]), f1(7, w.suf[3]),
		f1(8, w.pre[0]), f1(9, w.pre[1]), f1(10, w.pre[2]),
		f1(11, w.shape), f2(12, w.flags, first),
		f1(13, low(i-1)), f1(14, low(i+1)), f1(15, low(i-2)), f1(16, low(i+2)),
		f1(17, suf3(i-1)), f1(18, suf3(i+1)),
		f1(19, p1), f2(20, p1, p2), f2(21, p1, w.lower),
		f2(22, w.lower, low(i+1)), f2(23, low(i-1), w.lower),
		f2(24, p1, w.suf[2]), f2(25, w.shape, first),
		f2(26, suf3(i+1), w.suf[2]),
		f2(29, p2, w.lower), f3(30, p1, w.lower, low(i+1)),
		f1(40, w.amb), f2(41, w.amb, p1), f1(42, amb(i+1)), f1(43, amb(i-1)), f2(44, w.amb, w.suf[2]),
		f2(45, w.amb, amb(i+1)), f2(46, w.amb, w.flags), f3(47, w.amb, p1, amb(i+1)),
		f1(48, amb(i+2)), f2(49, amb(i-1), p1), f2(50, w.amb, low(i-1)), f2(51, w.amb, low(i+1)),
	)
	if n := at(i + 1); n != nil {
		fs = append(fs, f1(27, n.shape), f1(28, n.suf[0]))
	}
	if m.lex != nil {
		lex := func(k int) uint64 {
			if w := at(k); w != nil {
				return w.lex
			}
			return none
		}
		fs = append(fs, f1(60, w.lex), f2(61, w.lex, w.suf[1]), f2(62, w.lex, p1), f1(63, lex(i+1)),
			f1(64, lex(i-1)), f2(65, w.lex, w.amb), f2(66, w.lex, w.flags), f3(67, w.lex, p1, lex(i+1)))
	}
	return fs
}
