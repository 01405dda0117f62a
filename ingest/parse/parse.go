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
	scores []int32
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
	m.parse(sc, s)
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
	m.parse(sc, s)
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

func (m *Model) parse(sc *scratch, s *ud.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	m.fillSent(&sc.x, s)
	st := &sc.st
	st.reset(n)
	nc := 1 + 2*len(m.labels)
	if cap(sc.scores) < nc {
		sc.scores = make([]int32, nc)
	}
	scores := sc.scores[:nc]
	for !st.terminal() {
		sc.fs = parseFeatures(sc.fs[:0], &sc.x, st)
		m.parser.score(sc.fs, scores)
		st.apply(m.best(st, scores))
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Head = int(st.head[i+1])
		t.Deprel = m.labels[st.label[i+1]]
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
