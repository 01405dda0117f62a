package ingest

import (
	"strings"
	"unicode"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"
)

// An arg is a noun phrase that can be a triple's subject or object.
type arg struct {
	s, e    int      // tokens covered, determiners and titles included
	hs      int      // first token of the words that name it
	m       *mention // the named entity it is, if any
	pronoun bool     // stands for something it does not name
	group   int      // args joined by "and" share a group

	owner      *mention // "Putin's spokesman Dmitry Peskov": Putin
	rs, re     int      // the role words between owner and name: "spokesman"
	appositive *arg     // "Tillerson, a former oil executive,": the second phrase

	ps, pe int      // the tree extractor's whole phrase ("Widget Inc for 50 mln dlrs"); pe 0 when unknown
	ofE    int      // the end of an "of" phrase that completes a plain noun's name ("letter of intent"); 0 if none
	ref    *mention // the name a pronoun or "the company" stands for, found in an earlier clause
	clause bool     // a whole clause, the object of open extraction only: "Acme –say→ it would sell Widget"
}

func (a *arg) named() bool { return a.m != nil }

// npTag reports whether a token can be inside a noun phrase.
func npTag(t token) bool {
	switch t.tag {
	case "DT", "PDT", "PRP$", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS":
		return true
	}
	return false
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

// args finds the sentence's arguments: named mentions, pronouns and noun
// phrases, left to right, and joins coordinated ones into groups.
func args(s *sentence, ms []*mention) []*arg {
	byStart := map[int]*mention{}
	for _, m := range ms {
		byStart[m.s] = m
	}
	toks := s.toks
	var out []*arg
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.tag == "PRP" || (t.tag == "DT" && pronouns[t.lower] && (i+1 == len(toks) || !npTag(toks[i+1]))) {
			out = append(out, &arg{s: i, e: i + 1, hs: i, pronoun: true})
			i++
			continue
		}
		if !npTag(t) || t.tag == "POS" {
			i++
			continue
		}
		j := i
		for j < len(toks) && npTag(toks[j]) {
			if j > i && (toks[j].tag == "DT" || toks[j].tag == "PDT" || toks[j].tag == "PRP$") && toks[j-1].tag != "POS" {
				break // a determiner starts the next phrase: "gave Tillerson his view"
			}
			if m := byStart[j]; m != nil {
				j = m.e // a name may hold particles ("Bank of England")
				if j < len(toks) && !isNoun(toks[j].tag) && toks[j].tag != "POS" {
					break // "Khan Sheikhoun last week"
				}
				continue
			}
			j++
		}
		// the phrase after the last possessive is the argument
		core := i
		for k := i; k < j; k++ {
			if toks[k].tag == "POS" {
				core = k + 1
			}
		}
		if a := makeArg(toks, byStart, i, core, j); a != nil {
			if core > i+1 {
				// "Putin's spokesman Dmitry Peskov", "Syria's UN ambassador"
				for _, m := range ms {
					if m.e == core-1 {
						a.owner = m
					}
				}
				a.rs, a.re = core, a.hs
				if a.named() {
					a.re = a.m.s
				}
			}
			out = append(out, a)
		}
		i = j
	}
	// apposition of a role and a name: "Poland's infrastructure minister,
	// Witold Zarembski," is Zarembski
	for i := 0; i+1 < len(out); i++ {
		a, b := out[i], out[i+1]
		if !a.named() && !a.pronoun && b.named() && b.s == a.e+1 && toks[a.e].text == "," &&
			personTitles[toks[a.e-1].lower] && (b.e == len(toks) || toks[b.e].text == "," || isVerb(toks[b.e].tag) || isPrep(toks[b.e])) {
			b.s = a.s
			b.appositive = a
			out = append(out[:i], out[i+1:]...)
		}
	}
	// coordination: "A and B", "A, B and C"
	g := 0
	for i := range out {
		out[i].group = g
		g++
	}
	for i := 0; i+1 < len(out); i++ {
		a, b := out[i], out[i+1]
		between := toks[a.e:b.s]
		if newClause(toks, out, i) {
			continue // "signed the contract, and Kask praised": Kask starts a clause
		}
		if len(between) == 1 && (between[0].lower == "and" || between[0].lower == "or") ||
			len(between) == 2 && between[0].text == "," && (between[1].lower == "and" || between[1].lower == "or") {
			// pull the whole comma list into the group
			b.group = a.group
			for k := i; k > 0; k-- {
				p, q := out[k-1], out[k]
				if b.e < len(toks) && finite(toks[b.e]) && afterVerb(toks, p.s) {
					break // "shored up the stock, traders and analysts said"
				}
				if len(toks[p.e:q.s]) == 1 && toks[p.e].text == "," && p.named() == q.named() {
					q.group = p.group
					for x := k; x <= i+1; x++ {
						out[x].group = p.group
					}
					continue
				}
				break
			}
		}
	}
	return out
}

