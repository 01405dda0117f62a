// Package parse tags, lemmatises and parses English sentences into
// Universal Dependencies trees: an averaged-perceptron tagger (XPOS and
// UPOS together), treebank lemmas with rules for unseen words, and a
// greedy arc-hybrid dependency parser trained with a dynamic oracle.
//
// It links neither prose nor graph nor Badger; the trained model is the
// data leaf ingest/parse/model, loaded by Default.
package parse

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kg-builder/kg/ingest/lemma"
	"github.com/kg-builder/kg/ingest/parse/model"
	"github.com/kg-builder/kg/ingest/ud"
)

// Model is a trained tagger and parser. It is safe for concurrent use.
type Model struct {
	xpos, upos []string          // tag classes
	tagDict    map[string]int    // frequent unambiguous words → class
	ambText    map[string]string // lowercase word → the tags it had in training
	amb        map[string]uint64 // the same, hashed
	wordnet    *WordNet          // nil in models trained without it
	lex        map[string]uint32 // lowercase form → what WordNet says it can be (lex… bits and supersenses)
	labels     []string
	root       int // index of "root" in labels
	tagger     *table
	parser     *table
	pool       sync.Pool
}

// Default returns the model embedded in the binary, loaded once.
var Default = sync.OnceValues(func() (*Model, error) {
	return Load(bytes.NewReader(model.Bin))
})

type scratch struct {
	ws     []word
	x      sent
	st     state
	fs     []uint64
	at     []uint32
	scores []int32
	g      groupSums
}

func (m *Model) scratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// Parse tags, lemmatises and parses s in place: it sets every word's
// XPOS, UPOS, Lemma, Head and Deprel from its Form.
func (m *Model) Parse(s *ud.Sentence) {
	sc := m.scratch()
	m.tag(sc, s)
	m.parse(sc, s, true)
	m.pool.Put(sc)
}

// Tag sets every word's XPOS, UPOS and Lemma from its Form.
func (m *Model) Tag(s *ud.Sentence) {
	sc := m.scratch()
	m.tag(sc, s)
	m.pool.Put(sc)
}

// ParseTagged parses s in place from its words' Form and XPOS (for
// example gold tags), setting Head and Deprel only.
func (m *Model) ParseTagged(s *ud.Sentence) {
	sc := m.scratch()
	m.parse(sc, s, false)
	m.pool.Put(sc)
}

func (m *Model) tag(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	sc.ws = sc.ws[:0]
	for _, t := range s.Tokens {
		sc.ws = append(sc.ws, m.newWord(t.Form))
	}
	nc := len(m.xpos)
	if cap(sc.scores) < max(nc, 1+2*len(m.labels)) {
		sc.scores = make([]int32, max(nc, 1+2*len(m.labels)))
	}
	scores := sc.scores[:nc]
	p1, p2 := uint64(nc+1), uint64(nc+1)
	for i := 0; i < n; i++ {
		c, ok := m.tagDict[s.Tokens[i].Form]
		if !ok {
			sc.fs = m.tagFeatures(sc.fs[:0], sc.ws, i, p1, p2)
			m.tagger.score(sc.fs, scores)
			c = 0
			for j := 1; j < nc; j++ {
				if scores[j] > scores[c] {
					c = j
				}
			}
		}
		t := &s.Tokens[i]
		t.XPOS, t.UPOS = m.xpos[c], m.upos[c]
		t.Lemma = lemma.Lemma(t.Form, t.XPOS)
		p2, p1 = p1, uint64(c)
	}
}

// fillSentWords is fillSent from the words tag made of s: the same
// values, without lowercasing and looking up each word again.
func (m *Model) fillSentWords(x *sent, s *ud.Sentence, ws []word) {
	x.reset(len(s.Tokens))
	x.hasLex = m.lex != nil
	ws = ws[:len(s.Tokens)]
	for i, t := range s.Tokens {
		w := &ws[i]
		x.amb[i+1] = w.amb
		x.lex[i+1] = w.lexAll
		x.w[i+1] = w.lower
		x.suf[i+1] = w.last3
		x.t[i+1] = tagHash(t.XPOS, t.UPOS)
	}
}

func (m *Model) fillSent(x *sent, s *ud.Sentence) {
	x.reset(len(s.Tokens))
	x.hasLex = m.lex != nil
	for i, t := range s.Tokens {
		low := strings.ToLower(t.Form)
		x.amb[i+1] = m.ambiguity(low)
		x.lex[i+1] = uint64(m.lex[low])
		x.w[i+1] = hashString(low)
		x.suf[i+1] = hashString(lastRunes(low, 3))
		x.t[i+1] = tagHash(t.XPOS, t.UPOS)
	}
}

// lastRunes returns the last k runes of s, a substring of it.
func lastRunes(s string, k int) string {
	end := len(s)
	for ; k > 0 && end > 0; k-- {
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	return s[end:]
}

// tagHash is hashString(xpos + "\t" + upos) without the concatenation.
func tagHash(xpos, upos string) uint64 {
	return hashMore(hashMore(hashString(xpos), "\t"), upos)
}

// parse parses s; tagged says that tag has just tagged it with sc, whose
// words are s's.
func (m *Model) parse(sc *scratch, s *ud.Sentence, tagged bool) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	if tagged {
		m.fillSentWords(&sc.x, s, sc.ws)
	} else {
		m.fillSent(&sc.x, s)
	}
	st := &sc.st
	st.reset(n)
	nc := 1 + 2*len(m.labels)
	if cap(sc.scores) < nc {
		sc.scores = make([]int32, nc)
	}
	scores := sc.scores[:nc]
	sc.g.reset(n, nc)
	v := view{&sc.x, st}
	for !st.terminal() {
		m.scoreConfig(sc, v, scores)
		c := m.best(st, scores)
		if c != shift { // the head takes a dependent: its groups change
			sc.g.ver[st.headOf(c)]++
		}
		st.apply(c)
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Head = int(st.head[i+1])
		t.Deprel = m.labels[st.label[i+1]]
	}
}

