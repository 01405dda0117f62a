package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// tripleString is a short form of a triple for tests:
// "Subject -relation-> Object [neg] [modality] [by speaker]".
// checkTriples extracts text and reports each triple of want it lacks and
// each of not it has, written as tripleString writes them.
func checkTriples(t *testing.T, ex *Extractor, text string, want, not []string) {
	t.Helper()
	doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	var all []string
	for _, tr := range doc.Triples {
		got[tripleString(tr)] = true
		all = append(all, tripleString(tr))
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("Extract(%q) lacks %q; got:\n  %s", text, w, strings.Join(all, "\n  "))
		}
	}
	for _, n := range not {
		if got[n] {
			t.Errorf("Extract(%q) has %q", text, n)
		}
	}
}

func tripleString(t graph.Triple) string {
	s := fmt.Sprintf("%s -%s-> %s", t.Subject, t.Relation, t.Object)
	if t.Negated {
		s += " neg"
	}
	if t.Modality != "" {
		s += " " + t.Modality
	}
	if t.AttributedTo != "" {
		s += " by " + t.AttributedTo
	}
	return s
}

// TestExtractRules runs the pattern extractor's rules on both extractors
// (the relation stage, concept-to-concept triples included). treeDiffers
// lists the cases where the tree extractor gives another answer, and why.
func TestExtractRules(t *testing.T) {
	for _, name := range Extractors {
		t.Run(name, func(t *testing.T) {
			ex, err := New(Options{Extractor: name, Concepts: true})
			if err != nil {
				t.Fatal(err)
			}
			extractRules(t, ex, name)
		})
	}
}

// treeDiffers are the rule cases the tree extractor answers otherwise.
var treeDiffers = map[string]string{
	// it attributes what the traders said to them, as it should
	"speakers after an object are not objects": "rumours -shore up-> stock by traders",
	// a parser error: the sentence rooted on "storm", "the ferries closed
	// the port" a clause of "delayed"
	"relative clause on a prepositional phrase": "ferries -close-> port",
	// a failure to do something denies it: Poland did not ratify (a fact, no "to")
	"infinitive after a possessed noun is the possessor's": "Poland -ratify-> charter neg",
}

