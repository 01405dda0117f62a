package ingest

import (
	"slices"
	"strings"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"
	"github.com/kg-builder/kg/ingest/ud"
)

// Role facts the tree extractor reads off the tree, beside those of
// role.go: "named chairman of", "appointed X as its CFO", appositions,
// titles, "X of Y" between names.

// roleNouns end a role before a name beside the title words of the
// lexicon: "Acme economist Jane Doe".
var roleNouns = set("economist", "strategist", "spokesman", "spokeswoman", "trader", "dealer", "banker",
	"lawyer", "partner", "founder", "vice-president", "treasurer", "controller", "auditor", "broker")

// cabinetHeads end a title only a government gives ("finance minister",
// "premier"); a secretary is one with a field before it ("agriculture
// secretary", not a company's secretary).
var cabinetHeads = set("minister", "premier", "chancellor")

var cabinetFields = set("finance", "foreign", "trade", "agriculture", "farm", "defense", "defence", "interior",
	"commerce", "labor", "labour", "treasury", "energy", "oil", "economy", "economics", "economic", "industry",
	"justice", "health", "education", "transport", "planning", "budget", "fisheries", "mines", "mining",
	"petroleum", "communications", "information", "home", "navy", "army", "development", "cooperation")

// datelineOwner gives a cabinet title with no owner the country of the
// story's dateline, when the story names no other country (see
// datelineCountry): "PARIS, March 3 - Finance Minister Edouard Balladur
// said" is France's finance minister (it was "–be→ finance minister",
// no one's), and so is "Balladur is finance minister" (a copula). Other
// is-a facts stay as they are.
func (d *docState) datelineOwner(tr *graph.Triple) {
	if tr.Relation != "be" || tr.ObjectType != graph.Concept || tr.SubjectType != graph.Person {
		return
	}
	words := strings.Fields(strings.ToLower(tr.Object))
	n := len(words)
	if n == 0 || slices.Contains(words, "of") || slices.Contains(words, "for") ||
		!(cabinetHeads[words[n-1]] || words[n-1] == "secretary" && n > 1 && cabinetFields[words[n-2]]) {
		return
	}
	title := tr.RelationText
	if tr.Rule == "copula" {
		title = tr.ObjectText // "Schmidt was Finance Minister"
	}
	if len(tr.Evidence) > 0 && title != "" {
		// "Soviet Foreign Minister Eduard Shevardnadze" with the demonym
		// apart: another country's
		text := tr.Evidence[0].Text
		if i := strings.Index(text, title); i > 0 {
			before := strings.Fields(text[:i])
			if k := len(before); k > 0 {
				w := strings.Trim(before[k-1], ",.;:\"'()")
				if _, ok := lookupCountry(w); ok || isDemonym(w) {
					return
				}
			}
		}
	}
	ct := d.datelineCountry()
	if ct == nil || ct.Name == "United States" && words[n-1] != "secretary" {
		// "WASHINGTON - … Agriculture minister Ernesto Figuerras …": the
		// United States has secretaries, no ministers, premier or
		// chancellor; the text must say whose
		return
	}
	for _, c := range d.order {
		if r := c.root(); r == c && r.typ() == graph.Place {
			if o, ok := country.Capital(r.name); ok && o != ct {
				return // "WASHINGTON - … talks in Moscow with Foreign Minister X": whose, the text must say
			}
		}
	}
	tr.Relation = strings.Join(words, " ") + " of"
	// the sentence does not write the owner: no object words of its own
	// (kg extract with phrases: the title as written)
	tr.Object, tr.ObjectType, tr.ObjectText = ct.Name, graph.Place, ""
	if tr.Rule == "is-a" {
		tr.Rule, tr.Confidence = "title", treeConf["title"]
	}
}

// kinNouns are the roles of an apposition that end in no agent's suffix:
// "Nerco, a unit of Nerco Inc", "Russia, Assad's staunchest ally".
var kinNouns = set("unit", "units", "subsidiary", "subsidiaries", "affiliate", "affiliates", "arm", "division",
	"branch", "parent", "member", "members", "part", "ally", "allies", "partner", "partners", "associate",
	"agent", "owner", "chief", "head", "heir", "wife", "husband", "son", "daughter", "father", "mother",
	"brother", "sister", "firm", "company", "bank", "group", "party", "union", "forces", "army", "navy",
	"candidate", "successor", "predecessor", "counterpart", "colleague", "client", "customer", "supplier",
	"rival", "competitor", "aide", "deputy", "assistant", "staff", "nominee", "appointee", "protege", "envoy",
	"capital", "city", "port", "town", "province", "state", "region", "island", "district", "county")

