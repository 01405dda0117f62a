package ingest

import (
	"slices"
	"strings"

	"github.com/kg-builder/kg/ingest/ud"
)

// Factuality from the tree (see the table in clause.go): negation,
// modality, conditions and who a clause is attributed to.

// desireVerbs make what their infinitive says a plan, not a fact.
var desireVerbs = set("plan", "expect", "seek", "intend", "hope", "want", "aim", "try", "propose", "wish",
	"attempt", "prepare", "consider", "threaten", "offer")

// failVerbs deny what their infinitive says.
var failVerbs = set("fail", "refuse", "decline", "neglect")

// failAdjectives deny the infinitive they govern: "was unable to explain".
var failAdjectives = set("unable")

// failNouns deny the infinitive they take: "its inability to pay",
// "the failure to ratify", "its refusal to sell".
var failNouns = set("inability", "failure", "refusal", "reluctance", "unwillingness")

// denyVerbs deny what their clause says.
var denyVerbs = set("deny", "reject", "dispute")

// futureMarks open a time clause whose present tense may speak of the
// future: "before Turkey becomes a member".
var futureMarks = set("before", "until", "once", "when", "after", "till")

// pastModals speak of a time to come from the past: "would drop the
// tariffs once Japan began".
var pastModals = set("would", "could", "might", "should")

// conditionWords open a condition as a participle: "assuming the plan is
// approved", "supposing that".
var conditionWords = set("assuming", "supposing")

// accuseVerbs make what their "of", "with" or "for" clause says an
// allegation: "accused Acme of dumping chips", "was charged with making
// false statements", "sued Acme for infringing its patents".
var accuseVerbs = set("accuse", "charge", "indict", "sue", "blame", "suspect", "allege", "prosecute", "investigate",
	"probe", "arrest", "cite", "fine", "penalize", "penalise")

// accuseNouns do the same for a gerund of theirs: "charges of making
// false statements", "allegations of dumping".
var accuseNouns = set("charge", "allegation", "accusation", "suspicion", "claim", "complaint", "lawsuit", "suit")

// reportNouns report a clause: "charges that", "reports that".
var reportNouns = set("charge", "report", "claim", "allegation", "statement", "assertion", "suggestion",
	"announcement", "rumour", "rumor", "speculation", "view", "belief", "warning", "denial", "story", "stories",
	"prediction", "forecast", "contention", "argument", "finding", "ruling", "verdict", "assurance", "assurances",
	"confidence", "hope", "hopes", "fear", "fears", "concern", "concerns", "doubt", "doubts", "expectation",
	"expectations", "optimism", "opinion", "impression", "conviction", "assumption")

// preventVerbs stop what their "from" gerund says: "barred Acme from
// selling", "was prevented from taking control".
var preventVerbs = set("prevent", "bar", "block", "stop", "prohibit", "keep", "restrain", "enjoin", "ban",
	"preclude", "forbid", "debar")

// likelyAdjectives weigh the "that" clause they take: "it is unlikely
// that Acme will sell" (modality unlikely).
var likelyAdjectives = set("likely", "unlikely", "possible", "probable", "doubtful", "conceivable", "improbable",
	"impossible")

// reasonMarks open a clause of reason or contrast, which after what is
// said is said too: "said X because Y", "said X although Y".
var reasonMarks = set("because", "since", "although", "though", "while", "whereas", "as")

// questionVerbs ask the "whether" or "if" clause they govern: "asked if
// Acme would sell", "questioned on whether Acme might cut jobs".
var questionVerbs = set("ask", "question", "wonder", "inquire", "enquire", "query", "quiz")

// mandativeVerbs take a "that" clause of what should be done, its verb
// in the base form: "recommended that the FDA approve Rogaine", "urged
// that the plan be dropped".
var mandativeVerbs = set("recommend", "urge", "propose", "suggest", "demand", "request", "insist", "require",
	"ask", "order", "advise", "stipulate", "move", "direct", "prefer")

