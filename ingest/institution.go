package ingest

import (
	"strings"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"
)

// Bodies every country has ("the Finance Ministry", "the Central Bank",
// "Parliament") are named by their field alone: which country's, only
// the document says. Such a name is one entity within its document and
// is local to it (graph.Entity.Local): the store finds no entity of
// another document by it. Where the document gives the country ("Japan's
// Finance Ministry", "the Japanese Finance Ministry"), the entity is
// named with it, and documents about the same country's body meet under
// that name.

// institutionHeads head the names of bodies every country has.
var institutionHeads = set("ministry", "ministries", "department", "bank", "parliament", "cabinet", "government",
	"treasury", "congress", "senate", "court", "police", "army", "navy", "office", "bureau")

// institutionWords name the field of such a body, or say nothing of whose
// it is: "Finance", "Central", "Supreme", "of", "and".
var institutionWords = set("finance", "financial", "foreign", "trade", "agriculture", "agricultural", "economy",
	"economic", "economics", "industry", "interior", "home", "defence", "defense", "energy", "oil", "petroleum",
	"mines", "mining", "labour", "labor", "health", "justice", "transport", "transportation", "communications",
	"telecommunications", "post", "posts", "commerce", "planning", "statistics", "statistical", "central",
	"reserve", "national", "state", "supreme", "high", "constitutional", "customs", "monetary", "tax", "budget",
	"information", "education", "environment", "housing", "fisheries", "forestry", "food", "public", "works",
	"development", "social", "welfare", "external", "affairs", "treasury", "finances", "farm", "farming", "aviation",
	"tourism", "culture", "science", "technology", "shipping", "of", "and", "the", "for", "&")

// genericBody reports whether name names a body every country has by its
// field alone: "Finance Ministry", "Central Bank", "Ministry of
// Agriculture", "Parliament", "Ministry". A country, a demonym or any
// other proper word makes it a name of one body: "Bank of Japan", "Dutch
// Central Bank", "Federal Reserve Board", "Ministry of International Trade
// and Industry".
func genericBody(name string) bool {
	head := false
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		switch {
		case institutionHeads[w]:
			head = true
		case institutionWords[w]:
		default:
			return false
		}
	}
	return head
}

// ownedBody splits a name into the country written before it and a
// generic body's name: "Japanese Finance Ministry" → Japan, "Finance
// Ministry"; "West German Finance Ministry" → West Germany; "U.S.
// Agriculture Department" → the United States. ok is false when name is
// no such name.
func ownedBody(name string) (ct *country.Country, body string, ok bool) {
	f := strings.Fields(name)
	for k := min(2, len(f)-1); k >= 1; k-- {
		lead := strings.Join(f[:k], " ")
		c, found := country.ByDemonym(lead)
		if found && country.IsPlural(lead) {
			found = false
		}
		if !found && graph.Acronym(lead) {
			c, found = lookupCountry(lead)
		}
		if rest := strings.Join(f[k:], " "); found && genericBody(rest) {
			return c, rest, true
		}
	}
	return nil, "", false
}

// qualify names each of the document's generic bodies with its country
// when the document gives one: an alias with the country before the
// name ("the Brazilian Foreign Ministry … the Foreign Ministry"), or the
// country's possessive before a mention ("Japan's Finance Ministry" →
// "Japanese Finance Ministry"). Two countries given for one body say
// nothing: its name stays as it is.
func (d *docState) qualify() {
	found := map[*cluster]string{}
	give := func(c *cluster, name string) {
		if prev, ok := found[c]; ok && graph.Fold(prev) != graph.Fold(name) {
			found[c] = "" // two countries
			return
		}
		found[c] = name
	}
	for _, c := range d.order {
		r := c.root()
		if !genericBody(r.name) {
			continue
		}
		for _, a := range c.aliases {
			if _, body, ok := ownedBody(a); ok && graph.Fold(body) == graph.Fold(r.name) {
				give(r, a)
			}
		}
	}
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for k, m := range ms {
			if m.c == nil || k == 0 || m.s < 2 || m.hs != m.s || !genericBody(m.c.root().name) {
				continue
			}
			p := ms[k-1] // "Japan" of "Japan's Finance Ministry"
			if p.e != m.s-1 || (toks[p.e].text != "'s" && toks[p.e].text != "’s") {
				continue
			}
			ct, ok := lookupCountry(p.name)
			if !ok || len(ct.Demonyms) == 0 {
				continue
			}
			give(m.c.root(), ct.Demonyms[0]+" "+m.c.root().name)
		}
	}
	if ct := d.datelineCountry(); ct != nil {
		// "TOKYO, March 3 - The Finance Ministry said": in a story
		// datelined in a country that names no other, a body the text
		// gives no country is that country's
		for _, c := range d.order {
			if r := c.root(); r == c && genericBody(r.name) && !namesCountry(r.name) {
				if _, ok := found[r]; !ok {
					found[r] = bodyPrefix(ct) + " " + r.name
				}
			}
		}
	}
	for _, c := range d.order {
		if name := found[c]; name != "" {
			c.name = name
			if !contains(c.aliases, name) {
				c.aliases = append(c.aliases, name)
			}
		}
	}
}

