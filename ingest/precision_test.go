package ingest

import (
	"context"
	"testing"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest/ud"
)

// TestPrecisionRules: the tree extractor's rules against relations that
// are no fact, garbled or wrongly flagged (issue 18), each on invented
// sentences: want lists triples that must be extracted (as tripleString
// writes them), not those that must not.
func TestPrecisionRules(t *testing.T) {
	ex := clauseExtractor(t)
	tests := []struct {
		name      string
		text      string
		want, not []string
	}{
		{"a two-word demonym and a field before a title: the country's office", "Saudi Arabian Oil Minister Hamid Kelvar said output would rise. West German Economics Minister Anna Brenner agreed.",
			[]string{"Hamid Kelvar -oil minister of-> Saudi Arabia", "Anna Brenner -economics minister of-> West Germany"},
			[]string{"Hamid Kelvar -minister of-> Saudi Arabian Oil", "Anna Brenner -minister of-> West German Economics"}},
		{"a demonym and a field before a lowercase title; a field alone is no owner", "West German Finance minister Anna Brenner said the meeting went well. Economic Planning Secretary Tarva Kelmon accused the negotiator.",
			[]string{"Anna Brenner -finance minister of-> West Germany"},
			[]string{"Anna Brenner -minister of-> West German Finance", "Tarva Kelmon -secretary of-> Economic Planning"}},
		{"an office with a field only, in a story datelined in another country, is no office of that country", "WASHINGTON, March 3 - U.S. officials met Agriculture minister Tarvo Kelmes on Tuesday, and the Argentine officials said they could not agree. The U.S. said talks would go on.",
			nil, []string{"Tarvo Kelmes -agriculture minister of-> United States"}},
		{"a demonym and a ministry's field that is also a common word", "British Farm Minister Joan Perle said most EC states opposed the tax. The Japanese Aviation Minister agreed.",
			[]string{"Joan Perle -farm minister of-> United Kingdom"},
			[]string{"Joan Perle -minister of-> British Farm"}},
		{"warned X against V-ing: X would do it, and it is not done", "Estonia has warned Latvia against using the new missiles.",
			[]string{"Estonia -warn-> Latvia"}, []string{"Estonia -use-> new missiles", "Latvia -use-> new missiles"}},
		{"worth an amount: no object", "Estonia ordered 180 military trucks and spare parts worth 18.5 mln euros from Nordhavn Energy.",
			[]string{"Estonia -order-> spare parts"}, []string{"Estonia -order-> worth 18.5 mln euros"}},
		{"followed by after a noun ranks, it says nothing done", "Latvia was the largest buyer with 75,000 tonnes, followed by Estonia with 55,200 tonnes. Widget Systems is the main supplier of the port, followed by Gizmo Ltd.",
			nil, []string{"Estonia -follow-> largest buyer", "Gizmo Ltd -follow-> main supplier of port"}},
		{"an amount with a word of how much more or which part: no object", "Widget Systems will begin selling immediately 300 mln dlrs worth of notes. Latvia received only 11 billion euros. Estonia approved an additional 8.0 mln euros of credit guarantees.",
			[]string{"Estonia -approve-> an additional 8.0 mln euros of credit guarantees"}, []string{"Widget Systems -begin selling-> immediately 300 mln dlrs will", "Latvia -receive-> only 11 billion euros"}},
		{"a noun after the object's noun, hung elsewhere, heads the object", "Widget Systems agreed to sell its filter products division to Gizmo Ltd.",
			[]string{"Widget Systems -agree to sell-> filter products division"}, []string{"Widget Systems -agree to sell-> filter products"}},
		{"a division is no act: sold to its buyer, no division to the buyer", "Gizmo Ltd said it has sold its Optics Division to Widget Systems for undisclosed terms.",
			[]string{"Gizmo Ltd -sell to-> Widget Systems by Gizmo Ltd"}, []string{"Gizmo Ltd -division to-> Widget Systems by Gizmo Ltd"}},
		{"a title after \"and\" is the title, and a name cut at \"and\" owns none", "Latvian farm minister and Baltic Council president Anna Kask opened the talks. Widget and Gizmo Holdings chairman Tom Berg said sales rose.",
			[]string{"Anna Kask -president of-> Baltic Council"}, []string{"Anna Kask -and president of-> Baltic Council", "Tom Berg -and chairman of-> Gizmo Holdings"}},
		{"be going to: a future, no relation of going", "Nordhavn Energy is not going to sell its Riga ferries. Widget Systems is going to buy Gizmo Ltd.",
			[]string{"Nordhavn Energy -sell-> Riga ferries neg will", "Widget Systems -buy-> Gizmo Ltd. will"}, []string{"Nordhavn Energy -go to sell-> Riga ferries neg", "Widget Systems -go to buy-> Gizmo Ltd."}},
		{"a participle before a bare noun is its adjective, no verb", "Latvia can look forward to strong growth, falling interest rates and a firm lats. Latvia will resist pressures at coming ministerial negotiations in Riga.",
			nil, []string{"Latvia -fall-> interest rates", "Latvia -come negotiations in-> Riga"}},
		{"X of Y's N with the name cut at \"of\": the whole name owns N, the verb's object", "The Federal Reserve Board will decide the Bank of Latvia's application for a new subsidiary.",
			[]string{"Federal Reserve Board -decide-> Bank of Latvia's application for new subsidiary will"}, []string{"Federal Reserve Board -decide-> Bank of Latvia will"}},
		{"a speaker hung as the object before a final said", "Latvia has imported palm oil this year and is likely to take more, trade sources said.",
			[]string{"Latvia -import-> palm oil by trade sources"}, []string{"Latvia -import-> palm oil", "Latvia -take-> trade sources likely"}},
		{"a role at a kind of firm and its name: the name owns the role", "Anna Kask, economist at brokers Nordhavn Securities, said rates would fall.",
			[]string{"Anna Kask -economist of-> Nordhavn Securities"}, []string{"Anna Kask -economist of-> brokers"}},
		{"a quotation with no speaker is nobody's fact", "\"Nordhavn Energy has sold its ferries to Widget Systems.\n\n\"Latvia will buy the Riga port,\" Kestilä said.",
			[]string{"Latvia -buy-> Riga port will by Kestilä"}, []string{"Nordhavn Energy -sell ferries to-> Widget Systems"}},
		{"a quotation closed in the next sentence: what follows is not quoted", "\"Estonia has moved. It will help us,\" Jonas Hovland told Reuters.",
			[]string{"Jonas Hovland -tell-> Reuters"}, nil},
		{"recommended that X do: what should be, not what is", "Estonia recommended that Nordhavn Energy sell its Riga ferries.",
			[]string{"Nordhavn Energy -sell-> Riga ferries should"}, []string{"Nordhavn Energy -sell-> Riga ferries"}},
		{"said X, an aside, V-ed: X did it, as said", "Jonas Hovland said reports of heavy Latvian buying, just before the end of the year, fueled the rally.",
			nil, []string{"Jonas Hovland -fuel-> rally"}},
		{"a reason after what is said is said too", "Kestilä said the ministry was a model for Europe because Latvia had cut its grain exports.",
			[]string{"Latvia -cut-> grain exports by Kestilä"}, []string{"Latvia -cut-> grain exports"}},
		{"a holding is in something named", "Nordhavn Energy's share of these markets was small. Widget Systems said its stake in Nordhavn Energy rose.",
			[]string{"Widget Systems -stake in-> Nordhavn Energy by Widget Systems"}, []string{"Nordhavn Energy -share of-> markets"}},
		{"for X to V: X does it", "Estonia called for Latvia to open its rice market. Nordhavn Energy said it has signed an agreement for Widget Systems to recoup the cost of its services.",
			[]string{"Latvia -open-> rice market to", "Widget Systems -recoup-> cost of services to by Nordhavn Energy"},
			[]string{"Estonia -open-> rice market to", "Estonia -call for-> Latvia", "Nordhavn Energy -sign agreement for-> Widget Systems by Nordhavn Energy"}},
		{"in response to, in relation to: why, no argument", "Nordhavn Energy raised prices in response to higher costs. Nordhavn Energy sold the unit in addition to its stake in Widget Systems.",
			[]string{"Nordhavn Energy -raise-> prices"}, []string{"Nordhavn Energy -raise prices in-> response", "Nordhavn Energy -raise prices to-> higher costs", "Nordhavn Energy -sell unit to-> stake"}},
		{"on whether: a question after another mark", "Jonas Hovland declined to comment on whether Estonia would buy the Riga port.",
			[]string{"Estonia -buy-> Riga port if"}, []string{"Estonia -buy-> Riga port would"}},
		{"a pronoun nobody was found for believes what its speaker says", "The rating agency said it believes Nordhavn Energy will sell its Riga ferries.",
			[]string{"Nordhavn Energy -sell-> Riga ferries will by rating agency"}, []string{"Nordhavn Energy -sell-> Riga ferries will by it"}},
		{"it believes that X, it taken for an expletive: the speaker's belief", "The agency said it believes that Latvia will keep strong reserves.",
			[]string{"Latvia -keep-> strong reserves will by agency"}, []string{"Latvia -keep-> strong reserves will"}},
		{"according to, hung on a noun of the clause", "Latvia had sought to raise its grain quota to 3.0 mln from 2.45 mln tonnes, according to sources close to the ministry.",
			[]string{"Latvia -seek to raise-> grain quota to by sources"}, []string{"Latvia -seek to raise-> grain quota to"}},
		{"a place and a trade before a person's name", "Riga oilman Jonas Hovland told the commission he has acquired 195,000 shares of Nordhavn Energy.",
			[]string{"Jonas Hovland -tell-> commission"}, []string{"Riga -tell-> commission"}},
		{"a gerund before a bare noun after a verb that takes none is a noun's modifier", "Widget Systems does not manufacture packaging equipment.",
			[]string{"Widget Systems -manufacture-> packaging equipment neg"}, []string{"Widget Systems -manufacture packaging-> equipment neg"}},
		{"a trade word before a noun is no gerund", "Nordhavn Energy expects to report operating profits in 1987. Widget Systems started marketing its second product.",
			[]string{"Nordhavn Energy -expect to report-> operating profits to", "Widget Systems -start marketing-> second product"},
			[]string{"Nordhavn Energy -expect to report operating-> profits to", "Widget Systems -start-> marketing"}},
		{"a possessive object is its owner's, not the verb's", "Nordhavn Energy will buy Widget Systems's interest in the unit by the end of 1991.",
			nil, []string{"Nordhavn Energy -buy-> Widget Systems will"}},
		{"the world's largest: a rank, no owner", "Nordhavn Energy, the world's largest ferry company, said it was reviewing its routes.",
			nil, []string{"Nordhavn Energy -ferry company of-> world"}},
		{"demands to V: not the subject's doing", "Jonas Hovland would propose new measures in response to demands to ease import controls on Latvian grain.",
			[]string{"Jonas Hovland -propose-> new measures would"}, []string{"Jonas Hovland -ease-> import controls to", "Jonas Hovland -ease controls on-> Latvian grain to"}},
		{"about a number, all its: an amount, no preposition", "Nordhavn Energy expects to retain about 200 engineers. Widget Systems sold almost all its domestic ferries.",
			[]string{"Nordhavn Energy -expect to retain-> about 200 engineers to", "Widget Systems -sell-> almost all its domestic ferries"},
			[]string{"Nordhavn Energy -expect to retain about-> 200 engineers to", "Widget Systems -sell all-> almost all its domestic ferries"}},
		{"a change and its phrase: one object", "The Latvian Agriculture Ministry forecast a drop in coffee production. Estonia imposed curbs on grain imports.",
			[]string{"Latvian Agriculture Ministry -forecast-> drop in coffee production", "Estonia -impose-> curbs on grain imports"}, nil},
		{"for a stake in X: the stake's owner is X", "Nordhavn Energy paid 1.5 mln euros in early May for a five pct stake in Widget Systems.",
			[]string{"Nordhavn Energy -pay for stake in-> Widget Systems"}, []string{"Nordhavn Energy -pay for-> five pct stake"}},
		{"no pronoun inside a quotation opened a sentence before", "\"Nordhavn Energy cut its prices on Monday. If it buys Widget Systems, we will gain,\" Jonas Hovland said.",
			nil, []string{"Nordhavn Energy -buy-> Widget Systems if by Jonas Hovland", "Nordhavn Energy -buy-> Widget Systems if"}},
		{"the bank is a bank", "Nordhavn Energy said it would appeal. Kestilä claimed the bank had made a profit on the sale of its ferries.",
			nil, []string{"Nordhavn Energy -make-> profit by Kestilä"}},
		{"according to figures published by X: X publishes them, no speaker", "Latvia sold its Riga port, according to trade figures published by Nordhavn Energy.",
			[]string{"Latvia -sell-> Riga port by trade figures", "Nordhavn Energy -publish-> trade figures"}, []string{"Nordhavn Energy -publish-> trade figures by trade figures"}},
		{"the dollar is a currency, not a sum: of the dollar stays", "Nordhavn Energy stands to gain from the depressed level of the dollar.",
			[]string{"Nordhavn Energy -stand to gain from-> depressed level of dollar"}, []string{"Nordhavn Energy -stand to gain from-> depressed level"}},
		{"the group is no commission", "The Securities and Exchange Commission received a filing on Monday. The group also said Nordhavn Energy bought the Riga port.",
			[]string{"Nordhavn Energy -buy-> Riga port by group"}, []string{"Nordhavn Energy -buy-> Riga port by Securities and Exchange Commission"}},
		{"a trailing speech verb tagged a participle", "Nordhavn Energy has offered 220 mln euros for Widget Systems, Moody's noted.",
			[]string{"Nordhavn Energy -offer euros for-> Widget Systems by Moody's"}, []string{"Nordhavn Energy -offer euros for-> Widget Systems"}},
		{"a pronoun in quotation marks is not the speaker", "\"They bought the Riga port last year,\" Widget Systems said.",
			nil, []string{"Widget Systems -buy-> Riga port by Widget Systems"}},
		{"the company of the speaker's own phrase", "Widget Systems cut its prices on Monday. A spokesman for Nordhavn Energy said the company would buy the Riga port.",
			[]string{"Nordhavn Energy -buy-> Riga port would by spokesman"}, []string{"Widget Systems -buy-> Riga port would by spokesman"}},
		{"accused of: an allegation by the accuser", "Estonia accused Latvia of dumping cheap grain.",
			[]string{"Latvia -dump-> cheap grain alleged by Estonia"}, []string{"Latvia -dump-> cheap grain"}},
		{"charged with, passive: alleged, by nobody named", "Mart Tamm was charged with making false statements to regulators.",
			[]string{"Mart Tamm -make-> false statements alleged"}, []string{"Mart Tamm -make-> false statements"}},
		{"charged X with: X does it, alleged by the subject", "The commission charged Nordhavn Energy with selling the Widget shares illegally.",
			[]string{"Nordhavn Energy -sell-> Widget shares alleged by commission"}, []string{"commission -sell-> Widget shares alleged by commission"}},
		{"sued X for: X does it, alleged", "Nordhavn Energy has sued Widget Systems for copying the designs.",
			[]string{"Widget Systems -copy-> designs alleged by Nordhavn Energy"}, nil},
		{"a trailing charge is speech", "Jonas Hovland leaked secret information to his associates, the commission charged.",
			[]string{"Jonas Hovland -leak information to-> associates by commission"}, nil},
		{"not able to negates", "Latvia will not be able to service its debt, Kestilä said.",
			[]string{"Latvia -service-> debt neg to by Kestilä"}, []string{"Latvia -service-> debt to by Kestilä"}},
		{"considers X to be: no light object", "The European Community considers talks on farm reform to be inseparable from other talks.",
			nil, []string{"European Community -consider talks on-> farm reform"}},
		{"an oblique after the infinitive is the infinitive's", "Nordhavn Energy expects to sell 48,000 cars in Japan and to ship 20,000 to Poland by year-end.",
			[]string{"Nordhavn Energy -expect to ship to-> Poland to"}, []string{"Nordhavn Energy -expect to-> Poland", "Nordhavn Energy -ship to-> Poland", "Nordhavn Energy -expect by-> year-end"}},
		{"a point of time in one word is no object", "Widget Systems could start production by mid-1988.",
			nil, []string{"Widget Systems -start production by-> mid-1988 could"}},
		{"a preposition of time is no light object", "Nordhavn Energy said it will sell the ferries before Widget Systems becomes a full member.",
			nil, []string{"Nordhavn Energy -sell ferries before-> Widget Systems will by Nordhavn Energy"}},
		{"said with an object and its apposition before a clause: the object is the clause's subject",
			"Nordhavn Energy said its chemical businesses, Widget Systems and Gizmo Co, were consolidated in Nordhavn Holdings.",
			nil, []string{"Nordhavn Energy -be consolidated in-> Nordhavn Holdings"}},
		{"a day word beside the subject is no speaker", "Nordhavn Partners Inc, comprising Acme Inc and other investors, yesterday said it would buy Widget Systems.",
			[]string{"Nordhavn Partners Inc -buy-> Widget Systems would by Nordhavn Partners Inc"}, []string{"Nordhavn Partners Inc -buy-> Widget Systems would by yesterday"}},
		{"its goes with the it of its clause", "Gizmo Co raised its offer for Widget Systems. Nordhavn Partners Inc, comprising Acme Inc and other investors, said it would increase its tender offer for Widget Systems.",
			[]string{"Nordhavn Partners Inc -offer for-> Widget Systems by Nordhavn Partners Inc"}, []string{"Gizmo Co -offer for-> Widget Systems by Nordhavn Partners Inc"}},
		{"a superlative after an ordinal stays in the title", "Chile, the world's third biggest copper producer, cut its exports of cathodes.",
			[]string{"Chile -be-> third biggest copper producer"}, []string{"Chile -be-> third copper producer"}},
		{"and after an of phrase joins its noun", "Nordhavn Energy said it will seek further purchases of ferry and shipping businesses with emphasis on the Baltic.",
			[]string{"Nordhavn Energy -seek-> further purchases of ferry and shipping businesses will by Nordhavn Energy"},
			[]string{"Nordhavn Energy -seek-> shipping businesses will by Nordhavn Energy"}},
		{"…, banking sources said: a speaker, not a verb and its object", "The Nordhavn Ministry has asked trust banks to moderate their dollar selling, banking sources said.",
			[]string{"Nordhavn Ministry -ask-> trust banks by banking sources"}, []string{"Nordhavn Ministry -ask-> trust banks"}},
		{"…, industry sources said. hung under the verb before: a speaker", "The Nordhavn Economic Policy Council decided to recommend trade sanctions against Estonia for violations of the agreement, industry sources said.",
			[]string{"Nordhavn Economic Policy Council -decide to recommend sanctions against-> Estonia by industry sources"},
			[]string{"Nordhavn Economic Policy Council -decide to recommend sanctions against-> Estonia"}},
		{"caution that: the analysts say so", "Analysts caution that Nordhavn Energy faces increasing competition for ferry passengers from Baltic Rail.",
			[]string{"Nordhavn Energy -face-> increasing competition for ferry passengers by analysts"}, nil},
		{"…, Edgar Pye, vice-president of X, said.: the name is the speaker", "The Nordhavn Council may decide to increase the cereals levy if the package is opposed by member states, Lena Holm, vice-president of the Nordhavn merchants association, said.",
			[]string{"Nordhavn Council -decide to increase-> cereals levy may by Lena Holm"}, []string{"Lena Holm -oppose-> cereals levy if"}},
		{"ruled that: the court says so", "The Supreme Court ruled that Widget Systems had broken the antitrust laws.",
			[]string{"Widget Systems -break-> antitrust laws by Supreme Court"}, nil},
		{"found that: the inspectors say so", "The inspectors found that Widget Systems had dumped waste in the Rhine.",
			[]string{"Widget Systems -dump waste in-> Rhine by inspectors"}, []string{"Widget Systems -dump waste in-> Rhine"}},
		{"it is understood that: nobody named says so", "It is understood that Nordhavn Energy will buy Widget Systems.",
			[]string{"Nordhavn Energy -buy-> Widget Systems will"}, []string{"Nordhavn Energy -buy-> Widget Systems will by it"}},
		{"a present after before/until under a modal is not yet so", "Analysts feel Latvia should first implement the agreement before Estonia becomes a full member.",
			[]string{"Estonia -become-> full member should by analysts"}, []string{"Estonia -become-> full member"}},
		{"assuming opens a condition", "Assuming the plan is approved, Nordhavn Energy would then seek acceptance from creditors.",
			[]string{"Nordhavn Energy -seek-> acceptance if"}, []string{"Nordhavn Energy -seek-> acceptance would"}},
		{"in case of opens a condition", "Nordhavn Energy added that in case of a competing offer, it would match it.",
			nil, []string{"Nordhavn Energy -match-> it would by Nordhavn Energy"}},
		{"has the right to: no fact without the infinitive", "Nordhavn Energy has the right to buy Widget Systems.",
			[]string{"Nordhavn Energy -buy-> Widget Systems to"}, []string{"Nordhavn Energy -have-> right"}},
		{"a reduced relative after the object is the object's", "Nordhavn Energy agreed to provide its inhibitor, designed to treat emphysema, to Widget Systems.",
			nil, []string{"Nordhavn Energy -treat-> emphysema to", "Nordhavn Energy -treat emphysema to-> Widget Systems to"}},
		{"a gerund of purpose is not the subject's doing", "The exporters requested Japan buy rice from Thailand for making sake.",
			nil, []string{"Japan -make-> sake"}},
		{"a plural verb right after an object noun is its head", "Miyazawa said Japan has no plans to take new emergency measures to support the dollar.",
			[]string{"Japan -take-> new emergency measures neg to by Miyazawa"}, []string{"Japan -measure to support-> dollar by Miyazawa", "Japan -have-> plans neg by Miyazawa"}},
		{"interested in: not done", "Nordhavn Energy said it would be interested in discussing a merger with Widget Systems.",
			[]string{"Nordhavn Energy -discuss merger with-> Widget Systems would by Nordhavn Energy"}, []string{"Nordhavn Energy -discuss merger with-> Widget Systems by Nordhavn Energy"}},
		{"a gerund complement as written", "The United States has proposed setting up a body to improve statistics.",
			[]string{"United States -propose setting up-> body to"}, []string{"United States -propose set up-> body to"}},
		{"a reduced passive on an amount of something is that thing", "A price of 180 dlrs a tonne would be paid for only half the amount of maize bought by the Grain Board in 1986.",
			[]string{"Grain Board -buy-> maize"}, []string{"Grain Board -buy-> only half the amount of maize"}},
		{"a participle between verb and object is an adjective", "Nordhavn Energy earlier reported consolidated 1986 net profit of 239 mln francs.",
			[]string{"Nordhavn Energy -report-> consolidated 1986 net profit"}, []string{"Nordhavn Energy -report consolidate-> net profit"}},
		{"whose X did: X's clause, not the name's", "Mart Tamm, whose appointment as chief of staff won praise, will begin talks with Latvia.",
			[]string{"Mart Tamm -begin talks with-> Latvia will"}, []string{"Mart Tamm -win-> praise"}},
		{"whose X did, then the name's verb", "Nordhavn Energy, whose chairman resigned, said it would sell Widget Systems.",
			[]string{"Nordhavn Energy -sell-> Widget Systems would by Nordhavn Energy"}, nil},
		{"a past after once under would is not yet so", "Yeutter said the United States would drop the tariffs once Japan began fulfilling the chip agreement.",
			[]string{"Japan -begin fulfilling-> chip agreement would by Yeutter"}, []string{"Japan -begin fulfilling-> chip agreement by Yeutter"}},
		{"what an allegation's gerund does by is alleged too", "Estonia charged Latvia with breaching the treaty by failing to take firm steps against smugglers.",
			[]string{"Latvia -take-> firm steps neg alleged by Estonia"}, []string{"Latvia -take-> firm steps neg", "Latvia -fail to take-> firm steps neg alleged by Estonia"}},
		{"the subject of what is said taken for the object of add", "But Jonas Hovland added the onus is still on Latvia to put its house in order.",
			nil, []string{"Jonas Hovland -add-> onus", "Jonas Hovland -add onus on-> Latvia"}},
		{"noting that X did: that is no determiner", "Kestilä said Nordhavn Energy will reduce staff, noting that expense growth in 1986 increased only one pct.",
			[]string{"Nordhavn Energy -reduce-> staff will by Kestilä"}, []string{"Nordhavn Energy -note-> expense growth by Kestilä", "Nordhavn Energy -increase-> only one pct will by Kestilä"}},
		{"said X and Y have: no say → Y", "Nordhavn Energy said it and Widget Systems have agreed to a joint research program.",
			nil, []string{"Nordhavn Energy -say-> Widget Systems"}},
		{"last year is no part of the object", "Latvia exported its refined silver last year at an average price of 5.40 dlrs.",
			[]string{"Latvia -export-> refined silver"}, []string{"Latvia -export-> refined silver last year"}},
		{"the copula's own preposition stays", "Kestilä said Nordhavn Energy was in contact with Widget Systems.",
			[]string{"Nordhavn Energy -be in contact with-> Widget Systems by Kestilä"}, []string{"Nordhavn Energy -be contact with-> Widget Systems by Kestilä"}},
		{"between two things: no edge to one of them", "Baltic Air will add flights between Riga and Tallinn.",
			nil, []string{"Baltic Air -add flights between-> Riga will", "Baltic Air -add flights between-> Tallinn will"}},
		{"an amount against another is a comparison", "Nordhavn Energy earned 1.9 mln dlrs against a loss of 16.5 mln dlrs in the year-ago period.",
			nil, []string{"Nordhavn Energy -earn against-> loss"}},
		{"a share is the unit of a rate", "Nordhavn Energy earned 957,000 dlrs or 10 cts a share on revenues of 45 mln dlrs.",
			nil, []string{"Nordhavn Energy -earn-> share"}},
		{"rumours that X: the rumours say it", "Rumors circulated on Wall Street today that Nordhavn Energy would soon join the long list of bidders.",
			[]string{"Nordhavn Energy -join-> long list of bidders would by rumors"}, []string{"Nordhavn Energy -join-> long list of bidders would"}},
		{"expect X to: no expect → X, with the infinitive on X", "Kestilä said she does not expect the krone to collapse.",
			nil, []string{"Kestilä -expect-> krone neg by Kestilä"}},
		{"called X a Y: what X was called", "Mart Tamm called his decision to withdraw the bid a very difficult decision.",
			nil, []string{"Mart Tamm -call-> decision"}},
		{"a minimum of an amount of something is that thing", "Nordhavn Energy would buy a minimum of 10 mln dlrs of equipment from Widget Systems.",
			[]string{"Nordhavn Energy -buy equipment from-> Widget Systems would"}, []string{"Nordhavn Energy -buy-> minimum would"}},
		{"per share is a rate", "Nordhavn Energy earned 80.7 mln dlrs or 2.22 dlrs per share on sales of 753.8 mln dlrs.",
			nil, []string{"Nordhavn Energy -earn dlrs per-> share"}},
		{"the merger of two: no edge to one", "Baltic Rail wants to reopen the merger of Nordline and Widget Systems.",
			nil, []string{"Baltic Rail -want to reopen merger of-> Nordline to", "Baltic Rail -want to reopen merger of-> Widget Systems to"}},
		{"a fronted circumstance is no argument of a predicate adjective", "With the sale, Nordhavn Energy will be able to expand its businesses.",
			nil, []string{"Nordhavn Energy -be able with-> sale will"}},
		{"said if X, Y: X is Y's condition", "Nordhavn Energy said if the necessary permits were granted in time, Widget Systems would start production in June.",
			[]string{"Widget Systems -start-> production if by Nordhavn Energy"}, []string{"Widget Systems -start-> production would by Nordhavn Energy"}},
		{"a clause before he added, parsed as adverbial, is what he said", "Kuwait had guaranteed markets for its oil because of its refineries, Hovland added.",
			[]string{"Kuwait -guarantee-> markets by Hovland"}, []string{"Kuwait -guarantee-> markets"}},
		{"a gerund after in/by under a modal takes the modal", "Hovland said Nordhavn Energy can assist in maintaining the high rate of discoveries.",
			[]string{"Nordhavn Energy -maintain-> high rate of discoveries can by Hovland"}, []string{"Nordhavn Energy -maintain-> high rate of discoveries by Hovland"}},
		{"subject to approval makes what will be a condition", "Nordhavn Energy said it will change its name to Nordhavn Group on May 6, subject to shareholder approval.",
			[]string{"Nordhavn Energy -change name to-> Nordhavn Group if by Nordhavn Energy"}, []string{"Nordhavn Energy -change name to-> Nordhavn Group will by Nordhavn Energy"}},
		{"an adverb of the predicate noun is no part of the relation, but previously is", "Mart Tamm is also in charge of Widget Systems. Jonas Berg was previously in charge of Baltic Rail.",
			[]string{"Mart Tamm -be in charge of-> Widget Systems", "Jonas Berg -be previously in charge of-> Baltic Rail"}, []string{"Jonas Berg -be in previously in charge of-> Baltic Rail"}},
		{"at a pace, at a level: how, no argument", "Latvia and Estonia have established diplomatic relations at the ambassadorial level.",
			[]string{"Latvia -establish-> diplomatic relations"}, []string{"Latvia -establish relations at-> ambassadorial level"}},
		{"a line of credit from: the whole noun in the relation", "Nordhavn Energy said it will receive a seven mln dlrs line of credit from the Bank of Riga.",
			[]string{"Nordhavn Energy -receive line of credit from-> Bank of Riga will by Nordhavn Energy"}, []string{"Nordhavn Energy -receive line from-> Bank of Riga will by Nordhavn Energy"}},
		{"a participle after a possessive is an adjective", "Kestilä said the agency downgraded Widget Systems Inc's subordinated notes to D from B.",
			nil, []string{"Widget Systems Inc -subordinate-> notes by Kestilä"}},
		{"a conjunct participle of a passive is passive", "Baltic Rail was rescued from bankruptcy and taken into state ownership in 1971.",
			nil, []string{"Baltic Rail -take into-> state ownership"}},
		{"expect X to: said by who expects", "Analysts expect Nordhavn Energy to record earnings of 65 cts a share in 1987.",
			[]string{"Nordhavn Energy -record-> earnings to by analysts"}, []string{"Nordhavn Energy -record-> earnings to"}},
		{"asked whether: a question, no fact", "Asked by reporters whether Nordhavn Energy would sell its stake in Widget Systems, Kestilä said no decision had been made.",
			nil, []string{"Nordhavn Energy -sell stake in-> Widget Systems if", "Nordhavn Energy -sell-> stake if"}},
		{"questioned on whether: a question, no fact", "Questioned on whether Baltic Rail might be considering job cuts, the spokesman declined to comment.",
			nil, []string{"Baltic Rail -consider-> job cuts might"}},
		{"he asked if: a question, no fact", "Mart Tamm asked if Latvia would cut its tariffs on Estonian grain.",
			nil, []string{"Latvia -cut-> tariffs would", "Latvia -cut-> tariffs if", "Latvia -cut tariffs on-> Estonian grain if"}},
		{"did not say whether: still a condition", "Nordhavn Energy did not say whether it would sell Widget Systems.",
			[]string{"Nordhavn Energy -sell-> Widget Systems if by Nordhavn Energy"}, nil},
		{"called on X to: X does it", "Baltic Bank President Mart Tamm called on Latvia to boost investment in its ports.",
			[]string{"Latvia -boost-> investment in ports to", "Mart Tamm -call on-> Latvia"}, []string{"Mart Tamm -boost-> investment to", "Mart Tamm -call to boost-> investment"}},
		{"appealed to X to: X does it", "The minister appealed to Estonia to open its markets to Latvian grain.",
			[]string{"Estonia -open-> markets to"}, nil},
		{"called on a day to: the subject does it", "The union called on Tuesday to end the strike at Baltic Rail.",
			nil, []string{"Tuesday -end-> strike to"}},
		{"to help by doing: to do", "Mart Tamm called on the Nordic Council to help by awarding more fishing licences.",
			[]string{"Nordic Council -award-> fishing licences to"}, []string{"Nordic Council -award-> fishing licences"}},
		{"barred X from: X did not", "The court barred Nordhavn Energy from selling its Tallinn terminal to Widget Systems.",
			[]string{"Nordhavn Energy -sell terminal to-> Widget Systems neg"}, []string{"Nordhavn Energy -sell terminal to-> Widget Systems"}},
		{"was prevented from: not done", "Widget Systems was prevented from taking control of Baltic Rail.",
			[]string{"Widget Systems -take control of-> Baltic Rail neg"}, []string{"Widget Systems -take control of-> Baltic Rail"}},
		{"to block X from: neither done nor stopped", "The judge ruled that Nordhavn Energy can not seek an order to block Widget Systems from presenting a rival plan.",
			nil, []string{"Widget Systems -present-> rival plan", "Widget Systems -present-> rival plan neg"}},
		{"would prohibit X from: neither done nor stopped", "A new law would prohibit Baltic Rail from owning Nordline.",
			nil, []string{"Baltic Rail -own-> Nordline", "Baltic Rail -own-> Nordline neg"}},
		{"aimed at preventing X from: neither done nor stopped", "Estonia proposed controls aimed at preventing Baltic Rail from raising its fares.",
			nil, []string{"Baltic Rail -raise-> fares", "Baltic Rail -raise-> fares neg"}},
		{"and X say Y: X says Y, not the clause before", "Nordhavn Energy will sell its new ferry from Friday, and Baltic Rail officials say a rival ferry will be ready by June.",
			[]string{"Nordhavn Energy -sell-> new ferry will"}, []string{"Nordhavn Energy -sell-> new ferry will by Baltic Rail officials"}},
		{"…, X said: said by X", "Nordhavn Energy will sell its new ferry from Friday, Baltic Rail officials said.",
			[]string{"Nordhavn Energy -sell-> new ferry will by Baltic Rail officials"}, nil},
		{"the price of a thing is no amount of it", "Widget Systems inflated the price of a military engine blade.",
			nil, []string{"Widget Systems -inflate-> military engine blade"}},
		{"declined to: not done, without the verb that denies it", "Nordhavn Energy declined to disclose the price of the Widget Systems shares.",
			[]string{"Nordhavn Energy -disclose-> price of Widget Systems shares neg"}, []string{"Nordhavn Energy -decline to disclose-> price of Widget Systems shares neg"}},
		{"refused to, with a preposition", "Mart Tamm refused to comment on the grain talks with Latvia.",
			[]string{"Mart Tamm -comment on-> grain talks neg"}, []string{"Mart Tamm -refuse to comment on-> grain talks neg"}},
		{"has yet to: not done", "Baltic Rail has yet to specify the terms of its offer for Nordline.",
			[]string{"Baltic Rail -specify-> terms of offer neg"}, []string{"Baltic Rail -specify-> terms of offer to", "Baltic Rail -have to specify-> terms of offer"}},
		{"is yet to: not done", "Nordhavn Energy is yet to decide on the sale of Widget Systems.",
			[]string{"Nordhavn Energy -decide on sale of-> Widget Systems neg"}, []string{"Nordhavn Energy -decide on sale of-> Widget Systems"}},
		{"a failure to: not done, no plan", "Estonian exporters blamed Latvia's failure to pay its debts.",
			[]string{"Latvia -pay-> debts neg"}, []string{"Latvia -pay-> debts neg to"}},
		{"no intention of doing: as no plans to", "Some officials complained Latvia has no intention of boosting domestic demand.",
			[]string{"Latvia -boost-> domestic demand neg to by officials"}, []string{"Latvia -have-> intention neg by officials"}},
		{"for example is no argument", "For example, Widget Systems raised the price of its chips by ten pct.",
			nil, []string{"Widget Systems -raise for-> example", "Widget Systems -raise price for-> example"}},
		{"the predicate noun's adverbs are no part of its name", "Nordhavn Energy is not under pressure to sell its ferries. Widget Systems is now the largest maker of ferries in Estonia.",
			[]string{"Nordhavn Energy -be under-> pressure neg", "Widget Systems -be-> largest maker of ferries"},
			[]string{"Nordhavn Energy -be under-> not under pressure neg", "Widget Systems -be-> now the largest maker of ferries"}},
		{"formerly stays with the copula", "Jonas Berg, who was formerly head, will join Baltic Rail.",
			[]string{"Jonas Berg -be formerly-> head"}, []string{"Jonas Berg -be-> formerly head"}},
		{"agreed to do X and Y: agreed to Y too", "Nordhavn Energy agreed to buy Widget Systems and sell its Tallinn terminal.",
			[]string{"Nordhavn Energy -agree to buy-> Widget Systems", "Nordhavn Energy -agree to sell-> Tallinn terminal"}, []string{"Nordhavn Energy -sell-> Tallinn terminal"}},
		{"refused to do X and Y: Y not done either", "Baltic Rail refused to pay its debts and meet the terms of the loan.",
			[]string{"Baltic Rail -pay-> debts neg", "Baltic Rail -meet-> terms of loan neg"}, []string{"Baltic Rail -meet-> terms of loan"}},
		{"an amount of its stake in X: the stake's phrase", "Earlier this year, Nordhavn Energy sold 13 pct of its stake in Widget Systems to Baltic Rail.",
			[]string{"Nordhavn Energy -sell stake in-> Widget Systems"}, nil},
		{"a participle that is a preposition: nobody's doing", "Nordhavn Energy said that, excluding the effects of the restructuring plan, it expects higher earnings. Widget Systems paid dividends of 1.30 crowns a share, adjusting for the share split.",
			nil, []string{"Nordhavn Energy -exclude-> effects of restructuring plan by Nordhavn Energy", "Widget Systems -adjust for-> share split"}},
		{"I think X, said Y: said by Y", "\"I think Baltic Rail will sell its ferries to Nordline,\" said Mart Tamm of Widget Systems.",
			[]string{"Baltic Rail -sell ferries to-> Nordline will by Mart Tamm"}, []string{"Baltic Rail -sell ferries to-> Nordline will by I"}},
		{"it is unlikely that X: unlikely, not will", "It is highly unlikely that Baltic Rail will sell its ferries to Nordline.",
			[]string{"Baltic Rail -sell ferries to-> Nordline unlikely"}, []string{"Baltic Rail -sell ferries to-> Nordline will"}},
		{"it was possible that X, said: possible, by the speaker", "Mart Tamm said it was possible that Widget Systems would buy Nordline.",
			[]string{"Widget Systems -buy-> Nordline possible by Mart Tamm"}, []string{"Widget Systems -buy-> Nordline would by Mart Tamm"}},
		{"cannot is can not", "Mart Tamm cannot be extradited on the basis of the charges. Baltic Rail cannot sell its ferries to Nordline.",
			[]string{"Mart Tamm -be extradited on-> basis of charges neg can", "Baltic Rail -sell ferries to-> Nordline neg can"}, []string{"Baltic Rail -sell ferries to-> Nordline"}},
		{"ceased doing: no longer done", "Widget Systems has ceased brokering treasury bills. Nordhavn Energy has stopped sending its gas through Latvia.",
			[]string{"Widget Systems -broker-> treasury bills neg", "Nordhavn Energy -send gas through-> Latvia neg"}, []string{"Widget Systems -broker-> treasury bills", "Nordhavn Energy -send gas through-> Latvia"}},
		{"did not stop doing: still done", "Nordhavn Energy did not stop selling its gas to Latvia.",
			[]string{"Nordhavn Energy -sell gas to-> Latvia"}, []string{"Nordhavn Energy -selling gas to-> Latvia", "Nordhavn Energy -sell gas to-> Latvia neg"}},
		{"on condition that: a condition", "The ceasefire was agreed on condition that Latvia withdraw its troops from the border.",
			[]string{"Latvia -withdraw-> troops if"}, []string{"Latvia -withdraw-> troops"}},
		{"stop doing X and doing Y: neither done", "The ceasefire was agreed on condition that Iran stop shelling Kuwaiti tankers and attacking their ports.",
			[]string{"Iran -shell-> Kuwaiti tankers neg if", "Iran -attack-> ports neg if"}, []string{"Iran -attack-> ports if"}},
		{"a unit of X: no cut be unit beside it", "Widget Systems was a unit of Nordhavn Energy until December 30, 1986.",
			[]string{"Widget Systems -unit of-> Nordhavn Energy"}, []string{"Widget Systems -be-> unit"}},
		{"the acquisition of X: no cut bare object beside it", "Nordhavn Energy said it completed the previously announced acquisition of Widget Systems.",
			[]string{"Nordhavn Energy -complete acquisition of-> Widget Systems by Nordhavn Energy"}, []string{"Nordhavn Energy -complete-> previously announced acquisition by Nordhavn Energy"}},
		{"called on X to do A and B: B to as well", "Mart Tamm called on Latvia to honour its commitments and cut its tariffs.",
			[]string{"Latvia -cut-> tariffs to"}, []string{"Latvia -cut-> tariffs", "Mart Tamm -cut-> tariffs"}},
		{"an infinitive between what is said and its speaker is said too", "Latvia will cut import duties on 40 goods, including paper and steel, to help reduce its trade surplus with Estonia, the Finance Ministry said.",
			[]string{"Latvia -help reduce-> trade surplus to by Finance Ministry"},
			[]string{"Finance Ministry -help reduce-> trade surplus to"}},
		{"an apposition's noun names a role, not a thing of the owner", "Estonia's ferry fleet (EFF) carried fewer cars. Halden Steel, Norway's largest steel maker, said Jonas Berg, director-general of Nordhavn Energy, had resigned.",
			[]string{"Halden Steel -steel maker of-> Norway", "Jonas Berg -director-general of-> Nordhavn Energy"},
			[]string{"EFF -ferry fleet of-> Estonia"}},
		{"what is agreed that is the agreers' and all of the X is the X", "All of the analysts agreed that Nordhavn Energy would sell its ferries to Widget Systems. Estonia agreed with Latvia to cut its tariffs.",
			[]string{"Nordhavn Energy -sell ferries to-> Widget Systems would by analysts", "Estonia -agree with-> Latvia"},
			[]string{"Nordhavn Energy -sell ferries to-> Widget Systems would"}},
		{"not A or B: neither", "Halden Steel has agreed not to acquire or seek to acquire any voting securities of Nordhavn Energy.",
			[]string{"Halden Steel -agree to seek to acquire securities of-> Nordhavn Energy neg to"},
			[]string{"Halden Steel -agree to seek to acquire securities of-> Nordhavn Energy to"}},
		{"according to an agreement: terms, no speaker", "According to the agreement, Baltic Rail will operate three new ferries from May.",
			[]string{"Baltic Rail -operate-> three new ferries will"},
			[]string{"Baltic Rail -operate-> three new ferries will by agreement"}},
		{"statements made by X that Y: Y is X's, not the one who would not confirm them", "Finance Minister Mart Tamm declined to confirm statements made today by a Latvian lawmaker that Estonia will offer subsidized grain to Latvia.",
			[]string{"Estonia -offer grain to-> Latvia will by Latvian lawmaker"},
			[]string{"Estonia -offer grain to-> Latvia will by Mart Tamm"}},
		{"urged action on doing: what should be done", "Mart Tamm said he urged speedy action on removing the tariffs on Latvian cars.",
			[]string{"Mart Tamm -remove-> tariffs on Latvian cars should by Mart Tamm"},
			[]string{"Mart Tamm -remove-> tariffs on Latvian cars by Mart Tamm"}},
		{"a day's report names no speaker", "Monday's report that the Baltic Grain Board inspected 46 mln bushels of corn for export last week was unexpectedly high, traders said.",
			[]string{"Baltic Grain Board -inspect-> 46 mln bushels of corn by report"}, []string{"Baltic Grain Board -inspect-> 46 mln bushels of corn by Monday"}},
		{"who is nominated to become chairman becomes it", "Halden Steel Inc said it nominated Jonas K. Berg to become chairman of the board, replacing Mart Tamm.",
			[]string{"Jonas K. Berg -become-> chairman of board to by Halden Steel Inc"},
			[]string{"Halden Steel Inc -become-> chairman of board to by Halden Steel Inc"}},
		{"caused X to do it: done; could force X to do it: not", "The strike caused Baltic Rail to declare force majeure. The strike could force Nordhavn Energy to close its Riga plant.",
			[]string{"Baltic Rail -declare-> force majeure", "Nordhavn Energy -close-> Riga plant to"},
			[]string{"Baltic Rail -declare-> force majeure to", "Nordhavn Energy -close-> Riga plant"}},
		{"back before the object is the verb's particle", "Latvia did not roll back its import barriers. Halden Steel will buy back the Riga ferries from Nordline.",
			[]string{"Latvia -roll back-> import barriers neg", "Halden Steel -buy back ferries from-> Nordline will"},
			[]string{"Latvia -roll-> import barriers neg", "Halden Steel -buy ferries from-> Nordline will"}},
		{"per is a rate for an oblique too", "Sorghum is priced per hundredweight, Nordhavn Energy said.",
			nil, []string{"Sorghum -be priced per-> hundredweight by Nordhavn Energy"}},
		{"a participle after a feeling about someone else's doing: no subject", "Estonia was upset with Latvia's feeble attempt to halt the falling krone, flouting the Riga treaty outright.",
			[]string{"Latvia -halt-> falling krone to"}, []string{"Estonia -flout-> Riga treaty"}},
		{"a participle right after the object, no comma: the object does it", "A Latvian mission will leave next week for Helsinki to renegotiate an agreement severely limiting the growth of timber exports.",
			nil, []string{"Helsinki -limit-> growth of timber exports", "Helsinki -renegotiate-> agreement"}},
		{"with X and an amount: X's own share, no argument", "Nordhavn Energy controls about 80 pct of the market, with Widget Systems about 10 pct.",
			nil, []string{"Nordhavn Energy -control market with-> Widget Systems"}},
		{"a report noun's that is no relative pronoun", "The complaint charges that Widget Systems engaged in unfair labor practices.",
			nil, []string{"Widget Systems -engage-> complaint charges"}},
		{"places in a list are not in each other", "Widget Systems has offices in Europe, Japan, India and Brazil.",
			nil, []string{"Europe -in-> Japan"}},
		{"a place hung as a second subject modifies the first", "Latvia police mounted a cross-country hunt for defaulters on bank loans.",
			nil, []string{"Latvia -mount-> cross-country hunt for defaulters on bank loans"}},
		{"a name's particle is no title", "Jonas di Mare works at Widget Systems. \"Rates will fall,\" said Widget's di Mare.",
			nil, []string{"Jonas di Mare -di of-> Widget Systems"}},
		{"seem to have done: have is the perfect's", "Bankers say the Finance Ministry and Central Bank of Latvia (CBL) seem to have developed a new strategy.",
			[]string{"Central Bank of Latvia -seem to develop-> new strategy by bankers"}, []string{"Central Bank of Latvia -seem to have-> developed a new strategy by bankers"}},
		{"its on the object of a named company's clause: that company's", "The European Commission said the Latvian market was closed. In Finland, where the government is angered over the difficulties Nordhavn Energy has faced in its bid to crack the Latvian market, officials said they would act.",
			[]string{"Nordhavn Energy -crack-> Latvian market to by officials"}, []string{"European Commission -crack-> Latvian market to by officials"}},
		{"a company of a place is based there", "The first order has been placed by <Nordhavn Energy> of the U.S., a subcontractor to <Widget Systems> of Canada.",
			[]string{"Nordhavn Energy -based in-> United States", "Widget Systems -based in-> Canada"}, []string{"Nordhavn Energy -of-> United States"}},
		{"the company's after another company's officials: no guess", "Halden Steel said it would bid for Baltic Rail. Widget Systems officials said they had no intention of raising the company's bid for Baltic Rail.",
			nil, []string{"Halden Steel -bid for-> Baltic Rail by Widget Systems officials"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTriples(t, ex, tt.text, tt.want, tt.not)
		})
	}
}