// mandative reports whether p heads such a clause: a base form with a
// subject of its own (the verb or its passive "be") and no modal; the
// tagger may take a base form after a singular subject for a present.
func (t *tree) mandative(p int) bool {
	g := t.head(p)
	if g < 0 || t.rel(p) != "ccomp" || !mandativeVerbs[t.lemma(g)] || t.child(p, "nsubj", "nsubj:pass") < 0 {
		return false
	}
	if m := t.child(p, "mark"); m >= 0 && t.lower(m) != "that" {
		return false
	}
	base := t.w[p].XPOS == "VB"
	if sj := t.child(p, "nsubj"); t.w[p].XPOS == "VBP" && sj >= 0 && (t.w[sj].XPOS == "NN" || t.w[sj].XPOS == "NNP" ||
		t.lower(sj) == "he" || t.lower(sj) == "she" || t.lower(sj) == "it") {
		base = true // "that the FDA approve", tagged a present: not "approves"
	}
	for _, k := range t.kids[p] {
		switch t.rel(k) {
		case "aux":
			return false // "suggested that prices would rise"
		case "aux:pass", "cop":
			base = t.w[k].XPOS == "VB" && t.lower(k) == "be"
		}
	}
	return base
}

// urgedAct reports whether gerund p is what an act urged or demanded
// would do: "urged speedy action on removing the tariffs", "called for
// steps toward cutting rates" (an act noun, the object of urge, demand,
// seek, propose or call for, with the gerund after a preposition).
func (t *tree) urgedAct(p int) bool {
	if t.w[p].XPOS != "VBG" {
		return false
	}
	m := t.child(p, "mark", "case")
	if m < 0 || m > p {
		return false
	}
	n := t.head(p)
	if ud.BaseRel(t.rel(p)) == "advcl" && n >= 0 && mandativeVerbs[t.lemma(n)] {
		// "urged speedy action on removing" with the gerund on urged:
		// the act noun, urged's object, right before it
		if o := t.child(n, "obj"); o >= 0 && o == m-1 && urgedNouns[t.lemma(o)] {
			return true
		}
		return false
	}
	if ud.BaseRel(t.rel(p)) != "acl" && ud.BaseRel(t.rel(p)) != "nmod" {
		return false
	}
	if n < 0 || t.w[n].UPOS != "NOUN" || !urgedNouns[t.lemma(n)] {
		return false
	}
	v := t.head(n)
	if v < 0 || t.w[v].UPOS != "VERB" {
		return false
	}
	r := ud.BaseRel(t.rel(n))
	return r == "obj" && (mandativeVerbs[t.lemma(v)] || t.lemma(v) == "seek") ||
		r == "obl" && t.lemma(v) == "call" && t.child(n, "case") >= 0 && t.lower(t.child(n, "case")) == "for"
}

// timeWords, besides dateWords, own a report only as its time: "Monday's
// report", "last week's report".
var timeWords = set("week", "month", "year", "weekend")

// urgedNouns are acts one urges: "action on", "steps toward", "measures for".
var urgedNouns = set("action", "actions", "step", "steps", "measure", "measures", "move", "moves", "effort", "efforts")

// hedges are adverbs that make what a clause says a likelihood: "probably
// voted", "reportedly bought".
var hedges = set("probably", "possibly", "perhaps", "maybe", "reportedly", "allegedly", "apparently",
	"presumably", "supposedly", "likely", "conceivably")

