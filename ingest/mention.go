package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"

	treebank "github.com/kg-builder/kg/ingest/lemma"
)

// A mention is a named entity found in a sentence.
type mention struct {
	sent   int
	s, e   int    // tokens of the whole chunk, title included
	hs, he int    // tokens of the name
	name   string // the name as written, title stripped
	full   string // the chunk as written
	role   string // stripped title, lower case ("secretary of state")
	votes  map[string]int
	titled bool // a person's title stood before it
	ts     int  // first token of the title; tokens [s,ts) name its owner ("U.S.")
	weak   bool // sentence-initial capital only: needs support elsewhere
	// styled: a country's code with stops and a common word that the
	// stop's capital may have given ("the U.S. Market"): the country
	// alone unless the text names the two so elsewhere
	styled bool
	ticker bool // a Reuters ticker or brackets mark it a company
	town   bool // a state's or a town's name (townLike)
	// personal: the words around it say it is a person ("who", "was
	// born", an office in apposition), not only prose's label
	personal bool
	c        *cluster
}

// A cluster is one entity of the document: its mentions under all names.
type cluster struct {
	name       string
	names      map[string]int // name → mentions
	aliases    []string       // every form seen, in order
	votes      map[string]int
	mentions   int
	titles     int  // mentions after a person's title
	female     bool // named with "Mrs", "Ms", "Miss": not the man of the same surname
	maleTitled bool // named with "Mr" once
	orgGuess   bool // one word typed a company only because business news names companies so (docTypes)
	parent     *cluster
}

// titled reports whether a person's title was seen before one of its
// mentions.
func (c *cluster) titled() bool { return c.titles > 0 }

func (c *cluster) root() *cluster {
	for c.parent != nil {
		c = c.parent
	}
	return c
}

func (c *cluster) typ() string {
	best, n := graph.Misc, 0
	for _, t := range []string{graph.Person, graph.Org, graph.Place, graph.Misc} {
		if c.votes[t] > n {
			best, n = t, c.votes[t]
		}
	}
	return best
}

type docState struct {
	sents    []sentence
	mentions [][]*mention // by sentence
	clusters map[string]*cluster
	order    []*cluster
	phrases  bool                // Options.Phrases
	open     bool                // Options.Concepts: also what the graph never keeps (pronouns, clauses)
	recent   map[string]*mention // the tree extractor's last named subject of each type, for coref
	speaker  speakerAt           // the last person named as a speaker, for "he said"
	speakers pluralSpeaker       // the last plural noun that spoke, for "they said"
	// common reports whether WordNet knows a lowercase word as a common
	// word (parse.Model.CommonWord); nil without a parser
	common func(string) bool
	// quoteOpen[i] says whether a quotation is open where sentence i
	// begins (quoted); made on first use
	quoteOpen []bool
	// companyNames memoises companies(): docTypes and resolve both ask
	companyNames [][]string
	companiesSet bool
}

func newDocState(sents []sentence) *docState {
	return &docState{sents: sents, mentions: make([][]*mention, len(sents)), clusters: map[string]*cluster{}}
}

// findMentions finds the named entities of every sentence: first of the
// sentences whose capitals mean something, then of headlines in Title Case
// or capitals, where only names already known from the body count.
func (d *docState) findMentions() {
	persons := map[string]bool{} // folded words of names typed as people
	names := map[string]bool{}   // folded names of the mentions
	plain := map[string]bool{}   // folded names some mention gives not only by a capital of style
	for i := range d.sents {
		if !d.sents[i].shouting {
			d.mentions[i] = chunkMentions(&d.sents[i])
			for _, m := range d.mentions[i] {
				names[graph.Fold(m.name)] = true
				if !m.styled {
					// and the first words of a longer name: "U.S. Shoe"
					// of "U.S. Shoe Corp"
					f := strings.Fields(graph.Fold(m.name))
					for k := 2; k <= len(f); k++ {
						plain[strings.Join(f[:k], " ")] = true
					}
				}
				if mostlyPerson(m.votes) &&
					(m.titled || m.he-m.hs >= 2) && !hasCountry(&d.sents[i], m) {
					// a person the text names in full or by title
					for _, w := range strings.Fields(graph.Fold(m.name)) {
						persons[w] = true
					}
				}
			}
		}
	}
	// words the document writes in lower case: "Cocoa production rose"
	// begins with its word "cocoa"
	lower := map[string]bool{}
	for _, s := range d.sents {
		if s.shouting {
			continue
		}
		for k, t := range s.toks {
			if k > 0 && t.text == t.lower && unicode.IsLetter(firstRune(t.text)) {
				lower[t.lower] = true
			}
		}
	}
	common := map[*mention]bool{}
	wordNet := map[*mention]bool{} // weak as a word WordNet knows
	for i := range d.sents {
		if !d.sents[i].shouting {
			d.mentions[i] = splitGlued(&d.sents[i], d.mentions[i], persons, names)
			d.mentions[i] = joinAnd(&d.sents[i], d.mentions[i], names)
			toks := d.sents[i].toks
			for k, m := range d.mentions[i] {
				if m.styled && !plain[graph.Fold(m.name)] {
					// "the U.S. Market": the country
					if c := makeMention(&d.sents[i], m.s, m.s+1); c != nil {
						d.mentions[i][k] = c
					}
				}
			}
			for _, m := range d.mentions[i] {
				opens := m.s == 0 || isDoubleQuote(toks[m.s-1].text) || toks[m.s-1].text == ":"
				if m.s == m.hs && m.e == m.s+1 && !isAcronym(toks[m.s:m.e]) && opens {
					switch {
					case lower[toks[m.s].lower]:
						// a sentence's first word that the text also
						// writes as a common word is a name only if the
						// text names it so elsewhere
						m.weak, common[m] = true, true
					case d.common != nil && d.common(toks[m.s].lower) && !hasLabel(toks[m.s:m.e], "ORGANIZATION") &&
						!hasLabel(toks[m.s:m.e], "PERSON") && !isRegion(m.name) && !isPlaceName(m.name):
						// one that WordNet knows as a common word
						// ("Period ended December 31", "NOTE: Full
						// name") needs a name of the text that holds it;
						// a country or a capital ("japan") is a name
						m.weak, wordNet[m] = true, true
					}
				}
				if !m.weak && !opens && m.s == m.hs && m.e == m.s+1 && d.common != nil && d.common(toks[m.s].lower) &&
					toks[m.s].text != strings.ToUpper(toks[m.s].text) && !hasLabel(toks[m.s:m.e], "ORGANIZATION") &&
					!hasLabel(toks[m.s:m.e], "PERSON") && !isRegion(m.name) && !isPlaceName(m.name) && !m.ticker &&
					!(m.s > 0 && locatives[toks[m.s-1].lower]) && !firstNames[toks[m.s].lower] && cutFragment(toks, m.s, m.e) {
					// a common word WordNet knows, capitalised inside a
					// sentence beside other capitals, that prose calls no
					// body and no person: a piece of a name cut off
					// ("Golf" of "Turnberry Hotel and Golf Courses",
					// "Bankruptcy" of "U.S. Bankruptcy Court") or a capital
					// of style ("the U.S. Unit"), a name only if the text
					// names it so
					m.weak, wordNet[m] = true, true
				}
				if !m.weak && m.s == m.hs && m.e == m.s+1 && len(toks[m.s].text) >= 3 && toks[m.s].text == strings.ToUpper(toks[m.s].text) &&
					lower[toks[m.s].lower] && !economicTerms[toks[m.s].lower] && !isRegion(m.name) && !isPlaceName(m.name) && !m.ticker {
					// a common word in capitals that the text also
					// writes in lower case, a table's heading ("RICE
					// 1986/87"), is a name only if the text names it so
					m.weak, common[m] = true, true
				}
				if !m.weak {
					d.add(m)
				}
			}
		}
	}
	words := map[string]bool{}
	lastWords := map[string]bool{} // last words of names of two words or more
	for k := range d.clusters {
		f := strings.Fields(k)
		for _, w := range f {
			words[w] = true
		}
		if len(f) >= 2 {
			lastWords[f[len(f)-1]] = true
		}
	}
	for i, ms := range d.mentions {
		kept := ms[:0]
		for _, m := range ms {
			if common[m] && d.clusters[graph.Fold(m.name)] == nil && !lastWords[graph.Fold(m.name)] {
				continue // "Cocoa production rose" when the text writes "cocoa"
			}
			owner := wordNet[m] && m.e < len(d.sents[i].toks) && (firmStaff[d.sents[i].toks[m.e].lower] ||
				employerTitles[d.sents[i].toks[m.e].lower] || personTitles[d.sents[i].toks[m.e].lower])
			if m.weak && (!words[graph.Fold(m.name)] || m.e < len(d.sents[i].toks) && qualifies(d.sents[i].toks[m.e]) && !owner) {
				// "Creditor banks", "Final dividend": a first word
				// before the noun it qualifies (but "Acme chairman
				// John Smith", after "Acme Corp", names his company)
				continue
			}
			if m.weak {
				d.add(m)
			}
			kept = append(kept, m)
		}
		d.mentions[i] = kept
	}
	var known [][]string // the body's names, as folded words, longest first
	for i := range d.sents {
		if !d.sents[i].shouting {
			continue
		}
		if known == nil {
			known = d.knownNames()
		}
		d.mentions[i] = knownMentions(&d.sents[i], known)
		for _, m := range d.mentions[i] {
			d.add(m)
		}
	}
}

// usState reports whether w is an American state as news writes it after
// a town: "Mo.", "N.J.", "Calif", "Texas".
func usState(w string) bool {
	return isState(w) || isState(w+".")
}

// demonymName reports whether name is a people's adjective ("West
// German", or a plural country's name without its s: "Philippine"), which
// is no company's short name: "Philippine exports"
// are not Philippine Associated Smelting and Refining Corp's.
func demonymName(name string) bool {
	if _, ok := country.ByDemonym(name); ok {
		return !country.IsPlural(name) // "the Russians" stand for Russia
	}
	if _, ok := lookupCountry(name); ok {
		return false // "Bermuda" (though "Bermudas" names it too)
	}
	_, ok := lookupCountry(name + "s") // "Philippine" of the Philippines
	return ok && !strings.HasSuffix(name, "s")
}

// cutFragment reports whether the one word [a,b) stands beside capitals
// that are not its name: a country's code or a capitalised word before it,
// or a capitalised word (or "and" and one) after it.
func cutFragment(toks []token, a, b int) bool {
	capital := func(t token) bool {
		return unicode.IsUpper(firstRune(t.text)) && !isDoubleQuote(t.text)
	}
	if a > 0 && capital(toks[a-1]) {
		return true
	}
	if b < len(toks) && capital(toks[b]) {
		return true
	}
	return b+1 < len(toks) && (toks[b].lower == "and" || toks[b].text == "&") && capital(toks[b+1])
}

