package ingest

import (
	"slices"
	"strings"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"
)

// honorifics carry no role: "Mr Lavrov" says nothing about what he does.
// "former", "acting" and "interim" stay: a former chairman is not the
// chairman.
var honorifics = set("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr.",
	"then", "late", "the", "a", "an")

// roles finds what titles, possessives and appositions say about a named
// entity:
//
//	US Defense Secretary James Mattis      → Mattis –defense secretary of→ United States
//	Putin's spokesman Dmitry Peskov        → Peskov –spokesman of→ Putin
//	Jonas Hovland, the chief executive of Nordhavn Energy,
//	                                       → Hovland –chief executive of→ Nordhavn Energy
//	Tillerson, a former oil executive,     → Tillerson –be→ former oil executive
func (d *docState) roles(s *sentence, as []*arg) []graph.Triple {
	var out []graph.Triple
	emit := func(who *mention, role []token, ownerName, ownerType, ownerText string, conf float64) {
		words := roleWords(role)
		if len(words) == 0 || !isNoun(role[len(role)-1].tag) && !titleWords[role[len(role)-1].lower] {
			return
		}
		c := who.c.root()
		t := graph.Triple{
			Subject: c.name, SubjectType: c.typ(), SubjectText: span(s, who.hs, who.he),
			RelationText: textOf(s, role[0], role[len(role)-1]),
			Confidence:   conf,
			Evidence:     []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}},
		}
		if ownerName == "" {
			// no owner: the role is what the entity is
			t.Relation, t.Object, t.ObjectType, t.ObjectText = "be", strings.Join(words, " "), graph.Concept, t.RelationText
		} else {
			t.Relation = strings.Join(words, " ")
			if !strings.Contains(" "+t.Relation+" ", " of ") {
				t.Relation += " of"
			}
			t.Object, t.ObjectType, t.ObjectText = ownerName, ownerType, ownerText
		}
		if graph.Fold(t.Subject) != graph.Fold(t.Object) {
			out = append(out, t)
		}
	}
	named := map[*mention]*arg{}
	for _, a := range as {
		if a.named() {
			named[a.m] = a
		}
	}
	// title chains inside a name
	for _, m := range d.mentions[s.index] {
		if !m.titled || m.ts < m.s || m.c == nil || m.c.root().typ() != graph.Person {
			continue
		}
		role := s.toks[m.ts:m.hs]
		if m.ts == m.s && m.ts > 0 && roleQualifiers[s.toks[m.ts-1].lower] {
			role = s.toks[m.ts-1 : m.hs] // "his colleague and former Prime Minister Robert Muldoon"
		}
		if a := named[m]; a != nil && a.owner != nil {
			continue // "Russia's President Vladimir Putin": the possessive below
		}
		if m.ts > m.s {
			end := m.ts
			if k := demonymField(s, m.s, m.ts); k > 0 {
				// "Saudi Arabian Oil Minister Hisham Nazer": Saudi
				// Arabia's oil minister, not a body "Saudi Arabian Oil"
				end, role = k, s.toks[k:m.hs]
			}
			if name, typ, ok := d.owner(s, m.s, end); ok {
				emit(m, role, name, typ, span(s, m.s, end), 0.75)
				continue
			}
		}
		for len(role) > 1 && (role[0].lower == "and" || role[0].lower == "or") {
			role = role[1:] // "chairman and chief executive officer" cut before the name's own
		}
		if officeOf(roleWords(role)) != nil { // not "Rep. Jack Kemp", "King Fahd"
			emit(m, role, "", "", "", 0.6)
		}
	}
	for i, a := range as {
		if !a.named() || a.m.c == nil {
			continue
		}
		person := a.m.c.root().typ() == graph.Person
		// possessive: "Putin's spokesman Dmitry Peskov"
		if person && a.owner != nil && a.owner.c != nil {
			role := append(append([]token(nil), s.toks[a.rs:a.re]...), titleOf(s, a.m)...)
			o := a.owner.c.root()
			emit(a.m, role, o.name, o.typ(), span(s, a.owner.hs, a.owner.he), 0.7)
		}
		// a role phrase before the name: "Poland's infrastructure minister, Witold Zarembski,"
		if p := a.appositive; person && p != nil && p.owner != nil && p.owner.c != nil {
			o := p.owner.c.root()
			emit(a.m, s.toks[p.hs:p.e], o.name, o.typ(), span(s, p.owner.hs, p.owner.he), 0.7)
		}
		// a phrase after the name: "Hovland, the chief executive of
		// Nordhavn Energy,", "Russia, Assad's staunchest ally,"
		if i+1 < len(as) && a.e < len(s.toks) && s.toks[a.e].text == "," {
			b := as[i+1]
			if b.s != a.e+1 || b.named() || b.pronoun {
				continue
			}
			end := b.e
			var of *arg
			if end+1 < len(s.toks) && s.toks[end].lower == "of" && i+2 < len(as) && as[i+2].s == end+1 && as[i+2].named() {
				of = as[i+2]
				end = of.e
			}
			if end < len(s.toks) && s.toks[end].text != "," && s.toks[end].text != "." && !isVerb(s.toks[end].tag) {
				continue // not an apposition: "Tillerson, Lavrov and ..."
			}
			if end < len(s.toks) && isVerb(s.toks[end].tag) {
				// the subject of what follows: "Getty Oil, analysts
				// said", "… in eastern India, the bank said" (an
				// apposition is closed by a comma before its verb)
				continue
			}
			switch {
			case of != nil:
				o := of.m.c.root()
				emit(a.m, s.toks[b.hs:b.e], o.name, o.typ(), span(s, of.m.hs, of.m.he), 0.7)
			case b.owner != nil && b.owner.c != nil:
				o := b.owner.c.root()
				emit(a.m, s.toks[b.rs:b.e], o.name, o.typ(), span(s, b.owner.hs, b.owner.he), 0.7)
			case d.innerOwner(s, b) != nil:
				// "Hawaiian Telephone Co, a GTE Corp unit,": the unit of
				// the company the phrase names
				m := d.innerOwner(s, b)
				o := m.c.root()
				emit(a.m, s.toks[m.e:b.e], o.name, o.typ(), span(s, m.hs, m.he), 0.7)
			case b.hs == b.s && !person:
				// a bare noun after a place or company is no apposition:
				// "its Beaumont, Texas, refinery"
			default:
				emit(a.m, s.toks[b.hs:b.e], "", "", "", 0.65)
			}
		}
	}
	return out
}