func extractRules(t *testing.T, ex *Extractor, name string) {
	tests := []struct {
		name string
		text string
		want []string // triples that must be extracted
		not  []string // triples that must not
	}{
		{"simple verb, lemma", "Rex Tillerson met Vladimir Putin in Moscow.",
			[]string{"Rex Tillerson -meet-> Vladimir Putin"}, nil},
		{"title stripped", "U.S. Secretary of State Rex Tillerson visited Moscow.",
			[]string{"Rex Tillerson -visit-> Moscow"}, []string{"U.S. Secretary of State Rex Tillerson -visit-> Moscow"}},
		{"short name linked in document", "Finnish Foreign Minister Aino Kestilä arrived on Monday. Kestilä criticised the plan.",
			[]string{"Aino Kestilä -criticise-> plan"}, nil},
		{"verb with preposition", "Tillerson talked to Lavrov for three hours.",
			[]string{"Tillerson -talk to-> Lavrov"}, nil},
		{"passive with agent", "The charter was signed by Aino Kestilä in Tallinn.",
			[]string{"Aino Kestilä -sign-> charter"}, []string{"charter -sign-> Aino Kestilä"}},
		{"negation", "Saarepuu did not meet Anna Brenner.",
			[]string{"Saarepuu -meet-> Anna Brenner neg"}, nil},
		{"modality", "Poland could block the treaty.",
			[]string{"Poland -block-> treaty could"}, nil},
		{"coordinated subjects", "Finland and Estonia signed the agreement.",
			[]string{"Finland -sign-> agreement", "Estonia -sign-> agreement"}, nil},
		{"coordinated objects", "Kestilä met Jonas Hovland and Anna Tamm.",
			[]string{"Kestilä -meet-> Jonas Hovland", "Kestilä -meet-> Anna Tamm"}, nil},
		{"reported speech", "Lavrov said that Moscow had rejected the proposal.",
			[]string{"Moscow -reject-> proposal by Lavrov"}, []string{"Lavrov -say-> Moscow"}},
		{"trailing attribution", "Nordhavn Energy acquired the stake, Jonas Hovland said.",
			[]string{"Nordhavn Energy -acquire-> stake by Jonas Hovland"}, nil},
		{"apposition as subject", "Jonas Hovland, the chief executive of Nordhavn Energy, visited Gdansk.",
			[]string{"Jonas Hovland -visit-> Gdansk"}, []string{"Nordhavn Energy -visit-> Gdansk"}},
		{"demonym is not an entity", "Russian officials criticised the strike.",
			nil, []string{"Russian -criticise-> strike"}},
		{"role from a title chain with an owner", "NATO Secretary General Jonas Berg arrived in Riga. NATO said nothing.",
			[]string{"Jonas Berg -secretary general of-> NATO"}, nil},
		{"role from a demonym owner", "Estonia protested. Estonian Prime Minister Liis Kuusik left early.",
			[]string{"Liis Kuusik -prime minister of-> Estonia"}, nil},
		{"role from a possessive", "Kuusik's spokesman Mart Tamm denied the report.",
			[]string{"Mart Tamm -spokesman of-> Kuusik"}, nil},
		{"role from an apposition with of", "Jonas Hovland, the chief executive of Nordhavn Energy, visited Gdansk.",
			[]string{"Jonas Hovland -chief executive of-> Nordhavn Energy"}, nil},
		{"is-a from an apposition", "Anna Tamm, a former rail engineer, visited Riga.",
			[]string{"Anna Tamm -be-> former rail engineer"}, nil},
		{"role from an apposition that names its owner first", "Baltic Rail Co, a Nordhavn Energy unit, raised fares.",
			[]string{"Baltic Rail Co -unit of-> Nordhavn Energy"}, []string{"Baltic Rail Co -be-> nordhavn energy unit"}},
		{"a possessive owner keeps no 's", "Nordhavn Energy's chairman Jonas Berg resigned.",
			[]string{"Jonas Berg -chairman of-> Nordhavn Energy"}, []string{"Jonas Berg -chairman of-> Nordhavn Energy's"}},
		{"a styling title is no role", "Rep. Jonas Berg met Andris Ozols.",
			nil, []string{"Jonas Berg -be-> rep"}},
		{"an honorific is no role", "Mr Kuusik met Andris Ozols.",
			nil, []string{"Kuusik -be-> mr"}},
		{"title-case headline gives no triples", "Haley Says US Ready To Help\n\nThe council met on Monday.",
			nil, []string{"Haley -say-> US"}},
		{"demonym owner from the country data", "Latvian Foreign Minister Andris Ozols arrived in Riga.",
			[]string{"Andris Ozols -foreign minister of-> Latvia"}, nil},
		{"country code owner", "U.S. Trade Representative Ellen Marsh met Kuusik.",
			[]string{"Ellen Marsh -trade representative of-> United States"}, nil},
		{"demonym and initials before a title", "Estonian U.N. Ambassador Mart Kask said the vote failed.",
			[]string{"Mart Kask -ambassador of-> Estonia"}, nil},
		{"no sentence break after initials", "Finland's U.N. Ambassador Mikko Lahti said the vote failed.",
			[]string{"Mikko Lahti -ambassador of-> Finland"}, nil},
		{"apposition of a country", "Latvia, Estonia's closest partner, objected to the plan.",
			[]string{"Latvia -partner of-> Estonia"}, nil},
		{"plural demonym stands for its country", "The Russians rejected the proposal.",
			[]string{"Russia -reject-> proposal"}, []string{"Russians -reject-> proposal"}},
		{"adverbs inside the verb phrase", "Zarembski is also quietly courting Nordhavn Energy.",
			[]string{"Zarembski -court-> Nordhavn Energy"}, nil},
		{"recipient of a speech verb", "Jonas Hovland told Baltic Rail Consortium that the deal was off.",
			[]string{"Jonas Hovland -tell-> Baltic Rail Consortium"}, []string{"Jonas Hovland -tell-> deal"}},
		{"bare noun and preposition join the relation", "Finland increased pressure on Oleksii Dorosh.",
			[]string{"Finland -increase pressure on-> Oleksii Dorosh"}, []string{"Finland -increase-> pressure"}},
		{"a noun with a determiner stays the object", "Finland launched an appeal against the ruling.",
			[]string{"Finland -launch-> appeal"}, nil},
		{"object control", "The vote prompted Anna Brenner to sign the charter.",
			[]string{"Anna Brenner -sign-> charter to"}, []string{"vote -sign-> charter to"}},
		{"purpose clause keeps the subject", "Aino Kestilä travelled to Tallinn to meet Kristjan Saarepuu.",
			[]string{"Aino Kestilä -meet-> Kristjan Saarepuu to"}, []string{"Tallinn -meet-> Kristjan Saarepuu to"}},
		{"infinitive after a noun is unreal and has no subject", "Finland faces pressure to modify its policies.",
			nil, []string{"Finland -modify-> policies", "Finland -modify-> policies to", "pressure -modify-> policies to"}},
		{"infinitive after a possessed noun is the possessor's", "Washington blamed Poland's failure to ratify the charter.",
			[]string{"Poland -ratify-> charter to"}, []string{"Washington -ratify-> charter to"}},
		{"condition", "If Estonia signed the charter, Latvia would follow.",
			[]string{"Estonia -sign-> charter if"}, []string{"Estonia -sign-> charter"}},
		{"in the event that", "In the rare event that the ferry does not sail, Nordline pays.",
			nil, []string{"ferry -sail-> neg"}},
		{"quotes around a verb", "Aino Kestilä said the bank might \"overreact\" to the vote.",
			[]string{"bank -overreact to-> vote might by Aino Kestilä"}, nil},
		{"speakers after an object are not objects", "Rumours shored up the stock, traders and analysts said.",
			[]string{"rumours -shore up-> stock"}, []string{"rumours -shore up-> traders", "rumours -shore up-> analysts"}},
		{"relative clause between subject and verb", "Estonia, which has opposed the plan since talks began in 2019, abstained from the vote.",
			[]string{"Estonia -abstain from-> vote"}, nil},
		{"passive with the agent after a complement", "The ferry contract was awarded to Nordline by Nordhavn Energy.",
			[]string{"Nordhavn Energy -award-> ferry contract", "ferry contract -be awarded to-> Nordline"}, nil},
		{"demonym and government stand for the country", "The Latvian government rejected the offer.",
			[]string{"Latvia -reject-> offer"}, []string{"Latvian government -reject-> offer"}},
		{"a time noun is no head of the clause after it", "Days after Finland and Estonia signed the charter, Poland objected.",
			[]string{"Finland -sign-> charter", "Estonia -sign-> charter"}, []string{"Days -sign-> charter"}},
		{"and before a new clause does not join objects", "Finland signed the charter, and Kestilä praised Estonia.",
			[]string{"Finland -sign-> charter", "Kestilä -praise-> Estonia"}, []string{"Finland -sign-> Kestilä", "charter -praise-> Estonia"}},
		{"relative clause on a prepositional phrase", "The storm in Gdansk that delayed the ferries closed the port.",
			[]string{"storm -delay-> ferries"}, []string{"Gdansk -delay-> ferries"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d, ok := treeDiffers[tt.name]; ok && name == "tree" {
				tt.want, tt.not = []string{d}, nil
			}
			checkTriples(t, ex, tt.text, tt.want, tt.not)
		})
	}
}