// factuality sets the negation, modality and speaker of p's clause from
// its own dependents and those of the clauses above it.
func (t *tree) factuality(p int, c *clause) {
	for _, k := range t.kids[p] {
		switch t.rel(k) {
		case "advmod", "neg", "advmod:neg":
			if negations[t.lower(k)] || t.lemma(k) == "not" || noLonger(t, k) {
				c.neg = true
				c.toks = append(c.toks, k)
			}
		case "aux":
			if md, ok := modals[t.lower(k)]; ok && c.modality == "" {
				c.modality = md
			}
			if t.lower(k) == "cannot" {
				// one word: "Sofar cannot be extradited", can not
				c.neg = true
				if c.modality == "" {
					c.modality = "can"
				}
			}
			if t.w[k].XPOS == "MD" || t.lemma(k) == "have" || t.lemma(k) == "be" || t.lemma(k) == "do" {
				c.toks = append(c.toks, k)
			}
		}
	}
	if c.modality == "" {
		// "the FOMC probably voted no policy change": a guess, not a fact
		for _, k := range t.children(p, "advmod") {
			if hedges[t.lower(k)] {
				c.modality = t.lower(k)
				break
			}
		}
	}
	if c.modality == "" && t.mandative(p) {
		c.modality = "should" // "recommended that the FDA approve Rogaine": not approved
	}
	if c.modality == "" && t.urgedAct(p) {
		c.modality = "should" // "urged speedy action on removing the tariffs": not removed
	}
	if m := t.child(p, "mark", "case"); m >= 0 && m < p && t.lower(m) == "without" && t.w[p].UPOS == "VERB" {
		c.neg = true // "said without providing details": no details provided
	}
	if c.modality != "" && c.modality != "to" {
		_, e := t.span(p)
		for x := p + 1; x+1 < e; x++ {
			if t.lower(x) == "subject" && t.lower(x+1) == "to" && t.predicateOf(x) == p {
				// "will change its name to Ausimont NV on May 6, subject
				// to shareholder approval": what will be, if approved
				c.modality = "if"
			}
		}
	}
	for _, k := range t.kids[p] {
		if r := ud.BaseRel(t.rel(k)); r != "advcl" && r != "obl" && r != "csubj" || k > p {
			continue
		}
		a, _ := t.span(k)
		if w := t.lower(a); conditionWords[w] && t.w[a].XPOS == "VBG" && a != p ||
			(w == "in" && a+1 < len(t.w) && (t.lower(a+1) == "case" || t.lower(a+1) == "event") && a+2 < len(t.w) && t.lower(a+2) == "of") {
			// "Assuming the plan is approved, Acme would seek …", "in
			// case of a competing offer, it had the right to match it"
			c.modality = "if"
		}
	}
	for _, k := range t.children(p, "advcl") {
		if m := t.child(k, "mark"); m >= 0 && condition(t, m) && t.lower(m) != "whether" {
			// "First Financial would not pursue the offer if Comdata's
			// board rejected it": as conditional as the clause of "if"
			c.modality = "if"
		}
	}
	if m := t.child(p, "mark"); m >= 0 && t.rel(p) == "advcl" && futureMarks[t.lower(m)] && c.modality == "" &&
		(t.w[p].XPOS == "VBZ" || t.w[p].XPOS == "VBP" || t.w[p].XPOS == "VBD") && t.child(p, "aux") < 0 {
		// "should implement the agreement before Turkey becomes a
		// member": the present of a time to come, as sure as the clause
		// it depends on; in reported speech its past ("would drop the
		// tariffs once Japan began fulfilling the agreement")
		if md := t.child(t.head(p), "aux"); md >= 0 && t.w[md].XPOS == "MD" && (t.w[p].XPOS != "VBD" || pastModals[t.lower(md)]) {
			c.modality = modals[t.lower(md)]
		} else if hasMarkTo(t.w, t.head(p)) && t.w[p].XPOS != "VBD" {
			c.modality = "to"
		}
	}
	if m := t.child(p, "mark"); m >= 0 && t.rel(p) == "advcl" && t.w[p].XPOS == "VBG" && c.modality == "" && t.head(p) >= 0 {
		switch t.lower(m) {
		case "in", "by", "through":
			// "can assist in maintaining the rate": as sure as assisting;
			// "called on Acme to help by awarding contracts": to award
			if md := t.child(t.head(p), "aux"); md >= 0 && t.w[md].XPOS == "MD" {
				c.modality = modals[t.lower(md)]
			} else if h := t.head(p); hasMarkTo(t.w, h) && (t.rel(h) == "xcomp" || t.head(h) >= 0 && t.oblController(t.head(h), h) >= 0) {
				c.modality = "to" // (not a purpose: "did its part to improve trade by cutting rates" cut them)
			}
		}
	}
	if m := t.child(p, "mark", "case"); m >= 0 && m < p && t.lower(m) == "against" && t.w[p].XPOS == "VBG" &&
		t.head(p) >= 0 && t.w[t.head(p)].UPOS == "VERB" {
		// "warned Tehran against using the missiles", "advised
		// against selling": what is warned against is not done
		c.moot = true
	}
	if g := t.preventer(p); g >= 0 {
		if gc := t.clause(g); gc.neg || gc.modality != "" || gc.moot || !t.finite(g) {
			// "can not seek an injunction to block Acme from presenting
			// a plan", "measures aimed at preventing Acme from selling":
			// neither done nor stopped
			c.moot = true
		} else {
			c.neg = !c.neg // "the court barred Acme from selling": not sold
		}
	}
	if by, ok := t.allegation(p); ok {
		// "Australia accused the U.S. of increasing protectionism": what
		// Australia alleges, no fact; "Smith was charged with making false
		// statements": alleged, by whoever charged him
		c.modality = "alleged"
		if c.speaker == nil && by != nil {
			c.speaker = by
		}
	}
	if g := t.head(p); g >= 0 && t.rel(p) == "acl" {
		if failNouns[t.lemma(g)] || failNouns[t.lower(g)] {
			if m := t.child(p, "mark"); m >= 0 && t.lower(m) == "to" {
				c.neg = true // "its inability to maintain financial ratios"
			}
		}
		if det := t.child(g, "det"); det >= 0 && t.lower(det) == "no" {
			c.neg = true // "has no plans to sell"
		}
		if t.controlGerund(p) && c.modality == "" {
			c.modality = "to" // "has no intention of selling": as "no plans to sell"
		}
	}
	// conditions and speakers, walking up the clauses
	inner := false // climbed out of a noun phrase: look for the speaker only
	var me *arg    // "I think X," he said: I, should no one say the quote
	defer func() {
		if c.speaker == nil && me != nil {
			c.speaker = me
		}
	}()
	for i, steps := p, 0; steps < 12; steps++ {
		if g := t.head(i); g >= 0 && t.rel(i) == "conj" && !inner && t.negated(g) && !t.negated(i) && t.child(i, "nsubj", "nsubj:pass") < 0 {
			if cc := t.child(i, "cc"); cc >= 0 && (t.lower(cc) == "or" || t.lower(cc) == "nor") {
				// "agreed not to acquire or seek to acquire Citadel",
				// "did not buy or sell": neither, the "or" under the "not"
				c.neg = true
			}
		}
		if (c.modality == "" || i == p) && !inner && slices.ContainsFunc(t.children(i, "mark"), func(m int) bool { return condition(t, m) }) {
			// its own "if" or "whether" before its "would", also after
			// another mark: "declined to comment on whether Reagan would
			// reappoint Volcker"
			c.modality = "if"
		}
		if t.question(i) {
			// "Asked by reporters if Acme should stay independent, Smith
			// replied …": a question, neither said nor denied
			c.moot = true
		}
		for _, k := range t.kids[i] {
			// "…, Lavrov said"; "according to Lavrov"
			if t.rel(k) == "parataxis" && speechVerbs[t.lemma(k)] && c.speaker == nil && !t.saysOwn(k) {
				if s := t.child(k, "nsubj"); s >= 0 {
					c.speaker = t.resolve(t.arg(s))
				}
			}
			if ud.BaseRel(t.rel(k)) == "obl" && c.speaker == nil && !under(t.w, p, k) {
				// (not for what the phrase itself says: "according to
				// figures published by the agency")
				if cs := t.child(k, "case"); cs >= 0 && t.lower(cs) == "according" && !termsNouns[t.lemma(k)] {
					c.speaker = t.arg(k)
				}
			}
		}
		if c.speaker == nil {
			// "had sought to raise its quota to 3.0 mln from 2.45 mln
			// bags, according to sources close to the CMB", the phrase
			// hung on a noun of the clause: still the clause's source
			for x := range t.w {
				if cs := t.child(x, "case"); cs >= 0 && t.lower(cs) == "according" && ud.BaseRel(t.rel(x)) == "nmod" && t.predicateOf(x) == i && t.arg(x) != nil && !under(t.w, p, x) && !termsNouns[t.lemma(x)] {
					c.speaker = t.arg(x)
					break
				}
			}
		}
		if i != p && c.modality != "alleged" {
			if by, ok := t.allegation(i); ok {
				// "charging the board with breaching its duty by failing
				// to take steps": failing is alleged too
				c.modality = "alleged"
				if c.speaker == nil && by != nil {
					c.speaker = by
				}
			}
		}
		g := t.head(i)
		if g < 0 {
			return
		}
		r := t.rel(i)
		// "Garcia said his government had been a model because Peru had
		// enjoyed growth", with the because clause on said: a reason
		// given within what is said, after it
		reason := r == "advcl" && g < i && t.child(i, "nsubj", "nsubj:pass") >= 0 && reasonMarks[t.lower(max(t.child(i, "mark"), 0))] &&
			t.child(i, "mark") >= 0 && slices.ContainsFunc(t.children(g, "ccomp"), func(x int) bool { return x < i })
		switch {
		case (r == "ccomp" || r == "parataxis" || r == "obj" && inner || reason ||
			r == "advcl" && g > i && t.child(i, "mark") < 0 && t.child(i, "nsubj", "nsubj:pass") >= 0) && speechVerbs[t.lemma(g)] && t.isPredicate(g),
			r == "ccomp" && agreeVerbs[t.lemma(g)] && t.isPredicate(g):
			// (a finite clause before ", he added" the parser made an
			// adverbial clause of added: what is said)
			// (an object with a clause inside: "said the Acme plans to
			// buy Widget", plans parsed as a noun)
			// "Lavrov said (that) X": said by Lavrov; "denied that X": not X
			if ss := t.subjects(g); c.speaker == nil && len(ss) > 0 && t.impersonal(g, ss[0]) {
				// "it is understood that X", "it is believed that X":
				// nobody said it, X is reported
				if c.modality == "" && !inner {
					c.modality = "reportedly"
				}
			} else if c.speaker == nil {
				if ss := t.subjects(g); len(ss) > 0 {
					c.speaker = ss[0]
					if ks := t.subjectWords(g); len(ks) > 1 && t.arg(ks[len(ks)-1]) != nil && t.rel(ks[len(ks)-1]) == "nsubj" {
						// two subjects, a broken parse: the one next to
						// the verb ("New York, Oct 20 - Texaco Inc said"),
						// unless it goes on the phrase of the one before
						// ("analyst Rick Martin of Sanford C. Bernstein Co
						// Inc said": Martin)
						_, fe := t.span(ks[0])
						if ls, _ := t.span(ks[len(ks)-1]); ls > fe {
							c.speaker = t.arg(ks[len(ks)-1])
						}
					}
					if ks := t.subjectWords(g); len(ks) > 0 && quantifiers[t.lower(ks[0])] {
						// "All of the economists agreed that X": the
						// economists, not "all"
						for _, k := range t.kids[ks[0]] {
							if cs := t.child(k, "case"); t.rel(k) == "nmod" && cs >= 0 && t.lower(cs) == "of" && t.arg(k) != nil {
								c.speaker = t.arg(k)
								break
							}
						}
					}
				}
			}
			if (denyVerbs[t.lemma(g)] || t.negated(g)) && !inner && !asked(t, i) && !reason {
				// "denied that X", "did not expect that X": not X; but
				// "did not say whether X" leaves X open (modality if)
				c.neg = !c.neg
			}
			if md := t.child(g, "aux"); md >= 0 && t.w[md].XPOS == "MD" && c.modality == "" && !inner {
				c.modality = modals[t.lower(md)]
			}
			if sp := c.speaker; sp != nil && sp.pronoun && sp.ref == nil && sp.hs < len(t.w) && (t.lower(sp.hs) == "i" || t.lower(sp.hs) == "we") && !inner && me == nil {
				// "\"I think American Express will not sell,\" said Perrin
				// Long": what Long thinks; the quote's speaker, above
				me, c.speaker = sp, nil
				i = g
				continue
			}
			if sp := c.speaker; sp != nil && sp.pronoun && sp.ref == nil && !sp.named() && me == nil && !inner && t.reportedBy(g) {
				// "The agency said it believes X will …": the pronoun
				// nobody was found for believes as the one who says so;
				// that one is the speaker, the pronoun only where none is
				me, c.speaker = sp, nil
				i = g
				continue
			}
			if c.speaker == nil && !inner && len(t.subjects(g)) == 0 && t.reportedBy(g) {
				// "the agency said it believes that X", the it taken for
				// an expletive: believed by whoever says so
				i = g
				continue
			}
			return
		case (r == "acl" || r == "ccomp" || r == "acl:relcl" && t.child(i, "mark") >= 0) && reportNouns[t.lemma(g)]:
			// "charges that X": said by whoever charges; "denied charges
			// that X": not X
			for _, a := range t.children(g, "acl") {
				// "statements made today by a congressman that X": the
				// congressman's, not the one who declined to confirm them
				if ag := t.child(a, "obl:agent"); ag >= 0 && a < i && t.w[a].XPOS == "VBN" && c.speaker == nil && t.arg(ag) != nil {
					c.speaker = t.arg(ag)
				}
			}
			if poss := t.child(g, "nmod:poss"); poss >= 0 && c.speaker == nil && !timeWords[t.lower(poss)] && !dateWords[t.lower(poss)] {
				c.speaker = t.resolve(t.arg(poss)) // (not "Monday's report that X": when, not who)
			}
			if gv := t.head(g); gv >= 0 && t.isPredicate(gv) {
				if ss := t.subjects(gv); len(ss) > 0 && c.speaker == nil && t.rel(g) != "nsubj" {
					c.speaker = ss[0]
				}
				if (denyVerbs[t.lemma(gv)] || t.negated(gv)) && !inner {
					c.neg = !c.neg
				}
			}
			if c.speaker == nil && t.w[g].UPOS == "NOUN" && t.lemma(g) != "charge" {
				// "Rumors circulated on Wall Street that Continental would
				// join …": the rumours say it
				c.speaker = t.arg(g)
			}
			return
		case r == "ccomp" && t.isPredicate(g) && t.child(g, "nsubj") >= 0 && reportNouns[t.lemma(t.child(g, "nsubj"))] && t.w[t.child(g, "nsubj")].UPOS == "NOUN":
			// "reports circulated that X", "speculation grew that X"
			if c.speaker == nil {
				c.speaker = t.arg(t.child(g, "nsubj"))
			}
			return
		case r == "ccomp" && denyVerbs[t.lemma(g)]:
			if !inner {
				c.neg = !c.neg
			}
			i = g
		case (r == "xcomp" || r == "advcl" && hasMarkTo(t.w, i)) && speechVerbs[t.lemma(g)] && raisingVerbs[t.lemma(g)] && t.child(g, "obj") >= 0 && t.child(g, "obj") < i:
			// "Analysts expect Foothill to record earnings": what the
			// analysts expect
			if ss := t.subjects(g); c.speaker == nil && len(ss) > 0 && t.impersonal(g, ss[0]) {
				// "it is understood that X", "it is believed that X":
				// nobody said it, X is reported
				if c.modality == "" && !inner {
					c.modality = "reportedly"
				}
			} else if c.speaker == nil {
				if ss := t.subjects(g); len(ss) > 0 {
					c.speaker = ss[0]
				}
			}
			i = g
		case (r == "ccomp" || r == "csubj") && !inner && t.copular(g) && likelyAdjectives[t.lemma(g)] && g < i:
			// "it is highly unlikely that Acme will sell X": no fact, as
			// likely as the adjective says
			c.modality = t.lemma(g)
			if t.negated(g) {
				c.modality = "unlikely" // (not likely; "not unlikely" is rare)
			}
			i = g
		case r == "conj" || r == "xcomp" || r == "advcl" || r == "ccomp":
			i = g
		case c.speaker == nil && (ud.BaseRel(r) == "acl" || ud.BaseRel(r) == "nsubj" || r == "obj" || ud.BaseRel(r) == "obl" || ud.BaseRel(r) == "nmod"):
			// "Conable said he believed Brazil's decision to suspend
			// payments is temporary": a clause inside a noun phrase of
			// reported speech is reported too, but the condition or
			// negation around it is not its own
			i, inner = g, true
		default:
			return
		}
	}
}

