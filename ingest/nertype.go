package ingest

import (
	"strings"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/country"
)

// docTypes weighs the evidence for an entity's type that the document as a
// whole gives, after every sentence's mentions are found and before they
// are resolved: prose labels one sentence at a time, and in business news
// it takes many a company for a person or a place.
//
//   - A name the document also writes with a company's legal suffix or a
//     ticker is a company everywhere in it ("Zentor" after "Zentor Energy
//     Corp Ltd").
//   - Words around a mention that only a company has: "Kelvara said it
//     would buy", "shares of Kelvara", "Kelvara's board", "Morvik, a Tokyo
//     securities firm", "a unit of Brantwell", "merged with Brantwell".
//   - In business news, a single word is no person on prose's label
//     alone: it needs a title
//     (here or elsewhere in the document), a known first name, "he" or
//     "she" after it, or a full name of the document that ends in it.
//   - In a text too short to tell, a lone name that talks or meets is
//     rather a person than a place ("Lavrov talked to Tillerson").
func (d *docState) docTypes() {
	companies := d.companies()
	// last words of people the document names in full
	surnames := map[string]bool{}
	surnameOf := map[string]*cluster{} // and whose, nil for more than one
	for _, c := range d.order {
		if w := nameWords(c.name); len(w) >= 2 && mostlyPerson(c.votes) && !unitOf(w, companies) {
			surnames[w[len(w)-1]] = true
			if o, ok := surnameOf[w[len(w)-1]]; ok && o != c {
				surnameOf[w[len(w)-1]] = nil
			} else {
				surnameOf[w[len(w)-1]] = c
			}
			if len(w) <= 3 && !firstNames[w[0]] && givenNames(w[1:]) && (c.titled() || d.personEvidence(c) || familyFirst(c.name)) {
				surnames[w[0]] = true // "Deng" of "Deng Xiaoping": a family name written first
			}
		}
	}
	short := d.short()
	business := len(companies) > 0 || d.business()
	evidence := map[*cluster]bool{} // a person by more than prose's label
	located := map[*cluster]bool{}  // written after "in", "at", "near" once
	for i, ms := range d.mentions {
		toks := d.sents[i].toks
		for _, m := range ms {
			if m.c == nil || m.titled {
				continue
			}
			if m.s > 0 && locatives[toks[m.s-1].lower] {
				located[m.c] = true
			}
			if w := nameWords(m.name); m.town && (!surnames[w[len(w)-1]] || surnameOf[w[len(w)-1]] == m.c) && !d.companyForm(w, companies) &&
				!(len(w) == 1 && actor(&d.sents[i], m)) {
				// "its Stuttgart branch", "Mato Grosso do Sul": a town's
				// or a state's name, unless the document names a person
				// ("Masao Fujioka") or a company ("Toyota Motor Corp")
				// by it, or a word alone acts ("Toyota said", "operated
				// by Toyota", "Toyota's plant")
				m.c.votes[graph.Place] += 2
			}
			if m.c.votes[graph.Person] > 0 && !isPlaceName(m.name) && employer(m, toks, ms) {
				// "William Dorne of Halvex Securities": whom a person
				// works for is no person
				m.c.votes[graph.Org] += m.c.votes[graph.Person] + 1
				delete(m.c.votes, graph.Person)
				continue
			}
			if m.s >= 1 && (underwriterRole(toks[m.s-1].lower) || m.s >= 2 && underwriterRole(toks[m.s-2].lower+" "+toks[m.s-1].lower)) {
				// "said lead manager Drexel Burnham": the bank that
				// manages an offering, whatever prose calls it
				m.c.votes[graph.Org] += m.c.votes[graph.Person] + m.c.votes[graph.Place] + 1
				delete(m.c.votes, graph.Person)
				delete(m.c.votes, graph.Place)
				continue
			}
			if w := nameWords(m.name); companyContext(m, toks) && !isPlaceName(m.name) && !fullPersonName(m.c) &&
				!(len(w) == 1 && surnames[w[0]] && !m.c.orgGuess && m.c.votes[graph.Person] > 0) {
				// (not "Tate said it is possible" after "Bob Tate")
				if m.c.votes[graph.Person] > 0 || m.c.votes[graph.Place] > 0 {
					m.c.votes[graph.Org] += m.c.votes[graph.Person] + m.c.votes[graph.Place]
				}
				m.c.votes[graph.Org] += 3
				delete(m.c.votes, graph.Person)
				continue
			}
			if personAfter(m, toks, ms) {
				evidence[m.c] = true
			}
			if short && talks(m, toks) && !isPlaceName(m.name) && m.c.votes[graph.Org] == 0 {
				// "Lavrov talked to Tillerson": no place talks
				m.c.votes[graph.Person] += m.c.votes[graph.Place] + 1
				delete(m.c.votes, graph.Place)
				evidence[m.c] = true
			}
		}
	}
	for _, c := range d.order {
		w := nameWords(c.name)
		if len(w) == 0 || c.titled() || c.female || c.maleTitled {
			continue
		}
		if (c.votes[graph.Person] > 0 || c.votes[graph.Place] > 0 && !located[c]) && d.companyForm(w, companies) &&
			!isPlaceName(c.name) {
			// "Zentor" of "Zentor Energy Corp Ltd", whether prose takes
			// it for a person or, never written after "in" or "at", for a
			// place ("Chicago" of "Chicago Pacific Corp" stays one if the
			// text says "in Chicago")
			c.votes[graph.Org] += c.votes[graph.Person] + c.votes[graph.Place] + 1
			delete(c.votes, graph.Person)
			delete(c.votes, graph.Place)
			continue
		}
		if len(w) >= 2 && (c.votes[graph.Person] > 0 || c.votes[graph.Place] > 0 && !located[c]) && unitOf(w, companies) &&
			!evidence[c] && !d.personEvidence(c) && !givenName(w[0]) && !isPlaceName(c.name) {
			// "Contel Corp's unit, Contel ASC": a name that begins with
			// the name of a company of the text is its unit's
			c.votes[graph.Org] += c.votes[graph.Person] + c.votes[graph.Place] + 1
			delete(c.votes, graph.Person)
			delete(c.votes, graph.Place)
			continue
		}
		if business && len(w) == 1 && c.votes[graph.Person] > 0 && c.typ() == graph.Person && !evidence[c] &&
			!surnames[w[0]] && !firstNames[w[0]] && !d.personEvidence(c) {
			// "Daiwa said": a single word is no person on prose's
			// label alone; in business news it is a company, a guess
			// the store overrules when it holds one person of that
			// surname ("Liedtke said" for J. Hugh Liedtke)
			c.votes[graph.Org] += c.votes[graph.Person]
			delete(c.votes, graph.Person)
			c.orgGuess = true
			continue
		}
		if f := strings.Fields(c.name); len(f) >= 2 && regionCompass[w[0]] && isPlaceName(strings.Join(f[1:], " ")) &&
			!d.companyForm(w, companies) && c.typ() != graph.Place {
			// "the Northern Philippines", "Eastern Canada": a part of a
			// country, whatever prose took it for
			c.votes[graph.Place] += c.votes[graph.Org] + c.votes[graph.Person] + c.votes[graph.Misc] + 1
			delete(c.votes, graph.Org)
			delete(c.votes, graph.Person)
			delete(c.votes, graph.Misc)
			continue
		}
		if len(w) >= 2 && compassWords[w[0]] && !evidence[c] && properWords(w[1:]) && d.guessedPerson(c) {
			// "San Francisco", "West Berlin", "North Brunswick": a
			// compass word or a saint's begins a place's name, which
			// prose took for a person's (San Francisco was one in 46
			// mentions of Reuters); not before common words, which name
			// a thing or a body ("West Texas Intermediate", "Santa Fe
			// Railway", "North Carolina Savings")
			c.votes[graph.Place] += c.votes[graph.Person]
			delete(c.votes, graph.Person)
		}
	}
}