// TestExtractEntities checks entity resolution and typing within a
// document: names, the entity each name ends up in, and types.
func TestExtractEntities(t *testing.T) {
	ex := mustExtractor(t)
	tests := []struct {
		name  string
		text  string
		same  [][]string        // names that must be one entity
		apart [][2]string       // names that must be two entities
		types map[string]string // entity name → type
		none  []string          // names that must not be entities
	}{
		{name: "country variants are one node",
			text:  "The U.S. and Latvia met. The United States of America said USA forces stayed. The US agreed.",
			same:  [][]string{{"United States", "U.S.", "United States of America", "USA", "US"}},
			types: map[string]string{"United States": graph.Place}},
		{name: "official name and common name",
			text: "Russia objected. The Russian Federation said it would not sign.",
			same: [][]string{{"Russia", "Russian Federation"}}},
		{name: "United States is not United Nations",
			text:  "The United States and the United Nations disagreed. The United Nations voted.",
			apart: [][2]string{{"United States", "United Nations"}}},
		{name: "demonyms are never nodes",
			text: "Russian officials met Syrian diplomats. A French proposal failed.",
			none: []string{"Russian", "Syrian", "French"}},
		{name: "surname with a glued particle",
			text: "Foreign Minister Khalid al-Mansour arrived in Riga. Mansour met Anna Tamm.",
			same: [][]string{{"Khalid al-Mansour", "Mansour"}}},
		{name: "a place is not the surname of a phrase around a name",
			text:  "Unemployment may rise to 3.5 pct, senior economists, including Susumu Taketomi of Industrial Bank of Japan, said. Japan's exports fell.",
			apart: [][2]string{{"Japan", "Susumu Taketomi of Industrial Bank of Japan"}}},
		{name: "same first name, two people",
			text:  "Khalid al-Mansour met Khalid Hamdan in Riga. Mansour left first.",
			apart: [][2]string{{"Khalid al-Mansour", "Khalid Hamdan"}}},
		{name: "same surname, two people: the short name stays apart",
			text:  "Anna Tamm met Mart Tamm in Tallinn. Tamm said little.",
			apart: [][2]string{{"Anna Tamm", "Mart Tamm"}}},
		{name: "a leader's name before administration is a person",
			text:  "The Saarepuu administration approved the plan.",
			types: map[string]string{"Saarepuu": graph.Person}},
		{name: "an acronym that is not a country is an organisation",
			text:  "NATO warned Moscow. The NATO summit ended.",
			types: map[string]string{"NATO": graph.Org, "Moscow": graph.Place}},
		{name: "section label is not an entity",
			text: "Tamm met Hovland in Riga.\n\nLatest News\n",
			none: []string{"Latest News", "Latest"}},
		{name: "title-case fragment is not an entity",
			text: "Kestila Pushes Charter\n\nAino Kestila met Anna Tamm.",
			none: []string{"Kestila Pushes", "Kestila Pushes Charter", "Pushes"}},
		{name: "title without a name is not an entity",
			text: "The US Secretary arrived. Estonian Prime Minister Liis Kuusik met him.",
			none: []string{"US Secretary", "Secretary", "Estonian Prime Minister"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			owner := map[string]*graph.Entity{} // folded alias → entity
			for i := range doc.Entities {
				e := &doc.Entities[i]
				for _, a := range append([]string{e.Name}, e.Aliases...) {
					owner[graph.Fold(a)] = e
				}
			}
			list := func() string {
				var b strings.Builder
				for _, e := range doc.Entities {
					fmt.Fprintf(&b, "\n  %s (%s) %q", e.Name, e.Type, e.Aliases)
				}
				return b.String()
			}
			for _, group := range tt.same {
				first := owner[graph.Fold(group[0])]
				for _, n := range group {
					if e := owner[graph.Fold(n)]; e == nil || e != first {
						t.Errorf("%q and %q are not one entity; entities:%s", group[0], n, list())
					}
				}
			}
			for _, p := range tt.apart {
				a, b := owner[graph.Fold(p[0])], owner[graph.Fold(p[1])]
				if a == nil && b == nil || a == b {
					t.Errorf("%q and %q are not two entities; entities:%s", p[0], p[1], list())
				}
			}
			for n, typ := range tt.types {
				if e := owner[graph.Fold(n)]; e == nil || e.Type != typ {
					t.Errorf("%q is not a %s; entities:%s", n, typ, list())
				}
			}
			for _, n := range tt.none {
				if e := owner[graph.Fold(n)]; e != nil {
					t.Errorf("%q is an entity (%s); entities:%s", n, e.Name, list())
				}
			}
		})
	}
}

