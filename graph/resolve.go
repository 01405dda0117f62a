package graph

// Cross-document resolution: which stored entity a document's entity is.
// Every rule of the store's matching lives here: an entity is found by its
// canonical name across types (NER labels are noisy), by any alias within
// a compatible type, by the lookup keys ingest gave it before (a person's
// surname, Entity.Keys), and, for a person, by a spelling variant of the
// first name that sounds alike (firstNameVariant). A name ingest calls
// local (Entity.Local: "Central Bank", whose country only its document
// gives) finds nothing, nor does a short name that begins several stored
// bodies' longer names (ambiguousStart: "Home Federal") or that two longer
// names go on after otherwise ("Air Force").
//
// Stored entities that a document shows to be one are merged after it is
// stored, as MergeEntities does, so that kg split undoes them: a company's
// short and long forms and initials and a name written two ways
// (sameCompany), a short name the document gives beside its body
// (sameInDocument: "Fed", "VW", "AMC") and a bare surname stored apart
// beside the one person of that surname (samePerson).
// Name heuristics (titles, particles, suffixes, surnames) are ingest's: it
// hands the store each entity's names, aliases and keys.

import (
	"slices"

	"github.com/dgraph-io/badger/v4"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// resolve finds the stored entity that e names, merging e's aliases and
// mentions into it, or creates a new one. Named entities match by canonical
// name across types (NER labels are noisy) and by alias within a compatible
// type; concepts match only concepts of the same name.
func (w *writer) resolve(e Entity) (id uint64, created bool, err error) {
	company := uint64(0) // the stored company a guessed person is
	if e.Guessed && e.Type == Person {
		if company, err = w.companyNamed(e.Name); err != nil {
			return 0, false, err
		}
		if company != 0 {
			e.Type = Org
		}
	}
	if e.Guessed && (e.Type == Place || e.Type == Org) && !strings.Contains(strings.TrimSpace(e.Name), " ") {
		people, err := w.surnameOf(e.Name)
		if err != nil {
			return 0, false, err
		}
		if people == 1 || people > 1 && e.Type == Org {
			// (a company guessed for a surname two stored people
			// share is a person still, "Baker" beside James and
			// Howard Baker, though which one the store cannot say:
			// it stays an entity of its own)
			e.Type = Person
		}
	}
	if e.Guessed && e.Type == Place && !strings.Contains(strings.TrimSpace(e.Name), " ") && !Acronym(e.Name) {
		// "Shearson, Merrill and Cargill sold": a word guessed a place,
		// no one's surname, that begins a stored company's name and
		// that it goes by is a company
		if named, err := w.companyAlias(e.Name); err != nil {
			return 0, false, err
		} else if named {
			e.Type = Org
		}
	}
	names := append([]string{e.Name}, e.Aliases...)
	best, bestScore := uint64(0), 0
	tied := false                // two entities match equally well
	named := map[uint64]string{} // stored entities e gives by their canonical name
	for i, n := range names {
		if containsFold(e.Local, n) {
			// "Finance Ministry": which one, only its document says
			continue
		}
		cands, err := w.aliasIDs(Fold(n))
		if err != nil {
			return 0, false, err
		}
		if plain := withoutCommas(n); plain != n {
			// "Goldman, Sachs and Co" is the stored "Goldman Sachs and Co"
			more, err := w.aliasIDs(Fold(plain))
			if err != nil {
				return 0, false, err
			}
			cands = slices.Compact(slices.Sorted(slices.Values(append(cands, more...))))
		}
		for _, c := range cands {
			rec, err := w.entity(c)
			if err != nil {
				return 0, false, err
			}
			score := matchScore(e, n, i == 0, len(cands) == 1, rec)
			if score > 0 && !sameWriting(n, rec) {
				score = 0
			}
			if score > 0 && score <= 2 && i > 0 && e.Type != Person && shortOf(n, e.Name) && Fold(rec.Name) != Fold(e.Name) {
				// "Home Federal" of "Home Federal Bank of Florida
				// F.S.B." is no stored "Home Federal" when the store
				// holds other banks that go by longer names beginning
				// with it (Home Federal Savings and Loan Association,
				// Home Federal Bank of Florida): which one, the short
				// name does not say
				if amb, err := w.ambiguousStart(n, c, e); err != nil {
					return 0, false, err
				} else if amb {
					score = 0
				}
			}
			if score > 0 && (Fold(rec.Name) == Fold(n) || writtenOtherwise(rec.Name, e.Name) || sameCore(rec.Name, e.Name)) {
				named[c] = n
			}
			switch {
			case score > bestScore:
				best, bestScore, tied = c, score, false
			case score == bestScore && score > 0 && c != best:
				tied = true
				best = min(best, c)
			}
		}
	}
	if company != 0 {
		best = company
	}
	if tied && bestScore <= 2 && e.Type == Person && len(strings.Fields(e.Name)) == 1 {
		// "Tamm" when Anna Tamm and Mart Tamm are both stored: which one
		// is a guess, so the short name stays an entity of its own
		best = 0
	}
	if best == 0 && e.Type == Person {
		// "Sergei Lavrov" for a stored "Sergey Lavrov"
		if best, err = w.variant(e.Name); err != nil {
			return 0, false, err
		}
	}
	if best == 0 {
		n, err := w.counter("entityseq", 1)
		if err != nil {
			return 0, false, err
		}
		best, created = n, true
		w.ents[best] = &entityRec{Name: e.Name, Type: e.Type, Votes: map[string]int{}, Tracked: true}
		w.meta["entities"]++
	}
	if !created {
		if err := w.sameCompany(best, named); err != nil {
			return 0, false, err
		}
	}
	rec := w.ents[best]
	mr := w.mentions[best]
	if mr == nil {
		mr = &mentionRec{Votes: map[string]int{}}
		if w.mentions != nil {
			w.mentions[best] = mr
		}
	}
	// A longer name that lists the stored name among its aliases becomes
	// the canonical one ("Tillerson" → "Rex Tillerson"), when it is a plain
	// name of the same type: never "Susumu Taketomi of Industrial Bank of
	// Japan" for Japan, nor a place's name.
	if !created && e.Type != Concept && e.Type != Place && e.Type == rec.Type && Fold(rec.Name) != Fold(e.Name) &&
		len(e.Name) > len(rec.Name) && containsFold(e.Aliases, rec.Name) &&
		(PlainName(e.Name) || e.Type == Org && partnersName(e.Name)) {
		// ("Central and South West Corp" for a stored "Central": a
		// company's "and" is part of its name)
		if mr.Renamed == "" {
			mr.Renamed = rec.Name
		}
		rec.Name = e.Name
	}
	if rec.Type == Person || e.Type == Person {
		// a person is also looked up by the keys ingest gives, its
		// surname: "Tillerson"
		names = append(names, e.Keys...)
	}
	for _, n := range names {
		if n == "" || containsExact(mr.Aliases, n) {
			continue
		}
		if !containsExact(rec.Aliases, n) {
			if split, err := splitOff(w.txn, best, n); err != nil {
				return 0, false, err
			} else if split {
				continue // a user split it off this entity (SplitAlias)
			}
			rec.Aliases = append(rec.Aliases, n)
			if err := w.addAlias(n, best); err != nil {
				return 0, false, err
			}
		}
		mr.Aliases = append(mr.Aliases, n)
	}
	m := e.Mentions
	if m < 1 {
		m = 1
	}
	rec.Mentions += m
	mr.Mentions += m
	mr.Votes[e.Type] += m
	if rec.Votes == nil {
		rec.Votes = map[string]int{}
	}
	rec.Votes[e.Type] += m
	rec.Type = majority(rec.Votes, rec.Type)
	if _, suffixed := companyCore(rec.Name); suffixed && rec.Type != Concept {
		// a name with a legal suffix is a company's, whatever the
		// mentions of its short name voted ("Eastern Airlines Inc",
		// which documents that say "Eastern" called a place)
		rec.Type = Org
	}
	if !created && e.Type == Person && rec.Type == Person {
		if err := w.samePerson(best, rec); err != nil {
			return 0, false, err
		}
	}
	return best, created, nil
}

// samePerson notes, for a merge after the documents are stored, a person
// stored under a bare surname ("Nakasone", stored apart when a document
// first called it a company; "LYNG" of headlines) that a document names
// again as a person,
// into the one stored person named in full with that surname (Yasuhiro
// Nakasone), as resolve would have found it had it not been stored: not
// when two stored people or more have the surname ("Reagan": Ronald, Nancy,
// Mrs Reagan) or one has it first ("Li": Ronald Li, Li Gun-mo), nor when a
// user split the surname off that person.
func (w *writer) samePerson(id uint64, rec *entityRec) error {
	name := strings.TrimSpace(rec.Name)
	if strings.Contains(name, " ") || Acronym(name) && utf8.RuneCountInString(name) <= 3 {
		// (a surname in capitals is a headline's, "LYNG"; three
		// capitals are more likely initials)
		return nil
	}
	cands, err := w.aliasIDs(Fold(name))
	if err != nil {
		return err
	}
	person := uint64(0)
	for _, c := range cands {
		if c == id {
			continue
		}
		r, err := w.entity(c)
		if err != nil {
			return err
		}
		f := strings.Fields(Fold(r.Name))
		if r.Type != Person || len(f) < 2 {
			continue
		}
		if slices.Contains(f, "&") || slices.Contains(f, "and") || !PlainName(r.Name) {
			// "Standard & Poor", a company typed a person, has no
			// surname "Poor"
			continue
		}
		if f[0] == Fold(name) {
			return nil // a family name written first: "Li Gun-mo" beside Ronald Li
		}
		if f[len(f)-1] != Fold(name) {
			continue
		}
		if person != 0 {
			return nil // two people have the surname
		}
		person = c
	}
	if person == 0 {
		return nil
	}
	// nor when a stored person's name begins with it: a family name
	// written first ("Chang Chi-cheng" beside Steve Chang) or a first
	// name ("David" beside Michael David and David Roderick)
	first := false
	if err := w.aliasesFrom(Fold(name)+" ", func(_ string, c uint64) bool {
		r, err := w.entity(c)
		first = err == nil && r.Type == Person
		return !first
	}); err != nil || first {
		return err
	}
	if split, err := splitOff(w.txn, person, name); err != nil || split {
		return err
	}
	if !containsPair(w.merges, person, id) {
		w.merges = append(w.merges, [2]uint64{person, id})
	}
	return nil
}

// partnersName reports whether name is a company's name with one "and"
// (or "&") joining its parts, and one or two words after it besides legal
// suffixes, none an acronym: "Tate and Lyle PLC", "Central and South West
// Corp", "Merrill Lynch and Co Inc"; not a list of two companies taken for
// one, "Pertamina and Japex North Sumatra Ltd", "Brown and AFG Industries
// Inc".
func partnersName(name string) bool {
	f := strings.Fields(name)
	at := -1
	for i, w := range f {
		if w == "and" || w == "&" {
			if at >= 0 || i == 0 {
				return false
			}
			at = i
		}
	}
	if at < 0 {
		return false
	}
	after := 0
	for _, w := range f[at+1:] {
		if legalSuffixes[strings.ToLower(strings.Trim(w, ".,"))] {
			continue
		}
		if Acronym(w) {
			return false
		}
		after++
	}
	return at < len(f)-1 && after <= 2 && PlainName(strings.Join(append(append([]string{}, f[:at]...), f[at+1:]...), " "))
}

// surnameOf returns how many stored persons, named in full, have name as
// the last word of it, or 0 when a stored place or company goes by name.
func (w *writer) surnameOf(name string) (int, error) {
	cands, err := w.aliasIDs(Fold(name))
	if err != nil {
		return 0, err
	}
	people := 0
	for _, c := range cands {
		rec, err := w.entity(c)
		if err != nil {
			return 0, err
		}
		f := strings.Fields(Fold(rec.Name))
		switch {
		case rec.Type == Person && len(f) >= 2 && f[len(f)-1] == Fold(name):
			people++
		case (rec.Type == Place || rec.Type == Org) && Fold(rec.Name) != Fold(name):
			return 0, nil
			// (a stored company or place of the bare word alone may be
			// an earlier guess: "Kohl" typed a company before Helmut
			// Kohl was stored)
		}
	}
	return people, nil
}

// companyNamed returns the stored company whose name is name with a legal
// suffix after it ("Morgan Stanley and Co Inc" for "Morgan Stanley"), the
// one most mentioned if there are more, or 0.
func (w *writer) companyNamed(name string) (uint64, error) {
	cands, err := w.aliasIDs(Fold(name))
	if err != nil {
		return 0, err
	}
	want := strings.Fields(Fold(name))
	found, most := uint64(0), 0
	near, nearMost := uint64(0), 0 // a company the name is short for: "Salomon Brothers Inc" for "Salomon"
	for _, c := range cands {
		rec, err := w.entity(c)
		if err != nil {
			return 0, err
		}
		core, suffixed := companyCore(rec.Name)
		if rec.Type != Org || !suffixed {
			continue
		}
		switch {
		case slices.Equal(core, want) && rec.Mentions > most:
			found, most = c, rec.Mentions
		case len(core) == len(want)+1 && hasPrefixWords(core, want) && familyHeads[core[len(core)-1]] && rec.Mentions > nearMost:
			near, nearMost = c, rec.Mentions
		}
	}
	if found == 0 {
		found = near
	}
	return found, nil
}

// companyAlias reports whether a stored company with a legal suffix goes
// by name, the first word of its name: "Shearson" of "Shearson Lehman
// Brothers Inc", "Unilever" of "Unilever Plc", and no stored person does.
func (w *writer) companyAlias(name string) (bool, error) {
	cands, err := w.aliasIDs(Fold(name))
	if err != nil {
		return false, err
	}
	found := false
	for _, c := range cands {
		rec, err := w.entity(c)
		if err != nil {
			return false, err
		}
		if rec.Type == Person {
			return false, nil // "Greenspan": a person's name too
		}
		if core, suffixed := companyCore(rec.Name); rec.Type == Org && suffixed && len(core) > 0 && core[0] == Fold(name) {
			found = true
		}
	}
	return found, nil
}

// familyHeads end the names of firms called after their founders:
// "Salomon Brothers Inc", "Shearson Lehman Brothers Inc".
var familyHeads = map[string]bool{"brothers": true, "sons": true, "partners": true, "associates": true}

// PlainName reports whether name reads as a name: its words after the
// first are capitalised (particles aside: "Charles de Gaulle", "Bashar
// al-Assad") and
// it holds no digits or markup. "X of Y" and "Nippon Airways> of Japan"
// are phrases around a name, not names.
func PlainName(name string) bool {
	if strings.ContainsAny(name, "<>0123456789") {
		return false
	}
	for i, w := range strings.Fields(name) {
		if i == 0 || nameParticles[w] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			continue // "Ja'afari", "O'Brien"
		}
		// "al-Assad", "d'Estaing": a particle glued on
		if j := strings.LastIndexFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }); j >= 0 {
			if _, size := utf8.DecodeRuneInString(w[j:]); j+size < len(w) {
				w = w[j+size:]
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// nameParticles are lower-case words inside personal names.
var nameParticles = map[string]bool{"los": true, "las": true, "de": true, "da": true, "di": true, "del": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "el": true, "dos": true, "du": true}

// variant finds the one stored person whose name is a spelling variant of
// name: the same surname and a first name that differs by a letter or two
// ("Sergey"/"Sergei", "Oleksii"/"Oleksiy"). None when no person or more
// than one fits.
func (w *writer) variant(name string) (uint64, error) {
	f := strings.Fields(Fold(name))
	if len(f) < 2 {
		return 0, nil
	}
	cands, err := w.aliasIDs(f[len(f)-1])
	if err != nil {
		return 0, err
	}
	found := uint64(0)
	for _, c := range cands {
		rec, err := w.entity(c)
		if err != nil {
			return 0, err
		}
		g := strings.Fields(Fold(rec.Name))
		if rec.Type != Person || len(g) < 2 || g[len(g)-1] != f[len(f)-1] || !firstNameVariant(g[0], f[0]) {
			continue
		}
		if found != 0 && found != c {
			return 0, nil // two people fit: no guess
		}
		found = c
	}
	return found, nil
}

// spellingVariant reports whether two first names are one name spelt two
// ways: same first letter, at least four letters, at most two edits apart
// and no more than a third of the shorter name ("Rudolph"/"Rudolf"), and
// not a man's and a woman's form of one name ("Mario"/"Maria").
func spellingVariant(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	if len(ra) == len(rb) && string(ra[:len(ra)-1]) == string(rb[:len(rb)-1]) && ra[len(ra)-1] != rb[len(rb)-1] &&
		strings.ContainsRune("aeo", ra[len(ra)-1]) && strings.ContainsRune("aeo", rb[len(rb)-1]) {
		return false // "Mario", "Maria": a man's name and a woman's
	}
	d := editDistance(ra, rb)
	return d <= 2 && d*3 <= min(len(ra), len(rb))
}

// firstNameVariant reports whether two first names are one name spelt two
// ways: a spelling variant that also sounds alike, its Soundex code the
// same ("Rudolph"/"Rudolf" R341, "Steven"/"Stephen" S315, "Mohammed"/
// "Muhammad" M530), that lacks a letter of the other ("Aturo"/"Arturo")
// or that differs only in its last letter ("Sergej"/"Sergey"), which two
// names two letters apart that sound otherwise are
// not ("Richard" R263, "Reinhard" R563; "Reinhold" R543; "Martin" M635,
// "Marvin" M615).
func firstNameVariant(a, b string) bool {
	if !spellingVariant(a, b) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if soundex(a) == soundex(b) || len(ra) != len(rb) && editDistance(ra, rb) == 1 {
		return true // or a letter left out: "Aturo", "Arturo"
	}
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	return len(ra)-p <= 1 && len(rb)-p <= 1
}

// soundex returns the American Soundex code of a word, its first letter
// and the codes of up to three consonant sounds after it ("rudolph" →
// "r341"); letters outside a–z are left out.
func soundex(word string) string {
	const codes = "01230120022455012623010202" // a..z
	var b strings.Builder
	last := byte(0)
	for _, r := range word {
		if r < 'a' || r > 'z' {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			} else {
				continue
			}
		}
		c := codes[r-'a']
		if b.Len() == 0 {
			b.WriteRune(r)
			last = c
			continue
		}
		switch {
		case r == 'h' || r == 'w':
			// h and w do not part two letters of one code
		case c == '0':
			last = 0 // a vowel does
		case c != last:
			b.WriteByte(c)
			last = c
		}
		if b.Len() == 4 {
			break
		}
	}
	if b.Len() == 0 {
		return ""
	}
	for b.Len() < 4 {
		b.WriteByte('0')
	}
	return b.String()
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// matchScore says how well rec, found under the alias n of e (e's name
// when byName; the only entity found under it when sole), fits e: 0 not at
// all.
func matchScore(e Entity, n string, byName, sole bool, rec *entityRec) int {
	sameName := Fold(rec.Name) == Fold(e.Name)
	acronym := Acronym(n) && !spelledOut(e, n)
	if !sameName && !byName && !strings.Contains(strings.TrimSpace(n), " ") &&
		(rec.Type == Place && e.Type == Org || rec.Type == Org && e.Type == Place) {
		// a place is not a company one word of whose name it is, nor the
		// other way round: "Philippine Associated Smelting and Refining
		// Corp", which its document also calls "Philippine", is not the
		// stored "Philippine"
		return 0
	}
	if !sameName && e.Type != Person && rec.Type != Person && e.Type != Concept && rec.Type != Concept &&
		sameCore(e.Name, rec.Name) {
		return 2 // "Merrill Lynch and Co" for the stored "Merrill Lynch Co Inc"
	}
	if !sameName && !byName && e.Type != Person && rec.Type != Person && !strings.Contains(strings.TrimSpace(n), " ") &&
		Fold(n) != Fold(rec.Name) && !acronym {
		// one word two names share is not the thing they share:
		// "Federal" of "Federal Express Corp" and of "Federal
		// Reserve", "International" of two companies
		return 0
	}
	if !sameName && !byName && e.Type != Person && !strings.Contains(strings.TrimSpace(n), " ") && !acronym &&
		standsForAnother(e, n, rec) {
		// "International", stored alone, already stands for
		// "International Minerals": not for another company too
		return 0
	}
	if !sameName && otherCompany(e.Name, rec.Name) {
		// "Merrill Lynch Capital Markets" is a unit of "Merrill Lynch
		// and Co Inc", not it, though both go by "Merrill Lynch"; "ICO
		// Inc" is no "International Coffee Organization"
		return 0
	}
	if !sameName && !byName && e.Type != Person && rec.Type != Person && e.Type != Concept && rec.Type != Concept &&
		shortOf(n, e.Name) && shortOf(n, rec.Name) && !coreBegins(e.Name, rec.Name) {
		// "Air Force Occupational Health Laboratory" is not the "Air
		// Force Reserve", though both go by "Air Force": two names that
		// go on otherwise after the short one they share
		return 0
	}
	if !sameName {
		for _, a := range rec.Aliases {
			if _, suffixed := companyCore(a); suffixed && otherCompany(e.Name, a) {
				// a stored "Merrill Lynch" that a document called
				// "Merrill Lynch and Co" is not its unit either
				return 0
			}
		}
	}
	if !sameName && acronym && otherExpansion(e, rec) {
		// "AEA" of the "Association of European Airlines" is not the
		// stored "American Electronic Association" another document
		// called "AEA": one acronym, two names spelt out
		return 0
	}
	if e.Type == Concept || rec.Type == Concept {
		if e.Type == rec.Type && sameName {
			return 3
		}
		return 0
	}
	if !sameName && (e.Type == Person || rec.Type == Person) && otherPerson(e.Name, rec.Name) {
		// James Baker and Howard Baker share the alias "Baker", not
		// the person
		return 0
	}
	if !sameName && byName && sole && e.Type != Person && rec.Type == Org && suffixForm(e.Name, rec.Name) {
		// "Texaco", which a document's tagger took for a place, is the
		// stored "Texaco Inc", when no other stored entity goes by it
		// ("Eastern" of Eastern Co and of Eastern Airlines Inc)
		return 2
	}
	switch {
	case sameName && rec.Type == e.Type:
		return 4
	case sameName:
		return 3
	case rec.Type == e.Type && byName:
		return 2 // e's name is one of rec's aliases
	case rec.Type == e.Type:
		return 1 // they share an alias
	case acronym && (rec.Type == Misc || e.Type == Misc) && rec.Type != Person && e.Type != Person:
		// "AIDS", typed a body where a document says no more, is the
		// "Acquired Immune Deficiency Syndrome" another spells out
		return 1
	}
	return 0
}

// otherExpansion reports whether e and rec, which share an acronym, are
// two bodies the acronym stands for: both are named in full, in two words
// or more, neither gives the other's name, and their names share fewer
// than half the words of the shorter (a spelling variant counts as the
// same word: "Organisation" and "Organization" for Economic Cooperation
// and Development are one body).
func otherExpansion(e Entity, rec *entityRec) bool {
	a, b := strings.Fields(Fold(e.Name)), strings.Fields(Fold(rec.Name))
	if len(a) < 2 || len(b) < 2 || Acronym(e.Name) || Acronym(rec.Name) || containsFold(e.Aliases, rec.Name) ||
		containsFold(rec.Aliases, e.Name) {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	shared := 0
	for _, x := range a {
		for _, y := range b {
			if x == y || spellingVariant(x, y) {
				shared++
				break
			}
		}
	}
	return shared*2 < len(a)
}

func majority(votes map[string]int, cur string) string {
	best, n := cur, votes[cur]
	keys := make([]string, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if votes[k] > n {
			best, n = k, votes[k]
		}
	}
	return best
}

// courtesy titles stand where a first name would: ingest keeps them in a
// woman's name ("Mrs Reagan") that the text gives no first name.
var courtesy = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mme": true, "madame": true}

// otherPerson reports whether a, a document's person, cannot be b, a
// stored one: both give a first name, and the first names differ other
// than as an initial ("R. Tillerson", "Rex Tillerson") or a spelling
// variant ("Sergei", "Sergey"); or both begin alike and end in other
// names. A courtesy title in a is no first name
// ("Ms Kestilä" may be the stored Aino Kestilä); one in b keeps out a
// first-named a.
func otherPerson(a, b string) bool {
	fa, fb := strings.Fields(Fold(a)), strings.Fields(Fold(b))
	if len(fa) >= 2 && len(fb) >= 2 && fa[0] == fb[0] && !courtesy[fa[0]] {
		// the same first word and another last one: "Wang Bingqian" is
		// not "Wang Chao-Ming", who share the family name "Wang", nor
		// "John Smith" "John Jones"
		la, lb := fa[len(fa)-1], fb[len(fb)-1]
		return la != lb && utf8.RuneCountInString(la) > 1 && utf8.RuneCountInString(lb) > 1 && !spellingVariant(la, lb)
	}
	if len(fa) < 2 || len(fb) < 2 || courtesy[fa[0]] {
		return false // "Ms Kestilä" gives no first name to differ
	}
	if courtesy[fb[0]] {
		return true // "Michael Reagan" is not the stored "Mrs Reagan"
	}
	x, y := []rune(fa[0]), []rune(fb[0])
	if (len(x) == 1 || len(y) == 1) && x[0] == y[0] {
		return false // an initial
	}
	return !firstNameVariant(fa[0], fb[0])
}

// Acronym reports whether a name is written as one, in capitals: "IBM",
// "U.S.", "ZCCM".
func Acronym(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// sameWriting reports whether rec, found under the folded n, has n
// written as n is, where the writing tells a short word apart: "Us" (of
// "Europe on Us") is not the stored "US", nor "US" a stored "Us".
func sameWriting(n string, rec *entityRec) bool {
	letters := 0
	for _, r := range n {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters > 3 {
		return true
	}
	f, acronym := Fold(n), Acronym(n)
	for _, a := range append([]string{rec.Name}, rec.Aliases...) {
		if Fold(a) == f && Acronym(a) == acronym {
			return true
		}
	}
	return false
}

// spelledOut reports whether e also gives n, a word in capitals, in lower
// case: then it is an ordinary word shouted in a headline ("INTERNATIONAL"
// beside "International"), not an acronym.
func spelledOut(e Entity, n string) bool {
	f := Fold(n)
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if Fold(a) == f && !Acronym(a) {
			return true
		}
	}
	return false
}

// standsForAnother reports whether rec, found under the one word n, already
// lists a longer name beginning with n that e does not give.
func standsForAnother(e Entity, n string, rec *entityRec) bool {
	w := Fold(n)
	for _, a := range rec.Aliases {
		fa := Fold(a)
		if !strings.HasPrefix(fa, w+" ") || Fold(e.Name) == fa || containsFold(e.Aliases, a) {
			continue
		}
		return true
	}
	return false
}

// legalSuffixes end a company's name without naming it: "Texaco Inc" is
// Texaco.
var legalSuffixes = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true, "ag": true,
	"sa": true, "nv": true, "ab": true, "spa": true, "llc": true, "gmbh": true, "bhd": true, "kk": true,
	"corporation": true, "incorporated": true, "limited": true, "company": true}

// suffixForm reports whether long is short with a legal suffix or two after
// it: "Texaco Inc", "Cominco Ltd", "Nippon Steel Co Ltd" for "Nippon Steel".
func suffixForm(short, long string) bool {
	s, l := strings.Fields(Fold(short)), strings.Fields(Fold(long))
	if len(s) == 0 || len(l) <= len(s) || len(l) > len(s)+2 {
		return false
	}
	for i, w := range s {
		if l[i] != w {
			return false
		}
	}
	for _, w := range l[len(s):] {
		if !legalSuffixes[strings.TrimSuffix(w, ",")] {
			return false
		}
	}
	return true
}

// sameCompany notes, for a merge after the documents are stored, a stored
// company that a document names beside best as best's short or long form
// ("Texaco" and "Texaco Inc", both stored before a document linked them)
// or as its initials ("S and P" and "Standard and Poor's Corp"), or
// gives a stored acronym as the acronym of a stored body's name ("USDA"
// and "U.S. Agriculture Department"), when no
// other stored entity goes by the short name: "Bell" with Bell Industries
// Inc and Bell Group Ltd stored is nobody's short name.
func (w *writer) sameCompany(best uint64, named map[uint64]string) error {
	br, err := w.entity(best)
	if err != nil {
		return err
	}
	if br.Type != Org {
		return nil
	}
	for c, n := range named {
		if c == best {
			continue
		}
		rec, err := w.entity(c)
		if err != nil {
			return err
		}
		if rec.Type != Org {
			continue
		}
		if writtenOtherwise(rec.Name, br.Name) || sameCore(rec.Name, br.Name) {
			// one name written two ways, or one company's name with
			// other legal suffixes ("Kidder, Peabody and Co Inc",
			// "Kidder Peabody and Co"): the one more mentioned keeps
			// its writing
			into, from := best, c
			if rec.Mentions > br.Mentions {
				into, from = c, best
			}
			if !containsPair(w.merges, into, from) {
				w.merges = append(w.merges, [2]uint64{into, from})
			}
			continue
		}
		into, from, short := best, c, n
		switch {
		case suffixForm(rec.Name, br.Name), abbreviates(rec.Name, br.Name):
		case suffixForm(br.Name, rec.Name), abbreviates(br.Name, rec.Name):
			into, from, short = c, best, br.Name
		case Acronym(rec.Name) && !Acronym(br.Name) && len(strings.Fields(br.Name)) > 1:
			// the document gives the stored "USDA" as its "U.S.
			// Agriculture Department"'s acronym: one body
		case Acronym(br.Name) && !Acronym(rec.Name) && len(strings.Fields(rec.Name)) > 1:
			into, from, short = c, best, br.Name
		default:
			continue
		}
		ids, err := w.aliasIDs(Fold(short))
		if err != nil {
			return err
		}
		// and no third company is the short name with a suffix ("Bell
		// Inc" beside "Bell Corp")
		for x := range legalSuffixes {
			more, err := w.aliasIDs(Fold(short) + " " + x)
			if err != nil {
				return err
			}
			ids = append(ids, more...)
		}
		others := false
		for _, id := range ids {
			others = others || id != best && id != c
		}
		if !others && !containsPair(w.merges, into, from) {
			w.merges = append(w.merges, [2]uint64{into, from})
		}
	}
	return nil
}

func containsPair(ps [][2]uint64, a, b uint64) bool {
	for _, p := range ps {
		if p == [2]uint64{a, b} {
			return true
		}
	}
	return false
}

// nameWords returns the folded words of a name but "and" and "&".
func nameWords(name string) []string {
	var ws []string
	for _, w := range strings.Fields(Fold(name)) {
		if w = strings.Trim(w, ","); w != "" && w != "and" && w != "&" {
			ws = append(ws, w)
		}
	}
	return ws
}

// companyCore returns a company's name without its legal suffixes and
// without "and" and "&" (folded words: "Merrill Lynch and Co Inc" →
// merrill lynch), and whether it had a legal suffix.
func companyCore(name string) (core []string, suffixed bool) {
	core = nameWords(name)
	for i, w := range core {
		if long, ok := nameAbbreviations[w]; ok {
			core[i] = long
		}
	}
	for len(core) > 1 && legalSuffixes[core[len(core)-1]] {
		core, suffixed = core[:len(core)-1], true
	}
	return core, suffixed
}

// sameCore reports whether two names with legal suffixes are one
// company's, written with other suffixes or "and"s: "Merrill Lynch and Co", "Merrill Lynch
// Co Inc".
func sameCore(a, b string) bool {
	ca, sa := companyCore(a)
	cb, sb := companyCore(b)
	return sa && sb && slices.Equal(ca, cb) && suffixCountry(a) == suffixCountry(b)
}

// continentalSuffixes are legal suffixes of companies of continental
// Europe and Asia: "Thomson SA" is not "Thomson Co Inc".
var continentalSuffixes = map[string]bool{"sa": true, "ag": true, "nv": true, "ab": true, "spa": true,
	"gmbh": true, "bhd": true, "kk": true}

// suffixCountry reports whether name ends in a continental legal suffix.
func suffixCountry(name string) bool {
	w := nameWords(name)
	return len(w) > 1 && continentalSuffixes[w[len(w)-1]]
}

// otherCompany reports whether a and b, one of them a company's name with
// its legal suffix, name two companies, whatever alias they share:
//   - both have a legal suffix and their names differ otherwise ("Texaco
//     Inc", "Texaco Canada Inc");
//   - the other name goes on after the company's ("Merrill Lynch Capital
//     Markets" beside "Merrill Lynch and Co Inc": a unit);
//   - or the two have nothing in common but the company's letters being
//     the other's initials: "ICO Inc" is not the International Coffee
//     Organization the letters stand for.
//
// A short form ("Toyota" of "Toyota Motor Corp") and an acronym of a
// company's name ("IBM" of "International Business Machines Corp") are
// the company.
func otherCompany(a, b string) bool {
	ca, sa := companyCore(a)
	cb, sb := companyCore(b)
	if slices.Equal(ca, cb) {
		return sa && sb && suffixCountry(a) != suffixCountry(b) // "Thomson SA", "Thomson Co Inc"
	}
	if !sa && !sb || len(ca) == 0 || len(cb) == 0 {
		return false
	}
	if abbreviates(a, b) || abbreviates(b, a) {
		return false // "S and P" of "Standard and Poor's Corp"
	}
	if misspelt(ca, cb) || misspelt(nameWords(a), nameWords(b)) {
		return false // "International Business Machine Corp", "Commodity Credit Corportion"
	}
	if len(ca) == len(cb)+1 && ca[0] == "us" && slices.Equal(ca[1:], cb) || len(cb) == len(ca)+1 && cb[0] == "us" && slices.Equal(cb[1:], ca) {
		return false // "U.S. Commodity Credit Corporation"
	}
	if !sa {
		ca, cb, sb = cb, ca, false // ca is a company's
	}
	switch {
	case initialsOf(ca, cb) || initialsOf(cb, ca):
		// "IBM Corp" and "International Business Machines Corp"; "IBM"
		// for the latter; but not "ICO Inc" for an organisation
		return !sb && len(ca) == 1
	case sb:
		return true
	case hasPrefixWords(ca, cb):
		return false // "Toyota" of "Toyota Motor Corp"
	}
	return true
}

// hasPrefixWords reports whether p begins w.
func hasPrefixWords(w, p []string) bool {
	return len(p) <= len(w) && slices.Equal(w[:len(p)], p)
}

// initialsOf reports whether short, one word, is the initials of long's
// words, little words aside: "ibm" of international business machines.
func initialsOf(short, long []string) bool {
	if len(short) != 1 || len(long) < 2 {
		return false
	}
	var b strings.Builder
	for _, w := range long {
		switch w {
		case "of", "the", "for", "de", "du", "des", "la", "le", "del":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return b.String() == short[0]
}

// abbreviates reports whether short is written in capitals, or as single
// capitals joined by "and" ("S and P", "S&P"), and its letters are the
// initials of long's words: "IBM" of "International Business Machines
// Corp", "S and P" of "Standard and Poor's Corp".
func abbreviates(short, long string) bool {
	var letters []string
	if Acronym(short) && !strings.Contains(strings.TrimSpace(short), " ") {
		letters = []string{strings.ReplaceAll(Fold(short), "'", "")}
	} else {
		letters = []string{Letters(short)}
	}
	core, _ := companyCore(long)
	// with its suffix too: "CCC" of "Commodity Credit Corporation"
	return len(letters[0]) >= 2 && (initialsOf(letters, core) || initialsOf(letters, nameWords(long)))
}

// Letters returns the letters, in lower case, of a name written as single
// capitals that "and" or "&" may join ("S and P", "S&P" → "sp"), or "".
func Letters(name string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '&' }) {
		switch {
		case f == "and":
		case len(f) == 1 && f[0] >= 'A' && f[0] <= 'Z':
			b.WriteByte(f[0] + 'a' - 'A')
		default:
			return ""
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// nameAbbreviations are the short ways companies' names are written:
// "Shearson Lehman Bros Inc" is Shearson Lehman Brothers Inc.
var nameAbbreviations = map[string]string{"bros": "brothers", "intl": "international", "int'l": "international",
	"natl": "national", "nat'l": "national", "mfg": "manufacturing", "assn": "association", "assoc": "associates",
	"cos": "companies", "svcs": "services", "hldgs": "holdings", "grp": "group", "ind": "industries", "inds": "industries"}

// misspelt reports whether two names' words are the same but for one
// word written with a letter or two otherwise: "business machine",
// "business machines".
func misspelt(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		x, y := []rune(a[i]), []rune(b[i])
		if diff++; diff > 1 || len(x) < 5 || len(y) < 5 || x[0] != y[0] || editDistance(x, y) > 2 {
			return false
		}
	}
	return true
}

// shortOf reports whether short, of two words or more, begins long, which
// goes on after it with more than legal suffixes and "and": "Home Federal"
// of "Home Federal Bank of Florida F.S.B.", not "Merrill Lynch" of
// "Merrill Lynch and Co Inc".
func shortOf(short, long string) bool {
	s := strings.Fields(Fold(short))
	if len(s) < 2 || !hasPrefixWords(strings.Fields(Fold(long)), s) {
		return false
	}
	core, _ := companyCore(long)
	return len(core) > len(nameWords(short))
}

// coreBegins reports whether one name, legal suffixes aside, begins the
// other ("First Interstate Bank", "First Interstate Bank Corp") or is it
// misspelt ("International Coffee Organisation", "... Organization").
func coreBegins(a, b string) bool {
	ca, _ := companyCore(a)
	cb, _ := companyCore(b)
	return hasPrefixWords(ca, cb) || hasPrefixWords(cb, ca) || misspelt(ca, cb)
}

// ambiguousStart reports whether the store holds two entities or more,
// other than rec, that go by a longer name beginning with the short name n
// and more than legal suffixes (not names e itself gives): then n is
// ambiguous across the store, no name to find rec by.
func (w *writer) ambiguousStart(n string, rec uint64, e Entity) (bool, error) {
	prefix := Fold(n) + " "
	others := map[uint64]bool{}
	note := func(folded string, id uint64) {
		if id == rec || others[id] || Fold(e.Name) == folded || containsFold(e.Aliases, folded) {
			return
		}
		if core, _ := companyCore(folded); len(core) <= len(nameWords(n)) {
			return // "Home Federal Inc"
		}
		others[id] = true
	}
	if err := w.aliasesFrom(prefix, func(folded string, id uint64) bool {
		note(folded, id)
		return len(others) < 2
	}); err != nil {
		return false, err
	}
	return len(others) >= 2, nil
}

// sameInDocument notes, for a merge after the documents are stored, a
// stored body the document names by a short name of its own ("Fed", "VW",
// "AMC": an entity whose canonical name is that short name) beside the one
// stored body of the document that the short name stands for:
//   - a clipping of its first word, the body's name no company's with a
//     legal suffix ("Fed" of "Federal Reserve": "the Federal Reserve ...
//     the Fed");
//   - two capitals that spell a one-word company's name, first letter
//     first ("VW" of "Volkswagen AG": "Volkswagen AG <VOWG.F> (VW)");
//   - or its initials ("AMC" of "American Motors Corp").
//
// A short name that fits two of the document's bodies, neither the
// other's longer name ("EC" beside the European Community and the European
// Commission), that another stored entity goes by too, or that a user
// split off the body (SplitAlias) stays apart.
func (w *writer) sameInDocument(ents []Entity, ids map[string]uint64) error {
	type named struct {
		id  uint64
		rec *entityRec
	}
	var all []named
	seen := map[uint64]bool{}
	for _, e := range ents {
		id := ids[typedName(e.Type, e.Name)]
		if id == 0 || seen[id] {
			continue
		}
		seen[id] = true
		rec, err := w.entity(id)
		if err != nil {
			return err
		}
		all = append(all, named{id, rec})
	}
	for _, s := range all {
		short := strings.TrimSpace(s.rec.Name)
		if s.rec.Type != Org && s.rec.Type != Misc || strings.Contains(short, " ") {
			continue
		}
		var fits []named
		for _, l := range all {
			if l.id != s.id && l.rec.Type == Org && clippedOrSpelt(short, l.rec.Name) {
				fits = append(fits, l)
			}
		}
		if len(fits) == 0 {
			continue
		}
		// the shortest, when each longer one goes on after it ("Federal
		// Reserve", "Federal Reserve Board")
		slices.SortFunc(fits, func(a, b named) int { return len(a.rec.Name) - len(b.rec.Name) })
		into := fits[0]
		nested := true
		for _, l := range fits[1:] {
			nested = nested && hasPrefixWords(strings.Fields(Fold(l.rec.Name)), strings.Fields(Fold(into.rec.Name)))
		}
		if !nested {
			continue
		}
		others, err := w.aliasIDs(Fold(short))
		if err != nil {
			return err
		}
		alone := true
		for _, id := range others {
			alone = alone && (id == s.id || id == into.id)
		}
		if !alone {
			continue
		}
		if split, err := splitOff(w.txn, into.id, short); err != nil {
			return err
		} else if split {
			continue
		}
		if !containsPair(w.merges, into.id, s.id) && !containsPair(w.merges, s.id, into.id) {
			w.merges = append(w.merges, [2]uint64{into.id, s.id})
		}
	}
	return nil
}

// clippedOrSpelt reports whether short, one word, is a short name of long, a
// body's name: a clipping of long's first word, ending inside it, when long
// has no legal suffix ("Fed", "Federal Reserve"), two capitals that spell
// a one-word company's name of letters only from its first letter ("VW",
// "Volkswagen AG"; not "BNI" of "BankAmerica Corp"), or
// initials (abbreviates: "AMC", "American Motors Corp").
func clippedOrSpelt(short, long string) bool {
	lw := strings.Fields(Fold(long))
	if len(lw) < 2 || Fold(short) == Fold(long) {
		return false
	}
	if Acronym(short) {
		if abbreviates(short, long) {
			return true
		}
		core, suffixed := companyCore(long)
		s := []rune(strings.ReplaceAll(Fold(short), ".", ""))
		if !suffixed || len(core) != 1 || len(s) != 2 {
			return false
		}
		word := []rune(core[0])
		if len(word) < 2*len(s) || word[0] != s[0] || strings.IndexFunc(core[0], func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false // "MCC" is no short name of "MCC-Presidential Inc"
		}
		i := 1
		for _, r := range word[1:] {
			if i < len(s) && r == s[i] {
				i++
			}
		}
		return i == len(s)
	}
	s := Fold(short)
	r, _ := utf8.DecodeRuneInString(short)
	if _, suffixed := companyCore(long); suffixed || !unicode.IsUpper(r) || utf8.RuneCountInString(s) < 3 {
		return false
	}
	if !strings.HasPrefix(lw[0], s) || utf8.RuneCountInString(lw[0]) < utf8.RuneCountInString(s)+2 {
		return false
	}
	// a clipping ends inside a word: "Matra" of "Matra-Harris
	// Semiconducteurs", "Ciba" of "Ciba's Vision Group" are their
	// parents' names, not short names of them
	next, _ := utf8.DecodeRuneInString(lw[0][len(s):])
	return unicode.IsLetter(next)
}

// withoutCommas returns name without its commas: "Goldman, Sachs and Co"
// → "Goldman Sachs and Co".
func withoutCommas(name string) string {
	if !strings.Contains(name, ",") {
		return name
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(name, ",", " ")), " ")
}

// writtenOtherwise reports whether two names of two words or more are one
// name written two ways: with and without commas ("Goldman, Sachs and
// Co"), one word misspelt or spelt the British way ("International Coffee
// Organisation", "... Organization"), or the same words in another order,
// little words aside ("U.S. Department of Agriculture", "U.S. Agriculture
// Department").
func writtenOtherwise(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if Fold(a) == Fold(b) || len(wa) < 2 || len(wb) < 2 || suffixCountry(a) != suffixCountry(b) {
		return false
	}
	if slices.Equal(wa, wb) || misspelt(wa, wb) {
		return true
	}
	content := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			switch w {
			case "of", "the", "for":
				continue
			}
			out = append(out, w)
		}
		slices.Sort(out)
		return out
	}
	ca, cb := content(wa), content(wb)
	return len(ca) >= 3 && slices.Equal(ca, cb)
}

// aliasesFrom calls fn with every alias in the index (folded) that begins
// with prefix and the entity that goes by it, up to 200 of them, until fn
// returns false.
func (w *writer) aliasesFrom(prefix string, fn func(folded string, id uint64) bool) error {
	txn := w.txn
	if w.snap != nil {
		txn = w.snap
	}
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	opt.Prefix = key(pAlias, prefix)
	it := txn.NewIterator(opt)
	defer it.Close()
	seen := 0
	for it.Seek(opt.Prefix); it.ValidForPrefix(opt.Prefix) && seen < 200; it.Next() {
		k := it.Item().Key()
		if len(k) < 1+len(prefix)+9 || k[len(k)-9] != 0 {
			continue
		}
		folded, id := string(k[1:len(k)-9]), idOfAlias(k)
		if w.snap != nil {
			if on, ok := w.aliasDelta[folded][id]; ok && !on {
				continue
			}
		}
		seen++
		if !fn(folded, id) {
			return nil
		}
	}
	if w.snap != nil {
		for folded, ids := range w.aliasDelta {
			if !strings.HasPrefix(folded, prefix) {
				continue
			}
			for id, on := range ids {
				if on && !fn(folded, id) {
					return nil
				}
			}
		}
	}
	return nil
}