// notAgents end in an agent's suffix and name no one: "the company's
// offer", "the fourth quarter".
var notAgents = set("offer", "quarter", "number", "order", "paper", "center", "centre", "letter", "water",
	"power", "matter", "corner", "border", "chapter", "register", "charter", "barrier", "sector", "factor",
	"error", "floor", "door", "co", "interior", "exterior", "computer", "container", "remainder", "disorder",
	"meter", "liter", "litre", "tender", "transfer", "summer", "winter", "other", "cancer", "monitor")

// roleHead reports whether the noun an apposition or possessive gives a
// name says who or what the name is to its owner (a chairman, analyst,
// unit, ally), not a thing or act of the owner's that the parser hung a
// name on ("Japan's video tape recorder (VTR) exports", "the decline in
// Saudi Arabia's economy but chairman X": no "economy of").
func roleHead(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 && (roleHead(w[:i]) || roleHead(w[i+1:])) {
		return true // "director-general", "co-chairman"
	}
	if officeNouns[w] || roleNouns[w] || personTitles[w] || externalRoles[w] || kinNouns[w] {
		return true
	}
	w = strings.TrimSuffix(w, "s")
	if officeNouns[w] || roleNouns[w] || personTitles[w] || externalRoles[w] || kinNouns[w] || notAgents[w] {
		return officeNouns[w] || roleNouns[w] || personTitles[w] || externalRoles[w] || kinNouns[w]
	}
	for _, suf := range []string{"er", "or", "ist", "ant", "ent", "ian", "eer", "ee"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true // maker, producer, investor, consultant, president, economist
		}
	}
	return false
}

// officeOf returns the words of a title that has no owner if they name an
// office ("President Mauno Koivisto" is a president), without a
// conjunction a cut left in front ("and chief executive officer"); nil if
// they only say how a name is styled ("Rep. Jack Kemp", "King Fahd"), or
// name no office at all ("General" of "General Dynamics").
func officeOf(words []string) []string {
	for len(words) > 1 && (words[0] == "and" || words[0] == "or") {
		words = words[1:]
	}
	if len(words) == 0 {
		return nil
	}
	head := words[len(words)-1]
	for i, w := range words {
		if w == "of" && i > 0 {
			head = words[i-1] // "finance minister of the republic"
			break
		}
	}
	if styleTitles[head] || !(officeNouns[head] || roleNouns[head] || externalRoles[head]) {
		return nil
	}
	return words
}

// styleTitles say how a name is styled, not what office its bearer holds
// (without an owner, that is): "Rep. Jack Kemp", "King Fahd", "Sen. Dole".
var styleTitles = set("rep", "sen", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "rev", "lord", "lady",
	"king", "queen", "prince", "princess", "sheikh", "sultan", "emir", "pope", "general", "senator",
	"representative", "congressman", "congresswoman", "mr", "mrs", "ms", "dr", "sir", "dame", "prof",
	"professor", "father", "brother", "sister", "saint", "st", "cardinal", "archbishop", "bishop",
	"reverend", "rabbi", "imam", "ayatollah", "crown", "first", "top", "senior", "former", "acting")

// officeNouns are the last word of a title that names an office: a
// chairman, a finance minister, a lead manager.
var officeNouns = set("president", "minister", "secretary", "chancellor", "ambassador", "envoy", "spokesman",
	"spokeswoman", "spokesperson", "governor", "mayor", "chairman", "chairwoman", "chair", "ceo", "cfo",
	"director", "head", "leader", "commander", "judge", "justice", "attorney", "officer", "counsel",
	"adviser", "advisor", "negotiator", "commissioner", "councillor", "councilor", "premier", "manager",
	"founder", "co-founder", "owner", "editor", "correspondent", "speaker", "whip", "clerk", "delegate",
	"consul", "president-elect", "vice-president", "vice-chairman", "undersecretary", "under-secretary",
	"deputy", "chief", "executive", "official", "analyst", "economist", "lawmaker", "mp", "mep",
	"general-secretary", "secretary-general", "treasurer", "controller", "auditor", "partner", "arranger",
	"underwriter", "trustee", "administrator", "regulator", "inspector", "auditor-general", "governor-general")