// properWords reports whether words (lower case) are no common English
// words, nor their plurals.
func properWords(words []string) bool {
	for _, w := range words {
		if wordOrPlural(w) || orgHeads[w] || companyHeads[w] {
			return false
		}
	}
	return true
}

// compassWords begin the names of places: "East Berlin", "North Rhine
// Westphalia", "West Caldwell".
var compassWords = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "san", "santa",
	"sao", "port", "fort", "mount")

// regionCompass begin the name of a part of a country: "Northern
// Philippines", "Eastern Canada".
var regionCompass = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern")

// businessWords say a text is business news, where a single word prose
// calls a person is most often a company.
var businessWords = set("dlrs", "shares", "dividend", "subsidiary", "shareholders", "stockholders", "company")

// business reports whether the document is business news: it names a
// company with its legal suffix or ticker (see docTypes) or uses
// businessWords.
func (d *docState) business() bool {
	for _, s := range d.sents {
		for _, t := range s.toks {
			if businessWords[t.lower] {
				return true
			}
		}
	}
	return false
}

// fullPersonName reports whether c is a person's name written in full, a
// known first name and more ("investor George Soros said it was"), which
// company context does not overturn.
func fullPersonName(c *cluster) bool {
	w := nameWords(c.name)
	return len(w) >= 2 && firstNames[w[0]] && mostlyPerson(c.votes)
}

