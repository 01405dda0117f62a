package ingest

import (
	"strings"

	"github.com/kg-builder/kg/graph"
)

// Coreference within a document for the tree extractor: pronouns and "the
// company" stand for the last named subject of their type; a pronoun in a
// reported clause for the one who reports it.

// reporter resolves a pronoun subject k of a reported clause p to the
// named subject of the verb that reports it: "Acme said it had agreed" →
// Acme; "Smith said he would resign" → Smith; "It had agreed, Acme said"
// → Acme, unless the sentence before had a subject the pronoun fits. It
// returns nil otherwise.
func (t *tree) reporter(p, k int) *arg {
	if a := t.speakersCompany(p, k); a != nil {
		return a
	}
	pron := t.lower(k)
	if t.w[k].UPOS != "PRON" || !(pron == "it" || pron == "he" || pron == "she" || pron == "they") || inQuote(t.s, k) {
		// (not inside quotation marks: "\"They benefited considerably
		// from the pickup in loan demand,\" an analyst at Mansion House
		// said" is not about Mansion House; a speaker says I or we)
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
	ks := t.subjectWords(g) // not "with the SEC" the parser took for a subject
	if len(ks) == 0 || t.rel(ks[len(ks)-1]) != "nsubj" {
		return nil
	}
	a := t.arg(ks[len(ks)-1])
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
	if k < g && t.coref != nil {
		// the speaker after what is said: "It plans to cut debt, S and P
		// said" after a sentence about Allis-Chalmers is about
		// Allis-Chalmers; the pronoun goes on with the subject before
		// where that fits, and stands for the speaker only where none
		// does
		if r := t.coref(t.arg(k)); r != nil && r.ref != nil && r.ref.c != nil && r.ref.c.root() != m.c.root() {
			return nil
		}
	}
	return a
}

// companyNouns stand for the organisation the story is about: "the company
// said".
var companyNouns = set("company", "firm", "group", "bank", "corporation", "concern", "carrier", "airline",
	"utility", "insurer", "brokerage", "retailer", "maker", "producer", "agency", "association")

// corefs is the tree extractor's memory of a document for coreference:
// the named subjects of the sentences read so far, and the gender each
// person was referred to by.
type corefs struct {
	last   map[string]subjectAt
	gender map[*cluster]string
	latest subjectAt // the subject of the last clause read, if a name (m nil if not)
}

// subjectAt is the last named subject of a type: its mention, the
// sentence it was the subject in, and whether that sentence had another
// named subject of the type (then a pronoun after it is no sure thing).
type subjectAt struct {
	m     *mention
	sent  int
	other bool
}

// corefer resolves a subject that names nobody to the name it stands for,
// conservatively: "he" and "she" to a person (of the gender it was
// referred to by before), "it" to an organisation that was the subject
// of the clause just before; the subject of the same or the previous
// sentence, or the one name of the type those two sentences have before
// it, and no guess where two fit or inside quotation marks; "the company" (and "the bank", "the group", …) to the last
// organisation a clause had for subject, else the story's first. Other
// arguments are returned as they are. The resolved argument keeps its
// words as written (ref is the name it stands for).
func (d *docState) corefer(co *corefs, s *sentence, a *arg) *arg {
	if a == nil || a.named() || a.ref != nil {
		return a
	}
	var typ, gender string
	w := s.toks[a.hs].lower
	switch {
	case a.pronoun && (w == "it" || w == "its"):
		typ = graph.Org
	case a.pronoun && (w == "he" || w == "his"):
		typ, gender = graph.Person, "m"
	case a.pronoun && (w == "she" || w == "her"):
		typ, gender = graph.Person, "f"
	case !a.pronoun && a.e-a.hs == 1 && companyNouns[w] && a.hs > 0 && s.toks[a.hs-1].lower == "the":
		typ = graph.Org
	case !a.pronoun && a.e-a.hs == 1 && placeNouns[w] && a.hs > 0 && s.toks[a.hs-1].lower == "the" &&
		(a.e >= len(s.toks) || s.toks[a.e].lower != "of"): // not "the state of the economy"
		// "the state": the one place the story called a state
		if m := d.introducedAs(w, s, a.hs); m != nil {
			r := *a
			r.ref = m
			return &r
		}
		return a
	default:
		return a
	}
	fits := func(m *mention) bool {
		if m == nil || m.c == nil || m.c.root().typ() != typ {
			return false
		}
		g := co.gender[m.c.root()]
		return gender == "" || g == "" || g == gender
	}
	var m *mention
	last := co.last[typ]
	switch {
	case a.pronoun && d.quoted(s, a.hs):
		// who "he" is in a quotation is the speaker's to say
	case a.pronoun && (w == "it" || w == "its"):
		// "it" stands for things as often as for companies: only for
		// the subject of the clause just before, when that is a name
		if fits(co.latest.m) && s.index-co.latest.sent <= 1 && !d.otherBefore(s, a.hs, fits, co.latest.m) {
			m = co.latest.m
		}
	case a.pronoun:
		// the subject of this sentence or the last, or the one name
		// that fits in them; none where two fit ("Devocht, who had told
		// Montalvo he would …")
		c := d.candidates(s, a.hs, fits)
		if fits(last.m) && !last.other && s.index-last.sent <= 1 {
			if len(c) == 0 || len(c) == 1 && c[0].c.root() == last.m.c.root() {
				m = last.m
			}
		} else if len(c) == 1 {
			m = c[0]
		}
	default:
		m = last.m
		if m == nil {
			// "the company" before any clause named one: the story's first
			m = d.first(typ, s, a.hs)
		}
		if m != nil && d.otherBefore(s, a.hs, fits, m) {
			// "CSR officials said they had no intention of raising the
			// company's bid" after a sentence about Redland: two fit
			m = nil
		}
		if w == "bank" && m != nil && m.c != nil && !bankName(m.c.root().name) {
			// "claiming the bank had made a profit": a bank, not
			// Reuters or the company the story is about
			m = nil
		}
		if w != "agency" && w != "bank" && m != nil && m.c != nil && publicBody(m.c.root().name) {
			// "The group also said Paul Koether met …" after a sentence
			// about the SEC: a company, a group of investors, no
			// commission or ministry
			m = nil
		}
	}
	if m == nil || m.c == nil {
		return a
	}
	if gender != "" {
		if co.gender == nil {
			co.gender = map[*cluster]string{}
		}
		co.gender[m.c.root()] = gender
	}
	r := *a
	r.ref, r.pronoun = m, false
	return &r
}

// placeNouns are the kinds of place "the state", "the province" … stand
// for when the story named one so.
var placeNouns = set("state", "province", "island", "region", "territory", "emirate", "county", "republic")

// introducedAs returns the place the story named with kind noun w before
// token k of s: "the southern state of Rio Grande do Sul";
// nil if it named none or two (then "the state" is no sure thing).
func (d *docState) introducedAs(w string, s *sentence, k int) *mention {
	var found *mention
	for i := 0; i <= s.index && i < len(d.sents); i++ {
		toks := d.sents[i].toks
		for _, m := range d.mentions[i] {
			if i == s.index && m.e > k || m.c == nil || m.c.root().typ() != graph.Place {
				continue
			}
			// "state of X"; not "X state", as often a region of it as
			// its name: "this Indian Ocean island", "a Gulf state"
			if m.s < 2 || toks[m.s-1].lower != "of" || toks[m.s-2].lower != w {
				continue
			}
			if found != nil && found.c.root() != m.c.root() {
				return nil
			}
			found = m
		}
	}
	return found
}

// speakersCompany resolves "the company" (firm, group …), subject k of a
// clause p said by someone of a company named in the speaker's own phrase,
// to that company: "A spokesman for National Steel Corp said the company
// is not in the product lines affected", "Jefferies and Co Director of
// Trading James Melton said the firm has been extremely busy". It
// returns nil where the phrase names no company or more than one.
func (t *tree) speakersCompany(p, k int) *arg {
	if t.w[k].UPOS != "NOUN" || !companyNouns[t.lower(k)] || k == 0 || t.lower(k-1) != "the" || t.child(k, "amod", "compound", "nmod") >= 0 {
		return nil
	}
	g := t.head(p)
	if g < 0 || t.rel(p) != "ccomp" || !speechVerbs[t.lemma(g)] {
		return nil
	}
	var found *mention
	for _, s := range t.subjectWords(g) {
		if sa := t.arg(s); sa != nil && sa.m != nil && sa.m.c != nil && sa.m.c.root().typ() == graph.Org {
			// the speaker is a company: "Moody's said the company's
			// debt …" is about another
			return nil
		}
		a, b := t.phrase(s)
		for x := a; x < b; x++ {
			m := t.byTok[x]
			if m == nil || m.c == nil || m.c.root().typ() != graph.Org || m == found {
				continue
			}
			if found != nil && found.c.root() != m.c.root() {
				return nil // two companies
			}
			found = m
		}
	}
	if found == nil {
		return nil
	}
	r := *t.arg(k)
	r.ref, r.pronoun = found, false
	return &r
}

// bankName reports whether an organisation's name says it is a bank.
func bankName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"bank", "banc", "banque", "banco", "banca", "bundesbank", "federal reserve", "savings",
		"trust", "credit", "kredit", "finanz", "building society", "caisse", "cassa", "caja"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// publicBody reports whether an organisation's name says it is a public
// body, which "the company" or "the group" does not stand for.
func publicBody(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "commission", "department", "ministry", "administration", "bureau", "court", "council", "parliament",
			"congress", "senate", "government", "treasury", "reserve", "authority", "board", "sec", "ftc", "fcc",
			"cftc", "usda", "imf", "gatt", "opec", "ec":
			return true
		}
	}
	return false
}