// bodyKindNouns are the kinds of a body news writes before its name: "at
// finance house Goldman Sachs", "at brokers Phillips and Drew".
var bodyKindNouns = set("house", "firm", "brokers", "broker", "brokerage", "stockbrokers", "stockbroker", "bank",
	"company", "group", "association", "organisation", "organization", "newsletter", "consultancy", "agency",
	"producer", "maker", "alliance", "union", "institute", "fund", "partnership", "magazine", "newspaper")

// roleVerbs name someone to a role: "was named chairman", "appointed X as".
var roleVerbs = set("name", "appoint", "elect", "nominate", "promote", "make", "choose", "select", "install")

// treeRoles finds the role facts the clauses say: "X was named chairman of
// Y" (xcomp), "Y appointed X as its chief financial officer" (obl as).
// scopeNouns own no role, they rank it: "the world's largest oil
// company", "the nation's second bank".
var scopeNouns = set("world", "nation", "country", "industry", "region", "continent", "market", "sector")

func (d *docState) treeRoles(t *tree) []graph.Triple {
	var out []graph.Triple
	s := t.s
	emit := func(who *arg, role int, owner *arg) {
		if who == nil || !who.named() || who.m.c == nil {
			return
		}
		ra := t.arg(role)
		if ra != nil && ra.named() && ra.m == who.m {
			// "Its chairman, Jonas Berg": the chunk made the person's;
			// the role is the noun and its modifiers
			x := role
			for _, k := range t.kids[role] {
				if r := t.rel(k); k < role && (r == "amod" || r == "compound") {
					x = min(x, k)
				}
			}
			ra = &arg{s: x, e: role + 1, hs: x}
		}
		if ra == nil || ra.named() || ra.pronoun {
			return
		}
		c := who.m.c.root()
		words := roleWords(s.toks[ra.hs:ra.e])
		if len(words) == 0 {
			return
		}
		tr := graph.Triple{Subject: c.name, SubjectType: c.typ(), SubjectText: span(s, who.m.hs, who.m.he),
			RelationText: span(s, ra.hs, ra.e), Confidence: treeConf["role"], Rule: "role",
			Evidence: []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}}}
		if owner == nil {
			tr.Relation, tr.Object, tr.ObjectType, tr.ObjectText = "be", strings.Join(words, " "), graph.Concept, tr.RelationText
		} else {
			if !owner.named() && owner.ref == nil && !owner.pronoun && owner.e < len(t.byTok) && owner.e > owner.hs &&
				bodyKindNouns[s.toks[owner.e-1].lower] {
				// "economist at finance house Goldman Sachs", "analyst at
				// brokers Phillips and Drew": the name after the kind
				if m := t.byTok[owner.e]; m != nil && m.s == owner.e && m.c != nil && m.c.root().typ() == graph.Org {
					owner = &arg{s: m.s, e: m.e, hs: m.hs, m: m}
				}
			}
			name, typ, text := d.argName(s, owner)
			if owner.pronoun || name == "" || typ == graph.Concept && scopeNouns[strings.ToLower(name)] {
				// "Exxon Corp, the world's largest oil company": a
				// rank, no oil company of → world
				return
			}
			tr.Relation = strings.Join(words, " ") + " of"
			tr.Object, tr.ObjectType, tr.ObjectText = name, typ, text
		}
		if graph.Fold(tr.Subject) != graph.Fold(tr.Object) {
			out = append(out, tr)
		}
	}
	// the owner of a role noun: "chairman of Acme", "its chairman" (the
	// subject of the naming verb)
	ownerOf := func(role, v int) *arg {
		for _, k := range t.kids[role] {
			if t.rel(k) == "nmod" {
				if cs := t.child(k, "case"); cs >= 0 && (t.lower(cs) == "of" || t.lower(cs) == "at") {
					return t.arg(k)
				}
			}
			if t.rel(k) == "nmod:poss" {
				a := t.arg(k)
				if a != nil && !a.pronoun {
					return a
				}
				if v < 0 {
					if r := t.resolve(a); r != nil && r.ref != nil {
						return r // "Its chairman, Jonas Berg,": the company
					}
					continue
				}
				if ss := t.subjects(v); len(ss) > 0 && t.child(v, "nsubj:pass") < 0 {
					return ss[0] // "Acme appointed Smith as its chief"
				}
			}
		}
		return nil
	}
	for v := range t.w {
		if t.w[v].UPOS != "VERB" || !roleVerbs[t.lemma(v)] {
			continue
		}
		// "X was named chairman of Y"; "Y named X chairman"
		for _, k := range t.kids[v] {
			r := t.rel(k)
			if r != "xcomp" && !(ud.BaseRel(r) == "obl" && t.child(k, "case") >= 0 && t.lower(t.child(k, "case")) == "as") {
				continue
			}
			if t.w[k].UPOS != "NOUN" {
				continue
			}
			var who *arg
			if o := t.child(v, "obj"); o >= 0 {
				who = t.arg(o)
			} else if sp := t.child(v, "nsubj:pass"); sp >= 0 {
				who = t.arg(sp)
			}
			emit(who, k, ownerOf(k, v))
		}
	}
	// appositions the token patterns miss: "X, chairman of Y"; "Y's
	// chairman, X"
	for k := range t.w {
		if t.rel(k) != "appos" {
			continue
		}
		h := t.head(k)
		who, role := t.arg(h), k
		if t.w[k].UPOS != "NOUN" {
			who, role = t.arg(k), h
		}
		if t.w[role].UPOS != "NOUN" || who == nil || !who.named() || who.m.c == nil || measureNouns[t.lower(role)] {
			continue // not "its stake in Widget Inc" with the name an apposition of stake
		}
		if !roleHead(t.lower(role)) {
			continue // not "Japan's video tape recorder (VTR)", "Saudi Arabia's economy but chairman X"
		}
		if o := ownerOf(role, -1); o != nil {
			emit(who, role, o)
		}
	}
	// "Peter Greenbaum of Smith Barney", "Boliden AB of Sweden"
	for k := range t.w {
		cs := t.child(k, "case")
		if t.rel(k) != "nmod" || cs < 0 || t.lower(cs) != "of" {
			continue
		}
		who, of := t.arg(t.head(k)), t.arg(k)
		if who == nil || of == nil || !who.named() || !of.named() || who.m == of.m || who.m.c == nil {
			continue
		}
		if e := who.m.e; cs != e && !(cs == e+1 && s.toks[e].text == ">") {
			continue // "of" right after the name only: not "Honeywell Inc, <NEC Corp> of Japan"
		}
		if typ := who.m.c.root().typ(); typ != graph.Person && typ != graph.Org {
			continue
		}
		name, otyp, otext := d.argName(s, of)
		c := who.m.c.root()
		if graph.Fold(name) == graph.Fold(c.name) {
			continue
		}
		rel := "of"
		if c.typ() == graph.Org && otyp == graph.Place {
			rel = "based in" // "<Martin Marietta> of the U.S.": where the company is, "of" says no relation
		}
		out = append(out, graph.Triple{Subject: c.name, SubjectType: c.typ(), SubjectText: span(s, who.m.hs, who.m.he),
			Relation: rel, RelationText: t.s.toks[cs].text, Object: name, ObjectType: otyp, ObjectText: otext,
			Confidence: treeConf["of"], Rule: "of",
			Evidence: []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}}})
	}
	// titles in the tree: "Nordhavn Energy chairman Jonas Berg", "former
	// Baltic Rail vice chairman Jonas Berg"
	for _, m := range d.mentions[s.index] {
		if m.c == nil || m.c.root().typ() != graph.Person {
			continue
		}
		h := t.nameHead(m)
		if h < 0 {
			continue
		}
		kids := t.kids[h]
		inverted := -1
		if g := t.head(h); g >= 0 && g < m.hs && (t.rel(h) == "flat" || t.rel(h) == "appos" || t.rel(h) == "compound") {
			// "Kremlin leader Mikhail Gorbachev" parsed with the title
			// for head and the name hung on it
			inverted = g
			kids = append([]int{g}, kids...)
		} else if g := m.hs - 1; g >= 0 && t.w[g].UPOS == "NOUN" && (titleWords[t.lower(g)] || personTitles[t.lower(g)]) && t.rel(g) != "compound" && t.rel(g) != "nmod:desc" {
			// "under Kremlin leader Mikhail Gorbachev's campaign" with
			// the title and the name apart in the tree: the title right
			// before the name
			inverted = g
			kids = append([]int{g}, kids...)
		}
		for _, k := range kids {
			if k >= m.hs || t.w[k].UPOS != "NOUN" || k != inverted && t.rel(k) != "nmod:desc" && t.rel(k) != "compound" && t.rel(k) != "appos" {
				continue
			}
			if k == inverted && (!t.plainUpTo(k, m.hs) || t.child(k, "nmod:poss") >= 0) {
				continue // "FECSA's General Manager, Jose Zaforteza": the possessive's, for roles
			}
			if w := t.lower(k); !titleWords[w] && !personTitles[w] && !roleNouns[w] {
				continue // a title, not any noun the parser hung on the name
			}
			if tr, ok := d.titleRole(t, m, k); ok {
				out = append(out, tr)
			}
		}
	}
	return out
}