// allegation reports whether clause p (or the clause it is a conjunct
// of) is a gerund that a verb of accusing or a noun of charges governs
// with "of", "with" or "for", and who makes the allegation: the verb's
// subject, or its agent in the passive, or the noun's owner ("the SEC's
// charges of fraud"); nil when the text does not say.
func (t *tree) allegation(p int) (*arg, bool) {
	q := p
	if t.rel(q) == "conj" && t.head(q) >= 0 && t.child(q, "mark", "case") < 0 {
		q = t.head(q) // "accused Acme of dumping chips and evading duties"
	}
	m := t.child(q, "mark", "case")
	if m < 0 || m > q || t.w[q].XPOS != "VBG" {
		return nil, false
	}
	switch t.lower(m) {
	case "of", "with", "for":
	default:
		return nil, false
	}
	g := t.head(q)
	if g < 0 {
		return nil, false
	}
	if n := t.w[g].UPOS; n == "NOUN" || n == "PROPN" {
		if accuseNouns[t.lemma(g)] || accuseNouns[strings.TrimSuffix(t.lower(g), "s")] {
			if poss := t.child(g, "nmod:poss"); poss >= 0 {
				return t.resolve(t.arg(poss)), true
			}
			for _, k := range t.children(g, "nmod") {
				if cs := t.child(k, "case"); cs >= 0 && t.lower(cs) == "by" && t.arg(k) != nil {
					return t.arg(k), true
				}
			}
			return nil, true
		}
		if t.rel(g) != "obj" && t.rel(g) != "nsubj:pass" {
			return nil, false
		}
		g = t.head(g) // "accused the U.S. of increasing", "of" hung on the object
		if g < 0 {
			return nil, false
		}
	} else if t.rel(q) != "advcl" && t.rel(q) != "acl" && ud.BaseRel(t.rel(q)) != "obl" {
		return nil, false
	}
	if !accuseVerbs[t.lemma(g)] || !t.isPredicate(g) {
		return nil, false
	}
	if t.child(g, "nsubj:pass", "aux:pass") >= 0 {
		if a := t.agent(g); a >= 0 {
			return t.arg(a), true
		}
		return nil, true
	}
	if ss := t.subjects(g); len(ss) > 0 {
		return ss[0], true
	}
	return nil, true
}

