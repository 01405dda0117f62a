package parse

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/kg-builder/kg/ingest/ud"
)

// TrainOptions says how to train; the zero value trains a small model
// quickly.
type TrainOptions struct {
	TaggerEpochs int     // passes of the tagger over the data (default 5)
	ParserEpochs int     // passes of the parser (default 10)
	Folds        int     // jackknife folds for the parser's training tags; < 2 trains on gold tags
	Explore      float64 // after the first two epochs, follow the model's wrong transitions this often (default 0.9; < 0 never)
	MinWeight    int     // prune the tagger's quantised weights below this magnitude (default 1)
	MinParser    int     // prune the parser's quantised weights below this magnitude (default MinWeight)
	MinLabel     int     // relations seen fewer times fall back to their base (default 20)
	Seed         uint64
	Workers      int       // parallel jackknife folds (default 1)
	Log          io.Writer // progress, if not nil
	WordNet      *WordNet  // what the words can be, as features; nil trains without
}

func (o *TrainOptions) defaults() {
	if o.TaggerEpochs == 0 {
		o.TaggerEpochs = 5
	}
	if o.ParserEpochs == 0 {
		o.ParserEpochs = 10
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1
	}
	if o.MinParser == 0 {
		o.MinParser = o.MinWeight
	}
	if o.MinLabel == 0 {
		o.MinLabel = 20
	}
	if o.Workers == 0 {
		o.Workers = 1
	}
}

func (o *TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// Train trains a tagger and a parser on gold sentences. The result
// depends only on the sentences and the options.
func Train(train []*ud.Sentence, o TrainOptions) (*Model, error) {
	o.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("parse: train: no sentences")
	}
	m := &Model{}
	if o.WordNet != nil {
		m.wordnet, m.lex = o.WordNet, o.WordNet.forms()
	}
	classOf := m.tagClasses(train)
	m.setAmbiguity(train)
	m.labelSet(train, o.MinLabel)

	o.logf("tagger: %d classes, %d dictionary words", len(m.xpos), len(m.tagDict))
	m.tagger = trainTagger(m, train, classOf, o, 0)

	// the parser trains on tags like those it will see: each fold tagged
	// by a tagger trained on the other folds
	tagged := make([]*ud.Sentence, len(train))
	if o.Folds >= 2 {
		var wg sync.WaitGroup
		sem := make(chan struct{}, o.Workers)
		for f := range o.Folds {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				var in []*ud.Sentence
				for i, s := range train {
					if i%o.Folds != f {
						in = append(in, s)
					}
				}
				fm := &Model{xpos: m.xpos, upos: m.upos, tagDict: m.tagDict, labels: m.labels, lex: m.lex}
				fm.setAmbiguity(in)
				fm.tagger = trainTagger(fm, in, classOf, o, uint64(f+1))
				sc := &scratch{}
				for i, s := range train {
					if i%o.Folds == f {
						c := copySentence(s)
						fm.tag(sc, c)
						tagged[i] = c
					}
				}
				o.logf("jackknife fold %d done", f+1)
			}()
		}
		wg.Wait()
	} else {
		copy(tagged, train)
	}
	var acc Score
	for i := range train {
		acc.Add(train[i], tagged[i])
	}
	o.logf("parser: %d labels; training tags %.2f%% XPOS", len(m.labels), acc.XPOSAccuracy())
	m.parser = trainParser(m, train, tagged, o)
	return m, nil
}

func copySentence(s *ud.Sentence) *ud.Sentence {
	c := *s
	c.Tokens = append([]ud.Token(nil), s.Tokens...)
	return &c
}

// tagClasses sets the model's tag classes (XPOS and UPOS pairs seen at
// least twice) and dictionary of frequent unambiguous words, and returns
// the class of each pair seen.
func (m *Model) tagClasses(train []*ud.Sentence) map[string]int {
	pairs := map[string]int{}
	forms := map[string]map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			p := t.XPOS + "\t" + t.UPOS
			pairs[p]++
			if forms[t.Form] == nil {
				forms[t.Form] = map[string]int{}
			}
			forms[t.Form][p]++
		}
	}
	keys := sortedKeys(pairs)
	sort.SliceStable(keys, func(i, j int) bool { return pairs[keys[i]] > pairs[keys[j]] })
	classOf := map[string]int{}
	for _, p := range keys {
		if pairs[p] >= 2 && len(m.xpos) < 255 {
			x, u, _ := strings.Cut(p, "\t")
			classOf[p] = len(m.xpos)
			m.xpos = append(m.xpos, x)
			m.upos = append(m.upos, u)
		}
	}
	for _, p := range keys { // rare pairs: the commonest class of the XPOS
		if _, ok := classOf[p]; ok {
			continue
		}
		x, _, _ := strings.Cut(p, "\t")
		classOf[p] = 0
		for c, cx := range m.xpos {
			if cx == x {
				classOf[p] = c
				break
			}
		}
	}
	m.tagDict = map[string]int{}
	for _, f := range sortedKeys(forms) {
		total, top, best := 0, 0, ""
		for _, p := range sortedKeys(forms[f]) {
			n := forms[f][p]
			total += n
			if n > top {
				top, best = n, p
			}
		}
		if total >= 20 && float64(top) >= 0.98*float64(total) {
			m.tagDict[f] = classOf[best]
		}
	}
	return classOf
}