// scoreConfig sets scores to the parser's scores of the configuration v,
// with the groups' sums of sc.g where they hold.
func (m *Model) scoreConfig(sc *scratch, v view, scores []int32) {
	g, st, nc := &sc.g, v.s, len(scores)
	n := st.n
	// the features of the groups whose sums do not hold, then the others:
	// looked up together, so that the memory serves them together
	fs := sc.fs[:0]
	newBuf := g.b != st.b
	if newBuf {
		g.b = st.b
		fs = v.bufferFeatures(fs)
	}
	nBuf := len(fs)
	s0, s1 := v.st(0), v.st(1)
	w0, w1 := s0, s1
	if w0 < 0 {
		w0 = int32(n + 1) // never: the root stays on the stack
	}
	if w1 < 0 {
		w1 = int32(n + 1)
	}
	newS0, newS1 := g.s0At[w0] != g.ver[w0], g.s1At[w1] != g.ver[w1]
	if newS0 {
		g.s0At[w0] = g.ver[w0]
		fs = v.s0Features(fs, s0)
	}
	nS0 := len(fs)
	if newS1 {
		g.s1At[w1] = g.ver[w1]
		fs = v.s1Features(fs, s1)
	}
	nS1 := len(fs)
	fs = v.otherFeatures(fs)
	sc.fs = fs
	if cap(sc.at) < len(fs) {
		sc.at = make([]uint32, 2*len(fs))
	}
	at := sc.at[:len(fs)]
	var acc accum
	m.parser.find(fs, at, &acc)
	k := g.stride
	sum0, sum1 := g.s0[int(w0)*k:int(w0+1)*k], g.s1[int(w1)*k:int(w1+1)*k]
	if newBuf {
		g.sum(m.parser, at[:nBuf], g.buf)
	}
	if newS0 {
		g.sum(m.parser, at[nBuf:nS0], sum0)
	}
	if newS1 {
		g.sum(m.parser, at[nS0:nS1], sum1)
	}
	addSums(&acc, g.buf, sum0, sum1)
	m.parser.addRows(at[nS1:], &acc)
	copy(scores, acc[:nc])
}

// groupSums keeps the sums of the weights of the parser's feature groups
// in a sentence (see parsefeat.go): the buffer group's for the buffer
// that starts at b, and the s0 and s1 groups' of each word (n+1 for
// none). A word's sums hold while its version, the number of dependents
// it has taken, is the one they were added up at.
type groupSums struct {
	b          int32
	stride     int // the classes, or denseClasses where addSums adds them up at once
	buf        []int32
	s0, s1     []int32 // stride classes a word
	ver        []int32
	s0At, s1At []int32 // the version of each word's sums; -1 for none yet
}

func (g *groupSums) reset(n, nc int) {
	g.b = -1
	if haveDenseAsm && nc <= denseClasses {
		nc = denseClasses
	}
	g.stride = nc
	g.buf = grow(g.buf, nc)
	g.s0 = grow(g.s0, (n+2)*nc)
	g.s1 = grow(g.s1, (n+2)*nc)
	g.ver = grow(g.ver, n+2)
	g.s0At = grow(g.s0At, n+2)
	g.s1At = grow(g.s1At, n+2)
	for i := range g.ver {
		g.ver[i], g.s0At[i], g.s1At[i] = 0, -1, -1
	}
}

func grow(x []int32, n int) []int32 {
	if cap(x) < n {
		return make([]int32, n)
	}
	return x[:n]
}

// sum sets a group's sum to the weights at at.
func (g *groupSums) sum(t *table, at []uint32, sum []int32) {
	var acc accum
	t.addRows(at, &acc)
	copy(sum, acc[:len(sum)])
}

// addSums adds the groups' sums a, b and c (of the same length) to acc:
// with AVX2 8 classes at a time where they are denseClasses long (the
// classes after the table's are 0 in a sum).
func addSums(acc *accum, a, b, c []int32) {
	if haveDenseAsm && len(a) == denseClasses && len(b) == denseClasses && len(c) == denseClasses {
		addSumsAsm(&acc[0], &a[0], &b[0], &c[0])
		return
	}
	addSumsGo(acc, a, b, c)
}

func addSumsGo(acc *accum, a, b, c []int32) {
	for _, sum := range [3][]int32{a, b, c} {
		x := acc[:len(sum)]
		for j, v := range sum {
			x[j] += v
		}
	}
}

// best returns the legal class with the highest score.
func (m *Model) best(st *state, scores []int32) int {
	best, bs := -1, int32(0)
	try := func(c int) {
		if best < 0 || scores[c] > bs {
			best, bs = c, scores[c]
		}
	}
	if st.canShift() {
		try(shift)
	}
	if st.canLeft() {
		for l := range m.labels {
			if l != m.root {
				try(leftOf(l))
			}
		}
	}
	if st.canRight() {
		if st.rootRight() {
			try(rightOf(m.root))
		} else {
			for l := range m.labels {
				if l != m.root {
					try(rightOf(l))
				}
			}
		}
	}
	return best
}