// predicateOf returns the nearest predicate above word x, or -1.
func (t *tree) predicateOf(x int) int {
	for i, n := t.head(x), 0; i >= 0 && n < len(t.w); i, n = t.head(i), n+1 {
		if t.isPredicate(i) {
			return i
		}
	}
	return -1
}

// asked reports whether clause i is an indirect question: "whether it
// would buy", "if it would buy".
func asked(t *tree, i int) bool {
	m := t.child(i, "mark")
	return m >= 0 && (t.lower(m) == "whether" || t.lower(m) == "if")
}

// question reports whether clause i is a question someone asks: a
// "whether" or "if" clause of a verb of asking ("asked whether Acme would
// sell"), or one the parser hung beside the participle that asks it, on
// the main verb ("Asked by reporters whether Acme would sell, Smith
// said …", "Questioned on whether Acme might cut jobs, he declined").
func (t *tree) question(i int) bool {
	g := t.head(i)
	whether := false
	for _, m := range t.children(i, "mark") {
		whether = whether || t.lower(m) == "whether" || t.lower(m) == "if" // ("on whether": two marks)
	}
	if g < 0 || !whether {
		return false
	}
	if questionVerbs[t.lemma(g)] || t.lemma(g) == "question" {
		return true
	}
	a, _ := t.span(i)
	for _, k := range t.children(g, "advcl") {
		if _, e := t.span(k); k < i && e <= a && questionVerbs[t.lemma(k)] && t.w[k].XPOS == "VBN" && t.child(k, "mark", "nsubj", "nsubj:pass") < 0 {
			if e == a || e+1 == a && t.w[e].UPOS == "PUNCT" {
				return true
			}
			ok := true
			for x := e; x < a; x++ {
				if t.head(x) != k && !under(t.w, x, k) {
					ok = false
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// preventer returns the verb that stops gerund p with "from": "barred
// Acme from selling" (from selling on barred, or on Acme, its object),
// "was prevented from taking"; else -1.
func (t *tree) preventer(p int) int {
	m := t.child(p, "mark", "case")
	if m < 0 || m > p || t.lower(m) != "from" || t.w[p].XPOS != "VBG" {
		return -1
	}
	g := t.head(p)
	if g >= 0 && (t.w[g].UPOS == "NOUN" || t.w[g].UPOS == "PROPN" || t.w[g].UPOS == "PRON") && t.rel(g) == "obj" {
		g = t.head(g)
	}
	if g < 0 || !preventVerbs[t.lemma(g)] || t.w[g].UPOS != "VERB" {
		return -1
	}
	return g
}

// finite reports whether verb p has a tense of its own: "barred", "bars",
// "was barred", "has barred"; not "to bar", "barring".
func (t *tree) finite(p int) bool {
	switch t.w[p].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	case "VBN":
		return t.child(p, "aux", "aux:pass") >= 0
	}
	return false
}

// saysOwn reports whether speech verb k, a parataxis, is a clause of its
// own that says something else, not the speaker of the clause it hangs
// on: "Acme will sell X from Friday, and Widget officials say a rival
// will be out by June" (its "and", its own clause said).
func (t *tree) saysOwn(k int) bool {
	if cc := t.child(k, "cc"); cc >= 0 && cc < k {
		return true
	}
	x := t.child(k, "ccomp")
	if x < k {
		return false
	}
	// its clause right after it ("officials say a model will be out",
	// "say that"), not one after a comma ("the spokesman said, adding
	// the price was fair", adding's clause hung on said)
	a, _ := t.span(x)
	for a < x && t.w[a].UPOS == "PUNCT" {
		a++ // (the comma before "adding" is in its span)
	}
	for y := k + 1; y < a; y++ {
		if t.lower(y) != "that" {
			return false
		}
	}
	return true
}

// noLonger reports whether advmod k is "no longer" or "any longer" after
// "not": "no longer believes".
func noLonger(t *tree, k int) bool {
	if t.lower(k) != "longer" {
		return false
	}
	d := t.child(k, "advmod", "det")
	return d >= 0 && t.lower(d) == "no" || k > 0 && t.lower(k-1) == "no"
}

// negated reports whether predicate p has a negation of its own.
func (t *tree) negated(p int) bool {
	for _, k := range t.kids[p] {
		switch t.rel(k) {
		case "aux":
			if t.lower(k) == "cannot" {
				return true
			}
		case "advmod", "neg", "advmod:neg":
			if negations[t.lower(k)] || t.lemma(k) == "not" || noLonger(t, k) {
				return true
			}
		}
	}
	return false
}

// condition reports whether mark m opens a condition: "if", "unless",
// "whether", "provided that", "so long as", "in the event that", "on
// condition that".
func condition(t *tree, m int) bool {
	switch t.lower(m) {
	case "if", "unless", "whether", "provided", "providing":
		return true
	case "that", "as":
		if m > 0 {
			switch t.lower(m - 1) {
			case "provided", "providing", "long", "event":
				return true
			case "condition":
				return t.lower(m) == "that" // "on condition that Iran stop attacking"
			}
		}
	}
	return false
}

// impersonal reports whether a, the subject of the speech verb g, is the
// "it" of a passive that names no speaker: "it is understood that".
func (t *tree) impersonal(g int, a *arg) bool {
	return a != nil && a.pronoun && a.hs < len(t.w) && t.lower(a.hs) == "it" && t.child(g, "aux:pass") >= 0
}

// termsNouns say what is agreed or laid down, not who says it: "according
// to an agreement in principle, Acme could take a majority stake" is
// Acme's right under the agreement, said by whoever says it.
var termsNouns = set("agreement", "accord", "contract", "deal", "terms", "term", "plan", "proposal", "law",
	"rule", "rules", "regulation", "regulations", "treaty", "pact", "arrangement", "schedule", "formula",
	"charter", "guideline", "guidelines", "provision", "provisions", "timetable", "program", "programme")

// agreeVerbs report what their subject holds, as speech verbs do, of a
// clause agreed with: "All the economists agreed that the committee will
// leave policy unchanged" is the economists' (it was a plain fact); they
// are no speech verbs otherwise ("agreed with X to write off").
var agreeVerbs = set("agree", "concur")

// reportedBy reports whether clause g is itself said by a subject that is
// no pronoun: "the agency said (it believes …)", "…, analysts said".
func (t *tree) reportedBy(g int) bool {
	h := t.head(g)
	if h < 0 || t.rel(g) != "ccomp" && t.rel(g) != "parataxis" || !speechVerbs[t.lemma(h)] || !t.isPredicate(h) {
		return false
	}
	for _, k := range t.subjectWords(h) {
		if t.w[k].UPOS != "PRON" {
			return true
		}
	}
	return false
}