// setAmbiguity sets the ambiguity classes of the words seen at least
// twice: the tags each had at least 3 times or 5% of the time.
func (m *Model) setAmbiguity(train []*ud.Sentence) {
	n := map[string]map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			low := strings.ToLower(t.Form)
			if n[low] == nil {
				n[low] = map[string]int{}
			}
			n[low][t.XPOS]++
		}
	}
	m.ambText = map[string]string{}
	for _, w := range sortedKeys(n) {
		total := 0
		for _, c := range n[w] {
			total += c
		}
		if total < 2 {
			continue
		}
		var tags []string
		for _, t := range sortedKeys(n[w]) {
			if c := n[w][t]; c >= 3 || 20*c >= total {
				tags = append(tags, t)
			}
		}
		m.ambText[w] = strings.Join(tags, " ")
	}
	m.hashAmbiguity()
}

func (m *Model) hashAmbiguity() {
	m.amb = make(map[string]uint64, len(m.ambText))
	for w, a := range m.ambText {
		m.amb[w] = hashString(a)
	}
}

// labelSet sets the relations the parser predicts: those seen at least
// min times; a rarer one falls back to its base relation.
func (m *Model) labelSet(train []*ud.Sentence, min int) {
	n := map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			n[t.Deprel]++
		}
	}
	for _, l := range sortedKeys(n) {
		if n[l] >= min || l == "root" || !strings.Contains(l, ":") {
			m.labels = append(m.labels, l)
		}
	}
	if len(m.labels) > 127 {
		sort.SliceStable(m.labels, func(i, j int) bool { return n[m.labels[i]] > n[m.labels[j]] })
		m.labels = m.labels[:127]
		sort.Strings(m.labels)
	}
	m.root = -1
	for i, l := range m.labels {
		if l == "root" {
			m.root = i
		}
	}
	if m.root < 0 {
		m.root = len(m.labels)
		m.labels = append(m.labels, "root")
	}
}

func (m *Model) labelID(rel string) int16 {
	for _, r := range []string{rel, ud.BaseRel(rel), "dep"} {
		for i, l := range m.labels {
			if l == r {
				return int16(i)
			}
		}
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func trainTagger(m *Model, train []*ud.Sentence, classOf map[string]int, o TrainOptions, stream uint64) *table {
	nc := len(m.xpos)
	p := newPerceptron(nc)
	words := make([][]word, len(train))
	for i, s := range train {
		for _, t := range s.Tokens {
			words[i] = append(words[i], m.newWord(t.Form))
		}
	}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 100+stream))
	scores := make([]int64, nc)
	var fs []uint64
	for ep := range o.TaggerEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			s := train[si]
			p1, p2 := uint64(nc+1), uint64(nc+1)
			for i, t := range s.Tokens {
				gold := classOf[t.XPOS+"\t"+t.UPOS]
				c, ok := m.tagDict[t.Form]
				if !ok {
					fs = m.tagFeatures(fs[:0], words[si], i, p1, p2)
					p.score(fs, scores)
					c = 0
					for j := 1; j < nc; j++ {
						if scores[j] > scores[c] {
							c = j
						}
					}
					p.update(fs, gold, c)
					p.tick()
				}
				if c == gold {
					right++
				}
				total++
				p2, p1 = p1, uint64(c)
			}
		}
		if stream == 0 {
			o.logf("tagger epoch %d: %.2f%% on train", ep+1, 100*float64(right)/float64(total))
		}
	}
	return p.average(o.MinWeight)
}

// example is a training sentence for the parser.
type example struct {
	x  sent
	gh []int32 // projective gold heads, index 0 unused
	gl []int16
}