// otherBefore reports whether sentence s names, before token k, an
// entity that fits other than m's: "In Britain, where the government is
// angered over the difficulties Cable and Wireless has faced in its bid"
// may be Cable and Wireless's bid, not the last sentence's subject's.
// An antecedent the sentence itself names before k stays ("Chevron said
// it sold the shares under an agreement it had with UNC").
func (d *docState) otherBefore(s *sentence, k int, fits func(*mention) bool, m *mention) bool {
	other := false
	for _, n := range d.mentions[s.index] {
		if n.s >= k || n.c == nil {
			continue
		}
		if n.c.root() == m.c.root() {
			return false
		}
		other = other || fits(n)
	}
	return other
}

// candidates returns one mention of each entity that fits, among the
// names of the previous sentence and of sentence s before token k.
func (d *docState) candidates(s *sentence, k int, fits func(*mention) bool) []*mention {
	var out []*mention
	seen := map[*cluster]bool{}
	for i := max(s.index-1, 0); i <= s.index; i++ {
		for _, m := range d.mentions[i] {
			if i == s.index && m.s >= k || !fits(m) || seen[m.c.root()] {
				continue
			}
			seen[m.c.root()] = true
			out = append(out, m)
		}
	}
	return out
}

// inQuote reports whether token k of s stands inside quotation marks
// opened in the sentence.
func inQuote(s *sentence, k int) bool {
	n := 0
	for _, t := range s.toks[:k] {
		if isDoubleQuote(t.text) {
			n++
		}
	}
	return n%2 == 1
}