// TestGuardedMend: a mend of the tree that leaves a cycle is undone, and
// a sentence whose parse led a mend into a cycle (a plural verb after an
// object, itself above that object's verb) still extracts.
func TestGuardedMend(t *testing.T) {
	w := []ud.Token{{Form: "a", Head: 0, Deprel: "root"}, {Form: "b", Head: 1, Deprel: "obj"}}
	var g guard
	g.run(w, func() { w[0].Head = 2 })
	if !acyclic(w) || w[0].Head != 0 {
		t.Errorf("guard left %v", w)
	}
	g.run(w, func() { w[1].Deprel = "nsubj" }) // no cycle: kept
	if w[1].Deprel != "nsubj" {
		t.Errorf("guard undid a mend that left no cycle: %v", w)
	}
	ex := mustExtractor(t)
	text := "Jonas Berg criticized Baltic Union policies which he said encourage domestic production by providing high supports to farmers and then exporting the surplus product with the help of subsidies."
	if _, err := ex.Extract(context.Background(), Input{ID: "t", Text: text}); err != nil {
		t.Fatal(err)
	}
}

// TestCaselessOblique: a plain noun the parser made an oblique of a verb
// with no object, without a preposition, is the object; a time or an
// amount is not.
func TestCaselessOblique(t *testing.T) {
	tok := func(form, upos string, head int, rel string) ud.Token {
		return ud.Token{Form: form, UPOS: upos, Head: head, Deprel: rel}
	}
	// "NGI forecast in April an average yield"
	w := []ud.Token{tok("NGI", "PROPN", 2, "nsubj"), tok("forecast", "VERB", 0, "root"), tok("in", "ADP", 4, "case"),
		tok("April", "PROPN", 2, "obl"), tok("an", "DET", 7, "det"), tok("average", "ADJ", 7, "amod"), tok("yield", "NOUN", 2, "obl")}
	caselessOblique(w, 1)
	if w[6].Deprel != "obj" || w[3].Deprel != "obl" {
		t.Errorf("yield %s, April %s; want obj, obl", w[6].Deprel, w[3].Deprel)
	}
	// "sales rose 5 pct last year": no object
	w = []ud.Token{tok("sales", "NOUN", 2, "nsubj"), tok("rose", "VERB", 0, "root"), tok("5", "NUM", 4, "nummod"),
		tok("pct", "NOUN", 2, "obl"), tok("last", "ADJ", 6, "amod"), tok("year", "NOUN", 2, "obl")}
	caselessOblique(w, 1)
	if w[3].Deprel != "obl" || w[5].Deprel != "obl" {
		t.Errorf("pct %s, year %s; want obl, obl", w[3].Deprel, w[5].Deprel)
	}
}