func TestExtractProvenance(t *testing.T) {
	ex := mustExtractor(t)
	text := "Talks Resume\n\nAnna Tamm met Jonas Hovland in Riga. Later, Tamm visited Tallinn.\r\n"
	doc, err := ex.Extract(context.Background(), Input{ID: "doc-1", Title: "", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if doc.ID != "doc-1" || doc.Hash != Hash(Text(Input{Text: text})) || doc.Title != "Talks Resume" {
		t.Errorf("Extract: id %q hash %q title %q", doc.ID, doc.Hash, doc.Title)
	}
	norm := Text(Input{Text: text})
	if len(doc.Triples) == 0 {
		t.Fatal("Extract found no triples")
	}
	for _, tr := range doc.Triples {
		ev := tr.Evidence[0]
		if norm[ev.Start:ev.End] != ev.Text {
			t.Errorf("evidence offsets [%d,%d) = %q, want %q", ev.Start, ev.End, norm[ev.Start:ev.End], ev.Text)
		}
		for _, part := range []string{tr.SubjectText, tr.RelationText, tr.ObjectText} {
			if !strings.Contains(ev.Text, part) {
				t.Errorf("surface %q not in sentence %q", part, ev.Text)
			}
		}
		if tr.Confidence <= 0 || tr.Confidence > 1 {
			t.Errorf("confidence %v out of (0,1]", tr.Confidence)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	ex := mustExtractor(t)
	for _, text := range []string{"", "   \n\n", "\xff\xfe bad", strings.Repeat("word ", 5000), "!!! ??? ...", "a"} {
		doc, err := ex.Extract(context.Background(), Input{ID: "x", Text: text})
		if err == nil && doc.Hash == "" {
			t.Errorf("Extract(%.20q) returned no hash", text)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ex.Extract(ctx, Input{ID: "x", Text: "Putin met Trump."}); err == nil {
		t.Error("Extract with a cancelled context succeeded")
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		in   Input
		want string
	}{
		{Input{Text: "\uFEFFa\r\nb"}, "a\nb"},
		{Input{Title: "Head", Text: "Body."}, "Head\n\nBody."},
		{Input{Title: "Head", Text: "Head\n\nBody."}, "Head\n\nBody."},
		{Input{Title: "Head", Text: "Body.\n\n \t"}, "Head\n\nBody."}, // a file's final newline
		{Input{Text: "Head\r\n\r\nBody.\r\n"}, "Head\n\nBody."},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTableLine(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Shr 1.15 dlrs vs 1.10 dlrs", true},
		{"Net 5.5 mln vs 4.1 mln", true},
		{"Revs 100.2 mln vs 90.1 mln", true},
		{"Shr one dlr vs 73 cts", true},
		{"Avg shrs 47.2 mln", true},
		{"Nine mths", false},
		{"Acme earned 5.5 mln dlrs in 1986, against 4.1 mln.", false},
		{"GTE Corp said its net fell to 1.2 billion dlrs.", false},
		{"Yankees vs Red Sox", false},
		{"KELVIA 57 38 TARVO 66 29 HOLMBY 50 44 t NORTHBY 51 41 t SOUTH TARVO 67 36 WESTBY 53 44 t ASHBY 69 n/a LAKEBY 59 38.", true},
		{"Output rose to 1.2 mln tonnes in 1986 from 1.1 mln in 1985, 0.9 mln in 1984, 0.8 mln in 1983 and 0.7 mln in 1982, the ministry of Kelvia said in its annual report on the mining industry today.", false},
	} {
		if got := tableLine(c.text); got != c.want {
			t.Errorf("tableLine(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestKept(t *testing.T) {
	for _, c := range []struct {
		s, o string
		conf float64
		want bool
	}{
		{graph.Org, graph.Concept, 0.4, true},
		{graph.Org, graph.Concept, 0.15, false},
		{graph.Concept, graph.Person, 0.4, false},
		{graph.Concept, graph.Concept, 0.4, false},
		{graph.Org, Amount, 0.6, false},
	} {
		if got := Kept(graph.Triple{SubjectType: c.s, ObjectType: c.o, Confidence: c.conf}); got != c.want {
			t.Errorf("Kept(%s, %s) = %v, want %v", c.s, c.o, got, c.want)
		}
	}
}

// TestVagueObject: a plain object that says nothing on its own stays out
// of the graph; one with words of its own, or a name, stays in.
func TestVagueObject(t *testing.T) {
	for _, c := range []struct {
		rel, obj, otyp string
		want           bool
	}{
		{"be", "premier", graph.Concept, true},
		{"be", "former oil executive", graph.Concept, false},
		{"have", "sales", graph.Concept, true},
		{"decline", "comment", graph.Concept, true},
		{"amend", "offer", graph.Concept, true},
		{"buy", "extra 9.4 mln shares", graph.Concept, true},
		{"sell", "800,000 shares", graph.Concept, true},
		{"sell", "5 mln shares in market", graph.Concept, true},
		{"repurchase", "more than ten mln shares", graph.Concept, true},
		{"sell", "1.2 mln dlrs of common stock", graph.Concept, true},
		{"hold", "about 83 pct of Cyclops stock", graph.Concept, false},
		{"buy", "AmeriTrust stock", graph.Concept, false},
		{"co-manage", "issue", graph.Concept, false},
		{"file", "registration statement", graph.Concept, false},
		{"increase", "bid", graph.Concept, false},
		{"tell", "Reuters", graph.Org, false},
		{"acquire", "company", graph.Concept, true},
		{"tell", "shareholders", graph.Concept, true},
		{"open", "markets", graph.Concept, false},
	} {
		tr := graph.Triple{SubjectType: graph.Org, Relation: c.rel, Object: c.obj, ObjectType: c.otyp, Confidence: 0.6}
		if got := vagueObject(tr); got != c.want {
			t.Errorf("vagueObject(%s → %s) = %v, want %v", c.rel, c.obj, got, c.want)
		}
		if Kept(tr) == c.want {
			t.Errorf("Kept(%s → %s) = %v, want %v", c.rel, c.obj, !c.want, c.want)
		}
	}
}

// TestAmountObject: an object that is only an amount is open extraction's,
// not the graph's; an amount of something is that thing.
func TestAmountObject(t *testing.T) {
	text := "Nordhavn Energy earned 1.19 euros per share. Nordhavn Energy bought 2 mln euros of bonds."
	for _, open := range []bool{false, true} {
		ex, err := New(Options{Concepts: open})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tr := range doc.Triples {
			got[tripleString(tr)] = tr.ObjectType
		}
		want := map[string]string{"Nordhavn Energy -earn-> 1.19 euros": "", "Nordhavn Energy -buy-> 2 mln euros of bonds": graph.Concept}
		if open {
			want["Nordhavn Energy -earn-> 1.19 euros"] = Amount
		}
		for w, typ := range want {
			if got[w] != typ {
				t.Errorf("open %v: %q has object type %q, want %q (all: %v)", open, w, got[w], typ, got)
			}
		}
	}
}

// TestPronounBeforeSpeaker: "It plans X, Acme said" after a sentence
// about Widget is about Widget; "Acme said it plans X" is about Acme.
func TestPronounBeforeSpeaker(t *testing.T) {
	ex := mustExtractor(t)
	for text, want := range map[string]string{
		"Widget Systems reported a loss. In addition, it plans to sell Baltic Rail, Nordhavn Energy said.": "Widget Systems -plan to sell-> Baltic Rail to by Nordhavn Energy",
		"Widget Systems reported a loss. Nordhavn Energy said it plans to sell Baltic Rail.":               "Nordhavn Energy -plan to sell-> Baltic Rail to by Nordhavn Energy",
	} {
		checkTriples(t, ex, text, []string{want}, nil)
	}
}

// TestTimeIsNoObject: a span of time is no object of the graph.
func TestTimeIsNoObject(t *testing.T) {
	ex := mustExtractor(t)
	text := "Nordhavn Energy is to negotiate tomorrow with trade houses for renewal of contracts, to cover the next five years, traders said. The Baltic Plan had worked for a while."
	doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range doc.Triples {
		if o := tr.Object; o == "next five years" || o == "while" {
			t.Errorf("Extract(%q) has %q", text, tripleString(tr))
		}
	}
}

// TestHeSaidAfterSpeaker: "…, he added" a few sentences after a named
// speaker is that speaker, "they said" after "dealers said" the dealers;
// far from any, it stays "he".
func TestHeSaidAfterSpeaker(t *testing.T) {
	ex := mustExtractor(t)
	for text, want := range map[string]string{
		"Japan will cut output, Trade Minister Hajime Tamura said. Exports fell in March. Imports rose. Nissan Motor will raise car prices, he added.":                                       "Nissan Motor -raise-> car prices will by Hajime Tamura",
		"Japan will cut output, Trade Minister Hajime Tamura said. Exports fell in March. Imports rose. Sales fell. Stocks rose. Output fell. Nissan Motor will raise car prices, he added.": "Nissan Motor -raise-> car prices will by he",
		"Japan will cut output, dealers said. Exports fell in March. Nissan Motor will raise car prices, they said.":                                                                         "Nissan Motor -raise-> car prices will by dealers",
	} {
		checkTriples(t, ex, text, []string{want}, nil)
	}
}

// TestUnspecific: the graph leaves out a plain object that names no thing
// an analyst would look up (kg extract still prints it), and keeps one
// with a name, an amount, a field or an "of" phrase of its own.
func TestUnspecific(t *testing.T) {
	for _, c := range []struct {
		rel, obj, rule string
		flags          []string
		want           string
	}{
		{"be", "senior vice president", "copula", nil, "title without owner"},
		{"be", "prime minister", "title", nil, "title without owner"},
		{"be", "navy minister", "title", nil, ""},
		{"be", "former president", "copula", nil, ""},
		{"be", "active borrower", "copula", nil, ""},
		{"make", "final decision", "obj", nil, "generic object"},
		{"take", "further steps", "obj", nil, "generic object"},
		{"have", "enough money", "obj", nil, "generic object"},
		{"sign", "new contract", "obj", nil, ""},
		{"call", "news conference", "obj", nil, "light verb"},
		{"take", "advantage", "obj", nil, "light verb"},
		{"express", "frustration", "obj", nil, "light verb"},
		{"have", "credit card receivables", "obj", nil, "light verb"},
		{"call", "general election", "obj", nil, ""},
		{"make", "laser printers", "obj", nil, ""},
		{"make", "offer for Widget", "obj", nil, ""},
		{"have", "20 pct stake", "obj", nil, ""},
		{"shut down", "plant", "obj", []string{"definite object"}, "definite object"},
		{"raise", "bid", "obj", nil, ""},
		{"sign", "contract", "obj", []string{"singular noun"}, "singular noun"},
		{"offer", "bill", "reduced passive", []string{"singular noun"}, "singular noun"},
		{"seek", "protection", "light object", []string{"singular noun"}, "light object concept"},
		{"grant concessions on", "labor costs", "light object", nil, "light object concept"},
		{"file", "claims", "obj", []string{"plural noun"}, "plural noun"},
		{"file", "claims", "obj", nil, ""},
		{"be", "trade minister", "is-a", nil, "title without owner"},
		{"tell", "reporters", "iobj", nil, ""},
		{"increase", "prices", "obj", nil, ""},
		{"be optimistic about", "prospects", "copula nmod", nil, "copula with preposition"},
		{"break with", "long-standing ally", "obl", nil, "plain oblique"},
		{"raise through offering of", "equipment trust certificates", "obl", nil, ""},
		{"appeal for", "U.S. investment", "obl", nil, "oblique concept"},
		{"cut staff to", "820 employees", "obl", nil, "oblique concept"},
		{"object to sale of", "computers", "obl", nil, ""},
		{"report", "earnings", "obj", nil, "result without amount"},
		{"report", "1986 net profit", "obj", nil, "result without amount"},
		{"report", "net profit of 239 mln francs", "obj", nil, ""},
		{"report", "rise in profits", "obj", nil, ""},
		{"be", "chief of staff", "copula", nil, ""},
		{"expect", "one pct rise in income", "obj", nil, ""},
		{"upgrade", "gasoline-producing unit", "obj", nil, ""},
		{"tell", "news conference", "obj", nil, "venue, no hearer"},
		{"tell", "annual meeting of shareholders", "obj", nil, "venue, no hearer"},
		{"be", "whose finance minister", "title", nil, "broken phrase"},
		{"be", "january group president", "title", nil, "broken phrase"},
		{"agree to buy telephone for", "undisclosed terms", "obl", nil, "undisclosed price"},
		{"decline", "comment on rumours", "obj", nil, "no comment or details"},
		{"give", "details of spin-off", "obj", nil, ""},
		{"give", "detailed plan of reorganization", "obj", nil, ""},
	} {
		tr := graph.Triple{SubjectType: graph.Org, Relation: c.rel, Object: c.obj, ObjectType: graph.Concept,
			Confidence: 0.6, Rule: c.rule, Flags: c.flags}
		if got := unspecific(tr); got != c.want {
			t.Errorf("unspecific(%s → %s, %s) = %q, want %q", c.rel, c.obj, c.rule, got, c.want)
		}
		if Kept(tr) != (c.want == "") {
			t.Errorf("Kept(%s → %s) = %v", c.rel, c.obj, !(c.want == ""))
		}
		tr.ObjectType = graph.Org // a name is never unspecific
		if got := unspecific(tr); got != "" {
			t.Errorf("unspecific(%s → %s, a name) = %q", c.rel, c.obj, got)
		}
	}
}

// TestDefiniteObject: one plain noun after "the" is flagged (and left out
// of the graph); after "its", or with words of its own, it is not.
func TestDefiniteObject(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Halden Steel shut down the plant. Nordline raised its bid for Baltic Rail. Viking Rail bought the old shipyard.",
		[]string{"Nordline -raise bid for-> Baltic Rail", "Viking Rail -buy-> old shipyard"},
		[]string{"Halden Steel -shut down-> plant"})
}

// TestRelativeClauseObject: one plain noun with a relative clause of its
// own is no bare singular or definite object (the clause says which); an
// infinitive says what for, not which; one plain plural noun is bare.
func TestRelativeClauseObject(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy headed a syndicate that won the bonds in competitive bidding.",
		[]string{"Nordhavn Energy -head-> syndicate"}, nil)
	checkTriples(t, ex, "Widget Systems closed the plant that it bought from Nordhavn Energy.",
		[]string{"Widget Systems -close-> plant"}, nil)
	checkTriples(t, ex, "Senator Lena Holm said she would offer a bill to expand the ferry network.",
		nil, []string{"Lena Holm -offer-> bill would by Lena Holm"})
	checkTriples(t, ex, "Viking Rail dismissed charges from its workers.",
		nil, []string{"Viking Rail -dismiss-> charges"})
	checkTriples(t, ex, "Viking Rail will sell its ferries.",
		[]string{"Viking Rail -sell-> ferries will"}, nil)
}

// TestPlaceDescription: "the state" stands for the one place the story
// named a state ("the state of X"), not for a place it only named.
func TestPlaceDescription(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Farmers staged protests in the southern state of Parana, police said.\n\nThe state is a leading producer of grains and soybeans.",
		[]string{"Parana -be-> leading producer of grains and soybeans"}, nil)
	checkTriples(t, ex, "Farmers protested in the state of Parana and in the state of Bahia.\n\nThe state is a leading producer of grains.",
		nil, []string{"Parana -be-> leading producer of grains", "Bahia -be-> leading producer of grains"})
	checkTriples(t, ex, "Farmers protested in this Indian Ocean island.\n\nThe island is a leading producer of sugar.",
		nil, []string{"Indian Ocean -be-> leading producer of sugar"})
}

// TestNounPhrase: a plain object keeps its own "in", "on" or "for" phrase,
// also where the parser hung it on the verb after a stake or a change,
// but not a preposition of several words ("on behalf of").
func TestNounPhrase(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Halden Steel raised the list price of its Baltic steel plate to 400 dlrs a tonne. Halden Steel bought 5,000 shares of Nordhavn Energy stock.",
		[]string{"Halden Steel -raise-> list price of Baltic steel plate", "Halden Steel -buy shares of-> Nordhavn Energy stock"},
		[]string{"Halden Steel -raise-> list price"})
	checkTriples(t, ex, "Acme Corp bought a stake in a Texas oil venture. Halden Steel stressed its heavy dependence on exports. Baltic Rail bought the shares on behalf of Nordhavn Energy.",
		[]string{"Acme Corp -buy-> stake in Texas oil venture", "Halden Steel -stress-> heavy dependence on exports", "Baltic Rail -buy on behalf of-> Nordhavn Energy"},
		[]string{"Acme Corp -buy-> stake", "Halden Steel -stress-> heavy dependence", "Baltic Rail -buy-> shares on behalf"})
}

// TestComparison: a relation that compares is no edge of the graph.
func TestComparison(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy earned more money than Baltic Rail. Nordhavn Energy bought Widget Systems.",
		[]string{"Nordhavn Energy -buy-> Widget Systems"}, []string{"Nordhavn Energy -earn money than-> Baltic Rail"})
}

// TestMoreThan: "more than" stays whole in an object's name.
func TestMoreThan(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "The Baltic Shippers Association represents more than 2,800 firms.",
		[]string{"Baltic Shippers Association -represent-> more than 2,800 firms"},
		[]string{"Baltic Shippers Association -represent-> than 2,800 firms"})
}

// TestAmountInName: an amount of a plain thing stays in the object's
// name: how much is half the fact.
func TestAmountInName(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy deferred approximately three mln dlrs of interest payments. Baltic Rail holds about 83 pct of Vega stock.",
		[]string{"Nordhavn Energy -defer-> approximately three mln dlrs of interest payments", "Baltic Rail -hold-> about 83 pct of Vega stock"},
		[]string{"Nordhavn Energy -defer-> interest payments", "Baltic Rail -hold-> Vega stock"})
}

// TestOwnerInName: a plain object a name owns keeps the owner in its
// name: whose application, not "application".
func TestOwnerInName(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Halden Steel approved Nordhavn Energy's application to build a terminal.",
		[]string{"Halden Steel -approve-> Nordhavn Energy's application"}, []string{"Halden Steel -approve-> application"})
}

// TestTimeOffName: "last month" after a speaker or an object is when,
// not part of its name.
func TestTimeOffName(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Baltic Rail last month said Nordhavn Energy bought Widget Systems.",
		[]string{"Nordhavn Energy -buy-> Widget Systems by Baltic Rail"}, []string{"Nordhavn Energy -buy-> Widget Systems by Baltic Rail last month"})
}

// TestPerCent: "2.3 per cent" is an amount, as "2.3 pct" is: no object
// of the graph, nor a speaker.
func TestPerCent(t *testing.T) {
	ex := mustExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy cut its forecast for economic growth to 2.3 per cent for this year from 2.8 per cent predicted last autumn.",
		[]string{"Nordhavn Energy -cut-> forecast for economic growth"}, []string{"Nordhavn Energy -cut forecast to-> 2.3 per cent"})
}