// mostlyPerson reports whether type votes say a person at least as often
// as a body and a place together.
func mostlyPerson(votes map[string]int) bool {
	return votes[graph.Person] > 0 && votes[graph.Person] >= votes[graph.Org]+votes[graph.Place]
}

// locatives, before a name, say it is a place: "in Chicago".
var locatives = set("in", "at", "near", "from", "outside", "across", "into")

// employerTitles are offices in a firm: "an analyst with", "chairman of".
var employerTitles = set("analyst", "analysts", "economist", "economists", "chairman", "director", "spokesman",
	"spokeswoman", "executive", "officer", "trader", "traders", "dealer", "dealers", "strategist", "partner",
	"vice-president", "vice-chairman", "treasurer", "broker", "brokers")

// firmStaff are the jobs of a firm's people that news writes between the
// firm's name and theirs: "Halvex analyst Joan Perle". (A spokesman or a
// chairman may be a person's or a country's: "Reagan spokesman".)
var firmStaff = set("analyst", "analysts", "economist", "economists", "strategist", "strategists", "trader",
	"traders", "dealer", "dealers", "broker", "brokers", "chartist", "chartists")

// employer reports whether m names whom a person works for: "William
// Dorne of Halvex Securities", "an analyst with Halvex Securities".
func employer(m *mention, toks []token, ms []*mention) bool {
	if m.s < 2 || !(toks[m.s-1].lower == "of" || toks[m.s-1].lower == "with" || toks[m.s-1].lower == "at" || toks[m.s-1].lower == "for") {
		return false
	}
	if toks[m.s-1].lower == "for" {
		// "Jerry Abbenhaus, analyst for AGE Clearing": a firm's staff
		// work for it (a spokesman may speak for a person)
		return firmStaff[toks[m.s-2].lower] && toks[m.s-2].text == toks[m.s-2].lower
	}
	if employerTitles[toks[m.s-2].lower] && toks[m.s-2].text == toks[m.s-2].lower {
		return true
	}
	for _, o := range ms {
		if o != m && o.e == m.s-1 && o.c != nil && (o.titled || o.he-o.hs >= 2) && mostlyPerson(o.votes) {
			return toks[m.s-1].lower == "of" // a person named in full "of" it
		}
	}
	return false
}

// tickered reports whether a mention of c carried a ticker.
func (d *docState) tickered(c *cluster) bool {
	return d.anyMention(c, func(m *mention) bool { return m.ticker })
}

// personEvidence reports whether some mention of c has evidence of a
// person that is not prose's label (a title, "who", "was born").
func (d *docState) personEvidence(c *cluster) bool {
	return d.anyMention(c, func(m *mention) bool { return m.personal })
}