// plainUpTo reports whether the words of k's phrase before token end
// are words, no punctuation or quote among them.
func (t *tree) plainUpTo(k, end int) bool {
	a, _ := t.span(k)
	for x := a; x < end; x++ {
		if t.w[x].UPOS == "PUNCT" {
			return false
		}
	}
	return true
}

// nameHead returns the word of mention m's name that the tree attaches
// outside the name, or -1.
func (t *tree) nameHead(m *mention) int {
	for k := m.hs; k < m.he && k < len(t.w); k++ {
		if h := t.head(k); h < m.hs || h >= m.he {
			return k
		}
	}
	return -1
}

// titleRole makes the role fact of title k before m's name: the title's
// words, its owner from a name or demonym inside it.
func (d *docState) titleRole(t *tree, m *mention, k int) (graph.Triple, bool) {
	s := t.s
	a, b := t.span(k)
	if b > m.hs {
		b = m.hs
	}
	ownerA, ownerB := -1, -1
	for _, c := range t.kids[k] {
		r := t.rel(c)
		if c < k && (r == "compound" || r == "nmod:poss" || r == "amod" || r == "flat") && (t.w[c].UPOS == "PROPN" || t.w[c].XPOS == "NNP" || t.w[c].UPOS == "ADJ") {
			x, y := t.span(c)
			if t.w[c].UPOS == "ADJ" && !strings.HasPrefix(t.w[c].XPOS, "NNP") && !isDemonym(t.s.toks[c].text) {
				continue
			}
			if ownerA < 0 {
				ownerA, ownerB = x, y
			} else {
				ownerA, ownerB = min(ownerA, x), max(ownerB, y)
			}
		}
	}
	for ownerB > ownerA && ownerA >= 0 && s.toks[ownerB-1].tag == "POS" {
		ownerB-- // "Nordhavn Energy's chairman": the owner is Nordhavn Energy
	}
	if ownerA >= 0 {
		if f := demonymField(s, ownerA, ownerB); f > 0 {
			// "West German Finance minister Gerhard Stoltenberg": the
			// finance minister of West Germany, not of a body "West
			// German Finance"
			ownerB = f
		} else if allInstitutionWords(s.toks[ownerA:ownerB]) {
			// "Economic Planning Secretary Solita Monsod": the field is
			// the title's; whose, the sentence does not say
			ownerA, ownerB = -1, -1
		}
	}
	var role []token
	for x := a; x < b; x++ {
		if x >= ownerA && x < ownerB || s.toks[x].tag == "POS" || t.rel(x) == "case" && t.head(x) == k || t.w[x].UPOS == "PUNCT" && len(role) == 0 {
			continue // not "under" of "under Kremlin leader Gorbachev's"
		}
		if t.w[x].UPOS == "CCONJ" && len(role) == 0 {
			if x > 0 && ownerA == x+1 && isUpper(s.toks[x-1].text) && !isDemonym(s.toks[x+1].text) {
				// "Securities and Exchange Commission chairman John
				// Shad" with the name cut at "and": no owner to trust
				return graph.Triple{}, false
			}
			continue // "oil minister and OPEC president Rilwanu Lukman": president of OPEC
		}
		role = append(role, s.toks[x])
	}
	words := roleWords(role)
	if len(words) == 0 {
		return graph.Triple{}, false
	}
	c := m.c.root()
	tr := graph.Triple{Subject: c.name, SubjectType: c.typ(), SubjectText: span(s, m.hs, m.he),
		RelationText: textOf(s, role[0], role[len(role)-1]), Confidence: treeConf["role"], Rule: "role",
		Evidence: []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}}}
	if ownerA < 0 {
		if words = officeOf(words); words == nil {
			return graph.Triple{}, false
		}
		tr.Relation, tr.Object, tr.ObjectType, tr.ObjectText = "be", strings.Join(words, " "), graph.Concept, tr.RelationText
		tr.Confidence, tr.Rule = treeConf["is-a"], "is-a"
		return tr, true
	}
	name, typ, ok := d.owner(s, ownerA, ownerB)
	if om := t.byTok[ownerB-1]; om != nil && om.c != nil && om.s >= ownerA && om.e == ownerB {
		// a name of the document: the entity it is ("Mr Trump's
		// spokesman": Donald Trump), not its words
		name, typ, ok = om.c.root().name, om.c.root().typ(), true
	}
	if !ok || graph.Fold(name) == graph.Fold(c.name) {
		return graph.Triple{}, false
	}
	tr.Relation = strings.Join(words, " ") + " of"
	tr.Object, tr.ObjectType, tr.ObjectText = name, typ, span(s, ownerA, ownerB)
	return tr, true
}