// TestSuffixStopCut checks where a sentence ends after a legal suffix's
// stop that the segmenter took for an abbreviation.
func TestSuffixStopCut(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // the first sentence, or "" for no cut
	}{
		{"It was rated B-3 by Kelvian Ratings Inc. The issue was increased.", "It was rated B-3 by Kelvian Ratings Inc."},
		{"The bank bought shares in Tarvik Co. Plc <TRVK.L> from March 19.", ""},
		{"Acme Corp. <ACM> said it would buy Widget.", ""},
		{"Kelcom Co. said sales rose.", ""},
		{"Kelcom Co. Chairman Anna Varga said sales rose.", ""},
		{"Shares of Kelcom Ltd. (KEL) rose.", ""},
	} {
		cut := suffixStopCut(c.text)
		got := ""
		if cut > 0 {
			got = c.text[:cut]
		}
		if got != c.want {
			t.Errorf("suffixStopCut(%q) cuts %q, want %q", c.text, got, c.want)
		}
	}
}

// TestNoComment: what was not said about something is no edge of the
// graph ("had no comment on the report"); details given stay.
func TestNoComment(t *testing.T) {
	for _, c := range []struct {
		rel, obj string
		neg      bool
		want     string
	}{
		{"have", "comment on newspaper reports", true, "no comment or details"},
		{"give", "details of transaction", true, "no comment or details"},
		{"give", "details of transaction", false, ""},
	} {
		tr := graph.Triple{SubjectType: graph.Org, Relation: c.rel, Object: c.obj, ObjectType: graph.Concept,
			Confidence: 0.6, Rule: "obj", Negated: c.neg}
		if got := unspecific(tr); got != c.want {
			t.Errorf("unspecific(%s → %s, negated %v) = %q, want %q", c.rel, c.obj, c.neg, got, c.want)
		}
	}
}