// joinAnd makes one name of two names joined by "and" or "&" that the
// document writes elsewhere as the beginning of a longer name: "Harper
// and Row common shares", "Harper and Row said" where the story names
// Harper and Row Publishers Inc. (The chunker joins "and" only before a
// legal suffix or a body's head.)
func joinAnd(s *sentence, ms []*mention, names map[string]bool) []*mention {
	if len(ms) < 2 {
		return ms
	}
	out := ms[:0:0]
	for k := 0; k < len(ms); k++ {
		a := ms[k]
		if k+1 < len(ms) {
			b := ms[k+1]
			if a.hs == a.s && b.hs == b.s && a.e+1 == b.s && a.e < len(s.toks) && (s.toks[a.e].lower == "and" || s.toks[a.e].text == "&") &&
				!orgHeads[strings.ToLower(a.name)] && !orgHeads[strings.ToLower(b.name)] && !isPlaceName(a.name) && !isPlaceName(b.name) {
				// (not "House and Senate" of "House and Senate
				// conferees", nor two countries)
				joined := graph.Fold(span(s, a.s, b.e))
				for n := range names {
					if n == joined || len(n) > len(joined) && (strings.HasPrefix(n, joined+" ") || strings.HasPrefix(n, joined+"'")) {
						if m := makeMention(s, a.s, b.e); m != nil {
							out = append(out, m)
							k++
							a = nil
						}
						break
					}
				}
				if a == nil {
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// splitGlued cuts a country, or a name the document gives on its own,
// off either end of a name that the document otherwise gives a person:
// "told Funaro Brazil had to …" is Funaro and Brazil, "in Japan Nakasone
// trusts" Japan and Nakasone, "wheat to the Soviet Union Lyng said" the
// Soviet Union and Lyng; "Ford Canada", whose Ford is no person here,
// stays a company.
func splitGlued(s *sentence, ms []*mention, persons, names map[string]bool) []*mention {
	var out []*mention
	for _, m := range ms {
		n := m.he - m.hs
		if n < 2 || m.titled {
			out = append(out, m)
			continue
		}
		person := func(a, b int) bool { // [a,b) are words of a person's name
			for _, t := range s.toks[a:b] {
				if !persons[graph.Fold(t.text)] {
					return false
				}
			}
			return true
		}
		other := func(a, b int) bool { // [a,b) names a country or another entity, no person
			if _, ok := lookupCountry(span(s, a, b)); ok {
				return true
			}
			for _, t := range s.toks[a:b] {
				if persons[graph.Fold(t.text)] || !hasWordRune(t.text) {
					return false
				}
			}
			return names[graph.Fold(span(s, a, b))]
		}
		cut := -1
		if n >= 3 && graph.Acronym(s.toks[m.hs].text) && len(s.toks[m.hs].text) >= 2 && firstNames[s.toks[m.hs+1].lower] &&
			!isPlaceName(s.toks[m.hs].text) && unicode.IsUpper(firstRune(s.toks[m.hs+2].text)) && !corporateSuffixes[s.toks[m.he-1].lower] {
			// "U.S. Ambassador to GATT Michael Samuels": a body's
			// acronym glued before a person named in full
			cut = m.hs + 1
		}
		for k := 1; k <= 2 && k < n && cut < 0; k++ {
			if other(m.he-k, m.he) && person(m.hs, m.he-k) {
				cut = m.he - k
			} else if other(m.hs, m.hs+k) && person(m.hs+k, m.he) {
				cut = m.hs + k // "in Japan Nakasone trusts"
			}
		}
		if cut < 0 {
			out = append(out, m)
			continue
		}
		a, b := makeMention(s, m.s, cut), makeMention(s, cut, m.e)
		if a == nil || b == nil {
			out = append(out, m)
			continue
		}
		out = append(out, a, b)
	}
	return out
}

// hasCountry reports whether a word of m's name names a country.
func hasCountry(s *sentence, m *mention) bool {
	for k := m.hs; k < m.he; k++ {
		if _, ok := lookupCountry(s.toks[k].text); ok {
			return true
		}
	}
	return false
}

// knownNames lists every name and alias of the document's clusters as
// folded words, longest first.
func (d *docState) knownNames() [][]string {
	names := [][]string{}
	for _, c := range d.order {
		for _, a := range c.aliases {
			if f := strings.Fields(graph.Fold(a)); len(f) > 0 {
				names = append(names, f)
			}
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return names
}

func (d *docState) add(m *mention) {
	name := m.name
	if ct, ok := lookupCountry(name); ok {
		// one node for "US", "U.S.", "USA" and "United States"
		name = ct.Name
	} else if st, ok := country.State(name); ok && (name != st || m.votes[graph.Person] == 0) {
		// one node for "N.J." and "New Jersey"
		name = st
		m.votes = map[string]int{graph.Place: 1}
	} else if ct, ok := country.ByDemonym(name); ok && country.IsPlural(name) {
		// "the Russians" act for Russia
		name = ct.Name
		m.votes = map[string]int{graph.Place: 1}
	}
	female := m.titled && femaleTitleIn(m.role) && len(strings.Fields(name)) == 1
	if female {
		// "Mrs Reagan" is another person than "Reagan", and stays one
		name = span(d.sentOf(m), m.ts, m.he)
	}
	k := graph.Fold(name)
	c := d.clusters[k]
	if c == nil {
		c = &cluster{name: name, names: map[string]int{}, votes: map[string]int{}, female: female}
		d.clusters[k] = c
		d.order = append(d.order, c)
	}
	c.names[m.name]++
	c.mentions++
	if m.titled && personTitleIn(m.role) {
		c.titles++
	}
	if m.titled && maleTitleIn(m.role) {
		c.maleTitled = true
	}
	for _, a := range []string{m.name, m.full} {
		if female && a == m.name {
			continue
		}
		if !contains(c.aliases, a) {
			c.aliases = append(c.aliases, a)
		}
	}
	for t, n := range m.votes {
		c.votes[t] += n
	}
	m.c = c
}

func (d *docState) sentOf(m *mention) *sentence { return &d.sents[m.sent] }

// femaleTitles say that a surname after them is a woman's.
var femaleTitles = set("mrs", "mrs.", "ms", "ms.", "miss", "madame", "mme", "lady", "dame")

// courtesyTitles go before a person's surname alone, whatever the surname
// is as a word: "Mr. Steel", "Mrs Bush".
var courtesyTitles = set("mr", "mrs", "ms", "miss", "dr", "mme", "madame", "herr", "frau")

func maleTitleIn(role string) bool {
	for _, w := range strings.Fields(role) {
		if w == "mr" || w == "mr." || w == "sir" || w == "lord" || w == "king" || w == "prince" {
			return true
		}
	}
	return false
}

func femaleTitleIn(role string) bool {
	for _, w := range strings.Fields(role) {
		if femaleTitles[w] {
			return true
		}
	}
	return false
}

// lookupCountry finds a country by a name as written; a short word in
// lower case is no country code ("Us" of Toys "R" Us is not the US).
func lookupCountry(name string) (*country.Country, bool) {
	if len(name) <= 3 && !graph.Acronym(name) {
		return nil, false
	}
	return country.Lookup(name)
}

// isRegion reports whether name is a country's or a US state's.
func isRegion(name string) bool {
	if _, ok := lookupCountry(name); ok {
		return true
	}
	_, ok := country.State(name)
	return ok
}

// isPlaceName reports whether name is a country's, a US state's, a
// capital's or a region's (worldRegions).
func isPlaceName(name string) bool {
	if _, ok := lookupCountry(name); ok {
		return true
	}
	if isState(name) || worldRegions[strings.ToLower(name)] {
		return true
	}
	_, ok := country.Capital(name)
	return ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// chunkMentions finds runs of proper nouns, strips titles off their front and
// types what remains.
func chunkMentions(s *sentence) []*mention {
	var out []*mention
	toks := s.toks
	prevEnd := 0 // where the last chunk ended
	for i := 0; i < len(toks); {
		if !isProper(toks, i) && !nameParticiple(s, i) {
			i++
			continue
		}
		if i == 0 && i+1 < len(toks) && i < len(s.tree) && s.tree[i].XPOS == "VBG" && (ordinaryWord(toks[i].lower) || ordinaryForm(toks[i].lower)) && (toks[i].label == "O" || toks[i].label == "") &&
			isProper(toks, i+1) && !(s.tree[i].Head == i+2 && (s.tree[i].Deprel == "amod" || s.tree[i].Deprel == "compound")) {
			// "Replacing Inco and Owens-Illinois Inc will be Coca-Cola
			// Co": a verb's capital at the start of a sentence begins no
			// name (but "Flying Tigers said", where it qualifies the
			// name, does)
			i++
			continue
		}
		if firstWord(toks, i) && inversionVerbs[toks[i].lower] && i+1 < len(toks) && isProper(toks, i+1) {
			// "Said David Gluskin, vice-president of …": a verb of
			// saying before its speaker begins the sentence, not a name
			i++
			continue
		}
		if i >= 1 && (toks[i-1].text == "de" || toks[i-1].text == "van" || toks[i-1].text == "von") &&
			(i < 2 || !isProper(toks, i-2)) && i-1 >= prevEnd {
			// "de Havilland Aircraft", "van Gogh": the particle begins
			// the name when no name stands before it
			i--
		} else if i-1 > prevEnd && !s.shouting && capitalCommon(toks[i-1]) && bodyAhead(toks, i) {
			// "told the Semiconductor Industry Association": a capital
			// inside a sentence on a word the tagger took for a common
			// one begins a body's name
			i--
		} else if i == 1 && prevEnd == 0 && !s.shouting && (capitalCommon(toks[0]) && !ordinaryForm(toks[0].lower) ||
			ordinals[toks[0].lower] && toks[0].text != toks[0].lower) && suffixAhead(toks, i) {
			// "First Ameri-Cable Corp said", "Memory Metals Inc said": a
			// sentence's first capital, whatever the tagger took it for,
			// begins the name of a company that follows it
			i--
		}
		j := i + 1
		closing := bracketEnd(toks, i)
		for j < len(toks) {
			if isProper(toks, j) {
				j++
				continue
			}
			// a capitalised participle inside a body's name: "Association of
			// Tin Producing Countries", "Oil Exporting Countries"
			if !s.shouting && j+1 < len(toks) && strings.HasPrefix(toks[j].tag, "VB") && unicode.IsUpper(firstRune(toks[j].text)) &&
				(strings.HasSuffix(toks[j].lower, "ing") || strings.HasSuffix(toks[j].lower, "ed")) &&
				unicode.IsUpper(firstRune(toks[j+1].text)) && isNoun(toks[j+1].tag) && commonNoun(toks[j+1].lower) {
				j += 2
				continue
			}
			// Reuters brackets round a company's whole name: "<Sumitomo
			// Trust and Banking Co Ltd> will provide the credit"
			if j < closing && (toks[j].lower == "and" || toks[j].text == "&") && isProper(toks, j+1) {
				j++
				continue
			}
			// "and" or a possessive inside a company's or a body's name:
			// "Securities and Exchange Commission", "Morgan Stanley and Co
			// Inc", "Oshman's Sporting Goods Inc", "S and P"
			if k, ok := joinedName(s, i, j); ok {
				j = k
				continue
			}
			// French "et" inside a body's name that begins with its head:
			// "Union de Garantie et de Placement"
			if toks[j].text == "et" && orgLeads[toks[i].lower] && j+2 < len(toks) && (isProper(toks, j+1) ||
				(toks[j+1].text == "de" || toks[j+1].text == "du" || toks[j+1].text == "des") && isProper(toks, j+2)) {
				j++
				if !isProper(toks, j) {
					j++
				}
				continue
			}
			// French "a" inside a body's name that begins with its head:
			// "Banque Internationale a Luxembourg SA"
			if toks[j].text == "a" && orgLeads[toks[i].lower] && j+1 < len(toks) && isProper(toks, j+1) {
				j += 2
				continue
			}
			// two particles inside a person's name: "Eduardo de los Angeles"
			if j+2 < len(toks) && (toks[j].lower == "de" || toks[j].lower == "van" || toks[j].lower == "von") &&
				(toks[j+1].lower == "los" || toks[j+1].lower == "las" || toks[j+1].lower == "la" || toks[j+1].lower == "der" ||
					toks[j+1].lower == "den") && isProper(toks, j+2) {
				j += 3
				continue
			}
			// "of the" inside a company's name that ends in a legal
			// suffix: "Central Bancshares of the South Inc"
			if toks[j].lower == "of" && j+2 < len(toks) && toks[j+1].lower == "the" && isProper(toks, j+2) &&
				!hasLabel(toks[i:j], "PERSON") && !givenName(toks[i].lower) && !titleWords[strings.TrimSuffix(toks[i].lower, ".")] &&
				(hasLabel(toks[i:j], "ORGANIZATION") || orgHeads[toks[j-1].lower] || companyHeads[toks[j-1].lower] || ordinaryWord(toks[j-1].lower)) {
				// (not "William Johnson of the Jofree Corp", "said
				// Squyres of the Securities Industry Automation Corp")
				k := j + 2
				for k < len(toks) && isProper(toks, k) && !corporateSuffixes[toks[k].lower] {
					k++
				}
				if k < len(toks) && k > j+2 && corporateSuffixes[toks[k].lower] && isProper(toks, k) {
					j = k + 1
					continue
				}
			}
			// a particle inside a name: "Bank of England", "Bashar al Assad"
			if nameParticles[toks[j].lower] && j+1 < len(toks) && isProper(toks, j+1) &&
				(toks[j].lower != "on" || onHeads[toks[j-1].lower] && !dateWords[toks[j+1].lower]) &&
				(toks[j].lower != "for" || forHead(toks, j)) &&
				!(toks[j].lower == "of" && (s.tree != nil && nameEnds(toks[i:j]) && !companyOfPlace(s, i, j) ||
					corporateSuffixes[toks[j-1].lower] && !companyOfPlace(s, i, j) || ownerOf(toks, j))) {
				j += 2
				continue
			}
			// a company's country or line in brackets before its legal
			// suffix: "Tarvik Equity (Pacific) Ltd", "Halvex Reynolds
			// (Canada) Inc"
			if toks[j].text == "(" && j+3 < len(toks) && isProper(toks, j+1) && toks[j+2].text == ")" &&
				corporateSuffixes[toks[j+3].lower] {
				j += 4
				continue
			}
			// an initial inside a name, its full stop a token of its own:
			// "T. Rowe Price Associates Inc"
			if toks[j].text == "." && len(toks[j-1].text) == 1 && unicode.IsUpper(firstRune(toks[j-1].text)) &&
				j+1 < len(toks) && isProper(toks, j+1) {
				j++
				continue
			}
			// a partnership's names listed before "and Co": "Smith Barney,
			// Harris Upham and Co Inc"
			if k, ok := partnership(toks, i, j); ok {
				j = k
				continue
			}
			// an office named with "of the" before its holder's name:
			// "Chancellor of the Exchequer Nigel Lawson"
			if n := officeOfThe(s, j); n > 0 {
				j += n
				continue
			}
			// the rest of a name its acronym spells out: "Economic and
			// Social Commission for Asia and the Pacific (ESCAP)"
			if k, ok := spelledOut(toks, i, j); ok {
				j = k
				continue
			}
			break
		}
		if b, ok := commonLead(s, i, j, prevEnd); ok {
			// "Robert Maxwell's British Printing and Communications Corp
			// plc": capitals the tagger took for common words, and "and",
			// begin the company whose line of business ends the chunk
			i = b
		}
		if j == i+1 && j < len(toks) && i > 0 && toks[i-1].lower == "the" && accordNouns[toks[j].text] && !isPlaceName(toks[i].text) &&
			!isRegion(toks[i].text) && !demonymName(toks[i].text) && !s.shouting && unicode.IsUpper(firstRune(toks[i].text)) &&
			!graph.Acronym(toks[i].text) && !strings.HasSuffix(toks[i].label, "ORGANIZATION") && !strings.HasSuffix(toks[i].label, "PERSON") {
			// "the Louvre accord", "the Plaza agreement": an accord named
			// after where it was made is the accord's name, not a place
			j++
		}
		if j > i+1 && i >= 2 && toks[i-1].text == "," && strings.HasSuffix(toks[i].text, ".") && usState(toks[i].text) &&
			unicode.IsUpper(firstRune(toks[i+1].text)) {
			// "near Newtown, Pa. Calton said it will build": the state
			// ends the town's place, and its stop the sentence, which
			// the segmenter took for an abbreviation's
			j = i + 1
		}
		if j == i+1 && i >= 3 && toks[i-1].lower == "the" && toks[i-2].lower == "of" && officeFields[toks[i].lower] &&
			personTitles[strings.TrimSuffix(toks[i-3].lower, ".")] {
			// "the U.S. Comptroller of the Currency", "Chancellor of
			// the Exchequer": the field of an office, no name (but
			// "manager of the Tanzania-Zambia Railway Authority")
			i = j
			continue
		}
		if j < len(toks) && locative(toks[j].text) && j > i && toks[j-1].text != "," {
			// "New Orleans-based Halvex", "Hong Kong-owned": the first
			// words of a place's adjective, no name
			i = j
			continue
		}
		if possessiveName(toks, j) && (j-i == 1 || hasLabel(toks[i:j], "ORGANIZATION")) {
			j++ // "Moody's said": the possessive is the company's name
		}
		if k, ok := countryWord(s, i, j); ok {
			// "the U.S. Have been", "More U.K. Lenders are": the country,
			// and no name of which it is the first word
			if _, ok := lookupCountry(toks[i].text); ok {
				out = append(out, splitDates(s, i, i+1)...)
			}
			i = k
			continue
		}
		if k := officeLead(toks, i, j); k > 0 {
			// "Deputy General Manager of Sumitomo Bank Ltd": an office
			// and whose it is; the name is the owner's
			i = k
		}
		if i > 0 && toks[i-1].tag == "CD" && (amountUnits[toks[j-1].lower] || currencyWords[toks[j-1].lower]) {
			// "six U.S. Cents a litre", "5 Canadian Dollars": an amount's
			// unit, no name
			i, prevEnd = j, j
			continue
		}
		if j-i >= 3 && toks[j-1].lower == "local" && orgHeads[toks[j-2].lower] {
			// "United Food and Commercial Workers Union Local 222": the
			// union, without the number of its branch
			out = append(out, splitDates(s, i, j-1)...)
			if j < len(toks) && toks[j].tag == "CD" {
				j++
			}
			i, prevEnd = j, j
			continue
		}
		if k := suffixThenPlace(s, i, j); k > 0 {
			// "the Walter Reade Organization Inc New York cinema chain":
			// the place after a company's legal suffix is no part of
			// its name
			out = append(out, splitDates(s, i, k)...)
			i, prevEnd = k, k
			continue
		}
		if k := personAfterBody(toks, i, j); k > 0 {
			// "Governor of the Bank of England Robin Leigh-Pemberton",
			// "NATO Manfred Woerner": a body and then its officer
			if b := officeLead(toks, i, k); b > 0 {
				i = b // "Chairman of General Motors Roger Smith"
			}
			out = append(out, splitDates(s, i, k)...)
			out = append(out, splitDates(s, k, j)...)
			i, prevEnd = j, j
			continue
		}
		ms := splitDates(s, i, j)
		if styledCapital(s, i, j) {
			for _, m := range ms {
				m.styled = m.styled || m.s == i && m.e == j
			}
		}
		out = append(out, ms...)
		i = j
		prevEnd = j
	}
	return out
}

// spelledOut reports whether the words from j up to a bracketed acronym
// belong to the name that begins at i, because the acronym's letters are
// the initials of the name's capitalised words with them and not without
// ("Commission for Asia and the Pacific (ESCAP)"), and where the name
// then ends.
func spelledOut(toks []token, i, j int) (int, bool) {
	k := j
	for k < len(toks) && k < j+5 && toks[k].text != "(" {
		if !(isProper(toks, k) || connectors[toks[k].lower]) {
			return 0, false
		}
		k++
	}
	if k == j || k+2 >= len(toks) || toks[k].text != "(" || toks[k+2].text != ")" || !isAcronym(toks[k+1:k+2]) ||
		connectors[toks[k-1].lower] {
		return 0, false
	}
	acronym := strings.ReplaceAll(toks[k+1].text, ".", "")
	initials := func(a, b int) string {
		var sb strings.Builder
		for _, t := range toks[a:b] {
			if unicode.IsUpper(firstRune(t.text)) {
				sb.WriteRune(firstRune(t.text))
			}
		}
		return sb.String()
	}
	for a := i; a < j; a++ {
		if initials(a, j) == acronym {
			return 0, false // the name already spells it: "… (ESC)"
		}
		if initials(a, k) == acronym {
			return k, true
		}
	}
	return 0, false
}

// onHeads are the heads of bodies and treaties named with "on": "General
// Agreement on Tariffs and Trade", "Conference on Disarmament", "Committee
// on Banking" (elsewhere "on" ends a name: "Reagan on Monday").
var onHeads = set("agreement", "conference", "committee", "subcommittee", "commission", "council", "convention", "force",
	"treaty", "panel", "accord", "accords", "round")

// forHead reports whether the words before "for" at j head a name that
// goes on with it: a body ("Bank for International Settlements",
// "Organisation for Economic Cooperation and Development", "Campaign for
// Nuclear Disarmament") or an office ("Minister for Trade", "Minister of
// State for Energy"). After any other name "for" ends it: "Richard
// Schwarz, who follows Kodak for E.F. Hutton and Co", "Reagan for
// President", "Acme Inc for Widget Corp".
func forHead(toks []token, j int) bool {
	w := toks[j-1].lower
	return orgHeads[w] && !corporateSuffixes[w] || forBodies[w] || titleWords[w] ||
		w == "state" && j >= 2 && toks[j-2].lower == "of"
}

// forBodies head names with "for" that orgHeads lacks.
var forBodies = set("campaign", "programme", "program", "alliance", "committees", "commissioner", "centers", "centres",
	"fund", "funds", "initiative", "project")

// pressHeads end newspapers' names, which news shortens to their last
// word: "the Chronicle" for the Houston Chronicle.
var pressHeads = set("chronicle", "post", "journal", "herald", "tribune", "gazette", "telegraph", "guardian",
	"observer", "globe", "inquirer", "examiner", "bulletin", "courier", "dispatch", "mirror", "independent", "news",
	"week", "weekly", "reports", "digest", "newsletter")

// partyMembers are the plurals news names parties' and movements'
// members by.
var partyMembers = set("republicans", "democrats", "conservatives", "liberals", "socialists", "communists", "tories",
	"greens", "sandinistas", "contras", "labourites", "christian-democrats", "nationalists", "separatists",
	"federalists", "gaullists", "peronists", "radicals")

// numberedParts are the parts of laws and documents a number names:
// "Chapter 11", "Section 301", "Article 19".
var numberedParts = set("chapter", "section", "article", "clause", "paragraph", "title", "rule", "phase", "item")

// officeFields are what offices named "X of the Y" are of, no names of
// their own: "Comptroller of the Currency", "Chancellor of the Exchequer".
var officeFields = set("currency", "exchequer", "rolls", "realm")

// connectors join the words of a long name: "Asia and the Pacific".
var connectors = set("and", "&", "of", "for", "the", "on", "in")

// nameParticiple reports whether token i is a capitalised participle that
// the tree hangs on the name after it as its first word: "Flying Tigers
// said", "Leading Edge Hardware Products Inc" (not "Replacing Inco and
// Owens-Illinois Inc will be", where it governs the name).
func nameParticiple(s *sentence, i int) bool {
	toks := s.toks
	if s.shouting || i+1 >= len(toks) || i >= len(s.tree) || !unicode.IsUpper(firstRune(toks[i].text)) ||
		toks[i].text == strings.ToUpper(toks[i].text) || !(toks[i].tag == "VBG" || toks[i].tag == "VBN") ||
		!isProper(toks, i+1) || i > 0 && connectors[toks[i-1].lower] && toks[i-1].lower != "the" {
		// ("Minister of State for Planning Yusuf Ali Osman": the
		// office's field)
		return false
	}
	if rel := s.tree[i].Deprel; rel != "amod" && rel != "compound" {
		return false
	}
	h := s.tree[i].Head - 1
	return h > i && h < properEnd(toks, i+1)
}

// capitalCommon reports whether t is a capitalised word of letters, not in
// capitals, that the tagger took for a common noun, an adjective or a
// gerund, and that is no title, date or determiner.
func capitalCommon(t token) bool {
	if !(t.tag == "NN" || t.tag == "NNS" || t.tag == "JJ" || t.tag == "VBG") || !unicode.IsUpper(firstRune(t.text)) ||
		strings.ToUpper(t.text) == t.text || titleWords[t.lower] || dateWords[t.lower] || determiners[t.lower] {
		return false
	}
	for _, r := range t.text {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// commonLead reports whether the chunk from i to j is the tail of a
// company's name after "and" whose first words the tagger took for common
// ones ("British/JJ Printing/NN and Communications Corp"), and where the
// name then begins: two or three capitalised words after prevEnd that
// joinedName would join to the chunk from there.
func commonLead(s *sentence, i, j, prevEnd int) (int, bool) {
	toks := s.toks
	if s.shouting || i < 3 || toks[i-1].lower != "and" {
		return 0, false
	}
	b := i - 1
	for b > prevEnd && b > i-4 && capitalCommon(toks[b-1]) {
		b--
	}
	if i-1-b < 2 || b == 0 && ordinaryWord(toks[0].lower) {
		return 0, false
	}
	if k, ok := joinedName(s, b, i-1); ok && k == j {
		return b, true
	}
	return 0, false
}

// bodyAhead reports whether the proper nouns from i end in a body's head
// word: "Industry Association".
func bodyAhead(toks []token, i int) bool {
	k := properEnd(toks, i)
	return k > i && orgHeads[toks[k-1].lower]
}

// properEnd returns where the run of proper nouns from i ends.
func properEnd(toks []token, i int) int {
	k := i
	for k < len(toks) && isProper(toks, k) {
		k++
	}
	return k
}

// accordNouns, in lower case after a one-word name, make it an accord's:
// "the Louvre accord".
var accordNouns = set("accord", "accords", "agreement", "pact")

// ordinals begin banks' and companies' names: "First Chicago Corp".
var ordinals = set("first", "second", "third", "fourth", "fifth")

// suffixAhead reports whether the proper nouns from i end in a company's
// legal suffix: "Ameri-Cable Corp".
func suffixAhead(toks []token, i int) bool {
	k := properEnd(toks, i)
	return k > i && corporateSuffixes[strings.TrimSuffix(toks[k-1].lower, ".")]
}

// countryWord reports whether the chunk [i,j) is a country and then a
// capitalised word that the parse reads as no part of a name: a verb, a
// modal, an adverb, a function word (the capital after "U.S." is often the
// full stop's: "the U.S. Have been holding talks"), or a plural common
// noun that ends the chunk ("More U.K. Lenders are offering", "U.S.
// Officials said") or, after a country's code, a singular one ("a U.S.
// Complaint that", "U.S. Interest rates"), heads no body ("British Airways", "U.S. Industries")
// and that neither prose labels a body's nor the text makes a company ("X
// said it would"). It returns where to go on
// reading names.
func countryWord(s *sentence, i, j int) (int, bool) {
	if s.tree == nil || j-i < 2 || i+1 >= len(s.tree) || s.shouting {
		return 0, false
	}
	n := 1 // the country's words: "U.S.", "British", "West German"
	lead := s.toks[i].text
	if j-i >= 3 {
		if _, ok := country.ByDemonym(lead + " " + s.toks[i+1].text); ok {
			n = 2
		}
	}
	if n == 1 {
		if _, ok := lookupCountry(lead); !ok || !graph.Acronym(lead) {
			if _, ok := country.ByDemonym(lead); !ok || country.IsPlural(lead) {
				return 0, false
			}
		}
	}
	w := s.toks[i+n]
	if !unicode.IsUpper(firstRune(w.text)) || graph.Acronym(w.text) || strings.ContainsAny(w.text, ".-&'") ||
		i+n >= len(s.tree) {
		return 0, false
	}
	tag := s.tree[i+n].XPOS
	switch {
	case isVerb(tag) || tag == "MD" || strings.HasPrefix(tag, "RB") || tag == "IN" || tag == "CC" || tag == "DT" ||
		tag == "TO" || strings.HasPrefix(tag, "W"):
		return i + n + 1, true
	case (tag == "NNS" || tag == "NN" && graph.Acronym(lead) ||
		(tag == "NNPS" || tag == "NNP") && graph.Acronym(lead) && strings.HasSuffix(w.lower, "s") && commonNoun(w.lower)) &&
		j == i+n+1 && !orgHeads[w.lower] && !placeHeads[w.lower] &&
		!strings.HasSuffix(w.label, "ORGANIZATION") &&
		!(j+1 < len(s.toks) && (s.toks[j].lower == "said" || s.toks[j].lower == "says") && s.toks[j+1].lower == "it"):
		return j, true
	}
	return 0, false
}

// styledCapital reports whether the chunk [i,j) is a country's code
// written with stops and one capitalised common word after it, no body's
// nor place's head nor title: "the U.S. Market was", "a local U.S.
// Government agency", "U.S. Industry sources". Reuters copy capitalises
// the word after "U.S." as if the stop ended a sentence, so the capital
// says nothing; "U.S. Senate", "U.S. Gulf" keep their heads, and a
// company so named ("U.S. Sprint") is one where the text also writes it
// otherwise ("US Sprint").
func styledCapital(s *sentence, i, j int) bool {
	if j != i+2 || s.shouting || !strings.Contains(s.toks[i].text, ".") || !graph.Acronym(s.toks[i].text) {
		return false
	}
	if _, ok := lookupCountry(s.toks[i].text); !ok {
		return false
	}
	w := s.toks[i+1]
	if graph.Acronym(w.text) || strings.ContainsAny(w.text, ".-&'0123456789") || !commonNoun(w.lower) &&
		!(strings.HasSuffix(w.lower, "s") && commonNoun(strings.TrimSuffix(w.lower, "s"))) && !ordinaryWord(w.lower) {
		return false
	}
	if orgHeads[w.lower] || companyHeads[w.lower] || placeHeads[w.lower] || titleWords[w.lower] || personTitles[w.lower] ||
		strings.HasSuffix(w.label, "ORGANIZATION") {
		return false
	}
	// "U.S. Sprint's", "U.S. Shoe said it": the text makes it a company
	return !(j < len(s.toks) && (s.toks[j].text == "'s" || s.toks[j].text == "’s")) &&
		!(j+1 < len(s.toks) && (s.toks[j].lower == "said" || s.toks[j].lower == "says") && s.toks[j+1].lower == "it")
}

// companyOfPlace reports whether [i,j), a name that ends in a legal
// suffix, goes on with "of" and a place that is part of the name: "of
// America" ("Hospital Corp of America"; news names the country otherwise)
// or a place that another legal suffix follows ("Aluminum Co of Canada
// Ltd"). "Boliden AB of Sweden" is a company and its country.
func companyOfPlace(s *sentence, i, j int) bool {
	toks := s.toks
	if j-i < 2 || !corporateSuffixes[toks[j-1].lower] || j+1 >= len(toks) {
		return false
	}
	k := j + 1
	for k < len(toks) && k < j+4 && isProper(toks, k) && !corporateSuffixes[toks[k].lower] {
		k++
	}
	if k == j+1 {
		return false
	}
	place := span(s, j+1, k)
	if place == "America" || place == "North America" || k < len(toks) && corporateSuffixes[toks[k].lower] {
		return true
	}
	// "Public Service Co of New Mexico", "General Telephone Co of
	// California": a utility named with common words only is known by its
	// state
	if !isState(place) || toks[j-1].lower != "co" && toks[j-1].lower != "corp" {
		return false
	}
	utility := false
	for _, t := range toks[i : j-1] {
		if !commonNoun(t.lower) && !ordinaryWord(t.lower) || givenName(t.lower) || isPlaceName(t.text) {
			return false
		}
		utility = utility || utilityWords[t.lower]
	}
	return utility
}

// utilityWords name what utilities sell: "Public Service Co", "Gas and
// Electric Co".
var utilityWords = set("service", "power", "light", "electric", "gas", "telephone", "water", "utilities", "oil",
	"edison", "energy")

// ownerOf reports whether "of" at j is followed by a name that owns what
// comes after it: "the sale to Kelcom of Marlow's 50 pct interest" names
// Kelcom and Marlow, not "Kelcom of Marlow". A body's head before "of"
// keeps its name whole.
func ownerOf(toks []token, j int) bool {
	if h := toks[j-1].lower; orgHeads[h] || placeHeads[h] || miscHeads[h] || titleWords[h] || placeOf[h] || orgLeads[h] {
		return false // "the Bank of England's governor"
	}
	k := j + 1
	for k < len(toks) && isProper(toks, k) {
		k++
	}
	return k > j+1 && k < len(toks) && (toks[k].text == "'s" || toks[k].text == "’s") && !possessiveName(toks, k)
}

// partnership reports whether the comma at j continues the name [i,j)
// as a list of partners ending in "and Co" and legal suffixes ("Smith
// Barney, Harris Upham and Co Inc"), and where that name ends. Each
// partner is one or two capitalised words, none a place, a body or an
// acronym; a list of companies stays a list.
func partnership(toks []token, i, j int) (int, bool) {
	partner := func(a, b int) bool {
		if b-a < 1 || b-a > 2 {
			return false
		}
		for _, t := range toks[a:b] {
			if t.tag != "NNP" || !unicode.IsUpper(firstRune(t.text)) || graph.Acronym(t.text) || isRegion(t.text) ||
				orgHeads[t.lower] || corporateSuffixes[t.lower] || titleWords[t.lower] {
				return false
			}
		}
		return true
	}
	if toks[j].text != "," || !partner(i, j) {
		return 0, false
	}
	k := j
	partners, single := 1, j-i == 1
	for k < len(toks) && toks[k].text == "," {
		a := k + 1
		b := a
		for b < len(toks) && b-a < 3 && toks[b].tag == "NNP" && !corporateSuffixes[strings.TrimSuffix(toks[b].lower, ".")] {
			b++
		}
		if b == a && single && partners >= 3 && corporateSuffixes[strings.TrimSuffix(toks[a].lower, ".")] {
			// "Howard, Weil, Labouisse, Friedrichs, Inc": the comma
			// before the legal suffix
			k = a
			break
		}
		if !partner(a, b) {
			return 0, false
		}
		partners++
		single = single && b-a == 1
		k = b
	}
	if single && partners >= 3 && k < len(toks) && corporateSuffixes[strings.TrimSuffix(toks[k].lower, ".")] {
		// "Rothschild, Unterberg, Towbin Inc", "Gutzwiller, Kurz, Bungener
		// Ltd": three or more partners of one word each and a legal
		// suffix, without "and" (two are rather a list: "Texaco, Pennzoil
		// Co")
		for k < len(toks) && corporateSuffixes[strings.TrimSuffix(toks[k].lower, ".")] {
			k++
		}
		return k, true
	}
	if k+1 >= len(toks) || toks[k].lower != "and" && toks[k].text != "&" {
		return 0, false
	}
	if w := strings.TrimSuffix(toks[k+1].lower, "."); w != "co" && w != "company" {
		// "Donaldson, Lufkin and Jenrette Securities Corp": the last
		// partner, and a company's head or suffix after it (without
		// one, "Phelps, Baxter, Bohr and Cassels" are people)
		a := k + 1
		b := a
		for b < len(toks) && b-a < 2 && toks[b].tag == "NNP" && !corporateSuffixes[strings.TrimSuffix(toks[b].lower, ".")] &&
			!orgHeads[toks[b].lower] {
			b++
		}
		if !partner(a, b) {
			return 0, false
		}
		c := b
		if c+1 < len(toks) && toks[c].text == "," && corporateSuffixes[strings.TrimSuffix(toks[c+1].lower, ".")] {
			c++ // "Brooks, Weinger, Robbins and Leeds, Inc."
		}
		for c < len(toks) && (orgHeads[toks[c].lower] || corporateSuffixes[strings.TrimSuffix(toks[c].lower, ".")]) {
			c++
		}
		if c == b || toks[c-1].text == "," {
			return 0, false
		}
		return c, true
	}
	k += 2
	for k < len(toks) && corporateSuffixes[strings.TrimSuffix(toks[k].lower, ".")] {
		k++
	}
	if k < len(toks) && toks[k].text == "," {
		// "dealers are Lloyds, Samuel Montagu and Co Ltd, Morgan Grenfell
		// and Co Ltd": a list of firms, each with its "and Co"
		for x := k + 1; x+1 < len(toks) && x < k+8; x++ {
			if (toks[x].lower == "and" || toks[x].text == "&") && strings.TrimSuffix(toks[x+1].lower, ".") == "co" {
				return 0, false
			}
		}
	}
	return k, true
}

// ownerName reports whether toks, before a person's title, name a body
// that the title is of: a body's head word among them ("Finance Ministry
// State", "General Motors"), and no word that begins a title ("Chief
// Cabinet Secretary", "Deputy Planning Minister" are titles whole).
func ownerName(toks []token) bool {
	if titleOpeners[toks[0].lower] {
		return false
	}
	for _, t := range toks {
		if orgHeads[t.lower] || corporateSuffixes[t.lower] {
			return true
		}
	}
	return false
}

// hasWord reports whether one of toks is w, in lower case.
func hasWord(toks []token, w string) bool {
	for _, t := range toks {
		if t.lower == w {
			return true
		}
	}
	return false
}

// titleOpeners begin a title, never its owner's name.
var titleOpeners = set("chief", "deputy", "assistant", "acting", "former", "vice", "senior", "interim", "associate",
	"executive", "under", "first", "second", "principal", "permanent", "joint")

// isParticle reports whether t joins the words of a name ("of", "de").
func (t token) isParticle() bool { return nameParticles[t.lower] }

// officeOfThe reports how many tokens from j, "of the" and one word, go on
// a person's title into the name that follows it: "Chancellor of the
// Exchequer Nigel Lawson", "Speaker of the House Jim Wright". The office is
// one proper noun, no place ("President of the United States" is no
// title of a name), and a name prose labels a person's follows it.
func officeOfThe(s *sentence, j int) int {
	toks := s.toks
	if j < 1 || j+4 > len(toks) || toks[j].lower != "of" || toks[j+1].lower != "the" ||
		!personTitles[strings.TrimSuffix(toks[j-1].lower, ".")] || !isProper(toks, j+2) || isRegion(toks[j+2].text) ||
		!isProper(toks, j+3) || !strings.HasSuffix(toks[j+3].label, "PERSON") {
		return 0
	}
	return 3
}

// joinedName reports whether the word at j, "and" or "'s", joins the
// proper nouns [i,j) and those after it into one name, and where that name
// ends. It does when what follows ends like a company or a body (a legal
// suffix or a head word such as Commission, Association), and what comes
// before is no complete name of its own (a company with its suffix, a
// country); or when "and" stands between two single capitals ("S and P").
func joinedName(s *sentence, i, j int) (int, bool) {
	toks := s.toks
	w := toks[j].lower
	if w == "'" && j+1 < len(toks) && isProper(toks, j+1) {
		// "Wheat Producers' Association", "Workers' Party": a plural
		// common word owns the body's head
		l := toks[j-1].lower
		k := j + 1
		for k < len(toks) && isProper(toks, k) {
			k++
		}
		if strings.HasSuffix(l, "s") && ordinaryWord(strings.TrimSuffix(l, "s")) &&
			(orgHeads[toks[k-1].lower] || corporateSuffixes[strings.TrimSuffix(toks[k-1].lower, ".")]) {
			return k, true // and "Dealers' Digest Inc"
		}
		return 0, false
	}
	if k, ok := ofCompleted(s, i, j); ok {
		return k, true
	}
	if w == "'s" && j+1 < len(toks) && j-i >= 2 && unicode.IsUpper(firstRune(toks[j+1].text)) && orgHeads[toks[j+1].lower] &&
		ordinaryWord(toks[j-1].lower) && !isRegion(toks[j-1].text) && !isPlaceName(span(s, i, j)) && !isProper(toks, j+2) {
		// "Supreme People's Assembly", "National Workers's Union": a
		// common word's possessive inside a body's name, its head in
		// capitals though the tagger took it for a common noun
		return j + 2, true
	}
	if (w == "und" || w == "et") && j+1 < len(toks) && (toks[j+1].lower == "co" || toks[j+1].lower == "cie") {
		// "F. Hoffmann-La Roche und Co AG", "Brown Boveri et Cie": the
		// German or French "and" before the partners' "Co"
		k := j + 2
		for k < len(toks) && corporateSuffixes[strings.TrimSuffix(toks[k].lower, ".")] {
			k++
		}
		return k, true
	}
	if w != "and" && w != "'s" || j+1 >= len(toks) || !isProper(toks, j+1) {
		return 0, false
	}
	if w == "'s" && (toks[j+1].lower == toks[i].lower || j == i+1 && graph.Acronym(toks[i].text)) {
		// "Boeing's Boeing Commercial Airplane Co", "UAL's United
		// Airlines": the owner and its unit
		return 0, false
	}
	k := j + 1
	for k < len(toks) {
		if isProper(toks, k) {
			k++
			continue
		}
		if (toks[k].lower == "of" || toks[k].lower == "'s") && k+1 < len(toks) && isProper(toks, k+1) {
			k += 2
			continue
		}
		break
	}
	left := toks[i:j]
	lastLeft := strings.TrimSuffix(left[len(left)-1].lower, ".")
	if w == "and" && len(left) == 1 && k == j+2 && possessiveName(toks, k) && !isPlaceName(left[0].text) {
		return k + 1, true // "Standard and Poor's said"
	}
	if w == "and" && len(left) == 1 && k == j+2 && len(left[0].text) == 1 && len(toks[j+1].text) == 1 {
		return k, true // "S and P"
	}
	if w == "and" && len(left) == 1 && k == j+2 && i > 0 && firmNouns[toks[i-1].lower] && !isPlaceName(left[0].text) &&
		!isPlaceName(toks[j+1].text) && !givenName(left[0].lower) && !givenName(toks[j+1].lower) &&
		!graph.Acronym(left[0].text) && !graph.Acronym(toks[j+1].text) {
		return k, true // "London-based dealer Gill and Duffus said": a firm named after its founders
	}
	if w == "and" && len(left) > 1 && !corporateSuffixes[lastLeft] && !hasWord(left, "of") && !isPlaceName(span(s, i, j)) &&
		!givenName(left[0].lower) && !titleWords[left[0].lower] && !personTitles[left[0].lower] &&
		commonTail(toks[j+1:k], !orgHeads[lastLeft]) {
		// "Highveld Steel and Vanadium Corp Ltd", "National Distillers
		// and Chemical Corp": a line of business after "and" and the
		// legal suffix end the one company's name (a second company
		// has a name of its own: "Chrysler Corp and Ford Motor Co")
		return k, true
	}
	if w == "and" && fieldOfBody(left) && k-(j+1) <= 2 {
		field := true
		for _, t := range toks[j+1 : k] {
			if !wordOrPlural(t.lower) || orgHeads[t.lower] || isPlaceName(t.text) || graph.Acronym(t.text) {
				field = false
			}
		}
		if field {
			return k, true // "Academy of Motion Picture Arts and Sciences": the body's fields
		}
	}
	if orgHeads[lastLeft] && len(left) > 1 || isPlaceName(span(s, i, j)) ||
		isPlaceName(toks[j+1].text) || dateWords[toks[j+1].lower] {
		return 0, false // "Chrysler Corp and Ford Motor Co" are two
	}
	for _, t := range left {
		if corporateSuffixes[strings.TrimSuffix(t.lower, ".")] {
			return 0, false
		}
	}
	head := strings.TrimSuffix(toks[k-1].lower, ".")
	if head == "local" && k-2 > j+1 && orgHeads[toks[k-2].lower] {
		head = toks[k-2].lower // "Commercial Workers Union Local 222": a union's branch
	}
	if !corporateSuffixes[head] {
		// a body's name joins common words ("Securities and Exchange
		// Commission", "Grain and Feed Trade Association"); two names
		// stay two ("Nordline and Viking Rail")
		if !orgHeads[head] && !(w == "'s" && pressHeads[head] && j == i+1 && !ordinaryWord(toks[i].lower)) || k-(j+1) < 2 {
			return 0, false
		}
		for x, t := range left {
			if w == "'s" {
				continue // "Moody's Investors Service"
			}
			if x == 0 && len(left) >= 2 && (graph.Acronym(t.text) || isRegion(t.text)) {
				continue // "NSW Trades and Labour Council": whose the body is
			}
			if !basicWords[t.lower] && !basicWords[strings.TrimSuffix(t.lower, "s")] && !orgHeads[t.lower] && t.tag != "NNPS" &&
				!(strings.HasSuffix(t.lower, "ics") && len(t.lower) > 5 && !strings.Contains(t.lower, "-")) && // a field: "National Aeronautics and Space Administration"
				(!wordOrPlural(t.lower) || institutionHeads[head]) {
				// ("Home Savings and Loan Association" is one; "Labor
				// and Commerce Department" two)
				return 0, false
			}
		}
	}
	for _, t := range toks[j+1 : k] {
		if personTitles[strings.TrimSuffix(t.lower, ".")] {
			return 0, false // "Reagan and Senate Majority Leader Robert Byrd"
		}
	}
	return k, true
}

// fieldOfBody reports whether left is a body's head, "of" and its field
// in capitalised common words: "Academy of Motion Picture Arts".
func fieldOfBody(left []token) bool {
	for x := 1; x+1 < len(left); x++ {
		if left[x].lower == "of" {
			if !orgHeads[left[x-1].lower] {
				return false
			}
			for _, t := range left[x+1:] {
				if !wordOrPlural(t.lower) || isPlaceName(t.text) || graph.Acronym(t.text) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// commonTail reports whether toks are one or two capitalised common words
// and then a company's legal suffixes, or (when bodyHead) one and a body's
// head, and perhaps "of" and a place: "Vanadium Corp Ltd", "Gas Co",
// "Smelting Co Ltd", "Loan Association of Muskogee" (but after a body's
// head "and" begins another body: "International Monetary Fund and World
// Bank"). Words that begin companies' names of their own ("General Motors
// Corp", "Federal Reserve Bank") and people's adjectives ("Soviet Union")
// are none.
func commonTail(toks []token, bodyHead bool) bool {
	for x, t := range toks {
		if t.lower == "of" {
			toks = toks[:x] // "Loan Association" of "... of Muskogee"
			break
		}
	}
	n := len(toks)
	for n > 0 && corporateSuffixes[strings.TrimSuffix(toks[n-1].lower, ".")] {
		n--
	}
	if bodyHead && n == len(toks) && n == 2 && orgHeads[toks[1].lower] && !corporateSuffixes[toks[1].lower] &&
		!demonymName(toks[0].text) && toks[0].lower != "world" {
		n-- // "Loan Association" after "Savings", not "World Bank" after "Fund"
	}
	if n == len(toks) || n == 0 || n > 2 {
		return false
	}
	for _, t := range toks[:n] {
		if !unicode.IsUpper(firstRune(t.text)) || graph.Acronym(t.text) || isRegion(t.text) || givenName(t.lower) ||
			companyLeads[t.lower] || !(commonNoun(t.lower) || ordinaryForm(t.lower) || strings.HasSuffix(t.lower, "ing")) {
			return false
		}
	}
	return true
}

// companyLeads are common words that begin companies' and bodies' names
// of their own: "General Motors", "National Westminster", "Federal
// Express".
var companyLeads = set("general", "national", "international", "united", "american", "first", "standard",
	"continental", "federal", "allied", "consolidated", "associated", "amalgamated", "universal", "royal", "imperial",
	"central", "southern", "northern", "eastern", "western", "pacific", "atlantic", "commonwealth", "union", "new")

// ordinaryWord reports whether w, in lower case, is a common English word.
func ordinaryWord(w string) bool { return basicWords[w] || treebank.Known(w) }

// ofCompleted reports whether "and" at j joins a body's name "X of Y" in
// [i,j) to the rest of what it is "of", and where the name ends: "National
// Union of Agricultural and Cereal Cooperatives", "Ministry of Trade and
// Industry". The words after "of" on both sides are common words, written
// with capitals, and no place.
func ofCompleted(s *sentence, i, j int) (int, bool) {
	toks := s.toks
	if toks[j].lower != "and" {
		return 0, false
	}
	p := -1
	for x := i + 1; x < j-1; x++ {
		if toks[x].lower == "of" && orgHeads[toks[x-1].lower] || toks[x].lower == "on" && onHeads[toks[x-1].lower] ||
			(toks[x].lower == "of" || toks[x].lower == "for") && titleWords[toks[x-1].lower] {
			p = x // "Ministry of Trade and Industry", "Agreement on Tariffs and Trade", "Minister for Trade and Industry"
		}
	}
	if p < 0 {
		return 0, false
	}
	capitalWord := func(t token) bool {
		return unicode.IsUpper(firstRune(t.text)) && !graph.Acronym(t.text) && !isRegion(t.text) &&
			(commonNoun(t.lower) || orgHeads[t.lower])
	}
	for _, t := range toks[p+1 : j] {
		if !capitalWord(t) {
			return 0, false
		}
	}
	k := j + 1
	for k < len(toks) && capitalWord(toks[k]) {
		if subBodies[toks[k].lower] || toks[k].lower == toks[p-1].lower {
			return 0, false // "Department of Agriculture and Commerce Department" are two
		}
		k++
	}
	if k == j+1 {
		return 0, false
	}
	return k, true
}

// possessiveName reports whether the "'s" at j ends a name rather than
// owning what follows: nothing that it could own follows ("Moody's said",
// "Moody's, the rating agency").
func possessiveName(toks []token, j int) bool {
	if j >= len(toks) || toks[j].text != "'s" {
		return false
	}
	if j+1 == len(toks) {
		return true
	}
	n := toks[j+1]
	if (n.tag == "VBG" || n.tag == "VBN") && j+2 < len(toks) && isNoun(toks[j+2].tag) {
		return false // "the Communist Party's exacting demands": a participle before what it owns
	}
	return isVerb(n.tag) || n.tag == "MD" || n.text == "," || n.text == "." || n.text == ")" || n.lower == "and"
}

// corporateSuffixes end a company's name: "Boliden AB of Sweden" is two.
var corporateSuffixes = set("inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "ab", "ag", "sa", "plc",
	"nv", "llc", "gmbh", "spa", "bhd", "pty", "kk", "n.a.", "n.v.", "n.v", "b.v.", "bv", "a.g.", "s.p.a.", "oy")

// nameEnds reports whether a chunk is a whole name before "of": a
// company with its legal suffix, or a person (prose's label). The tree
// extractor then keeps "Peter Greenbaum of Smith Barney" as two names.
func nameEnds(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	if corporateSuffixes[toks[len(toks)-1].lower] {
		return true
	}
	if len(toks) < 2 {
		return false
	}
	if toks[0].label == "B-PERSON" && len(toks) <= 3 && !titleWords[toks[0].lower] {
		// a first name prose knows and a word or two after it, none a
		// body's or a place's head: "Paul Boltz of T. Rowe Price"
		for _, t := range toks {
			if orgHeads[t.lower] || placeHeads[t.lower] || isAcronym([]token{t}) || isRegion(t.text) {
				return false
			}
		}
		return true
	}
	if personInFull(toks) {
		return true
	}
	for _, t := range toks {
		if !strings.HasSuffix(t.label, "PERSON") {
			return false
		}
	}
	return true
}

// personInFull reports whether a chunk is a known first name and a word or
// two after it, after any titles, none a body's or a place's head:
// "Senator Trent Lott" of "Senator Trent Lott of Mississippi".
func personInFull(toks []token) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if titleWords[strings.TrimSuffix(toks[k].lower, ".")] {
			// the name after its title and the title's owner: "Senate
			// Democratic Leader Robert Byrd"
			toks = toks[k+1:]
			break
		}
	}
	if len(toks) < 2 || len(toks) > 3 || !givenName(strings.ToLower(toks[0].text)) {
		return false
	}
	for _, t := range toks {
		if orgHeads[t.lower] || placeHeads[t.lower] || isAcronym([]token{t}) || isRegion(t.text) {
			return false
		}
	}
	return true
}

// isProper reports whether token i can be part of a name.
func isProper(toks []token, i int) bool {
	t := toks[i]
	if t.tag == "JJ" && i+1 < len(toks) && toks[i+1].tag == "NNP" && t.label != "O" {
		// "Russian Federation", "Islamic State"; a title after it is
		// stripped later ("Russian President Vladimir Putin")
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r)
	}
	if i+2 < len(toks) && unicode.IsUpper(firstRune(t.text)) && !determiners[t.lower] && isProper(toks, i+1) {
		if _, ok := country.ByDemonym(t.text + " " + toks[i+1].text); ok {
			// "West German" of "the West German Finance Ministry"
			return true
		}
	}
	if (t.tag == "NN" || t.tag == "NNS") && t.label != "O" && t.label != "" {
		// prose's labels mark a name the tagger took for a common noun
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r)
	}
	if i == 0 && len(toks) > 1 && toks[1].tag == "NNP" && t.tag != "NNP" && t.tag != "NNPS" && unknownCapital(t.text) &&
		!(strings.HasPrefix(t.tag, "RB") && ordinaryForm(t.lower)) {
		// a first word the tagger, which trusts no sentence-initial
		// capital, took for another part of speech: "Theodore Brophy,
		// chairman of GTE, said"; an English word is not taken
		return true
	}
	if t.tag != "NNP" && t.tag != "NNPS" && i+1 < len(toks) && (toks[i+1].tag == "NNP" || toks[i+1].tag == "NNPS") &&
		capitalsHyphened(t.text) {
		// "Oversea-Chinese Banking Corp", "Anglo-Kelvian Mining": words
		// joined by hyphens, each capitalised, before a name begin it
		return true
	}
	if t.tag != "NNP" && t.tag != "NNPS" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r) || hasNamePrefix(t.text) || unicode.IsDigit(r) && i > 0 && toks[i-1].tag == "NNP"
}

// capitalsHyphened reports whether w is words of letters joined by
// hyphens, each capitalised and not all in capitals: "Oversea-Chinese",
// not "Paris-based" nor "U.S.-Japan".
func capitalsHyphened(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 || !unicode.IsUpper(firstRune(p)) || strings.ToUpper(p) == p {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// unknownCapital reports whether w is a capitalised word of letters that
// English does not know as a common word: a name's.
func unknownCapital(w string) bool {
	for i, r := range w {
		if !unicode.IsLetter(r) || i == 0 && !unicode.IsUpper(r) {
			return false
		}
	}
	l := strings.ToLower(w)
	return len(w) > 1 && !graph.Acronym(w) && !basicWords[l] && !treebank.Known(l) && !titleWords[l] && !dateWords[l]
}

// splitDates cuts month and day names out of a chunk and makes mentions of
// the pieces.
// A month's name that is also a person's (namedMonths) and that the parse
// joins to a name before it as its last part ("analyst Rick May", "Theresa
// May"), with no day after it, is a name's; a day's never is ("the White
// House Tuesday").
func splitDates(s *sentence, i, j int) []*mention {
	var out []*mention
	date := func(k int) bool {
		if !dateWords[s.toks[k].lower] {
			return false
		}
		if s.tree != nil && k > i && k < len(s.tree) && s.tree[k].Deprel == "flat" && namedMonths[s.toks[k].lower] {
			h := s.tree[k].Head - 1
			if h >= i && h < k && !dateWords[s.toks[h].lower] && !(k+1 < len(s.toks) && isNumber(s.toks[k+1].text)) {
				return false
			}
		}
		return true
	}
	for a := i; a < j; {
		if date(a) || isNumber(s.toks[a].text) {
			a++
			continue
		}
		b := a
		for b < j && !date(b) {
			b++
		}
		// trim particles, numbers and units at the edges ("U.S. Dlrs")
		for b > a && (nameParticles[s.toks[b-1].lower] || isNumber(s.toks[b-1].text) || b-a > 1 && tableLabels[s.toks[b-1].lower]) {
			b--
		}
		if m := makeMention(s, a, b); m != nil {
			out = append(out, m)
		}
		a = b + 1
	}
	return out
}

func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// makeMention strips a title off tokens [a,b) and types the name.
func makeMention(s *sentence, a, b int) *mention {
	toks := s.toks
	for a < b-1 && (toks[a].text == "'s" || toks[a].text == "’s" || locative(toks[a].text)) {
		// "today's European Community", "the Paris-based Atlantic
		// Council": a possessive or a place's adjective is not the name's
		a++
	}
	if b-a >= 3 && legalSuffix(span(s, a, b)) {
		for k := a + 1; k < b-2; k++ {
			if unitLeads[toks[k].lower] && unicode.IsUpper(firstRune(toks[k].text)) && isProper(toks, k+1) {
				// "its wholly-owned U.S. Subsidiary Toyota Motor
				// Manufacturing USA Inc": what the company is to another
				// goes before its name, in capitals of style
				a = k + 1
				break
			}
		}
	}
	if a == 0 && b-a >= 2 && toks[a].tag == "JJ" && ordinaryWord(toks[a].lower) && isPlaceName(span(s, a+1, b)) &&
		!isPlaceName(span(s, a, b)) && !regionCompass[toks[a].lower] && !compassWords[toks[a].lower] && !placeAdjectives[toks[a].lower] {
		a++ // "Local Hong Kong houses": a sentence's first adjective before a place (not "Western Australia")
	}
	if b-a >= 2 && timeZones[toks[b-1].lower] {
		allTime := true
		for _, t := range toks[a : b-1] {
			for _, p := range strings.Split(t.lower, "/") {
				if !timeZones[p] && strings.Trim(p, "0123456789:") != "" {
					allTime = false
				}
			}
		}
		if allTime {
			return nil // "1000 EDT/1400 GMT": times, no name
		}
	}
	if b-a >= 2 && (toks[b-1].lower == "'s" || toks[b-1].lower == "’s") {
		if _, ok := country.Lookup(span(s, a, b-1)); ok {
			b-- // "Japan's ruling party": Japan, not "Japan's" (but "Standard and Poor's", "Moody's")
		}
	}
	if a >= b {
		return nil
	}
	last, first := -1, -1
	person := false
	strong := false
	for i := a; i < b; i++ {
		w := strings.TrimSuffix(toks[i].lower, ".")
		switch {
		case i >= a+2 && toks[i-1].lower == "of" && orgHeads[toks[i-2].lower]:
			// "Department of Agriculture", "Ministry of Finance": the
			// body's field, not a title
		case titleWords[w] || titleWords[toks[i].lower]:
			if !(last == i-1 || last == -1 || i == a || isTitleChain(toks, a, i)) && i+1 < b &&
				(personTitles[w] || personTitles[toks[i].lower]) && !toks[i-1].isParticle() && ownerName(toks[a:i]) {
				// "Finance Ministry State Secretary Hans Tietmeyer",
				// "General Motors Chairman Roger Smith": a person's title
				// after words that name its owner, whatever title word
				// the owner's name holds
				first, last, person, strong = i, i-1, false, false
			}
			if last == i-1 || last == -1 || i == a || isTitleChain(toks, a, i) {
				if first < 0 {
					first = i
				}
				last = i
				person = person || personTitles[w] || personTitles[toks[i].lower]
				strong = strong || strongTitles[w] || strongTitles[toks[i].lower]
			}
		case w == "of" && last == i-1 && i+2 < b && toks[i+1].lower == "the":
			last = i + 2 // "Chancellor of the Exchequer"
			i += 2
		case (w == "of" || w == "for") && last == i-1 && i+1 < b:
			last = i + 1 // "Secretary of State", "Minister for Health"
			i++
			for i+1 < b && (fieldWord(toks[i+1]) || toks[i+1].lower == "and" && i+2 < b && fieldWord(toks[i+2])) {
				// "Minister of State for Foreign Affairs", "Minister for
				// Trade and Industry": the office's field goes on
				i++
				last = i
			}
			if i+2 < b && (toks[i+1].lower == "and" || toks[i+1].text == "&") && fieldCommon(toks[i+2]) {
				// "Minister of Regional and Industrial Expansion",
				// "Commissioner of Food and Drugs Frank Young"
				i++
				for i+1 < b && fieldCommon(toks[i+1]) {
					i++
				}
				last = i
			}
		}
	}
	if !person && last == a && partyMember[toks[a].lower] && b-a >= 3 && givenName(toks[a+1].lower) {
		person = true // "Democrat William Proxmire": a party's member before a person's full name
	}
	hs := a
	if last >= a && last < b-1 && person {
		rest := b - (last + 1)
		headWord := strings.ToLower(toks[b-1].text)
		// "General Cinema", "General Mills", "General Dynamics": "General"
		// alone before one word is a company's name, not an officer's
		// title (but "General John Galvin")
		company := last == a && toks[a].lower == "general" && (rest == 1 && (ordinaryWord(toks[b-1].lower) || hasLabel(toks[last+1:b], "PERSON")) ||
			rest >= 2 && commonNoun(toks[a+1].lower) && !firstNames[toks[a+1].lower] && (hasWord(toks[a+1:b], "on") ||
				hasWord(toks[a+1:b], "of") || hasWord(toks[a+1:b], "and") || hasWord(toks[a+1:b], "for")))
		courtesy := last == a && courtesyTitles[strings.TrimSuffix(toks[a].lower, ".")] && rest == 1 &&
			unicode.IsUpper(firstRune(toks[b-1].text)) && !isRegion(toks[b-1].text)
		if courtesy || !orgHeads[headWord] && !placeHeads[headWord] && !miscHeads[headWord] && !isRegion(span(s, last+1, b)) &&
			(strong || rest >= 2 || hasLabel(toks[last+1:b], "PERSON")) && !company {
			// a title is before a person, not before a country:
			// "Burger King USA" is a company
			hs = last + 1
		}
	}
	if last == b-1 && last >= a {
		// nothing but a title ("US Secretary", "President"): no entity
		if person || titleWords[strings.ToLower(toks[b-1].text)] {
			return nil
		}
	}
	if b-a >= 3 && personTitles[strings.TrimSuffix(toks[b-1].lower, ".")] && toks[b-1].lower != "general" &&
		ownerName(toks[a:b-1]) && !hasWord(toks[a:b-1], "of") {
		// a title and its owner, no name: "the current Finance Ministry
		// State Secretary"
		return nil
	}
	if b-hs == 1 && hs == a {
		// a demonym alone qualifies a noun or names a people: "Russian
		// officials" is no entity, "the Russians" stand for Russia (add)
		if demonymName(toks[a].text) {
			return nil
		}
	}
	if slashed(strings.ReplaceAll(span(s, hs, b), " ", "")) {
		// "Jan/Dec", "Texas/Oklahoma", "IMF/World Bank": two names, no
		// name
		return nil
	}
	if b-hs == 1 && (joinedPlaces(toks[hs].text) || monthRange(toks[hs].text) || partyState(toks[hs].text) ||
		unitWords[toks[hs].lower]) {
		// "the Iran-Iraq war", "Franco-U.S. talks": two places that
		// qualify a noun; "the April-June quarter"; "Lloyd Bentsen,
		// D-Tex": a senator's party and state; "per mln Btu": no name
		return nil
	}
	if b-hs == 1 && (tableLabels[strings.TrimSuffix(toks[hs].lower, ".")] || corporateSuffixes[toks[hs].lower] ||
		corporateSuffixes[strings.ReplaceAll(toks[hs].lower, ".", "")] ||
		len(strings.TrimSuffix(toks[hs].text, ".")) == 1) {
		// "Shr", "Avg", "Note": labels of tables, not names; "Ltd",
		// "S.A." (no Saudi Arabia after a company's comma), "A", "B"
		// alone name nothing
		return nil
	}
	if b-hs >= 2 && (toks[hs].lower == "series" || toks[hs].lower == "class" || toks[hs].lower == "tranche") &&
		len(strings.TrimSuffix(toks[hs+1].text, ".")) <= 2 {
		// "Series A preferred stock", "Class B shares": a class of a
		// company's securities, no name
		return nil
	}
	if b-hs == 1 && (timeZones[toks[hs].lower] || rating(toks[hs].text) || dateCode(toks[hs].text)) {
		// "10:00 GMT", "rated AA", "MAR8": a time, a credit rating, a
		// date, no name
		return nil
	}
	if b-hs == 1 && inversionVerbs[toks[hs].lower] && b < len(toks) && hasWordRune(toks[b].text) &&
		toks[b].text == toks[b].lower {
		return nil // "a composite insurer in the U.K., Said it is arranging": a verb after a stop's capital
	}
	if b-hs == 1 && noNames[strings.ReplaceAll(toks[hs].lower, "’", "'")] {
		return nil // "We've", "Everybody", "Per"
	}
	if b-hs == 1 && numberedParts[toks[hs].lower] && b < len(toks) && strings.ContainsAny(toks[b].text, "0123456789") {
		return nil // "Chapter 11", "Section 301": a part of a law, no name
	}
	if b-hs == 2 && (toks[hs].lower == "provisional" || toks[hs].lower == "prime") && rating(toks[hs+1].text) {
		// "Provisional A-1 shelf registered securities": a rating
		return nil
	}
	for _, t := range toks[hs:b] {
		if strings.Contains(t.text, "..") {
			// "DATE..W.T.I.....W.T.S...LT": a table's dotted columns
			return nil
		}
	}
	if a == 0 && b == 1 && b < len(toks) && !isAcronym(toks[:1]) && ordinaryWord(toks[0].lower) && qualifies(toks[1]) &&
		!strings.HasSuffix(toks[0].label, "ORGANIZATION") && !strings.HasSuffix(toks[0].label, "PERSON") {
		// "Creditor banks met", "Final dividend was": a sentence's first
		// word before the noun it qualifies, unless prose knows it for a
		// body's name ("Fed officials said")
		return nil
	}
	if a > 0 && (toks[a-1].lower == "a" || toks[a-1].lower == "an") && b-a >= 2 && toks[b-1].lower == "partnership" &&
		(toks[b-2].lower == "limited" || toks[b-2].lower == "general" || toks[b-2].lower == "master") {
		// "BenEquity Holdings, a California Limited Partnership": what
		// kind of firm it is, not a name
		return nil
	}
	m := &mention{sent: s.index, s: a, e: b, hs: hs, he: b, votes: map[string]int{}}
	// a capitalised first word that prose did not see as a name, or an
	// ordinary English word or inflected verb ("Asked", "Depending"),
	// may be an ordinary word: it counts only if the document names it
	// elsewhere
	// (a quotation's first word is a sentence's: "Simply put, …")
	opens := a == 0 || isDoubleQuote(toks[a-1].text) && (a == 1 || toks[a-2].text == ":" || toks[a-2].text == ",")
	m.weak = opens && b == a+1 && !isAcronym(toks[a:b]) &&
		(!hasLabel(toks[a:b], "") || basicWords[toks[a].lower] || ordinaryForm(toks[a].lower) ||
			// "Sources said": a plural the tagger took for a common noun
			toks[a].tag == "NNS" && wordOrPlural(toks[a].lower))
	if b-hs == 1 && hs == a && !isAcronym(toks[hs:b]) && (orgHeads[toks[hs].lower] || placeHeads[toks[hs].lower]) {
		// "the Bank", "the Commission" stand for a name the document
		// gives in full, or for none
		m.weak = true
	}
	owned := false
	if hs == a && b-a == 3 && !s.shouting && isAcronym(toks[b-1:b]) && !isRegion(toks[b-1].text) {
		if _, ok := country.ByDemonym(span(s, a, b-1)); ok {
			hs, owned = b-1, true // "West German M-3", "South Korean GNP"
		}
	}
	if hs == a && b-a == 2 && !s.shouting && !graph.Acronym(toks[a].text) && isAcronym(toks[a+1:b]) &&
		!isRegion(toks[a+1].text) {
		// "Spanish EC membership": a demonym before an acronym says whose
		// the body is, not its name; "Senior EC officials" which of its
		// people, "Real GDP" which measure
		if _, ok := country.ByDemonym(toks[a].text); ok || titleOpeners[toks[a].lower] || toks[a].lower == "real" ||
			toks[a].lower == "nominal" {
			hs, owned = a+1, true
		}
	}
	m.name = span(s, hs, b)
	m.full = span(s, fullStart(toks, a, hs, first), b)
	if owned {
		m.full = m.name // "Spanish EC" is the EC
	}
	if hs > a && !owned {
		m.role = strings.ToLower(span(s, a, hs))
		m.titled = true
		m.ts = first
	}
	if len(m.name) < 2 && !unicode.IsUpper(firstRune(m.name)) {
		return nil
	}
	typeVotes(m, toks[hs:b])
	contextVotes(m, toks)
	if m.titled && b-hs == 1 && courtesyTitles[strings.TrimSuffix(m.role, ".")] {
		// "Mr. Steel": a person, whatever the word would head
		m.votes = map[string]int{graph.Person: m.votes[graph.Person] + m.votes[graph.Org] + m.votes[graph.Place] + 1}
	}
	if hs == a && b-a == 2 && toks[a].lower == "general" && ordinaryWord(toks[a+1].lower) {
		// "General Cinema", "General Mills": a company
		m.votes[graph.Org] += 4
		delete(m.votes, graph.Person)
	}
	if strings.ContainsAny(span(s, hs, b), "0123456789") && m.votes[graph.Person]+m.votes[graph.Place] > 0 {
		// "Karbala-5", "P-3C Orion": no person's or place's name has a
		// number; a model's, an operation's, a measure's has
		m.votes[graph.Misc] += m.votes[graph.Person] + m.votes[graph.Place]
		delete(m.votes, graph.Person)
		delete(m.votes, graph.Place)
	}
	if b-hs >= 2 && toks[hs].text == "El" && !isPlaceName(span(s, hs, b)) && !townName(span(s, hs, b)) && m.votes[graph.Person] > 0 {
		// "El Universal newspaper", "El Nino": a Spanish article begins
		// a paper's name or a thing's, no person's; a place's ("El
		// Salvador", "El Paso") is known
		k := graph.Misc
		if b < len(toks) && pressNouns[toks[b].lower] || m.votes[graph.Org] > 0 {
			k = graph.Org
		}
		m.votes[k] += m.votes[graph.Person] + 1
		delete(m.votes, graph.Person)
	}
	if b-hs >= 2 && legalPrefixes[toks[hs].text] {
		m.votes[graph.Org] += 4 // "NV Nederlandse Gasunie"
		delete(m.votes, graph.Person)
		delete(m.votes, graph.Place)
	}
	if b < len(toks) && isTicker(toks[b].text) || a > 0 && toks[a-1].text == "<" {
		// "GTE <GTE>", "<Chartham Management Corp>": Reuters marks
		// companies
		m.votes[graph.Org] += 10
		m.ticker = true
	}
	return m
}

// fieldWord reports whether t, capitalised, goes on naming an office's
// field: "Foreign", "Affairs", "Fisheries" (institutionWords).
func fieldWord(t token) bool {
	return unicode.IsUpper(firstRune(t.text)) && institutionWords[t.lower] && !connectors[t.lower] &&
		t.text != strings.ToUpper(t.text)
}

// fieldCommon reports whether t, capitalised, may go on naming an
// office's field after its "and": a common English word and no first name
// ("Industrial", "Expansion", "Drugs"; not "Frank").
func fieldCommon(t token) bool {
	return fieldWord(t) || unicode.IsUpper(firstRune(t.text)) && commonNoun(t.lower) && !firstNames[t.lower] &&
		t.text != strings.ToUpper(t.text)
}

// fullStart is where the name with its title, [a,hs), begins as an alias:
// at a, unless words before the title are no owner of it but a sentence's
// first ordinary word ("Using President Reagan"), or the title is another
// person's office of the one named ("Chairman of President Reagan").
func fullStart(toks []token, a, hs, first int) int {
	if hs == a {
		return a
	}
	if _, demonym := country.ByDemonym(toks[0].text); first > a && a == 0 && first == 1 && !isRegion(toks[0].text) && !demonym &&
		(!strings.HasPrefix(toks[0].tag, "NNP") || ordinaryWord(toks[0].lower) || ordinaryForm(toks[0].lower)) {
		return first
	}
	for k := a + 1; k+1 < hs; k++ {
		if (toks[k].lower == "of" || toks[k].lower == "for") && strongTitles[strings.TrimSuffix(toks[k+1].lower, ".")] &&
			personTitles[strings.TrimSuffix(toks[k-1].lower, ".")] {
			return k + 1
		}
	}
	return a
}

// slashed reports whether w is words joined by slashes, each of two
// letters or more and capitalised: months ("Jan/Dec"), places
// ("Texas/Oklahoma"), bodies ("IMF/WorldBank", spaces taken out).
func slashed(w string) bool {
	parts := strings.Split(w, "/")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 || !unicode.IsUpper(firstRune(p)) {
			return false
		}
	}
	return true
}

// joinedPlaces reports whether w is two places joined by a hyphen, which
// qualify a noun and name neither alone: "Iran-Iraq", "U.S.-Japan",
// "Anglo-Dutch", "Franco-U.S.", "East-West". A place's own hyphened name
// ("Schleswig-Holstein", "Winston-Salem") has parts that are no places.
func joinedPlaces(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || strings.Contains(b, "-") {
		return false
	}
	place := func(p string, first bool) bool {
		p = strings.TrimSuffix(p, ".")
		if p == "" || !unicode.IsUpper(firstRune(p)) {
			return false
		}
		if first && placePrefixes[strings.ToLower(p)] || compass[strings.ToLower(p)] {
			return true
		}
		if _, ok := lookupCountry(p); ok {
			return true
		}
		if _, ok := lookupCountry(p + "."); ok {
			return true
		}
		if _, ok := country.ByDemonym(p); ok {
			return true
		}
		return isRegion(p) || isState(p)
	}
	return place(a, true) && place(b, false)
}

// placePrefixes are the combining forms of peoples' names: "Anglo-Dutch",
// "Sino-Soviet".
var placePrefixes = set("anglo", "franco", "sino", "russo", "italo", "greco", "indo", "afro", "euro", "hispano",
	"austro", "nippo", "judeo", "turco", "irano", "arab")

// compass are the quarters of the world that hyphened pairs join: "East-West
// trade", "North-South dialogue".
var compass = set("east", "west", "north", "south")

// monthRange reports whether w is a span of months or days written with a
// hyphen: "April-June", "Oct-Sept", "January-December".
func monthRange(w string) bool {
	parts := strings.Split(strings.ToLower(w), "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !dateWords[p] && !dateWords[p+"."] && !dateWords[strings.TrimSuffix(p, ".")] {
			return false
		}
	}
	return true
}

// partyState reports whether w is an American lawmaker's party and state:
// "D-Tex", "R-Iowa", "D-N.J.", "I-Vt".
func partyState(w string) bool {
	if len(w) < 4 || w[1] != '-' || w[0] != 'D' && w[0] != 'R' && w[0] != 'I' {
		return false
	}
	st := w[2:]
	return usState(st) || isState(strings.TrimSuffix(st, ".")) || postalCodes[st]
}

// postalCodes are the US states' two-letter postal codes, which a
// lawmaker's party may go with: "Byron Dorgan (D-ND)".
var postalCodes = set("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
	"KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
	"ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY")

// unitWords are units of measure written with a capital: "per mln Btu".
var unitWords = set("btu", "btus", "mmbtu", "kwh", "mwh", "gwh")

// locative reports whether w is a place's adjective glued on by a hyphen:
// "Paris-based", "Republican-controlled".
func locative(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && unicode.IsUpper(firstRune(w)) && locativeSuffixes[w[i+1:]]
}

var locativeSuffixes = set("based", "owned", "led", "controlled", "backed", "run", "born", "made", "dominated", "registered")

// inversionVerbs are the verbs of saying that may begin a sentence before
// their speaker: "Said David Gluskin, …", "Added Smith, …".
var inversionVerbs = set("said", "says", "added", "adds", "asked", "noted", "explained", "commented", "warned", "replied")

// firstWord reports whether toks[i] is the first word of its sentence,
// after nothing but punctuation and quotes.
func firstWord(toks []token, i int) bool {
	for _, t := range toks[:i] {
		if hasWordRune(t.text) {
			return false
		}
	}
	return true
}

// ordinaryForm reports a word shaped like an inflected verb or an adverb
// ("asked", "referring", "however"), which begins sentences, not names.
func ordinaryForm(w string) bool {
	return len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) ||
		w == "however" || w == "meanwhile" || w == "earlier" || w == "later" ||
		// "Nonfarm payrolls", "Nonresidential construction": non- and a word
		len(w) > 6 && strings.HasPrefix(w, "non") && treebank.Known(w[3:])
}

// isTitleChain: the title words from a to i are contiguous apart from a
// leading owner ("U.S. Secretary", "NATO Secretary General").
func isTitleChain(toks []token, a, i int) bool {
	for k := a + 1; k < i; k++ {
		if !titleWords[strings.TrimSuffix(toks[k].lower, ".")] && !(titleWords[toks[a].lower] && nationWord(toks[k].text)) {
			// ("Former U.S. Secretary of State": a rank, then the
			// office's country)
			return false
		}
	}
	return true
}

// nationWord reports whether w names a country or its people: "U.S.",
// "Japan", "French".
func nationWord(w string) bool {
	if _, ok := country.ByDemonym(w); ok {
		return true
	}
	_, ok := lookupCountry(w)
	return ok
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// hasLabel reports whether prose labelled one of toks an entity of type l
// (any type when l is blank).
func hasLabel(toks []token, l string) bool {
	for _, t := range toks {
		if t.label != "" && t.label != "O" && (l == "" || strings.HasSuffix(t.label, "-"+l)) {
			return true
		}
	}
	return false
}

// span returns the text of tokens [a,b) as written in the sentence.
func span(s *sentence, a, b int) string {
	if a >= b {
		return ""
	}
	return textOf(s, s.toks[a], s.toks[b-1])
}

// typeVotes weighs the evidence for a mention's type: a person's title, the
// word that ends it, and prose's labels on its tokens.
func typeVotes(m *mention, toks []token) {
	if m.titled && personTitleIn(m.role) {
		m.votes[graph.Person] += 3
	}
	if m.titled && underwriterRole(m.role) {
		m.votes[graph.Org] += 6 // "said lead manager Drexel Burnham": a bank
	}
	head := strings.ToLower(toks[len(toks)-1].text)
	for i, t := range toks {
		if i > 0 && ((t.lower == "of" || t.lower == "for") && orgHeads[toks[i-1].lower] || t.lower == "on" && onHeads[toks[i-1].lower] ||
			t.lower == "of" && i == 1 && (miscHeads[toks[0].lower] || placeHeads[toks[0].lower]) && !orgHeads[head]) {
			// "Times of Zambia", "Bank of Japan", "Conference on
			// Disarmament", "Commission for Asia and the Pacific";
			// "Memorandum of Understanding", "Treaty of Rome", "Strait
			// of Hormuz" when the name begins with the head (but "Port
			// of Singapore Authority" is a body)
			head = toks[i-1].lower
			break
		}
	}
	if len(toks) == 1 && len(head) > 6 && strings.HasSuffix(head, "bank") {
		head = "bank" // "Bundesbank"
	}
	if len(toks) > 1 && len(head) >= 7 && !orgHeads[head] && !placeHeads[head] && !miscHeads[head] && !ordinaryWord(head) {
		head = misspeltHead(head) // "Standstill Coordinating Commmittee"
	}
	// "S and P", "Moody's", "Standard and Poor's": a company's way of
	// naming itself, not a person's nor a place's
	corporate := len(toks) == 3 && (toks[1].lower == "and" || toks[1].text == "&") && len(toks[0].text) == 1 &&
		len(toks[2].text) == 1 || len(toks) > 1 && toks[len(toks)-1].text == "'s"
	for _, t := range toks[1:] {
		corporate = corporate || corporateSuffixes[t.lower] && t.text != "SA" && t.text != "S.A."
	}
	_, isCountry := lookupCountry(m.name)
	switch {
	case isCountry:
		// "Soviet Union" is a country whatever its head word says
	case corporate:
		// a legal suffix outweighs prose's labels: "Deutsche Bank AG",
		// "Tribune Co" are companies whatever the tagger says
		m.votes[graph.Org] += 10
	case orgHeads[head] || (companyHeads[head] || pressHeads[head]) && len(toks) > 1 || newsAgencies[head] && len(toks) == 1:
		m.votes[graph.Org] += 4
	case placeHeads[head]:
		m.votes[graph.Place] += 4
	case len(toks) > 1 && orgLeads[toks[0].lower]:
		// "Banco do Brasil", "Banque de France", "Bank Hapoalim"
		m.votes[graph.Org] += 4
	case len(toks) > 1 && placeLeads[toks[0].lower]:
		// "Mount Snow", "Lake Placid", "Cape Town"
		m.votes[graph.Place] += 4
	case miscHeads[head] && len(toks) > 1:
		m.votes[graph.Misc] += 4
	}
	lead := 0 // a country written before a name: "U.S. Sprint", "British Petroleum"
	if !m.titled && countryLead(m.name) {
		lead = 1
	}
	tail := len(toks) // a country written after a name: "Environment Canada", "Ford Canada"
	if !m.titled && countryTail(m.name) {
		tail--
	}
	for _, t := range toks[lead:tail] {
		if t.label == "O" || t.label == "" {
			continue
		}
		l := t.label
		if i := strings.IndexByte(l, '-'); i >= 0 {
			l = l[i+1:]
		}
		m.votes[nerType(l)]++
	}
	if n := len(toks); n >= 2 && n <= 3 && givenName(toks[0].lower) && !isCountry && !corporate &&
		!orgHeads[head] && !companyHeads[head] && !placeHeads[head] && !miscHeads[head] && !graph.Acronym(toks[n-1].text) &&
		m.votes[graph.Place] > 0 && m.votes[graph.Org] == 0 && (firstNames[toks[0].lower] || surnameLike(toks[1:])) {
		// "William Mulholland": a known first name and a surname that
		// prose labels a place is a person (a census name only before
		// words that are no common words: "Andres Soriano", but not
		// "Myra Falls", "Christian Democrats", "Hong Kong-listed")
		m.votes[graph.Person] += m.votes[graph.Place]
		delete(m.votes, graph.Place)
	}
	if middleInitial(toks) && !isCountry && !corporate && !orgHeads[head] && !companyHeads[head] && !placeHeads[head] &&
		!miscHeads[head] {
		// "Marvin R. Duncan": a first name, a middle initial and a
		// surname are a person's, whatever prose's labels say
		m.votes[graph.Person] += m.votes[graph.Place] + m.votes[graph.Org] + m.votes[graph.Misc] + 1
		delete(m.votes, graph.Place)
		delete(m.votes, graph.Org)
		delete(m.votes, graph.Misc)
	}
	if lead > 0 {
		// no one's name begins with a country: what prose took for a
		// person is a company or a body
		delete(m.votes, graph.Person)
	}
	if tail < len(toks) {
		// a company's or a body's branch in a country: its words before
		// the country are no place
		delete(m.votes, graph.Place)
		if len(m.votes) == 0 {
			m.votes[graph.Org]++
		}
	}
	if partyMembers[strings.ToLower(toks[len(toks)-1].text)] {
		// "Senate Republicans", "Christian Democrats", "the Tories": a
		// party's members act as the party, a body (prose calls them
		// persons, places or nothing in particular)
		m.votes = map[string]int{graph.Org: 5}
		return
	}
	// gazetteer: countries and capitals are places, whatever the tagger
	// says ("Georgia" the country; "Jordan" stays a person after a title)
	if _, ok := lookupCountry(m.name); ok {
		m.votes[graph.Place] += 5
	} else if isState(m.name) || provinces[strings.ToLower(m.name)] || worldRegions[strings.ToLower(m.name)] {
		m.votes[graph.Place] += 5
	} else if _, ok := country.Capital(m.name); ok {
		m.votes[graph.Place] += 2
	} else if townLike(m.name, toks) {
		// "Bavaria", "its Stuttgart branch": docTypes weighs it
		m.town = true
	} else if len(toks) == 1 && economicTerms[strings.ReplaceAll(toks[0].lower, ".", "")] {
		// "GDP", "LIBOR", "FOB": a measure, a rate or a trade term, no
		// body
		m.votes = map[string]int{graph.Misc: 2}
	} else if isModel(toks) {
		// "CFM-56-S3", "MD-80": a product's model, no body
		m.votes = map[string]int{graph.Misc: 2}
	} else if isAcronym(toks) && !m.titled && (len(m.votes) == 0 || len(m.votes) == 1 && (m.votes[graph.Place] > 0 || m.votes[graph.Person] > 0)) {
		// an acronym that is not a country names a body: "NATO", which
		// prose labels a place
		m.votes = map[string]int{graph.Org: 1}
	}
}

// townName reports whether name is a town's of at least 15,000 people.
func townName(name string) bool {
	_, ok := country.Town(name)
	return ok
}

// townLike reports whether name, written as toks, is a state's or a
// province's ("Bavaria", "Mato Grosso do Sul") or a town's ("Stuttgart",
// "Alice Springs"): evidence of a place, which docTypes weighs against
// what else the document says, since towns share their names with people
// and companies ("Jackson", "Toyota"). A word in capitals, a common word
// or a given name alone is none, and a town of one word needs 100,000
// people.
func townLike(name string, toks []token) bool {
	if graph.Acronym(name) || len(toks) == 1 && (ordinaryWord(toks[0].lower) || givenName(toks[0].lower)) {
		return false
	}
	if country.Division(name) {
		return true
	}
	pop, ok := country.Town(name)
	return ok && (len(toks) > 1 || pop >= 100000)
}

// surnameLike reports whether toks may be the rest of a person's name
// after a given name: capitalised words, no common English word, no
// hyphenated adjective, no demonym ("Soriano", "del Mazo", "dos Santos").
func surnameLike(toks []token) bool {
	for _, t := range toks {
		if nameParticles[t.lower] {
			continue
		}
		if !unicode.IsUpper(firstRune(t.text)) || strings.Contains(t.text, "-") || wordOrPlural(t.lower) ||
			demonymName(t.text) {
			return false
		}
	}
	return true
}

// countryLead reports whether name is a country, written as its code or
// its demonym, before a name that is no place: "U.S. Sprint", "British
// Petroleum".
func countryLead(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || isPlaceName(name) {
		return false
	}
	if _, ok := lookupCountry(f[0]); ok && graph.Acronym(f[0]) {
		return true
	}
	_, ok := country.ByDemonym(f[0])
	return ok && !country.IsPlural(f[0])
}

// countryTail reports whether name ends in a country after words that are
// no place nor a part of one: "Environment Canada", "Ford Canada", not
// "Eastern Canada" nor "South Africa".
func countryTail(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || isPlaceName(name) {
		return false
	}
	last := f[len(f)-1]
	if _, ok := lookupCountry(last); !ok || ordinaryWord(strings.ToLower(last)) {
		return false // "Prince Edward Island" does not end in Iceland's "Island"
	}
	for _, w := range f[:len(f)-1] {
		if regionWords[strings.ToLower(w)] || isPlaceName(w) {
			return false
		}
	}
	return true
}

// regionWords name a part of a country: "Eastern Canada", "Upper Egypt".
var regionWords = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
	"southwestern", "upper", "lower", "greater", "atlantic", "pacific", "mainland", "rural", "coastal", "inner", "outer")

// misspeltHead returns the head of a body's name that w, no English word,
// misspells by one letter ("commmittee", "comission"), or w.
func misspeltHead(w string) string {
	for h := range orgHeads {
		if len(h) >= 6 && oneEdit(w, h) {
			return h
		}
	}
	return w
}

// oneEdit reports whether a and b differ by one letter added, dropped or
// changed.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// leaderNouns follow a leader's name: "the Obama administration", "the
// Assad regime", "the Bush and Obama administrations".
var leaderNouns = set("administration", "administrations", "regime", "presidency", "premiership")

// contextVotes weighs the words around a mention: "the" is not said of a
// person ("the Islamic State"); a leader's name comes before
// "administration".
func contextVotes(m *mention, toks []token) {
	if m.titled {
		return
	}
	if m.s > 0 && m.e-m.s == 3 && firmNouns[toks[m.s-1].lower] && toks[m.s+1].lower == "and" {
		// "dealer Gill and Duffus": a firm (joinedName)
		m.votes = map[string]int{graph.Org: 3}
		return
	}
	if m.s >= 2 && isQuote(toks[m.s-1].text) && workTitled[toks[m.s-2].lower] {
		// an editorial entitled "Dangerous Confrontation": a work's
		// title, no person's
		m.votes = map[string]int{graph.Misc: 3}
		return
	}
	n := m.e
	if n+2 < len(toks) && toks[n].lower == "and" && isProper(toks, n+1) {
		n += 2 // "Bush and Obama administrations"
		for n < len(toks) && isProper(toks, n) {
			n++
		}
	}
	if n < len(toks) && leaderNouns[toks[n].lower] && m.he-m.hs <= 3 {
		m.personal = true
		m.votes[graph.Person] += 3
		return
	}
	if k := listEnd(toks, m.e); k < len(toks) && bodyNouns[toks[k].lower] {
		// "the Qutaiba, Muthanna and Mohammed al-Qassem forces": names
		// of bodies of people
		m.votes[graph.Org] += 3
	}
	if m.e+1 < len(toks) && toks[m.e].text == "," && m.he-m.hs <= 3 && !m.ticker && usState(toks[m.e+1].text) &&
		!orgHeads[toks[m.he-1].lower] && !corporateSuffixes[strings.TrimSuffix(toks[m.he-1].lower, ".")] && !isState(m.name) {
		// "Fenton, Mo.", "Bank One, Fenton, Mich.": a town and its state
		m.votes[graph.Place] += 3
	}
	if m.s >= 2 && (toks[m.s-1].lower == "of" || toks[m.s-1].lower == "in") && stakeNouns[toks[m.s-2].lower] {
		// "50 pct of Sprint", "a stake in Allegheny": what is owned in
		// shares is a company
		m.votes[graph.Org] += 2
	}
	if m.he-m.hs == 1 && isAcronym(toks[m.hs:m.he]) && (m.e < len(toks) && economyNouns[toks[m.e].lower] ||
		m.s > 0 && (toks[m.s-1].lower == "real" || toks[m.s-1].lower == "nominal")) {
		// "GDP growth", "real GNP": a measure of an economy, no body
		m.votes[graph.Misc] += 4
	}
	if k := m.e; k < len(toks) && diseaseNouns[toks[k].lower] && m.he-m.hs == 1 {
		// "AIDS patients", "the AIDS virus": a disease, not a body
		m.votes[graph.Misc] += 3
	}
	if k := m.e; k+1 < len(toks) && toks[k].text == "," && m.he-m.hs <= 3 {
		// "VEVEY, Switzerland", "Trenton, N.J.": a town of a country or
		// state
		n := k + 1
		var words []string
		for n < len(toks) && n < k+4 && isProper(toks, n) {
			words = append(words, toks[n].text)
			n++
		}
		if len(words) > 0 && isRegion(strings.Join(words, " ")) && !isRegion(m.name) &&
			(n == len(toks) || toks[n].text == "," || toks[n].text == "." || toks[n].text == "-") {
			m.votes[graph.Place] += 3
		}
	}
	if m.s >= 2 && toks[m.s-1].lower == "of" && placeOf[toks[m.s-2].lower] {
		// "the southern state of Rio Grande do Sul", "the port of Beira"
		m.votes[graph.Place] += 3
	}
	if k := m.e; k < len(toks) && (toks[k].lower == "who" || toks[k].lower == "whom" ||
		k+1 < len(toks) && toks[k].text == "," && (toks[k+1].lower == "who" || toks[k+1].lower == "whom")) {
		// "Otto Jespersen, who": a person
		m.personal = true
		m.votes[graph.Person] += 2
	}
	if k := m.e; k+2 < len(toks) && toks[k].text == "," && toks[k+2].text == "," && len(toks[k+1].text) == 2 &&
		toks[k+1].text >= "18" && toks[k+1].text <= "99" && isNumber(toks[k+1].text) && !isRegion(m.name) {
		// "Grossman, 34, who had been": a person's age in apposition
		m.personal = true
		m.votes[graph.Person] += 3
	}
	if k := m.e; k+1 < len(toks) && (toks[k].lower == "was" || toks[k].lower == "is") && toks[k+1].lower == "born" {
		// "Otto Jespersen was born in Randers"
		m.personal = true
		m.votes[graph.Person] += 3
	}
	if namedToOffice(toks, m.e) {
		// "Low has been named president of the division": only a
		// person is named to an office (a firm is named adviser or
		// lead manager, which this does not count)
		m.personal = true
		m.votes[graph.Person] += 3
	}
	if m.e+1 < len(toks) && toks[m.e].text == "," && appositeTitle(toks[m.e+1:]) {
		// "Theodore Brophy, chairman of GTE, said": a person's office
		// in apposition
		m.personal = true
		m.votes[graph.Person] += 3
	}
	if m.e < len(toks) && ownedUnitNouns[toks[m.e].lower] && !isPlaceName(m.name) && !townName(m.name) &&
		!demonymName(m.name) && m.s > 0 && (toks[m.s-1].lower == "its" || toks[m.s-1].lower == "'s" || toks[m.s-1].lower == "the") {
		// "the company's Western Environmental subsidiary", "its
		// Halvex Marrow unit": a company's unit
		m.votes[graph.Org] += m.votes[graph.Person] + m.votes[graph.Place] + 3
		delete(m.votes, graph.Person)
		delete(m.votes, graph.Place)
	}
	if productApposed(toks, m.e) {
		// "Prozac, an antidepressant awaiting approval", "the LeBaron,
		// a sports car": a product's name, no body, place or person
		m.votes = map[string]int{graph.Misc: 3}
		return
	}
	if m.s > 0 && toks[m.s-1].lower == "the" && m.votes[graph.Person] > 0 {
		// a person's label on a name after "the" is the tagger's mistake
		m.votes[graph.Org] += m.votes[graph.Person]
		delete(m.votes, graph.Person)
	}
}

// ownedUnitNouns, after a company's name, say it names a unit of another.
var ownedUnitNouns = set("subsidiary", "unit", "affiliate", "division", "subsidiaries", "units")

// productApposed reports whether the name that ends at e is followed by
// a comma and "a" or "an" and a product's noun, after at most two words
// that qualify it: "Prozac, an antidepressant", "Zantac, a best-selling
// ulcer drug".
func productApposed(toks []token, e int) bool {
	if e+2 >= len(toks) || toks[e].text != "," || toks[e+1].lower != "a" && toks[e+1].lower != "an" {
		return false
	}
	head := ""
	for k := e + 2; k < len(toks) && k <= e+6; k++ {
		t := toks[k]
		if !strings.HasPrefix(t.tag, "JJ") && !strings.HasPrefix(t.tag, "NN") && t.tag != "VBN" && t.tag != "VBG" &&
			!(t.tag == "RB" && strings.HasSuffix(t.lower, "ly")) || // ("a genetically engineered hormone")
			unicode.IsUpper(firstRune(t.text)) {
			break
		}
		if productNouns[t.lower] && (k+1 == len(toks) || !strings.HasPrefix(toks[k+1].tag, "NN") ||
			strings.HasSuffix(toks[k+1].lower, "ing")) {
			return true // ("an antidepressant awaiting approval", the tagger's noun)
		}
		if strings.HasPrefix(t.tag, "NN") {
			head = t.lower // the noun phrase's last noun: "a software analyst" is an analyst
		}
	}
	return productNouns[head]
}

// productNouns name kinds of products.
var productNouns = set("drug", "antidepressant", "antibiotic", "vaccine", "medicine", "computer", "microcomputer",
	"software", "car", "sedan", "truck", "jet", "airliner", "aircraft", "missile", "satellite", "tablet", "pill",
	"treatment", "therapy", "chip", "engine", "model", "brand", "cigarette", "beer", "toy", "game", "hormone", "insulin",
	"pesticide", "herbicide", "fighter", "helicopter", "drink", "whisky", "perfume")

// orgLeads begin the names of bodies in languages that put the head
// first.
var orgLeads = set("bank", "banco", "banca", "banque", "compagnie", "compania", "companhia", "societe", "sociedad",
	"instituto", "institut", "ministerio", "ministere", "caisse", "caisses", "credit", "credito", "radio", "communaute",
	"groupe", "corporacion", "empresa", "empresas", "petroleos", "societa", "union", "compagnia", "consorcio")

// placeLeads begin the names of places: "Mount Snow", "Lake Placid".
var placeLeads = set("mount", "mt", "mt.", "lake", "cape", "fort", "isle")

// bodyNouns, after a name, say that it names a body of people.
var bodyNouns = set("forces", "army", "armies", "division", "divisions", "brigade", "brigades", "regiment",
	"militia", "militias", "guerrillas", "rebels")

// economyNouns, after an acronym, say that it names a measure of an
// economy: "GDP growth", "the GNP deflator".
var economyNouns = set("growth", "deflator", "deflators")

// diseaseNouns, after a name, say that it names a disease.
var diseaseNouns = set("virus", "viruses", "patients", "patient", "victims", "sufferers", "vaccine", "vaccines",
	"epidemic", "infection", "infections", "antibodies", "antibody", "carriers", "drug", "drugs", "test", "tests",
	"testing", "treatment", "therapy", "tablets", "tablet", "capsules", "capsule", "pills", "injection", "injections")

// stakeNouns measure a holding in a company: "50 pct of", "a stake in".
var stakeNouns = set("pct", "percent", "stake", "shares", "stock")

// placeOf are the nouns that, with "of", say the name after them is a
// place: "the state of", "the port of".
var placeOf = set("state", "province", "city", "town", "village", "region", "port", "island", "county",
	"district", "capital", "republic", "kingdom", "emirate")

// listEnd skips, from token k, the rest of a list of names ("Qutaiba,
// Muthanna and Mohammed al-Qassem"): the commas, the "and" and the names
// after them. It returns the token after the list, or k.
func listEnd(toks []token, k int) int {
	for k+1 < len(toks) && (toks[k].text == "," || toks[k].lower == "and") && isProper(toks, k+1) {
		k++
		for k < len(toks) && (isProper(toks, k) || nameParticles[toks[k].lower] && k+1 < len(toks) && isProper(toks, k+1)) {
			k++
		}
	}
	return k
}

// appositeTitle reports whether toks begin with an office in lower case,
// perhaps after an article: "chairman of GTE", "a spokesman for".
func appositeTitle(toks []token) bool {
	for i, t := range toks {
		if i == 0 && (t.lower == "a" || t.lower == "an" || t.lower == "the") {
			continue
		}
		if t.text != t.lower || !titleWords[strings.TrimSuffix(t.lower, ".")] || i > 3 {
			return false
		}
		if personTitles[t.lower] {
			return true
		}
	}
	return false
}

func personTitleIn(role string) bool {
	if underwriterRole(role) {
		return false
	}
	for _, w := range strings.Fields(role) {
		if personTitles[strings.TrimSuffix(w, ".")] || personTitles[w] {
			return true
		}
	}
	return false
}

// underwriterRole reports whether a role is a bank's in an offering of
// securities: "said lead manager Drexel Burnham", "co-lead manager",
// "lead managers": no person's title.
func underwriterRole(role string) bool {
	f := strings.Fields(role)
	for i, w := range f {
		if (w == "lead" || w == "co-lead" || w == "joint-lead") && i+1 < len(f) && strings.HasPrefix(f[i+1], "manager") ||
			w == "co-manager" || w == "co-managers" || w == "bookrunner" || w == "underwriter" || w == "underwriters" {
			return true
		}
	}
	return false
}

func isAcronym(toks []token) bool {
	if len(toks) != 1 {
		return false
	}
	w := strings.ReplaceAll(toks[0].text, ".", "")
	return len(w) >= 2 && w == strings.ToUpper(w)
}

// isModel reports whether toks, one word, name a product's model: capitals
// and digits joined by hyphens ("CFM-56-S3", "MD-80", "B-747"), or capitals
// then digits in one word of three or more ("XK8", "A320").
func isModel(toks []token) bool {
	if len(toks) != 1 {
		return false
	}
	if w := toks[0].text; !strings.Contains(w, "-") {
		i := strings.IndexFunc(w, unicode.IsDigit)
		return len(w) >= 3 && i > 0 && strings.ToUpper(w[:i]) == w[:i] && strings.Trim(w[:i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" &&
			strings.Trim(w[i:], "0123456789") == ""
	}
	digit := false
	for _, r := range toks[0].text {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsLower(r):
			return false
		}
	}
	return digit
}

// namedMonths are the months whose names are also people's.
var namedMonths = set("april", "may", "june", "august")

// regionTails are the last words of the regions' names of more than one
// word: "America" of "North America", "Africa" of "West Africa".
var regionTails = func() map[string]bool {
	tails := map[string]bool{}
	for r := range worldRegions {
		if f := strings.Fields(r); len(f) > 1 {
			tails[f[len(f)-1]] = true
		}
	}
	return tails
}()

// regionAdjectives are continents' and regions' adjectives, which alone
// name no entity: "African countries", "European bonds" (not those that
// begin companies' short names: "Western", "Continental", "Occidental").
var regionAdjectives = set("african", "european", "asian", "latin", "scandinavian", "nordic", "arabian",
	"sub-saharan", "transatlantic")

// worldRegions are the continents and the regions of the world news
// names, and parts of countries ("Korea", "Scotland", "Kashmir"), which
// the country gazetteer lacks: places, whatever the tagger
// says ("Latin America" a person, "Central America" a body), and no
// other place's or company's short name ("Africa" is not "Sub-Saharan
// Africa", "Korea" not "Korea Petrochemical Industries Corp"). A
// word that also names companies alone ("Gulf", "Pacific") is none.
var worldRegions = set("africa", "asia", "europe", "americas", "antarctica", "oceania", "australasia", "latin america",
	"central america", "south america", "north america", "caribbean", "west indies", "western europe", "eastern europe",
	"northern europe", "southern europe", "central europe", "scandinavia", "balkans", "middle east", "mideast",
	"near east", "far east", "east asia", "southeast asia", "south-east asia", "south asia", "central asia",
	"asia-pacific", "pacific rim", "indochina", "north africa", "west africa", "east africa", "southern africa",
	"central africa", "sub-saharan africa", "horn of africa", "sahel", "maghreb", "persian gulf", "arabian gulf",
	"mediterranean", "north sea", "south pacific", "north atlantic", "arctic", "south china sea", "caspian sea",
	"black sea", "red sea", "baltic sea", "gulf of mexico",
	// parts of countries the country gazetteer has no entry for
	"korea", "england", "scotland", "wales", "northern ireland", "ulster", "kashmir", "tibet", "kurdistan",
	"siberia", "bavaria", "catalonia", "flanders", "wallonia", "gaza", "gaza strip", "west bank", "sinai",
	"golan heights", "manchuria", "patagonia", "corsica", "sicily", "sardinia", "crimea", "basque country")

// provinces are the provinces and states of Canada and Australia, which
// the country gazetteer lacks: "HALIFAX, Nova Scotia".
var provinces = set("ontario", "quebec", "british columbia", "alberta", "saskatchewan", "manitoba", "nova scotia",
	"new brunswick", "newfoundland", "prince edward island", "yukon", "northwest territories", "new south wales",
	"queensland", "western australia", "south australia", "tasmania", "northern territory")

// timeZones are written after a time: "10:00 GMT".
// partyMember are the words for a party's member news writes before a
// lawmaker's name: "Democrat William Proxmire".
var partyMember = set("democrat", "republican", "socialist", "conservative", "liberal", "communist")

// pressNouns after a name say it is a paper's: "El Universal newspaper".
var pressNouns = set("newspaper", "daily", "paper", "weekly", "magazine", "newsweekly", "journal")

// placeAdjectives begin places' own names: "New Zealand", "Greater
// London", "Upper Volta".
var placeAdjectives = set("new", "greater", "upper", "lower", "inner", "outer", "old", "little", "great", "central", "united")

// unitLeads say what a company is to another before its name:
// "Subsidiary", "Unit", "Affiliate" (not "Division", which ends names).
var unitLeads = set("subsidiary", "unit", "affiliate")

// legalPrefixes are legal forms written before a company's name: "NV
// Nederlandse Gasunie", "PT Astra", "AB Volvo", "Oy Nokia".
var legalPrefixes = set("NV", "N.V.", "PT", "P.T.", "AB", "Oy", "BV", "B.V.")

var timeZones = set("gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "jst", "a.m.",
	"p.m.")

// economicTerms are the acronyms of measures, rates, currencies' codes
// and trade terms, which name no body: "GDP rose", "six months LIBOR",
// "FOB Gulf".
var economicTerms = set("gdp", "gnp", "cpi", "rpi", "ppi", "psbr", "sdr", "sdrs", "ecu", "ecus", "libor", "libid",
	"limean", "pibor", "fob", "cif", "pik", "frn", "frns", "dmk", "dfl", "vat", "eps", "nav", "m0", "m1", "m2", "m3",
	"m4", "m-0", "m-1", "m-2", "m-3", "m-4", "m-1a", "m-1b", "m-2a", "m1a", "m1b", "cd", "cds", "cp", "cps",
	// commodities news writes in capitals: liquefied natural and petroleum
	// gas, frozen concentrated orange juice, high fructose corn syrup
	"lng", "lpg", "fcoj", "hfcs", "mtbe", "pvc")

// rating reports whether w is a credit rating: "AAA", "BBB", "Baa", "Aa-2",
// "AA-minus", "A-1".
func rating(w string) bool {
	base, suffix, _ := strings.Cut(strings.TrimRight(w, "+"), "-")
	if (base == "DP" || base == "D&P" || base == "Prime" || base == "P") && suffix != "" && strings.Trim(suffix, "0123456789") == "" {
		return true // Duff and Phelps's scale: "DP-3 (middle AA)"; Moody's for paper: "Prime-2", "P-1"
	}
	if suffix != "" && len(base) > 1 && (base[0] == 'B' || base[0] == 'C') && strings.ToUpper(base) == base && strings.Trim(base[1:], "A") == "" {
		base = base[:1] + strings.ToLower(base[1:]) // "BAA-3", "BA-1": Moody's "Baa-3", "Ba-1" in capitals
	}
	switch strings.ToLower(suffix) {
	case "", "plus", "minus", "1", "2", "3":
	default:
		return false
	}
	if len(base) < 1 || len(base) > 3 || base[0] != 'A' && base[0] != 'B' || len(base) == 1 && suffix == "" {
		return false
	}
	for i := 1; i < len(base); i++ {
		if base[i] != base[0] && base[i] != 'a' {
			return false
		}
	}
	return true
}

// dateCode reports whether w is a month's abbreviation in capitals and a
// day: "MAR8", "DEC17".
func dateCode(w string) bool {
	if len(w) < 4 || len(w) > 5 || strings.ToUpper(w) != w {
		return false
	}
	return dateWords[strings.ToLower(w[:3])] && strings.Trim(w[3:], "0123456789") == ""
}

// nerType maps prose's entity labels to the graph's types.
func nerType(label string) string {
	switch label {
	case "PERSON":
		return graph.Person
	case "ORGANIZATION", "ORG":
		return graph.Org
	case "GPE", "GSP", "LOCATION", "LOC", "FACILITY", "FAC":
		return graph.Place
	}
	return graph.Misc
}

// knownMentions finds, in a shouting sentence, the names the body of the
// document already uses (names, from knownNames).
func knownMentions(s *sentence, names [][]string) []*mention {
	folded := make([]string, len(s.toks))
	for i, t := range s.toks {
		folded[i] = graph.Fold(t.text)
	}
	var out []*mention
	used := make([]bool, len(s.toks))
	for _, n := range names {
	scan:
		for i := 0; i+len(n) <= len(s.toks); i++ {
			for k := range n {
				if used[i+k] || folded[i+k] != n[k] {
					continue scan
				}
			}
			if m := makeMention(s, i, i+len(n)); m != nil {
				out = append(out, m)
				for k := range n {
					used[i+k] = true
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// resolve links the document's short names to the full names they stand
// for: "Tillerson" and "Mr Tillerson" to "Rex Tillerson", "Nordhavn" to
// "Nordhavn Energy". A short name that fits two full names stays apart.
func (d *docState) resolve() {
	d.linkParenthesised()
	words := make(map[*cluster][]string, len(d.order))
	for _, c := range d.order {
		words[c] = nameWords(c.name)
	}
	// women named by title first, so that "Ms Kestilä" is Aino Kestilä's
	// before a bare "Kestilä" looks for its person
	order := make([]*cluster, 0, len(d.order))
	for _, female := range []bool{true, false} {
		for _, c := range d.order {
			if c.female == female {
				order = append(order, c)
			}
		}
	}
	// and longer names before shorter ones, so that "AM International"
	// is AM International Inc's before "AM" looks for its company
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].female != order[j].female {
			return order[i].female
		}
		return len(words[order[i]]) > len(words[order[j]])
	})
	apart := d.apposedApart()
	companies := d.companies()
	// names used as names at least once, not only before a noun that
	// they qualify ("World trade", "Federal funds")
	// (a headline's words say nothing of how a name is used: a name only
	// the headline gives counts as one)
	named, inBody := map[*cluster]bool{}, map[*cluster]bool{}
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for _, m := range ms {
			if m.c == nil {
				continue
			}
			if d.sents[i].shouting {
				named[m.c] = named[m.c] || !inBody[m.c]
				continue
			}
			if !inBody[m.c] {
				inBody[m.c], named[m.c] = true, false
			}
			if !(m.e < len(toks) && qualifies(toks[m.e])) {
				named[m.c] = true
			}
		}
	}
	for _, c := range order {
		if c.parent != nil {
			continue // linked by the text itself
		}
		short := words[c]
		if c.female && len(short) > 1 {
			short = short[1:] // "Ms Kestilä" may be Aino Kestilä
		}
		place := isPlaceName(c.name)              // a country, capital or region
		placeLike := place || demonymName(c.name) // or a people's adjective
		abbr := ""                                // the letters of an acronym: "ec", "sp" of "S and P"
		if len(short) == 1 && graph.Acronym(c.name) {
			abbr = short[0]
		} else {
			abbr = letterNames(c.name)
		}
		var match, acro *cluster
		n, na := 0, 0
		for _, o := range d.order {
			if o == c || o.root() == match || apart[[2]*cluster{c, o}] {
				continue
			}
			if abbr != "" && isInitials(abbr, o.name) && !place {
				// "Zambia Consolidated Copper Mines (ZCCM)", "EC" for
				// "European Community" (before "EC Commission"), "BP"
				// for "British Petroleum Co PLC"
				if o.root() != acro {
					acro = o.root()
					na++
				}
				continue
			}
			long := words[o]
			if len(long) <= len(short) {
				continue
			}
			ot, ct := o.typ(), c.typ()
			ok := false
			switch {
			case o.female && !c.female && len(short) == 1 && len(long) == 2 && long[1] == short[0] && !c.titled() &&
				c.votes[graph.Person] == 0:
				// "Kestilä", untitled and not known as a person, after
				// "Ms Kestilä" is she; "President Reagan" is not "Mrs
				// Reagan"
				ok = true
			case placeLike || o.female || c.female && (len(long) < 2 || o.typ() != graph.Person || o.maleTitled):
				// a country or capital is no one's surname and no
				// company's short name ("Ford Canada", "Chemical Bank
				// Tokyo"); "Mrs Reagan" is not "Reagan" nor "Mr
				// Reagan", but may be a woman the text names in full
			case len(long) == len(short)+1 && hasSuffixTokens(long, short) && ot == graph.Org && ct != graph.Place &&
				unitOf(long, companies) && !unitOf(short, companies) && !c.titled():
				// "Sprint" for "GTE Sprint" after "GTE Corp": a company's
				// unit named after it
				ok = true
			case len(short) == 1 && ot == graph.Org && !townName(c.name) && (graph.Fold(afterInitials(o.name)) == short[0] ||
				len(long) >= 3 && long[1] == short[0] && givenName(long[0]) && legalSuffix(o.name) && allSuffixes(strings.Fields(o.name)[2:])):
				// "Penney" for "J.C. Penney Co Inc", "Grace" for "W.R.
				// Grace and Co": a firm named after a man goes by his
				// surname
				ok = true
			case hasSuffixTokens(long, short) && (ot == graph.Person || ct == graph.Person) && len(short) <= 2 && graph.PlainName(o.name):
				// "Japan" is not the surname of "Susumu Taketomi of
				// Industrial Bank of Japan"
				ok = compatible(ot, ct) || ot == graph.Person && c.votes[graph.Org] == 0
			case len(short) >= 2 && ot == graph.Person && ct == graph.Person && short[len(short)-1] == long[len(long)-1] &&
				subsequence(short, long) && !c.female && !o.female:
				// "Otto Jespersen" for "Jens Otto Harry Jespersen"
				ok = true
			case len(short) == 1 && len(long) <= 3 && long[0] == short[0] && ot == graph.Person && ct != graph.Org &&
				ct != graph.Place && !firstNames[short[0]] && !place && graph.PlainName(o.name) &&
				givenNames(long[1:]) && (o.titled() || d.personEvidence(o) || familyFirst(o.name)):
				// "Chun" for "Chun Doo Hwan", "Zhao" for "Zhao Ziyang":
				// a family name written first, never a given name
				// news calls a person by
				ok = true
			case ot == graph.Org && legalSuffix(o.name) && countryShortName(o.name, short):
				// "Foremost" for "Canadian Foremost Ltd": a country's
				// adjective and its suffix aside
				ok = true
			case len(long) == len(short)+1 && hasSuffixTokens(long, short) && countryLead(o.name) && ot != graph.Place:
				// "Sprint" for "U.S. Sprint"
				ok = true
			case len(short) == 1 && (orgHeads[short[0]] || placeHeads[short[0]] || pressHeads[short[0]] && ot == graph.Org) &&
				(hasSuffixTokens(long, short) || headOf(long) == short[0]) &&
				(ot == graph.Org || ot == graph.Place) && !graph.Acronym(c.name) && !chamberWords[short[0]]:
				// "the Fund" for the International Monetary Fund, "the
				// Bank" for the Reserve Bank of Kelvia, "the Chronicle"
				// for the Houston Chronicle, when the document names one
				// fund, bank or paper
				ok = true
			case hasPrefixTokens(long, short) && (ot == graph.Org || ot == graph.Place && placeHeads[long[len(long)-1]]) && !c.titled():
				// "Southmark" for "Southmark Corp", whatever prose
				// calls it; a real place is excluded above
				ok = shortFor(c.name, o.name) && (legalSuffix(o.name) || !commonStart(c, short, named[c])) &&
					!(len(short) == 1 && chamberWords[short[0]]) &&
					!(d.tickered(c) && !legalSuffix(o.name) && !d.tickered(o) && unitNames[long[len(short)]])
				// ("Citicorp <CCI>" is a company of its own, not the short
				// name of its unit "Citicorp Savings"; "Fleet <FLT>" may
				// be "Fleet Financial Group")
			}
			if ok && o.root() != match {
				match = o.root()
				n++
			}
		}
		if na == 1 {
			match, n = acro, 1
		}
		if n == 1 && match != c.root() {
			c.root().parent = match
		}
	}
	// merge each linked cluster's names and votes into its root
	for _, c := range d.order {
		r := c.root()
		if r == c {
			continue
		}
		for k, v := range c.names {
			r.names[k] += v
		}
		for _, a := range c.aliases {
			if !contains(r.aliases, a) {
				r.aliases = append(r.aliases, a)
			}
		}
		switch {
		case graph.Acronym(c.name) && headTyped(r.name):
			// an acronym's type is a guess that the name it spells out
			// settles: "AIDS" for "Acquired Immune Deficiency Syndrome"
		case r.votes[graph.Org] > 0 && r.typ() == graph.Org && unitOf(nameWords(r.name), companies) && !c.titled():
			// "Sprint" of "GTE Sprint", a company's unit: whatever
			// prose took the short name for
			for _, v := range c.votes {
				r.votes[graph.Org] += v
			}
		case surnameOfPerson(c, r):
			// "North" of "Oliver North": prose's place for the surname
			// alone is the person's mention
			for _, v := range c.votes {
				r.votes[graph.Person] += v
			}
		default:
			for k, v := range c.votes {
				r.votes[k] += v
			}
		}
		r.mentions += c.mentions
	}
}

// surnameOfPerson reports whether c, one word, is the last word of r, a
// person's name in full: a known first name and one or two more words, no
// place's, body's or thing's head, and a person by its own votes.
func surnameOfPerson(c, r *cluster) bool {
	w, full := nameWords(c.name), nameWords(r.name)
	if len(w) != 1 || len(full) < 2 || len(full) > 3 || w[0] != full[len(full)-1] || !givenName(full[0]) ||
		isPlaceName(r.name) || orgHeads[w[0]] || placeHeads[w[0]] || miscHeads[w[0]] {
		return false
	}
	return r.votes[graph.Person] > 0 && r.votes[graph.Person] >= r.votes[graph.Place]+r.votes[graph.Org]
}

// headOf returns the head of a body's name "X of Y", the word before its
// first "of" ("bank" of "reserve bank of kelvia"), or "".
func headOf(words []string) string {
	for i := 1; i < len(words)-1; i++ {
		if words[i] == "of" {
			if orgHeads[words[i-1]] {
				return words[i-1]
			}
			return ""
		}
	}
	return ""
}

// singleBodies are the head words that alone name one body of a country:
// "the Senate", "the Cabinet".
var singleBodies = set("senate", "house", "congress", "parliament", "cabinet", "police", "army", "navy")

// dropGeneric takes out of the document a bare head word, "the Bank", "the
// Commission", "the Department", that names no full name of the text: it
// names no entity of its own ("Bank" would be every bank's).
func (d *docState) dropGeneric() {
	gone := map[*cluster]bool{}
	located := map[*cluster]bool{}
	for i, ms := range d.mentions {
		for _, m := range ms {
			if m.c != nil && m.c.parent == nil && spelledByCommon(d.sents[i].toks, m) {
				gone[m.c] = true // "high density polyethylene (HDPE)": a term's letters
			}
			if m.c != nil && (m.s > 0 && locatives[d.sents[i].toks[m.s-1].lower] || actor(&d.sents[i], m)) {
				located[m.c.root()] = true // (or acts: "Apple said", "Nestle's")
			}
		}
	}
	for _, c := range d.order {
		if w := nameWords(c.name); c.parent == nil && len(w) == 1 && !located[c] &&
			(c.typ() == graph.Place || c.typ() == graph.Misc || c.typ() == graph.Person && !c.titled() && !d.personEvidence(c)) &&
			(ordinaryWord(w[0]) || givenName(w[0]) && c.typ() == graph.Place) && !graph.Acronym(c.name) && !isPlaceName(c.name) && !townName(c.name) &&
			!country.Division(c.name) && !provinces[w[0]] && !placeHeads[w[0]] {
			// "Shelf offering", "Series", "Daily avgs": a common word
			// that only prose took for a place, a thing or a person (no
			// title, no "who"), never written after "in" or "at" and
			// never acting
			gone[c] = true
		}
	}
	for _, c := range d.order {
		if w := nameWords(c.name); c.parent == nil && len(w) == 1 && regionAdjectives[w[0]] {
			gone[c] = true // "African", "European": a continent's adjective alone names nothing
		}
	}
	for _, c := range d.order {
		w := nameWords(c.name)
		if c.parent != nil || len(w) != 1 || graph.Acronym(c.name) || singleBodies[w[0]] ||
			!orgHeads[w[0]] && !placeHeads[w[0]] || c.titled() && c.typ() == graph.Person {
			continue // ("Mr. Steel" is a person's name)
		}
		gone[c] = true
	}
	for _, c := range d.order {
		if c.parent != nil && gone[c.root()] {
			gone[c.root()] = false // a name stands for it
		}
	}
	for c, g := range gone {
		if !g {
			delete(gone, c)
		}
	}
	if len(gone) == 0 {
		return
	}
	order := d.order[:0]
	for _, c := range d.order {
		if !gone[c] {
			order = append(order, c)
		}
	}
	d.order = order
	for k, c := range d.clusters {
		if gone[c] {
			delete(d.clusters, k)
		}
	}
	for i, ms := range d.mentions {
		kept := ms[:0]
		for _, m := range ms {
			if m.c == nil || !gone[m.c] {
				kept = append(kept, m)
			}
		}
		d.mentions[i] = kept
	}
}

// spelledByCommon reports whether m is an acronym in brackets, or after
// ", or", after the words in lower case that it spells, a term and no
// name: "gross domestic product (GDP)", "high density polyethylene
// (HDPE)", "polychlorinated biphenyls, or PCBs".
func spelledByCommon(toks []token, m *mention) bool {
	name := strings.TrimSuffix(m.name, "s") // "liquid crystal displays (LCDs)"
	if m.e-m.s != 1 || m.s < 3 || !graph.Acronym(name) {
		return false
	}
	start := 0 // where the words before it end
	switch {
	case m.e < len(toks) && toks[m.s-1].text == "(" && toks[m.e].text == ")":
		start = m.s - 2
	case toks[m.s-1].lower == "or" && toks[m.s-2].text == ",":
		start = m.s - 3 // "polychlorinated biphenyls, or PCBs"
	default:
		return false
	}
	letters := []rune(strings.ToUpper(name))
	var initials []rune
	for k := start; k >= 0 && len(initials) < len(letters); k-- {
		t := toks[k]
		if t.text != t.lower || !unicode.IsLetter(firstRune(t.text)) {
			break
		}
		if t.lower == "and" || t.lower == "of" {
			continue
		}
		initials = append([]rune{unicode.ToUpper(firstRune(t.text))}, initials...)
	}
	if len(initials) < 2 {
		return false
	}
	for n := len(initials); n >= 2; n-- {
		w := initials[len(initials)-n:]
		if n*2 >= len(letters) && n <= len(letters) && string(letters[:n]) == string(w) {
			return true
		}
	}
	return false
}

// qualifies reports whether t, after a name, shows the name used as a
// word that qualifies it rather than as a name: a noun or an adjective in
// lower case ("World trade", "International monetary sources"), or a
// word glued on by a hyphen ("New York-based": the name is cut there).
func qualifies(t token) bool {
	if (isNoun(t.tag) || strings.HasPrefix(t.tag, "JJ")) && t.text == t.lower || dateWords[t.lower] || t.lower == "year" {
		return true // "World trade", "the New Year"
	}
	i := strings.LastIndexByte(t.text, '-')
	return i > 0 && i+1 < len(t.text) && t.text[i+1:] == strings.ToLower(t.text[i+1:]) && unicode.IsLetter(rune(t.text[i+1]))
}

// headTyped reports whether name, of two words or more, ends in a word
// that says its type: "Syndrome", "Bank", "Island".
func headTyped(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return false
	}
	h := f[len(f)-1]
	return orgHeads[h] || placeHeads[h] || miscHeads[h]
}

// apposedApart finds the pairs of entities the text sets apart by an
// apposition that relates one to the other: "Nerco, a unit of Nerco Inc",
// "Michael Reagan, son of President Reagan" are two.
func (d *docState) apposedApart() map[[2]*cluster]bool {
	apart := map[[2]*cluster]bool{}
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for k, a := range ms {
			j := a.e
			if a.c == nil || j >= len(toks) || toks[j].text != "," {
				continue
			}
			j++
			if j < len(toks) && (toks[j].lower == "a" || toks[j].lower == "an" || toks[j].lower == "the") {
				j++
			}
			for j < len(toks) && strings.HasPrefix(toks[j].tag, "JJ") {
				j++
			}
			if j+1 >= len(toks) || toks[j].tag != "NN" || toks[j].text != toks[j].lower || toks[j+1].lower != "of" {
				continue
			}
			for _, b := range ms[k+1:] {
				if b.s == j+2 && b.c != nil && b.c != a.c {
					apart[[2]*cluster{a.c, b.c}] = true
					apart[[2]*cluster{b.c, a.c}] = true
				}
			}
		}
	}
	return apart
}

// linkParenthesised links an acronym in brackets to the name just before
// it: "Zambia Consolidated Copper Mines (ZCCM)", "Cereals Intervention
// Board (ONIC)", whatever its letters spell.
func (d *docState) linkParenthesised() {
	d.linkTickers()
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for k := 1; k < len(ms); k++ {
			a, b := ms[k-1], ms[k]
			if coinedName(toks, a, b) {
				b.c.parent = a.c.root()
				continue
			}
			if a.c == nil || b.c == nil || b.s != a.e+1 || b.e >= len(toks) || b.e-b.s != 1 || !graph.Acronym(b.name) ||
				isPlaceName(b.name) || a.c.root() == b.c.root() || b.c.parent != nil || b.c.typ() == graph.Person ||
				a.he-a.hs < 2 || a.c.typ() == graph.Person && !d.guessedPerson(a.c) || a.c.typ() == graph.Place ||
				!halfInitials(b.name, a.name) {
				// the name must be the whole of one, and half the
				// acronym's letters begin its words: not "Ministry of
				// International Trade and Industry (MITI)" cut to
				// "Industry", nor "Monetary Authority of Singapore (MAS)"
				// cut to "Singapore"
				continue
			}
			bracketed := toks[a.e].text == "(" && toks[b.e].text == ")"
			// "The French Maize Producers Association, AGPM, …"
			apposed := toks[a.e].text == "," && (toks[b.e].text == "," || toks[b.e].text == ".")
			if !bracketed && !apposed {
				continue
			}
			if a.c.typ() == graph.Person {
				// "the forecasting agency Centraal Planbureau (CPB)": a
				// name that goes by its initials is a body's, whatever
				// prose guessed
				a.c.votes[graph.Org] += a.c.votes[graph.Person] + 1
				delete(a.c.votes, graph.Person)
			}
			b.c.parent = a.c.root()
		}
	}
}

// linkTickers makes a company's stock symbol, written in Reuters' markup
// after its name, a short name of it when the text then calls it so:
// "Supermarkets General Corp <SGL> … the SGL board", "Pay 'N Pak Stores
// Inc <PNP> … PNP said".
func (d *docState) linkTickers() {
	by := map[string]*cluster{} // symbol → company; nil for two
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for _, m := range ms {
			if m.c == nil || m.e >= len(toks) || !isTicker(toks[m.e].text) {
				continue
			}
			sym := strings.Trim(toks[m.e].text, "<>")
			if k := strings.IndexByte(sym, '.'); k > 0 {
				sym = sym[:k] // "<STRR.O>": the exchange's letter aside
			}
			if len(sym) < 2 || graph.Fold(sym) == graph.Fold(m.name) {
				continue
			}
			if o, ok := by[sym]; ok && o != m.c.root() {
				by[sym] = nil
			} else {
				by[sym] = m.c.root()
			}
		}
	}
	for _, c := range d.order {
		if o := by[c.name]; o != nil && c.parent == nil && c != o && c.typ() != graph.Person {
			c.parent = o
		}
	}
}

// coinedName reports whether b, one word in brackets right after a body's
// name of three words or more, is the short name the body goes by, coined
// from its words rather than their initials: "National Union of Maritime
// Navigation Companies (Syndarma)", "Federation of Economic Organisations
// (Keidanren)". A place in brackets says where the body is ("Coffee Board
// (Kampala)"), an acronym is linkParenthesised's own case.
func coinedName(toks []token, a, b *mention) bool {
	if a.c == nil || b.c == nil || b.s != a.e+1 || b.e >= len(toks) || b.e-b.s != 1 || a.e >= len(toks) ||
		toks[a.e].text != "(" || toks[b.e].text != ")" || a.c.root() == b.c.root() || b.c.parent != nil ||
		a.he-a.hs < 3 || a.c.typ() != graph.Org || graph.Acronym(b.name) || len(b.name) < 4 {
		return false
	}
	w := toks[b.s]
	if !unicode.IsUpper(firstRune(w.text)) || strings.ContainsAny(w.text, ".0123456789") ||
		isPlaceName(b.name) || isRegion(b.name) || townName(b.name) || country.Division(b.name) ||
		ordinaryWord(w.lower) || corporateSuffixes[w.lower] {
		return false
	}
	if _, ok := country.ByDemonym(b.name); ok {
		return false
	}
	last := strings.ToLower(toks[a.he-1].text)
	return orgHeads[last] || companyHeads[last] || headOf(nameWords(a.name)) != ""
}

// halfInitials reports whether at least half the letters of the acronym
// abbr begin words of name (in any order): "AGPM" and "French Maize
// Producers Association", not "IBM" and "General Motors Corp".
func halfInitials(abbr, name string) bool {
	initials := map[rune]bool{}
	for _, w := range strings.Fields(name) {
		initials[unicode.ToUpper(firstRune(w))] = true
	}
	n, hit := 0, 0
	for _, r := range abbr {
		if unicode.IsLetter(r) {
			n++
			if initials[unicode.ToUpper(r)] {
				hit++
			}
		}
	}
	return n >= 2 && 2*hit >= n
}

// nameWords are the folded words of a name, without the particle glued to
// a surname: "Bashar al-Assad" → bashar, assad.
func nameWords(name string) []string {
	var f []string
	for _, w := range strings.Fields(name) {
		// "Oshman's" of "Oshman's Sporting Goods Inc" is Oshman
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w = graph.Fold(stripNamePrefix(w)); w != "" {
			f = append(f, w)
		}
	}
	return f
}

// stripNamePrefix cuts "al-" from "al-Assad"; other words are kept.
func stripNamePrefix(w string) string {
	p := namePrefix(w)
	if p == "" || strings.HasSuffix(p, "'") || p == "Mc" {
		return w // O'Brien, McCain, d'Estaing: the particle is the name's
	}
	return w[len(p):]
}

// chamberWords alone name a chamber of a parliament, never another body
// they begin or end: "the House" is the House of Representatives, not the
// White House nor the House Ways and Means Committee.
var chamberWords = set("house")

// subBodies head a part of an organisation, which is not the organisation:
// "Senate Finance Committee" is not the Senate, "OPEC Differentials
// Committee" not OPEC.
var subBodies = set("committee", "committees", "subcommittee", "commission", "council", "board", "department",
	"ministry", "office", "division", "bureau", "unit", "room", "branch", "staff", "panel", "caucus")

// legalSuffix reports whether a name has a company's legal suffix.
func legalSuffix(name string) bool {
	for _, w := range strings.Fields(name) {
		if corporateSuffixes[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// commonStart reports whether c, a short name of words short, may begin
// another name without standing for it: a word the text only writes
// before a noun it qualifies ("World trade" is no World Bank, "Federal
// funds" no Federal Reserve, "the Chicago exchange" names no exchange
// Chicago), or a place ("Chicago" of "Chicago Mercantile Exchange"). A
// company, by its legal suffix, is known by the first words of its name
// ("Standard" for "Standard Oil Co"), and any body by an English word the
// text uses as a name ("Eastern said" for Eastern Airlines, whatever
// prose calls it).
func commonStart(c *cluster, short []string, named bool) bool {
	if !named {
		return true
	}
	if len(short) == 1 && ordinaryWord(short[0]) {
		return false
	}
	return c.typ() == graph.Place
}

// shortFor reports whether short, the first words of long, may stand for
// it: "Southmark" for "Southmark Corp", "Ford" for "Ford Motor Co", but
// not "IBM" for "IBM Canada Ltd" (a place follows), "Senate" for "Senate
// Finance Committee" (a part of it), nor an acronym for more than its
// legal suffixes ("OPEC" is not "OPEC Differentials Committee").
func shortFor(short, long string) bool {
	if strings.Contains(long, "(") && !strings.Contains(short, "(") {
		// "Mazda Motor Manufacturing (USA) Corp", a national unit: "Mazda"
		// is its parent's name
		return false
	}
	rest := strings.Fields(long)[len(strings.Fields(short)):]
	if legalSuffix(short) && len(rest) > 0 && strings.EqualFold(rest[0], "of") {
		return false // "Ford Motor Co" is not "Ford Motor Co of Canada Ltd"
	}
	sw := strings.Fields(short)
	head := strings.ToLower(sw[len(sw)-1])
	for i, w := range rest {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if corporateSuffixes[lw] {
			continue
		}
		if i == 0 && (bankHeads[head] && (unitStarts[lw] || isRegion(w)) || orgHeads[head] && unitStarts[lw] && lw != "international") {
			// a body's whole name goes on to name its unit: "Deutsche
			// Bank" is not "Deutsche Bank Capital Markets Ltd" nor "Farm
			// Credit System" "Farm Credit System Capital Corp" (but
			// "Brooklyn Union" is "Brooklyn Union Gas Co", "Canadian
			// Airlines" "Canadian Airlines International Ltd")
			return false
		}
		if graph.Acronym(short) && (groupHeads[lw] || lw == "international" && suffixesOnly(rest[i+1:])) {
			continue // "WEDGE" for "WEDGE Group Inc", "AM" for "AM International Inc"
		}
		if graph.Acronym(short) && i == 0 && len(rest) > 1 && suffixesOnly(rest[1:]) && ordinaryWord(lw) && !subBodies[lw] {
			continue // "NP" for "NP Energy Corp": the company's line of business after its letters
		}
		if romanNumerals[lw] || strings.Trim(lw, "0123456789") == "" {
			return false // "HLM Associates" is not "HLM Associates II", another fund
		}
		if graph.Acronym(short) || subBodies[lw] || isRegion(w) && (i == 0 || rest[i-1] != "of") {
			return false // "Bank" may stand for "Bank of England"
		}
	}
	return true
}

// workTitled come before the title of a work in quotation marks.
var workTitled = set("entitled", "titled", "headlined", "headed")

// firmNouns, before a name, say it is a firm's: "dealer Gill and Duffus".
var firmNouns = set("dealer", "dealers", "broker", "brokers", "brokerage", "firm", "house", "trader", "traders",
	"merchant", "merchants", "consultancy", "consultants", "stockbroker", "stockbrokers", "accountants", "auditor",
	"auditors", "accountant", "accounting")

// suffixThenPlace returns where a company's name in the chunk [i,j) ends,
// after a legal suffix followed by a place's name to the chunk's end
// ("Walter Reade Organization Inc New York"), or 0.
func suffixThenPlace(s *sentence, i, j int) int {
	toks := s.toks
	for k := i + 1; k < j-1; k++ {
		if corporateSuffixes[strings.TrimSuffix(toks[k].lower, ".")] && !corporateSuffixes[strings.TrimSuffix(toks[k+1].lower, ".")] {
			if rest := span(s, k+1, j); townName(rest) || townName(rest+" City") { // GeoNames' "New York City"
				if _, ok := lookupCountry(rest); !ok {
					return k + 1 // (a country names a national unit: "Exxon Co USA")
				}
			}
			return 0
		}
	}
	return 0
}

// personAfterBody returns where a person's name of two or three words
// begins inside the chunk [i,j) after a body's or a place's name that
// ends in a head word, a place or an acronym ("Bank of England Robin
// Leigh-Pemberton", "NATO Manfred Woerner"), or 0: a given name after
// them, and surnames to the end.
func personAfterBody(toks []token, i, j int) int {
	for k := i + 1; k < j; k++ {
		if j-k < 2 || j-k > 3 {
			continue
		}
		prev := toks[k-1]
		if k-i < 2 || !givenName(toks[k].lower) || givenName(prev.lower) || graph.Acronym(toks[k].text) || initials(prev.text) ||
			!(orgHeads[prev.lower] || isPlaceName(prev.text) || graph.Acronym(prev.text) && len(prev.text) >= 3) ||
			!(surnameLike(toks[k+1:j]) || j-k == 2 && capitalsHyphened(toks[k+1].text)) ||
			corporateSuffixes[strings.TrimSuffix(toks[j-1].lower, ".")] {
			continue
		}
		return k
	}
	return 0
}

// fieldTitles are offices whose "of" names a field, not a body: "Minister
// of Energy and Mines", "Controller of Foreign Exchange".
var fieldTitles = set("minister", "secretary", "controller", "comptroller", "superintendent", "commissioner",
	"undersecretary", "registrar", "inspector")

// countryShortName reports whether short, folded words, are a company's
// name without the country's adjective that begins it and its legal
// suffix: "Foremost" of "Canadian Foremost Ltd".
func countryShortName(name string, short []string) bool {
	bare := bareCompany(name)
	if bare == "" || !countryLead(bare) {
		return false
	}
	w := nameWords(bare)
	return len(w) == len(short)+1 && hasSuffixTokens(w, short)
}

// allSuffixes reports whether words are nothing but legal suffixes and the
// "and" or "Sons" between them: "and Co", "Cos Inc", "and Sons Ltd".
func allSuffixes(words []string) bool {
	for _, w := range words {
		if !partnerWords[strings.ToLower(strings.TrimSuffix(w, "."))] && !suffixesOnly([]string{w}) {
			return false
		}
	}
	return true
}

// partnerWords join a firm's partners before its legal suffix: "and Co",
// "& Co", "and Sons", "Cos".
var partnerWords = set("and", "&", "sons", "company", "cos")

// afterInitials returns the surname of a company named after a man by his
// initials and surname, with nothing after it but legal suffixes: "Penney"
// of "J.C. Penney Co Inc", "Grace" of "W.R. Grace and Co", "Edwards" of
// "A.G. Edwards and Sons Inc"; else "".
func afterInitials(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 || !strings.Contains(f[0], ".") || !initials(f[0]) || initials(f[1]) || len(f[1]) < 3 ||
		!unicode.IsUpper(firstRune(f[1])) || f[1] == strings.ToUpper(f[1]) || strings.ContainsAny(f[1], ".,'") {
		return ""
	}
	if !allSuffixes(f[2:]) || !legalSuffix(name) || isPlaceName(f[0]) || isPlaceName(f[1]) || isRegion(f[0]) {
		// ("U.S. Home Corp" is no man's)
		return ""
	}
	return f[1]
}

// initials reports whether w is a person's initials: "N.J.", "L.C.", "J".
func initials(w string) bool {
	for _, p := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if len(p) != 1 || !unicode.IsUpper(rune(p[0])) {
			return false
		}
	}
	return true
}

// officeLead returns where the name begins after an office's title and "of"
// at the start of the chunk [i,j) ("Deputy General Manager of Sumitomo
// Bank Ltd"), or 0.
func officeLead(toks []token, i, j int) int {
	for k := i + 1; k+1 < j; k++ {
		w := strings.TrimSuffix(toks[k].lower, ".")
		if w == "of" {
			last, title := strings.TrimSuffix(toks[j-1].lower, "."), strings.TrimSuffix(toks[k-1].lower, ".")
			if personTitles[title] && !fieldTitles[title] && isProper(toks, k+1) && (corporateSuffixes[last] || orgHeads[last]) {
				return k + 1 // (not "Secretary of State George Shultz")
			}
			return 0
		}
		if !titleWords[w] && !titleWords[toks[k].lower] {
			return 0
		}
	}
	return 0
}

// currencyWords are money's units as news capitalises them after a
// country: "U.S. Cents", "Canadian Dollars".
// (amountUnits has the rest: "dlrs", "yen", "marks", "francs")
var currencyWords = set("cents", "cent", "dollars", "dollar", "pounds", "pound", "pence", "franc", "mark", "lire",
	"lira", "guilders", "guilder", "pesos", "peso", "crowns", "krona", "kronor")

// suffixesOnly reports whether words are all legal suffixes ("Inc", "Co
// Ltd"), or none.
func suffixesOnly(words []string) bool {
	for _, w := range words {
		if !corporateSuffixes[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return false
		}
	}
	return true
}

// unitNames begin what a unit's name adds to its owner's: "Citicorp
// Savings", "Kelvo Securities".
var unitNames = set("savings", "securities", "capital", "finance", "leasing", "mortgage", "credit", "trust", "bank",
	"futures", "markets", "investment", "investments", "insurance", "realty", "properties")

// romanNumerals number the funds and partnerships of one sponsor.
var romanNumerals = set("ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

// groupHeads say only that a company is a group of others: "WEDGE Group
// Inc" goes by "WEDGE", as "AMR Corp" by "AMR" (but "IBM World Trade Corp"
// is not "IBM").
var groupHeads = set("group", "holdings", "holding", "industries", "cos", "companies", "enterprises")

// bankHeads end the names of banks and financial groups whose units are
// named after them; unitStarts begin what such a unit adds to the name.
var (
	bankHeads  = set("bank", "banks", "bancorp", "banque", "group", "brothers", "bros")
	unitStarts = set("capital", "securities", "finance", "financial", "trust", "leasing", "investment", "investments",
		"international", "asia", "(asia)", "markets", "futures", "mortgage", "credit")
)

func compatible(a, b string) bool { return a == b || a == graph.Misc || b == graph.Misc }

func hasSuffixTokens(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	for i := range short {
		if long[len(long)-len(short)+i] != short[i] {
			return false
		}
	}
	return true
}

// subsequence reports whether the words short stand in long in the same
// order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

func hasPrefixTokens(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	for i := range short {
		if long[i] != short[i] {
			return false
		}
	}
	return true
}

// isInitials reports whether abbr spells the capitals of name's words:
// "NIB" for "Nordic Investment Bank", "USDA" for "U.S. Department of
// Agriculture" (initials keep all their letters), "BP" for "British
// Petroleum Co PLC" (legal suffixes aside).
func isInitials(abbr, name string) bool {
	abbr = strings.ReplaceAll(abbr, ".", "")
	f := strings.Fields(name)
	for len(f) > 1 && corporateSuffixes[strings.ToLower(strings.TrimSuffix(f[len(f)-1], "."))] {
		f = f[:len(f)-1]
	}
	if len(f) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range f {
		if graph.Acronym(w) {
			// "U.S.", "EC": every letter ("EC Commission" is no EC)
			b.WriteString(strings.ToLower(strings.ReplaceAll(w, ".", "")))
			continue
		}
		r := firstRune(w)
		if unicode.IsUpper(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return len(abbr) >= 2 && b.Len() >= 2 && b.String() == abbr
}

// suffixStop drops the full stop after a company's legal suffix from the
// name it is stored by, "Salomon Brothers Inc" for "Salomon Brothers
// Inc.": the stop is the abbreviation's or the sentence's, the company is
// the same (and the store folds stops away when it compares names). The
// aliases keep the name as written.
func suffixStop(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 || !strings.HasSuffix(name, ".") {
		return name
	}
	last := strings.ToLower(strings.TrimSuffix(f[len(f)-1], "."))
	if !corporateSuffixes[last] || strings.Contains(last, ".") {
		return name // "S.A.", "N.V." keep theirs
	}
	return strings.TrimSuffix(name, ".")
}

// entities lists the document's entities for the store.
func (d *docState) entities() []graph.Entity {
	var out []graph.Entity
	used := map[string]*cluster{} // folded names the document gives, by entity
	for _, c := range d.order {
		for _, a := range c.aliases {
			used[graph.Fold(a)] = c.root()
		}
	}
	for _, c := range d.order {
		if c.root() != c {
			continue
		}
		aliases := c.aliases
		if t := c.typ(); t == graph.Org {
			// "Boeing Co" is also "Boeing" in other documents
			// unless the text calls another entity so ("Nerco, a unit of
			// Nerco Inc")
			if bare := bareCompany(c.name); bare != "" && !contains(aliases, bare) &&
				(used[graph.Fold(bare)] == nil || used[graph.Fold(bare)] == c) {
				aliases = append(aliases[:len(aliases):len(aliases)], bare)
			}
			// "J.C. Penney Co Inc" is "Penney"
			if sur := afterInitials(c.name); sur != "" && !contains(aliases, sur) &&
				(used[graph.Fold(sur)] == nil || used[graph.Fold(sur)] == c) {
				aliases = append(aliases[:len(aliases):len(aliases)], sur)
			}
			// "Oshman's Sporting Goods Inc" is "Oshman's" for short
			if f := strings.Fields(c.name); len(f) > 1 && len(f[0]) > 4 && strings.HasSuffix(f[0], "'s") &&
				!contains(aliases, f[0]) && !isPlaceName(strings.TrimSuffix(f[0], "'s")) && !townName(strings.TrimSuffix(f[0], "'s")) {
				// (not "France's" of "France's Cereal Intervention Board")
				aliases = append(aliases[:len(aliases):len(aliases)], f[0])
			}
		}
		e := graph.Entity{Name: suffixStop(c.name), Type: c.typ(), Aliases: aliases, Mentions: c.mentions,
			Local: localNames(append([]string{c.name}, aliases...)), Guessed: d.guessedPerson(c) || d.guessedPlace(c) || c.orgGuess && c.typ() == graph.Org}
		if k := surname(c.name); k != "" && c.votes[graph.Person] > 0 {
			e.Keys = []string{k}
		}
		out = append(out, e)
	}
	return out
}

// surname is the word later documents may call a person named name by,
// or "": the last word of a plain name of two words or more, a suffix
// aside ("King" of "Martin Luther King Jr."), if it has three letters or
// more ("Xi Jinping", not "Li Na"). The store keeps it for a person only.
func surname(name string) string {
	if !graph.PlainName(name) {
		return "" // "Susumu Taketomi of Industrial Bank of Japan"
	}
	f := strings.Fields(name)
	for len(f) > 2 && nameSuffixes[strings.ToLower(strings.TrimSuffix(f[len(f)-1], "."))] {
		f = f[:len(f)-1]
	}
	if len(f) < 2 || len(f[len(f)-1]) <= 2 {
		return ""
	}
	if familyFirst(name) {
		// "Koo Bon-yong" is "Koo" in his story, but a few family names
		// are most Koreans' and Chinese ("Kim", "Chang"): no key, and
		// not "Bon-yong"
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], ",")
}

// familyFirst reports whether name is written family name first, as
// Korean and Chinese names are in news: two or three words, a short first
// word and a given name of two syllables joined by a hyphen, the second
// in lower case ("Koo Bon-yong", "Rha Woong-bae", "Yu Kuo-hua"). News
// calls such a person by the first word alone ("Koo said").
func familyFirst(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 3 || len(f[0]) > 6 || !familyGiven.MatchString(f[len(f)-1]) {
		return false
	}
	r := []rune(f[0])
	return len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsLower(r[len(r)-1])
}

var familyGiven = regexp.MustCompile(`^[A-Z][a-z]{1,6}-[a-z]{1,6}$`)

// nameSuffixes follow a surname: "Martin Luther King Jr."
var nameSuffixes = set("jr", "sr", "ii", "iii", "iv")

// bareCompany is a company's name without its legal suffixes ("Boeing Co"
// → "Boeing", "British Petroleum Co PLC" → "British Petroleum"), or ""
// when it has none or nothing that names it would remain: a place, a
// demonym, a lone common word.
func bareCompany(name string) string {
	f := strings.Fields(name)
	n := len(f)
	for n > 1 && (corporateSuffixes[strings.ToLower(f[n-1])] || f[n-1] == "&" || strings.ToLower(f[n-1]) == "and" ||
		f[n-1] == "und" || f[n-1] == "et") {
		n--
	}
	if n < len(f) && n > 1 && strings.HasPrefix(f[n-1], "(") && strings.HasSuffix(f[n-1], ")") {
		n-- // "Tarvik Equity (Pacific) Ltd" is "Tarvik Equity"
	}
	if n == len(f) || n == 0 {
		return ""
	}
	bare := strings.TrimSuffix(strings.Join(f[:n], " "), ",")
	if isPlaceName(bare) || basicWords[strings.ToLower(bare)] || titleWords[strings.ToLower(bare)] {
		return ""
	}
	if _, ok := country.ByDemonym(bare); ok {
		return ""
	}
	if n == 1 && len(bare) < 3 {
		return ""
	}
	return bare
}

// isState reports whether name is a US state's, its abbreviation or, in a
// headline's capitals, its name ("MISSISSIPPI"; short capitals stay
// abbreviations or acronyms).
func isState(name string) bool {
	if _, ok := country.State(name); ok {
		return true
	}
	if len(name) > 4 && name == strings.ToUpper(name) {
		_, ok := country.State(titleCase(name))
		return ok
	}
	return false
}

// titleCase writes each word of an all-capital name with a capital and
// small letters: "NEW MEXICO" → "New Mexico".
func titleCase(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	for i, w := range ws {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}

// bracketEnd returns where the Reuters brackets close round the name that
// begins at i ("<Sumitomo Trust and Banking Co Ltd>"), or -1 when no
// bracket opens before it or none closes within a name's length.
func bracketEnd(toks []token, i int) int {
	if i == 0 || toks[i-1].text != "<" {
		return -1
	}
	for k := i; k < len(toks) && k < i+12; k++ {
		switch toks[k].text {
		case ">":
			return k
		case "<", ";", ":":
			return -1
		}
	}
	return -1
}

// letterNames returns the letters, in lower case, of a name of single
// capitals joined by "and" or "&" ("S and P", "S&P" → "sp"), or "".
func letterNames(name string) string {
	if !strings.ContainsAny(name, "&") && !strings.Contains(name, " and ") {
		return ""
	}
	return graph.Letters(name)
}

// givenNames reports whether words (lower case) can be a person's given
// names after the family name ("doo hwan" of "Chun Doo Hwan"): no common
// English word nor a body's head ("Reagan Administrations").
func givenNames(words []string) bool {
	for _, w := range words {
		if wordOrPlural(w) || orgHeads[w] || placeHeads[w] || miscHeads[w] {
			return false
		}
	}
	return true
}

// middleInitial reports whether toks are a first name, one initial and a
// surname: "Marvin R. Duncan", "Jack A Robinson" (the initial's full stop
// may be a token of its own).
func middleInitial(toks []token) bool {
	n := len(toks)
	if n < 3 || n > 4 {
		return false
	}
	if n == 4 && toks[2].text != "." {
		return false
	}
	first, init, last := toks[0].text, strings.TrimSuffix(toks[1].text, "."), toks[n-1].text
	r := []rune(first)
	return len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) && len(init) == 1 && unicode.IsUpper(rune(init[0])) &&
		len(last) >= 2 && unicode.IsUpper(firstRune(last)) && !graph.Acronym(last) && last != "Inc" && last != "Co"
}

// commonNoun reports whether w, in lower case, is an English noun or its
// plural: "countries", "rates", "systems".
func commonNoun(w string) bool {
	return wordOrPlural(w) || strings.HasSuffix(w, "ies") && ordinaryWord(strings.TrimSuffix(w, "ies")+"y")
}

// wordOrPlural reports whether w, in lower case, is a common English word
// or one with an "s" after it.
func wordOrPlural(w string) bool {
	return ordinaryWord(w) || ordinaryWord(strings.TrimSuffix(w, "s"))
}

// officesNamed are offices only a person is named, appointed or elected
// to.
var officesNamed = set("president", "chairman", "chairwoman", "vice-president", "vice", "chief", "treasurer",
	"secretary", "governor", "ceo", "director", "executive", "premier", "minister")

// namedToOffice reports whether the words from k say that the name before
// them was named, appointed or elected to a person's office: "has been
// named president", "was appointed chief executive", "was elected
// chairman".
func namedToOffice(toks []token, k int) bool {
	end := k + 3 // "has been", "will be"
	for k < len(toks) && k < end && (toks[k].lower == "has" || toks[k].lower == "have" || toks[k].lower == "had" ||
		toks[k].lower == "been" || toks[k].lower == "was" || toks[k].lower == "is" || toks[k].lower == "will" ||
		toks[k].lower == "be") {
		k++
	}
	if k >= len(toks) || toks[k].lower != "named" && toks[k].lower != "appointed" && toks[k].lower != "elected" {
		return false
	}
	k++
	for k < len(toks) && (toks[k].lower == "as" || toks[k].lower == "to" || toks[k].lower == "the" ||
		toks[k].lower == "a" || toks[k].lower == "its" || toks[k].lower == "senior" || toks[k].lower == "new") {
		k++
	}
	return k < len(toks) && officesNamed[toks[k].lower]
}