// TestStoryThat: what a story, a forecast or a ruling says is its
// teller's, and what a hope or a fear says its holder's, not a fact.
func TestStoryThat(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Mart Tamm leaked a story that Jonas Berg had been chosen to replace Liis Kuusik.",
		[]string{"Jonas Berg -be chosen to replace-> Liis Kuusik by Mart Tamm"}, []string{"Jonas Berg -be chosen to replace-> Liis Kuusik"})
	checkTriples(t, ex, "Mart Tamm voiced fears that Nordline would sell its ferries.",
		[]string{"Nordline -sell-> ferries would by Mart Tamm"}, []string{"Nordline -sell-> ferries would"})
}

// TestHedge: an adverb of likelihood is the clause's modality.
func TestHedge(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy probably bought Widget Systems. Baltic Rail reportedly sold its ferries to Nordline.",
		[]string{"Nordhavn Energy -buy-> Widget Systems probably", "Baltic Rail -sell ferries to-> Nordline reportedly"},
		[]string{"Nordhavn Energy -buy-> Widget Systems", "Baltic Rail -sell ferries to-> Nordline"})
}

// TestHiredToDo: who is hired to do it does it.
func TestHiredToDo(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Halden Steel said it retained Morvik and Co Inc to consider various financial and strategic alternatives available to the company.",
		[]string{"Morvik and Co Inc -consider-> various financial and strategic alternatives to by Halden Steel"},
		[]string{"Halden Steel -consider-> various financial and strategic alternatives to by Halden Steel"})
}