func trainParser(m *Model, gold, tagged []*ud.Sentence, o TrainOptions) *table {
	nc := 1 + 2*len(m.labels)
	var exs []*example
	for i, g := range gold {
		ex := &example{}
		m.fillSent(&ex.x, tagged[i])
		heads := make([]int, len(g.Tokens))
		for j, t := range g.Tokens {
			heads[j] = t.Head
		}
		heads = Projectivize(heads)
		ex.gh = make([]int32, len(heads)+1)
		ex.gl = make([]int16, len(heads)+1)
		for j, h := range heads {
			ex.gh[j+1] = int32(h)
			ex.gl[j+1] = m.labelID(g.Tokens[j].Deprel)
			if h == 0 {
				ex.gl[j+1] = int16(m.root)
			} else if ex.gl[j+1] == int16(m.root) {
				ex.gl[j+1] = m.labelID("dep")
			}
		}
		exs = append(exs, ex)
	}
	p := newPerceptron(nc)
	rng := rand.New(rand.NewPCG(o.Seed, 1))
	scores := make([]int64, nc)
	var fs []uint64
	var st state
	for ep := range o.ParserEpochs {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		right, total := 0, 0
		for _, ex := range exs {
			n := len(ex.gh) - 1
			st.reset(n)
			for !st.terminal() {
				fs = parseFeatures(fs[:0], &ex.x, &st)
				p.score(fs, scores)
				pred, predCost, gold := -1, 0, -1
				cs, cl, cr := st.costs(ex.gh)
				consider := func(c, cost int) {
					if pred < 0 || scores[c] > scores[pred] {
						pred, predCost = c, cost
					}
				}
				minCost := -1
				for _, c := range []int{cs, cl, cr} {
					if c >= 0 && (minCost < 0 || c < minCost) {
						minCost = c
					}
				}
				zero := func(c, cost int) {
					if cost == minCost && (gold < 0 || scores[c] > scores[gold]) {
						gold = c
					}
				}
				k := len(st.stack)
				if cs >= 0 {
					consider(shift, cs)
					zero(shift, cs)
				}
				if cl >= 0 {
					s0 := st.stack[k-1]
					for l := range m.labels {
						if l == m.root {
							continue
						}
						cost := cl
						if ex.gh[s0] == st.b && int16(l) != ex.gl[s0] {
							cost++
						}
						consider(leftOf(l), cost)
						zero(leftOf(l), cost)
					}
				}
				if cr >= 0 {
					s0 := st.stack[k-1]
					for l := range m.labels {
						if (l == m.root) != st.rootRight() {
							continue
						}
						cost := cr
						if ex.gh[s0] == st.stack[k-2] && int16(l) != ex.gl[s0] {
							cost++
						}
						consider(rightOf(l), cost)
						zero(rightOf(l), cost)
					}
				}
				if predCost > minCost {
					p.update(fs, gold, pred)
				} else {
					right++
				}
				total++
				p.tick()
				next := gold
				if predCost == minCost || (ep >= 2 && o.Explore > 0 && rng.Float64() < o.Explore) {
					next = pred
				}
				st.apply(next)
			}
		}
		o.logf("parser epoch %d: %.2f%% transitions right, %d features", ep+1, 100*float64(right)/float64(total), len(p.w))
	}
	return p.average(o.MinParser)
}

// Projectivize returns heads (head[i] of word i+1, 0 for the root) with
// every non-projective arc lifted to its head's head until the tree is
// projective, shortest arcs first (Nivre and Nilsson 2005, without the
// label encoding).
func Projectivize(head []int) []int {
	h := append([]int(nil), head...)
	n := len(h)
	dominates := func(a, d int) bool { // a is an ancestor of d (1-based; 0 the root)
		for steps := 0; d != 0 && steps <= n; steps++ {
			d = h[d-1]
			if d == a {
				return true
			}
		}
		return a == 0
	}
	for range n * n {
		best, span := -1, n+2
		for d := 1; d <= n; d++ {
			hd := h[d-1]
			lo, hi := min(hd, d), max(hd, d)
			if hi-lo >= span {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(hd, k) {
					best, span = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return h
		}
		if hd := h[best-1]; hd != 0 {
			h[best-1] = h[hd-1]
		}
	}
	return h
}

// TrainableGenres are the genres of GUM whose texts its LICENSE names as
// CC BY or public domain. wikiHow (whow) and fiction are CC BY-NC-SA, and
// a genre the LICENSE does not name is left out too.
var TrainableGenres = []string{"news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation"}

// TrainableGUM keeps the sentences of GUM documents of TrainableGenres,
// by each document's "newdoc id = GUM_<genre>_<name>" comment.
func TrainableGUM(ss []*ud.Sentence) []*ud.Sentence {
	var out []*ud.Sentence
	keep := false
	for _, s := range ss {
		if id := s.Comment("newdoc id"); id != "" {
			keep = false
			if g, ok := strings.CutPrefix(id, "GUM_"); ok {
				g, _, _ = strings.Cut(g, "_")
				for _, t := range TrainableGenres {
					if g == t {
						keep = true
					}
				}
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}