// innerOwner returns the company or person a phrase names before its
// last words, whose role or part those are: "a GTE Corp unit", "Chicago
// Milwaukee president". A place is no owner: "a Tallinn chip maker" is a
// maker in Tallinn.
func (d *docState) innerOwner(s *sentence, b *arg) *mention {
	for _, m := range d.mentions[s.index] {
		if m.s < b.hs || m.e >= b.e || m.c == nil {
			continue
		}
		if typ := m.c.root().typ(); typ != graph.Org && typ != graph.Person {
			continue
		}
		for _, t := range s.toks[m.e:b.e] {
			if !isNoun(t.tag) || t.tag == "NNP" || t.tag == "NNPS" {
				return nil // the words after the name are a role: "unit", "vice president"
			}
		}
		return m
	}
	return nil
}

// roleQualifiers before a title belong to the role: "former", "acting".
var roleQualifiers = set("former", "acting", "outgoing", "interim", "incoming", "deputy")

func titleOf(s *sentence, m *mention) []token {
	if !m.titled || m.ts < m.s {
		return nil
	}
	return s.toks[m.ts:m.hs]
}

// textOf is the text of s from token first to token last, as written.
func textOf(s *sentence, first, last token) string {
	t := s.text[first.start-s.start : last.end()-s.start]
	if strings.Contains(t, "^M") {
		t = strings.ReplaceAll(t, "^M", " ") // a carriage return (splitMarkup)
	}
	return strings.Join(strings.Fields(t), " ")
}

// roleWords are the words of a role, lower case, without honorifics,
// determiners, possessives and superlatives ("staunchest ally"), but for
// a superlative after an ordinal ("second biggest silver producer", not
// "second silver producer").
func roleWords(toks []token) []string {
	var w []string
	for _, t := range toks {
		if honorifics[t.lower] || t.tag == "POS" || t.tag == "DT" || t.tag == "PRP$" ||
			t.tag == "JJS" && (len(w) == 0 || !ordinalWords[w[len(w)-1]]) {
			continue
		}
		w = append(w, strings.TrimSuffix(t.lower, "."))
	}
	if !slices.ContainsFunc(w, func(x string) bool { return !nameParticles[x] }) {
		return nil // "said Salomon's di Clemente": a name's particle left out of the name, no title
	}
	return w
}

// owner resolves tokens [a,b) in front of a title to the entity whose role
// it is: a country ("U.S."), a name of the document ("NATO"), or the
// country a demonym stands for ("Russian" → Russia).
func (d *docState) owner(s *sentence, a, b int) (string, string, bool) {
	text := span(s, a, b)
	if ct, ok := country.Lookup(text); ok {
		return ct.Name, graph.Place, true
	}
	if ct, ok := country.ByDemonym(text); ok && b-a > 1 {
		return ct.Name, graph.Place, true // "Saudi Arabian", "West German"
	}
	if c := d.clusters[graph.Fold(text)]; c != nil {
		c = c.root()
		return c.name, c.typ(), true
	}
	if b-a == 2 && isAcronym(s.toks[a+1:b]) {
		// "Syrian U.N. Ambassador": Syria's ambassador to the U.N.
		if ct, ok := country.ByDemonym(s.toks[a].text); ok {
			return ct.Name, graph.Place, true
		}
	}
	if b-a == 1 {
		// one word: a demonym ("Russian" → Russia), or an acronym
		// ("NATO"); a lone adjective or unknown word is no owner
		if ct, ok := country.ByDemonym(s.toks[a].text); ok {
			return ct.Name, graph.Place, true
		}
		if !isAcronym(s.toks[a:b]) {
			return "", "", false
		}
	}
	m := &mention{votes: map[string]int{}}
	typeVotes(m, s.toks[a:b])
	best, n := graph.Place, 0
	for _, t := range []string{graph.Org, graph.Place} {
		if m.votes[t] > n {
			best, n = t, m.votes[t]
		}
	}
	return text, best, true
}

// demonymField returns where the field of an office begins in the words
// [a,b) before a title, when they are a country's demonym and the
// office's field ("Saudi Arabian Oil", "West German Economics"), or 0.
func demonymField(s *sentence, a, b int) int {
	for k := a + 1; k < b && k <= a+2; k++ {
		if _, ok := country.ByDemonym(span(s, a, k)); !ok {
			continue
		}
		if k < b && !allInstitutionWords(s.toks[k:b]) {
			return 0
		}
		return k
	}
	return 0
}

var ordinalWords = set("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")