// newClause reports whether out[i+1], after "and", begins a clause of its
// own rather than joining out[i]: it comes before a verb while out[i]
// follows one. "Finland and Estonia signed" joins; "signed the contract,
// and Kask praised" does not.
func newClause(toks []token, out []*arg, i int) bool {
	a, b := out[i], out[i+1]
	if b.e >= len(toks) || !finite(toks[b.e]) {
		return false
	}
	first := a
	for k := i; k > 0 && out[k-1].group == a.group; k-- {
		first = out[k-1]
	}
	return afterVerb(toks, first.s)
}

// afterVerb reports whether the phrase at token i is a verb's object: a
// verb, its particle, or a verb and preposition come just before it.
func afterVerb(toks []token, i int) bool {
	p := i - 1
	return p >= 0 && (isVerb(toks[p].tag) || toks[p].tag == "RP" || isPrep(toks[p]) && p > 0 && isVerb(toks[p-1].tag))
}

// finite reports whether t is a verb that can head a clause.
func finite(t token) bool {
	switch t.tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// makeArg builds the argument of tokens [from,to) whose naming part starts
// at core. A phrase that ends in a name is that entity ("his Russian
// counterpart Lavrov"); otherwise it is a concept if it ends in a noun.
func makeArg(toks []token, byStart map[int]*mention, from, core, to int) *arg {
	for k := core; k < to; k++ {
		if m := byStart[k]; m != nil && m.e == to {
			return &arg{s: from, e: to, hs: m.hs, m: m}
		}
	}
	if !isNoun(toks[to-1].tag) {
		return nil
	}
	hs := core
	for hs < to && (determiners[toks[hs].lower] || toks[hs].tag == "PRP$" || toks[hs].tag == "DT") {
		hs++
	}
	if hs >= to {
		return nil
	}
	if to-hs == 1 && pronouns[toks[hs].lower] {
		return &arg{s: from, e: to, hs: hs, pronoun: true}
	}
	return &arg{s: from, e: to, hs: hs}
}

// A relation is one verb phrase with its arguments.
type relation struct {
	v0, v1   int // tokens of the verb phrase, auxiliaries included
	main     int // the main verb
	words    []string
	surface  string
	neg      bool
	modality string
	passive  bool
	subj     []*arg
	obj      []*arg
	conf     float64
	speech   bool
	trail    bool // the verb phrase follows a comma or quote: "…, Lavrov said"
	agentInv bool
	phrase   string // the tree extractor's relation words alone, as written: "agreed to buy for"
	more     string // the tree extractor's other arguments of the verb, as written, for open extraction: "in 1944"
	rule     string // the tree extractor's rule, its key in treeConf: "obj", "obl", …
	shared   bool   // the tree extractor's subject comes from another clause
}

// extract finds the relations of one sentence, and its arguments.
func (d *docState) extract(s *sentence) ([]relation, []*arg) {
	toks := s.toks
	as := args(s, d.mentions[s.index])
	argAt := map[int]*arg{}
	argEnd := map[int]*arg{}
	for _, a := range as {
		argAt[a.s] = a
		argEnd[a.e] = a
	}
	group := func(a *arg) []*arg {
		var g []*arg
		for _, b := range as {
			if b.group == a.group {
				g = append(g, b)
			}
		}
		return g
	}
	inArg := make([]bool, len(toks))
	for _, a := range as {
		for k := a.s; k < a.e; k++ {
			inArg[k] = true
		}
	}
	var rels []relation
	var lastSubj []*arg
	for i := 0; i < len(toks); i++ {
		if inArg[i] || !(isVerb(toks[i].tag) || toks[i].tag == "MD") {
			continue
		}
		r := relation{v0: i, conf: 0.55}
		// auxiliaries, modals, negation and adverbs, then the main verb
		j := i
		r.main = -1
		sawBe := false
		for j < len(toks) {
			t := toks[j]
			switch {
			case t.tag == "MD":
				r.modality = modals[t.lower]
			case negations[t.lower] && (t.tag == "RB" || t.tag == "DT"):
				r.neg = true
			case isVerb(t.tag):
				if r.main >= 0 {
					prev := lemma(toks[r.main].text, toks[r.main].tag)
					if !auxiliaries[prev] {
						goto done
					}
					sawBe = sawBe || prev == "be"
				}
				r.main = j
			case isQuote(t.text) && r.main < 0 && j+1 < len(toks) && isVerb(toks[j+1].tag):
				// "might \"overreact\" to": quotes around the verb
			case t.tag == "RB" && adverbsThenVerb(toks, j):
				// "also says", "has previously declined", "is also subtly mocking"
			default:
				goto done
			}
			j++
		}
	done:
		if r.main < 0 {
			i = j
			continue
		}
		mainLemma := lemma(toks[r.main].text, toks[r.main].tag)
		if r.modality == "" {
			r.modality = clauseModality(toks, r.v0)
		}
		r.passive = sawBe && toks[r.main].tag == "VBN"
		bare := r.main == r.v0 // no auxiliary, modal or negation before it
		participle := bare && toks[r.main].tag == "VBG"
		if bare && toks[r.main].tag == "VBN" && r.v0 > 0 && argEnd[r.v0] != nil {
			r.passive = true // reduced relative: "the strike carried out by X"
		}
		k := r.main + 1
		if k < len(toks) && isQuote(toks[k].text) && r.v0 < r.main && isQuote(toks[r.main-1].text) {
			k++ // the closing quote of "might \"overreact\" to"
		}
		r.words = []string{mainLemma}
		if r.passive {
			r.words = []string{"be", toks[r.main].lower}
		}
		// particle; "to" + verb chains ("declined to confirm")
		if k < len(toks) && toks[k].tag == "RP" {
			r.words = append(r.words, toks[k].lower)
			k++
		}
		for k+1 < len(toks) && toks[k].tag == "TO" && toks[k+1].tag == "VB" {
			r.words = append(r.words, "to", toks[k+1].lower)
			k += 2
			if k < len(toks) && toks[k].tag == "RP" {
				r.words = append(r.words, toks[k].lower)
				k++
			}
		}
		r.v1 = k
		r.speech = speechVerbs[mainLemma] && !r.passive
		if r.speech {
			p := r.v0 - 1
			if p >= 0 && argEnd[r.v0] != nil { // ", Anna Varga said"
				p = argEnd[r.v0].s - 1
			}
			r.trail = p >= 0 && (toks[p].text == "," || strings.ContainsAny(toks[p].text, "\"'”’"))
			if !r.trail && r.v0 > 0 && (toks[r.v0-1].text == "," || strings.ContainsAny(toks[r.v0-1].text, "\"'”’")) {
				r.trail = true // "…, said Alain Marais"
			}
		}

		// subject: the argument just before the verb phrase
		if participle {
			// "... after talking to Lavrov", "career working on disputes":
			// the participle's subject is the clause's
			if r.v0 > 0 && (toks[r.v0-1].tag == "IN" || toks[r.v0-1].text == ",") {
				r.subj, r.conf = lastSubj, r.conf-0.15
			}
		} else {
			r.subj, r.conf = d.subject(toks, as, argEnd, group, r.v0, lastSubj, r.conf)
		}
		// object: right after the verb, or after a preposition, perhaps
		// with nouns or adjectives between (ReVerb's V W* P)
		objAt := -1
		switch {
		case r.speech && recipientVerbs[mainLemma] && argAt[k] != nil && argAt[k].named():
			// "Trump told Fox Business Network that …": whom he told is
			// an object; what he said is attributed as usual
			objAt = k
		case r.speech && mainLemma != "say" && !recipientVerbs[mainLemma] && argAt[k] != nil && !argAt[k].pronoun && phraseEnds(toks, argAt[k].e+1):
			// a speech verb with a noun phrase that no verb follows: what
			// was reported is a thing, an object ("reported a loss",
			// "denied the charges", "alleging breach of contract")
			objAt = k
		case r.speech:
			// what is said is a clause, not an object; "told reporters
			// that" has no object worth keeping either
		case r.passive && k+1 < len(toks) && toks[k].lower == "by" && argAt[k+1] != nil && !argAt[k+1].pronoun:
			// "X was signed by Y": Y signs X
			r.agentInv = true
			r.words = []string{mainLemma}
			objAt = k + 1
		case argAt[k] != nil && lightObject(toks, argAt, argAt[k]):
			// a bare noun between verb and preposition belongs to the
			// relation: "increase pressure on Putin", "hold talks with"
			a := argAt[k]
			for x := a.s; x <= a.e; x++ {
				r.words = append(r.words, toks[x].lower)
			}
			objAt = a.e + 1
			r.conf += 0.05
		case argAt[k] != nil && !r.speech:
			objAt = k
			r.conf += 0.1
		case k+1 < len(toks) && isPrep(toks[k]) && argAt[k+1] != nil:
			r.words = append(r.words, toks[k].lower)
			objAt = k + 1
			r.conf += 0.05
		default:
			for w := k; w < len(toks) && w < k+4; w++ {
				if isPrep(toks[w]) && w > k && w+1 < len(toks) && argAt[w+1] != nil {
					for x := k; x <= w; x++ {
						if !inArg[x] || argAt[x] == nil {
							r.words = append(r.words, toks[x].lower)
						}
					}
					objAt = w + 1
					break
				}
				if !wTag(toks[w].tag) {
					break
				}
			}
		}
		if objAt >= 0 {
			r.obj = group(argAt[objAt])
		}
		if r.agentInv {
			r.subj, r.obj = r.obj, r.subj
		}
		r.surface = span(s, r.v0, max(r.v1, r.main+1))
		if objAt >= 0 && objAt-1 >= r.v1 && !r.agentInv {
			r.surface = span(s, r.v0, objAt)
		}
		if len(r.subj) > 0 && !r.agentInv {
			lastSubj = r.subj
		}
		rels = append(rels, r)
		if r.passive && !r.agentInv && len(r.subj) > 0 {
			// "X was awarded to Y by Z", "X was given Y by Z": the agent
			// further on does it to X
			if by := laterAgent(toks, argAt, inArg, k); by != nil {
				rels = append(rels, relation{v0: r.v0, v1: r.v1, main: r.main, words: []string{mainLemma},
					surface: span(s, r.v0, r.main+1), neg: r.neg, modality: r.modality,
					subj: group(by), obj: r.subj, conf: r.conf - 0.05})
			}
		}
		i = max(i, r.v1-1)
	}
	return rels, as
}

func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") }

func isPrep(t token) bool { return t.tag == "IN" || t.tag == "TO" }

// laterAgent finds the agent of a passive verb past what follows it: "was
// awarded to Nordline by the government" gives the government. Only
// argument, preposition and adverb words may stand between.
func laterAgent(toks []token, argAt map[int]*arg, inArg []bool, k int) *arg {
	for w := k; w < len(toks) && w < k+10; w++ {
		if toks[w].lower == "by" && w > k {
			if a := argAt[w+1]; a != nil && !a.pronoun {
				return a
			}
			return nil
		}
		if !inArg[w] && !isPrep(toks[w]) && toks[w].tag != "RB" {
			return nil
		}
	}
	return nil
}

// isQuote reports whether w is a quotation mark, double or single.
func isQuote(w string) bool {
	return isDoubleQuote(w) || w == "'" || w == "‘" || w == "’"
}

// clauseModality names what makes a clause unreal: "if" for a condition
// ("if X meets Y", "in the event that"), "to" for an infinitive that no
// finite verb asserts ("facing pressure to modify its policies").
func clauseModality(toks []token, v0 int) string {
	if v0 > 0 && toks[v0-1].tag == "TO" {
		return "to"
	}
	for p := v0 - 1; p >= 0 && p >= v0-25; p-- {
		t := toks[p]
		if t.text == "," || t.text == ";" || relatives[t.lower] && t.lower != "that" || isVerb(t.tag) && p < v0-1 {
			return ""
		}
		switch t.lower {
		case "if", "unless", "whether":
			return "if"
		case "event":
			if p+1 < len(toks) && toks[p+1].lower == "that" {
				return "if" // "in the event that"
			}
		}
	}
	return ""
}

// adverbsThenVerb reports whether the adverbs from token j on lead to a
// verb or a negation: "also subtly mocking".
func adverbsThenVerb(toks []token, j int) bool {
	for j < len(toks) && toks[j].tag == "RB" && !negations[toks[j].lower] {
		j++
	}
	return j < len(toks) && (isVerb(toks[j].tag) || negations[toks[j].lower])
}

// lightObject reports whether a is a bare noun that, with the preposition
// after it, makes the relation to a named entity: "pressure" in "increase
// pressure on Putin". A noun with a determiner is an object of its own.
func lightObject(toks []token, argAt map[int]*arg, a *arg) bool {
	if a.named() || a.pronoun || a.hs != a.s || a.e-a.s > 2 || a.e+1 >= len(toks) || !isPrep(toks[a.e]) {
		return false
	}
	for x := a.s; x < a.e; x++ {
		if !isNoun(toks[x].tag) || strings.HasPrefix(toks[x].tag, "NNP") {
			return false
		}
	}
	b := argAt[a.e+1]
	return b != nil && b.named()
}

// wTag are the words ReVerb allows between a verb and its preposition.
func wTag(tag string) bool {
	switch tag {
	case "NN", "NNS", "JJ", "JJR", "JJS", "RB", "DT", "PRP$", "CD":
		return true
	}
	return false
}

// subject finds the argument a verb phrase starting at v0 has for subject:
// the one just before it, past an apposition or a relative pronoun; or, for
// a second verb joined by "and" or a participle after a preposition, the
// subject of the verb before.
func (d *docState) subject(toks []token, as []*arg, argEnd map[int]*arg, group func(*arg) []*arg, v0 int, last []*arg, conf float64) ([]*arg, float64) {
	k := v0
	for k > 0 && toks[k-1].tag == "RB" {
		k--
	}
	if a := argEnd[k]; a != nil {
		g := group(a)
		// "relations between A and B fell": the head noun, not the
		// prepositional object, is the subject
		first := g[0]
		for first.s > 0 && toks[first.s-1].tag == "IN" && !relatives[toks[first.s-1].lower] {
			h := argEnd[first.s-1]
			if h == nil || h.pronoun || timeNouns[toks[h.e-1].lower] {
				break // "days after the U.S. backed": the U.S. backed
			}
			g = group(h)
			first = g[0]
		}
		return g, conf
	}
	if k > 1 && toks[k-1].tag == "TO" {
		// "prompted Trump to launch an assault": the one prompted
		// launches it; "went to Moscow to meet Putin": the subject does
		a := argEnd[k-1]
		switch {
		case a != nil && controllee(toks, a):
			return group(a), conf - 0.05
		case a != nil && !a.named() && !a.pronoun:
			// "Japan's failure to uphold": the possessor; "the money to
			// buy": nobody the sentence names
			if a.owner != nil && a.owner.c != nil {
				return []*arg{{s: a.owner.s, e: a.owner.e, hs: a.owner.hs, m: a.owner}}, conf - 0.1
			}
			return nil, conf
		case len(last) > 0:
			return last, conf - 0.15
		}
		return nil, conf
	}
	if k > 0 && relatives[toks[k-1].lower] {
		p := k - 1
		if p > 0 && toks[p-1].text == "," {
			p--
		}
		if a := argEnd[p]; a != nil && !a.pronoun {
			// "the attack in Syria that prompted": the attack
			for a.s > 0 && toks[a.s-1].tag == "IN" {
				h := argEnd[a.s-1]
				if h == nil || h.pronoun {
					break
				}
				a = h
			}
			return []*arg{a}, conf - 0.1
		}
	}
	// a relative clause between subject and verb: "China, which has
	// vetoed six resolutions since the war began, abstained"
	if k > 0 && toks[k-1].text == "," {
		for p := k - 2; p > 1 && p > k-40; p-- {
			if relatives[toks[p].lower] && toks[p].lower != "that" && toks[p-1].text == "," {
				if a := argEnd[p-1]; a != nil && !a.pronoun {
					return group(a), conf - 0.1
				}
				break
			}
		}
	}
	// apposition: "Jonas Berg, the chief executive of X, said"
	if k > 0 && toks[k-1].text == "," {
		for p := k - 2; p > 0 && p > k-16; p-- {
			if toks[p].text == "," {
				if a := argEnd[p]; a != nil && a.named() {
					return []*arg{a}, conf - 0.1
				}
				break
			}
			if isVerb(toks[p].tag) {
				break
			}
		}
	}
	if k > 0 && (toks[k-1].lower == "and" || toks[k-1].lower == "but" || toks[k-1].tag == "IN" && toks[v0].tag == "VBG") && len(last) > 0 {
		return last, conf - 0.1
	}
	return nil, conf
}

// controllee reports whether a, just before "to" + verb, is who does what
// the verb says: a person or body ("urged Putin to abandon Assad"), or a
// country that is not a destination ("pressed Russia to act", not
// "travelled to Russia to meet").
func controllee(toks []token, a *arg) bool {
	if !a.named() {
		return false
	}
	switch a.m.c.root().typ() {
	case graph.Person, graph.Org:
		return true
	case graph.Place:
		_, isCountry := country.Lookup(a.m.c.root().name)
		return isCountry && a.s > 0 && isVerb(toks[a.s-1].tag)
	}
	return false
}

// triples turns every sentence's relations into triples.
func (d *docState) triples() []graph.Triple {
	var out []graph.Triple
	var co corefs
	for i := range d.sents {
		s := &d.sents[i]
		if s.shouting || s.unread {
			continue
		}
		if s.tree != nil {
			out = append(out, d.treeTriples(&co, s)...)
			continue
		}
		rels, as := d.extract(s)
		out = append(out, d.roles(s, as)...)
		speakers := attribution(rels)
		for ri, r := range rels {
			if len(r.subj) == 0 || len(r.obj) == 0 {
				continue
			}
			for _, sa := range r.subj {
				for _, oa := range r.obj {
					if t, ok := d.triple(s, r, sa, oa, speakers[ri]); ok {
						out = append(out, t)
					}
				}
			}
		}
	}
	return out
}

// attribution names, for each relation, who the sentence says stated it:
// "Lavrov said that X met Y", "X met Y, Lavrov said".
func attribution(rels []relation) []string {
	who := make([]string, len(rels))
	for i, r := range rels {
		if !r.speech || len(r.subj) == 0 || !r.subj[0].named() {
			continue
		}
		speaker := r.subj[0].m.c.root().name
		// "X met Y, Lavrov said" attributes what comes before; "Lavrov
		// said (that) X met Y" what comes after
		after := !(r.v0 > 0 && r.trail)
		for j := range rels {
			if j == i {
				continue
			}
			if (after && rels[j].v0 > r.v0) || (!after && rels[j].v0 < r.v0) {
				who[j] = speaker
			}
		}
	}
	return who
}

// amountOnly reports whether argument a names nothing but an amount:
// "27 dlrs", "about 2.70 billion dlrs", "49 pct", "15-20 mln".
func amountOnly(s *sentence, a *arg) bool {
	number := false
	bare := a.pe <= a.e && a.ofE == 0 // no phrase after the amount's words
	for _, t := range s.toks[a.hs:a.e] {
		switch {
		case t.tag == "CD" || isNumber(t.text):
			number = true
		case amountNouns[t.lower] || amountMods[t.lower] || bare && partMods[t.lower]:
		default:
			return false
		}
	}
	return number
}

// amountMods qualify an amount: "about 27 dlrs", "more than 5 pct".
var amountMods = set("about", "nearly", "some", "over", "more", "than", "up", "to", "approximately", "around", "per",
	"almost", "roughly", "under", "less", "at", "least", "a", "an", "-", "and", "or", "between", "just",
	"worth") // "spare parts worth 18.5 mln dlrs" with worth an amod of dlrs

// partMods say how much more or which part of a thing an amount is, and
// make no thing of it where no phrase names the thing: "provide an
// additional five mln dlrs", "acquire the remaining 49 pct", "begin
// selling immediately 300 mln dlrs" (but "an additional 8.0 mln dlrs in
// credit guarantees" names it).
var partMods = set("additional", "another", "extra", "further", "remaining", "only", "total", "combined", "immediately")

// triple makes the triple one relation states between two arguments.
func (d *docState) triple(s *sentence, r relation, sa, oa *arg, speaker string) (graph.Triple, bool) {
	if (sa.pronoun || oa.pronoun) && !d.open || sa == oa {
		return graph.Triple{}, false
	}
	subj, styp, stext := d.argName(s, sa)
	obj, otyp, otext := d.argName(s, oa)
	if sa.pronoun {
		styp = Pronoun
	}
	if oa.pronoun {
		otyp = Pronoun
	}
	if oa.clause {
		otyp = Clause
	}
	if !oa.named() && oa.ref == nil && !oa.pronoun && amountOnly(s, oa) {
		otyp = Amount // "earned 1.19 dlrs", "owns 49 pct": no thing
	}
	if subj == "" || obj == "" || graph.Fold(subj) == graph.Fold(obj) {
		return graph.Triple{}, false
	}
	// Weights calibrated on 100 Reuters-sample edges judged by hand (see
	// the README): a named end is right only a little more often than a
	// noun phrase, and reported speech less often than narration.
	conf := r.conf
	if sa.named() {
		conf += 0.05
	}
	if oa.named() {
		conf += 0.05
	}
	if len(r.words) > 4 {
		conf -= 0.1
	}
	if oa.e-oa.hs > 4 {
		conf -= 0.05
	}
	if s.headline {
		conf -= 0.1
	}
	conf = min(max(conf, 0.05), 0.95)
	if speaker != "" {
		conf = max(conf-0.05, 0.05)
	}
	return graph.Triple{
		Subject: subj, Relation: strings.Join(r.words, " "), Object: obj,
		SubjectType: styp, ObjectType: otyp,
		SubjectText: stext, RelationText: r.surface, ObjectText: otext,
		Confidence: float64(int(conf*100+0.5)) / 100, Negated: r.neg, Modality: r.modality,
		AttributedTo: speaker,
		Evidence:     []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}},
	}, true
}