// guessedPerson reports whether c is a person on prose's label alone: no
// title, no known first name, no "he" or "she" after it, nothing around
// it that only a person has. "Morvik Stanley said" may be the stored
// company Morvik Stanley and Co Inc (graph.Entity.Guessed).
func (d *docState) guessedPerson(c *cluster) bool {
	if c.typ() != graph.Person || c.titled() || c.female || c.maleTitled {
		return false
	}
	if w := nameWords(c.name); len(w) == 0 || len(w) > 3 || firstNames[w[0]] {
		return false
	}
	return !d.anyMentionOf(c, func(m *mention, toks []token, ms []*mention) bool {
		return m.personal || m.titled || personAfter(m, toks, ms)
	})
}

// guessedPlace reports whether c, one word, is a place on prose's label
// alone: no country, capital or state of that name, never written after
// "in", "at" or "near", no place's head word. "Baldrige will stop in Hong
// Kong" may be the stored Malcolm Baldrige (graph.Entity.Guessed).
func (d *docState) guessedPlace(c *cluster) bool {
	w := nameWords(c.name)
	if c.typ() != graph.Place || len(w) != 1 || isPlaceName(c.name) || placeHeads[w[0]] || provinces[w[0]] ||
		townName(c.name) || country.Division(c.name) || ordinaryWord(w[0]) || companyLeads[w[0]] || regionTails[w[0]] {
		// (a town, a state, a word or the last word of a region's name,
		// "America" of North America, is no guess)
		return false
	}
	return !d.anyMentionOf(c, func(m *mention, toks []token, _ []*mention) bool {
		return m.s > 0 && locatives[toks[m.s-1].lower]
	})
}

// anyMentionOf reports whether some mention of c, or of a name linked to
// it, is as ok says, given the words and the mentions of its sentence.
func (d *docState) anyMentionOf(c *cluster, ok func(m *mention, toks []token, ms []*mention) bool) bool {
	for i, ms := range d.mentions {
		for _, m := range ms {
			if m.c != nil && m.c.root() == c && ok(m, d.sents[i].toks, ms) {
				return true
			}
		}
	}
	return false
}

// anyMention reports whether some mention of c is as ok says.
func (d *docState) anyMention(c *cluster, ok func(*mention) bool) bool {
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.c == c && ok(m) {
				return true
			}
		}
	}
	return false
}

// short reports whether the document is too short to tell a name's type
// by its other mentions: two sentences at most.
func (d *docState) short() bool {
	n := 0
	for _, s := range d.sents {
		if !s.shouting {
			n++
		}
	}
	return n <= 2
}

// companyWords are the folded words of a company's name before its legal
// suffixes ("Zentor Energy Corp Ltd" → zentor, energy).
func companyWords(name string) []string {
	w := nameWords(name)
	for len(w) > 0 && (corporateSuffixes[w[len(w)-1]] || w[len(w)-1] == "and" || w[len(w)-1] == "&") {
		w = w[:len(w)-1]
	}
	return w
}

// companyForm reports whether the words w begin the name of a company the
// document names (companies), and are no ordinary word alone.
func (d *docState) companyForm(w []string, companies [][]string) bool {
	if len(w) == 1 && ordinaryWord(w[0]) {
		return false
	}
	for _, c := range companies {
		if hasPrefixTokens(c, w) {
			return true
		}
	}
	return false
}

// companies lists the companies the document names with a legal suffix
// or a ticker, as folded words without the suffix.
// It is worked out once, when docTypes or resolve first asks: names do
// not change between them.
func (d *docState) companies() [][]string {
	if d.companiesSet {
		return d.companyNames
	}
	for _, c := range d.order {
		if legalSuffix(c.name) || d.tickered(c) {
			if w := companyWords(c.name); len(w) > 0 {
				d.companyNames = append(d.companyNames, w)
			}
		}
	}
	d.companiesSet = true
	return d.companyNames
}

// unitOf reports whether the name's words w begin with all the words of
// one of companies and go on: "Contel ASC" after "Contel Corp".
func unitOf(w []string, companies [][]string) bool {
	for _, c := range companies {
		if len(c) < len(w) && hasPrefixTokens(w, c) {
			return true
		}
	}
	return false
}