// TestLightObjectCircumstance: "according to X" makes no light-object
// relation.
func TestLightObjectCircumstance(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy is issuing domestic bonds with share warrants, according to announcements in the official bulletin.",
		[]string{"Nordhavn Energy -issue bonds with-> share warrants by announcements in official bulletin"},
		[]string{"Nordhavn Energy -issue bonds according to-> announcements in official bulletin by announcements in official bulletin"})
}

// TestAdjectiveInfinitive: "was able to" did it, "is unlikely to" and "is
// reluctant to" are no plans, and "neither … nor" denies both.
func TestAdjectiveInfinitive(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "Nordhavn Energy was able to finance the acquisition of Widget Systems with cash. Jonas Berg is unlikely to come to Latvia. The Baltic Bank is reluctant to lower short-term rates. Baltic Rail would neither confirm nor deny the Nordline forecast.",
		[]string{"Nordhavn Energy -finance acquisition of-> Widget Systems", "Jonas Berg -come to-> Latvia unlikely",
			"Baltic Bank -lower-> short-term rates reluctant", "Baltic Rail -deny-> Nordline forecast neg would"},
		[]string{"Nordhavn Energy -finance acquisition of-> Widget Systems to", "Jonas Berg -come to-> Latvia to",
			"Baltic Bank -lower-> short-term rates to", "Baltic Rail -deny-> Nordline forecast would"})
}