// remember notes the named subjects of a sentence's relations for the
// pronouns and descriptions of the sentences after it.
func (co *corefs) remember(s *sentence, rels []relation) {
	if co.last == nil {
		co.last = map[string]subjectAt{}
	}
	seen := map[string]*cluster{}
	for _, r := range rels {
		if len(r.subj) > 0 {
			a := r.subj[0]
			co.latest = subjectAt{m: a.m, sent: s.index}
			if a.ref != nil {
				co.latest.m = a.ref
			}
		}
		for _, a := range r.subj {
			m := a.m
			if a.ref != nil {
				m = a.ref
			}
			if m == nil || m.c == nil {
				continue
			}
			typ := m.c.root().typ()
			other := seen[typ] != nil && seen[typ] != m.c.root()
			seen[typ] = m.c.root()
			co.last[typ] = subjectAt{m: m, sent: s.index, other: other || co.last[typ].other && co.last[typ].sent == s.index}
		}
	}
}

// first returns the document's first mention of an entity of type typ.
func (d *docState) first(typ string, s *sentence, k int) *mention {
	for i, ms := range d.mentions {
		for _, m := range ms {
			if i > s.index || i == s.index && m.s >= k {
				continue // not a name after "the bank": "The bank bought Widget Systems."
			}
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