// possessedNouns, after a name's possessive, are what only a company has.
var possessedNouns = set("shares", "stock", "stocks", "chairman", "unit", "units", "subsidiary", "subsidiaries", "board",
	"shareholders", "stockholders", "directors", "affiliate", "parent", "earnings", "profits", "dividend",
	"takeover", "acquisition", "merger", "stake")

// ofCompanyNouns, before "of", say the name after them is a company's:
// "shares of", "a unit of".
var ofCompanyNouns = set("shares", "stock", "unit", "subsidiary", "division", "affiliate", "shareholders",
	"stockholders", "takeover", "acquisition", "merger")

// companyKinds head an apposition that says a name is a company's: "Morvik,
// a Tokyo securities firm".
var companyKinds = set("company", "firm", "bank", "group", "unit", "subsidiary", "concern", "maker",
	"producer", "manufacturer", "retailer", "airline", "carrier", "insurer", "brokerage", "utility",
	"conglomerate", "corporation", "holding", "distributor", "refiner", "partnership", "affiliate", "chain",
	"brokerage", "supermarket", "newspaper", "daily", "weekly", "magazine", "journal")

// acquireVerbs, before a name, say it is a company: "acquired Kelvara".
var acquireVerbs = set("acquired", "acquire", "acquiring", "acquires", "bought", "buy", "buys", "buying")

// itVerbs follow "X said it" in a company's statements.
var itVerbs = set("would", "will", "has", "had", "is", "was", "agreed", "completed", "plans", "expects", "intends",
	"bought", "sold", "acquired", "signed", "filed", "received", "raised", "cut", "lowered", "reported", "earned",
	"purchased", "owns", "holds", "made", "began", "paid", "sees", "does", "did", "may", "could", "can")

// companyContext reports whether the words around m are a company's.
func companyContext(m *mention, toks []token) bool {
	e, s := m.e, m.s
	possessive := toks[m.he-1].text == "'s" || toks[m.he-1].text == "’s"
	if e < len(toks) && (toks[e].text == "'s" || toks[e].text == "’s") {
		possessive, e = true, e+1
	}
	if possessive && e < len(toks) && possessedNouns[toks[e].lower] {
		return true // "Kelvara's board"
	}
	if possessive {
		return false
	}
	if s >= 1 && companyKinds[toks[s-1].lower] && toks[s-1].text == toks[s-1].lower &&
		(isNoun(toks[s-1].tag) || toks[s-1].lower == "daily" || toks[s-1].lower == "weekly") {
		return true // "brokerage firm Morvik", "insurer Kelvara", "the weekly Kelvar Gazeta"
	}
	if e+2 < len(toks) && (toks[e].lower == "said" || toks[e].lower == "says") && toks[e+1].lower == "it" &&
		itVerbs[toks[e+2].lower] {
		return true // "Kelvara said it would buy"
	}
	if e+1 < len(toks) && firmStaff[toks[e].lower] && toks[e].text == toks[e].lower && isProper(toks, e+1) {
		return true // "Halvex analyst Joan Perle said": her firm
	}
	if e < len(toks) && isNoun(toks[e].tag) && toks[e].text == toks[e].lower {
		return false // "the newly acquired Salem operation": the name qualifies a noun
	}
	if s >= 2 && toks[s-1].lower == "of" && ofCompanyNouns[toks[s-2].lower] {
		return true // "shares of Kelvara", "a unit of Brantwell"
	}
	if s >= 1 && acquireVerbs[toks[s-1].lower] ||
		s >= 2 && toks[s-1].lower == "with" && (toks[s-2].lower == "merged" || toks[s-2].lower == "merge" || toks[s-2].lower == "merger") {
		return true // "acquired Kelvara", "merged with Brantwell"
	}
	a := e // the article of an apposition or a copula's complement
	switch {
	case e < len(toks) && (toks[e].lower == "is" || toks[e].lower == "was"):
		a = e + 1 // "Kelvara is a Tokyo securities firm"
	case e+1 < len(toks) && (toks[e].lower == "has" || toks[e].lower == "had") && toks[e+1].lower == "been":
		a = e + 2 // "Kelvara had been a chain of 900 stores"
	case e < len(toks) && toks[e].text == ",":
		a = e + 1
	}
	if a > e && a+1 < len(toks) && (toks[a].lower == "a" || toks[a].lower == "an") {
		for k := a + 1; k < len(toks) && k < a+7; k++ {
			t := toks[k]
			if t.text == "," || t.text == "." || t.lower == "of" || t.lower == "for" || t.lower == "at" ||
				t.lower == "who" || t.lower == "with" || t.lower == "and" || t.lower == "in" || t.lower == "to" ||
				t.lower == "on" || t.lower == "from" || personTitles[t.lower] || employerTitles[t.lower] {
				break
			}
			if companyKinds[t.lower] && t.text == t.lower {
				return true // "Morvik, a Tokyo securities firm"
			}
		}
	}
	return false
}