// clauseExtractor is an extractor whose graph keeps the objects the
// unspecific filter leaves out: the clause rules' tests read what the
// rules give; TestUnspecific tests the filter itself.
func clauseExtractor(t testing.TB) *Extractor {
	t.Helper()
	ex := mustExtractor(t)
	ex.unspecificToo = true
	return ex
}

// TestUnspecificWhereAndWhom: the graph leaves out a copula with a
// preposition and a plain object (where or how a name stands, not what
// it is) and whom a newsroom polled; kg extract still prints them.
func TestUnspecificWhereAndWhom(t *testing.T) {
	for _, c := range []struct {
		rel, obj, rule, want string
	}{
		{"be under", "pressure", "copula", "copula with preposition"},                         // Nordhavn Energy is under no pressure to sell.
		{"be in", "midst of 50-mln-share stock buyback", "copula", "copula with preposition"}, // Halden Steel is in the midst of a … buyback.
		{"be among", "strong performers", "copula", "copula with preposition"},                // Widget Systems was among the strong performers.
		{"be", "leading producer of grains", "copula", ""},                                    // Latgale is the leading producer of grains.
		{"poll", "economists", "agent", "light verb"},                                         // Economists polled by the agency said …
		{"contact", "bank economists", "agent", "light verb"},                                 // Bank economists contacted by the agency said …
		{"use", "chemical weapons", "obj", ""},                                                // Estonia used chemical weapons.
	} {
		tr := graph.Triple{SubjectType: graph.Org, Relation: c.rel, Object: c.obj, ObjectType: graph.Concept, Confidence: 0.6, Rule: c.rule}
		if got := unspecific(tr); got != c.want {
			t.Errorf("unspecific(%s → %s, %s) = %q, want %q", c.rel, c.obj, c.rule, got, c.want)
		}
	}
	// a ticker the parser took for a verb is no relation
	tr := graph.Triple{SubjectType: graph.Org, Relation: "<modx.o>", Object: "Halden Steel", ObjectType: graph.Org, Confidence: 0.6, Rule: "obj"}
	if Kept(tr) {
		t.Errorf("Kept(–<modx.o>→) = true")
	}
	// nor is a credit rating a thing to relate to
	for _, r := range []string{"BBB", "CCC-minus", "A-plus", "Baa-1", "AA"} {
		tr := graph.Triple{SubjectType: graph.Org, Relation: "cut debt to", Object: r, ObjectType: graph.Concept, Confidence: 0.6, Rule: "obl"}
		if Kept(tr) {
			t.Errorf("Kept(–cut debt to→ %s) = true", r)
		}
	}
	if tr := (graph.Triple{SubjectType: graph.Org, Relation: "sell unit to", Object: "Baltic Rail", ObjectType: graph.Org, Confidence: 0.6, Rule: "obl"}); !Kept(tr) {
		t.Errorf("Kept(–sell unit to→ Baltic Rail) = false")
	}
}