// argName is the canonical name, type and surface text of an argument.
func (d *docState) argName(s *sentence, a *arg) (string, string, string) {
	if a.ref != nil {
		c := a.ref.c.root()
		return c.name, c.typ(), span(s, a.s, a.e)
	}
	if a.named() {
		c := a.m.c.root()
		return c.name, c.typ(), span(s, a.m.hs, a.m.he)
	}
	var words []string
	end := max(a.e, a.ofE)
	start := a.hs
	if start > 0 && start < len(s.toks) && s.toks[start].lower == "than" && comparatives[s.toks[start-1].lower] {
		start-- // "more than 2,800 firms", not "than 2,800 firms"
	}
	for k := start; k < end; k++ {
		t := s.toks[k]
		if t.tag == "POS" || k > a.e && (t.tag == "DT" || t.tag == "PRP$") {
			continue // "restriction of (its) oil production"
		}
		w := t.text
		if !strings.HasPrefix(t.tag, "NNP") && (k == 0 || !unicode.IsUpper(firstRune(w))) {
			w = t.lower
		}
		words = append(words, w)
	}
	if n := len(words); n >= 3 && (timeNouns[strings.ToLower(words[n-1])] || dateWords[strings.ToLower(words[n-1])]) &&
		timeMods[strings.ToLower(words[n-2])] {
		// "UAL last month said", "told Parliament last month": when, not
		// who or what
		words = words[:n-2]
	} else if n >= 2 && (strings.EqualFold(words[n-1], "yesterday") || strings.EqualFold(words[n-1], "today")) {
		words = words[:n-1]
	}
	if m := a.owner; m != nil && a.rs > 0 && m.c != nil && len(words) > 0 {
		// whose it is, when a name says so: "approved the Minneapolis
		// Grain Exchange's application" → "Minneapolis Grain Exchange's
		// application", not "application"
		pos := "'s"
		if a.rs-1 < len(s.toks) && s.toks[a.rs-1].tag == "POS" {
			pos = s.toks[a.rs-1].text // "Widget Systems' terminal"
		}
		words = append([]string{span(s, m.hs, m.he) + pos}, words...)
	}
	name := strings.Join(words, " ")
	if len(words) == 2 && stateNouns[words[1]] {
		// "the Latvian government" acts for Latvia
		if ct, ok := country.ByDemonym(words[0]); ok && !country.IsPlural(words[0]) {
			return ct.Name, graph.Place, span(s, a.hs, a.e)
		}
	}
	if c := d.clusters[graph.Fold(name)]; c != nil {
		// a name prose tagged as a common noun ("Trump wants")
		c = c.root()
		return c.name, c.typ(), span(s, a.hs, a.e)
	}
	return name, graph.Concept, span(s, a.hs, a.e)
}

// timeMods make a time of the noun after them: "last month", "this week".
var timeMods = set("last", "this", "next", "early", "late", "mid", "earlier", "later")

// comparatives stand before "than" in an amount: "more than 500 points".
var comparatives = set("more", "less", "fewer", "over", "under")

// phraseEnds tells whether a noun phrase ending before token i is whole
// and no clause goes on after it: the sentence ends, or punctuation, a
// preposition (not "that"), a conjunction or an amount follows. After a speech verb
// such a phrase is what was reported ("declared a dividend.", "denied
// the charges in court"), where one followed by a verb is the subject of
// reported speech ("noted EC ministers had agreed").
func phraseEnds(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	switch toks[i].tag {
	case ".", ",", ":", "CC", "CD", "$":
		return true
	case "IN":
		return toks[i].lower != "that"
	}
	return false
}