// personAfter reports whether "he" or "she" follows m in its sentence
// before any other name: "Drummel said he would resign".
func personAfter(m *mention, toks []token, ms []*mention) bool {
	end := len(toks)
	for _, o := range ms {
		if o != m && o.s >= m.e && o.s < end {
			end = o.s
		}
	}
	for k := m.e; k < end; k++ {
		switch toks[k].lower {
		case "he", "she", "him", "his", "himself", "herself":
			return true
		case "it", "its":
			return false
		}
	}
	return false
}

// talkVerbs, after a name or before it, say it names who talks or meets.
var talkVerbs = set("said", "says", "told", "tells", "talked", "talks", "spoke", "speaks", "met", "meets",
	"phoned", "telephoned", "called", "discussed", "urged", "warned", "asked", "thanked", "praised", "criticised",
	"criticized")

// talks reports whether m is the subject of a speech or meeting verb, or
// its object: "Lavrov talked to Tillerson".
func talks(m *mention, toks []token) bool {
	if m.e < len(toks) && talkVerbs[toks[m.e].lower] {
		return true
	}
	k := m.s - 1
	if k >= 0 && (toks[k].lower == "to" || toks[k].lower == "with") {
		k--
	}
	return k >= 0 && k < m.s && talkVerbs[toks[k].lower] && toks[k].lower != "said" && toks[k].lower != "says"
}