// allInstitutionWords reports whether toks are only words of a body's
// field ("Economic Planning", "Finance"), no name.
func allInstitutionWords(toks []token) bool {
	for _, t := range toks {
		if !institutionWords[t.lower] {
			return false
		}
	}
	return len(toks) > 0
}

func isDemonym(w string) bool {
	_, ok := country.ByDemonym(w)
	return ok
}

// placesIn finds "City, State" and "City, Country": a place named right
// before a state or country and a comma, "its Beaumont, Texas,
// refinery", "Portland, Ore." → Beaumont –in→ Texas. Not in a list of
// states or countries ("Texas, Oklahoma and Louisiana"), nor one that
// goes on with "and" or "or".
func (d *docState) placesIn(s *sentence) []graph.Triple {
	ms := d.mentions[s.index]
	big := func(c *cluster) bool {
		if _, ok := country.State(c.name); ok {
			return true
		}
		_, ok := country.Lookup(c.name)
		return ok
	}
	var out []graph.Triple
	for _, a := range ms {
		if a.c == nil || a.e >= len(s.toks) || s.toks[a.e].text != "," {
			continue
		}
		for _, b := range ms {
			if b.s != a.e+1 || b.c == nil {
				continue
			}
			ca, cb := a.c.root(), b.c.root()
			if ca == cb || ca.typ() != graph.Place || cb.typ() != graph.Place || big(ca) || !big(cb) {
				continue
			}
			if b.e < len(s.toks) && (s.toks[b.e].lower == "and" || s.toks[b.e].lower == "or") ||
				b.e+1 < len(s.toks) && s.toks[b.e].text == "," && (s.toks[b.e+1].lower == "and" || s.toks[b.e+1].lower == "or") && a.s > 0 && s.toks[a.s-1].text == "," {
				continue // "Beaumont, Texas, and …" in a list of places
			}
			if b.e+1 < len(s.toks) && s.toks[b.e].text == "," && slices.ContainsFunc(ms, func(n *mention) bool {
				return n.s == b.e+1 && n.c != nil && n.c.root().typ() == graph.Place
			}) {
				continue // "based in Europe, Japan, India and Brazil": a list of places, none in the next
			}
			out = append(out, graph.Triple{Subject: ca.name, SubjectType: graph.Place, SubjectText: span(s, a.hs, a.he),
				Relation: "in", RelationText: ",", Object: cb.name, ObjectType: graph.Place, ObjectText: span(s, b.hs, b.he),
				Confidence: treeConf["place in"], Rule: "place in",
				Evidence: []graph.Evidence{{Sentence: s.index, Text: s.text, Start: s.start, End: s.start + len(s.text)}}})
		}
	}
	return out
}