// localNames are the names of a that say who it is only within its
// document: those of a generic body.
func localNames(names []string) []string {
	var out []string
	for _, n := range names {
		if genericBody(n) {
			out = append(out, n)
		}
	}
	return out
}

// datelineCountry is the country of the document's dateline ("TOKYO, March
// 3 -", "ESCHBORN, West Germany, March 2 -", "WASHINGTON -"): a country
// written in it, or the country of a capital or of a US state, when the
// document names no other country or names it strictly more often than
// any other. Nil when there is none.
func (d *docState) datelineCountry() *country.Country {
	var head string
	for _, s := range d.sents {
		if s.dateline != "" {
			head = s.dateline
			break
		}
	}
	if head == "" {
		return nil
	}
	if i := strings.LastIndexAny(head, "-–—"); i > 0 {
		head = head[:i]
	}
	var ct *country.Country
	parts := strings.FieldsFunc(head, func(r rune) bool { return r == ',' || r == '(' || r == ')' })
	for k := len(parts) - 1; k >= 0 && ct == nil; k-- {
		p := strings.TrimSpace(parts[k])
		if p == "" || strings.ContainsAny(p, "0123456789") {
			continue
		}
		if p == strings.ToUpper(p) && len(p) > 3 {
			p = titleCase(p)
		}
		if c, ok := lookupCountry(p); ok {
			ct = c
		} else if c, ok := country.Capital(p); ok {
			ct = c
		} else if isState(p) {
			ct, _ = country.Lookup("United States")
		}
	}
	if ct == nil {
		return nil
	}
	// "WASHINGTON - ... Brazil": whose body, the text must say, unless
	// the dateline's country is the one it names most ("TOKYO - … the
	// Finance Ministry … Japan … Japan … U.S."), strictly more often than
	// any other
	own, most := 0, 0
	for _, c := range d.order {
		r := c.root()
		if r != c || r.typ() != graph.Place {
			continue
		}
		if o, ok := lookupCountry(r.name); ok {
			if o == ct {
				own += r.mentions
			} else if r.mentions > most {
				most = r.mentions
			}
		}
	}
	if most > 0 && own <= most {
		return nil
	}

	return ct
}

// namesCountry reports whether a body's name already says whose it is.
func namesCountry(name string) bool {
	for _, w := range strings.Fields(name) {
		if _, ok := country.ByDemonym(w); ok {
			return true
		}
		if _, ok := lookupCountry(w); ok {
			return true
		}
	}
	return false
}

// initialled are the countries English news names by their initials
// before a body ("U.S. Treasury Department", "U.K. Treasury"); every other
// two-letter alias of the country table is a code, not how news writes it
// ("S.A. Finance Ministry" for Saudi Arabia's).
var initialled = map[string]string{"United States": "U.S.", "United Kingdom": "U.K."}

// bodyPrefix is how news writes a country before a body's name: its
// initials for the few it names so, the demonym for the others ("Japanese
// Finance Ministry", "Saudi Arabian Finance Ministry").
func bodyPrefix(ct *country.Country) string {
	if p, ok := initialled[ct.Name]; ok {
		return p
	}
	if len(ct.Demonyms) > 0 {
		return ct.Demonyms[0]
	}
	return ct.Name
}