// firstNames are common given names: one of them alone is a person on
// prose's label.
var firstNames = set(
	"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
	"kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob",
	"gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
	"samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
	"henry", "adam", "peter", "nathan", "walter", "harold", "carl", "arthur", "roger", "keith", "jeremy",
	"lawrence", "sean", "albert", "joe", "ethan", "austin", "jesse", "willie", "billy", "bruce", "ralph", "roy",
	"eugene", "louis", "philip", "bobby", "johnny", "howard", "fred", "alan", "tom", "tim", "jim", "bob", "bill",
	"mike", "dave", "steve", "tony", "ted", "ben", "sam", "max", "leo", "hans", "karl", "pierre", "jean",
	"jacques", "juan", "jose", "carlos", "luis", "pedro", "ivan", "boris", "igor", "yuri", "ali", "ahmed",
	"mohammed", "muhammad", "omar", "hassan", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara",
	"susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
	"emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
	"sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "anne", "ann",
	"brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine",
	"carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
	"kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha",
	"jacqueline", "frances", "gloria", "teresa", "kathryn", "sara", "janice", "alice", "madison", "doris",
	"abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
	"marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "jane", "kate",
	"sue", "liz", "meg", "oliver", "nigel", "geoffrey", "norman", "herbert", "kurt", "helmut", "gerhard", "otto",
	"wolfgang", "dieter", "klaus", "heinz", "manfred", "werner", "juergen", "jurgen", "horst", "guenter",
	"gunter", "rolf", "ulrich", "volker", "rudolf", "friedrich", "wilhelm", "francois", "michel", "alain",
	"jean-claude", "jean-pierre", "philippe", "bernard", "claude", "yves", "andre", "rene", "gilles", "edouard",
	"edmond", "giovanni", "giuseppe", "carlo", "mario", "francesco", "giulio", "giorgio", "gianni", "silvio",
	"enrico", "luigi", "antonio", "manuel", "miguel", "francisco", "fernando", "jorge", "alfonso", "felipe",
	"ricardo", "roberto", "eduardo", "alberto", "raul", "sergio", "adolfo", "mauricio", "javier", "rafael",
	"ignacio", "ernesto", "enrique", "hector", "guillermo", "jaime", "julio", "oscar", "pablo", "mikhail",
	"vladimir", "nikolai", "sergei", "sergey", "alexei", "eduard", "andrei", "dmitri", "viktor", "valentin",
	"satoshi", "kenji", "hiroshi", "takeshi", "akira", "masaru", "tadashi", "yoshio", "ahmad", "mahmoud",
	"mustafa", "khalid", "abdullah", "ibrahim", "yusuf", "saleh", "tariq", "neil", "ian", "colin", "derek",
	"trevor", "barry", "clive", "hugo", "randy", "ron", "alvin", "leonard", "marvin", "melvin", "dwight",
	"elliott", "gerald", "irving", "jerome", "lester", "sheldon", "stuart", "terry", "wilbur", "allan", "andy",
	"eddie", "edwin", "ernest", "fritz", "jimmy", "jon", "manny", "nick", "pete", "ricky", "rodney", "rudy",
	"russ", "teddy", "toby", "tommy", "vince", "edith", "ellen", "eleanor", "esther", "ethel", "gladys",
	"harriet", "irene", "jill", "joanne", "kathy", "lillian", "lois", "louise", "lucy", "marjorie", "maureen",
	"mildred", "pauline", "peggy", "phyllis", "roberta", "rosemary", "sally", "sylvia", "thelma", "wendy",
	"yvonne", "karl-heinz", "jens", "lars", "nils", "olaf", "sven", "gustav", "ingvar", "kjell", "bengt", "goran",
	"erik", "piet", "willem", "dirk", "hendrik", "cornelis", "gerrit", "maarten", "wim", "malcolm", "lloyd",
	"clayton", "gordon", "douglas", "graham", "stanley", "francis", "vincent", "victor", "hugh", "glenn", "wayne",
	"craig", "leslie", "sidney", "arnold", "edgar", "harvey", "hubert", "leon", "roland", "rita", "norma", "marc",
)

// censusNames are the census's given names (censusGivenNames) that name
// no country, state, capital or region ("Georgia", "Adelaide", "Chad")
// and are no particle of a name ("Al" of "al Assad"). They are evidence
// of a person only as the first of two or three words ("Martin Davis",
// "Andres Soriano"), never alone ("Alex", "Kimberley"), nor against a
// company the text makes of the name ("Merrill Lynch", "Morgan Stanley"):
// firstNames, the names that are a person's alone, are fewer.
var censusNames = func() map[string]bool {
	names := map[string]bool{}
	for _, n := range censusGivenNames {
		if nameParticles[n] || isPlaceName(strings.ToUpper(n[:1])+n[1:]) {
			continue
		}
		names[n] = true
	}
	return names
}()

// givenName reports whether w, in lower case, is a given name that begins
// a person's name of two or three words.
func givenName(w string) bool { return firstNames[w] || censusNames[w] }

// actor reports whether the name m acts or owns in its sentence: the
// subject of a verb, an agent after "by", a possessor.
func actor(s *sentence, m *mention) bool {
	toks := s.toks
	if m.e < len(toks) && (toks[m.e].lower == "'s" || toks[m.e].lower == "’s") || m.s > 0 && toks[m.s-1].lower == "by" {
		return true
	}
	if m.e-1 < len(s.tree) {
		switch s.tree[m.e-1].Deprel {
		case "nsubj", "nsubj:pass", "nmod:poss":
			return true
		}
	}
	return false
}
