package ingest

import "github.com/kg-builder/kg/graph"

// Coreference within a document for the tree extractor: pronouns and "the
// company" stand for the last named subject of their type; a pronoun in a
// reported clause for the one who reports it.

// reporter resolves a pronoun subject k of a reported clause p to the
// named subject of the verb that reports it: "Acme said it had agreed" →
// Acme; "Smith said he would resign" → Smith. It returns nil otherwise.
func (t *tree) reporter(p, k int) *arg {
	pron := t.lower(k)
	if t.w[k].UPOS != "PRON" || !(pron == "it" || pron == "he" || pron == "she" || pron == "they") {
		return nil
	}
	for p >= 0 && t.rel(p) == "conj" {
		p = t.head(p)
	}
	g := t.head(p)
	if g >= 0 && (t.rel(p) == "acl" || t.rel(p) == "ccomp") && reportNouns[t.lemma(g)] && t.rel(g) == "obj" {
		// "Acme denied charges that it had hidden losses"
		p, g = g, t.head(g)
		if g < 0 || !t.isPredicate(g) {
			return nil
		}
	} else if p < 0 || g < 0 || t.rel(p) != "ccomp" || !speechVerbs[t.lemma(g)] {
		return nil
	}
	s := t.child(g, "nsubj")
	if s < 0 {
		return nil
	}
	a := t.arg(s)
	if a != nil && t.coref != nil {
		a = t.coref(a)
	}
	if a == nil {
		return nil
	}
	m := a.m
	if a.ref != nil {
		m = a.ref
	}
	if m == nil || m.c == nil {
		return nil
	}
	person := m.c.root().typ() == graph.Person
	if (pron == "he" || pron == "she") != person {
		return nil
	}
	return a
}

// companyNouns stand for the organisation the story is about: "the company
// said".
var companyNouns = set("company", "firm", "group", "bank", "corporation", "concern", "carrier", "airline",
	"utility", "insurer", "brokerage", "retailer", "maker", "producer", "agency", "association")

// corefer resolves a subject that names nobody to the name it stands for:
// "it" and "the company" to the last organisation a clause had for
// subject, "he" and "she" to the last person. Other arguments are
// returned as they are.
func (d *docState) corefer(s *sentence, a *arg) *arg {
	if a == nil || a.named() || a.ref != nil {
		return a
	}
	var typ string
	w := s.toks[a.hs].lower
	switch {
	case a.pronoun && w == "it":
		typ = graph.Org
	case a.pronoun && (w == "he" || w == "she"):
		typ = graph.Person
	case !a.pronoun && a.e-a.hs == 1 && companyNouns[w] && a.hs > 0 && s.toks[a.hs-1].lower == "the":
		typ = graph.Org
	default:
		return a
	}
	m := d.recent[typ]
	if m == nil && !a.pronoun {
		// "the company" before any clause named one: the story's first
		m = d.first(typ)
	}
	if m == nil || m.c == nil {
		return a
	}
	r := *a
	r.ref, r.pronoun = m, false
	return &r
}

// remember notes the named subjects of a sentence's relations for the
// pronouns and descriptions of the sentences after it.
func (d *docState) remember(rels []relation) {
	if d.recent == nil {
		d.recent = map[string]*mention{}
	}
	for _, r := range rels {
		for _, a := range r.subj {
			m := a.m
			if a.ref != nil {
				m = a.ref
			}
			if m != nil && m.c != nil {
				d.recent[m.c.root().typ()] = m
			}
		}
	}
}

// first returns the document's first mention of an entity of type typ.
func (d *docState) first(typ string) *mention {
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.c != nil && m.c.root().typ() == typ {
				return m
			}
		}
	}
	return nil
}

// resolve applies the document's coreference to an argument, if any.
func (t *tree) resolve(a *arg) *arg {
	if a == nil || t.coref == nil {
		return a
	}
	return t.coref(a)
}