// TestSplitSubjectName: a name after "of" the parser cut into a second
// subject goes on with the name; two people joined by "and" stay two.
func TestSplitSubjectName(t *testing.T) {
	tok := func(form, upos string, head int, rel string) ud.Token {
		return ud.Token{Form: form, UPOS: upos, Head: head, Deprel: rel}
	}
	// "Jonas Berg of Halden Securities Co International sees rates"
	w := []ud.Token{tok("Jonas", "PROPN", 8, "nsubj"), tok("Berg", "PROPN", 1, "flat"), tok("of", "ADP", 5, "case"),
		tok("Halden", "PROPN", 5, "compound"), tok("Securities", "PROPN", 2, "nmod"), tok("Co", "PROPN", 8, "nsubj"),
		tok("International", "PROPN", 6, "flat"), tok("sees", "VERB", 0, "root"), tok("rates", "NOUN", 8, "obj")}
	splitSubjectName(w, 7)
	if w[5].Head != 5 || w[5].Deprel != "flat" {
		t.Errorf("Co: head %d %s, want 5 flat", w[5].Head, w[5].Deprel)
	}
	// "Mart Tamm and Foreign Minister Jonas Berg met": two subjects
	w = []ud.Token{tok("Mart", "PROPN", 7, "nsubj"), tok("Tamm", "PROPN", 1, "flat"), tok("and", "CCONJ", 4, "cc"),
		tok("Foreign", "PROPN", 1, "conj"), tok("Minister", "PROPN", 4, "flat"), tok("Jonas", "PROPN", 7, "nsubj"),
		tok("met", "VERB", 0, "root")}
	splitSubjectName(w, 6)
	if w[5].Head != 7 || w[5].Deprel != "nsubj" {
		t.Errorf("Jonas: head %d %s, want 7 nsubj", w[5].Head, w[5].Deprel)
	}
}

// TestDatelineOwner: a cabinet title with no owner in a story datelined
// in a country that names no other is that country's; a demonym before
// it, or another country's capital in the story, keeps it no one's.
func TestDatelineOwner(t *testing.T) {
	ex := clauseExtractor(t)
	checkTriples(t, ex, "TALLINN, March 3 - Finance Minister Mart Tamm said the kroon was stable. Estonia will cut tariffs.",
		[]string{"Mart Tamm -finance minister of-> Estonia"}, []string{"Mart Tamm -be-> finance minister"})
	checkTriples(t, ex, "TALLINN, March 3 - Estonia will cut tariffs, Finance Minister Mart Tamm said after talks in Riga.",
		nil, []string{"Mart Tamm -finance minister of-> Estonia"})
	checkTriples(t, ex, "TALLINN, March 3 - Mart Tamm met Finnish Trade Minister Aino Kestila.",
		nil, []string{"Aino Kestila -trade minister of-> Estonia"})
	checkTriples(t, ex, "TALLINN, March 3 - Mart Tamm is finance minister. Estonia will cut tariffs.",
		[]string{"Mart Tamm -finance minister of-> Estonia"}, []string{"Mart Tamm -be-> finance minister"})
}
